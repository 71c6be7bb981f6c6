package horde.cli;

import horde.history.Tags;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How a run is recorded in the history: where, with which tags, or not at all. */
final class HistoryFlags {
  @Mixin DbOption db = new DbOption();

  @Option(names = "--tag", paramLabel = "NAME=VALUE", description = "Tag the run in the history, e.g. --tag env=staging (repeatable).")
  List<String> tags;

  @Option(names = "--no-history", description = "Do not record the run in the history.")
  boolean off;

  /** The tags; throws {@link IllegalArgumentException} for a bad one, before any load. */
  Map<String, String> tags() {
    return Tags.parse(tags);
  }
}
