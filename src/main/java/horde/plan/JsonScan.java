package horde.plan;

/**
 * One pass over a JSON document's bytes that checks it is JSON (RFC 8259, UTF-8) and hands the
 * values at a {@link JsonPicks}' paths to a {@link Picked}, allocating nothing.
 *
 * <p>It accepts only what Jackson's default reader accepts too, and is stricter where that is
 * simpler: whatever it does not accept (a byte-order mark, another encoding, invalid JSON, nesting
 * deeper than {@value #MAX_DEPTH}, a very long number, name or string, a member name with escapes
 * where a path looks at names, a body of only whitespace) it leaves to Jackson's tree, which then
 * decides, so the answers are the tree's in every case. Each method returns the index after what
 * it read, or -1 when it leaves the document to the tree.
 */
final class JsonScan {
  /** Jackson allows 500 by default. */
  private static final int MAX_DEPTH = 64;
  /** Jackson allows 1,000 characters. */
  private static final int MAX_NUMBER = 100;
  /** Jackson allows 50,000. */
  private static final int MAX_NAME = 1_000;
  /** Jackson allows 100,000,000 characters. */
  private static final int MAX_STRING = 1 << 20;
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};

  private final Picked out;
  private byte[] b;
  private int end;
  /** Whether the string just read had an escape. */
  private boolean escaped;

  JsonScan(Picked out) {
    this.out = out;
  }

  /** Whether the document is plain JSON the scan could read whole; false leaves it to the tree. */
  boolean read(JsonPicks.Node root, byte[] body, int length) {
    b = body;
    end = length;
    int i = space(0);
    if (i == end) return false; // whitespace alone: Jackson's tree calls it a missing node
    i = value(i, root, 0);
    return i >= 0 && space(i) == end;
  }

  private int space(int i) {
    while (i < end && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) i++;
    return i;
  }

  /** The value at {@code i}; {@code at} is where it stands in the paths, null when none goes there. */
  private int value(int i, JsonPicks.Node at, int depth) {
    if (i >= end) return -1;
    if (at != null) out.clear(at); // a member named twice: the tree keeps the last value
    return switch (b[i]) {
      case '{' -> at != null && !out.container(at) ? -1 : object(space(i + 1), at, depth + 1);
      case '[' -> at != null && !out.container(at) ? -1 : array(space(i + 1), at, depth + 1);
      case '"' -> {
        int after = string(i + 1, MAX_STRING);
        if (after > 0 && at != null) out.string(at, i + 1, after - 1, escaped);
        yield after;
      }
      case 't' -> literal(i, TRUE, at, Picked.TRUE);
      case 'f' -> literal(i, FALSE, at, Picked.FALSE);
      case 'n' -> literal(i, NULL, at, Picked.NULL);
      default -> number(i, at);
    };
  }

  private int object(int i, JsonPicks.Node at, int depth) {
    if (depth > MAX_DEPTH) return -1;
    if (i < end && b[i] == '}') return i + 1;
    while (true) {
      if (i >= end || b[i] != '"') return -1;
      int after = string(i + 1, MAX_NAME);
      if (after < 0) return -1;
      JsonPicks.Node member = null;
      if (at != null && at.hasMembers()) {
        if (escaped) return -1; // "\u0069d" is the name id: the tree compares it decoded
        member = at.member(b, i + 1, after - 1);
      }
      i = space(after);
      if (i >= end || b[i] != ':') return -1;
      i = value(space(i + 1), member, depth);
      if (i < 0) return -1;
      i = space(i);
      if (i >= end) return -1;
      if (b[i] == '}') return i + 1;
      if (b[i] != ',') return -1;
      i = space(i + 1);
    }
  }

  private int array(int i, JsonPicks.Node at, int depth) {
    if (depth > MAX_DEPTH) return -1;
    if (i < end && b[i] == ']') return i + 1;
    for (int index = 0; ; index++) {
      i = value(i, at == null ? null : at.element(index), depth);
      if (i < 0) return -1;
      i = space(i);
      if (i >= end) return -1;
      if (b[i] == ']') return i + 1;
      if (b[i] != ',') return -1;
      i = space(i + 1);
    }
  }

  /** From just after the opening quote; the index after the closing one. */
  private int string(int i, int max) {
    escaped = false;
    int limit = (int) Math.min(end, (long) i + max);
    while (i < limit) {
      int c = b[i] & 0xFF;
      if (c == '"') return i + 1;
      if (c == '\\') {
        escaped = true;
        i = escape(i + 1);
        if (i < 0) return -1;
      } else if (c < 0x20) {
        return -1; // a control character must be escaped
      } else if (c < 0x80) {
        i++;
      } else {
        i = utf8(i, c);
        if (i < 0) return -1;
      }
    }
    return -1;
  }

  /** From just after the backslash. */
  private int escape(int i) {
    if (i >= end) return -1;
    return switch (b[i]) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> i + 1;
      case 'u' -> i + 5 <= end && hex(b[i + 1]) && hex(b[i + 2]) && hex(b[i + 3]) && hex(b[i + 4]) ? i + 5 : -1;
      default -> -1;
    };
  }

  private static boolean hex(byte c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  /** One UTF-8 sequence starting with {@code lead}, strictly: no overlong forms, no surrogates, nothing past U+10FFFF. */
  private int utf8(int i, int lead) {
    int n;
    int low = 0x80;
    int high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      n = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      n = 2;
      if (lead == 0xE0) low = 0xA0;
      if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      n = 3;
      if (lead == 0xF0) low = 0x90;
      if (lead == 0xF4) high = 0x8F;
    } else {
      return -1;
    }
    if (i + n >= end) return -1;
    int second = b[i + 1] & 0xFF;
    if (second < low || second > high) return -1;
    for (int k = 2; k <= n; k++) {
      if ((b[i + k] & 0xC0) != 0x80) return -1;
    }
    return i + n + 1;
  }

  private int literal(int i, byte[] word, JsonPicks.Node at, byte kind) {
    if (i + word.length > end) return -1;
    for (int k = 1; k < word.length; k++) if (b[i + k] != word[k]) return -1;
    if (at != null) out.scalar(at, kind);
    return i + word.length;
  }

  /** RFC 8259's number; whole numbers of up to 18 digits are read, others only noted. */
  private int number(int i, JsonPicks.Node at) {
    int start = i;
    boolean negative = i < end && b[i] == '-';
    if (negative) i++;
    if (i >= end || !digit(b[i])) return -1;
    if (b[i] == '0') i++;
    else i = digits(i);
    int wholeEnd = i;
    boolean whole = true;
    if (i < end && b[i] == '.') {
      int from = i + 1;
      i = digits(from);
      if (i == from) return -1;
      whole = false;
    }
    if (i < end && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      if (i < end && (b[i] == '+' || b[i] == '-')) i++;
      int from = i;
      i = digits(from);
      if (i == from) return -1;
      whole = false;
    }
    if (i - start > MAX_NUMBER) return -1;
    if (at == null) return i;
    int first = negative ? start + 1 : start;
    if (!whole || wholeEnd - first > 18) return out.otherNumber(at) ? i : -1;
    long v = 0;
    for (int k = first; k < wholeEnd; k++) v = v * 10 + (b[k] - '0');
    out.integer(at, negative ? -v : v); // -0 is 0, as in the tree
    return i;
  }

  private int digits(int i) {
    while (i < end && digit(b[i])) i++;
    return i;
  }

  private static boolean digit(byte c) {
    return c >= '0' && c <= '9';
  }
}
