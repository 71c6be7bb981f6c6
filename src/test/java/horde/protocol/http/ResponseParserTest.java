package horde.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The response parser on the bytes servers send, cut at every place a read can end: each answer
 * comes out with its status, the headers asked for, its body and its end, exactly once.
 */
class ResponseParserTest {
  static final String NGINX = "HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nDate: Sat, 05 Dec 2026 10:00:00 GMT\r\n"
      + "Content-Type: application/json\r\nContent-Length: 21\r\nConnection: keep-alive\r\n\r\n{\"ok\":true,\"n\":12345}";

  /** What the parser handed on, as text: "head 200", "body ...", "end". */
  static final class Events implements ResponseParser.Sink {
    final List<String> log = new ArrayList<>();
    final StringBuilder body = new StringBuilder();
    ResponseHead head;

    @Override
    public boolean onHead(ResponseHead h) {
      head = h;
      log.add("head " + h.status());
      return true;
    }

    @Override
    public boolean onContent(ByteBuf piece) {
      body.append(piece.toString(StandardCharsets.UTF_8));
      return true;
    }

    @Override
    public void onEnd() {
      log.add("body " + body);
      body.setLength(0);
      log.add("end");
    }
  }

  static ResponseParser parser(Events events, List<String> kept) {
    return new ResponseParser(new ResponseHead(kept, true), events, UnpooledByteBufAllocator.DEFAULT);
  }

