package horde.protocol.http;

import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpResponseDecoder;

/** An HTTP/1.1 response decoder that knows a HEAD request's answer has no body. */
final class ResponseDecoder extends HttpResponseDecoder {
  private final Connection connection;

  ResponseDecoder(Connection connection) {
    super(new HttpDecoderConfig()
        .setMaxInitialLineLength(8192)
        .setMaxHeaderSize(65536)
        .setMaxChunkSize(65536)
        .setValidateHeaders(false));
    this.connection = connection;
  }

  @Override
  protected boolean isContentAlwaysEmpty(HttpMessage msg) {
    return connection.currentIsHead() || super.isContentAlwaysEmpty(msg);
  }
}
