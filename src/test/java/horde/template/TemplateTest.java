package horde.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateTest {
  @Test
  void textWithoutReferencesIsConstant() {
    Template t = Template.parse("/health?x=$1&y={}");
    assertThat(t.isConstant()).isTrue();
    assertThat(t.parts()).containsExactly(new Template.Text("/health?x=$1&y={}"));
    assertThat(Template.parse("").parts()).isEmpty();
  }

  @Test
  void referencesKeepTheirOffset() {
    Template t = Template.parse("/c/${conversation_id}/m/${ n }");
    assertThat(t.parts())
        .containsExactly(
            new Template.Text("/c/"),
            new Template.Ref(new Reference("conversation_id", List.of(), null), 3),
            new Template.Text("/m/"),
            new Template.Ref(new Reference("n", List.of(), null), 24));
    assertThat(t.isConstant()).isFalse();
  }

  @Test
  void dollarDollarBraceIsALiteral() {
    assertThat(Template.parse("a $${x} b").parts()).containsExactly(new Template.Text("a ${x} b"));
    // The leftmost "$${" wins: "$$${x}" is "$" then the literal "${x}".
    assertThat(Template.parse("$$${x}").parts()).containsExactly(new Template.Text("$${x}"));
    assertThat(Template.parse("$ and $$ and ${a}$").references()).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "${env.API_TOKEN}          | env.API_TOKEN   | env | API_TOKEN | []        |",
        "${questions.text}         | questions.text  | questions | text | []       |",
        "${random_int(1, 100)}     | random_int      | random_int |     | [1, 100]  |",
        "${random_int ( 1 ,2 ) }   | random_int      | random_int |     | [1, 2]    |",
        "${env.MODEL:-gpt-4o}      | env.MODEL       | env | MODEL     | []        | gpt-4o",
        "${x:-}                    | x               | x   |           | []        | \"\"",
        "${x:-a:-b}                | x               | x   |           | []        | a:-b",
        "${x:- spaced (}           | x               | x   |           | []        | \" spaced (\"",
        "${x:-:)}                  | x               | x   |           | []        | :)",
        "${env.MY-VAR}             | env.MY-VAR      | env | MY-VAR    | []        |",
      })
  void parsesReferences(
      String text, String name, String head, String tail, String args, String fallback) {
    Reference r = Template.parse(text).references().get(0);
    assertThat(r.name()).isEqualTo(name);
    assertThat(r.head()).isEqualTo(head);
    assertThat(r.tail()).isEqualTo(tail);
    assertThat(r.args().toString()).isEqualTo(args);
    assertThat(r.fallback()).isEqualTo(fallback);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "${a                 | 0 | '${' is not closed with '}'",
        "ab ${a:-x           | 3 | '${' is not closed with '}'",
        "${f(1}              | 0 | '${' is not closed with '}'",
        "${a and ${b}        | 0 | '${' is not closed with '}' before the next '${'",
        "${a:-${b}}          | 0 | '${' is not closed with '}' before the next '${'",
        "x${}                | 3 | empty reference '${}'",
        "x${  }              | 5 | empty reference '${}'",
        "x${:-d}             | 3 | empty reference",
        "${9lives}           | 2 | '9lives' is not a valid name",
        "${  bad name}       | 4 | 'bad name' is not a valid name",
        "${a.}               | 2 | 'a.' is not a valid name",
        "${f(1) x}           | 8 | expected ')' to close the arguments",
      })
  void syntaxErrorsSayWhere(String text, int offset, String message) {
    TemplateSyntaxException e =
        catchThrowableOfType(TemplateSyntaxException.class, () -> Template.parse(text));
    assertThat(e.getMessage()).startsWith(message);
    assertThat(e.offset()).isEqualTo(offset);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "a ${uuid(1)}              | 2 | uuid takes no arguments",
        "${random_int}             | 0 | random_int takes 2 arguments",
        "${random_int(1)}          | 0 | random_int takes 2 arguments",
        "${random_int(1,)}         | 0 | random_int takes two whole numbers",
        "${random_int(a, b)}       | 0 | random_int takes two whole numbers",
        "${random_int(5, 1)}       | 0 | random_int: max is below min",
        "${name(1)}                | 0 | 'name' takes no arguments",
      })
  void bindingChecksBuiltInArguments(String text, int offset, String message) {
    TemplateSyntaxException e =
        catchThrowableOfType(
            TemplateSyntaxException.class, () -> Template.parse(text).bind(new TestSymbols()));
    assertThat(e.getMessage()).startsWith(message);
    assertThat(e.offset()).isEqualTo(offset);
  }

  @Test
  void unknownNamesAreReportedAtBindTime() {
    UnknownNameException e =
        catchThrowableOfType(
            UnknownNameException.class, () -> Template.parse("a${nope}").bind(new TestSymbols()));
    assertThat(e.name()).isEqualTo("nope");
    assertThat(e.offset()).isEqualTo(1);
    assertThatThrownBy(() -> Template.parse("${env.UNSET_FOR_SURE}").bind(new TestSymbols()))
        .hasMessageContaining("environment variable UNSET_FOR_SURE is not set");
    assertThatThrownBy(() -> Template.parse("${questions.nope}").bind(new TestSymbols()))
        .hasMessageContaining("feeder 'questions' has no column 'nope'; its columns: text, lang");
  }

  @Test
  void rendersEveryKindOfReference() throws Exception {
    TestSymbols symbols = new TestSymbols();
    TestScope scope = new TestScope();
    scope.variables.put(0, "c-42");
    String out =
        Template.parse(
                "/c/${conversation_id}/${questions.text}/${env.HOME_DIR}/${env.X:-dflt}/"
                    + "${user_id}/${iteration}/${counter}/${counter}/$${lit}")
            .bind(symbols)
            .render(scope);
    assertThat(out).isEqualTo("/c/c-42/hello/home/dflt/7/3/1/2/${lit}");
  }

  @Test
  void builtInsProduceTheRightShapes() throws Exception {
    TestScope scope = new TestScope();
    BoundTemplate t =
        Template.parse("${uuid} ${timestamp} ${random_int(-2, 2)}").bind(new TestSymbols());
    for (int i = 0; i < 200; i++) {
      String[] parts = t.render(scope).split(" ");
      assertThat(parts[0])
          .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      assertThat(Long.parseLong(parts[1]))
          .isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
      assertThat(Integer.parseInt(parts[2])).isBetween(-2, 2);
    }
  }

  /** The uuid is written digit by digit: the same text java.util.UUID gives for the same random bits. */
  @Test
  void aUuidReadsAsJavaWritesIt() throws Exception {
    BoundTemplate t = Template.parse("${uuid}").bind(new TestSymbols());
    TestScope scope = new TestScope();
    java.util.SplittableRandom same = new java.util.SplittableRandom(1); // TestScope's seed
    for (int i = 0; i < 1000; i++) {
      long hi = (same.nextLong() & ~0xF000L) | 0x4000L;
      long lo = (same.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
      String written = t.render(scope);
      assertThat(written).isEqualTo(new java.util.UUID(hi, lo).toString());
      assertThat(java.util.UUID.fromString(written).version()).isEqualTo(4);
    }
  }

  @Test
  void unsetVariablesUseTheFallbackOrFail() throws Exception {
    TestSymbols symbols = new TestSymbols();
    TestScope scope = new TestScope();
    assertThat(Template.parse("${conversation_id:-none}").bind(symbols).render(scope))
        .isEqualTo("none");
    assertThatThrownBy(() -> Template.parse("${conversation_id}").bind(symbols).render(scope))
        .isInstanceOf(UnsetValueException.class)
        .hasMessage("variable conversation_id is not set");
  }

  @Test
  void constantTemplatesRenderWithoutWork() throws Exception {
    BoundTemplate t = Template.parse("plain $${x} ${env.HOME_DIR}").bind(new TestSymbols());
    assertThat(t.constant()).isEqualTo("plain ${x} home");
  }

  @Test
  void jsonTemplatesEscapeWhatTheyInsert() throws Exception {
    TestScope scope = new TestScope();
    scope.variables.put(0, "say \"hi\"\n");
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("text", "q: ${conversation_id}");
    tree.put("n", 3);
    tree.put("list", List.of(true, 1.5));
    tree.put("none", null);
    assertThat(JsonTemplate.compile(tree, new TestSymbols()).render(scope))
        .isEqualTo("{\"text\":\"q: say \\\"hi\\\"\\n\",\"n\":3,\"list\":[true,1.5],\"none\":null}");
  }

  static final class TestSymbols implements Symbols {
    private final AtomicLong counter = new AtomicLong();

    @Override
    public OptionalInt variable(String name) {
      return name.equals("conversation_id") ? OptionalInt.of(0) : OptionalInt.empty();
    }

    @Override
    public Optional<FeederColumns> feeder(String name) {
      return name.equals("questions")
          ? Optional.of(new FeederColumns(0, List.of("text", "lang")))
          : Optional.empty();
    }

    @Override
    public Optional<String> environment(String name) {
      return name.equals("HOME_DIR") ? Optional.of("home") : Optional.empty();
    }

    @Override
    public AtomicLong counter() {
      return counter;
    }
  }
}
