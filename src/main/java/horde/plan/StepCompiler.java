package horde.plan;

import horde.scenario.Body;
import horde.scenario.CacheHit;
import horde.scenario.LlmSettings;
import horde.scenario.LlmSpec;
import horde.scenario.Price;
import horde.scenario.StreamSpec;
import horde.scenario.Check;
import horde.scenario.Branch;
import horde.scenario.Extract;
import horde.scenario.FailureKind;
import horde.scenario.Group;
import horde.scenario.Loop;
import horde.scenario.Poll;
import horde.scenario.Problem;
import horde.scenario.Request;
import horde.scenario.Scenario;
import horde.scenario.SourcePosition;
import horde.scenario.Step;
import horde.scenario.Suggest;
import horde.scenario.Task;
import horde.scenario.UrlCredentials;
import horde.scenario.UserClass;
import horde.scenario.Version;
import horde.scenario.WsStep;
import horde.template.BoundTemplate;
import horde.template.JsonTemplate;
import horde.template.Template;
import horde.template.UnknownNameException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Compiles user classes, tasks and requests, numbering endpoints as it meets them. */
final class StepCompiler {
  /** The method of WebSocket endpoints: connects and awaited messages. */
  static final String WS = "WS";
  private static final String AUTHORIZATION = "Authorization";
  private static final String USER_AGENT = "horde/" + Version.VALUE;

  private final Scenario scenario;
  private final Symbols symbols;
  private final FailureReasons reasons;
  private final List<Problem> problems;
  private final String login;
  private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
  private int requests;
  /** The endpoint of the socket the user class opened last, or null: its later ws steps use it. */
  private Endpoint socket;

  StepCompiler(Scenario scenario, Symbols symbols, FailureReasons reasons, List<Problem> problems) {
    this.scenario = scenario;
    this.symbols = symbols;
    this.reasons = reasons;
    this.problems = problems;
    this.login = BasicLogin.header(scenario.target());
  }

  List<UserPlan> users() {
    List<UserPlan> out = new ArrayList<>();
    for (UserClass u : scenario.users()) {
      socket = null;
      List<StepPlan> onStart = steps(u.onStart());
      List<TaskPlan> tasks = u.tasks().stream().map(this::task).toList();
      out.add(new UserPlan(out.size(), u.name(), u.weight(), u.waitTime(), onStart, tasks,
          steps(u.onStop()), UserPlan.cumulative(tasks)));
    }
    return out;
  }

  List<Endpoint> endpoints() {
    return List.copyOf(endpoints.values());
  }

  private TaskPlan task(Task t) {
    return new TaskPlan(t.name(), t.weight(), steps(t.steps()));
  }

  /** Steps run on their own (setup, teardown): no user's socket carries into them. */
  List<StepPlan> alone(List<Step> steps) {
    socket = null;
    return steps(steps);
  }

  List<StepPlan> steps(List<Step> steps) {
    List<StepPlan> out = new ArrayList<>();
    for (Step s : steps) out.add(step(s));
    return out;
  }

  private StepPlan step(Step s) {
    return switch (s) {
      case Request r -> request(r);
      case Step.Think t -> new StepPlan.Think(t.waitTime());
      case Group g -> new StepPlan.Group(metric(g.name(), Endpoint.GROUP).id(), steps(g.steps()));
      case Poll p -> new StepPlan.Poll(request(p.request()),
          p.until().stream().map(c -> check(c, p.position())).toList(), p.interval().toNanos(),
          p.timeout().toNanos(), reasons.idOf("poll timeout", FailureKind.POLL));
      case Loop l -> new StepPlan.Loop(l.times(), l.feeder() == null ? -1 : feeder(l), steps(l.steps()));
      case Branch b -> new StepPlan.Branch(slot(b), b.condition(), steps(b.then()), steps(b.otherwise()));
      case WsStep w -> ws(w);
    };
  }

  private WsPlan ws(WsStep w) {
    return switch (w) {
      case WsStep.Connect c -> {
        socket = metric(c.endpointName(), WS);
        List<ParamPlan> query = new ArrayList<>();
        c.query().forEach((k, v) -> query.add(new ParamPlan(URLEncoder.encode(k, StandardCharsets.UTF_8),
            bind(v, c.position(), "query " + k))));
        Map<String, String> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        merged.put("User-Agent", USER_AGENT);
        if (login != null) merged.put(AUTHORIZATION, login);
        merged.putAll(scenario.defaults().headers());
        yield new WsPlan.Connect(socket.id(), bind(UrlCredentials.withoutUserInfo(c.path()), c.position(), "ws"), query,
            headers(merged, c.path(), c.headers(), c.position()), c.subprotocols(), c.timeout().toNanos());
      }
      case WsStep.Send m -> new WsPlan.Send(socketId(m.position(), "ws_send"), message(m), binary(m));
      case WsStep.Await a -> new WsPlan.Await(
          metric(a.endpointName(socket == null ? null : socket.name()), WS).id(),
          socketId(a.position(), "ws_await"), a.match().stream().map(c -> check(c, a.position())).toList(),
          a.saves().stream().map(this::save).toList(), a.timeout().toNanos(), a.stream(),
          reasons.idOf("ws await timeout", FailureKind.TIMEOUT));
      case WsStep.Close c -> new WsPlan.Close(socketId(c.position(), "ws_close"), c.code());
    };
  }

