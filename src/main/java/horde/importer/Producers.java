package horde.importer;

import io.swagger.v3.oas.models.links.Link;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the value of each path parameter comes from: the operation whose answer holds it, and
 * where in the answer. An OpenAPI link says so outright ({@code parameters: {job_id:
 * $response.body#/job_id}}); without one, a {@code POST} to the collection above the parameter
 * whose answer has a field of the parameter's name, or {@code id}, is taken to create it: {@code
 * POST /api/jobs} answering {@code job_id} for {@code GET /api/jobs/{job_id}}.
 */
final class Producers {
  /** A parameter's source: the producing operation, what to save and under which name. */
  record Source(ApiOperation producer, Save save, String name) {}

  private final Map<String, Source> byParameter = new HashMap<>();

  private Producers() {}

  static Producers of(List<ApiOperation> ops) {
    Producers p = new Producers();
    for (ApiOperation op : ops) p.links(op, ops);
    for (ApiOperation op : ops) p.collections(op, ops);
    return p;
  }

  /** The source of a path parameter of {@code op}, or null when the document says of none. */
  Source of(ApiOperation op, String parameter) {
    return byParameter.get(op.key() + " " + parameter);
  }

  private void links(ApiOperation producer, List<ApiOperation> ops) {
    if (producer.operation().getResponses() == null) return;
    for (Map.Entry<String, ApiResponse> r : producer.operation().getResponses().entrySet()) {
      if (!r.getKey().startsWith("2") || r.getValue().getLinks() == null) continue;
      for (Link link : r.getValue().getLinks().values()) {
        ApiOperation target = ops.stream().filter(o -> link.getOperationId() != null && link.getOperationId().equals(o.id()))
            .findFirst().orElse(null);
        if (target == null || link.getParameters() == null) continue;
        link.getParameters().forEach((param, expression) -> {
          Save save = save(expression);
          String name = param.contains(".") ? param.substring(param.indexOf('.') + 1) : param; // path.job_id
          if (save != null) byParameter.putIfAbsent(target.key() + " " + name, new Source(producer, save, SavedNames.snake(name)));
        });
      }
    }
  }

  /** {@code $response.body#/a/0/b} as {@code $.a[0].b}, {@code $response.header.X} as a header; others null. */
  static Save save(String expression) {
    if (expression.startsWith("$response.header.")) return Save.header(expression.substring("$response.header.".length()));
    if (!expression.startsWith("$response.body#")) return null;
    StringBuilder path = new StringBuilder("$");
    for (String token : expression.substring("$response.body#".length()).split("/")) {
      if (token.isEmpty()) continue;
      String t = token.replace("~1", "/").replace("~0", "~");
      path.append(t.matches("\\d+") ? "[" + t + "]" : t.matches("[A-Za-z0-9_-]+") ? "." + t : "['" + t + "']");
    }
    return Save.json(path.toString());
  }

  private void collections(ApiOperation consumer, List<ApiOperation> ops) {
    for (Parameter p : consumer.parameters()) {
      if (!"path".equals(p.getIn()) || byParameter.containsKey(consumer.key() + " " + p.getName())) continue;
      int at = consumer.path().indexOf("{" + p.getName() + "}");
      if (at <= 1) continue;
      String collection = consumer.path().substring(0, at - 1);
      for (ApiOperation producer : ops) {
        if (!producer.method().equals("POST") || !producer.path().equals(collection)) continue;
        String field = field(producer, p.getName());
        if (field == null) continue;
        String segment = collection.substring(collection.lastIndexOf('/') + 1);
        String name = field.equals("id") && p.getName().equals("id") ? SavedNames.singular(SavedNames.snake(segment)) + "_id" : SavedNames.snake(p.getName());
        byParameter.put(consumer.key() + " " + p.getName(), new Source(producer, Save.json("$." + field), name));
        break;
      }
    }
  }

  /** The top-level field of the producer's JSON answer that holds {@code parameter}: its own name, or {@code id}. */
  private static String field(ApiOperation producer, String parameter) {
    if (producer.operation().getResponses() == null) return null;
    for (Map.Entry<String, ApiResponse> r : producer.operation().getResponses().entrySet()) {
      if (!r.getKey().startsWith("2") || r.getValue().getContent() == null) continue;
      for (MediaType m : r.getValue().getContent().values()) {
        Schema<?> s = m.getSchema();
        if (s == null || s.getProperties() == null) continue;
        if (s.getProperties().containsKey(parameter)) return parameter;
        if (s.getProperties().containsKey("id")) return "id";
      }
    }
    return null;
  }
}
