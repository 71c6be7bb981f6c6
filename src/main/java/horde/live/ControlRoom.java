package horde.live;

import horde.history.RunHistory;
import horde.plan.TestPlan;
import horde.run.TestRun;
import horde.scenario.InvalidScenarioException;
import horde.scenario.Problem;
import horde.scenario.Scenario;
import horde.stats.RunStats;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the web UI drives: the scenarios it can start, the one test shown (running or just over),
 * and the browsers watching it, to whom a publisher thread pushes the test's new seconds and
 * tables once a second. One test at a time.
 *
 * <pre>{@code
 * try (ControlRoom room = new ControlRoom(Path.of("."), starter, history, Path.of("examples/chat.yaml"))) {
 *   room.start(form);
 * }
 * }</pre>
 */
public final class ControlRoom implements AutoCloseable {
  /** A browser watching: takes a pushed message, or says it is gone (false). */
  public interface Watcher {
    boolean send(byte[] message);
  }

  private final Scenarios scenarios;
  private final Starter starter;
  private final RunHistory history;
  private final String defaultScenario;
  private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
  private final AtomicLong tests = new AtomicLong();
  private final Publisher publisher;
  private volatile LiveTest current;
  private volatile long currentId;
  private volatile String lastScenario;

  /**
   * @param history where tests started here are recorded; null: nowhere
   * @param defaultScenario the scenario {@code horde ui FILE} names, or null
   */
  public ControlRoom(Path root, Starter starter, RunHistory history, Path defaultScenario) {
    this.scenarios = new Scenarios(root);
    this.starter = starter;
    this.history = history;
    this.defaultScenario = defaultScenario == null ? null : scenarios.pin(defaultScenario);
    this.lastScenario = this.defaultScenario;
    this.publisher = new Publisher(this);
  }

  public Scenarios scenarios() {
    return scenarios;
  }

  public String defaultScenario() {
    return defaultScenario;
  }

  public RunHistory history() {
    return history;
  }

  public LiveTest current() {
    return current;
  }

  long currentId() {
    return currentId;
  }

  /** The statistics of the current test so far, or its result's, or null. */
  public RunStats stats() {
    LiveTest t = current;
    if (t == null) return null;
    if (t.result() != null) return t.result().stats();
    return t.run().soFar();
  }

  /** Shows a test the command line runs ({@code horde run --ui}). */
  public LiveTest watch(TestRun run, TestPlan plan, String scenarioFile) {
    LiveTest t = LiveTest.watch(run, scenarioFile, shown(plan.target()), open(plan));
    show(t);
    return t;
  }

  /**
   * Checks a form: every problem of the scenario (file:line:column), or what it would run.
   * Answers {@code {"ok": true, "scenario": {...}}} or {@code {"ok": false, "problems": [...]}}.
   */
  public ObjectNode check(Form form) {
    ObjectNode o = LiveJson.MAPPER.createObjectNode();
    List<String> notes = new ArrayList<>();
    try {
      Scenario s = scenarios.source(form.scenario()).scenario();
      Starter.Planned p = starter.plan(s, form, notes);
      o.put("ok", true);
      describe(o.putObject("scenario"), p.plan().scenario(), p.plan());
    } catch (InvalidScenarioException e) {
      o.put("ok", false);
      ArrayNode problems = o.putArray("problems");
      for (Problem p : e.problems()) problem(problems.addObject(), p);
    } catch (IllegalArgumentException e) {
      o.put("ok", false);
      problems(o).addObject().put("message", e.getMessage());
    }
    notes.forEach(o.putArray("notes")::add);
    return o;
  }

  private static ArrayNode problems(ObjectNode o) {
    return o.has("problems") ? (ArrayNode) o.get("problems") : o.putArray("problems");
  }

  private static void problem(ObjectNode o, Problem p) {
    o.put("file", p.position().file());
    o.put("line", p.position().line());
    o.put("column", p.position().column());
    o.put("message", p.message());
    o.put("text", p.toString());
  }

  private void describe(ObjectNode o, Scenario s, TestPlan plan) {
    o.put("name", s.name());
    o.put("target", shown(plan.target()));
    boolean phased = !s.phases().isEmpty();
    o.put("model", phased ? "phases" : s.load().isOpen() ? "rate" : "users");
    ArrayNode runs = o.putArray("load");
    s.runs().forEach(r -> runs.add((phased ? r.name() + ": " : "") + starter.describe(r.load())));
    ArrayNode classes = o.putArray("user_classes");
    s.users().forEach(u -> classes.addObject().put("name", u.name()).put("weight", u.weight()));
    o.put("criteria", s.thresholds().size() + s.phases().stream().mapToInt(p -> p.thresholds().size()).sum());
  }

  /**
   * Starts the test a form asks for, unless one is running.
   *
   * @throws IllegalStateException while another test runs
   * @throws InvalidScenarioException or {@link IllegalArgumentException} for a bad scenario or form
   */
  public synchronized LiveTest start(Form form) {
    LiveTest running = current;
    if (running != null && running.active()) throw new IllegalStateException("a test is running: stop it first");
    Source source = scenarios.source(form.scenario());
    Starter.Planned p = starter.plan(source.scenario(), form, new ArrayList<>());
    TestRun run = new TestRun(p.plan(), p.options(), source.name());
    LiveTest t = LiveTest.start(run, source, shown(p.plan().target()), open(p.plan()), history, Map.of("via", "ui"));
    lastScenario = form.scenario();
    show(t);
    return t;
  }

  /** The scenario Locust's {@code POST /swarm} starts: the one named at startup, or the last one started. */
  public String swarmScenario() {
    return lastScenario;
  }

  private void show(LiveTest t) {
    currentId = tests.incrementAndGet();
    current = t;
    t.series().onSecond(publisher::wake);
    publisher.wake();
  }

  private static boolean open(TestPlan plan) {
    return plan.scenario().runs().stream().allMatch(r -> r.load().isOpen());
  }

  /** A URL as it may be shown: no user name or password. */
  static String shown(URI target) {
    if (target == null) return "";
    if (target.getRawUserInfo() == null) return target.toString();
    return target.getScheme() + "://" + target.getHost() + (target.getPort() < 0 ? "" : ":" + target.getPort())
        + (target.getRawPath() == null ? "" : target.getRawPath());
  }

  /** A new watcher gets the whole series and the frame at once, then every second. */
  public void watch(Watcher w) {
    if (w.send(publisher.everything())) watchers.add(w);
  }

  void broadcast(byte[] message) {
    for (Watcher w : watchers) if (!w.send(message)) watchers.remove(w);
  }

  boolean watched() {
    return !watchers.isEmpty();
  }

  @Override
  public void close() {
    publisher.close();
    LiveTest t = current;
    if (t != null && t.active()) t.stop();
  }
}
