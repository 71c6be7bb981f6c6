package horde.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import horde.TestServer;
import horde.scenario.Measures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Each user's cookie jar against a small server of the usual shape: {@code /login} sets a session
 * cookie, {@code /me} answers 401 without it.
 */
class CookieTest {
  /** The sessions the server handed out: session id to the user name it was given at login. */
  private final Map<String, String> sessions = new ConcurrentHashMap<>();
  /** Every Cookie header the server was sent, as it came. */
  private final Queue<String> cookieHeaders = new ConcurrentLinkedQueue<>();
  private final AtomicInteger ids = new AtomicInteger();

  private TestServer server() throws Exception {
    return new TestServer()
        .route("/login", ex -> {
          String user = ex.getRequestURI().getQuery().replace("user=", "");
          String sid = "s" + ids.incrementAndGet();
          sessions.put(sid, user);
          ex.getResponseHeaders().add("Set-Cookie", "sid=" + sid + "; Path=/; HttpOnly; SameSite=Strict");
          ex.getResponseHeaders().add("Set-Cookie", "theme=dark; Path=/");
          TestServer.reply(ex, 200, "{}");
        })
        .route("/me", ex -> {
          String sid = cookie(ex, "sid");
          String user = sid == null ? null : sessions.get(sid);
          if (user == null) TestServer.reply(ex, 401, "{\"error\":\"no session\"}");
          else TestServer.reply(ex, 200, "{\"user\":\"" + user + "\"}");
        });
  }

  private String cookie(HttpExchange ex, String name) {
    List<String> headers = ex.getRequestHeaders().get("Cookie");
    if (headers == null) return null;
    String found = null;
    for (String h : headers) {
      cookieHeaders.add(h);
      for (String pair : h.split("; ")) {
        if (pair.startsWith(name + "=")) found = pair.substring(name.length() + 1);
      }
    }
    return found;
  }


  @Test
  void aLoginsSessionCookieGoesBackWithEveryLaterRequestAndOnlyItsNameAndValue() throws Exception {
    try (TestServer server = server()) {
      PlanRun r = PlanRun.of("""
          target: %s
          users:
            - name: u
              on_start: [{post: "/login?user=u${user_id}"}]
              tasks:
                - get: /me
                  check: {json: {$.user: present}}
          load: {requests: 60, concurrency: 4}
          """.formatted(server.url()));
      assertThat(r.count("GET", "/me", Measures.REQUESTS)).isGreaterThanOrEqualTo(50);
      assertThat(r.count("GET", "/me", Measures.FAILURES)).isZero();
      assertThat(r.count("POST", "/login?user=u${user_id}", Measures.FAILURES)).isZero();
      assertThat(sessions).hasSize(4);
      assertThat(cookieHeaders).allMatch(h -> h.matches("sid=s\\d+; theme=dark"), "name=value pairs only");
    }
  }

  /** A Cookie header written by hand goes in the one Cookie header with the jar's pairs, never beside it. */
  @Test
  void aHandWrittenCookieHeaderIsJoinedToTheJarsOne() throws Exception {
    Queue<Integer> headerCounts = new ConcurrentLinkedQueue<>();
    try (TestServer server = server().route("/pref", ex -> {
      headerCounts.add(ex.getRequestHeaders().get("Cookie").size());
      String sid = cookie(ex, "sid"), lang = cookie(ex, "lang");
      TestServer.reply(ex, sid != null && "fr".equals(lang) ? 200 : 400, "{}");
    })) {
      PlanRun r = PlanRun.of("""
          target: %s
          users:
            - name: u
              on_start: [{post: "/login?user=u"}]
              tasks: [{get: /pref, headers: {Cookie: lang=fr}}]
          load: {requests: 6, concurrency: 1}
          """.formatted(server.url()));
      assertThat(r.count("GET", "/pref", Measures.FAILURES)).isZero();
      assertThat(headerCounts).hasSize(6).containsOnly(1);
      assertThat(cookieHeaders).containsOnly("lang=fr; sid=s1; theme=dark");
    }
  }

  @Test
  void withCookiesOffNothingIsKeptOrSent() throws Exception {
    try (TestServer server = server()) {
      PlanRun r = PlanRun.of("""
          target: %s
          http: {cookies: false}
          users:
            - name: u
              on_start: [{post: "/login?user=u"}]
              tasks: [{get: /me, expect_status: [401]}]
          load: {requests: 10, concurrency: 1}
          """.formatted(server.url()));
      assertThat(cookieHeaders).isEmpty();
    }
  }

  @Test
  void aCookieIsReadWithATemplateAndSavedFromSetCookie() throws Exception {
    Queue<String> echoed = new ConcurrentLinkedQueue<>();
    try (TestServer server = server().route("/echo", ex -> {
      echoed.add(ex.getRequestHeaders().getFirst("X-Session") + "/" + ex.getRequestHeaders().getFirst("X-Saved"));
      TestServer.reply(ex, 200, "{}");
    })) {
      PlanRun r = PlanRun.of("""
          target: %s
          users:
            - name: u
              on_start:
                - post: "/login?user=u"
                  check: {header: {Set-Cookie: present}}
                  save: {saved: {cookie: sid}}
              tasks: [{get: /echo, headers: {X-Session: "${cookie.sid}", X-Saved: "${saved}"}}]
          load: {requests: 3, concurrency: 1}
          """.formatted(server.url()));
      assertThat(echoed).containsExactly("s1/s1", "s1/s1", "s1/s1"); // the count is of the tasks' requests
    }
  }

