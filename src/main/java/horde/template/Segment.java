package horde.template;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/** One resolved piece of a bound template. */
sealed interface Segment {
  void append(Scope scope, StringBuilder out) throws UnsetValueException;

  /** A built-in that writes only ASCII letters, digits and '-': nothing in it needs escaping in JSON. */
  sealed interface Plain extends Segment {}

  record Literal(String text) implements Segment {
    @Override
    public void append(Scope scope, StringBuilder out) {
      out.append(text);
    }
  }

  record Variable(int slot, String fallback, UnsetValueException unset) implements Segment {
    @Override
    public void append(Scope scope, StringBuilder out) throws UnsetValueException {
      String v = scope.variable(slot);
      if (v == null) v = fallback;
      if (v == null) throw unset;
      out.append(v);
    }
  }

  record FeederValue(int feeder, int column, String fallback, UnsetValueException unset)
      implements Segment {
    @Override
    public void append(Scope scope, StringBuilder out) throws UnsetValueException {
      String v = scope.feederValue(feeder, column);
      if (v == null) v = fallback;
      if (v == null) throw unset;
      out.append(v);
    }
  }

  record CookieValue(String name, String fallback, UnsetValueException unset) implements Segment {
    @Override
    public void append(Scope scope, StringBuilder out) throws UnsetValueException {
      String v = scope.cookie(name);
      if (v == null) v = fallback;
      if (v == null) throw unset;
      out.append(v);
    }
  }

  record Uuid() implements Plain {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    @Override
    public void append(Scope scope, StringBuilder out) {
      long hi = (scope.random().nextLong() & ~0xF000L) | 0x4000L;
      long lo = (scope.random().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
      // digit by digit, as UUID.toString writes them: that made a string on every request
      hex(out, hi >>> 32, 8);
      hex(out.append('-'), hi >>> 16, 4);
      hex(out.append('-'), hi, 4);
      hex(out.append('-'), lo >>> 48, 4);
      hex(out.append('-'), lo, 12);
    }

    private static void hex(StringBuilder out, long value, int digits) {
      for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out.append(HEX[(int) (value >>> shift) & 15]);
    }
  }

  record TimestampMillis() implements Plain {
    @Override
    public void append(Scope scope, StringBuilder out) {
      out.append(System.currentTimeMillis());
    }
  }

  record Counter(AtomicLong counter) implements Plain {
    @Override
    public void append(Scope scope, StringBuilder out) {
      out.append(counter.incrementAndGet());
    }
  }

  record RandomInt(long min, long max) implements Plain {
    @Override
    public void append(Scope scope, StringBuilder out) {
      out.append(scope.random().nextLong(min, max + 1));
    }
  }

  record UserId() implements Plain {
    @Override
    public void append(Scope scope, StringBuilder out) {
      out.append(scope.userId());
    }
  }

  record Iteration() implements Plain {
    @Override
    public void append(Scope scope, StringBuilder out) {
      out.append(scope.iteration());
    }
  }

  /** Renders {@code inner} and JSON-escapes what it wrote (for values inside JSON strings). */
  record JsonEscaped(Segment inner) implements Segment {
    @Override
    public void append(Scope scope, StringBuilder out) throws UnsetValueException {
      int start = out.length();
      inner.append(scope, out);
      JsonText.escapeFrom(out, start);
    }
  }

  /** Renders {@code inner} and appends {@code f} of what it rendered (an encoding, say). */
  record Mapped(BoundTemplate inner, UnaryOperator<String> f) implements Segment {
    @Override
    public void append(Scope scope, StringBuilder out) throws UnsetValueException {
      out.append(f.apply(inner.render(scope)));
    }
  }
}
