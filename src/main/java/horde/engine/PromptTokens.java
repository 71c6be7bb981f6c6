package horde.engine;

import horde.plan.RequestPlan;
import horde.plan.Tokenizer;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The prompt tokens of answers that report no usage, counted on the event loop that read the
 * answer. Reading and counting a 16,000-character prompt takes about 0.2 ms ({@code cl100k_base};
 * 25 µs for 2,000 characters, {@code PromptTokensBenchmark}), which every other stream on that
 * loop would wait through at each answer. So a request whose body never changes is counted once
 * per run, and a templated body once per distinct text: a feeder's prompts come round again and
 * again, and looking one up costs a few microseconds. Shared by the run's loops.
 */
final class PromptTokens {
  /**
   * Characters of templated bodies kept with their counts (16-32 MB). Past it, new bodies are
   * counted at each answer and not kept: bodies made unique by a {@code ${uuid}} would only fill
   * it, and a prompt set that fits is kept whole rather than churned.
   */
  static final long KEPT_CHARS = 16_000_000;

  final Tokenizer tokenizer;
  /** By request id: the count of a constant body, or -1 before its first answer. */
  private final AtomicLongArray constant;
  private final ConcurrentHashMap<String, Integer> templated = new ConcurrentHashMap<>();
  private final AtomicLong keptChars = new AtomicLong();
  private final long maxKeptChars;

  PromptTokens(Tokenizer tokenizer, int requests) {
    this(tokenizer, requests, KEPT_CHARS);
  }

  PromptTokens(Tokenizer tokenizer, int requests, long maxKeptChars) {
    this.tokenizer = tokenizer;
    long[] none = new long[requests];
    Arrays.fill(none, -1);
    this.constant = new AtomicLongArray(none);
    this.maxKeptChars = maxKeptChars;
  }

  /** The tokens of {@code body}, the one {@code r} rendered for this answer. */
  long of(RequestPlan r, CharSequence body) {
    if (r.body() != null && r.body().constant() == null) return templated(body.toString());
    long n = constant.get(r.id());
    if (n < 0) {
      n = count(body); // two loops may both count a request's first answers: the same figure
      constant.set(r.id(), n);
    }
    return n;
  }

  private long templated(String body) {
    Integer known = templated.get(body);
    if (known != null) return known;
    int n = count(body);
    if (keptChars.addAndGet(body.length()) > maxKeptChars || templated.putIfAbsent(body, n) != null) {
      keptChars.addAndGet(-body.length()); // full, or another loop kept it first
    }
    return n;
  }

  /** Bodies kept with their counts; for tests. */
  int kept() {
    return templated.size();
  }

  private int count(CharSequence body) {
    return tokenizer.count(Json.prompt(body));
  }
}
