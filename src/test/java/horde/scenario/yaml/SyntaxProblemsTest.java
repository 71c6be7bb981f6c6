package horde.scenario.yaml;

import static horde.scenario.yaml.Loading.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** YAML that does not parse, or whose shape is wrong before any key is read. */
class SyntaxProblemsTest {
  @Test
  void aTabUsedForIndentation() {
    assertThat(problems("users:\n\t- tasks: [get: /]\n"))
        .containsExactly("2:1 a tab cannot indent YAML; use spaces");
  }

  @Test
  void aKeyIndentedDifferentlyFromItsSiblings() {
    assertThat(
            problems(
                """
                users:
                  - tasks:
                      - get: /a
                     weight: 2
                """))
        .containsExactly(
            "4:6 not valid YAML: this line is indented differently from the keys above it");
  }

  @Test
  void aColonWhereNoneCanBe() {
    assertThat(
            problems(
                """
                users:
                  - name: a: b
                    tasks: [get: /]
                """))
        .containsExactly(
            "2:12 not valid YAML: ':' is not allowed here (check the indentation, or quote a value"
                + " that contains ': ')");
    assertThat(problems("name: x\n  target: y\ntasks: [get: /]\n"))
        .containsExactly(
            "2:9 not valid YAML: ':' is not allowed here (check the indentation, or quote a value"
                + " that contains ': ')");
  }

  @Test
  void anUnclosedQuoteIsReportedWhereItOpens() {
    assertThat(
            problems(
                """
                tasks:
                  - get: "/a
                  - get: /b
                """))
        .containsExactly(
            "2:10 not valid YAML: this quote is never closed (the file ends at line 4)");
    assertThat(problems("name: 'x\ntasks: [get: /]"))
        .containsExactly(
            "1:7 not valid YAML: this quote is never closed (the file ends at line 2)");
  }

  @Test
  void anUnclosedFlowList() {
    assertThat(problems("tasks: [get: /\nload: {users: 1}\n"))
        .containsExactly(
            "2:5 not valid YAML: expected ',' or ']', but got : (while parsing a flow sequence that"
                + " started at line 1, column 8)");
  }

  @Test
  void templatesInFlowStyleNeedQuotes() {
    assertThat(problems("tasks: [get: /c/${id}]\n"))
        .containsExactly(
            "1:17 not valid YAML: inside [ ] or { }, a value with ${...} must be quoted, like"
                + " \"/c/${id}\"");
    assertThat(problems("tasks:\n  - get: /\n    headers: {X-Id: ${id}}\n"))
        .containsExactly(
            "3:21 not valid YAML: inside [ ] or { }, a value with ${...} must be quoted, like"
                + " \"/c/${id}\"");
  }

  @Test
  void duplicateKeysAreReportedAtTheRepeatWhereverTheyAre() {
    assertThat(
            problems(
                """
                name: a
                tasks:
                  - get: /
                    headers: {X-A: 1, X-A: 2}
                    get: /b
                name: b
                """))
        .containsExactly(
            "4:23 duplicate key 'X-A' (first at line 4); each key may appear once",
            "5:5 duplicate key 'get' (first at line 3); each key may appear once",
            "6:1 duplicate key 'name' (first at line 1); each key may appear once");
  }

  @Test
  void anUnknownKeyThatIsRepeatedIsReportedOnceAsUnknown() {
    assertThat(problems("tasks: [get: /]\nnmae: a\nnmae: b\n"))
        .containsExactly(
            "2:1 unknown key 'nmae' in a mapping with users (or tasks), load and thresholds (did"
                + " you mean 'name'?)",
            "3:1 duplicate key 'nmae' (first at line 2); each key may appear once");
  }

  @Test
  void oneDocumentOnly() {
    assertThat(problems("tasks: [get: /]\n---\ntasks: [get: /]\n"))
        .containsExactly(
            "2:1 not valid YAML: a scenario is one YAML document, and another starts here");
  }

  @Test
  void emptyFiles() {
    assertThat(problems(""))
        .containsExactly(
            "1:1 the file is empty; expected a scenario with at least users (or tasks)");
    assertThat(problems("# nothing yet\n\n"))
        .containsExactly(
            "1:1 the file is empty; expected a scenario with at least users (or tasks)");
  }

  @Test
  void theTopLevelMustBeAMapping() {
    assertThat(problems("- get: /\n"))
        .containsExactly(
            "1:1 scenario: expected a mapping with users (or tasks), load and thresholds, found a"
                + " list");
    assertThat(problems("hello\n"))
        .containsExactly(
            "1:1 scenario: expected a mapping with users (or tasks), load and thresholds, found"
                + " 'hello'");
  }

  @Test
  void controlCharacters() {
    assertThat(problems("tasks: [get: /]\nname: a\u0001b\n"))
        .containsExactly("2:8 the character U+0001 is not allowed in YAML");
  }

  @Test
  void keysMustBeNames() {
    assertThat(problems("? [a]\n: 1\ntasks: [get: /]\n"))
        .containsExactly("1:3 expected a key name, found a list");
  }

  @Test
  void aliases() {
    assertThat(problems("tasks:\n  - post: /\n    json: {x: *nope}\n"))
        .containsExactly("3:15 not valid YAML: found undefined alias nope");
    assertThat(problems("tasks:\n  - post: /\n    json: &a {x: *a}\n"))
        .containsExactly("3:18 *a names &a, line 3, which contains it: a scenario cannot contain itself");
  }

  @Test
  void deepNesting() {
    String deep = "[".repeat(70) + "]".repeat(70);
    assertThat(problems("tasks:\n  - post: /\n    json: " + deep + "\n"))
        .containsExactly("3:73 the document nests deeper than 64 levels");
    String deeper = "[".repeat(100_000) + "]".repeat(100_000);
    assertThat(problems("tasks: " + deeper)).hasSize(1).first().asString().startsWith("1:");
  }

  @Test
  void positionsCountCharactersNotBytesOrUtf16Units() {
    assertThat(problems("name: \"\uD83D\uDE00\u00e9\"\ntasks: [get: /]\nload: {users: 0}\n"))
        .containsExactly("3:15 users: expected a whole number from 1 to 10000000, found '0'");
    assertThat(problems("tasks: [{get: /, headers: {a: \"\uD83D\uDE00 ${b\"}}]\n"))
        .containsExactly("1:34 bad template: '${' is not closed with '}'");
  }

  @Test
  void aByteOrderMarkTakesNoColumn() {
    assertThat(problems("\uFEFFload: {users: 0}\ntasks: [get: /]\n"))
        .containsExactly("1:15 users: expected a whole number from 1 to 10000000, found '0'");
  }

  @Test
  void windowsLineEndings() {
    assertThat(problems("tasks: [get: /]\r\nname: x\r\nload: {users: 0}\r\n"))
        .containsExactly("3:15 users: expected a whole number from 1 to 10000000, found '0'");
  }
}
