package horde.protocol.ws;

import horde.protocol.NanoClock;
import horde.protocol.http.HttpClient;
import horde.protocol.http.TransportError;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * Opens WebSockets on the event loops and with the settings (TLS, connect timeout, dialer, clock)
 * of an {@link HttpClient}: Netty's {@code WebSocketClientProtocolHandler} does the opening
 * handshake and answers pings; one socket per connection, not pooled.
 */
public final class WsClient {
  /** The largest message taken: a bigger one closes the socket (1009). */
  static final int MAX_MESSAGE = 16 << 20;

  private final HttpClient http;
  private final NanoClock clock;

  public WsClient(HttpClient http) {
    this.http = http;
    this.clock = http.clock();
  }

  /**
   * Opens {@code socket} to {@code uri} (ws:// or wss://); its listener hears how it went.
   *
   * @param headers sent with the opening handshake (cookies, authorization...)
   * @param subprotocols comma-separated, or null
   */
  public void connect(WsSocket socket, URI uri, HttpHeaders headers, String subprotocols, long timeoutNanos) {
    socket.abort();
    socket.state = WsSocket.State.CONNECTING;
    int generation = socket.generation;
    boolean tls = "wss".equalsIgnoreCase(uri.getScheme());
    int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
    String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      socket.state = WsSocket.State.CLOSED;
      socket.listener.onFailure(TransportError.UNKNOWN_HOST, 0, new UnknownHostException(host), clock.nanoTime());
      return;
    }
    WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
        .webSocketUri(uri)
        .subprotocol(subprotocols)
        .customHeaders(headers)
        .handleCloseFrames(false) // the handler sees the server's code
        .dropPongFrames(true)
        .maxFramePayloadLength(MAX_MESSAGE)
        .handshakeTimeoutMillis(Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNanos)))
        .build();
    ChannelFuture f = http.dialer().dial(socket.loop, new ChannelInitializer<Channel>() {
      @Override
      protected void initChannel(Channel ch) throws SSLException {
        ChannelPipeline p = ch.pipeline();
        if (tls) p.addLast(http.sslContext().newHandler(ch.alloc(), host, port));
        p.addLast(new HttpClientCodec(), new HttpObjectAggregator(8192), new WebSocketClientProtocolHandler(config),
            new WebSocketFrameAggregator(MAX_MESSAGE), new WsHandler(socket, clock, HttpClient::classify));
      }
    }, address);
    socket.channel = f.channel();
    if (f.isDone()) connected(f, socket, generation);
    else f.addListener(done -> connected(f, socket, generation));
  }

  private void connected(ChannelFuture f, WsSocket socket, int generation) {
    if (f.isSuccess() || socket.generation != generation || socket.state != WsSocket.State.CONNECTING) return;
    socket.state = WsSocket.State.CLOSED;
    socket.channel = null;
    socket.listener.onFailure(HttpClient.connectError(f.cause()), 0, f.cause(), clock.nanoTime());
  }
}
