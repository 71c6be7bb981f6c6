package horde.scenario.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import horde.scenario.InvalidScenarioException;
import horde.scenario.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A file with many mistakes: every one is reported, in file order, not only the first. */
class ManyProblemsTest {
  @Test
  void everyProblemInTheFileIsReported() {
    Path folder = Loading.folder(ManyProblemsTest.class);
    Path file = folder.resolve("many-problems.yaml");
    InvalidScenarioException e =
        catchThrowableOfType(InvalidScenarioException.class, () -> ScenarioLoader.load(file));
    List<String> shown = e.problems().stream().map(ManyProblemsTest::show).toList();
    assertThat(shown)
        .containsExactly(
            "3:9 target: expected a URL like http://127.0.0.1:8000, found 'localhost:8000'",
            "4:8 unknown key 'max_conections' in a mapping of HTTP settings (did you mean"
                + " 'max_connections'?)",
            "4:33 gzip: expected true or false, found 'maybe'",
            "6:12 timeout: expected a duration like 30s, found '30'",
            "8:21 file: " + folder.resolve("missing.csv") + " does not exist",
            "8:41 order: expected sequential, random or unique, found 'randon' (did you mean"
                + " 'random'?)",
            "11:13 weight: expected a whole number from 0 to 1000000, found '-1'",
            "12:26 wait: the longest wait (1s) is shorter than the shortest (3s)",
            "16:24 bad template: '${' is not closed with '}'",
            "17:30 bad template: '${' is not closed with '}'",
            "17:52 json: '.inf' is not a number JSON can hold (no infinity or NaN)",
            "18:29 status: expected a whole number from 100 to 599, found '700'",
            "18:41 check.json: expected a JSONPath like $.choices[0].message.content, found"
                + " 'answer'",
            "19:20 saved variable name 'counter' is taken by the built-in ${counter}; choose"
                + " another",
            "19:56 save.y.regex: not a valid regular expression: Unclosed group",
            "20:20 think: expected a duration like 2s, or between 1s and 3s, found 'soon'",
            "21:13 unknown key 'gett' in a step: a request like get: /path, think, group, poll,"
                + " loop, if, or ws, ws_send, ws_await, ws_close (did you mean 'get'?)",
            "21:13 a step needs a method (get, post, put, patch, delete, head, options) with a"
                + " path, or think, group, poll, loop, if, ws, ws_send, ws_await or ws_close",
            "22:14 get: expected a path like /api/chat, or a URL like https://host/api/chat, found"
                + " 'health'",
            "23:9 a request has one method; this one already has get",
            "24:11 user class 'chatter' is already defined at line 10; names must differ",
            "25:12 tasks: expected at least one task, found an empty list",
            "28:3 load: stages cannot go with users; choose one of users, stages, requests or"
                + " arrival_rate",
            "30:12 p95 needs a unit: a duration like 500ms or 2s",
            "31:16 endpoint: 'akk' is not the name of a request or task (did you mean 'ask'?)",
            "32:36 level: expected fail or warn, found 'warning'");
    assertThat(e.problems())
        .allSatisfy(p -> assertThat(p.position().file()).isEqualTo(file.toString()));
    assertThat(e.getMessage().lines())
        .hasSize(shown.size())
        .first()
        .isEqualTo(
            file
                + ":3:9: target: expected a URL like http://127.0.0.1:8000, found"
                + " 'localhost:8000'");
  }

  private static String show(Problem p) {
    return p.position().line() + ":" + p.position().column() + " " + p.message();
  }
}
