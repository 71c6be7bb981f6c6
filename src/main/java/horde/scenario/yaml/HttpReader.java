package horde.scenario.yaml;

import horde.scenario.HttpSettings;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** The words of the {@code http} section that are not plain numbers or durations. */
final class HttpReader {
  private HttpReader() {}

  /** {@code cookies: true | false | per_iteration}. */
  static HttpSettings.Cookies cookies(Problems p, Node node) {
    if (Nodes.isBool(node)) {
      return ((ScalarNode) node).getValue().equalsIgnoreCase("true") ? HttpSettings.Cookies.USER : HttpSettings.Cookies.OFF;
    }
    if (Nodes.isValue(node) && ((ScalarNode) node).getValue().strip().equals("per_iteration")) {
      return HttpSettings.Cookies.ITERATION;
    }
    Values.expected(p, node, "cookies", "true, false or per_iteration");
    return null;
  }

  /** {@code version: 1.1 | 2 | auto}. */
  static HttpSettings.Version version(Problems p, Node node) {
    HttpSettings.Version v = Nodes.isValue(node) ? HttpSettings.Version.of(((ScalarNode) node).getValue().strip()) : null;
    if (v == null) Values.expected(p, node, "version", "1.1, 2 or auto");
    return v;
  }
}
