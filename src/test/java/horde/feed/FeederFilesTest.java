package horde.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import horde.scenario.FeederSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feeder files as people save them: from Excel, with quotes, in the wrong encoding. */
class FeederFilesTest {
  @TempDir Path tmp;

  private FeederData load(String file, byte[] bytes) throws IOException {
    Path path = tmp.resolve(file);
    Files.write(path, bytes);
    return FeederFiles.load(new FeederSpec("f", path.toString(), null, null, null));
  }

  private FeederData csv(String text) throws IOException {
    return load("f.csv", text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<List<String>> rows(FeederData d) {
    return d.rows().stream().map(Arrays::asList).toList();
  }

  @Test
  void excelsByteOrderMarkIsNotPartOfTheFirstColumn() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = "user,password\r\nann,s3cret\r\n".getBytes(StandardCharsets.UTF_8);
    byte[] file = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, file, 0, 3);
    System.arraycopy(text, 0, file, 3, text.length);
    FeederData d = load("accounts.csv", file);
    assertThat(d.columns()).containsExactly("user", "password");
    assertThat(rows(d)).containsExactly(List.of("ann", "s3cret"));
  }

  @Test
  void utf16WithItsByteOrderMarkIsRead() throws IOException {
    FeederData d = load("u16.csv", "\uFEFFq\ncafé\n".getBytes(StandardCharsets.UTF_16LE));
    assertThat(rows(d)).containsExactly(List.of("café"));
  }

  @Test
  void aLatin1FileNamesTheLineTheByteAndTheFix() {
    byte[] latin1 = "q\nhello\ncaf\u00e9 au lait\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> load("q.csv", latin1)).isInstanceOf(IOException.class)
        .hasMessageStartingWith("line 3, column 4: byte 0xE9 is not UTF-8. Feeder files are read as UTF-8;")
        .hasMessageContaining("Latin-1 or Windows-1252").hasMessageContaining("CSV UTF-8")
        .hasMessageContaining("iconv -f WINDOWS-1252 -t UTF-8");
    assertThatThrownBy(() -> load("q.jsonl", "{\"q\": \"ok\"}\n{\"q\": \"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1)))
        .hasMessageStartingWith("line 2, column 11: byte 0xE9 is not UTF-8");
  }

  @Test
  void quotedFieldsKeepCommasQuotesAndLineBreaks() throws IOException {
    FeederData d = csv(" q , note\n\"a, b\",\"say \"\"hi\"\"\"\n\n\"two\nlines\",x\n");
    assertThat(d.columns()).containsExactly("q", "note");
    assertThat(rows(d)).containsExactly(List.of("a, b", "say \"hi\""), List.of("two\nlines", "x"));
  }

  @Test
  void aRecordWithTheWrongNumberOfFieldsNamesItsLine() {
    assertThatThrownBy(() -> csv("a,b\n1,2\n\"x\ny\",2\n3,4,5\n"))
        .hasMessage("line 5 has 3 fields, the header has 2 (quote a value that holds a comma: \"a, b\")");
    assertThatThrownBy(() -> csv("a,b\n1,\"2\n")).hasMessageStartingWith("line 2: ").hasMessageContaining("quote");
    assertThatThrownBy(() -> csv("\n\n")).hasMessage("empty file: a CSV feeder needs a header row");
    assertThatThrownBy(() -> csv("a,b\n")).hasMessage("no rows below the header");
  }
}
