package horde.scenario;

import java.time.Duration;

/** One thing a virtual user does inside a task. */
public sealed interface Step permits Request, Step.Think, Group, Poll, Loop, Branch, WsStep {
  SourcePosition position();

  /** A pause inside a task (think time), e.g. reading the answer before the follow-up. */
  record Think(WaitTime waitTime, SourcePosition position) implements Step {
    public static Think of(Duration d) {
      return new Think(new WaitTime.Constant(d), SourcePosition.UNKNOWN);
    }
  }
}
