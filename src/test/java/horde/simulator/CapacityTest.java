package horde.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityTest {
  private final List<String> started = new ArrayList<>();
  private final Capacity capacity = new Capacity(2, 2);

  private Capacity.Ticket enter(String name) {
    return capacity.enter(Runnable::run, () -> started.add(name));
  }

  @Test
  void runsUpToTheSlotsThenQueuesThenRefuses() {
    Capacity.Ticket a = enter("a");
    Capacity.Ticket b = enter("b");
    Capacity.Ticket c = enter("c");
    Capacity.Ticket d = enter("d");
    Capacity.Ticket e = enter("e");

    assertThat(List.of(a, b, c, d)).doesNotContainNull();
    assertThat(e).isNull();
    assertThat(started).containsExactly("a", "b");
    assertThat(capacity.running()).isEqualTo(2);
    assertThat(capacity.waiting()).isEqualTo(2);
  }

  @Test
  void aFinishedGenerationHandsItsSlotToTheOldestWaiting() {
    Capacity.Ticket a = enter("a");
    enter("b");
    enter("c");
    enter("d");

    capacity.leave(a);

    assertThat(started).containsExactly("a", "b", "c");
    assertThat(capacity.running()).isEqualTo(2);
    assertThat(capacity.waiting()).isEqualTo(1);
  }

  @Test
  void aWaitingGenerationThatLeavesNeverStarts() {
    Capacity.Ticket a = enter("a");
    enter("b");
    Capacity.Ticket c = enter("c");
    enter("d");

    capacity.leave(c);
    capacity.leave(a);

    assertThat(started).containsExactly("a", "b", "d");
    assertThat(capacity.waiting()).isZero();
  }

  @Test
  void leavingTwiceGivesBackOneSlot() {
    Capacity.Ticket a = enter("a");
    capacity.leave(a);
    capacity.leave(a);

    assertThat(capacity.running()).isZero();
    enter("b");
    enter("c");
    assertThat(enter("d")).isNotNull(); // queued: the double leave did not make room twice
    assertThat(capacity.running()).isEqualTo(2);
  }

  @Test
  void withNoQueueTheSurplusIsRefusedAtOnce() {
    Capacity none = new Capacity(1, 0);
    assertThat(none.enter(Runnable::run, () -> {})).isNotNull();
    assertThat(none.enter(Runnable::run, () -> {})).isNull();
  }
}
