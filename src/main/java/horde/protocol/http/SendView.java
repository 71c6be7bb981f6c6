package horde.protocol.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.WrappedByteBuf;

/**
 * What a connection writes for a request encoded once: a view of its bytes with indexes of its own.
 * Netty releases what it wrote once it is done with it (written, or failed); for this view that
 * only notes that it may be sent again, so an exchange reuses one view for every send of a
 * constant request and a send allocates nothing. The bytes keep their memory address, so the
 * native transport writes them without a NIO buffer in between.
 */
final class SendView extends WrappedByteBuf {
  private final ByteBuf of;
  private boolean done;

  SendView(ByteBuf of) {
    super(of.duplicate());
    this.of = of;
  }

  /** Whether this is a view of {@code bytes} that Netty is done with, ready to send again. */
  boolean reusableFor(ByteBuf bytes) {
    return done && of == bytes;
  }

  /** Ready to send again, from the start. */
  SendView again() {
    done = false;
    buf.setIndex(of.readerIndex(), of.writerIndex());
    return this;
  }

  @Override
  public ByteBuf retain() {
    return this;
  }

  @Override
  public ByteBuf retain(int increment) {
    return this;
  }

  @Override
  public boolean release() {
    done = true;
    return false;
  }

  @Override
  public boolean release(int decrement) {
    done = true;
    return false;
  }
}
