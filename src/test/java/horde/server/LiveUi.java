package horde.server;

import horde.HordeProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code horde ui} in its own JVM on a free port, for the UI's tests; stopped (Ctrl-C) by {@link #close}. */
final class LiveUi implements AutoCloseable {
  private static final Pattern URL = Pattern.compile("(http://[^ /]+)/(\\?token=(\\S+))?");
  final HordeProcess process;
  final URI base;
  final String token;

  private LiveUi(HordeProcess process, URI base, String token) {
    this.process = process;
    this.base = base;
    this.token = token;
  }

  /** Starts {@code horde ui} in {@code dir} with its own history there and {@code args} after it. */
  static LiveUi start(Path dir, String... args) throws IOException, InterruptedException {
    return start(dir, List.of(), args);
  }

  /** The same, run under {@code prefix} (a shell that sets a limit first, say). */
  static LiveUi start(Path dir, List<String> prefix, String... args) throws IOException, InterruptedException {
    String[] all = new String[args.length + 5];
    all[0] = "ui";
    System.arraycopy(args, 0, all, 1, args.length);
    System.arraycopy(new String[] {"--port", "0", "--db", dir.resolve("history.db").toString()}, 0, all, args.length + 1, 4);
    HordeProcess p = new HordeProcess(dir, prefix, all);
    if (!p.awaitOutput("horde ui: http", 60)) {
      String out = p.output();
      p.close();
      throw new IllegalStateException("horde ui did not start:\n" + out);
    }
    Matcher m = URL.matcher(p.output());
    if (!m.find()) throw new IllegalStateException("no URL in: " + p.output());
    return new LiveUi(p, URI.create(m.group(1)), m.group(3));
  }

  /**
   * A scenario against {@code target} in {@code dir}: chat (streamed, with tokens) and search users,
   * monitoring the simulator's /metrics (the search answers a second as the simulator counts them).
   */
  static Path scenario(Path dir, String target) throws IOException {
    Path file = dir.resolve("chat.yaml");
    Files.writeString(file, """
        name: ui-chat
        target: %s
        users:
          - name: chatter
            weight: 2
            wait: between 100ms and 300ms
            tasks:
              - post: /v1/chat/completions
                stream: openai
                json: {model: horde-sim-1, stream: true, messages: [{role: user, content: "hello"}]}
          - name: searcher
            wait: between 50ms and 150ms
            tasks:
              - post: /api/rag/search
                json: {query: "refunds", top_k: 3}
        load: {users: 2, spawn_rate: 2, run_time: 2m}
        monitor:
          prometheus:
            - url: %s/metrics
              series:
                - searches_per_s: rate(horde_simulator_requests_total{endpoint="/api/rag/search"})
                - searches_total: horde_simulator_requests_total{endpoint="/api/rag/search"}
                - horde_simulator_active_generations
        thresholds:
          - p95 < 5s
        """.formatted(target, target));
    return file;
  }

  /**
   * Ctrl-C, then up to 20 s for the UI to stop; killed when it does not, or when this thread is
   * interrupted meanwhile (the interrupt stays set).
   */
  @Override
  public void close() throws IOException {
    try {
      process.signal("INT");
      if (process.waitFor(20) < 0) process.close();
    } catch (InterruptedException e) {
      process.close();
      Thread.currentThread().interrupt();
    }
  }
}
