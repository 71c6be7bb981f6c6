package horde.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Netty's defaults for a load generator give way to what the user set. */
class NettyDefaultsTest {
  private static final String JFR = "io.netty.jfr.enabled";

  @Test
  void setsWhatTheUserLeftUnsetAndKeepsTheRest() {
    String before = System.getProperty(JFR);
    try {
      System.clearProperty(JFR);
      NettyDefaults.apply();
      assertThat(System.getProperty(JFR)).isEqualTo("false");
      System.setProperty(JFR, "true");
      NettyDefaults.apply();
      assertThat(System.getProperty(JFR)).isEqualTo("true");
      assertThat(System.getProperty("io.netty.leakDetection.level")).isEqualTo("paranoid"); // pom.xml's, kept
    } finally {
      if (before == null) System.clearProperty(JFR);
      else System.setProperty(JFR, before);
    }
  }
}
