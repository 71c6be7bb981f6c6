package horde.server;

import com.sun.net.httpserver.HttpExchange;
import horde.live.ControlRoom;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/live/events}: the live test as server-sent events, one {@code data:} line of JSON
 * a second (the new seconds and the frame), the whole series first. Each browser has its own
 * virtual thread and a short queue: one that falls {@link #QUEUE} messages behind is dropped (its
 * EventSource reconnects and gets everything again), so a slow browser never holds the others up.
 */
final class EventStream implements AutoCloseable {
  static final String PATH = "/api/live/events";
  private static final int QUEUE = 30;
  private static final byte[] KEEP_ALIVE = ": still here\n\n".getBytes(StandardCharsets.UTF_8);

  private final ControlRoom room;
  private volatile boolean closed;

  EventStream(ControlRoom room) {
    this.room = room;
  }

  void serve(HttpExchange x) throws IOException {
    if (!x.getRequestMethod().equals("GET") || !x.getRequestURI().getRawPath().equals(PATH)) {
      byte[] b = "{\"error\": \"GET /api/live/events only\", \"status\": 404}".getBytes(StandardCharsets.UTF_8);
      x.sendResponseHeaders(404, b.length);
      x.getResponseBody().write(b);
      return;
    }
    x.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    x.getResponseHeaders().set("Cache-Control", "no-store");
    x.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    x.sendResponseHeaders(200, 0);
    BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE);
    boolean[] gone = {false};
    room.watch(message -> !gone[0] && !closed && queue.offer(message));
    try (OutputStream out = x.getResponseBody()) {
      int idle = 0;
      while (!closed) {
        byte[] m = queue.poll(1, TimeUnit.SECONDS);
        if (m == null) {
          if (++idle < 15) continue;
          idle = 0;
          out.write(KEEP_ALIVE);
        } else {
          idle = 0;
          out.write("data: ".getBytes(StandardCharsets.UTF_8));
          out.write(m);
          out.write("\n\n".getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      gone[0] = true;
    }
  }

  @Override
  public void close() {
    closed = true;
  }
}
