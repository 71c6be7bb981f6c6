package horde.dsl;

import horde.scenario.CacheHit;
import horde.scenario.Check;
import horde.scenario.Grade;
import horde.scenario.Group;
import horde.scenario.LlmSpec;
import horde.scenario.LoadProfile.RateStage;
import horde.scenario.Loop;
import horde.scenario.SourcePosition;
import horde.scenario.Stage;
import horde.scenario.Step;
import horde.scenario.StreamSpec;
import horde.scenario.WaitTime;
import horde.scenario.WsStep;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * The Java API for scenarios: every entry point, for {@code import static horde.dsl.Dsl.*}. It
 * builds the same immutable {@link horde.scenario.Scenario} as a YAML file, so everything in {@code
 * docs/scenario-format.md} applies, defaults included.
 *
 * <pre>{@code
 * Scenario chat = scenario("chat")
 *     .target("http://127.0.0.1:8000")
 *     .user(user("chatter").weight(60).waitBetween("1s", "3s")
 *         .onStart(post("/api/conversations").save("conversation_id", "$.id"))
 *         .task(task("ask")
 *             .step(post("/api/conversations/${conversation_id}/messages")
 *                 .name("/api/conversations/[id]/messages")
 *                 .json("""
 *                     {"text": "What is the capital of France?"}""")
 *                 .check(status(200), jsonPath("$.answer").present()))))
 *     .load(users(50).spawnRate(10).runTime("1m"))
 *     .threshold("p95 < 2s", "error_rate < 1%")
 *     .build();
 * RunResult result = Horde.run(chat);
 * }</pre>
 *
 * Durations are {@link Duration}s or text as in the file format ({@code "250ms"}, {@code "1m30s"});
 * rates are iterations per second. Builders are mutable; what they build is not.
 */
public final class Dsl {
  private Dsl() {}

  public static ScenarioBuilder scenario(String name) {
    return new ScenarioBuilder(Objects.requireNonNull(name, "name"));
  }

  /** A user class (the {@code --user-classes} flag selects by name). */
  public static UserBuilder user(String name) {
    return new UserBuilder(Objects.requireNonNull(name, "name"));
  }

  /** A user class named by its position: {@code user1}, {@code user2}... */
  public static UserBuilder user() {
    return new UserBuilder(null);
  }

  /** A task of several steps. */
  public static TaskBuilder task(String name) {
    return new TaskBuilder(Objects.requireNonNull(name, "name"));
  }

  /** A task named by its position: {@code task1}, {@code task2}... */
  public static TaskBuilder task() {
    return new TaskBuilder(null);
  }

  /** A one-request task, named after its request ({@code GET /health} or its name). */
  public static TaskBuilder task(RequestBuilder request) {
    return TaskBuilder.ofRequest(request);
  }

  // Requests

  public static RequestBuilder get(String path) {
    return request("GET", path);
  }

  public static RequestBuilder post(String path) {
    return request("POST", path);
  }

  public static RequestBuilder put(String path) {
    return request("PUT", path);
  }

  public static RequestBuilder patch(String path) {
    return request("PATCH", path);
  }

  public static RequestBuilder delete(String path) {
    return request("DELETE", path);
  }

  public static RequestBuilder head(String path) {
    return request("HEAD", path);
  }

  public static RequestBuilder options(String path) {
    return request("OPTIONS", path);
  }

  /** Any method of {@link horde.scenario.Request#METHODS}. */
  public static RequestBuilder request(String method, String path) {
    return new RequestBuilder(method, path);
  }

  // Checks

  /** The status is one of these. */
  public static Check status(int... allowed) {
    return new Check.Status(Set.copyOf(Arrays.stream(allowed).boxed().toList()));
  }

  /** A JSONPath into the body: {@code jsonPath("$.answer").present()}. */
  public static Checks.Json jsonPath(String path) {
    return new Checks.Json(path);
  }

  /** A response header: {@code header("Content-Type").equalTo("application/json")}. */
  public static Checks.Header header(String name) {
    return new Checks.Header(name);
  }

  public static Check bodyContains(String text) {
    return new Check.BodyContains(text);
  }

  /** The whole exchange took at most this long. */
  public static Check maxLatency(Duration max) {
    return new Check.MaxLatency(Times.positive(max, "max_latency"));
  }

  public static Check maxLatency(String max) {
    return maxLatency(Times.parse(max, "max_latency"));
  }

  // Streaming and LLM accounting

