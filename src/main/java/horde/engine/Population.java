package horde.engine;

import horde.plan.UserPlan;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The virtual users of a run. Grows and shrinks toward a target, keeping the classes' shares
 * as close to their weights as whole users allow (as Locust distributes users); new users go to
 * the event loops in turn. Called from the control thread; users report their end from their loop.
 */
final class Population {
  private final List<UserPlan> classes;
  private final long totalWeight;
  private final List<List<VirtualUser>> running = new ArrayList<>();
  private final EventLoopGroup loops;
  private final List<VirtualUser> retired = new ArrayList<>();
  private final List<Queue<VirtualUser>> free = new ArrayList<>();
  private final AtomicLong dropped = new AtomicLong();
  private int created;
  private final AtomicInteger alive = new AtomicInteger();
  private final AtomicInteger busy = new AtomicInteger();
  /** The most users alive (busy) since the statistics last asked: a ramp is seen as it happens. */
  private final AtomicInteger peakAlive = new AtomicInteger();
  private final AtomicInteger peakBusy = new AtomicInteger();
  private RunContext run;
  /** Users made so far; the n-th is the share's n-th unit, whose id is unique across a cluster's workers. */
  private long made;
  private final Share share;
  private int target;

  Population(List<UserPlan> classes, EventLoopGroup group) {
    this(classes, group, Share.WHOLE);
  }

  Population(List<UserPlan> classes, EventLoopGroup group, Share share) {
    this.share = share;
    this.classes = classes;
    this.totalWeight = classes.stream().mapToLong(UserPlan::weight).sum();
    classes.forEach(c -> {
      running.add(new ArrayList<>());
      free.add(new ConcurrentLinkedQueue<>());
    });
    this.loops = group;
  }

  void attach(RunContext run) {
    this.run = run;
  }

  /** Users started and not yet finished (including those ramping down). */
  int alive() {
    return alive.get();
  }

  /** Closed model: users counted toward the target. Open model: users inside an iteration. */
  int active() {
    return busy.get();
  }

  private static void rise(AtomicInteger count, AtomicInteger peak) {
    int now = count.incrementAndGet();
    peak.accumulateAndGet(now, Math::max);
  }

  /** The most users alive since the last call; starts over from the number alive now. */
  int takePeakAlive() {
    return Math.max(peakAlive.getAndSet(alive.get()), 0);
  }

  /** The most users inside an iteration since the last call (open model). */
  int takePeakActive() {
    return Math.max(peakBusy.getAndSet(busy.get()), 0);
  }

  void adjust(int wanted) {
    while (target < wanted) spawn();
    while (target > wanted) retireOne();
  }

  private void spawn() {
    int c = mostBehind();
    VirtualUser u = new VirtualUser(nextId(), classes.get(c), nextLoop(), run, Pacing.CLOSED);
    running.get(c).add(u);
    target++;
    rise(alive, peakAlive);
    rise(busy, peakBusy);
    u.loop.execute(u.guard(u::start));
  }

  private void retireOne() {
    int c = mostAhead();
    List<VirtualUser> list = running.get(c);
    VirtualUser u = list.remove(list.size() - 1);
    target--;
    busy.decrementAndGet();
    retired.add(u);
    u.loop.execute(u.guard(u::stopAfterTask));
  }

  /** Starts one user of this class that runs its steps once (setup, teardown). */
  VirtualUser one(UserPlan plan) {
    VirtualUser u = new VirtualUser(nextId(), plan, nextLoop(), run, Pacing.ONCE);
    rise(alive, peakAlive);
    u.loop.execute(u.guard(u::start));
    return u;
  }

  /** Every user: the test is over. */
  void endAll() {
    forEach(u -> onLoop(u.loop, u.guard(u::end)));
  }