  /** The socket a ws step uses: the one its user opened before it. */
  private int socketId(SourcePosition at, String step) {
    if (socket != null) return socket.id();
    problems.add(new Problem(at, step + " needs a socket: a ws step before it (in on_start or the same task)"));
    return 0;
  }

  private BoundTemplate message(WsStep.Send m) {
    return switch (m.message().kind()) {
      case TEXT -> bind(m.message().text(), m.position(), "ws_send");
      case JSON -> {
        try {
          yield JsonTemplate.compile(m.message().json(), symbols);
        } catch (IllegalArgumentException e) {
          report(m.position(), "ws_send", e);
          yield BoundTemplate.literal("");
        }
      }
      case BINARY -> null;
    };
  }

  private static byte[] binary(WsStep.Send m) {
    return m.message().kind() == WsStep.Message.Kind.BINARY ? Base64.getDecoder().decode(m.message().text()) : null;
  }

  private int feeder(Loop l) {
    var f = symbols.feeder(l.feeder());
    if (f.isEmpty()) {
      problems.add(new Problem(l.position(), "loop over unknown feeder '" + l.feeder() + "'"
          + Suggest.didYouMean(l.feeder(), symbols.feederNames())));
      return -1;
    }
    return f.get().index();
  }

  private int slot(Branch b) {
    String v = b.condition().variable();
    var slot = symbols.variable(v);
    if (slot.isEmpty()) {
      problems.add(new Problem(b.position(), "if: undefined variable '" + v + "'" + Suggest.didYouMean(v, symbols.knownNames())));
      return 0;
    }
    return slot.getAsInt();
  }

  private Endpoint metric(String name, String method) {
    return endpoints.computeIfAbsent(method + " " + name, k -> new Endpoint(endpoints.size(), name, method));
  }

  private RequestPlan request(Request r) {
    Endpoint endpoint = metric(r.endpointName(), r.method());
    List<ParamPlan> query = new ArrayList<>();
    r.query().forEach((k, v) -> query.add(new ParamPlan(URLEncoder.encode(k, StandardCharsets.UTF_8), bind(v, r.position(), "query " + k))));
    // The user info leaves the URL for an Authorization header (headers()): nothing shows the URL's.
    return RequestPlan.of(endpoint.id(), r.method(), bind(UrlCredentials.withoutUserInfo(r.path()), r.position(), "path"), query,
        headers(r), body(r),
        (r.timeout() != null ? r.timeout() : scenario.defaults().timeout()).toNanos(),
        r.checks().stream().map(c -> check(c, r.position())).toList(),
        r.saves().stream().map(this::save).toList(), success(r), llm(r), requests++);
  }

  /** How many requests were compiled (their ids run from 0). */
  int requestCount() {
    return requests;
  }

  private LlmPlan llm(Request r) {
    CacheHit cache = r.cacheHit() != null ? r.cacheHit() : scenario.llm().cacheHit();
    if (!r.accounted() && cache == null) return null;
    LlmSpec spec = r.llm();
    StreamSpec stream = r.stream();
    JsonPath content = path(stream == null ? null : stream.content(), r.position());
    JsonPath in = path(spec == null ? null : spec.inputTokens(), r.position());
    JsonPath out = path(spec == null ? null : spec.outputTokens(), r.position());
    JsonPath cacheField = cache != null && cache.source() == CacheHit.Source.JSON ? path(cache.expression(), r.position()) : null;
    JsonPath answer = path(spec == null ? null : spec.content(), r.position());
    // a stream event is read as JSON only for its token text or usage, as LlmAnswer does
    AnswerPicks events = stream != null && (content != null || out != null) ? AnswerPicks.of(content, in, out, cacheField, true) : null;
    AnswerPicks whole = stream == null && (answer != null || in != null || out != null || cacheField != null)
        ? AnswerPicks.of(answer, in, out, cacheField, false) : null;
    return new LlmPlan(stream, content, in, out, answer, r.accounted() ? price(r) : null, cache, cacheField,
        reasons.idOf("stream incomplete", FailureKind.STREAM_INCOMPLETE),
        reasons.idOf("stream error", FailureKind.STREAM_ERROR), reasons.idOf("stream stalled", FailureKind.STREAM_STALLED),
        events, whole);
  }

