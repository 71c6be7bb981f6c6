package horde.simulator;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The inference server's limit: at most {@code slots} generations run at once, up to {@code
 * queueLimit} more wait in FIFO order, and the rest are refused. A waiting generation starts on its
 * own executor (its channel's event loop) as soon as a running one leaves, so nothing blocks.
 *
 * <pre>{@code
 * Capacity.Ticket t = capacity.enter(loop, this::firstTokenAfterTtft);
 * if (t == null) answer429();
 * ...
 * capacity.leave(t); // when the answer is done or the client went away
 * }</pre>
 *
 * <p>A plain monitor guards the state: the critical sections are a few field updates and the
 * simulator's generation rate is thousands per second at most, far from contention.
 */
final class Capacity {
  private final int slots;
  private final int queueLimit;
  private final ArrayDeque<Ticket> waiting = new ArrayDeque<>();
  private int running;

  Capacity(int slots, int queueLimit) {
    this.slots = slots;
    this.queueLimit = queueLimit;
  }

  /** A generation's place: waiting, running or done. */
  static final class Ticket {
    private final Executor executor;
    private final Runnable start;
    private State state = State.WAITING;

    private Ticket(Executor executor, Runnable start) {
      this.executor = executor;
      this.start = start;
    }
  }

  private enum State {
    WAITING,
    RUNNING,
    DONE
  }

  /**
   * Takes a slot or a place in the queue. {@code start} runs on {@code executor} when the
   * generation may begin: before this method returns when a slot is free now, later otherwise.
   *
   * @return the ticket to hand back to {@link #leave}, or {@code null} when the queue is full
   */
  Ticket enter(Executor executor, Runnable start) {
    Ticket ticket = new Ticket(executor, start);
    synchronized (this) {
      if (running < slots) {
        running++;
        ticket.state = State.RUNNING;
      } else if (waiting.size() < queueLimit) {
        waiting.addLast(ticket);
        return ticket;
      } else {
        return null;
      }
    }
    start.run();
    return ticket;
  }

  /**
   * Gives the ticket's place back, whether it finished, failed or its client went away: a running
   * ticket hands its slot to the oldest waiting one, a waiting one leaves the queue. Calling it
   * again for the same ticket does nothing.
   */
  void leave(Ticket ticket) {
    Ticket next;
    synchronized (this) {
      switch (ticket.state) {
        case DONE -> {
          return;
        }
        case WAITING -> {
          waiting.remove(ticket);
          ticket.state = State.DONE;
          return;
        }
        case RUNNING -> {
          ticket.state = State.DONE;
          next = waiting.pollFirst();
          if (next == null) {
            running--;
            return;
          }
          next.state = State.RUNNING;
        }
        default -> throw new AssertionError(ticket.state);
      }
    }
    try {
      next.executor.execute(next.start);
    } catch (RejectedExecutionException e) {
      // The simulator is closing and that event loop is gone; its connection dies with it.
    }
  }

  /** Generations running now. */
  synchronized int running() {
    return running;
  }

  /** Generations waiting for a slot now. */
  synchronized int waiting() {
    return waiting.size();
  }

  /** The most generations that run at once. */
  int slots() {
    return slots;
  }

  /** The most generations that wait. */
  int queueLimit() {
    return queueLimit;
  }
}
