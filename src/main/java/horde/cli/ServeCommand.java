package horde.cli;

import horde.history.RunHistory;
import horde.server.ApiServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code horde serve}: the REST API over the run history (docs/rest-api.md), until Ctrl-C. Bound
 * to 127.0.0.1 unless {@code --bind} says otherwise; then a token is required on every call.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Main.VersionInfo.class, sortOptions = false,
    description = "Serve the run history as a REST API (runs, baselines, comparisons; OpenAPI at /api/openapi.json).",
    footer = {"", "Exit codes: 0 stopped with Ctrl-C, 2 bad option, database or port taken."})
final class ServeCommand implements Callable<Integer> {
  static final String TOKEN_ENV = "HORDE_TOKEN";

  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT", description = "The port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port = 8089;

  @Option(names = "--bind", paramLabel = "ADDRESS", description = "Listen on this address instead of 127.0.0.1, e.g. 0.0.0.0;"
      + " then every call needs the token.")
  String bind;

  @Option(names = "--token", paramLabel = "TOKEN", description = "The token calls must send (Authorization: Bearer TOKEN);"
      + " default $" + TOKEN_ENV + ".")
  String token;

  @Mixin DbOption db = new DbOption();

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
    String secret = token != null && !token.isBlank() ? token : System.getenv(TOKEN_ENV);
    if (bind != null && (secret == null || secret.isBlank())) {
      err.println("horde serve: --bind " + bind + " opens the API beyond this machine's loopback; give a token with --token or "
          + TOKEN_ENV + " (every call must then send it)");
      return ExitCode.BAD_INPUT;
    }
    if (port < 0 || port > 65535) {
      err.println("horde serve: --port must lie between 0 and 65535");
      return ExitCode.BAD_INPUT;
    }
    RunHistory history;
    ApiServer api;
    try {
      history = db.open();
      api = ApiServer.start(new InetSocketAddress(bind == null ? "127.0.0.1" : bind, port), history, secret);
    } catch (IOException e) {
      err.println("horde serve: cannot listen on " + (bind == null ? "127.0.0.1" : bind) + ":" + port + ": " + e.getMessage());
      return ExitCode.BAD_INPUT;
    } catch (RuntimeException e) {
      if (!RunRefs.isUserError(e)) throw e;
      err.println("horde serve: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      api.close();
      stopped.countDown();
    }, "horde-serve-stop"));
    out.println("horde serve: the API of " + history.location() + " on " + api.uri() + "/api (OpenAPI: " + api.uri()
        + "/api/openapi.json)" + (secret == null || secret.isBlank() ? "" : "; every call needs the token") + ". Ctrl-C to stop");
    out.flush();
    stopped.await();
    return ExitCode.PASS;
  }
}