  /**
   * An OpenAI chat-completion stream: tokens at {@code $.choices[0].delta.content}, ending with
   * {@code [DONE]}, usage from the last chunk.
   */
  public static StreamBuilder openai() {
    return new StreamBuilder(StreamSpec.Kind.OPENAI);
  }

  /** Server-Sent Events: each event's data is a token, unless {@code content} says where. */
  public static StreamBuilder sse() {
    return new StreamBuilder(StreamSpec.Kind.SSE);
  }

  /** A chunked body: each chunk is an event. */
  public static StreamBuilder chunked() {
    return new StreamBuilder(StreamSpec.Kind.CHUNKED);
  }

  /** OpenAI's usage: {@code usage.prompt_tokens}, {@code usage.completion_tokens}, the message. */
  public static UsageBuilder openaiUsage() {
    return new UsageBuilder(LlmSpec.OPENAI);
  }

  /** Where an answer reports tokens: {@code usage().outputTokens("$.usage.output_tokens")}. */
  public static UsageBuilder usage() {
    return new UsageBuilder();
  }

  /** A cache hit is a JSON field that is true (not false, 0, empty or null). */
  public static CacheHit cacheHitJson(String jsonPath) {
    return new CacheHit(CacheHit.Source.JSON, jsonPath, null);
  }

  /** A cache hit is a JSON field equal to {@code value} (compared as text). */
  public static CacheHit cacheHitJson(String jsonPath, String value) {
    return new CacheHit(CacheHit.Source.JSON, jsonPath, value);
  }

  /** A cache hit is an answer with this header. */
  public static CacheHit cacheHitHeader(String name) {
    return new CacheHit(CacheHit.Source.HEADER, name, null);
  }

  /** A cache hit is an answer whose header equals {@code value}: {@code ("X-Cache", "HIT")}. */
  public static CacheHit cacheHitHeader(String name, String value) {
    return new CacheHit(CacheHit.Source.HEADER, name, value);
  }

  // Steps

  /** A fixed pause. */
  public static StepBuilder think(Duration d) {
    Duration pause = Times.notNegative(d, "think");
    return () -> new Step.Think(new WaitTime.Constant(pause), SourcePosition.UNKNOWN);
  }

  public static StepBuilder think(String d) {
    return think(Times.parse(d, "think"));
  }

  /** A random pause from {@code min} to {@code max}. */
  public static StepBuilder thinkBetween(String min, String max) {
    WaitTime w = new WaitTime.Between(Times.parse(min, "think"), Times.parse(max, "think"));
    return () -> new Step.Think(w, SourcePosition.UNKNOWN);
  }

  /** A transaction: steps timed end to end as a metric named {@code name}. */
  public static StepBuilder group(String name, StepBuilder... steps) {
    List<StepBuilder> list = List.of(steps);
    return () -> new Group(name, StepBuilder.buildAll(list), null);
  }

  /** Repeats {@code request} until conditions hold: {@code poll(get(...)).until(...)}. */
  public static PollBuilder poll(RequestBuilder request) {
    return new PollBuilder(request);
  }

  /** The steps {@code times} times. */
  public static StepBuilder loop(int times, StepBuilder... steps) {
    List<StepBuilder> list = List.of(steps);
    return () -> new Loop(times, null, StepBuilder.buildAll(list), null);
  }

  /** The steps once per row of {@code feeder}, in file order, as {@code ${feeder.column}}. */
  public static StepBuilder loopOver(String feeder, StepBuilder... steps) {
    List<StepBuilder> list = List.of(steps);
    return () -> new Loop(0, Objects.requireNonNull(feeder), StepBuilder.buildAll(list), null);
  }

  /** Opens the user's WebSocket ({@code ws: PATH}): a path after the target, or a ws:// or wss:// URL. */
  public static WsBuilder.Connect ws(String path) {
    return new WsBuilder.Connect(Objects.requireNonNull(path));
  }

  /** Sends a text message on the user's WebSocket (templates allowed). */
  public static StepBuilder wsSend(String text) {
    return () -> new WsStep.Send(WsStep.Message.text(text), null);
  }

  /** Sends a JSON message, written as JSON text (templates allowed in its strings). */
  public static StepBuilder wsSendJson(String jsonText) {
    Object tree = JsonValues.parse(jsonText);
    return () -> new WsStep.Send(WsStep.Message.json(tree), null);
  }

  /** Waits for the first message since the last send that meets every condition (any message without one). */
  public static WsBuilder.Await wsAwait(Check... match) {
    return new WsBuilder.Await(match);
  }

