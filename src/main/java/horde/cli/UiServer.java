package horde.cli;

import horde.history.RunHistory;
import horde.live.ControlRoom;
import horde.server.ApiServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The web UI's server for a command: on 127.0.0.1 by default; bound elsewhere, with a token (the
 * one given, else {@code $HORDE_TOKEN}, else a new one), whose URL it prints.
 */
record UiServer(ApiServer api, ControlRoom room, String url) implements AutoCloseable {
  static UiServer start(String bind, int port, String token, RunHistory history, ControlRoom room, PrintWriter out)
      throws IOException {
    if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must lie between 0 and 65535");
    String secret = token != null && !token.isBlank() ? token : System.getenv(ServeCommand.TOKEN_ENV);
    boolean generated = false;
    if (bind != null && (secret == null || secret.isBlank())) {
      secret = newToken();
      generated = true;
    }
    ApiServer api = ApiServer.start(new InetSocketAddress(bind == null ? "127.0.0.1" : bind, port), history, secret, room);
    String url = api.uri() + "/" + (secret == null || secret.isBlank() ? "" : "?token=" + secret);
    if (generated) out.println("horde: the UI is open beyond this machine's loopback, so every call needs a token; this one"
        + " was made for this run (give --token or $" + ServeCommand.TOKEN_ENV + " to choose it)");
    return new UiServer(api, room, url);
  }

  /** 24 random bytes, URL-safe: nothing to guess. */
  static String newToken() {
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  @Override
  public void close() {
    room.close();
    api.close();
  }
}
