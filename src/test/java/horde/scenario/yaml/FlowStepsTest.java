package horde.scenario.yaml;

import static horde.scenario.yaml.Loading.load;
import static horde.scenario.yaml.Loading.problems;
import static org.assertj.core.api.Assertions.assertThat;

import horde.scenario.Branch;
import horde.scenario.Branch.Condition;
import horde.scenario.Check;
import horde.scenario.Extract;
import horde.scenario.Group;
import horde.scenario.JsonExpectation;
import horde.scenario.Loop;
import horde.scenario.Poll;
import horde.scenario.Request;
import horde.scenario.Scenario;
import horde.scenario.SourcePosition;
import horde.scenario.Step;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** group, poll, loop and if: what they read into, and every problem at its line and column. */
class FlowStepsTest {
  private static final String FEEDERS = "feeders: {turns: data/questions.csv}\n";

  private static List<Step> steps(String stepsYaml) {
    Scenario s = load(FEEDERS + "tasks:\n  - name: t\n    steps:\n" + stepsYaml.indent(6));
    return s.users().getFirst().tasks().getFirst().steps();
  }

  private static List<String> stepProblems(String stepsYaml) {
    return problems(FEEDERS + "tasks:\n  - name: t\n    steps:\n" + stepsYaml.indent(6));
  }

  private static SourcePosition at(int line, int column) {
    return new SourcePosition(Loading.FILE, line, column);
  }

  @Test
  void aGroupTimesItsStepsAsOneMetric() {
    Step step =
        steps(
                """
                - group: checkout
                  steps:
                    - get: /cart
                    - think: 1s
                    - post: /orders
                """)
            .getFirst();
    assertThat(step).isInstanceOf(Group.class);
    Group g = (Group) step;
    assertThat(g.name()).isEqualTo("checkout");
    assertThat(g.steps()).hasSize(3);
    assertThat(g.position()).isEqualTo(at(5, 9));
  }

