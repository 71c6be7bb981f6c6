package horde.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Locust's {@code -L/--loglevel} and {@code --logfile} for what logs in Horde: its libraries
 * (Netty) through java.util.logging. Horde's own output (progress, summary) is not a log and is
 * not affected. Nothing changes unless one of the flags is given.
 */
final class LogSetup {
  /** Locust's level names, each with the java.util.logging level it means. */
  enum Level {
    DEBUG(java.util.logging.Level.FINE),
    INFO(java.util.logging.Level.INFO),
    WARNING(java.util.logging.Level.WARNING),
    ERROR(java.util.logging.Level.SEVERE),
    CRITICAL(java.util.logging.Level.SEVERE);

    final java.util.logging.Level jul;

    Level(java.util.logging.Level jul) {
      this.jul = jul;
    }
  }

  private LogSetup() {}

  /** Throws {@link IOException} when the log file is one of the run's {@code inputs}: it is appended to. */
  static void apply(LocustFlags flags, Map<Path, String> inputs) throws IOException {
    if (flags.skipLogSetup || (flags.logLevel == null && flags.logFile == null)) return;
    for (Map.Entry<Path, String> in : inputs.entrySet()) {
      if (flags.logFile != null && Outputs.same(flags.logFile, in.getKey()))
        throw new IOException("--logfile " + flags.logFile + " would write into " + in.getValue() + "; choose another path");
    }
    java.util.logging.Level level = (flags.logLevel == null ? Level.INFO : flags.logLevel).jul;
    Logger root = Logger.getLogger("");
    if (flags.logFile != null) {
      for (Handler h : root.getHandlers()) root.removeHandler(h);
      FileHandler file = new FileHandler(flags.logFile.toString().replace("%", "%%"), true); // % starts a pattern
      file.setFormatter(new SimpleFormatter());
      root.addHandler(file);
    }
    root.setLevel(level);
    for (Handler h : root.getHandlers()) h.setLevel(level);
  }
}
