package horde.scenario.yaml;

import static horde.scenario.yaml.Loading.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Wrong types, values out of range, unknown and missing keys: each at its line and column. */
class ValueProblemsTest {
  private static final String PATH =
      "expected a path like /api/chat, or a URL like https://host/api/chat";

  @Test
  void topLevelSettings() {
    assertThat(
            problems(
                """
                name: ""
                target: localhost:8000
                preflight: health
                http: {max_conections: 3, gzip: maybe, connect_timeout: 10, max_redirects: -1, insecure: 1}
                defaults: {headers: {"X Bad": 1}, timeout: 0s}
                variables: {uuid: 1, ok: [1], 9z: a}
                tasks: [get: /]
                """))
        .containsExactly(
            "1:7 name: expected a name, found \"\" (quoted text)",
            "2:9 target: expected a URL like http://127.0.0.1:8000, found 'localhost:8000'",
            "3:12 preflight: " + PATH + ", found 'health'",
            "4:8 unknown key 'max_conections' in a mapping of HTTP settings (did you mean"
                + " 'max_connections'?)",
            "4:33 gzip: expected true or false, found 'maybe'",
            "4:57 connect_timeout: expected a duration like 30s, found '10'",
            "4:76 max_redirects: expected a whole number from 0 to 100, found '-1'",
            "4:90 insecure: expected true or false, found '1'",
            "5:22 headers: 'X Bad' is not a valid header name (letters, digits and - _ . ! # $ % &"
                + " ' * + ^ ` | ~)",
            "5:44 timeout: expected a duration above 0, like 30s, found '0s'",
            "6:13 variable name 'uuid' is taken by the built-in ${uuid}; choose another",
            "6:26 variables: expected a text value for ok (quote it if it starts with { or [),"
                + " found a list",
            "6:31 variable name '9z' must be letters, digits and _ (not starting with a digit), so"
                + " that ${9z} can use it");
  }

  @Test
  void bodyLimits() {
    assertThat(problems("http: {max_body: 2GB}\ntasks: [get: /]\n"))
        .containsExactly("1:18 max_body: expected a size like 512KB or 10MB, from 1 byte to 1GB, found '2GB'");
    assertThat(problems("http: {max_body: lots}\ntasks: [get: /]\n"))
        .containsExactly("1:18 max_body: expected a size like 512KB or 10MB, from 1 byte to 1GB, found 'lots'");
  }

  @Test
  void sectionsOfTheWrongType() {
    assertThat(
            problems(
                """
                preflight: [a]
                http: 5
                defaults: []
                variables: x
                feeders: [a]
                tasks: [get: /]
                thresholds: p95 < 2s
                """))
        .containsExactly(
            "1:12 preflight: expected a path like /health, false, or {path: /health, timeout: 5s},"
                + " found a list",
            "2:7 http: expected a mapping of HTTP settings, found '5'",
            "3:11 defaults: expected a mapping with headers and timeout, found an empty list",
            "4:12 variables: expected a mapping of names to values, found 'x'",
            "5:10 feeders: expected a mapping of feeder names to files, found a list",
            "7:13 thresholds: expected a list of thresholds like - p95 < 2s, found 'p95 < 2s'");
  }

  @Test
  void feeders() {
    assertThat(
            problems(
                """
                feeders:
                  questions: {file: nope.csv, order: randon}
                  2bad: data/questions.csv
                  q2: {order: random}
                  q3: {file: data/questions.csv, format: xml, orden: random}
                  q4: data
                  model: data/questions.csv
                variables: {model: x}
                tasks: [get: /]
                """))
        .containsExactly(
            "2:21 file: "
                + Loading.folder(ScenarioLoaderTest.class).resolve("nope.csv")
                + " does not exist",
            "2:38 order: expected sequential, random or unique, found 'randon' (did you mean"
                + " 'random'?)",
            "3:3 feeder name '2bad' must be letters, digits and _ (not starting with a digit), so"
                + " that ${2bad} can use it",
            "4:7 feeder 'q2' needs a file: its path, like data/q2.csv",
            "5:42 format: expected csv or jsonl, found 'xml'",
            "5:47 unknown key 'orden' in a file path, or a mapping with file, order and format (did"
                + " you mean 'order'?)",
            "6:7 file: "
                + Loading.folder(ScenarioLoaderTest.class).resolve("data")
                + " does not exist as a file (it is a folder)",
            "8:13 variable 'model' has the name of a feeder; rename one of them");
  }

