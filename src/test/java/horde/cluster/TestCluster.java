package horde.cluster;

import horde.HordeProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Horde cluster of separate JVMs for a test: workers and coordinators, each with its own
 * folder (output, result files), all told every member's address. Every process it starts, it
 * stops (kill -9) on close.
 */
final class TestCluster implements AutoCloseable {
  final String name;
  final Path dir;
  private final String hosts;
  private final List<HordeProcess> started = new ArrayList<>();
  private String secret;
  final Map<String, HordeProcess> workers = new LinkedHashMap<>();

  /** @param members every member's {@code address:port}, the coordinators' too */
  TestCluster(Path dir, String name, List<String> members) {
    this.dir = dir;
    this.name = name;
    this.hosts = String.join(",", members);
  }

  /** Members prove they know this secret, and encrypt their messages with it. */
  TestCluster withSecret(String s) {
    secret = s;
    return this;
  }

  /** A worker at {@code address:port}, run under {@code prefix} (e.g. {@code ip netns exec NS}); waits until it has joined. */
  HordeProcess worker(String worker, String at, List<String> prefix) throws IOException, InterruptedException {
    Path home = Files.createDirectories(dir.resolve(worker));
    HordeProcess p = start(home, prefix, "worker", "--cluster", name, "--name", worker, "--out", home.toString(),
        "--threads", "1", "--cluster-bind", host(at), "--cluster-port", port(at), "--cluster-hosts", hosts);
    workers.put(worker, p);
    if (!p.awaitOutput("waiting for a coordinator", 60)) throw new IllegalStateException(worker + " did not start:\n" + p.output());
    return p;
  }

  HordeProcess worker(String worker, String at) throws IOException, InterruptedException {
    return worker(worker, at, List.of());
  }

  /** {@code horde run} as the coordinator at {@code address:port}, with the run's own arguments. */
  HordeProcess coordinator(String folder, String at, List<String> prefix, String... run) throws IOException {
    Path home = Files.createDirectories(dir.resolve(folder));
    List<String> args = new ArrayList<>(List.of("run"));
    args.addAll(List.of(run));
    args.addAll(List.of("--cluster", name, "--name", "coordinator", "--cluster-bind", host(at), "--cluster-port", port(at),
        "--cluster-hosts", hosts, "--no-history", "--threads", "1"));
    return start(home, prefix, args.toArray(String[]::new));
  }

  private HordeProcess start(Path home, List<String> prefix, String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of(args));
    if (secret != null) all.addAll(List.of("--cluster-secret", secret));
    HordeProcess p = new HordeProcess(home, prefix, all.toArray(String[]::new));
    started.add(p);
    return p;
  }

  /** The worker's own result file of the run (it writes it when the coordinator ends the run). */
  Path workerResult(String worker) throws IOException, InterruptedException {
    HordeProcess p = workers.get(worker);
    p.awaitOutput("this worker's figures in", 20);
    try (var files = Files.list(dir.resolve(worker))) {
      return files.filter(f -> f.getFileName().toString().startsWith("run-")).findFirst()
          .orElseThrow(() -> new IllegalStateException(worker + " wrote no result:\n" + out(p)));
    }
  }

  static String out(HordeProcess p) {
    try {
      return p.output();
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static String host(String at) {
    return at.substring(0, at.lastIndexOf(':'));
  }

  private static String port(String at) {
    return at.substring(at.lastIndexOf(':') + 1);
  }

  @Override
  public void close() {
    started.forEach(HordeProcess::close);
  }
}
