package horde.simulator;

import java.util.SplittableRandom;

/**
 * Generated answer text. A token is a word: the first has no leading space, the rest have one, so
 * the concatenated tokens are the answer and counting tokens is counting words.
 */
final class Prose {
  // Letters and digits only: tokens then need no JSON escaping in stream chunks.
  private static final String[] WORDS =
      ("the model answer latency token stream cache request queue user search context "
              + "result document agent workflow budget capacity service response prompt "
              + "embedding vector index score relevant throughput server load test p95 knee "
              + "retry backend gateway cost a of to and in is for with that on as it by this we "
              + "can will more each when under faster slower first next")
          .split(" ");
  private static final int SENTENCE_WORDS = 12;

  private Prose() {}

  /** {@code count} tokens of answer text, sentences capitalised and ended with a full stop. */
  static String[] tokens(SplittableRandom random, int count) {
    String[] tokens = new String[count];
    for (int i = 0; i < count; i++) {
      String word = WORDS[random.nextInt(WORDS.length)];
      boolean sentenceStart = i % SENTENCE_WORDS == 0;
      boolean sentenceEnd = i % SENTENCE_WORDS == SENTENCE_WORDS - 1 || i == count - 1;
      if (sentenceStart) word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
      if (sentenceEnd) word = word + ".";
      tokens[i] = i == 0 ? word : " " + word;
    }
    return tokens;
  }

  /** The answer the tokens spell. */
  static String join(String[] tokens) {
    return String.join("", tokens);
  }

  /** A short passage, e.g. a search result, of {@code words} words. */
  static String passage(SplittableRandom random, int words) {
    return join(tokens(random, words));
  }

  /**
   * Tokens in a prompt, counted as whitespace-separated words: deterministic, and the same unit the
   * simulator generates in.
   */
  static int countTokens(CharSequence text) {
    int count = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !inWord) count++;
      inWord = !space;
    }
    return count;
  }
}
