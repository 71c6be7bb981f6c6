package horde.importer;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code horde import har} with what other browsers and other pages put in a HAR: no resource
 * types (Firefox), CORS preflights, WebSocket upgrades, data: URLs, failed requests, base64
 * bodies, forms given as params, HTTP/2 pseudo-headers, cookies, error statuses, entries out of
 * order. What is kept must validate; what is left out is counted.
 */
class HarEntriesTest {
  @TempDir Path tmp;

  static String entry(String started, String method, String url, String requestHeaders, String postData, int status,
      String responseHeaders, String mime, String content) {
    return """
        {"pageref": "page_1", "startedDateTime": "%s",
         "request": {"method": "%s", "url": "%s", "httpVersion": "HTTP/2", "headers": [%s], "queryString": [], %s
                     "cookies": [], "headersSize": -1, "bodySize": 0},
         "response": {"status": %d, "statusText": "", "httpVersion": "HTTP/2", "headers": [%s], "cookies": [],
                      "content": {"size": 0, "mimeType": "%s", %s}, "redirectURL": "", "headersSize": -1, "bodySize": -1},
         "cache": {}, "timings": {"send": 0, "wait": 1, "receive": 0}, "time": 1}
        """.formatted(started, method, url, requestHeaders, postData == null ? "" : "\"postData\": " + postData + ",", status,
        responseHeaders, mime, content);
  }

  static String h(String name, String value) {
    return "{\"name\": \"" + name + "\", \"value\": \"" + value + "\"}";
  }

  @Test
  void whatABrowserRecordsBecomesAScenarioThatValidates() throws Exception {
    String id = Base64.getEncoder().encodeToString("{\"order\": {\"id\": \"ord_7731\"}}".getBytes());
    String entries = String.join(",",
        entry("2024-05-01T10:00:01.000+02:00", "POST", "https://shop.example.com/api/orders",
            h(":method", "POST") + "," + h("content-type", "application/json") + "," + h("cookie", "sid=s3cr3t77")
                + "," + h("user-agent", "Mozilla/5.0") + "," + h("X-Trace", "abc"),
            "{\"mimeType\": \"application/json\", \"text\": \"{\\\"note\\\": \\\"${literal}\\\"}\"}", 201,
            h("X-Order-Token", "tok_99a1") + "," + h("Date", "Wed, 01 May 2024 08:00:01 GMT"), "application/json",
            "\"text\": \"" + id + "\", \"encoding\": \"base64\""),
        entry("2024-05-01T10:00:00.000+02:00", "GET", "https://shop.example.com/", h("accept", "*/*"), null, 200, "",
            "text/html", "\"text\": \"<html></html>\""),
        entry("2024-05-01T10:00:00.100+02:00", "GET", "https://cdn.example.com/app.js?v=3", "", null, 200, "",
            "application/javascript", "\"text\": \"\""),
        entry("2024-05-01T10:00:00.200+02:00", "GET", "https://shop.example.com/img/logo", "", null, 200, "", "image/png", "\"text\": \"\""),
        entry("2024-05-01T10:00:00.300+02:00", "GET", "https://shop.example.com/fonts/a.woff2", "", null, 200, "",
            "application/octet-stream", "\"text\": \"\""),
        entry("2024-05-01T10:00:00.400+02:00", "GET", "data:image/png;base64,iVBOR", "", null, 200, "", "image/png", "\"text\": \"\""),
        entry("2024-05-01T10:00:00.500+02:00", "OPTIONS", "https://api.example.com/api/orders",
            h("Access-Control-Request-Method", "POST"), null, 204, "", "", "\"text\": \"\""),
        entry("2024-05-01T10:00:00.600+02:00", "GET", "wss://shop.example.com/live", "", null, 101, "", "", "\"text\": \"\""),
        entry("2024-05-01T10:00:00.700+02:00", "GET", "https://shop.example.com/api/slow", "", null, 0, "", "", "\"text\": \"\""),
        entry("2024-05-01T10:00:02.000+02:00", "GET", "https://shop.example.com/api/orders/ord_7731",
            h("X-Order-Token", "tok_99a1"), null, 200, "", "application/json", "\"text\": \"{}\""),
        entry("2024-05-01T10:00:03.000+02:00", "POST", "https://shop.example.com/api/orders/ord_7731/notes",
            h("Content-Type", "application/x-www-form-urlencoded"),
            "{\"mimeType\": \"application/x-www-form-urlencoded\", \"params\": [{\"name\": \"text\", \"value\": \"hi\"}]}", 200,
            "", "application/json", "\"text\": \"{}\""),
        entry("2024-05-01T10:00:04.000+02:00", "GET", "https://shop.example.com/api/missing", "", null, 404, "", "application/json",
            "\"text\": \"{}\""));
    String har = "{\"log\": {\"version\": \"1.2\", \"creator\": {\"name\": \"Firefox\", \"version\": \"125\"}, \"pages\": "
        + "[{\"id\": \"page_1\", \"title\": \"https://shop.example.com/\", \"startedDateTime\": \"2024-05-01T10:00:00.000+02:00\"}],"
        + " \"entries\": [" + entries + "]}}";
    Path file = Files.writeString(tmp.resolve("firefox.har"), har);
    Path out = tmp.resolve("firefox.yaml");
    Cli imported = Cli.run("import", "har", file.toString(), "-o", out.toString());
    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    String yaml = Files.readString(out);
    assertThat(yaml).contains(
        "# Left out: 1 WebSocket connection, 1 request that is not http(s), 1 CORS preflight the browser sent itself, 1 request"
            + " that failed in the browser, 3 static assets (--include-static keeps them).",
        "Cookie headers were left out",
        "target: https://shop.example.com\n",
        "  - name: /\n    steps:\n      - get: /\n",
        "      - post: /api/orders\n        headers:\n          X-Trace: abc\n        json:\n          note: $${literal}\n",
        "          order_id: $.order.id\n          order_token: {header: X-Order-Token}\n",
        "      - get: /api/orders/${order_id}\n        headers:\n          X-Order-Token: ${order_token}\n",
        "      - post: /api/orders/${order_id}/notes\n        form:\n          text: hi\n",
        "      - get: /api/missing\n        expect_status: 404\n")
        .doesNotContain("s3cr3t77", "user-agent", ":method", "cdn.example.com", "logo", "woff2", "wss:", "/api/slow");
    Cli validate = Cli.run("validate", out.toString());
    assertThat(validate.exitCode()).as(validate.toString()).isZero();
    assertThat(validate.out()).contains("1 user class, 5 endpoints");
  }

