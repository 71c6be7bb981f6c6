package horde.live;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pushes the live test to the browsers: each time a second is added (or once a second when none
 * is, so that state changes show), one message with the seconds not yet sent and the frame, built
 * once and handed to every watcher. Its own daemon thread; the statistics thread only wakes it.
 */
final class Publisher implements AutoCloseable {
  private final ControlRoom room;
  private final Thread thread;
  private volatile boolean closed;
  private long sentTest = -1;
  private int sent;

  Publisher(ControlRoom room) {
    this.room = room;
    this.thread = new Thread(this::loop, "horde-ui-publisher");
    thread.setDaemon(true);
    thread.start();
  }

  void wake() {
    LockSupport.unpark(thread);
  }

  private void loop() {
    while (!closed) {
      LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
      if (closed) return;
      if (room.watched()) room.broadcast(next());
      else skip();
    }
  }

  /** The seconds not yet sent and the frame. */
  private synchronized byte[] next() {
    long id = room.currentId();
    if (id != sentTest) {
      sentTest = id;
      sent = 0;
    }
    ObjectNode m = message(room.current(), id, sent);
    sent = m.path("series").path("from").asInt(0) + m.path("series").path("columns").path("t").size();
    return LiveJson.MAPPER.writeValueAsBytes(m);
  }

  /** Nobody watches: what there is now counts as sent (a browser that connects gets everything anyway). */
  private synchronized void skip() {
    LiveTest t = room.current();
    sentTest = room.currentId();
    sent = t == null ? 0 : t.series().size();
  }

  /** The whole series and the frame, for a browser that just connected. */
  byte[] everything() {
    return LiveJson.MAPPER.writeValueAsBytes(message(room.current(), room.currentId(), 0));
  }

  private ObjectNode message(LiveTest t, long id, int from) {
    ObjectNode m = LiveJson.MAPPER.createObjectNode();
    m.put("test", id);
    if (t != null) m.set("series", LiveJson.series(t.series(), from));
    m.set("frame", LiveJson.frame(t, t == null || t.result() != null ? null : t.run().soFar()));
    return m;
  }

  @Override
  public void close() {
    closed = true;
    wake();
  }
}
