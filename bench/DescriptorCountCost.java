import com.sun.management.UnixOperatingSystemMXBean;
import java.io.FileInputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * What the JDK's count of open descriptors costs (it lists /proc/self/fd), at 100, 2,000 and
 * 10,000 open: the figure behind horde.engine.DescriptorCount's spacing (bench/results.md).
 *
 * <pre>ulimit -n 20000; taskset -c 0 java bench/DescriptorCountCost.java</pre>
 */
public class DescriptorCountCost {
  public static void main(String[] args) throws Exception {
    var os = (UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    List<FileInputStream> open = new ArrayList<>();
    for (int n : new int[] {100, 2_000, 10_000}) {
      while (open.size() < n) open.add(new FileInputStream("/dev/null"));
      for (int i = 0; i < 20; i++) os.getOpenFileDescriptorCount(); // warm: the JIT and the kernel's dentries
      int rounds = 20;
      long start = System.nanoTime();
      for (int i = 0; i < rounds; i++) os.getOpenFileDescriptorCount();
      System.out.printf("%,d open: %.2f ms a count%n", os.getOpenFileDescriptorCount(), (System.nanoTime() - start) / 1e6 / rounds);
    }
    for (FileInputStream f : open) f.close();
  }
}
