package horde.simulator;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;

/**
 * Sends each exchange to its endpoint. {@code /health} is matched before anything else and answered
 * from constant bytes: it is what load tests hammer for a baseline, so it must cost next to
 * nothing. Injected errors ({@code errorRate}) hit every endpoint except {@code /health} and {@code
 * /metrics}, which a monitor must be able to trust.
 */
final class Router {
  private static final byte[] HEALTHY = "{\"status\":\"ok\"}".getBytes(StandardCharsets.US_ASCII);
  private static final String JSON = "application/json";

  private final SimulatorOptions options;
  private final Metrics metrics;
  private final Capacity capacity;
  private final ChatCompletions chat;
  private final Conversations conversations;
  private final RagSearch rag;
  private final Jobs jobs;
  private final Agents agents;
  private final Site site = new Site();

  Router(SimulatorOptions options, Metrics metrics, Capacity capacity, Dice dice) {
    this.options = options;
    this.metrics = metrics;
    this.capacity = capacity;
    Inference inference = new Inference(options, capacity, metrics);
    this.chat = new ChatCompletions(inference, dice);
    this.conversations = new Conversations(options, inference, metrics, dice);
    this.rag = new RagSearch(options, metrics, dice);
    this.jobs = new Jobs(options, inference, dice);
    this.agents = new Agents(options, inference, metrics, dice);
  }

  void route(Exchange ex) {
    if (ex.path.equals("/health") && ex.method.equals("GET")) {
      ex.route(Endpoint.HEALTH, null);
      ex.reply(HttpResponseStatus.OK, Unpooled.wrappedBuffer(HEALTHY), JSON);
      return;
    }
    Endpoint.Route route = Endpoint.resolve(ex.method, ex.path);
    ex.route(route.endpoint(), route.id());
    if (route.status() == 404) {
      ex.fail(HttpResponseStatus.NOT_FOUND, "not_found", "no route for " + ex.path);
      return;
    }
    if (route.status() == 405) {
      FullHttpResponse r =
          errorResponse(
              ex,
              HttpResponseStatus.METHOD_NOT_ALLOWED,
              "method_not_allowed",
              ex.method + " is not allowed on " + ex.path);
      r.headers().set(HttpHeaderNames.ALLOW, route.allow());
      ex.send(r);
      return;
    }
    if (route.endpoint() != Endpoint.METRICS
        && options.errorRate() > 0
        && ex.random().nextDouble() < options.errorRate()) {
      metrics.errorsInjected.increment();
      ex.fail(HttpResponseStatus.INTERNAL_SERVER_ERROR, "server_error", "injected error");
      return;
    }
    dispatch(route.endpoint(), ex);
  }

  private void dispatch(Endpoint endpoint, Exchange ex) {
    switch (endpoint) {
      case METRICS ->
          ex.reply(
              HttpResponseStatus.OK,
              Unpooled.copiedBuffer(metrics.render(capacity), StandardCharsets.UTF_8),
              PrometheusText.CONTENT_TYPE);
      case MODELS -> chat.models(ex);
      case CHAT_COMPLETIONS -> chat.complete(ex);
      case CONVERSATION_CREATE -> conversations.create(ex);
      case CONVERSATION_ASK -> conversations.ask(ex);
      case CONVERSATION_HISTORY -> conversations.history(ex);
      case RAG_SEARCH -> rag.search(ex);
      case JOB_SUBMIT -> jobs.submit(ex);
      case JOB_STATUS -> jobs.status(ex);
      case CAPABILITIES -> agents.capabilities(ex);
      case AGENT_CREATE -> agents.create(ex);
      case AGENT_QUERY -> agents.ask(ex);
      case QUERY -> agents.query(ex);
      case COSTS -> agents.costs(ex);
      case OPENAPI -> site.openapi(ex);
      case DEMO -> site.demo(ex);
      case HEALTH -> ex.reply(HttpResponseStatus.OK, Unpooled.wrappedBuffer(HEALTHY), JSON);
      case OTHER -> ex.fail(HttpResponseStatus.NOT_FOUND, "not_found", "no route for " + ex.path);
    }
  }

  /** The request could not be decoded as HTTP: answer 400 and close, the stream is unusable. */
  void malformed(Exchange ex) {
    FullHttpResponse r =
        errorResponse(
            ex, HttpResponseStatus.BAD_REQUEST, "invalid_request_error", "malformed HTTP request");
    r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ex.send(r);
  }

  private static FullHttpResponse errorResponse(
      Exchange ex, HttpResponseStatus status, String type, String message) {
    byte[] body = Json.bytes(Json.error(type, message));
    return ex.response(status, Unpooled.wrappedBuffer(body), JSON);
  }
}
