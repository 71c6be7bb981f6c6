package horde.live;

import horde.scenario.Scenario;
import horde.scenario.yaml.ScenarioLoader;
import java.nio.file.Path;

/**
 * A scenario's text as the UI got it: a file under the working directory, or an upload.
 *
 * @param name as shown and as the result names the file (a relative path, or the upload's name)
 * @param baseDir where its relative paths (feeder files) resolve
 */
public record Source(String name, String text, Path baseDir) {
  /** Parses it; throws {@link horde.scenario.InvalidScenarioException} with every problem. */
  public Scenario scenario() {
    return ScenarioLoader.parse(text, name, baseDir);
  }
}