  @Test
  void aPollRepeatsItsRequestUntilTheConditionHolds() {
    Poll poll =
        (Poll)
            steps(
                    """
                    - poll:
                        get: /api/jobs/${job_id}
                        name: /api/jobs/[id]
                        check: {json: {$.status: completed}}
                        save: {summary: $.result.summary}
                      until: {status: 200, json: {$.status: [completed, failed]}}
                      every: 2s
                      timeout: 90s
                    """)
                .getFirst();
    assertThat(poll.request().path()).isEqualTo("/api/jobs/${job_id}");
    assertThat(poll.request().name()).isEqualTo("/api/jobs/[id]");
    assertThat(poll.request().checks())
        .containsExactly(new Check.JsonField("$.status", new JsonExpectation.EqualTo("completed")));
    assertThat(poll.request().saves()).extracting(Extract::variable).containsExactly("summary");
    assertThat(poll.until())
        .containsExactly(
            new Check.Status(java.util.Set.of(200)),
            new Check.JsonField(
                "$.status", new JsonExpectation.OneOf(List.of("completed", "failed"))));
    assertThat(poll.interval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(poll.timeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(poll.position()).isEqualTo(at(5, 9));
  }

  @Test
  void aPollOfAPathIsAGetWithDefaultPace() {
    Poll poll =
        (Poll) steps("- poll: /api/jobs/${job_id}\n  until: {json: {$.done: true}}").getFirst();
    assertThat(poll.request().method()).isEqualTo("GET");
    assertThat(poll.request().path()).isEqualTo("/api/jobs/${job_id}");
    assertThat(poll.request().position()).isEqualTo(at(5, 15));
    assertThat(poll.until())
        .containsExactly(new Check.JsonField("$.done", new JsonExpectation.EqualTo(true)));
    assertThat(poll.interval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(poll.timeout()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void loopsOverACountOrAFeedersRows() {
    List<Step> steps =
        steps(
            """
            - loop: 3
              steps: [get: /a]
            - loop: {over: turns}
              steps:
                - post: /ask
                  json: {q: "${turns.text}"}
            """);
    assertThat(steps.get(0)).isEqualTo(new Loop(3, null, List.of(get("/a", 6, 17)), at(5, 9)));
    Loop overRows = (Loop) steps.get(1);
    assertThat(overRows.times()).isZero();
    assertThat(overRows.feeder()).isEqualTo("turns");
    assertThat(overRows.steps()).hasSize(1);
  }

  private static Request get(String path, int line, int column) {
    return new Request(
        "GET", path, null, null, null, null, null, null, null, null, at(line, column));
  }

  @Test
  void ifTestsAVariable() {
    List<Step> steps =
        steps(
            """
            - if: {var: plan, equals: pro}
              steps: [get: /pro]
              else: [get: /free]
            - if: {var: plan, in: [pro, team, 3]}
              steps: [get: /paid]
            - if: {var: token, is: present}
              steps: [get: /me]
            - if: {var: token, is: absent}
              steps: [post: /login]
            """);
    assertThat(steps)
        .extracting(s -> ((Branch) s).condition())
        .containsExactly(
            new Condition("plan", Condition.Test.EQUALS, List.of("pro")),
            new Condition("plan", Condition.Test.IN, List.of("pro", "team", "3")),
            new Condition("token", Condition.Test.PRESENT, List.of()),
            new Condition("token", Condition.Test.ABSENT, List.of()));
    Branch first = (Branch) steps.getFirst();
    assertThat(first.then()).containsExactly(get("/pro", 6, 17));
    assertThat(first.otherwise()).containsExactly(get("/free", 7, 16));
    assertThat(((Branch) steps.get(1)).otherwise()).isEmpty();
  }

  @Test
  void flowsNest() {
    Group g =
        (Group)
            steps(
                    """
                    - group: conversation
                      steps:
                        - loop: {over: turns}
                          steps:
                            - if: {var: conversation_id, is: absent}
                              steps:
                                - post: /c
                                  save: {conversation_id: $.id}
                            - poll: {post: "/c/${conversation_id}/ask"}
                              until: {status: 200}
                    """)
                .getFirst();
    Loop loop = (Loop) g.steps().getFirst();
    assertThat(loop.steps()).hasExactlyElementsOfTypes(Branch.class, Poll.class);
  }

  @Test
  void groupAndPollNamesCanBeThresholdEndpoints() {
    Scenario s =
        load(
            """
            tasks:
              - name: t
                steps:
                  - group: enhance
                    steps:
                      - poll: {get: /jobs/1, name: job status}
                        until: {status: 200}
            thresholds:
              - {endpoint: enhance, expr: p95 < 30s}
              - {endpoint: job status, expr: error_rate < 1%}
            """);
    assertThat(s.thresholds())
        .extracting(t -> t.endpoint())
        .containsExactly("enhance", "job status");
  }

  @Test
  void groupProblems() {
    assertThat(
            stepProblems(
                """
                - group: ""
                  steps: [get: /]
                - group: g
                - group: g
                  steps: []
                - group: g
                  steps: [get: /]
                  name: x
                - group: g
                  get: /
                  steps: [think: 1s]
                """))
        .containsExactly(
            "5:16 group: expected a name for the group's metric, found \"\" (quoted text)",
            "7:9 group needs steps: the list of steps it runs",
            "9:16 steps: expected at least one step, found an empty list",
            "12:9 unknown key 'name' in a group: {group: NAME, steps: [...]}; expected one of:"
                + " group, steps",
            "14:9 a step is one thing (a request, think, group, poll, loop, if or a ws step); this one already"
                + " is group");
  }

  @Test
  void pollProblems() {
    assertThat(
            stepProblems(
                """
                - poll: {get: /x}
                - poll: {name: x}
                  until: {status: 200}
                - poll: relative
                  until: {}
                - poll: {get: /x}
                  until: {json: {$.status: []}, jsn: 1}
                  every: soon
                  timeout: 0s
                - poll: [get, /x]
                  until: {json: {$.status: [completed, [x]]}}
                """))
        .containsExactly(
            "5:9 poll needs until: the condition that ends it, like until: {json: {$.status:"
                + " done}}",
            "6:15 a request needs a method: get, post, put, patch, delete, head, options, with a"
                + " path like get: /health",
            "8:15 poll: expected a path like /api/chat, or a URL like https://host/api/chat, found"
                + " 'relative'",
            "9:16 until: expected at least one condition, found an empty mapping",
            "11:34 until.json: expected at least one value to equal, found an empty list",
            "11:39 unknown key 'jsn' in a mapping of checks: status, json, body_contains, header,"
                + " max_latency (did you mean 'json'?)",
            "12:16 every: expected a duration like 30s, found 'soon'",
            "13:18 timeout: expected a duration above 0, like 30s, found '0s'",
            "14:15 poll: expected a request to repeat, like {get: /jobs/${id}}, or a path, found a"
                + " list",
            "15:46 until.json: expected a text, number or boolean to equal (one of the list), found"
                + " a list");
  }

  @Test
  void loopProblems() {
    assertThat(
            stepProblems(
                """
                - loop: 0
                  steps: [get: /]
                - loop: turns
                  steps: [get: /]
                - loop: {over: turnz}
                  steps: [get: /]
                - loop: {over: nothing, times: 2}
                  steps: [get: /]
                - loop: 2
                - loop: {}
                  steps: [get: /]
                - loop: 1.5
                  steps: [get: /]
                """))
        .containsExactly(
            "5:15 loop: expected a whole number from 1 to 1000000, found '0'",
            "7:15 loop: expected a count like 3, or {over: FEEDER}, found 'turns' (to go over the"
                + " rows of feeder 'turns', write loop: {over: turns})",
            "9:22 over: 'turnz' is not a feeder (did you mean 'turns'?)",
            "11:22 over: 'nothing' is not a feeder; the feeders are: turns",
            "11:31 unknown key 'times' in {over: FEEDER}; expected one of: over",
            "13:9 loop needs steps: the list of steps it runs",
            "14:15 loop: expected {over: FEEDER}, the feeder whose rows to go over",
            "16:15 loop: expected a count like 3, or {over: FEEDER}, found '1.5'");
  }

  @Test
  void loopOverAFeederWhenThereAreNone() {
    assertThat(
            problems(
                "tasks:\n"
                    + "  - name: t\n"
                    + "    steps:\n"
                    + "      - loop: {over: rows}\n"
                    + "        steps: [get: /]\n"))
        .containsExactly("4:22 over: 'rows' is not a feeder; declare it under feeders:");
  }

  @Test
  void ifProblems() {
    assertThat(
            stepProblems(
                """
                - if: {var: plan, equals: pro, in: [a, b]}
                  steps: [get: /]
                - if: {var: plan}
                  steps: [get: /]
                - if: {equals: pro}
                  steps: [get: /]
                - if: {var: 9lives, is: there}
                  steps: [get: /]
                - if: {var: plan, in: []}
                  steps: [get: /]
                  else: []
                - if: {var: plan, is: present}
                - if: plan == pro
                  steps: [get: /]
                - if: {var: uuid, equals: [a]}
                  steps: [get: /]
                  then: [get: /]
                """))
        .containsExactly(
            "5:38 if: in cannot go with equals; use one test",
            "7:13 if: needs one test: equals: VALUE, in: [VALUES] or is: present (or absent)",
            "9:13 if: needs var: the name of the variable to test",
            "11:19 variable name '9lives' must be letters, digits and _ (not starting with a"
                + " digit), so that ${9lives} can use it",
            "11:31 is: expected present or absent, found 'there'",
            "13:29 in: expected at least one value, found an empty list",
            "15:15 else: expected at least one step, found an empty list",
            "16:9 if needs steps: the list of steps it runs",
            "17:13 if: expected a condition like {var: plan, equals: pro}, {var: plan, in: [pro,"
                + " team]} or {var: token, is: present}, found 'plan == pro'",
            "19:19 variable name 'uuid' is taken by the built-in ${uuid}; choose another",
            "19:33 equals: expected a value to compare with (text or a number), found a list",
            "21:9 unknown key 'then' in an if: {if: CONDITION, steps: [...], else: [...]} (did you"
                + " mean 'steps'?)");
  }

  @Test
  void aStepOfTwoKinds() {
    assertThat(
            stepProblems(
                """
                - get: /
                  poll: /x
                - think: 1s
                  loop: 2
                """))
        .containsExactly(
            "6:9 a step is one thing (a request, think, group, poll, loop, if or a ws step); this one already"
                + " is a request",
            "8:9 a step is one thing (a request, think, group, poll, loop, if or a ws step); this one already"
                + " is think");
  }

  @Test
  void namesFromOtherToolsGetTheirNameHere() {
    assertThat(
            stepProblems(
                """
                - poll: /x
                  until: {status: 200}
                  interval: 2s
                - if: {var: a, is: present}
                  then: [get: /]
                """))
        .containsExactly(
            "7:9 unknown key 'interval' in a poll: {poll: REQUEST, until: CHECKS} (did you mean"
                + " 'every'?)",
            "8:9 if needs steps: the list of steps it runs",
            "9:9 unknown key 'then' in an if: {if: CONDITION, steps: [...], else: [...]} (did you"
                + " mean 'steps'?)");
    assertThat(problems("tasks: [get: /]\nload: {rate: 5/s, max_vus: 10}\n"))
        .contains(
            "2:8 unknown key 'rate' in a mapping with users, stages, requests or arrival_rate (did"
                + " you mean 'arrival_rate'?)");
  }
}
