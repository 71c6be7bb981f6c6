package horde.plan;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import horde.scenario.LlmSettings;
import java.util.List;

/**
 * Counts tokens in text that came without a usage report: a real BPE vocabulary (jtokkit's {@code
 * cl100k_base} or {@code o200k_base}, embedded, no download) or a characters-per-token estimate.
 * The vocabulary loads on {@link #warm()} (about half a second), which the generator calls before
 * the load starts so no event loop pays for it.
 */
public sealed interface Tokenizer {
  List<String> VOCABULARIES = LlmSettings.VOCABULARIES;

  int count(String text);

  /** Loads what counting needs. */
  default void warm() {}

  /** {@code cl100k_base}, {@code o200k_base}, ... or {@code chars:N}; throws for anything else. */
  static Tokenizer of(String spec) {
    String problem = LlmSettings.tokenizerProblem(spec);
    if (problem != null) throw new IllegalArgumentException(problem);
    if (spec.startsWith("chars:")) return new CharsPerToken(Double.parseDouble(spec.substring(6)));
    return new Vocabulary(spec);
  }

  /** A estimate: one token per {@code chars} characters, rounded up. */
  record CharsPerToken(double chars) implements Tokenizer {
    @Override
    public int count(String text) {
      return (int) Math.ceil(text.length() / chars);
    }
  }

  /** A BPE vocabulary, loaded once. */
  final class Vocabulary implements Tokenizer {
    private final String name;
    private volatile Encoding encoding;

    Vocabulary(String name) {
      this.name = name;
    }

    @Override
    public void warm() {
      if (encoding == null) {
        synchronized (this) {
          if (encoding == null) encoding = Encodings.newLazyEncodingRegistry().getEncoding(name).orElseThrow();
        }
      }
    }

    @Override
    public int count(String text) {
      warm();
      return encoding.countTokens(text);
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