  @Test
  void userClasses() {
    assertThat(problems("users: 10\n"))
        .containsExactly(
            "1:8 users: expected a list of user classes; for 10 users write load: {users: 10}");
    assertThat(problems("users: []\n"))
        .containsExactly("1:8 users: expected at least one user class, found an empty list");
    assertThat(problems("name: x\n"))
        .containsExactly(
            "1:1 missing users: a list of user classes, each with tasks (or tasks: for one kind of"
                + " user)");
    assertThat(problems("tasks: [get: /]\nusers: []\n"))
        .containsExactly(
            "1:1 write either users (a list of user classes) or tasks (one kind of user), not"
                + " both");
    assertThat(
            problems(
                """
                users:
                  - name: a
                    weight: -1
                    wait: between 3s and 1s
                  - name: a
                    wait_time: 3s
                    tasks: [get: /]
                  - just a name
                """))
        .containsExactly(
            "2:5 user class 'a' has no tasks; add tasks: with at least one request",
            "3:13 weight: expected a whole number from 0 to 1000000, found '-1'",
            "4:26 wait: the longest wait (1s) is shorter than the shortest (3s)",
            "5:11 user class 'a' is already defined at line 2; names must differ",
            "6:5 unknown key 'wait_time' in a user class: a mapping with tasks (did you mean"
                + " 'wait'?)",
            "8:5 users: expected a user class: a mapping with tasks, found 'just a name'");
  }

  @Test
  void weightsNeedOneAboveZero() {
    assertThat(
            problems(
                """
                users:
                  - {weight: 0, tasks: [get: /]}
                  - {weight: 0, tasks: [{get: /, weight: 0}, {steps: [get: /], weight: 0}]}
                """))
        .containsExactly(
            "2:3 users: every user class has weight 0; at least one needs a weight above 0",
            "3:24 tasks: every task has weight 0; at least one needs a weight above 0");
  }

  @Test
  void waitTimes() {
    assertThat(
            problems(
                """
                users:
                  - {wait: between 1s and soon, tasks: [get: /]}
                  - {wait: 3, tasks: [get: /]}
                  - {wait: [1s], tasks: [get: /]}
                  - {wait: sometimes, tasks: [get: /]}
                """))
        .containsExactly(
            "2:27 wait: expected none, a duration like 2s, constant 2s, between 1s and 3s, or"
                + " pacing 10s, found 'between 1s and soon'",
            "3:12 wait: expected none, a duration like 2s, constant 2s, between 1s and 3s, or"
                + " pacing 10s, found '3'",
            "4:12 wait: expected none, a duration like 2s, constant 2s, between 1s and 3s, or"
                + " pacing 10s, found a list",
            "5:12 wait: expected none, a duration like 2s, constant 2s, between 1s and 3s, or"
                + " pacing 10s, found 'sometimes'");
  }

