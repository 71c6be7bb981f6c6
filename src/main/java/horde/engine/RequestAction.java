package horde.engine;

import horde.plan.RequestPlan;

/** An HTTP request: sent on the user's {@link HttpSession}, which resumes the user when it ends. */
final class RequestAction {
  private RequestAction() {}

  static boolean start(RequestPlan r, VirtualUser u) {
    u.resource(HttpSession.KEY).send(r);
    return false;
  }
}
