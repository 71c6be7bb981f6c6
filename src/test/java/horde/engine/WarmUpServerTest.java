package horde.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The warm-up's server answers each request once, however its bytes arrive, and refuses what it cannot frame. */
class WarmUpServerTest {
  private static final String ANSWER_HEAD = "HTTP/1.1 200 OK\r\n";

  @Test
  void answersEachPipelinedRequestOnceAcrossSplitReads() throws Exception {
    try (WarmUpServer server = new WarmUpServer(); Socket s = connect(server)) {
      OutputStream out = s.getOutputStream();
      // a GET, a POST whose body is split across two writes, and a GET with a header in upper case
      out.write(ascii("GET /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /b HTTP/1.1\r\nContent-Length: 11\r\n\r\nhello"));
      out.flush();
      Thread.sleep(50);
      out.write(ascii(" world" + "GET /c HTTP/1.1\r\nCONTENT-LENGTH: 0\r\n\r\n"));
      out.flush();
      String answers = read(s.getInputStream(), 3); // sized, chunked, sized: it ends with the third's "ok\n"
      assertThat(answers.split(ANSWER_HEAD, -1)).hasSize(4); // three answers, nothing else
      assertThat(answers).as("a sized answer and a chunked one, in turn").contains("Content-Length: 3\r\n")
          .contains("Transfer-Encoding: chunked\r\n").contains("Date: ").endsWith("\r\n\r\nok\n");
    }
  }

  /** A body larger than the head's buffer (an LLM prompt of 100 KB) is skipped, not refused. */
  @Test
  void aBodyOfAnySizeIsSkippedAndAnswered() throws Exception {
    try (WarmUpServer server = new WarmUpServer(); Socket s = connect(server)) {
      OutputStream out = s.getOutputStream();
      out.write(ascii("POST /chat HTTP/1.1\r\nContent-Length: 100000\r\n\r\n" + "x".repeat(100_000)));
      out.write(ascii("GET /a HTTP/1.1\r\n\r\n"));
      out.flush();
      String answers = read(s.getInputStream(), 2); // sized, then chunked
      assertThat(answers.split(ANSWER_HEAD, -1)).hasSize(3);
      assertThat(answers).endsWith("0\r\n\r\n");
    }
  }

  /** Every eighth answer is 4 KB long, so the client's read sizing grows as well as shrinks in the warm-up. */
  @Test
  void everyEighthAnswerIsLarger() throws Exception {
    try (WarmUpServer server = new WarmUpServer(); Socket s = connect(server)) {
      s.getOutputStream().write(ascii("GET / HTTP/1.1\r\n\r\n".repeat(8)));
      String[] answers = read(s.getInputStream(), 8).split(ANSWER_HEAD, -1);
      assertThat(answers).hasSize(9);
      for (int i = 1; i < 8; i++) assertThat(answers[i]).hasSizeLessThan(400);
      assertThat(answers[8]).contains("Content-Length: 4096\r\n").hasSizeGreaterThan(4096)
          .endsWith("\r\n\r\n{\"text\":\"" + "x".repeat(4084) + "\"}\n");
    }
  }

  @Test
  void aChunkedBodyClosesTheConnection() throws Exception {
    try (WarmUpServer server = new WarmUpServer(); Socket s = connect(server)) {
      s.getOutputStream().write(ascii("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"));
      assertThat(s.getInputStream().read()).as("closed without an answer").isEqualTo(-1);
    }
  }

  /** A connection to {@code server} whose reads give up after 5 s: a test that waits in vain fails rather than hangs. */
  private static Socket connect(WarmUpServer server) throws Exception {
    Socket s = new Socket(server.address().getAddress(), server.address().getPort());
    s.setSoTimeout(5_000);
    return s;
  }

  /** Reads until {@code answers} answers have come, the last one whole; the socket's timeout bounds it. */
  private static String read(InputStream in, int answers) throws Exception {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    String text = "";
    while (text.split(ANSWER_HEAD, -1).length <= answers
        || !(text.endsWith("ok\n") || text.endsWith("0\r\n\r\n") || text.endsWith("\"}\n"))) {
      int n = in.read(buf);
      if (n < 0) break;
      got.write(buf, 0, n);
      text = got.toString(StandardCharsets.US_ASCII);
    }
    return text;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
