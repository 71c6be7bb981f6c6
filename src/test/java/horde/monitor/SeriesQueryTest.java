package horde.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import horde.scenario.SeriesQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The query language's errors say where and what. */
class SeriesQueryTest {
  @Test
  void refusesWithAnOffset() {
    for (List<Object> bad : List.<List<Object>>of(
        List.of("rate(x[1m])", 6, "a range like [1m]"),
        List.of("foo(x)", 0, "unknown function 'foo'"),
        List.of("x{a=1}", 4, "quoted label value"),
        List.of("histogram_quantile(2, x)", 19, "from 0 to 1"),
        List.of("x{a=~\"(\"}", 5, "not a regular expression"),
        List.of("x +", 3, "expected a metric name"),
        List.of("(x", 2, "expected ')'"))) {
      assertThatThrownBy(() -> SeriesQuery.parse((String) bad.get(0))).as((String) bad.get(0))
          .isInstanceOf(SeriesQuery.SyntaxException.class).hasMessageContaining((String) bad.get(2))
          .satisfies(e -> assertThat(((SeriesQuery.SyntaxException) e).offset()).isEqualTo(bad.get(1)));
    }
  }

  @Test
  void plainNamesNameThemselves() {
    assertThat(SeriesQuery.isName("node_load1")).isTrue();
    assertThat(SeriesQuery.isName("rate(x)")).isFalse();
    assertThat(SeriesQuery.parse(" sum ( rate( a{b=\"c\", d!='e'} ) ) * 2 ")).isInstanceOf(SeriesQuery.Binary.class);
  }
}
