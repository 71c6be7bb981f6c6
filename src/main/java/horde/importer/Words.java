package horde.importer;

import java.util.Set;

/**
 * Values that stand alone in text: a match of {@code conv_42} in {@code /c/conv_42/messages}, but
 * not in {@code conv_421} or {@code xconv_42}. Letters and digits continue a word; anything else
 * ends it.
 */
final class Words {
  private Words() {}

  static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c);
  }

  /** The run of letters and digits that starts {@code text} at {@code from}. */
  static String runAt(String text, int from) {
    int end = from;
    while (end < text.length() && isWordChar(text.charAt(end))) end++;
    return text.substring(from, end);
  }

  /** Whether a word starts at {@code i}: a letter or digit with none just before it. */
  static boolean startsAt(String text, int i) {
    return isWordChar(text.charAt(i)) && (i == 0 || !isWordChar(text.charAt(i - 1)));
  }

  /** Whether {@code value} occurs at {@code i} and ends where a word ends. */
  static boolean matchAt(String text, int i, String value) {
    int end = i + value.length();
    return text.startsWith(value, i) && (end == text.length() || !isWordChar(text.charAt(end)));
  }

  /** Whether {@code value} stands alone somewhere in {@code text}. */
  static boolean contains(String text, String value) {
    for (int i = text.indexOf(value); i >= 0; i = text.indexOf(value, i + 1)) {
      if ((i == 0 || !isWordChar(text.charAt(i - 1))) && matchAt(text, i, value)) return true;
    }
    return false;
  }

  /** Adds every run of letters and digits in {@code text} to {@code runs}. */
  static void collect(String text, Set<String> runs) {
    for (int i = 0; i < text.length(); i++) {
      if (startsAt(text, i)) {
        String run = runAt(text, i);
        runs.add(run);
        i += run.length() - 1;
      }
    }
  }
}
