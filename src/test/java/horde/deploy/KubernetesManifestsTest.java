package horde.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import horde.cli.Main;
import horde.plan.Planner;
import horde.scenario.Scenario;
import horde.scenario.yaml.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The Kubernetes manifests in deploy/kubernetes as docs/cluster.md relies on them: valid against
 * the Kubernetes API's schemas (checked by the npm package kubernetes-models, which
 * ./run-tests installs), every container's arguments a valid horde command line, the members'
 * discovery, ports, secret and labels in agreement, the scenario in the ConfigMap a valid scenario
 * aimed at the simulator's Service, the results on a volume that outlives the Job.
 */
class KubernetesManifestsTest {
  static final Path DIR = Path.of("deploy/kubernetes");

  @Test
  void theManifestsAgreeWithEachOtherAndWithHorde() throws Exception {
    Map<String, Map<String, Object>> objects = objects();
    Map<String, Object> service = objects.get("Service/horde-cluster");
    Map<String, Object> workers = objects.get("Deployment/horde-worker");
    Map<String, Object> job = objects.get("Job/horde-run");
    assertThat(at(service, "spec.clusterIP")).isEqualTo("None");
    assertThat(at(service, "spec.publishNotReadyAddresses")).isEqualTo(true); // found before they are ready
    List<Object> ports = new ArrayList<>();
    for (Object p : (List<?>) at(service, "spec.ports")) ports.add(((Map<?, ?>) p).get("port"));
    assertThat(ports).containsExactly(7800, 7900); // the transport's port, and failure detection's (+100)
    Map<String, Object> selector = map(at(service, "spec.selector"));
    Map<String, Object> workerLabels = map(at(workers, "spec.template.metadata.labels"));
    Map<String, Object> coordinatorLabels = map(at(job, "spec.template.metadata.labels"));
    assertThat(workerLabels).containsAllEntriesOf(selector);
    assertThat(coordinatorLabels).containsAllEntriesOf(selector);
    assertThat(workerLabels).containsAllEntriesOf(map(at(workers, "spec.selector.matchLabels")));

    Map<String, Object> worker = container(workers);
    List<String> workerArgs = args(worker);
    assertThat(workerArgs.get(0)).isEqualTo("worker");
    parses(workerArgs);
    Map<String, Object> coordinator = container(job);
    List<String> runArgs = args(coordinator);
    assertThat(runArgs.get(0)).isEqualTo("run");
    parses(runArgs);
    for (List<String> a : List.of(workerArgs, runArgs)) {
      assertThat(flag(a, "--cluster")).isEqualTo(selector.get("horde.io/cluster"));
      assertThat(flag(a, "--cluster-dns")).isEqualTo("horde-cluster.$(POD_NAMESPACE).svc.cluster.local");
      assertThat(flag(a, "--cluster-bind")).isEqualTo("$(POD_IP)");
      assertThat(flag(a, "--cluster-port")).as("the default port, which the Service names").isNull();
    }
    for (Map<String, Object> c : List.of(worker, coordinator)) {
      assertThat(env(c, "HORDE_CLUSTER_SECRET")).isEqualTo(Map.of("secretKeyRef", Map.of("name", "horde-cluster", "key", "secret")));
      assertThat(env(c, "POD_IP")).isEqualTo(Map.of("fieldRef", Map.of("fieldPath", "status.podIP")));
      assertThat(env(c, "POD_NAMESPACE")).isEqualTo(Map.of("fieldRef", Map.of("fieldPath", "metadata.namespace")));
    }
    assertThat(env(worker, "POD_NAME")).isEqualTo(Map.of("fieldRef", Map.of("fieldPath", "metadata.name")));
    assertThat(flag(runArgs, "--workers")).isEqualTo(String.valueOf(at(workers, "spec.replicas")));

    assertThat(at(job, "spec.backoffLimit")).isEqualTo(0);
    assertThat(at(job, "spec.template.spec.restartPolicy")).isEqualTo("Never");
    Map<String, String> mounts = new java.util.HashMap<>();
    for (Object m : (List<?>) coordinator.get("volumeMounts")) mounts.put((String) ((Map<?, ?>) m).get("name"), (String) ((Map<?, ?>) m).get("mountPath"));
    Map<String, Map<?, ?>> volumes = new java.util.HashMap<>();
    for (Object v : (List<?>) at(job, "spec.template.spec.volumes")) volumes.put((String) ((Map<?, ?>) v).get("name"), (Map<?, ?>) v);
    String scenarioPath = runArgs.get(1);
    assertThat(scenarioPath).startsWith(mounts.get("scenario") + "/");
    assertThat(((Map<?, ?>) volumes.get("scenario").get("configMap")).get("name")).isEqualTo("horde-scenario");
    assertThat(((Map<?, ?>) volumes.get("results").get("persistentVolumeClaim")).get("claimName")).isEqualTo("horde-results");
    assertThat(objects).containsKey("PersistentVolumeClaim/horde-results");
    for (String out : List.of("--out", "--html", "--db")) assertThat(flag(runArgs, out)).startsWith(mounts.get("results") + "/");

    String text = (String) ((Map<?, ?>) objects.get("ConfigMap/horde-scenario").get("data"))
        .get(scenarioPath.substring(mounts.get("scenario").length() + 1));
    Scenario scenario = ScenarioLoader.parse(text, "scenario.yaml", Path.of("."));
    new Planner(Map.of()).plan(scenario);
    List<?> simulatorPorts = (List<?>) at(objects.get("Service/horde-simulator"), "spec.ports");
    assertThat(scenario.target()).isEqualTo("http://horde-simulator:" + ((Map<?, ?>) simulatorPorts.get(0)).get("port"));
    parses(args(container(objects.get("Deployment/horde-simulator"))));

    List<?> resources = (List<?>) objects.get("Kustomization/").get("resources");
    for (Object r : resources) assertThat(DIR.resolve((String) r)).exists();
    String docker = Files.readString(DIR.resolve("Dockerfile"));
    assertThat(docker).containsPattern("(?m)^FROM eclipse-temurin:21-jre$").contains("COPY target/horde.jar /opt/horde/horde.jar")
        .contains("\"-jar\", \"/opt/horde/horde.jar\"");
  }

