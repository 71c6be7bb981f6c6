package horde.plan;

import horde.scenario.JsonExpectation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * What a {@link JsonPicks} read from one answer's body (or one event of a streamed answer): by slot,
 * the kind of value found and where its text lies in the body. One per response, reused from answer
 * to answer (and one per streamed LLM answer, for its events, {@link AnswerPicks}): reading allocates
 * nothing, and a value becomes a string only when a save or a comparison needs one. Checks and
 * saves answer exactly as on Jackson's tree ({@link CheckPlan}, {@link ExtractPlan}).
 */
public final class Picked {
  static final byte MISSING = 0;
  static final byte NULL = 1;
  static final byte TRUE = 2;
  static final byte FALSE = 3;
  static final byte STRING = 4;
  /** A whole number of up to 18 digits, in {@link #integers}. */
  static final byte INTEGER = 5;
  /** Any other number: its value is left to the tree. */
  static final byte NUMBER = 6;
  /** An object or an array. */
  static final byte CONTAINER = 7;

  private final JsonScan scan = new JsonScan(this);
  private JsonPicks picks;
  private byte[] body;
  private byte[] kinds = new byte[0];
  private int[] starts = new int[0];
  private int[] ends = new int[0];
  private long[] integers = new long[0];
  private boolean[] escaped = new boolean[0];

  /**
   * Reads the body's values at the picks' paths; false when only Jackson's tree can tell (the body
   * is not plain JSON, or a value to read is an object, an array or a number other than a whole
   * one): then nothing read here may be used.
   */
  public boolean read(JsonPicks picks, byte[] body, int length) {
    if (kinds.length < picks.slots) grow(picks.slots);
    this.picks = picks;
    this.body = body;
    return scan.read(picks.root, body, length);
  }

  /** Lets go of the last body read: a large one may be what the heap needs back. */
  public void release() {
    body = null;
  }

  private void grow(int slots) {
    kinds = new byte[slots];
    starts = new int[slots];
    ends = new int[slots];
    integers = new long[slots];
    escaped = new boolean[slots];
  }

  void clear(JsonPicks.Node at) {
    Arrays.fill(kinds, at.from, at.to, MISSING);
  }

  void scalar(JsonPicks.Node at, byte kind) {
    for (int slot : at.ends) kinds[slot] = kind;
  }

  void string(JsonPicks.Node at, int start, int end, boolean withEscapes) {
    for (int slot : at.ends) {
      kinds[slot] = STRING;
      starts[slot] = start;
      ends[slot] = end;
      escaped[slot] = withEscapes;
    }
  }

  void integer(JsonPicks.Node at, long value) {
    for (int slot : at.ends) {
      kinds[slot] = INTEGER;
      integers[slot] = value;
    }
  }

  /** False when a path ending here needs the value itself, which the tree gives. */
  boolean otherNumber(JsonPicks.Node at) {
    return mark(at, NUMBER);
  }

  boolean container(JsonPicks.Node at) {
    return mark(at, CONTAINER);
  }

  private boolean mark(JsonPicks.Node at, byte kind) {
    for (int slot : at.ends) {
      if (picks.needsValue[slot]) return false;
      kinds[slot] = kind;
    }
    return true;
  }

  /** A JSON check's answer, as {@code CheckPlan} gives it on a tree. */
  boolean holds(int slot, JsonExpectation expect) {
    return switch (expect) {
      case JsonExpectation.Present p -> kinds[slot] != MISSING;
      case JsonExpectation.Absent a -> kinds[slot] == MISSING;
      case JsonExpectation.EqualTo eq -> kinds[slot] != MISSING && equal(slot, eq.value());
      case JsonExpectation.OneOf any -> kinds[slot] != MISSING && anyEqual(slot, any.values());
    };
  }

  private boolean anyEqual(int slot, List<Object> values) {
    for (int i = 0; i < values.size(); i++) if (equal(slot, values.get(i))) return true;
    return false;
  }

