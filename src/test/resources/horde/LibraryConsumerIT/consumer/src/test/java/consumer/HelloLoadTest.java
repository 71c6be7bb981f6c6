package consumer;

import static horde.dsl.Dsl.*;
import static horde.junit.HordeAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import horde.Horde;
import horde.junit.LoadTest;
import horde.result.RunResult;
import horde.scenario.Scenario;
import io.netty.util.Version;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The application's tests: its own Netty stays 4.1, and Horde load-tests it beside it. */
class HelloLoadTest {
  @LoadTest
  void hordeLoadTestsTheNetty41Application() throws Exception {
    try (HelloServer app = new HelloServer()) {
      Scenario hello = scenario("hello")
          .target(app.url())
          .task(get("/hello").check(status(200), jsonPath("$.hello").equalTo("world")))
          .load(requests(200).concurrency(4).maxTime("20s"))
          .threshold("error_rate < 1%")
          .build();

      RunResult result = Horde.run(hello);

      assertThat(result).meetsCriteria().hasNoFailures().hasRequestsAtLeast(200);
    }
  }

  /** Every Netty artifact the application sees is its own version (Netty reads them from every jar). */
  @Test
  void theApplicationKeepsItsNetty() {
    Map<String, Version> versions = Version.identify();
    assertTrue(versions.containsKey("netty-common"), () -> "versions: " + versions);
    versions.forEach((artifact, v) ->
        assertEquals(System.getProperty("consumer.netty.version"), v.artifactVersion(), artifact));
  }

  /** Horde's Netty is its own, relocated, and finds its renamed native transport. */
  @Test
  void hordeUsesItsOwnNettyWithItsNativeTransport() throws Exception {
    Class<?> epoll = Class.forName("horde.shaded.io.netty.channel.epoll.Epoll");
    boolean linuxX64 = System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64");
    boolean available = (Boolean) epoll.getMethod("isAvailable").invoke(null);
    assertTrue(available || !linuxX64, () -> "epoll unavailable: " + cause(epoll));
  }

  @Test
  void noClassIsTwiceOnTheClassPath() throws IOException {
    Map<String, String> seen = new HashMap<>();
    List<String> twice = new ArrayList<>();
    for (String entry : classPath()) {
      for (String c : classesIn(Path.of(entry))) {
        String first = seen.putIfAbsent(c, entry);
        if (first != null) twice.add(c + " in " + first + " and " + entry);
      }
    }
    assertTrue(twice.isEmpty(), () -> twice.size() + " classes twice, e.g. " + twice.subList(0, Math.min(5, twice.size())));
  }

  @Test
  void theClassPathHasHordeAndItsDependenciesAndOneNetty() {
    List<String> jars = classPath().stream().map(e -> Path.of(e).getFileName().toString()).toList();
    for (String expected : List.of("horde-" + System.getProperty("horde.version") + ".jar", "HdrHistogram-", "picocli-",
        "snakeyaml-engine-", "jackson-databind-", "jtokkit-")) {
      assertTrue(jars.stream().anyMatch(j -> j.startsWith(expected)), () -> expected + " missing from " + jars);
    }
    List<String> netty = jars.stream().filter(j -> j.startsWith("netty-")).toList();
    assertTrue(!netty.isEmpty() && netty.stream().allMatch(j -> j.contains(System.getProperty("consumer.netty.version"))),
        () -> "Netty jars: " + netty);
  }

  private static List<String> classPath() {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return List.of(cp.split(File.pathSeparator));
  }

  private static List<String> classesIn(Path entry) throws IOException {
    if (Files.isDirectory(entry)) {
      try (Stream<Path> files = Files.walk(entry)) {
        return files.map(p -> entry.relativize(p).toString()).filter(HelloLoadTest::isClass).toList();
      }
    }
    if (!entry.toString().endsWith(".jar") || !Files.exists(entry)) return List.of();
    try (JarFile jar = new JarFile(entry.toFile())) {
      return jar.stream().map(e -> e.getName()).filter(HelloLoadTest::isClass).toList();
    }
  }

  private static boolean isClass(String name) {
    return name.endsWith(".class") && !name.endsWith("module-info.class") && !name.startsWith("META-INF/");
  }

  private static Object cause(Class<?> epoll) {
    try {
      return epoll.getMethod("unavailabilityCause").invoke(null);
    } catch (ReflectiveOperationException e) {
      return e;
    }
  }
}
