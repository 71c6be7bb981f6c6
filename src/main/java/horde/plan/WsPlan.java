package horde.plan;

import horde.template.BoundTemplate;
import java.util.List;

/** A compiled WebSocket step; {@code socket} is the endpoint of the socket it uses (its messages are counted there). */
public sealed interface WsPlan extends StepPlan permits WsPlan.Connect, WsPlan.Send, WsPlan.Await, WsPlan.Close {
  /**
   * Opens the user's socket.
   *
   * @param url a path (joined to the target, its scheme made ws:// or wss://) or an absolute URL
   * @param headers every header but those of the handshake itself, defaults included
   */
  record Connect(int endpoint, BoundTemplate url, List<ParamPlan> query, List<ParamPlan> headers,
      List<String> subprotocols, long timeoutNanos) implements WsPlan {
    public Connect {
      query = List.copyOf(query);
      headers = List.copyOf(headers);
      subprotocols = List.copyOf(subprotocols);
    }
  }

  /** A message: text or JSON rendered from {@code text}, or {@code binary} bytes. */
  record Send(int socket, BoundTemplate text, byte[] binary) implements WsPlan {}

  /**
   * Waits for the first message since the last send that meets every {@code match}.
   *
   * @param timeoutReason the failure reason when no such message comes in time
   */
  record Await(int endpoint, int socket, List<CheckPlan> match, List<ExtractPlan> saves, long timeoutNanos,
      boolean stream, int timeoutReason) implements WsPlan {
    public Await {
      match = List.copyOf(match);
      saves = List.copyOf(saves);
    }
  }

  record Close(int socket, int code) implements WsPlan {}
}