  @Test
  void theManifestsAreValidKubernetesObjects() throws Exception {
    Path tools = Path.of(System.getenv().getOrDefault("HORDE_TEST_TOOLS", System.getProperty("user.home") + "/.cache/horde-test-tools"),
        "k8s-validate");
    boolean installed = Files.isDirectory(tools.resolve("node_modules/kubernetes-models"));
    assumeThat(installed || System.getenv("CI") != null).as("./run-tests installs kubernetes-models (npm) into " + tools).isTrue();
    List<String> cmd = new ArrayList<>(List.of("node", tools.resolve("validate-manifests.mjs").toString()));
    try (var files = Files.list(DIR)) {
      files.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(f -> cmd.add(f.toAbsolutePath().toString()));
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(said).isZero();
    assertThat(said).contains("ok   ", "Job/horde-run", "Deployment/horde-worker", "Service/horde-cluster").doesNotContain("FAIL");

    // and the validator does catch a broken manifest
    Path broken = Files.createTempFile("broken", ".yaml");
    Files.writeString(broken, Files.readString(DIR.resolve("service.yaml")).replace("port: 7800", "port: seven-eight"));
    Process q = new ProcessBuilder("node", tools.resolve("validate-manifests.mjs").toString(), broken.toString())
        .redirectErrorStream(true).start();
    assertThat(q.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("FAIL", "port");
    assertThat(q.exitValue()).isEqualTo(1);
    Files.delete(broken);
  }

  /** Every object of every file, by kind and name. */
  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> objects() throws IOException {
    Map<String, Map<String, Object>> out = new java.util.LinkedHashMap<>();
    Load load = new Load(LoadSettings.builder().build());
    try (var files = Files.list(DIR)) {
      for (Path f : files.filter(x -> x.toString().endsWith(".yaml")).toList()) {
        for (Object o : load.loadAllFromString(Files.readString(f))) {
          if (o == null) continue;
          Map<String, Object> m = (Map<String, Object>) o;
          Map<?, ?> meta = (Map<?, ?>) m.getOrDefault("metadata", Map.of());
          out.put(m.get("kind") + "/" + (meta.get("name") == null ? "" : meta.get("name")), m);
        }
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  static Object at(Map<String, Object> o, String path) {
    Object v = o;
    for (String key : path.split("\\.")) v = v instanceof Map<?, ?> m ? m.get(key) : null;
    return v;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> container(Map<String, Object> o) {
    return (Map<String, Object>) ((List<?>) at(o, "spec.template.spec.containers")).get(0);
  }

  static List<String> args(Map<String, Object> container) {
    return ((List<?>) container.get("args")).stream().map(String::valueOf).toList();
  }

  static Object env(Map<String, Object> container, String name) {
    for (Object e : (List<?>) container.get("env")) {
      Map<?, ?> m = (Map<?, ?>) e;
      if (name.equals(m.get("name"))) return m.get("valueFrom");
    }
    return null;
  }

  static String flag(List<String> args, String name) {
    int i = args.indexOf(name);
    return i < 0 ? null : args.get(i + 1);
  }

  /** Horde's own command line accepts them (Kubernetes puts the variables' values in place of $(X)). */
  static void parses(List<String> args) {
    String[] line = args.stream().map(a -> a.replace("$(POD_IP)", "10.0.0.7")).toArray(String[]::new);
    Main.commandLine(line).parseArgs(line);
  }
}
