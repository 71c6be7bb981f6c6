package horde.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FatalErrorsTest {
  /**
   * Noting an error must work with the heap full, in a JVM that had never noted anything: the
   * calls that noting makes (Thread.currentThread, an AtomicBoolean's compare-and-set) are linked
   * on their first use, which takes heap, so the error used to go unnoted and the run to wait for
   * a control thread that had died of it. A JVM of its own, since this one linked them long ago.
   */
  @Test
  void notesAnErrorWhenTheHeapIsFull() throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process p = new ProcessBuilder(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"), FullHeap.class.getName())
        .redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(new String(p.getInputStream().readAllBytes())).contains("noted: OutOfMemoryError");
  }

  /** Fills the heap, then notes an error made before. */
  static final class FullHeap {
    public static void main(String[] args) {
      FatalErrors fatal = new FatalErrors();
      OutOfMemoryError error = new OutOfMemoryError();
      List<long[]> hold = new ArrayList<>(1 << 16);
      try {
        while (true) hold.add(new long[1024]);
      } catch (OutOfMemoryError full) {
        try {
          while (true) hold.add(new long[4]);
        } catch (OutOfMemoryError fuller) {
          // the heap has no room left even for small arrays
        }
      }
      Throwable failed = null;
      try {
        fatal.report(error);
      } catch (Throwable t) {
        failed = t;
      }
      hold.clear();
      System.out.println(failed != null ? "report threw " + failed : fatal.happened() ? "noted: " + fatal.describe() : "not noted");
    }
  }
}
