package horde.engine;

import horde.plan.RequestPlan;
import horde.plan.Tokenizer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The prompt tokens of answers that report no usage, counted on the event loop that read the
 * answer. A request whose body never changes has the same count every time, so it is counted once
 * per run and shared by every loop: reading and counting a 16,000-character prompt takes about
 * 0.2 ms ({@code cl100k_base}; 25 µs for 2,000 characters, {@code PromptTokensBenchmark}), which
 * every other stream on that loop would wait through at each answer.
 */
final class PromptTokens {
  final Tokenizer tokenizer;
  /** By request id: the count of a constant body, or -1 before its first answer. */
  private final AtomicLongArray constant;

  PromptTokens(Tokenizer tokenizer, int requests) {
    this.tokenizer = tokenizer;
    long[] none = new long[requests];
    Arrays.fill(none, -1);
    this.constant = new AtomicLongArray(none);
  }

  /** The tokens of {@code body}, the one {@code r} rendered for this answer. */
  long of(RequestPlan r, CharSequence body) {
    if (r.body() != null && r.body().constant() == null) return count(body);
    long n = constant.get(r.id());
    if (n < 0) {
      n = count(body); // two loops may both count a request's first answers: the same figure
      constant.set(r.id(), n);
    }
    return n;
  }

  private long count(CharSequence body) {
    return tokenizer.count(Json.prompt(body));
  }
}
