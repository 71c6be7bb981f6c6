package horde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Java API as another project gets it. A throwaway Maven project on Netty 4.1
 * (src/test/resources/horde/LibraryConsumerIT/consumer) depends on the library this build made —
 * the jar and pom that {@code mvn install} installs — and runs its tests offline: one load-tests
 * its own Netty 4.1 server with Horde, others check its class path holds each class once.
 *
 * <p>It runs after {@code package} (failsafe), as it needs the jars. The consumer builds against a
 * local repository of its own that links every group of the build's repository except {@code
 * horde}, which holds this build's library: nothing is downloaded, and the shared repository is
 * neither read for Horde nor written to with it (other checkouts may install theirs there).
 */
class LibraryConsumerIT {
  private static final Path LIBRARY = Path.of(System.getProperty("horde.library", "target/missing.jar"));
  private static final Path LIBRARY_POM = Path.of(System.getProperty("horde.library.pom", "target/missing.xml"));
  private static final String VERSION = System.getProperty("horde.version", "0.1.0");
  private static final Path PROJECT = Path.of("src/test/resources/horde/LibraryConsumerIT/consumer");

  @Test
  void aProjectOnNetty41LoadTestsItsServerWithTheLibrary(@TempDir Path tmp) throws Exception {
    Path repo = repository(tmp.resolve("repo"));
    Path project = copy(PROJECT, tmp.resolve("consumer"));
    Path log = tmp.resolve("mvn.log");
    ProcessBuilder mvn = new ProcessBuilder(mvn(), "-B", "-o", "-ntp", "-Dmaven.repo.local=" + repo, "test")
        .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    mvn.environment().put("JAVA_HOME", System.getProperty("java.home"));
    mvn.environment().put("MAVEN_OPTS", "--sun-misc-unsafe-memory-access=allow");
    Process p = mvn.start();
    try {
      boolean ended = p.waitFor(150, TimeUnit.SECONDS);
      String out = Files.readString(log);
      assertThat(ended).as("the consumer's build did not end in 150 s:%n%s", out).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out).contains("Tests run: 5, Failures: 0, Errors: 0, Skipped: 0");
    } finally {
      p.destroyForcibly();
      unlink(repo);
    }
  }

  /** The installed pom: the project's own runtime dependencies but Netty, which is inside the jar. */
  @Test
  void theInstalledPomListsTheDependenciesExceptNetty() throws Exception {
    List<String> project = runtimeDependencies(Path.of("pom.xml"));
    assertThat(project).contains("org.hdrhistogram:HdrHistogram", "io.netty:netty-codec-http");
    List<String> expected = project.stream().filter(d -> !d.startsWith("io.netty:")).toList();
    assertThat(runtimeDependencies(LIBRARY_POM)).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** groupId:artifactId of each dependency a consumer gets at run time (compile or runtime scope). */
  private static List<String> runtimeDependencies(Path pomFile) throws Exception {
    Element pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pomFile.toFile())
        .getDocumentElement();
    List<String> runtime = new ArrayList<>();
    NodeList list = pom.getElementsByTagName("dependency");
    for (int i = 0; i < list.getLength(); i++) {
      Element d = (Element) list.item(i);
      if (!d.getParentNode().getParentNode().isSameNode(pom)) continue; // not dependencyManagement's or a plugin's
      String scope = text(d, "scope");
      if (scope.equals("compile") || scope.equals("runtime") || scope.isEmpty()) {
        runtime.add(text(d, "groupId") + ":" + text(d, "artifactId"));
      }
    }
    return runtime;
  }

  /** The library jar: Horde's classes and Netty under horde.shaded, nothing else. */
  @Test
  void theLibraryHoldsHordeAndItsOwnNettyOnly() throws IOException {
    try (JarFile jar = new JarFile(LIBRARY.toFile())) {
      List<String> classes = jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).toList();
      assertThat(classes).isNotEmpty().allMatch(n -> n.startsWith("horde/"), "is under horde/");
      assertThat(classes).contains("horde/Horde.class", "horde/shaded/io/netty/channel/epoll/Epoll.class");
      assertThat(jar.getEntry("META-INF/native/libhorde_shaded_netty_transport_native_epoll_x86_64.so")).isNotNull();
      assertThat(jar.getEntry("META-INF/native/libnetty_transport_native_epoll_x86_64.so")).isNull();
    }
  }

  /** The command line's jar: every dependency inside, Netty once and as itself. */
  @Test
  void theCommandLineJarHoldsEverythingAndNettyOnce() throws IOException {
    try (JarFile jar = new JarFile(System.getProperty("horde.cli", "target/horde.jar"))) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("horde.cli.Main");
      assertThat(jar.getEntry("io/netty/channel/epoll/Epoll.class")).isNotNull();
      assertThat(jar.getEntry("org/HdrHistogram/Histogram.class")).isNotNull();
      assertThat(jar.stream().filter(e -> e.getName().startsWith("horde/shaded/")).count()).isZero();
    }
  }

  private static String text(Element parent, String tag) {
    NodeList n = parent.getElementsByTagName(tag);
    return n.getLength() == 0 ? "" : n.item(0).getTextContent().strip();
  }

  /** A repository that links each group of the build's one, with this build's library as horde:horde. */
  private static Path repository(Path repo) throws IOException {
    Path shared = Path.of(System.getProperty("horde.maven.repository", System.getProperty("user.home") + "/.m2/repository"));
    Files.createDirectories(repo);
    try (DirectoryStream<Path> groups = Files.newDirectoryStream(shared)) {
      for (Path g : groups) {
        if (!g.getFileName().toString().equals("horde")) Files.createSymbolicLink(repo.resolve(g.getFileName()), g);
      }
    }
    Path dir = Files.createDirectories(repo.resolve("horde/horde/" + VERSION));
    Files.copy(LIBRARY, dir.resolve("horde-" + VERSION + ".jar"));
    Files.copy(LIBRARY_POM, dir.resolve("horde-" + VERSION + ".pom"));
    return repo;
  }

  /** Removes the links themselves, so that nothing can ever delete through them. */
  private static void unlink(Path repo) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(repo)) {
      for (Path e : entries) if (Files.isSymbolicLink(e)) Files.delete(e);
    }
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          String text = Files.readString(f).replace("@horde.version@", VERSION)
              .replace("@netty.version@", System.getProperty("consumer.netty.version", "4.1.128.Final"));
          Files.writeString(target, text);
        }
      }
    }
    return to;
  }

  private static String mvn() {
    String home = System.getProperty("horde.maven.home", "");
    Path bin = Path.of(home, "bin", "mvn");
    return !home.isEmpty() && Files.isExecutable(bin) ? bin.toString() : "mvn";
  }
}
