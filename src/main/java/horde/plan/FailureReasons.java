package horde.plan;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The table of failure reasons, each an integer id so that counting a failure is an array
 * increment. Transport reasons and HTTP statuses have fixed ids; checks, saves and template errors
 * are added as they are planned or first seen. Past {@link #CAPACITY} reasons, new ones fold into
 * {@link #OTHER}. Thread-safe.
 */
public final class FailureReasons {
  public static final int CAPACITY = 512;
  public static final int TIMEOUT = 0;
  public static final int CONNECTION_REFUSED = 1;
  public static final int CONNECT_TIMEOUT = 2;
  public static final int CONNECTION_RESET = 3;
  public static final int CONNECTION_CLOSED = 4;
  public static final int TLS = 5;
  public static final int BAD_RESPONSE = 6;
  public static final int TOO_MANY_REDIRECTS = 7;
  public static final int UNKNOWN_HOST = 8;
  public static final int FEEDER_EXHAUSTED = 9;
  public static final int OTHER = 10;
  public static final int TOO_MANY_OPEN_FILES = 11;
  public static final int BODY_TOO_LARGE = 12;
  private static final String[] FIXED = {
    "timeout", "connection refused", "connect timeout", "connection reset", "connection closed",
    "tls error", "bad response", "too many redirects", "unknown host", "feeder exhausted", "other error",
    "too many open files", "body too large"
  };
  private static final int HTTP_BASE = 16;

  private final AtomicReferenceArray<String> names = new AtomicReferenceArray<>(CAPACITY);
  private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
  private final AtomicInteger next = new AtomicInteger(HTTP_BASE + 200);

  public FailureReasons() {
    for (int i = 0; i < FIXED.length; i++) register(i, FIXED[i]);
    for (int s = 400; s < 600; s++) register(HTTP_BASE + s - 400, "HTTP " + s);
  }

  private void register(int id, String name) {
    names.set(id, name);
    ids.put(name, id);
  }

  /** The id of "HTTP {status}" for 400-599, else {@link #BAD_RESPONSE}. */
  public static int httpStatus(int status) {
    return status >= 400 && status < 600 ? HTTP_BASE + status - 400 : BAD_RESPONSE;
  }

  /** The id for {@code name}, adding it when new. Allocation-free when it is known. */
  public int idOf(String name) {
    Integer id = ids.get(name);
    if (id != null) return id;
    synchronized (this) {
      id = ids.get(name);
      if (id != null) return id;
      int n = next.get();
      if (n >= CAPACITY) return OTHER;
      register(n, name);
      next.set(n + 1);
      return n;
    }
  }

  /** The reason's name, or null for an unused id. */
  public String name(int id) {
    return names.get(id);
  }

  /** One past the highest id in use. */
  public int size() {
    return next.get();
  }
}
