package horde.protocol.sse;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SseParserTest {
  final List<String> events = new ArrayList<>();
  final SseParser parser = new SseParser();

  void feed(String... pieces) {
    long t = 0;
    for (String p : pieces) parser.feed(Unpooled.wrappedBuffer(p.getBytes(StandardCharsets.UTF_8)), t++, (e, d, len, n) -> events.add(e + "|" + text(d, len) + "|" + n));
  }

  static String text(byte[] data, int length) {
    return new String(data, 0, length, StandardCharsets.UTF_8);
  }

  @Test
  void dispatchesOnABlankLineWithTheTimeOfThePieceThatEndedIt() {
    feed("data: tok\n\ndata: t", "ok2\n", "\n: comment\n\n");
    assertThat(events).containsExactly("message|tok|0", "message|tok2|2");
  }

  @Test
  void handlesEveryLineEndingAndMultiLineData() {
    feed("event: delta\r\ndata: a\r\ndata: b\r\n\r\ndata:c\r\rdata: d\r", "\n\r\n");
    assertThat(events).containsExactly("delta|a\nb|0", "message|c|0", "message|d|1");
  }

  @Test
  void openAiChunksAndDone() {
    feed("data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\n", "data: [DONE]\n\n");
    assertThat(events).containsExactly("message|{\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}|0", "message|[DONE]|1");
  }

  @Test
  void anyWayOfCuttingTheBytesGivesTheSameEvents() {
    String stream = "event: a\ndata: héllo wörld 🎉\n\ndata: x\r\ndata: y\r\n\r\n: ping\n\ndata: last\r\r";
    byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
    SplittableRandom random = new SplittableRandom(3);
    for (int round = 0; round < 200; round++) {
      List<String> got = new ArrayList<>();
      SseParser p = new SseParser();
      int at = 0;
      while (at < bytes.length) {
        int n = Math.min(bytes.length - at, 1 + random.nextInt(5));
        p.feed(Unpooled.wrappedBuffer(bytes, at, n), 0, (e, d, len, t) -> got.add(e + "|" + text(d, len)));
        at += n;
      }
      assertThat(got).containsExactly("a|héllo wörld 🎉", "message|x\ny", "message|last");
    }
  }

  @Test
  void fieldsAreMatchedWholeAndAFieldWithoutAColonHasAnEmptyValue() {
    feed("datum: no\ndata\ndata:x\nevents: no\n\nevent\ndata: y\n\n");
    assertThat(events).containsExactly("message|\nx|0", "message|y|0");
  }

  @Test
  void longLinesAndLongDataGrowTheirBuffers() {
    String big = "é".repeat(5_000);
    feed("data: " + big.substring(0, 2_000), big.substring(2_000) + "\ndata: " + big + "\n\n");
    assertThat(events).containsExactly("message|" + big + "\n" + big + "|1");
  }
}
