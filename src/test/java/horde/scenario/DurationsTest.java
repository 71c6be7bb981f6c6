package horde.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "0s, 0",
    "250ms, 250000000",
    "30s, 30000000000",
    "5m, 300000000000",
    "2h, 7200000000000",
    "1h30m, 5400000000000",
    "1m30s, 90000000000",
    "1.5s, 1500000000",
    "0.25ms, 250000",
    "200us, 200000",
    "200µs, 200000",
    "200μs, 200000",
    "1.5us, 1500",
    "' 2s ', 2000000000",
    "1h0m0.001s, 3600001000000",
  })
  void parses(String text, long nanos) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofNanos(nanos));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", " ", "30", "1", "s", "-5s", "5 s", "1h 30m", "5min", "1.s", ".5s", "1e3s", "2d", "5S",
        "0x10s"
      })
  void rejectsWithAMessageThatSaysWhatIsExpected(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected a number with a unit, like 500ms, 30s, 5m or 1h30m");
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> Durations.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"9999999999h", "5000000h1h", "2562048h", "99999999999999999999999999999s"})
  void rejectsDurationsThatOverflowInsteadOfWrappingAround(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too long");
  }

  @Test
  void theLongestDurationStillParses() {
    assertThat(Durations.parse("2000000h")).isEqualTo(Duration.ofHours(2_000_000));
  }

  @ParameterizedTest
  @CsvSource({
    "300, 300000000000",
    "1.5, 1500000000",
    "0, 0",
    "5m, 300000000000",
    "250ms, 250000000"
  })
  void parseSecondsDefaultReadsBareNumbersAsSeconds(String text, long nanos) {
    assertThat(Durations.parseSecondsDefault(text)).isEqualTo(Duration.ofNanos(nanos));
  }

  @Test
  void parseSecondsDefaultRejectsOverflowToo() {
    assertThatThrownBy(() -> Durations.parseSecondsDefault("99999999999999999999"))
        .hasMessageContaining("too long");
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0ms",
    "850000000, 850ms",
    "1500000, 1500us",
    "1500, 1.5us",
    "1, 0.001us",
    "1000000000, 1s",
    "12500000000, 12.5s",
    "1000000001, 1.000000001s",
    "61000000010, 1m1.00000001s",
    "300000000000, 5m",
    "5400000000000, 1h30m",
    "3600000000000, 1h",
    "3661000000000, 1h1m1s",
    "60500000000, 1m0.5s",
    "90000000000, 1m30s",
    "-2000000000, -2s",
  })
  void formats(long nanos, String text) {
    assertThat(Durations.format(Duration.ofNanos(nanos))).isEqualTo(text);
  }

  @Test
  void formatReadsBackToTheSameDuration() {
    Random random = new Random(42);
    for (int i = 0; i < 10_000; i++) {
      long nanos =
          switch (i % 4) {
            case 0 -> random.nextLong(1_000_000_000L);
            case 1 -> random.nextLong(100_000L) * 1_000_000L;
            case 2 -> random.nextLong(1_000_000_000_000_000L);
            default -> random.nextLong(10_000L) * 1_000_000_000L;
          };
      Duration d = Duration.ofNanos(nanos);
      assertThat(Durations.parse(Durations.format(d))).as(Durations.format(d)).isEqualTo(d);
    }
  }
}