  @Test
  void tasksAndSteps() {
    assertThat(
            problems(
                """
                users:
                  - tasks:
                      - name: x
                      - steps: []
                      - steps: [think: none]
                      - get: /
                        think: 2s
                      - steps:
                          - think: 1s
                            name: x
                          - {}
                          - get /x
                          - gett: /x
                      - 5
                  - tasks: []
                """))
        .containsExactly(
            "3:9 a task needs steps: (a list of requests and think times), or is one request like"
                + " get: /path",
            "4:16 steps: expected at least one step, found an empty list",
            "5:24 think: expected a duration like 2s, or between 1s and 3s, found 'none'",
            "7:9 unknown key 'think' in a task; expected one of: body, cache_hit, check,"
                + " content_type, delete, expect_status, form, get, head, headers, json, llm,"
                + " model, name, options, patch, post, put, query, save, stream, timeout, weight",
            "10:13 a think step takes no other keys; 'name' belongs to a request",
            "11:13 a step needs a method (get, post, put, patch, delete, head, options) with a"
                + " path, or think, group, poll, loop, if, ws, ws_send, ws_await or ws_close",
            "12:13 steps: expected a step: a request like get: /path, think, group, poll, loop, if,"
                + " or ws, ws_send, ws_await, ws_close, found 'get /x'",
            "13:13 unknown key 'gett' in a step: a request like get: /path, think, group, poll,"
                + " loop, if, or ws, ws_send, ws_await, ws_close (did you mean 'get'?)",
            "13:13 a step needs a method (get, post, put, patch, delete, head, options) with a"
                + " path, or think, group, poll, loop, if, ws, ws_send, ws_await or ws_close",
            "14:9 tasks: expected a task: a request like get: /path, or a mapping with steps, found"
                + " '5'",
            "15:12 tasks: expected at least one task, found an empty list");
  }

  @Test
  void requests() {
    assertThat(
            problems(
                """
                tasks:
                  - get: relative/path
                  - get: 42
                  - get:
                  - get: [a]
                  - get: /
                    name: ""
                  - get: /
                    post: /
                  - get: /
                    headers: [a]
                  - get: /
                    headers: {"A B": x, C: [1], D: 2}
                  - get: /
                    timeout: 0
                  - get: /
                    expect_status: [99, 200, abc]
                  - get: /
                    expect_status: []
                  - get: /
                    query: q=1
                  - get: /
                    params: {}
                """))
        .containsExactly(
            "2:10 get: " + PATH + ", found 'relative/path'",
            "3:10 get: " + PATH + ", found '42'",
            "4:9 get: " + PATH + ", found nothing",
            "5:10 get: " + PATH + ", found a list",
            "7:11 name: expected an endpoint name, found \"\" (quoted text)",
            "9:5 a request has one method; this one already has get",
            "11:14 headers: expected a mapping of names to values, found a list",
            "13:15 headers: 'A B' is not a valid header name (letters, digits and - _ . ! # $ % & '"
                + " * + ^ ` | ~)",
            "13:28 headers: expected a text value for C (quote it if it starts with { or [), found"
                + " a list",
            "15:14 timeout: expected a duration above 0, like 30s, found '0'",
            "17:21 expect_status: expected a whole number from 100 to 599, found '99'",
            "17:30 expect_status: expected a whole number, found 'abc'",
            "19:20 expect_status: expected at least one status, found an empty list",
            "21:12 query: expected a mapping of names to values, found 'q=1'",
            "23:5 unknown key 'params' in a task (did you mean 'query'?)");
  }

  @Test
  void bodies() {
    assertThat(
            problems(
                """
                tasks:
                  - post: /
                    content_type: text/csv
                  - post: /
                    json: {a: 1}
                    content_type: text/csv
                  - post: /
                    json: {a: 1}
                    form: {a: 1}
                    body: x
                  - post: /
                    form: [a]
                  - post: /
                    body: {a: 1}
                  - post: /
                    json:
                  - post: /
                    json: {n: .inf, m: !!int x}
                """))
        .containsExactly(
            "3:5 content_type goes with body: (for json and form it is set for you; or set a"
                + " Content-Type header)",
            "6:5 content_type goes with body: (for json and form it is set for you; or set a"
                + " Content-Type header)",
            "9:5 a request has one body; this one already has json (json, body and form exclude"
                + " each other)",
            "10:5 a request has one body; this one already has json (json, body and form exclude"
                + " each other)",
            "12:11 form: expected a mapping of field names to values, found a list",
            "14:11 body: expected text (for a JSON document use json:), found a mapping",
            "16:10 json: expected a JSON document: a mapping, a list or a value, found nothing",
            "18:15 json: '.inf' is not a number JSON can hold (no infinity or NaN)",
            "18:24 json: 'x' is not a whole number");
  }

