package horde.engine;

/**
 * Netty's settings for a load generator, each where the user has not set it (-D, or HORDE_JAVA_OPTS
 * for ./horde). Netty reads them once, when its first class loads: the CLI applies them first thing,
 * and a {@link Generator} before it makes its loops (the Java API's first use of Netty).
 */
public final class NettyDefaults {
  private NettyDefaults() {}

  public static void apply() {
    // Netty samples buffers for leak reports by default; a load generator pays for that on every
    // request. The tests turn it up to "paranoid" instead (see pom.xml).
    byDefault("io.netty.leakDetection.level", "disabled");
    // Netty's allocator registers its Flight Recorder events when it takes its first chunk, which
    // starts the whole of JFR's metadata on the event loop as the first request is sent: 0.1-0.15 s
    // that every connection of the loop waits (bench/results.md, "The first second").
    byDefault("io.netty.jfr.enabled", "false");
  }

  private static void byDefault(String name, String value) {
    if (System.getProperty(name) == null) {
      System.setProperty(name, value);
    }
  }
}
