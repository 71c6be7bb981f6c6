package horde.protocol.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.compression.ZlibCodecFactory;
import io.netty.handler.codec.compression.ZlibWrapper;

/**
 * Decompresses one gzip or deflate body as it arrives, with Netty's zlib decoder (what its
 * {@code HttpContentDecompressor} uses); made only for an answer that is compressed.
 */
final class Inflation {
  private final EmbeddedChannel channel;

  Inflation(ResponseHead.Encoding encoding) {
    ZlibWrapper wrapper = encoding == ResponseHead.Encoding.GZIP ? ZlibWrapper.GZIP : ZlibWrapper.ZLIB_OR_NONE;
    channel = new EmbeddedChannel(ZlibCodecFactory.newZlibDecoder(wrapper, 0));
  }

  /** Decompresses {@code compressed} (released here) and hands on what came out; false when the sink had enough. */
  boolean inflate(ByteBuf compressed, ResponseParser.Sink sink) throws BadResponseException {
    try {
      channel.writeInbound(compressed);
    } catch (DecoderException e) {
      throw new BadResponseException("the compressed body does not decompress: " + e.getMessage());
    }
    return drain(sink);
  }

  /** The body ended: hands on the rest and lets go of the decoder. */
  boolean finish(ResponseParser.Sink sink) throws BadResponseException {
    try {
      channel.finish();
    } catch (DecoderException e) {
      throw new BadResponseException("the compressed body does not decompress: " + e.getMessage());
    }
    boolean more = drain(sink);
    close();
    return more;
  }

  void close() {
    channel.finishAndReleaseAll();
  }

  private boolean drain(ResponseParser.Sink sink) {
    boolean more = true;
    for (ByteBuf b = channel.readInbound(); b != null; b = channel.readInbound()) {
      try {
        if (more && b.isReadable()) more = sink.onContent(b);
      } finally {
        b.release();
      }
    }
    return more;
  }
}
