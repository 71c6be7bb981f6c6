package horde.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * What an LLM answer, or each JSON event of a streamed one, is read for (the text, usage, the cache
 * mark, an error), as {@link JsonPicks} slots: read in one pass over the bytes rather than a
 * Jackson tree, which took about 2 KB a streamed event (docs/design.md, "A streamed answer's
 * events"). A slot is -1 for a path the plan does not have.
 */
public final class AnswerPicks {
  private static final JsonPath ERROR = JsonPath.compile("$.error");

  public final JsonPicks picks;
  public final int content, inputTokens, outputTokens, cacheField, error;

  private AnswerPicks(JsonPicks picks, int[] slots) {
    this.picks = picks;
    content = slots[0];
    inputTokens = slots[1];
    outputTokens = slots[2];
    cacheField = slots[3];
    error = slots[4];
  }

  /**
   * The picks for these paths (any may be null; at least one is not), and for a stream's events
   * {@code $.error} too (an answer that arrives whole is not read for one); null when one of them
   * needs the tree.
   */
  static AnswerPicks of(JsonPath content, JsonPath inputTokens, JsonPath outputTokens, JsonPath cacheField,
      boolean streamed) {
    JsonPath[] wanted = {content, inputTokens, outputTokens, cacheField, streamed ? ERROR : null};
    List<JsonPath> paths = new ArrayList<>();
    int[] index = new int[wanted.length];
    for (int i = 0; i < wanted.length; i++) {
      index[i] = wanted[i] == null ? -1 : paths.size();
      if (wanted[i] != null) paths.add(wanted[i]);
    }
    boolean[] needsValue = new boolean[paths.size()];
    for (int i = 0; i < wanted.length - 1; i++) if (index[i] >= 0) needsValue[index[i]] = true; // the error: whether it is there
    JsonPicks picks = JsonPicks.of(paths, needsValue);
    if (picks == null) return null;
    int[] slots = new int[wanted.length];
    for (int i = 0; i < wanted.length; i++) slots[i] = index[i] < 0 ? -1 : picks.slot(index[i]);
    return new AnswerPicks(picks, slots);
  }
}
