package horde.plan;

import horde.scenario.FailureKind;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The table of failure reasons, each an integer id so that counting a failure is an array
 * increment, with its name and {@link FailureKind}. Transport reasons and HTTP statuses have fixed
 * ids; checks, saves and template errors are added as they are planned or first seen. Past {@link
 * #CAPACITY} reasons, new ones fold into {@link #OTHER}. Thread-safe; looking up a known name
 * allocates nothing.
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
  public static final int STREAM_RESET = 13;
  public static final int GOAWAY = 14;
  private static final String[] FIXED = {
    "timeout", "connection refused", "connect timeout", "connection reset", "connection closed",
    "tls error", "bad response", "too many redirects", "unknown host", "feeder exhausted", "other error",
    "too many open files", "body too large", "stream reset", "goaway"
  };
  private static final int HTTP_BASE = 16;

  /** A reason as the result file and reports know it. */
  public record Reason(String name, FailureKind kind) {}

  private final AtomicReferenceArray<Reason> reasons = new AtomicReferenceArray<>(CAPACITY);
  private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
  private final AtomicInteger next = new AtomicInteger(HTTP_BASE + 200);

  public FailureReasons() {
    for (int i = 0; i < FIXED.length; i++) {
      FailureKind kind = switch (i) {
        case TIMEOUT -> FailureKind.TIMEOUT;
        case FEEDER_EXHAUSTED -> FailureKind.FEEDER;
        case CONNECTION_REFUSED -> FailureKind.REFUSED;
        case TOO_MANY_OPEN_FILES -> FailureKind.DESCRIPTORS;
        case BODY_TOO_LARGE -> FailureKind.BODY_TOO_LARGE;
        default -> FailureKind.TRANSPORT;
      };
      register(i, new Reason(FIXED[i], kind));
    }
    for (int s = 400; s < 600; s++) register(HTTP_BASE + s - 400, new Reason(FailureKind.httpReason(s), FailureKind.HTTP));
  }

  private void register(int id, Reason reason) {
    reasons.set(id, reason);
    ids.put(reason.name(), id);
  }

  /** The id of "HTTP {status}" for 400-599, else {@link #BAD_RESPONSE}. */
  public static int httpStatus(int status) {
    return status >= 400 && status < 600 ? HTTP_BASE + status - 400 : BAD_RESPONSE;
  }

  /** The id for {@code name}, adding it with {@code kind} when new. Allocation-free when it is known. */
  public int idOf(String name, FailureKind kind) {
    Integer id = ids.get(name);
    if (id != null) return id;
    synchronized (this) {
      id = ids.get(name);
      if (id != null) return id;
      int n = next.get();
      if (n >= CAPACITY) return OTHER;
      register(n, new Reason(name, kind));
      next.set(n + 1);
      return n;
    }
  }

  /** The id of a known reason, or -1. */
  public int find(String name) {
    Integer id = ids.get(name);
    return id == null ? -1 : id;
  }

  /** The reason's name, or null for an unused id. */
  public String name(int id) {
    Reason r = reasons.get(id);
    return r == null ? null : r.name();
  }

  /** The reason, or null for an unused id. */
  public Reason reason(int id) {
    return reasons.get(id);
  }

  /** One past the highest id in use. */
  public int size() {
    return next.get();
  }
}
