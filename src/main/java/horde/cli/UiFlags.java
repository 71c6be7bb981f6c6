package horde.cli;

import horde.live.ControlRoom;
import horde.live.LiveTest;
import horde.plan.TestPlan;
import horde.result.RunResult;
import horde.run.TestRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code horde run --ui}: the headless run can also be watched, steered and stopped in the browser while it lasts. */
final class UiFlags {
  @Option(names = "--ui", description = "Serve the live web UI while the test runs (http://127.0.0.1:8089 unless --ui-port).")
  boolean on;

  @Option(names = "--ui-port", paramLabel = "PORT", description = "The UI's port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port = 8089;

  @Option(names = "--ui-bind", paramLabel = "ADDRESS", description = "The UI's address instead of 127.0.0.1; then every"
      + " call needs a token ($" + ServeCommand.TOKEN_ENV + ", else one made and printed).")
  String bind;

  private UiServer server;
  private LiveTest test;

  /** Starts the UI on {@code run} when asked; throws {@link IOException} when the port cannot be bound. */
  void serve(TestRun run, TestPlan plan, String scenarioFile, HistoryFlags history, PrintWriter out) throws IOException {
    if (!on) return;
    ControlRoom room = new ControlRoom(Path.of(""), new UiStarter(), history.db.open(), null);
    server = UiServer.start(bind, port, null, room.history(), room, out);
    test = room.watch(run, plan, scenarioFile);
    out.println("Live UI: " + server.url() + " (while the test runs)");
    out.flush();
  }

  /** The run is over and recorded (id, or -1): the UI shows its verdict until the command ends. */
  void done(RunResult result, long historyId) {
    if (test != null) test.done(result, historyId);
  }

  void close() {
    if (server != null) server.close();
    server = null;
  }
}