  private JsonPath path(String path, SourcePosition at) {
    if (path == null) return null;
    try {
      return JsonPath.compile(path);
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(at, e.getMessage()));
      return null;
    }
  }

  /**
   * The request's price row: its model, else its JSON body's literal model, else "default". Only
   * requests that track their answers are charged: a scenario-wide cache-hit rule alone does not
   * make a health check cost money.
   */
  private Price price(Request r) {
    var prices = scenario.llm().prices();
    if (r.model() != null) {
      String unknown = scenario.llm().unknownModel(r.model());
      if (unknown != null) problems.add(new Problem(r.position(), unknown));
      Price p = prices.get(r.model());
      return p != null ? p : prices.get(LlmSettings.DEFAULT_PRICE);
    }
    if (r.body() instanceof Body.Json j && j.tree() instanceof Map<?, ?> m && m.get("model") instanceof String model
        && prices.containsKey(model)) return prices.get(model);
    return prices.get(LlmSettings.DEFAULT_PRICE);
  }

  private List<ParamPlan> headers(Request r) {
    Map<String, String> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    merged.put("User-Agent", USER_AGENT);
    if (scenario.http().gzip()) merged.put("Accept-Encoding", "gzip, deflate");
    String type = contentType(r.body());
    if (type != null) merged.put("Content-Type", type);
    if (login != null) merged.put(AUTHORIZATION, login);
    merged.putAll(scenario.defaults().headers());
    return headers(merged, r.path(), r.headers(), r.position());
  }

  /**
   * The headers of a request or a socket's handshake: {@code merged} (the defaults), then the URL's own
   * user info as a Basic login over the target's, then the step's own headers, which win.
   */
  private List<ParamPlan> headers(Map<String, String> merged, String url, Map<String, String> own, SourcePosition at) {
    String userInfo = UrlCredentials.userInfo(url);
    boolean urlLogin = userInfo != null && own.keySet().stream().noneMatch(AUTHORIZATION::equalsIgnoreCase);
    if (urlLogin) merged.put(AUTHORIZATION, "");
    merged.putAll(own);
    List<ParamPlan> out = new ArrayList<>();
    merged.forEach((k, v) -> out.add(new ParamPlan(k, urlLogin && k.equalsIgnoreCase(AUTHORIZATION)
        ? BasicLogin.header(bind(userInfo, at, "path")) : bind(v, at, "header " + k))));
    return out;
  }

  private BoundTemplate body(Request r) {
    try {
      return switch (r.body()) {
        case Body.None n -> null;
        case Body.Json j -> JsonTemplate.compile(j.tree(), symbols);
        case Body.Raw raw -> Template.parse(raw.text()).bind(symbols);
        case Body.Form f -> form(f, r.position());
      };
    } catch (IllegalArgumentException e) {
      report(r.position(), "body", e);
      return BoundTemplate.literal("");
    }
  }

  private BoundTemplate form(Body.Form f, SourcePosition at) {
    StringBuilder source = new StringBuilder();
    f.fields().forEach((k, v) -> {
      if (!source.isEmpty()) source.append('&');
      source.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(v);
    });
    return bind(source.toString(), at, "form");
  }

  private static String contentType(Body b) {
    return switch (b) {
      case Body.None n -> null;
      case Body.Json j -> "application/json";
      case Body.Raw raw -> raw.contentType() == null ? "text/plain; charset=utf-8" : raw.contentType();
      case Body.Form f -> "application/x-www-form-urlencoded";
    };
  }

  private CheckPlan check(Check c, SourcePosition at) {
    JsonPath path = null;
    if (c instanceof Check.JsonField j) {
      try {
        path = JsonPath.compile(j.path());
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(at, e.getMessage()));
      }
    }
    return new CheckPlan(c, path, reasons.idOf("check failed: " + c.describe(), FailureKind.CHECK));
  }

  private ExtractPlan save(Extract e) {
    JsonPath path = null;
    Pattern regex = null;
    try {
      if (e.source() == Extract.Source.JSON) path = JsonPath.compile(e.expression());
      if (e.source() == Extract.Source.REGEX) regex = Pattern.compile(e.expression());
    } catch (IllegalArgumentException ex) {
      String msg = ex instanceof PatternSyntaxException p ? "bad regex: " + p.getDescription() : ex.getMessage();
      problems.add(new Problem(e.position(), msg));
    }
    int slot = symbols.variable(e.variable()).orElseThrow();
    return new ExtractPlan(e, slot, path, regex, reasons.idOf("save failed: " + e.describe(), FailureKind.SAVE));
  }

  private boolean[] success(Request r) {
    boolean[] ok = new boolean[600];
    for (int s = 100; s < 400; s++) ok[s] = true;
    r.expectStatus().forEach(s -> { if (s >= 0 && s < 600) ok[s] = true; });
    r.checks().forEach(c -> CheckPlan.statusesOf(c).forEach(s -> { if (s >= 0 && s < 600) ok[s] = true; }));
    return ok;
  }

  private BoundTemplate bind(String text, SourcePosition at, String where) {
    try {
      return Template.parse(text).bind(symbols);
    } catch (IllegalArgumentException e) {
      report(at, where, e);
      return BoundTemplate.literal(text);
    }
  }

  private void report(SourcePosition at, String where, IllegalArgumentException e) {
    String hint = e instanceof UnknownNameException u && u.getMessage().startsWith("undefined")
        ? Suggest.didYouMean(u.name(), symbols.knownNames()) : "";
    problems.add(new Problem(at, where.toLowerCase(Locale.ROOT) + ": " + e.getMessage() + hint));
  }
}
