package horde.server;

/** A request the API refuses: its HTTP status and a message for the caller (sent as {@code {"error": ...}}). */
final class ApiError extends Exception {
  final int status;

  ApiError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, message);
  }

  static ApiError notFound(String message) {
    return new ApiError(404, message);
  }
}
