package horde.browser;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A page opened in a {@link DevTools} tab, with what the browser reported while it loaded and ran:
 * every request it made (the page's own URL aside), console messages, uncaught exceptions, and the
 * browser's own log (where Content-Security-Policy refusals appear).
 *
 * <pre>{@code
 * PageVisit visit = PageVisit.open(page, file.toUri(), 1440, "document.body.dataset.chartsDrawn");
 * assertThat(visit.requests()).isEmpty();
 * }</pre>
 */
public final class PageVisit {
  private final DevTools page;
  private final URI url;
  private final int width;

  private PageVisit(DevTools page, URI url, int width) {
    this.page = page;
    this.url = url;
    this.width = width;
  }

  /**
   * Opens {@code url} at {@code width} CSS pixels and waits for the load event, then until {@code
   * readyExpression} is non-null (at most 20 s), then two animation frames so that canvases are
   * painted.
   */
  public static PageVisit open(DevTools page, URI url, int width, String readyExpression) throws InterruptedException {
    for (String domain : List.of("Page", "Runtime", "Log", "Network")) page.call(domain + ".enable", Map.of());
    metrics(page, width, 900);
    page.call("Page.navigate", Map.of("url", url.toString()));
    page.await("Page.loadEventFired", Duration.ofSeconds(20));
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (page.eval("(" + readyExpression + ") ?? null").isNull() && System.nanoTime() < deadline) Thread.sleep(20);
    page.eval("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))");
    return new PageVisit(page, url, width);
  }

  private static void metrics(DevTools page, int width, int height) {
    page.call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1,
        "mobile", false));
  }

  /** Every URL the page asked for, other than its own, whether or not the browser let it through. */
  public List<String> requests() {
    List<String> out = new ArrayList<>();
    for (JsonNode e : page.events("Network.requestWillBeSent")) {
      String u = e.path("request").path("url").asString();
      if (!u.equals(url.toString())) out.add(u);
    }
    return out;
  }

  /** URLs whose load the browser refused before any network use, with why ({@code csp}, ...). */
  public List<String> refused() {
    Map<String, String> urls = new java.util.HashMap<>();
    for (JsonNode e : page.events("Network.requestWillBeSent")) {
      urls.put(e.path("requestId").asString(), e.path("request").path("url").asString());
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : page.events("Network.loadingFailed")) {
      if (e.has("blockedReason")) out.add(urls.get(e.path("requestId").asString()) + " (" + e.path("blockedReason").asString() + ")");
    }
    return out;
  }

  /** Console calls of type error or warning, uncaught exceptions, and browser log entries of level error or warning. */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    for (JsonNode e : page.events("Runtime.consoleAPICalled")) {
      String type = e.path("type").asString();
      if (type.equals("error") || type.equals("warning") || type.equals("assert")) {
        out.add("console." + type + ": " + e.path("args").path(0).path("value").asString(e.path("args").toString()));
      }
    }
    for (JsonNode e : page.events("Runtime.exceptionThrown")) {
      JsonNode d = e.path("exceptionDetails");
      out.add("exception: " + d.path("exception").path("description").asString(d.path("text").asString()));
    }
    for (JsonNode e : page.events("Log.entryAdded")) {
      String level = e.path("entry").path("level").asString();
      if (level.equals("error") || level.equals("warning")) out.add("log." + level + ": " + e.path("entry").path("text").asString());
    }
    return out;
  }

  public JsonNode eval(String expression) {
    return page.eval(expression);
  }

  /** A PNG of the page from {@code top} down, at most {@code maxHeight} pixels, written to {@code file}. */
  public void screenshot(Path file, int top, int maxHeight) throws IOException {
    int full = page.eval("document.documentElement.scrollHeight").asInt();
    int height = Math.max(1, Math.min(maxHeight, full - top));
    metrics(page, width, full);
    Map<String, Object> clip = Map.of("x", 0, "y", top, "width", width, "height", height, "scale", 1);
    JsonNode shot = page.call("Page.captureScreenshot", Map.of("format", "png", "fromSurface", true, "clip", clip));
    metrics(page, width, 900);
    if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(shot.path("data").asString()));
  }
}