  @Test
  void theJarIsEmptiedWhenTheUserStartsOverAndPerIterationWhenAsked() throws Exception {
    try (TestServer server = server()) {
      PlanRun r = PlanRun.of("""
          target: %s
          http: {cookies: per_iteration}
          users:
            - name: u
              tasks:
                - name: visit
                  steps:
                    - get: /me
                      expect_status: [401]
                    - post: "/login?user=u"
          load: {requests: 6, concurrency: 1}
          """.formatted(server.url()));
      // each iteration starts with an empty jar: /me never carries the last iteration's session
      assertThat(r.count("GET", "/me", Measures.REQUESTS)).isEqualTo(3);
      assertThat(cookieHeaders).isEmpty();
    }
  }

  @Test
  void aLoginThatRedirectsKeepsTheCookieItSetAndSendsItToTheRedirect() throws Exception {
    try (TestServer server = server().route("/form-login", ex -> {
      sessions.put("r1", "redirected");
      ex.getResponseHeaders().add("Set-Cookie", "sid=r1; Path=/");
      ex.getResponseHeaders().add("Location", "/me");
      ex.sendResponseHeaders(303, -1);
    })) {
      PlanRun r = PlanRun.of("""
          target: %s
          users:
            - name: u
              tasks: [{post: /form-login, check: {json: {$.user: redirected}}}]
          load: {requests: 2, concurrency: 1}
          """.formatted(server.url()));
      assertThat(r.count("POST", "/form-login", Measures.FAILURES)).isZero();
    }
  }

  @Test
  void pathAndHostRulesDecideWhichCookiesGoWhere() throws Exception {
    Map<String, String> seen = new ConcurrentHashMap<>();
    TestServer.Route record = ex -> {
      List<String> c = ex.getRequestHeaders().get("Cookie");
      seen.put(ex.getRequestURI().getPath() + "@" + ex.getRequestHeaders().getFirst("Host").replaceAll(":\\d+", ""),
          c == null ? "" : String.join("|", c));
      TestServer.reply(ex, 200, "{}");
    };
    try (TestServer server = new TestServer()
        .route("/app/login", ex -> {
          ex.getResponseHeaders().add("Set-Cookie", "app=1"); // no Path: /app, the login's folder
          ex.getResponseHeaders().add("Set-Cookie", "root=1; Path=/");
          ex.getResponseHeaders().add("Set-Cookie", "deep=1; Path=/app/admin");
          ex.getResponseHeaders().add("Set-Cookie", "elsewhere=1; Domain=example.com; Path=/");
          ex.getResponseHeaders().add("Set-Cookie", "secure=1; Path=/; Secure");
          ex.getResponseHeaders().add("Set-Cookie", "gone=1; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
          TestServer.reply(ex, 200, "{}");
        })
        .route("/app/page", record).route("/application", record).route("/app/admin/x", record).route("/other", record)) {
      PlanRun r = PlanRun.of("""
          target: %1$s
          users:
            - name: u
              tasks:
                - steps:
                    - get: /app/login
                    - get: /app/page
                    - get: /application
                    - get: /app/admin/x
                    - get: /other
                    - get: http://localhost:%2$d/other
          load: {requests: 6, concurrency: 1}
          """.formatted(server.url(), server.port()));
      assertThat(seen).containsEntry("/app/page@127.0.0.1", "app=1; root=1")
          .containsEntry("/application@127.0.0.1", "root=1") // /app is not a prefix at a '/' of /application
          .containsEntry("/app/admin/x@127.0.0.1", "deep=1; app=1; root=1") // longer paths first
          .containsEntry("/other@127.0.0.1", "root=1")
          .containsEntry("/other@localhost", ""); // host-only cookies of 127.0.0.1 stay there
    }
  }

  @Test
  void aCookiePastItsMaxAgeIsNotSent() {
    try (EmbeddedRun run = new EmbeddedRun("""
        name: t
        target: http://127.0.0.1:9
        users:
          - name: u
            wait: 1h
            tasks:
              - steps: [{get: /login}, {think: 10s}, {get: /a}, {think: 10s}, {get: /b}]
        """)) {
      run.closedUser();
      run.request(0);
      run.serve(0, "HTTP/1.1 200 OK\r\nSet-Cookie: short=1; Max-Age=15\r\nSet-Cookie: long=1; Max-Age=3600\r\n"
          + "Content-Length: 0\r\n\r\n");
      run.advance(Duration.ofSeconds(10));
      assertThat(run.request(0)).contains("\r\nCookie: short=1; long=1\r\n");
      run.answer(0, 200, "{}");
      run.advance(Duration.ofSeconds(10)); // 20 s after the login: short is past its 15 s
      assertThat(run.request(0)).contains("\r\nCookie: long=1\r\n");
    }
  }

  @Test
  void twoUsersNeverSeeEachOthersCookies() throws Exception {
    Set<String> pairs = ConcurrentHashMap.newKeySet();
    try (TestServer server = server().route("/whoami", ex -> {
      String sid = cookie(ex, "sid");
      pairs.add(ex.getRequestURI().getQuery() + "=" + sessions.get(sid));
      TestServer.reply(ex, 200, "{}");
    })) {
      PlanRun r = PlanRun.of("""
          target: %s
          users:
            - name: u
              on_start: [{post: "/login?user=u${user_id}"}]
              tasks: [{get: "/whoami?u${user_id}", name: whoami}]
          load: {requests: 100, concurrency: 10}
          """.formatted(server.url()));
      assertThat(pairs).isNotEmpty().allMatch(p -> p.split("=")[0].equals(p.split("=")[1]));
    }
  }
}
