package horde.importer;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Cli;
import horde.HordeProcess;
import horde.simulator.Simulator;
import horde.simulator.SimulatorOptions;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code horde import curl} with commands from the documentation of well-known APIs
 * (src/test/resources/horde/importer/curl): each imported scenario validates, and the request Horde
 * sends is the one the real curl sends — method, path and query, every header the command names,
 * the body — both sent to a local server that records them.
 */
class CurlImportTest {
  static final Path FIXTURES = Path.of("src/test/resources/horde/importer/curl");
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Pattern ORIGIN = Pattern.compile("https?://[^/\\s'\"]+");
  /** The secrets the commands name, the same for curl (its shell) and for Horde (its ${env...}). */
  static final Map<String, String> ENV = Map.of("OPENAI_API_KEY", "sk-test-openai-1", "ANTHROPIC_API_KEY", "sk-ant-test-2",
      "API_TOKEN", "<YOUR-TOKEN>",
      "BASIC_AUTH", Base64.getEncoder().encodeToString("sk_test_4eC39HqLyjWDarjtT1zdp7dc:".getBytes(StandardCharsets.UTF_8)));

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"openai.sh", "github.sh", "stripe.sh", "anthropic.sh"})
  void hordeSendsWhatCurlSends(String fixture) throws Exception {
    List<String> commands = CurlLines.split(Files.readString(FIXTURES.resolve(fixture)));
    assertThat(commands).isNotEmpty();
    for (String command : commands) {
      try (CaptureServer server = new CaptureServer()) {
        Path scenario = tmp.resolve(fixture + commands.indexOf(command) + ".yaml");
        Cli imported = Cli.run("import", "curl", command, "--host", server.url(), "--out", scenario.toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        String yaml = Files.readString(scenario);
        assertThat(yaml).doesNotContain("sk_test_4eC39HqLyjWDarjtT1zdp7dc", "<YOUR-TOKEN>");
        Cli validate = Cli.run("validate", scenario.toString());
        assertThat(validate.exitCode()).as(validate.toString()).isZero();

        curl(ORIGIN.matcher(command).replaceFirst(Matcher.quoteReplacement(server.url())));
        try (HordeProcess horde = new HordeProcess(tmp, List.of(), ENV, "run", scenario.toString(), "--requests", "1",
            "--concurrency", "1", "-q")) {
          assertThat(horde.waitFor(60)).as(horde.output()).isZero();
        }
        assertThat(server.requests).as(yaml).hasSize(2);
        same(command, server.requests.get(0), server.requests.get(1), yaml);
      }
    }
  }

  @Test
  void openAisExampleRunsAgainstTheSimulator() throws Exception {
    String command = Files.readString(FIXTURES.resolve("openai.sh"));
    Path scenario = tmp.resolve("openai.yaml");
    SimulatorOptions fast = SimulatorOptions.builder().timeToFirstToken(Duration.ofMillis(10)).tokensPerSecond(1000).build();
    try (Simulator sim = Simulator.start(fast)) {
      Cli imported = Cli.run("import", "curl", command, "--host", sim.baseUrl(), "--out", scenario.toString());
      assertThat(imported.exitCode()).as(imported.toString()).isZero();
      assertThat(imported.out()).contains("set OPENAI_API_KEY in the environment");
      Cli run = Cli.run("run", scenario.toString(), "--run-time", "2s", "-q");
      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.out()).containsPattern("/v1/chat/completions +POST").contains("Verdict: PASS");
    }
  }

  @Test
  void severalCommandsFromAFileAreATaskEach() throws Exception {
    Path scenario = tmp.resolve("all.yaml");
    Cli imported = Cli.run("import", "curl", "-f", FIXTURES.resolve("stripe.sh").toString(), "curl https://api.stripe.com/v1/balance",
        "--out", scenario.toString());
    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    String yaml = Files.readString(scenario);
    assertThat(yaml).contains("- get: /v1/balance\n  - post: /v1/customers", "- get: /v1/customers?limit=3",
        "Authorization: Basic ${env.BASIC_AUTH:-}", "BASIC_AUTH: the Authorization header's Basic credentials");
    assertThat(Cli.run("validate", scenario.toString()).exitCode()).isZero();
  }

  @Test
  void aLiteralTemplateIsSentAsWritten() throws Exception {
    try (CaptureServer server = new CaptureServer()) {
      Path scenario = tmp.resolve("literal.yaml");
      String command = "curl " + server.url() + "/echo -H 'Content-Type: application/json' -d '{\"path\": \"${HOME}/x\"}'";
      assertThat(Cli.run("import", "curl", command, "--out", scenario.toString()).exitCode()).isZero();
      Cli run = Cli.run("run", scenario.toString(), "--requests", "1", "--concurrency", "1", "-q");
      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(new String(server.requests.get(0).body(), StandardCharsets.UTF_8)).isEqualTo("{\"path\":\"${HOME}/x\"}");
    }
  }

  @Test
  void badCommandsAreUsageErrorsThatSayWhy() {
    Cli refused = Cli.run("import", "curl", "curl https://x.io -F file=@a.png");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("horde: curl -F (a multipart form or an upload) is not imported");
    Cli none = Cli.run("import", "curl");
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("give a curl command");
  }

  private static void curl(String command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", command + " -s -o /dev/null").redirectErrorStream(true);
    pb.environment().putAll(ENV);
    Process p = pb.start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("curl ended").isTrue();
    assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
  }

  /** curl's request and Horde's agree on everything the command says. */
  private static void same(String command, CaptureServer.Arrived curl, CaptureServer.Arrived horde, String yaml) {
    assertThat(horde.method()).as(yaml).isEqualTo(curl.method());
    assertThat(horde.target()).as(yaml).isEqualTo(curl.target());
    for (String name : named(command)) assertThat(horde.header(name)).as(name + "\n" + yaml).isEqualTo(curl.header(name));
    String type = curl.header("content-type") == null ? "" : curl.header("content-type").toLowerCase(Locale.ROOT);
    String curlBody = new String(curl.body(), StandardCharsets.UTF_8);
    String hordeBody = new String(horde.body(), StandardCharsets.UTF_8);
    if (type.contains("json")) {
      assertThat(JSON.readTree(hordeBody)).as(yaml).isEqualTo(JSON.readTree(curlBody));
    } else if (type.startsWith("application/x-www-form-urlencoded") && isForm(curlBody)) {
      assertThat(form(hordeBody)).as(yaml).isEqualTo(form(curlBody));
      assertThat(horde.header("content-type")).startsWith("application/x-www-form-urlencoded");
    } else {
      assertThat(hordeBody).as(yaml).isEqualTo(curlBody);
    }
  }

  /** The headers a command sets: -H, and Authorization for -u. */
  private static List<String> named(String command) {
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("(?:-H|--header)\\s+[\"']([^:\"']+):").matcher(command);
    while (m.find()) names.add(m.group(1).strip());
    if (command.contains(" -u ")) names.add("Authorization");
    return names;
  }

  private static boolean isForm(String body) {
    return java.util.Arrays.stream(body.split("&")).allMatch(p -> p.contains("="));
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }
}
