package horde.engine;

import horde.plan.WsPlan;

/** The WebSocket steps, on the user's {@link WsSession}: connect and await wait for the server; send and close do not. */
final class WsAction {
  private WsAction() {}

  static boolean start(WsPlan w, VirtualUser u) {
    WsSession ws = u.resource(WsSession.KEY);
    return switch (w) {
      case WsPlan.Connect c -> ws.connect(c);
      case WsPlan.Send s -> ws.send(s);
      case WsPlan.Await a -> ws.await(a);
      case WsPlan.Close c -> ws.close(c);
    };
  }
}
