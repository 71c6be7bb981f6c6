package horde.scenario.yaml;

import static horde.scenario.yaml.Loading.load;
import static horde.scenario.yaml.Loading.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Template and threshold errors point inside the scalar: at the {@code $} of a bad reference or the
 * bad part of a threshold, whatever the scalar's YAML style.
 */
class PositionsInsideValuesTest {
  @Test
  void templatesInEveryScalarStyleAndPlace() {
    assertThat(
            problems(
                """
                defaults:
                  headers: {Authorization: "Bearer ${env.TOKEN"}
                tasks:
                  - get: /a/${id
                  - get: "/b/${x:-y}/${}"
                  - get: '/c/it''s/${ 9x }'
                  - post: /d
                    body: |
                      line one
                        line ${two
                  - post: /e
                    body: >
                      folded one
                      folded ${uuid(3)} two
                  - post: /f
                    json: {a: [1, {b: "x ${random_int(5, 1)}"}]}
                  - post: "/g/\\t${a"
                  - post: /h
                    headers: {X-A: "${env.A:-${b}}"}
                    query: {q: "${q"}
                    form: {f: "${f"}
                  - post: /i
                    body: "multi
                      line ${x"
                """))
        .containsExactly(
            "2:36 bad template: '${' is not closed with '}'",
            "4:13 bad template: '${' is not closed with '}'",
            "5:24 bad template: empty reference '${}'; expected a name like ${user_id}",
            "6:23 bad template: '9x' is not a valid name; expected letters, digits, _ and dots",
            "10:14 bad template: '${' is not closed with '}'",
            "14:14 bad template: uuid takes no arguments",
            "16:26 bad template: random_int: max is below min",
            "17:17 bad template: '${' is not closed with '}'",
            "19:21 bad template: '${' is not closed with '}' before the next '${' (references do"
                + " not nest)",
            "20:17 bad template: '${' is not closed with '}'",
            "21:16 bad template: '${' is not closed with '}'",
            "24:12 bad template: '${' is not closed with '}'");
  }

  @Test
  void validTemplatesAndLiteralDollarsPass() {
    load(
        """
        tasks:
          - post: /a/${conversation_id}?n=${random_int(1, 10)}&t=${timestamp}
            headers: {X-Id: "${uuid}", X-User: "${user_id}-${iteration}-${counter}", X-Env: "${env.HOME:-none}"}
            json: {price: "$5", literal: "$${not_a_ref}", q: "${questions.text}", none: "${x:-}"}
        """);
  }

  @Test
  void namesInTemplatesAreNotCheckedHere() {
    load("tasks: [get: \"/${never_defined}/${no_feeder.column}\"]");
  }

  @Test
  void thresholdErrorsInEveryScalarStyle() {
    assertThat(
            problems(
                """
                tasks: [get: /]
                thresholds:
                  - p95 < 2
                  - "p95 <  2 parsecs"
                  - 'error_rate < 5'
                  - {expr: rps >> 5, endpoint: nope}
                  - {expr: p95 < 1s, endpoint: GET /, level: warning}
                  - {endpoint: GET /}
                  - {expr: [p95 < 1s]}
                  - 5
                  - - nested
                  - >
                    p95 <
                    2x
                  - {expr: "latency < 1s", levle: warn}
                """))
        .containsExactly(
            "3:12 p95 needs a unit: a duration like 500ms or 2s",
            "4:15 'parsecs' is not a time unit; use us, ms, s, m or h",
            "5:20 error_rate needs a percentage like 5%",
            "6:17 rps needs a number per second like 100",
            "6:32 endpoint: 'nope' is not the name of a request or task; known: /, GET /",
            "7:46 level: expected fail or warn, found 'warning'",
            "8:5 a threshold needs expr, like {expr: p95 < 2s}",
            "9:12 expr: expected a threshold like p95 < 2s, found a list",
            "10:5 expected 'metric < limit', like p95 < 2s",
            "11:5 thresholds: expected a threshold like p95 < 2s, or {expr: p95 < 2s, endpoint:"
                + " NAME, level: warn}, found a list",
            "14:6 'x' is not a time unit; use us, ms, s, m or h",
            "15:13 unknown metric 'latency'; known: " + horde.scenario.ThresholdParser.known(),
            "15:28 unknown key 'levle' in a threshold like p95 < 2s, or {expr: p95 < 2s, endpoint:"
                + " NAME, level: warn} (did you mean 'level'?)");
  }

  @Test
  void thresholdEndpointsSuggestTheClosestName() {
    assertThat(
            problems(
                """
                tasks:
                  - name: ask
                    steps:
                      - post: /api/messages
                        name: /api/conversations/[id]/messages
                  - get: /health
                thresholds:
                  - {endpoint: akk, expr: p95 < 2s}
                  - {endpoint: /helth, expr: p95 < 2s}
                  - {endpoint: "", expr: p95 < 2s}
                """))
        .containsExactly(
            "8:16 endpoint: 'akk' is not the name of a request or task (did you mean 'ask'?)",
            "9:16 endpoint: '/helth' is not the name of a request or task (did you mean"
                + " '/health'?)",
            "10:16 endpoint: expected a request or task name, found \"\" (quoted text)");
  }

  @Test
  void aBrokenRequestStillCountsAsAnEndpointForThresholds() {
    assertThat(
            problems(
                """
                tasks:
                  - get: /health
                    timeout: soon
                thresholds:
                  - {endpoint: /health, expr: p95 < 2s}
                  - {endpoint: GET /health, expr: p95 < 2s}
                """))
        .containsExactly("3:14 timeout: expected a duration like 30s, found 'soon'");
  }

  @Test
  void waitTimeErrorsPointAtTheBadDuration() {
    assertThat(problems("users:\n  - wait: between 1s and 3x\n    tasks: [get: /]\n"))
        .containsExactly(
            "2:26 wait: expected none, a duration like 2s, constant 2s, between 1s and 3s, or"
                + " pacing 10s, found 'between 1s and 3x'");
    assertThat(problems("tasks: [{steps: [think: between 5s and 1s]}]\n"))
        .containsExactly("1:40 think: the longest wait (1s) is shorter than the shortest (5s)");
  }

  @Test
  void regexErrorsPointInsideThePattern() {
    assertThat(problems("tasks:\n  - get: /\n    save: {a: {regex: 'x[0-'}}\n"))
        .containsExactly(
            "3:28 save.a.regex: not a valid regular expression: Illegal character range");
  }
}
