package horde.scenario.yaml;

import horde.scenario.SourcePosition;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The scenario text, to turn YAML marks and offsets inside scalars into 1-based {@code
 * file:line:column} positions. Columns count code points, as the YAML reader does.
 */
final class Source {
  private final String file;
  private final int[] text;

  Source(String file, String yaml) {
    this.file = file;
    this.text = yaml.codePoints().toArray();
  }

  String file() {
    return file;
  }

  /** The code point at {@code index}, or -1 outside the text. */
  int codePointAt(int index) {
    return index >= 0 && index < text.length ? text[index] : -1;
  }

  SourcePosition at(Mark mark) {
    return new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  SourcePosition at(Node node) {
    return node.getStartMark().map(this::at).orElse(new SourcePosition(file, 1, 1));
  }

  /** The position of the code point at {@code index} in the whole text. */
  SourcePosition atIndex(int index) {
    return walk(0, 0, 0, index);
  }

  /**
   * The position of the character at {@code offset} (0-based, in chars) of a scalar's value. Exact
   * for plain one-line scalars; for quoted and multi-line ones the value is matched against the
   * source text character by character, skipping quotes, escapes and indentation, so the result is
   * right unless an escape sequence stands in for the character itself.
   */
  SourcePosition inScalar(ScalarNode node, int offset) {
    Mark start = node.getStartMark().orElse(null);
    if (start == null) return new SourcePosition(file, 1, 1);
    String value = node.getValue();
    int[] wanted = value.codePoints().toArray();
    int target = value.codePointCount(0, Math.clamp(offset, 0, value.length()));
    int end = Math.min(text.length, node.getEndMark().map(Mark::getIndex).orElse(text.length));
    int at = contentStart(node.getScalarStyle(), start.getIndex(), end);
    for (int k = 0; k < wanted.length && k <= target; k++) {
      int found = indexOf(wanted[k], at, end);
      if (k == target) return walk(start, found < 0 ? at : found);
      if (found >= 0) at = found + 1;
    }
    return walk(start, Math.min(at, end));
  }

  private int contentStart(ScalarStyle style, int from, int end) {
    if (style == ScalarStyle.DOUBLE_QUOTED || style == ScalarStyle.SINGLE_QUOTED) return from + 1;
    if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
      for (int i = from; i < end; i++) if (isBreak(i)) return i + 1;
    }
    return from;
  }

  private int indexOf(int codePoint, int from, int end) {
    for (int i = from; i < end; i++) if (text[i] == codePoint) return i;
    return -1;
  }

  private SourcePosition walk(Mark from, int index) {
    return walk(from.getLine(), from.getColumn(), from.getIndex(), index);
  }

  /** Counts lines and columns from a known place as the YAML reader does (BOM takes no column). */
  private SourcePosition walk(int line, int column, int from, int index) {
    for (int i = Math.max(0, from); i < Math.min(index, text.length); i++) {
      if (isBreak(i)) {
        line++;
        column = 0;
      } else if (text[i] != 0xFEFF) {
        column++;
      }
    }
    return new SourcePosition(file, line + 1, column + 1);
  }

  private boolean isBreak(int i) {
    int c = text[i];
    return c == '\n'
        || c == 0x85
        || c == 0x2028
        || c == 0x2029
        || (c == '\r' && (i + 1 >= text.length || text[i + 1] != '\n'));
  }
}
