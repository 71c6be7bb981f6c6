package horde.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProseTest {
  @Test
  void tokensAreWordsSoCountingWordsCountsTokens() {
    String[] tokens = Prose.tokens(new SplittableRandom(1), 30);
    assertThat(Prose.countTokens(Prose.join(tokens))).isEqualTo(30);
    assertThat(tokens[0]).doesNotStartWith(" ");
    assertThat(tokens[1]).startsWith(" ");
    assertThat(Prose.join(tokens)).matches("[A-Za-z0-9 .]+").endsWith(".");
  }

  @Test
  void sameSeedSameText() {
    assertThat(Prose.tokens(new SplittableRandom(7), 10))
        .containsExactly(Prose.tokens(new SplittableRandom(7), 10));
    assertThat(Prose.countTokens("  two\twords\n")).isEqualTo(2);
    assertThat(Prose.countTokens("")).isZero();
  }
}
