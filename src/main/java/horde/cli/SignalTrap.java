package horde.cli;

import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C and SIGTERM end the run early but still write the results of what ran; a second signal
 * quits at once.
 */
final class SignalTrap implements AutoCloseable {
  private final List<Signal> signals = new ArrayList<>();
  private final List<SignalHandler> previous = new ArrayList<>();
  private volatile boolean fired;

  SignalTrap(Runnable onFirst) {
    for (String name : List.of("INT", "TERM")) {
      try {
        Signal s = new Signal(name);
        previous.add(Signal.handle(s, sig -> {
          if (fired) Runtime.getRuntime().halt(ExitCode.ABORTED);
          fired = true;
          System.err.println("\nhorde: stopping (again to quit at once); writing the results of what ran...");
          onFirst.run();
        }));
        signals.add(s);
      } catch (IllegalArgumentException e) {
        // this platform does not have the signal
      }
    }
  }

  boolean fired() {
    return fired;
  }

  @Override
  public void close() {
    for (int i = 0; i < signals.size(); i++) Signal.handle(signals.get(i), previous.get(i));
  }
}