  /** Closes the user's WebSocket (code 1000). */
  public static StepBuilder wsClose() {
    return () -> new WsStep.Close(1000, null);
  }

  /** A condition on a user variable: {@code ifVar("plan").equalTo("pro").then(...)}. */
  public static BranchBuilder.On ifVar(String variable) {
    return new BranchBuilder.On(variable);
  }

  // Data and settings

  public static FeederBuilder feeder(String name, String file) {
    return new FeederBuilder(name, file);
  }

  public static HttpBuilder http() {
    return new HttpBuilder();
  }

  // Load

  /** The closed model: {@code users(100).spawnRate(10).runTime("5m")}. */
  public static LoadBuilder.Users users(int users) {
    return new LoadBuilder.Users(users);
  }

  /** Users ramping linearly through stages: {@code stages(stage("1m", 100), stage("5m", 100))}. */
  public static LoadBuilder.Stages stages(Stage... stages) {
    return new LoadBuilder.Stages(List.of(stages));
  }

  /** Ramp linearly to {@code users} over {@code duration}. */
  public static Stage stage(String duration, int users) {
    return new Stage(Times.parse(duration, "duration"), users);
  }

  public static Stage stage(Duration duration, int users) {
    return new Stage(duration, users);
  }

  /** A fixed count: {@code requests(10_000).concurrency(100)}. */
  public static LoadBuilder.Requests requests(long requests) {
    return new LoadBuilder.Requests(requests);
  }

  /** The open model at a constant rate: {@code arrivalRate(50).runTime("5m").maxUsers(500)}. */
  public static LoadBuilder.Arrivals arrivalRate(double perSecond) {
    if (!(perSecond > 0)) throw new IllegalArgumentException("an arrival rate must be above 0");
    return new LoadBuilder.Arrivals(perSecond, null);
  }

  /** The open model ramping through rates: {@code arrivalStages(rate("1m", 100), ...)}. */
  public static LoadBuilder.Arrivals arrivalStages(RateStage... stages) {
    return new LoadBuilder.Arrivals(0, List.of(stages));
  }

  /** Users as any function of time for {@code duration}: {@code userShape("2m", t -> ...)}. */
  public static LoadBuilder.UserShape userShape(String duration, ToIntFunction<Duration> users) {
    return new LoadBuilder.UserShape(Times.parse(duration, "duration"), users);
  }

  public static LoadBuilder.UserShape userShape(Duration duration, ToIntFunction<Duration> users) {
    return new LoadBuilder.UserShape(duration, users);
  }

  /** An arrival rate (per second) as any function of time for {@code duration}. */
  public static LoadBuilder.RateShape rateShape(String duration, ToDoubleFunction<Duration> rate) {
    return new LoadBuilder.RateShape(Times.parse(duration, "duration"), rate);
  }

  public static LoadBuilder.RateShape rateShape(Duration duration, ToDoubleFunction<Duration> rate) {
    return new LoadBuilder.RateShape(duration, rate);
  }

  /** Ramp linearly to {@code perSecond} iterations per second over {@code duration}. */
  public static RateStage rate(String duration, double perSecond) {
    return new RateStage(Times.parse(duration, "duration"), perSecond);
  }

  public static RateStage rate(Duration duration, double perSecond) {
    return new RateStage(duration, perSecond);
  }

  // Criteria

  /** A threshold with options: {@code threshold("p99 < 3s").endpoint("ask").warn()}. */
  public static ThresholdBuilder threshold(String expression) {
    return new ThresholdBuilder(expression);
  }

  /** A grade row: the grade, when {@code condition} holds. */
  public static Grade grade(String name, String condition) {
    return Grade.parse(name + ": " + condition);
  }

  /** A grade row whose condition is on one endpoint: {@code grade("GOOD", threshold(...))}. */
  public static Grade grade(String name, ThresholdBuilder condition) {
    return new Grade(name, condition.build());
  }

  /** The last grade row: the grade otherwise. */
  public static Grade otherwise(String name) {
    return Grade.otherwise(name);
  }

  /** A named run of a sequence: {@code phase("10 users").load(users(10).runTime("1m"))}. */
  public static PhaseBuilder phase(String name) {
    return new PhaseBuilder(Objects.requireNonNull(name, "name"));
  }

  /** A run of a sequence named by its position: {@code phase1}, {@code phase2}... */
  public static PhaseBuilder phase() {
    return new PhaseBuilder(null);
  }
}
