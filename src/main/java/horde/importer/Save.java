package horde.importer;

/** Where a {@code save:} takes its value: a JSONPath into the body, or a response header. */
public record Save(String jsonPath, String header) {
  static Save json(String path) {
    return new Save(path, null);
  }

  static Save header(String name) {
    return new Save(null, name);
  }
}