  @Test
  void checks() {
    assertThat(
            problems(
                """
                tasks:
                  - get: /
                    check: 200
                  - get: /
                    check: {status: ok, json: [a], header: x, body_contains: [a, [b]], max_latency: 0s, latency: 1s}
                  - get: /
                    check:
                      status: [200, 700]
                      json: {answer: present, $.a: [{}], $.b: null, "$..c": ok, "$[": x}
                      header: {X-A: [1]}
                """))
        .containsExactly(
            "3:12 check: expected a mapping of checks: status, json, body_contains, header,"
                + " max_latency, found '200'",
            "5:21 status: expected a status like 200, or a list like [200, 201], found 'ok'",
            "5:31 check.json: expected a mapping of JSONPaths to present, absent or a value, like"
                + " {$.id: present}, found a list",
            "5:44 check.header: expected a mapping of header names to present or a value, found"
                + " 'x'",
            "5:66 body_contains: expected text, or a list of texts, found a list",
            "5:85 max_latency: expected a duration above 0, like 30s, found '0s'",
            "5:89 unknown key 'latency' in a mapping of checks: status, json, body_contains,"
                + " header, max_latency; expected one of: body_contains, header, json, max_latency,"
                + " status",
            "8:21 status: expected a whole number from 100 to 599, found '700'",
            "9:14 check.json: expected a JSONPath like $.choices[0].message.content, found"
                + " 'answer'",
            "9:37 check.json: expected a text, number or boolean to equal (one of the list), found"
                + " an empty mapping",
            "9:47 check.json: expected present, absent, a text, number or boolean to equal, or a"
                + " list of them (one of), found nothing",
            "9:65 check.json: expected a JSONPath like $.choices[0].message.content, found \"$[\""
                + " (quoted text)",
            "10:21 check.header: expected present, or the value the header must have, found a"
                + " list");
  }

  @Test
  void saves() {
    assertThat(
            problems(
                """
                feeders: {q: data/questions.csv}
                tasks:
                  - get: /
                    save: [a]
                  - get: /
                    save: {1x: $.a, a: id, b: {}, c: {json: a.b}, d: {header: ""}, env: $.x, f: {json: $.a, regex: x}}
                  - get: /
                    save:
                      q: $.q
                      r: {regex: "a(b"}
                      s: {xpath: //a}
                """))
        .containsExactly(
            "4:11 save: expected a mapping of variable names to what to save, like"
                + " {conversation_id: $.id}, found a list",
            "6:12 saved variable name '1x' must be letters, digits and _ (not starting with a"
                + " digit), so that ${1x} can use it",
            "6:24 save.a: expected a JSONPath like $.id, or {header: NAME}, {regex: PATTERN},"
                + " {cookie: NAME} or {json: PATH}, found 'id'",
            "6:31 save.b: expected exactly one of json, header, regex or cookie, found none",
            "6:45 save.c.json: expected a JSONPath like $.choices[0].message.content, found 'a.b'",
            "6:63 save.d.header: expected a header name, found \"\" (quoted text)",
            "6:68 saved variable name 'env' is taken by the built-in ${env}; choose another",
            "6:81 save.f: expected exactly one of json, header, regex or cookie, found json and regex",
            "9:7 saved variable 'q' has the name of a feeder; rename one of them",
            "10:22 save.r.regex: not a valid regular expression: Unclosed group",
            "11:10 save.s: expected exactly one of json, header, regex or cookie, found none",
            "11:11 unknown key 'xpath' in a JSONPath like $.id, or {header: NAME}, {regex: PATTERN},"
                + " {cookie: NAME} or {json: PATH}; expected one of: cookie, header, json, regex");
  }

