package horde.cli;

import horde.scenario.Durations;
import horde.scenario.LoadProfile;
import horde.scenario.Search;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code --search users=10..2000} or {@code --search rate=1/s..500/s}, with the search's other
 * settings after commas: {@code --search users=10..500,step=20s,warmup=5s,precision=5%}. Bad text
 * throws {@link IllegalArgumentException} with a message for the user.
 */
final class SearchFlag {
  private SearchFlag() {}

  static Search parse(String text) {
    String[] parts = text.strip().split("\\s*,\\s*");
    Search.Kind kind = null;
    double from = 0, to = 0, factor = Search.DEFAULT_FACTOR, precision = Search.DEFAULT_PRECISION;
    double margin = Search.DEFAULT_MARGIN, atLeast = 0, spawn = 0;
    int maxSteps = Search.DEFAULT_MAX_STEPS, maxUsers = 0;
    Duration step = null, warmup = null;
    for (String part : parts) {
      int eq = part.indexOf('=');
      if (eq < 0) throw bad(part, "expected key=value");
      String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT), value = part.substring(eq + 1).strip();
      switch (key) {
        case "users", "rate" -> {
          kind = key.equals("users") ? Search.Kind.USERS : Search.Kind.RATE;
          String[] range = value.split("\\.\\.");
          if (range.length != 2) throw bad(part, "expected a range like " + key + "=10..200");
          from = level(range[0], kind, part);
          to = level(range[1], kind, part);
        }
        case "step" -> step = duration(value, part);
        case "warmup" -> warmup = duration(value, part);
        case "factor" -> factor = number(value, part);
        case "precision" -> precision = number(value.replace("%", ""), part) / 100;
        case "margin" -> margin = number(value, part);
        case "max_steps" -> maxSteps = (int) number(value, part);
        case "at_least" -> atLeast = kind == null ? number(value.replace("/s", ""), part) : level(value, kind, part);
        case "spawn_rate" -> spawn = number(value, part);
        case "max_users" -> maxUsers = (int) number(value, part);
        default -> throw bad(part, "unknown setting; known: users, rate, step, warmup, factor, precision, margin,"
            + " max_steps, at_least, spawn_rate, max_users");
      }
    }
    if (kind == null) throw new IllegalArgumentException("--search: give users=FROM..TO or rate=FROM/s..TO/s");
    return new Search(kind, from, to, step, warmup, factor, precision, margin, maxSteps, atLeast, spawn, maxUsers,
        LoadProfile.Open.Arrivals.CONSTANT);
  }

  private static double level(String text, Search.Kind kind, String part) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (kind == Search.Kind.RATE && t.endsWith("/s")) t = t.substring(0, t.length() - 2);
    double v = number(t, part);
    if (kind == Search.Kind.USERS && v != Math.rint(v)) throw bad(part, "users are whole numbers");
    return v;
  }

  private static double number(String text, String part) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw bad(part, "'" + text + "' is not a number");
    }
  }

  private static Duration duration(String text, String part) {
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw bad(part, "expected a duration like 30s");
    }
  }

  private static IllegalArgumentException bad(String part, String why) {
    return new IllegalArgumentException("--search: '" + part + "': " + why);
  }
}
