package horde.compare;

import java.util.Locale;

/** Where an endpoint was seen: an endpoint in only one of the runs is listed, not dropped. */
public enum Presence {
  BOTH,
  BASELINE_ONLY,
  CANDIDATE_ONLY;

  public String text() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