  /** Feeds {@code bytes} in pieces cut at {@code cuts}. */
  static void feed(ResponseParser p, byte[] bytes, int... cuts) throws BadResponseException {
    int from = 0;
    for (int cut : cuts) {
      p.read(Unpooled.copiedBuffer(bytes, from, cut - from));
      from = cut;
    }
    p.read(Unpooled.copiedBuffer(bytes, from, bytes.length - from));
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Every split of the answer into two reads, and one byte per read, give the same events. */
  static void sameAtEverySplit(String response, List<String> expected) throws BadResponseException {
    byte[] bytes = ascii(response);
    for (int cut = 0; cut <= bytes.length; cut++) {
      Events e = new Events();
      feed(parser(e, List.of()), bytes, cut);
      assertThat(e.log).as("cut at %d", cut).isEqualTo(expected);
    }
    Events e = new Events();
    ResponseParser p = parser(e, List.of());
    for (byte b : bytes) p.read(Unpooled.wrappedBuffer(new byte[] {b}));
    assertThat(e.log).as("a byte at a time").isEqualTo(expected);
  }

  @Test
  void aContentLengthAnswerAtEverySplit() throws Exception {
    sameAtEverySplit(NGINX + NGINX, List.of("head 200", "body {\"ok\":true,\"n\":12345}", "end",
        "head 200", "body {\"ok\":true,\"n\":12345}", "end"));
  }

  @Test
  void aChunkedAnswerWithExtensionsAndTrailersAtEverySplit() throws Exception {
    String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/event-stream\r\n\r\n"
        + "b\r\ndata: tok\n\n\r\n" + "5;ext=1\r\nhello\r\n" + "0\r\nX-Trailer: yes\r\n\r\n";
    sameAtEverySplit(chunked + NGINX, List.of("head 200", "body data: tok\n\nhello", "end",
        "head 200", "body {\"ok\":true,\"n\":12345}", "end"));
  }

  @Test
  void chunkSizesInUpperCaseHexAndWithSpaceBeforeAnExtension() throws Exception {
    String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "0B\r\ndata: tok\n\n\r\n" + "1A ;x\r\n" + "abcdefghijklmnopqrstuvwxyz\r\n" + "0\r\n\r\n";
    sameAtEverySplit(chunked, List.of("head 200", "body data: tok\n\nabcdefghijklmnopqrstuvwxyz", "end"));
  }

  @Test
  void interimAnswersAreSkippedAndEmptyOnesEndAtTheirHead() throws Exception {
    sameAtEverySplit("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
        + "HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n" + "HTTP/1.1 304 Not Modified\r\n\r\n" + NGINX,
        List.of("head 204", "body ", "end", "head 304", "body ", "end", "head 200", "body {\"ok\":true,\"n\":12345}", "end"));
  }

  @Test
  void theAnswerToAHeadHasNoBodyWhateverItsLength() throws Exception {
    Events e = new Events();
    ResponseParser p = parser(e, List.of());
    p.expect(true);
    feed(p, ascii("HTTP/1.1 200 OK\r\nContent-Length: 21\r\n\r\n"));
    assertThat(e.log).containsExactly("head 200", "body ", "end");
    assertThat(e.head.contentLength()).isEqualTo(21);
  }

  @Test
  void anAnswerWithoutLengthEndsAtTheClose() throws Exception {
    Events e = new Events();
    ResponseParser p = parser(e, List.of());
    feed(p, ascii("HTTP/1.0 200 OK\r\n\r\nall of it"), 22);
    assertThat(e.log).containsExactly("head 200");
    assertThat(e.head.keepAlive()).isFalse();
    p.closed();
    assertThat(e.log).containsExactly("head 200", "body all of it", "end");
  }

  @Test
  void aCloseInsideTheHeadIsABadResponseAndInsideTheBodyNoEnd() throws Exception {
    Events e = new Events();
    ResponseParser p = parser(e, List.of());
    feed(p, ascii("HTTP/1.1 200 OK\r\nContent-Len"));
    assertThatThrownBy(p::closed).isInstanceOf(BadResponseException.class);

    Events cut = new Events();
    ResponseParser q = parser(cut, List.of());
    feed(q, ascii("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"));
    q.closed();
    assertThat(cut.log).containsExactly("head 200"); // no end: the connection reports the cut
  }

  @Test
  void keepAliveFollowsTheVersionAndTheConnectionHeader() throws Exception {
    assertThat(head("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n").keepAlive()).isTrue();
    assertThat(head("HTTP/1.1 200 OK\r\nConnection: Close\r\nContent-Length: 0\r\n\r\n").keepAlive()).isFalse();
    assertThat(head("HTTP/1.1 200 OK\r\nConnection: upgrade, close\r\nContent-Length: 0\r\n\r\n").keepAlive()).isFalse();
    assertThat(head("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n").keepAlive()).isFalse();
    assertThat(head("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n").keepAlive()).isTrue();
    assertThat(head("HTTP/1.0 200 OK\r\nConnection: Upgrade , Keep-Alive\r\nContent-Length: 0\r\n\r\n").keepAlive()).isTrue();
    assertThat(head("HTTP/1.0 200 OK\r\nConnection: keep-alive, close\r\nContent-Length: 0\r\n\r\n").keepAlive()).isFalse();
    assertThat(head("HTTP/1.1 200 OK\r\nConnection: closed\r\nContent-Length: 0\r\n\r\n").keepAlive()).isTrue();
  }

  @Test
  void onlyTheHeadersAskedForAreKeptAndALocationOnlyOnARedirect() throws Exception {
    Events e = new Events();
    feed(parser(e, List.of("x-request-id", "SET-COOKIE")), ascii("HTTP/1.1 302 Found\r\nLocation: /next\r\n"
        + "X-Request-Id: abc\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\nX-Other: no\r\n  folded\r\nContent-Length: 0\r\n\r\n"));
    ResponseHead h = e.head;
    assertThat(h.header("X-REQUEST-ID")).isEqualTo("abc");
    assertThat(h.headers("set-cookie")).containsExactly("a=1", "b=2");
    assertThat(h.header("x-other")).isNull();
    assertThat(h.location).isEqualTo("/next");
    assertThat(head("HTTP/1.1 200 OK\r\nLocation: /x\r\nContent-Length: 0\r\n\r\n").location).isNull();
  }

  @Test
  void aGzipBodyIsDecompressedAndHasNoDeclaredLength() throws Exception {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(zipped)) {
      z.write(ascii("hello, hello, hello"));
    }
    byte[] body = zipped.toByteArray();
    byte[] headBytes = ascii("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + body.length + "\r\n\r\n");
    byte[] all = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(body, 0, all, headBytes.length, body.length);
    Events e = new Events();
    feed(parser(e, List.of()), all, headBytes.length + 5);
    assertThat(e.log).containsExactly("head 200", "body hello, hello, hello", "end");
    assertThat(e.head.contentLength()).isEqualTo(-1);
  }

  @Test
  void whatIsNotHttpIsABadResponse() {
    for (String bad : List.of("THIS IS NOT HTTP\r\n\r\n", "HTTP/1.1 2x0 OK\r\n\r\n", "HTTP/2 200\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: -3\r\n\r\n", "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5x\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10000000000000000\r\n")) {
      assertThatThrownBy(() -> feed(parser(new Events(), List.of()), ascii(bad))).as(bad)
          .isInstanceOf(BadResponseException.class);
    }
  }

  /** A head longer than the parser's first look at a read (a 3,000-byte header among thirty): whole, and at every split. */
  @Test
  void aHeadLongerThanTheFirstLookAtEverySplit() throws Exception {
    String big = "HTTP/1.1 200 OK\r\nX-Big: " + "b".repeat(3000) + "\r\n" + "X-Small: s\r\n".repeat(30)
        + "Content-Length: 5\r\n\r\nhello";
    sameAtEverySplit(big + NGINX, List.of("head 200", "body hello", "end", "head 200", "body {\"ok\":true,\"n\":12345}", "end"));
    for (int cut : new int[] {big.length(), 1500, 3050}) {
      Events e = new Events();
      feed(parser(e, List.of("x-big", "x-small")), ascii(big), cut);
      assertThat(e.head.header("x-big")).as("cut at %d", cut).isEqualTo("b".repeat(3000));
      assertThat(e.head.headers("x-small")).hasSize(30);
    }
  }

  /** A status line past the line limit is bad whether or not its end has arrived. */
  @Test
  void aStatusLineLongerThanTheLineLimitIsABadResponse() {
    String longLine = "HTTP/1.1 200 " + "x".repeat(9000);
    for (String bad : List.of(longLine, longLine + "\r\nContent-Length: 0\r\n\r\n")) {
      assertThatThrownBy(() -> feed(parser(new Events(), List.of()), ascii(bad))).isInstanceOf(BadResponseException.class);
    }
  }

  @Test
  void aHeadLongerThanTheLimitIsABadResponse() {
    String big = "HTTP/1.1 200 OK\r\n" + ("X-Filler: " + "y".repeat(1000) + "\r\n").repeat(70);
    assertThatThrownBy(() -> feed(parser(new Events(), List.of()), ascii(big))).isInstanceOf(BadResponseException.class);
  }

  private static ResponseHead head(String response) throws BadResponseException {
    Events e = new Events();
    feed(parser(e, List.of()), ascii(response));
    return e.head;
  }
}
