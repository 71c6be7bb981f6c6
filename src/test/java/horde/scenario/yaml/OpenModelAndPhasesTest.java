package horde.scenario.yaml;

import static horde.scenario.yaml.Loading.load;
import static horde.scenario.yaml.Loading.problems;
import static org.assertj.core.api.Assertions.assertThat;

import horde.scenario.Grade;
import horde.scenario.LoadProfile;
import horde.scenario.LoadProfile.Open;
import horde.scenario.LoadProfile.RateStage;
import horde.scenario.Phase;
import horde.scenario.Request;
import horde.scenario.Scenario;
import horde.scenario.Threshold;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The open model, phases, grade tables, setup and teardown. */
class OpenModelAndPhasesTest {
  private static final String TASKS = "tasks: [get: /]\n";

  private static Duration s(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  @Test
  void aConstantArrivalRate() {
    Scenario sc =
        load(TASKS + "load: {arrival_rate: 50/s, run_time: 5m, max_users: 500, warmup: 30s}\n");
    assertThat(sc.load())
        .isEqualTo(
            new Open(50, List.of(new RateStage(s(300), 50)), 500, Open.Arrivals.CONSTANT, s(30)));
  }

  @Test
  void rateUnitsAndDefaults() {
    assertThat(load(TASKS + "load: {arrival_rate: 300/m}\n").load())
        .isEqualTo(Open.constant(5, s(10), Open.DEFAULT_MAX_USERS));
    assertThat(((Open) load(TASKS + "load: {arrival_rate: 36/h}\n").load()).startRate())
        .isEqualTo(0.01);
    assertThat(((Open) load(TASKS + "load: {arrival_rate: 2.5}\n").load()).startRate())
        .isEqualTo(2.5);
    assertThat(((Open) load(TASKS + "load: {arrival_rate: 7 / s, arrivals: poisson}\n").load()))
        .extracting(Open::startRate, Open::arrivals)
        .containsExactly(7.0, Open.Arrivals.POISSON);
  }

  @Test
  void rampingArrivalRates() {
    Scenario sc =
        load(
            TASKS
                + """
                load:
                  start_rate: 10/s
                  stages:
                    - {duration: 1m, rate: 100/s}
                    - {duration: 3m, rate: 100/s}
                    - {duration: 30s, rate: 0}
                  max_users: 1000
                  arrivals: poisson
                """);
    assertThat(sc.load())
        .isEqualTo(
            new Open(
                10,
                List.of(
                    new RateStage(s(60), 100), new RateStage(s(180), 100), new RateStage(s(30), 0)),
                1000,
                Open.Arrivals.POISSON,
                null));
  }

  @Test
  void openModelProblems() {
    assertThat(
            problems(
                TASKS
                    + """
                    load: {arrival_rate: 50/sec, max_users: 0, arrivals: bursty, spawn_rate: 2}
                    """))
        .containsExactly(
            "2:25 arrival_rate: 'sec' is not a rate unit; write /s (per second), /m (per minute)"
                + " or /h (per hour), like 50/s",
            "2:41 max_users: expected a whole number from 1 to 10000000, found '0'",
            "2:54 arrivals: expected constant or poisson, found 'bursty'",
            "2:62 load: spawn_rate goes with users, not with arrival_rate");
    assertThat(problems(TASKS + "load: {arrival_rate: 0/s, start_rate: 1/s}\n"))
        .containsExactly(
            "2:22 arrival_rate: expected a rate above 0, like 50/s, found '0/s'",
            "2:27 load: start_rate goes with stages of rates, not with arrival_rate");
    assertThat(problems(TASKS + "load: {arrival_rate: fast, run_time: 10s, warmup: 10s}\n"))
        .containsExactly(
            "2:22 arrival_rate: expected a rate like 50/s (also /m or /h), found 'fast'");
    assertThat(problems(TASKS + "load: {users: 5, max_users: 10}\n"))
        .containsExactly(
            "2:18 load: max_users goes with arrival_rate or stages of rates, not with users");
  }

  @Test
  void rateStageProblems() {
    assertThat(
            problems(
                TASKS
                    + """
                    load:
                      stages:
                        - {duration: 1m, rate: 10/x}
                        - {duration: 1m, users: 5}
                        - {duration: 1m}
                        - {duration: 1m, rate: -1}
                      run_time: 1m
                    """))
        .containsExactly(
            "4:31 rate: 'x' is not a rate unit; write /s (per second), /m (per minute) or /h (per"
                + " hour), like 50/s",
            "5:7 a stage of rates needs duration and rate, like {duration: 1m, rate: 100/s}",
            "5:22 unknown key 'users' in a stage of rates like {duration: 1m, rate: 100/s};"
                + " expected one of: duration, rate",
            "6:7 a stage of rates needs duration and rate, like {duration: 1m, rate: 100/s}",
            "7:28 rate: expected a rate like 50/s (also /m or /h), found '-1'",
            "8:3 load: run_time goes with users or arrival_rate, not with stages of rates");
    assertThat(problems(TASKS + "load: {stages: [{duration: 1m, rate: 0}]}\n"))
        .containsExactly("2:16 stages: every rate is 0; at least one needs a rate above 0");
    assertThat(problems(TASKS + "load: {stages: [{duration: 0s, rate: 5}], start_rate: 1/s}\n"))
        .containsExactly(
            "2:16 stages: together they last 0s; at least one needs a duration above 0");
    assertThat(problems(TASKS + "load: {stages: [{duration: 1m, rate: 5}], warmup: 1m}\n"))
        .containsExactly(
            "2:51 warmup: 1m is not shorter than the stages (1m), so nothing would be measured");
  }

  @Test
  void droppedIterationsNeedTheOpenModel() {
    assertThat(
            problems(
                TASKS
                    + """
                    load: {users: 5}
                    thresholds:
                      - dropped_iterations < 10
                      - {expr: dropped_iterations < 1, level: warn}
                    grades: [OK: dropped_iterations < 1, BAD]
                    """))
        .containsExactly(
            "4:5 dropped_iterations counts arrivals that found no free user, so it needs the open"
                + " model: a load with arrival_rate, or stages of rates",
            "5:5 dropped_iterations counts arrivals that found no free user, so it needs the open"
                + " model: a load with arrival_rate, or stages of rates",
            "6:10 dropped_iterations counts arrivals that found no free user, so it needs the open"
                + " model: a load with arrival_rate, or stages of rates");
    assertThat(
            problems(
                TASKS
                    + "load: {arrival_rate: 5}\n"
                    + "thresholds: [{endpoint: /, expr: dropped_iterations < 1}]\n"))
        .containsExactly(
            "3:14 dropped_iterations is counted for the whole run, not per endpoint; remove"
                + " endpoint");
    Scenario ok = load(TASKS + "load: {arrival_rate: 5}\nthresholds: [dropped_iterations < 1]\n");
    assertThat(ok.thresholds()).hasSize(1);
  }

  @Test
  void phasesAreRunsInOrder() {
    Scenario sc =
        load(
            TASKS
                + """
                x-grades: &grades [EXCELLENT: avg < 3s, GOOD: avg < 5s, "ACCEPTABLE: avg < 10s", POOR]
                phases:
                  - name: 1 user
                    load: {users: 1, run_time: 1m}
                    thresholds: [error_rate < 1%]
                    grades: *grades
                  - load: {arrival_rate: 20/s, run_time: 1m}
                    thresholds: [dropped_iterations < 5]
                thresholds: [p95 < 2s]
                grades: [FAST: {expr: p95 < 1s, endpoint: /}, SLOW]
                """);
    assertThat(sc.phases()).extracting(Phase::name).containsExactly("1 user", "phase2");
    Phase first = sc.phases().getFirst();
    assertThat(first.load()).isEqualTo(new LoadProfile.Closed(1, 1, s(60), null));
    assertThat(first.thresholds())
        .extracting(Threshold::expression)
        .containsExactly("error_rate < 1%");
    assertThat(first.grades())
        .containsExactly(
            Grade.parse("EXCELLENT: avg < 3s", first.grades().get(0).condition().position()),
            Grade.parse("GOOD: avg < 5s", first.grades().get(1).condition().position()),
            Grade.parse("ACCEPTABLE: avg < 10s", first.grades().get(2).condition().position()),
            Grade.otherwise("POOR"));
    assertThat(sc.load()).isEqualTo(first.load());
    assertThat(sc.runs()).isEqualTo(sc.phases());
    assertThat(sc.thresholds()).hasSize(1);
    assertThat(sc.grades().getFirst().condition().endpoint()).isEqualTo("/");
    assertThat(sc.grades().get(1)).isEqualTo(Grade.otherwise("SLOW"));
  }

  @Test
  void phaseProblems() {
    assertThat(
            problems(
                TASKS
                    + """
                    load: {users: 1}
                    phases:
                      - name: warm
                      - name: warm
                        load: {users: 0}
                        thresholds: [p95 < 2]
                        grades: []
                      - lod: {users: 1}
                    """))
        .containsExactly(
            "3:1 write either load (one run) or phases (several runs, each with its own load), not"
                + " both",
            "4:5 phase 'warm' needs a load, like load: {users: 10, run_time: 1m}",
            "5:11 phase 'warm' is already defined at line 4; names must differ",
            "6:19 users: expected a whole number from 1 to 10000000, found '0'",
            "7:25 p95 needs a unit: a duration like 500ms or 2s",
            "8:13 grades: expected at least one grade row, found an empty list",
            "9:5 unknown key 'lod' in a phase: a mapping with name and load (did you mean"
                + " 'load'?)",
            "9:5 phase 'phase3' needs a load, like load: {users: 10, run_time: 1m}");
    assertThat(problems(TASKS + "phases: []\n"))
        .containsExactly("2:9 phases: expected at least one phase, found an empty list");
  }

  @Test
  void gradeProblems() {
    assertThat(
            problems(
                TASKS
                    + """
                    grades:
                      - POOR
                      - "GOOD avg < 5s"
                      - "GOOD: avg < 5"
                      - "GREAT: "
                      - GOOD: {expr: p95 < 2s, endpoint: nope}
                      - FAST:
                      - {A: p95 < 1s, B: p95 < 2s}
                      - "GOOD: p95 < 1s"
                      - ": p95 < 1s"
                      - "p95 < 1s: GOOD"
                      - GOOD
                      - "A: B": p95 < 1s
                    """))
        .containsExactly(
            "3:5 grades: only the last row may be a grade without a condition (the grade"
                + " otherwise); give 'POOR' one, like POOR: avg < 5s",
            "4:6 grades: expected a grade and its condition, like GOOD: avg < 5s (or a grade alone,"
                + " like POOR)",
            "5:19 grades: avg needs a unit: a duration like 500ms or 2s",
            "6:12 grades: after 'GREAT:' comes a condition like avg < 5s; a grade without a"
                + " condition is written without the colon: GREAT",
            "7:38 endpoint: 'nope' is not the name of a request or task; known: /, GET /",
            "8:5 grades: 'FAST:' has no condition; a grade without one is written without the"
                + " colon: - FAST",
            "9:5 grades: expected a grade row like GOOD: avg < 5s, or a grade alone (the last row),"
                + " like POOR, found a mapping",
            "11:6 grades: a grade row starts with the grade's name, like GOOD: avg < 5s",
            "12:10 grades: a grade's name comes before the colon, like GOOD: avg < 5s",
            "13:5 grades: grade 'GOOD' is already a row at line 10; each grade appears once",
            "13:5 grades: only the last row may be a grade without a condition (the grade"
                + " otherwise); give 'GOOD' one, like GOOD: avg < 5s",
            "14:5 grades: 'A: B' is not a grade's name; names hold no : < > =");
  }

  @Test
  void setupAndTeardownRunOnce() {
    Scenario sc =
        load(
            """
            setup:
              - post: /api/login
                json: {user: admin, password: "${env.ADMIN_PASSWORD:-admin}"}
                save: {token: $.token}
            teardown:
              - delete: /api/tenants/${tenant}
            tasks:
              - get: /me
                headers: {Authorization: "Bearer ${token}"}
            """);
    assertThat(sc.setup()).hasSize(1);
    assertThat(((Request) sc.setup().getFirst()).saves().getFirst().variable()).isEqualTo("token");
    assertThat(sc.teardown()).extracting(st -> ((Request) st).method()).containsExactly("DELETE");
    assertThat(problems("setup: []\nteardown: {get: /}\ntasks: [get: /]\n"))
        .containsExactly(
            "1:8 setup: expected at least one step, found an empty list",
            "2:11 teardown: expected a list of steps (requests and think times), found a mapping");
  }
}
