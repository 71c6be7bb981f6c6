package horde.server;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Eventually;
import horde.TestServer;
import horde.history.Location;
import horde.history.RunHistory;
import horde.live.ControlRoom;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code horde ui --bind}: a token is made and printed, and without it every control call is
 * refused — also with the cookie alone, which a page of another site could make the browser send.
 * Control calls from another site's page and requests naming another host are refused even with
 * it. The scenario's secrets appear nowhere the UI shows.
 */
class UiGuardTest {
  static final String SECRET = "sk-live-0123456789abcdef";
  @TempDir Path dir;
  final HttpClient http = HttpClient.newHttpClient();

  /** Every route that changes something, from the server's own route list, with sample parameters. */
  List<String[]> controlRoutes() throws Exception {
    Router router = ApiServer.routes(RunHistory.open(Location.of(dir.resolve("routes.db").toString())));
    ControlRoom room = new ControlRoom(dir, null, null, null);
    new LiveRoutes(room).addTo(router);
    new LocustRoutes(room).addTo(router);
    new UiRoutes().addTo(router);
    room.close();
    List<String[]> out = new ArrayList<>();
    for (String p : router.patterns()) {
      String[] mp = p.split(" ", 2);
      String path = mp[1].replace("{id}", "1").replace("{name}", "prod-v1");
      if (Guard.control(mp[0], path)) out.add(new String[] {mp[0], path});
    }
    return out;
  }

  @Test
  void beyondLoopbackEveryControlCallNeedsTheTokenInItsHeader() throws Exception {
    List<String[]> control = controlRoutes();
    assertThat(control).extracting(r -> r[0] + " " + r[1]).contains("POST /api/live/start", "POST /api/live/stop",
        "POST /api/live/steer", "POST /swarm", "GET /stop", "GET /stats/reset", "POST /api/baselines");
    try (TestServer target = new TestServer().route("/x", ex -> TestServer.reply(ex, 200, "{}"))) {
      Path scenario = dir.resolve("secret.yaml");
      Files.writeString(scenario, """
          name: guarded
          target: %s
          defaults:
            headers: {Authorization: "Bearer %s", X-Api-Key: "%s"}
          users:
            - name: u
              wait: constant 100ms
              tasks: [{get: /x}]
          load: {users: 1, spawn_rate: 1, run_time: 1m}
          """.formatted(target.url(), SECRET, SECRET));
      try (LiveUi ui = LiveUi.start(dir, scenario.toString(), "--bind", "127.0.0.1")) {
        assertThat(ui.token).as("a token made and printed").isNotNull().hasSizeGreaterThan(20);
        String cookie = "horde_token_" + ui.base.getPort() + "=" + ui.token;
        for (String[] r : control) {
          assertThat(call(ui, r[0], r[1], null, null).statusCode()).as("%s %s without the token", r[0], r[1]).isEqualTo(401);
          assertThat(call(ui, r[0], r[1], "Bearer wrong", null).statusCode()).as("%s %s, wrong token", r[0], r[1]).isEqualTo(401);
          assertThat(call(ui, r[0], r[1], null, cookie).statusCode()).as("%s %s with the cookie alone", r[0], r[1]).isEqualTo(401);
        }
        assertThat(call(ui, "GET", "/api/live", null, null).statusCode()).as("reading needs it too").isEqualTo(401);
        assertThat(call(ui, "GET", "/", null, null).statusCode()).isEqualTo(401);

        // The printed URL sets the cookie and sends the browser on without the token in the address.
        HttpResponse<String> login = call(ui, "GET", "/?token=" + ui.token, null, null);
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location")).hasValue("/");
        assertThat(login.headers().firstValue("Set-Cookie").orElse("")).startsWith(cookie).contains("SameSite=Strict");
        assertThat(call(ui, "GET", "/", null, cookie).statusCode()).isEqualTo(200);
        assertThat(call(ui, "GET", "/api/live", null, cookie).statusCode()).isEqualTo(200);

        // With the token: a test starts; from another site's page, not even with it.
        String start = "{\"scenario\": \"" + scenario.toAbsolutePath() + "\"}";
        String bearer = "Bearer " + ui.token;
        assertThat(send(ui, "POST", "/api/live/stop", bearer, "Origin", "http://evil.example").statusCode()).isEqualTo(403);
        assertThat(send(ui, "POST", "/api/live/stop", bearer, "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(403);
        HttpResponse<String> started = http.send(request(ui, "/api/live/start", bearer).POST(HttpRequest.BodyPublishers.ofString(start))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        Eventually.until(Duration.ofSeconds(20), "requests sent", () -> target.served("/x") > 3);
        assertThat(rawStatus(ui, "GET", "/api/live", "evil.example:" + ui.base.getPort(), bearer))
            .as("a name that is not this machine's (DNS rebinding)").isEqualTo(403);

        // Nothing the UI shows holds the scenario's secrets or the token.
        for (String path : List.of("/api/live", "/api/live/series", "/stats/requests", "/api/live/scenarios")) {
          String body = call(ui, "GET", path, bearer, null).body();
          assertThat(body).as(path).doesNotContain(SECRET).doesNotContain(ui.token);
        }
        String check = http.send(request(ui, "/api/live/check", bearer).POST(HttpRequest.BodyPublishers.ofString(start)).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        assertThat(check).contains("guarded").doesNotContain(SECRET);
        assertThat(call(ui, "POST", "/api/live/stop", bearer, null).statusCode()).isEqualTo(200);
        Eventually.until(Duration.ofSeconds(30), "the result", () -> call(ui, "GET", "/api/live", bearer, null).body().contains("\"done\""));
        assertThat(call(ui, "GET", "/api/live", bearer, null).body()).doesNotContain(SECRET);
        assertThat(ui.process.output()).as("the console").doesNotContain(SECRET);
      }
    }
  }

  HttpRequest.Builder request(LiveUi ui, String path, String authorization) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(ui.base + path)).header("Content-Type", "application/json");
    if (authorization != null) b.header("Authorization", authorization);
    return b;
  }

  HttpResponse<String> call(LiveUi ui, String method, String path, String authorization, String cookie) {
    try {
      HttpRequest.Builder b = request(ui, path, authorization).method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString("{}"));
      if (cookie != null) b.header("Cookie", cookie);
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> send(LiveUi ui, String method, String path, String authorization, String header, String value)
      throws Exception {
    return http.send(request(ui, path, authorization).header(header, value).method(method, HttpRequest.BodyPublishers.ofString("{}"))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A request with a Host header of our choosing (the JDK's client will not send one). */
  static int rawStatus(LiveUi ui, String method, String path, String host, String authorization) throws Exception {
    try (Socket s = new Socket(ui.base.getHost(), ui.base.getPort())) {
      OutputStream out = s.getOutputStream();
      out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + authorization
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      return Integer.parseInt(status.substring(9, 12));
    }
  }
}
