package horde.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds values that a response gave and a later request sent back — a conversation id in the next
 * URL, a token in the next header — and turns them into a {@code save} on the request that got the
 * value and a {@code ${name}} where it is used, so each virtual user uses its own values instead of
 * the recording's.
 *
 * <p>The first response that gave a value is its source. A value the client had already sent before
 * that response (a title echoed back) is the client's own and stays as written. Short or plain
 * words are never candidates ({@link Candidates}); a match must stand alone ({@link Words}).
 */
final class Correlation {
  private final List<Call> calls;
  /** The URLs as recorded: a saved name comes from its producer's own path, not a rewritten one. */
  private final List<String> urls;
  private final Map<String, String> nameOf = new HashMap<>();
  private final Set<String> names = new HashSet<>();
  private final Set<String> sentWords = new HashSet<>();
  private final List<String> sentTexts = new ArrayList<>();

  private Correlation(List<Call> calls) {
    this.calls = new ArrayList<>(calls);
    this.urls = calls.stream().map(Call::url).toList();
  }

  static Draft apply(Draft draft) {
    Correlation c = new Correlation(draft.calls());
    c.run();
    return draft.withCalls(c.calls);
  }

  private void run() {
    Set<String> known = new HashSet<>();
    Replacer replacer = new Replacer(this::name);
    for (int i = 0; i < calls.size(); i++) {
      Call call = calls.get(i);
      sent(call);
      calls.set(i, replacer.rewrite(call));
      if (call.response() == null) continue;
      for (Candidates.Found f : Candidates.in(call.response(), i)) {
        if (!known.contains(f.value()) && !wasSent(f.value())) {
          known.add(f.value());
          replacer.add(f);
        }
      }
    }
  }

  /** The saved name of a found value, adding the save to its request the first time. */
  private String name(Candidates.Found f) {
    String existing = nameOf.get(f.value());
    if (existing != null) return existing;
    Call producer = calls.get(f.call());
    String name = SavedNames.unique(SavedNames.of(f, urls.get(f.call())), names);
    nameOf.put(f.value(), name);
    calls.set(f.call(), producer.withSave(name, f.save()));
    return name;
  }

  private void sent(Call c) {
    StringBuilder text = new StringBuilder(c.url());
    for (Header h : c.headers()) text.append('\n').append(h.value());
    switch (c.body()) {
      case Body.Json j -> text.append('\n').append(j.value().toString());
      case Body.Form f -> f.fields().forEach(h -> text.append('\n').append(h.value()));
      case Body.Text t -> text.append('\n').append(t.text());
      case Body.None n -> {}
    }
    Words.collect(text.toString(), sentWords);
    sentTexts.add(text.toString());
  }

  private boolean wasSent(String value) {
    if (!sentWords.contains(Words.runAt(value, 0))) return false;
    for (String t : sentTexts) if (Words.contains(t, value)) return true;
    return false;
  }
}
