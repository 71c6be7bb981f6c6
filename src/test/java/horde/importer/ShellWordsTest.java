package horde.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link ShellWords}: a command line split as a POSIX shell splits it, variables to the environment. */
class ShellWordsTest {
  @Test
  void quotesBackslashesAndContinuations() throws Exception {
    assertThat(ShellWords.split("curl -H 'A: b c' \"d e\" f\\ g \\\n  -d x\\\"y 'it'\\''s'"))
        .containsExactly("curl", "-H", "A: b c", "d e", "f g", "-d", "x\"y", "it's");
    assertThat(ShellWords.split("curl \\\r\n  https://x")).containsExactly("curl", "https://x");
    assertThat(ShellWords.split("  curl   a  # a comment\n")).containsExactly("curl", "a");
    assertThat(ShellWords.split("a#b")).containsExactly("a#b");
  }

  @Test
  void variablesWhereTheShellExpandsThemReadTheEnvironment() throws Exception {
    assertThat(ShellWords.split("curl -H \"Authorization: Bearer $OPENAI_API_KEY\" ${HOST}/v1 '$LITERAL' \"\\$ESCAPED\" $ $1"))
        .containsExactly("curl", "-H", "Authorization: Bearer ${env.OPENAI_API_KEY:-}", "${env.HOST:-}/v1", "$LITERAL",
            "$ESCAPED", "$", "$1");
  }

  @Test
  void literalTemplateTextIsEscapedSoItIsSentAsWritten() throws Exception {
    assertThat(ShellWords.split("curl -d '{\"home\": \"${HOME}\"}'")).containsExactly("curl", "-d", "{\"home\": \"$${HOME}\"}");
  }

  @Test
  void ansiCQuotes() throws Exception {
    assertThat(ShellWords.split("curl -d $'line\\none\\ttab \\x41\\u00e9 \\'q\\''")).containsExactly("curl", "-d",
        "line\none\ttab Aé 'q'");
  }

  @Test
  void whatCannotBeReadIsRefusedWithWhy() {
    assertThatThrownBy(() -> ShellWords.split("curl 'open")).isInstanceOf(ImportException.class).hasMessageContaining("' is not closed");
    assertThatThrownBy(() -> ShellWords.split("curl \"open")).hasMessageContaining("\" is not closed");
    assertThatThrownBy(() -> ShellWords.split("curl -H \"X: $(cat key)\"")).hasMessageContaining("command substitution");
  }

  @Test
  void severalCommandsInDocumentationText() {
    String docs = """
        # list the models
        $ curl https://api.example.com/v1/models \\
          -H "Authorization: Bearer $KEY"

        curl https://api.example.com/v1/chat -d '{
          "messages": [{"role": "user", "content": "hi"}]
        }'
        """;
    assertThat(CurlLines.split(docs)).containsExactly(
        "curl https://api.example.com/v1/models \\\n  -H \"Authorization: Bearer $KEY\"",
        "curl https://api.example.com/v1/chat -d '{\n  \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]\n}'");
  }
}
