package horde.criteria;

import horde.stats.TheilSen;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client that is not Horde: a blocking socket on its own thread, asking the same question one
 * at a time while a run goes on (the raw-socket probe of bench/sse-streams.sh, for plain answers),
 * so a test can tell what the target did from what the generator measured. Bounded: it stops when
 * closed, or after ten minutes.
 */
final class LatencyProbe implements AutoCloseable {
  private static final long LIMIT_NANOS = Duration.ofMinutes(10).toNanos();
  private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length:\\s*(\\d+)");
  private final List<double[]> answers = new ArrayList<>(); // {epoch seconds at the end, latency in ms}
  private final Thread thread;
  private volatile boolean stopped;
  private volatile Exception failure;

  private LatencyProbe(URI url, byte[] request) {
    thread = new Thread(() -> ask(url, request), "latency-probe");
    thread.setDaemon(true);
  }

  /** Starts POSTing {@code json} to {@code url} (http, 127.0.0.1) over one kept-alive connection. */
  static LatencyProbe start(String url, String json) {
    URI uri = URI.create(url);
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head = "POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getAuthority()
        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
    request.writeBytes(body);
    LatencyProbe probe = new LatencyProbe(uri, request.toByteArray());
    probe.thread.start();
    return probe;
  }

  private void ask(URI url, byte[] request) {
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(30_000);
      InputStream in = new BufferedInputStream(socket.getInputStream());
      long began = System.nanoTime();
      while (!stopped && System.nanoTime() - began < LIMIT_NANOS) {
        long sent = System.nanoTime();
        socket.getOutputStream().write(request);
        readAnswer(in);
        double ms = (System.nanoTime() - sent) / 1e6;
        synchronized (answers) {
          answers.add(new double[] {System.currentTimeMillis() / 1000.0, ms});
        }
      }
    } catch (Exception e) {
      failure = e; // told by trend(), on the test's thread
    }
  }

  /** Reads one answer with a Content-Length body; anything but a 200 is the probe's failure. */
  private static void readAnswer(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) throw new EOFException("the target closed the probe's connection");
      head.append((char) b);
    }
    String text = head.toString();
    if (!text.startsWith("HTTP/1.1 200")) throw new IOException("probe answered " + text.lines().findFirst().orElse(""));
    Matcher length = CONTENT_LENGTH.matcher(text);
    if (!length.find()) throw new IOException("an answer without Content-Length: " + text);
    in.readNBytes(Integer.parseInt(length.group(1)));
  }

  /** The line through the medians of its answers in windows of {@code window} seconds between two epoch times. */
  TheilSen trend(double from, double to, int window) {
    if (failure != null) throw new IllegalStateException("the probe failed", failure);
    List<double[]> x = new ArrayList<>();
    synchronized (answers) {
      for (double w = from; w + window <= to; w += window) {
        double end = w + window;
        double[] ms = answers.stream().filter(a -> a[0] >= end - window && a[0] < end).mapToDouble(a -> a[1]).sorted()
            .toArray();
        if (ms.length > 0) x.add(new double[] {end - window / 2.0, median(ms)});
      }
    }
    if (x.size() < 3) {
      throw new IllegalStateException("the probe has " + x.size() + " windows between " + from + " and " + to + " from "
          + answers.size() + " answers" + (answers.isEmpty() ? "" : ", the first at " + answers.get(0)[0]));
    }
    return TheilSen.fit(x.stream().mapToDouble(p -> p[0] - from).toArray(), x.stream().mapToDouble(p -> p[1]).toArray());
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /**
   * Stops asking and waits up to 5 s for the answer in flight, so {@link #trend} sees no more. An
   * interrupt ends the wait and stays set; the thread is a daemon and ends after that answer.
   */
  void stop() {
    stopped = true;
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }
}