  private boolean equal(int slot, Object expected) {
    byte kind = kinds[slot];
    return switch (expected) {
      case null -> kind == NULL;
      case String s -> kind == STRING && sameText(slot, s);
      case Boolean v -> kind == (v ? TRUE : FALSE);
      case Integer n -> kind == INTEGER && integers[slot] == n;
      case Long n -> kind == INTEGER && integers[slot] == n;
      case Number n -> kind == INTEGER && BigDecimal.valueOf(integers[slot]).compareTo(new BigDecimal(n.toString())) == 0;
      default -> false;
    };
  }

  /** Compared in place when the text is plain ASCII, the usual case: no string is made. */
  private boolean sameText(int slot, String s) {
    int start = starts[slot];
    int length = ends[slot] - start;
    if (!escaped[slot]) {
      boolean ascii = true;
      for (int i = 0; i < length && ascii; i++) ascii = body[start + i] >= 0;
      if (ascii) {
        if (length != s.length()) return false;
        for (int i = 0; i < length; i++) if (body[start + i] != s.charAt(i)) return false;
        return true;
      }
    }
    return text(slot).equals(s);
  }

  /** Whether the path has a value, JSON null included. */
  public boolean has(int slot) {
    return kinds[slot] != MISSING;
  }

  public boolean isNull(int slot) {
    return kinds[slot] == NULL;
  }

  /** A whole number at the path, else {@code otherwise}: as a tree's {@code isNumber() ? asLong()}. */
  public long integer(int slot, long otherwise) {
    return kinds[slot] == INTEGER ? integers[slot] : otherwise;
  }

  /**
   * Appends the value's {@link #text} to {@code to}, a plain ASCII string without making a String
   * of it; false when there is none to append (missing, JSON null or empty).
   */
  public boolean appendText(int slot, StringBuilder to) {
    if (kinds[slot] != STRING || escaped[slot]) {
      String t = text(slot);
      if (t == null || t.isEmpty()) return false;
      to.append(t);
      return true;
    }
    int start = starts[slot], end = ends[slot];
    for (int i = start; i < end; i++) {
      if (body[i] < 0) {
        to.append(text(slot));
        return true;
      }
    }
    for (int i = start; i < end; i++) to.append((char) body[i]);
    return end > start;
  }

  /** A save's value, as {@code ExtractPlan} gives it on a tree: null when missing or JSON null. */
  public String text(int slot) {
    return switch (kinds[slot]) {
      case MISSING, NULL -> null;
      case TRUE -> "true";
      case FALSE -> "false";
      case INTEGER -> Long.toString(integers[slot]);
      case STRING -> escaped[slot] ? unescape(starts[slot], ends[slot])
          : new String(body, starts[slot], ends[slot] - starts[slot], StandardCharsets.UTF_8);
      default -> throw new IllegalStateException("a save's value that only a tree gives was read without one");
    };
  }

  /** The text of a string with escapes; the scan checked each of them. */
  private String unescape(int start, int end) {
    StringBuilder out = new StringBuilder(end - start);
    int run = start;
    int i = start;
    while (i < end) {
      if (body[i] != '\\') {
        i++;
        continue;
      }
      out.append(new String(body, run, i - run, StandardCharsets.UTF_8));
      byte e = body[i + 1];
      if (e == 'u') {
        int c = 0;
        for (int k = 2; k < 6; k++) c = c * 16 + Character.digit(body[i + k], 16);
        out.append((char) c);
        i += 6;
      } else {
        out.append(switch (e) {
          case 'b' -> '\b';
          case 'f' -> '\f';
          case 'n' -> '\n';
          case 'r' -> '\r';
          case 't' -> '\t';
          default -> (char) e; // " \ /
        });
        i += 2;
      }
      run = i;
    }
    return out.append(new String(body, run, end - run, StandardCharsets.UTF_8)).toString();
  }
}
