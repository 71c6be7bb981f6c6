package horde.simulator;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * The WebSocket chat at {@code /ws/chat}, one per connection, on the same model and capacity as
 * the HTTP chat. The client sends {@code {"type":"ask","text":"...","max_tokens":N}}; once a slot
 * is free the answer streams as one {@code {"type":"token","text":...}} message per token, paced
 * like the HTTP stream, then {@code {"type":"done","id":...,"usage":{...}}}. A full queue answers
 * {@code {"type":"error","error":"overloaded"}}; one ask runs at a time per socket. The server
 * pings every {@link #PING_EVERY_SECONDS} seconds and counts the pongs. Other messages (not
 * WebSocket frames) pass on to the HTTP handlers.
 */
final class WsChat extends ChannelInboundHandlerAdapter implements Inference.Host {
  static final String PATH = "/ws/chat";
  static final long PING_EVERY_SECONDS = 20;

  private final Inference inference;
  private final Metrics metrics;
  private final Dice dice;
  private ChannelHandlerContext ctx;
  private SplittableRandom random;
  private boolean open;
  private boolean generating;
  private Runnable onAbort;
  private ScheduledFuture<?> timer;
  private ScheduledFuture<?> pinger;
  private String[] tokens;
  private int prompt;
  private String id;
  /** What the model tells this socket: each token, then the end. */
  private final Inference.Listener answer = new Inference.Listener() {
    @Override
    public void token(int index) {
      send("{\"type\":\"token\",\"index\":" + index + ",\"text\":\"" + tokens[index] + "\"}");
    }

    @Override
    public void finished() {
      generating = false;
      onAbort = null;
      send("{\"type\":\"done\",\"id\":\"" + id + "\",\"usage\":" + Json.usage(prompt, tokens.length) + "}");
    }
  };

  WsChat(Inference inference, Metrics metrics, Dice dice) {
    this.inference = inference;
    this.metrics = metrics;
    this.dice = dice;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
      open = true;
      random = dice.forArrival(dice.nextArrival());
      metrics.answered(Endpoint.WS_CHAT, 101);
      metrics.wsOpen.increment();
      pinger = ctx.executor().scheduleAtFixedRate(this::ping, PING_EVERY_SECONDS, PING_EVERY_SECONDS, TimeUnit.SECONDS);
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    switch (msg) {
      case TextWebSocketFrame t -> {
        try {
          metrics.wsMessagesIn.increment();
          ask(t.text());
        } finally {
          t.release();
        }
      }
      case PongWebSocketFrame p -> {
        metrics.wsPongs.increment();
        p.release();
      }
      case WebSocketFrame other -> ReferenceCountUtil.release(other);
      default -> ctx.fireChannelRead(msg);
    }
  }

  private void ask(String text) {
    JsonNode req;
    try {
      req = Json.parse(text.getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      req = null;
    }
    if (req == null || !req.isObject() || !"ask".equals(Json.text(req, "type", ""))) {
      error("invalid_request_error", "expected {\"type\": \"ask\", \"text\": \"...\"}");
      return;
    }
    if (generating) {
      error("busy", "one ask at a time: wait for done");
      return;
    }
    int natural = inference.drawLength(random);
    int max = req.path("max_tokens").asInt(0);
    tokens = Prose.tokens(random, max > 0 ? Math.min(max, natural) : natural);
    prompt = Prose.countTokens(Json.text(req, "text", ""));
    id = dice.id("msg-");
    generating = true;
    if (!inference.generate(this, prompt, tokens.length, true, answer)) {
      generating = false;
      error("overloaded", inference.overloaded());
    }
  }

  private void error(String kind, String message) {
    send("{\"type\":\"error\",\"error\":" + Json.quote(kind) + ",\"message\":" + Json.quote(message) + "}");
  }

  private void send(String text) {
    if (!open) return;
    metrics.wsMessagesOut.increment();
    ctx.writeAndFlush(new TextWebSocketFrame(text), ctx.voidPromise());
  }

  private void ping() {
    if (!open) return;
    metrics.wsPings.increment();
    ctx.writeAndFlush(new PingWebSocketFrame(), ctx.voidPromise());
  }

  @Override
  public Executor executor() {
    return ctx.executor();
  }

  @Override
  public void at(long deadlineNanos, Runnable task) {
    timer = ctx.executor().schedule(() -> {
      if (!finished()) task.run();
    }, Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  @Override
  public void onAbort(Runnable cleanup) {
    onAbort = cleanup;
  }

  @Override
  public boolean finished() {
    return !open || !generating;
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (open) {
      open = false;
      metrics.wsOpen.decrement();
      if (pinger != null) pinger.cancel(false);
      if (timer != null) timer.cancel(false);
      if (generating && onAbort != null) onAbort.run(); // the slot goes back
      generating = false;
    }
    ctx.fireChannelInactive();
  }
}