  @Test
  void load() {
    assertThat(problems("tasks: [get: /]\nload: {}\n"))
        .containsExactly(
            "2:7 load: expected one of users (with spawn_rate and run_time), stages, requests"
                + " (with concurrency), arrival_rate (with run_time and max_users), or search");
    assertThat(problems("tasks: [get: /]\nload: [users, 5]\n"))
        .containsExactly(
            "2:7 load: expected a mapping with users, stages, requests or arrival_rate, found a"
                + " list");
    assertThat(
            problems(
                "tasks: [get: /]\n"
                    + "load: {users: 10, run_time: 1m, requests: 5, stages: [], concurrency: 2}\n"))
        .containsExactly(
            "2:33 load: requests cannot go with users; choose one of users, stages, requests or"
                + " arrival_rate",
            "2:46 load: stages cannot go with users; choose one of users, stages, requests or"
                + " arrival_rate",
            "2:58 load: concurrency goes with requests, not with users");
    assertThat(
            problems(
                "tasks: [get: /]\n"
                    + "load: {users: 5, spawn_rate: 0, run_time: forever, hatch_rate: 2}\n"))
        .containsExactly(
            "2:30 spawn_rate: expected a number above 0, found '0'",
            "2:43 run_time: expected a duration like 30s, found 'forever'",
            "2:52 unknown key 'hatch_rate' in a mapping with users, stages, requests or"
                + " arrival_rate (did you mean 'spawn_rate'?)");
    assertThat(problems("tasks: [get: /]\nload: {users: 1.5, spawn_rate: .nan}\n"))
        .containsExactly(
            "2:15 users: expected a whole number, found '1.5'",
            "2:32 spawn_rate: expected a number, found '.nan'");
    assertThat(problems("tasks: [get: /]\nload: {users: 5, run_time: 1m, warmup: 1m}\n"))
        .containsExactly(
            "2:40 warmup: 1m is not shorter than run_time (1m), so nothing would be measured");
    assertThat(problems("tasks: [get: /]\nload: {users: 5, run_time: 1m, warmup: -1s}\n"))
        .containsExactly("2:40 warmup: expected a duration like 30s, found '-1s'");
    assertThat(problems("tasks: [get: /]\nload: {users: 5, run_time: 1m, warmup: -3 requests}\n"))
        .containsExactly("2:40 warmup: expected a duration like 30s or a count of requests like 20 requests, not"
            + " '-3 requests'");
    assertThat(problems("tasks: [get: /]\nload: {users: 5, run_time: 9999999999h}\n"))
        .containsExactly("2:28 run_time: '9999999999h' is too long; durations go up to 285 years");
  }

  @Test
  void stagesAndFixedCounts() {
    assertThat(
            problems(
                "tasks: [get: /]\n"
                    + "load: {stages: [{duration: 1m}, {duration: 0s, users: 0, target: 5}, 5]}\n"))
        .containsExactly(
            "2:17 a stage needs duration and users, like {duration: 1m, users: 100}",
            "2:58 unknown key 'target' in a stage like {duration: 1m, users: 100} (did you mean"
                + " 'users'?)",
            "2:70 stages: expected a stage like {duration: 1m, users: 100}, found '5'");
    assertThat(problems("tasks: [get: /]\nload: {stages: [{duration: 0s, users: 5}]}\n"))
        .containsExactly(
            "2:16 stages: together they last 0s; at least one needs a duration above 0");
    assertThat(problems("tasks: [get: /]\nload: {stages: [{duration: 1m, users: 0}]}\n"))
        .containsExactly("2:16 stages: every stage has 0 users; at least one needs users above 0");
    assertThat(
            problems("tasks: [get: /]\nload: {stages: [{duration: 1m, users: 5}], warmup: 2m}\n"))
        .containsExactly(
            "2:52 warmup: 2m is not shorter than the stages (1m), so nothing would be measured");
    assertThat(problems("tasks: [get: /]\nload: {stages: []}\n"))
        .containsExactly("2:16 stages: expected at least one stage, found an empty list");
    assertThat(problems("tasks: [get: /]\nload: {requests: 0, concurrency: 1.5, max_time: 0}\n"))
        .containsExactly(
            "2:18 requests: expected a whole number of at least 1, found '0'",
            "2:34 concurrency: expected a whole number, found '1.5'",
            "2:49 max_time: expected a duration above 0, like 30s, found '0'");
    assertThat(
            problems(
                "tasks: [get: /]\nload: {requests: 10, max_time: 1m, warmup: 1m, run_time: 1m}\n"))
        .containsExactly(
            "2:44 warmup: 1m is not shorter than max_time (1m), so nothing would be measured",
            "2:48 load: run_time goes with users or arrival_rate, not with requests");
  }
}
