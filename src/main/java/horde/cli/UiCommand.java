package horde.cli;

import horde.history.RunHistory;
import horde.live.ControlRoom;
import horde.live.LiveTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code horde ui [FILE]}: the live web UI (docs/ui.md) — start, watch, steer and stop tests in the
 * browser, browse the history — with the REST API and Locust's endpoints beside it, until Ctrl-C.
 */
@Command(name = "ui", mixinStandardHelpOptions = true, versionProvider = Main.VersionInfo.class, sortOptions = false,
    description = "Start, watch, steer and stop tests in the browser; browse and compare the run history.",
    footer = {"", "Exit codes: 0 stopped with Ctrl-C, 2 bad option, database or port taken."})
final class UiCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
      description = "The scenario to offer first; without one, pick a file under the working directory or upload one.")
  Path file;

  @Option(names = "--port", paramLabel = "PORT", description = "The port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port = 8089;

  @Option(names = "--bind", paramLabel = "ADDRESS", description = "Listen on this address instead of 127.0.0.1, e.g. 0.0.0.0;"
      + " then every call needs a token (made and printed when none is given).")
  String bind;

  @Option(names = "--token", paramLabel = "TOKEN", description = "The token calls must send; default $" + ServeCommand.TOKEN_ENV + ".")
  String token;

  @Mixin DbOption db = new DbOption();

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
    if (file != null && !Files.isRegularFile(file)) {
      err.println("horde ui: " + file + ": no such file");
      return ExitCode.BAD_INPUT;
    }
    UiServer ui;
    try {
      RunHistory history = db.open();
      ControlRoom room = new ControlRoom(Path.of(""), new UiStarter(), history, file);
      ui = UiServer.start(bind, port, token, history, room, out);
    } catch (IOException e) {
      err.println("horde ui: cannot listen on " + (bind == null ? "127.0.0.1" : bind) + ":" + port + ": " + e.getMessage());
      return ExitCode.BAD_INPUT;
    } catch (RuntimeException e) {
      if (!RunRefs.isUserError(e)) throw e;
      err.println("horde ui: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stopRunningTest(ui.room());
      ui.close();
      stopped.countDown();
    }, "horde-ui-stop"));
    out.println("horde ui: " + ui.url() + "  (the run history of " + ui.room().history().location() + "; Ctrl-C to stop)");
    out.flush();
    stopped.await();
    return ExitCode.PASS;
  }

  /** Ctrl-C during a test stops it as in horde run, and gives it a few seconds to be recorded. */
  private static void stopRunningTest(ControlRoom room) {
    LiveTest t = room.current();
    if (t == null || !t.active()) return;
    t.stop();
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (t.active() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
