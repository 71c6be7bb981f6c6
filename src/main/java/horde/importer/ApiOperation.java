package horde.importer;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One operation of an OpenAPI document: its method, path template, the operation and its
 * parameters (the path's, overridden by the operation's own of the same name and place).
 */
record ApiOperation(String method, String path, Operation operation, List<Parameter> parameters) {
  /** {@code POST /api/jobs}: how notes and {@code --operation} name it. */
  String key() {
    return method + " " + path;
  }

  String id() {
    return operation.getOperationId();
  }

  /** The operation's first tag, or null. */
  String tag() {
    List<String> tags = operation.getTags();
    return tags == null || tags.isEmpty() ? null : tags.get(0);
  }

  /** Every operation in document order: paths as written, methods in the order of {@link PathItem.HttpMethod}. */
  static List<ApiOperation> all(OpenAPI api) {
    List<ApiOperation> out = new ArrayList<>();
    if (api.getPaths() == null) return out;
    for (Map.Entry<String, PathItem> p : api.getPaths().entrySet()) {
      PathItem item = p.getValue();
      for (Map.Entry<PathItem.HttpMethod, Operation> o : item.readOperationsMap().entrySet()) {
        String method = o.getKey().name().toUpperCase(Locale.ROOT);
        if (ScenarioWriter.supported(method)) out.add(new ApiOperation(method, p.getKey(), o.getValue(), parameters(item, o.getValue())));
      }
    }
    return out;
  }

  private static List<Parameter> parameters(PathItem item, Operation op) {
    List<Parameter> out = new ArrayList<>();
    if (op.getParameters() != null) out.addAll(op.getParameters());
    if (item.getParameters() != null) {
      for (Parameter p : item.getParameters()) {
        if (out.stream().noneMatch(o -> o.getName().equals(p.getName()) && o.getIn().equals(p.getIn()))) out.add(p);
      }
    }
    return out;
  }

  /** The 2xx statuses the operation declares, as numbers. */
  List<Integer> successes() {
    List<Integer> out = new ArrayList<>();
    if (operation.getResponses() == null) return out;
    for (String code : operation.getResponses().keySet()) {
      if (code.matches("2\\d\\d")) out.add(Integer.parseInt(code));
    }
    return out;
  }
}