  /** Runs {@code task} on {@code loop}; nothing when the loop is gone (its thread died of an error, already reported). */
  private static void onLoop(EventLoop loop, Runnable task) {
    try {
      loop.execute(task);
    } catch (RejectedExecutionException e) {
      // a dead loop: its users cannot be reached, and the fatal error that killed it stops the run
    }
  }

  /**
   * Cuts off every user, one task per event loop. Each returned future completes once its loop
   * has cancelled all of its users: from then on, everything they sent is counted.
   */
  List<Future<?>> cancelAll() {
    Map<EventLoop, List<VirtualUser>> byLoop = new HashMap<>();
    forEach(u -> byLoop.computeIfAbsent(u.loop, l -> new ArrayList<>()).add(u));
    List<Future<?>> acks = new ArrayList<>();
    byLoop.forEach((loop, users) -> {
      try {
        acks.add(loop.submit(users.get(0).guard(() -> users.forEach(VirtualUser::cancel))));
      } catch (RejectedExecutionException e) {
        // a dead loop (see onLoop)
      }
    });
    return acks;
  }

  private void forEach(Consumer<VirtualUser> action) {
    for (List<VirtualUser> list : running) list.forEach(action);
    retired.forEach(action);
  }

  void userDone(VirtualUser u) {
    alive.decrementAndGet();
  }

  /**
   * Open model: hands the arrival due at {@code intended} to a free user of a class drawn by
   * weight, creating one while fewer than {@code maxUsers} exist; with none to be had, the
   * iteration is dropped and counted. The user starts it at the intended moment on its own loop.
   */
  void arrive(long intended, int maxUsers, RandomGenerator random) {
    int c = drawClass(random);
    VirtualUser u = free.get(c).poll();
    if (u == null) {
      if (created >= maxUsers) {
        dropped.incrementAndGet();
        return;
      }
      created++;
      rise(alive, peakAlive);
      u = new VirtualUser(nextId(), classes.get(c), nextLoop(), run, Pacing.OPEN);
      running.get(c).add(u);
    }
    rise(busy, peakBusy);
    VirtualUser user = u;
    long delay = intended - run.clock.nanoTime();
    user.loop.schedule(user.guard(() -> user.arrive(intended)), Math.max(0, delay), TimeUnit.NANOSECONDS);
  }

  /** Open model: the user finished its iteration and can take another. */
  void idle(VirtualUser u) {
    busy.decrementAndGet();
    free.get(u.plan.index()).offer(u);
  }

  /** Open model: a handed-out arrival that the end of the test overtook. */
  void skipped() {
    busy.decrementAndGet();
  }

  /** Arrivals that found no free user. */
  long dropped() {
    return dropped.get();
  }

  private int drawClass(RandomGenerator random) {
    long r = random.nextLong(Math.max(1, totalWeight));
    for (int c = 0; c < classes.size(); c++) {
      r -= classes.get(c).weight();
      if (r < 0) return c;
    }
    return classes.size() - 1;
  }

  /** The class furthest below its share of {@code target + 1} users. */
  private int mostBehind() {
    int best = 0;
    double bestGap = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < classes.size(); c++) {
      double gap = share(c, target + 1) - running.get(c).size();
      if (classes.get(c).weight() > 0 && gap > bestGap) {
        bestGap = gap;
        best = c;
      }
    }
    return best;
  }

  /** The class furthest above its share of {@code target - 1} users. */
  private int mostAhead() {
    int best = -1;
    double bestGap = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < classes.size(); c++) {
      double gap = running.get(c).size() - share(c, target - 1);
      if (!running.get(c).isEmpty() && gap > bestGap) {
        bestGap = gap;
        best = c;
      }
    }
    return best;
  }

  private double share(int c, int users) {
    return totalWeight == 0 ? 0 : users * (double) classes.get(c).weight() / totalWeight;
  }

  private long nextId() {
    return share.unit(made++) + 1;
  }

  private EventLoop nextLoop() {
    return loops.next();
  }
}