  @Test
  void oddRequestsStillMakeAScenarioThatValidates() throws Exception {
    String json = "\"{\\\"a b\\\": 1, \\\"$.x\\\": \\\"y\\\", \\\"\\\": \\\"empty\\\", \\\"k:v\\\": [null, true, 1.5],"
        + " \\\"tpl\\\": \\\"${x}\\\", \\\"t\\\": \\\"true\\\"}\"";
    String entries = String.join(",",
        entry("2024-01-01T00:00:00Z", "GET", "http://127.0.0.1:9/a b/c?q=x y#top", h("X Space", "v") + "," + h("X-Multi", "a\\nb")
            + "," + h("X-Quote", "a\\\"b"), null, 200, "", "text/html", "\"text\": \"\""),
        entry("2024-01-01T00:00:01Z", "GET", "http://127.0.0.1:9/ünï/çødé", "", null, 200, "", "text/html", "\"text\": \"\""),
        entry("2024-01-01T00:00:02Z", "POST", "http://127.0.0.1:9/j", "", "{\"mimeType\": \"application/json\", \"text\": " + json + "}",
            200, "", "application/json", "\"text\": \"{}\""),
        entry("2024-01-01T00:00:03Z", "PUT", "http://127.0.0.1:9/t", "",
            "{\"mimeType\": \"text/plain\", \"text\": \"line1\\nline2 ${y}\"}", 200, "", "text/plain", "\"text\": \"\""),
        entry("2024-01-01T00:00:04Z", "POST", "http://127.0.0.1:9/e", "", "{\"mimeType\": \"application/json\", \"text\": \"null\"}",
            200, "", "application/json", "\"text\": \"{}\""));
    Path file = Files.writeString(tmp.resolve("odd.har"), "{\"log\": {\"entries\": [" + entries + "]}}");
    Path out = tmp.resolve("odd.yaml");
    Cli imported = Cli.run("import", "har", file.toString(), "-o", out.toString());
    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    String yaml = Files.readString(out);
    assertThat(yaml).contains("- get: /a%20b/c?q=x%20y\n        headers:\n          X-Quote: a\"b\n", "- get: /ünï/çødé",
        "a b: 1", "$.x: \"y\"", "\"\": empty", "tpl: $${x}", "t: \"true\"", "body: \"line1\\nline2 $${y}\"",
        "body: \"null\"\n        content_type: application/json").doesNotContain("X Space", "X-Multi", "#top");
    Cli validate = Cli.run("validate", out.toString());
    assertThat(validate.exitCode()).as(validate.toString()).isZero();
  }

  @Test
  void aFileThatIsNotAHarSaysSo() throws Exception {
    Cli notJson = Cli.run("import", "har", Files.writeString(tmp.resolve("a.har"), "<html>").toString());
    assertThat(notJson.exitCode()).isEqualTo(2);
    assertThat(notJson.err()).contains("a.har is not JSON");
    Cli noEntries = Cli.run("import", "har", Files.writeString(tmp.resolve("b.har"), "{\"log\": {}}").toString());
    assertThat(noEntries.err()).contains("b.har is not a HAR file: it has no log.entries");
    Cli missing = Cli.run("import", "har", tmp.resolve("none.har").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("cannot read");
  }

  @Test
  void anExistingFileIsOverwrittenOnlyWithForce() throws Exception {
    Path har = Files.writeString(tmp.resolve("c.har"), "{\"log\": {\"entries\": [" + entry("2024-05-01T10:00:00Z", "GET",
        "http://127.0.0.1:9/health", "", null, 200, "", "application/json", "\"text\": \"{}\"") + "]}}");
    Path out = Files.writeString(tmp.resolve("mine.yaml"), "my work\n");
    Cli refused = Cli.run("import", "har", har.toString(), "-o", out.toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains(out + " exists; use --force to overwrite it");
    assertThat(Files.readString(out)).isEqualTo("my work\n");
    Cli forced = Cli.run("import", "har", har.toString(), "-o", out.toString(), "--force");
    assertThat(forced.exitCode()).isZero();
    assertThat(Files.readString(out)).contains("  - get: /health\n");
  }
}
