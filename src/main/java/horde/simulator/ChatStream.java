package horde.simulator;

/**
 * The server-sent events of a streaming chat completion: headers when admitted, one {@code
 * chat.completion.chunk} per token carrying {@code choices[0].delta.content}, each flushed on its
 * own; then a chunk with the {@code finish_reason}, the usage chunk when asked for, and {@code
 * data: [DONE]}. The usage counts exactly the content chunks sent.
 */
final class ChatStream implements Inference.Listener {
  private final Exchange ex;
  private final String[] tokens;
  private final int prompt;
  private final String finishReason;
  private final boolean includeUsage;

  /** Everything before the delta, the same in every chunk: built once per stream. */
  private final String head;

  ChatStream(
      Exchange ex,
      String id,
      long created,
      String model,
      String[] tokens,
      int prompt,
      String finishReason,
      boolean includeUsage) {
    this.ex = ex;
    this.tokens = tokens;
    this.prompt = prompt;
    this.finishReason = finishReason;
    this.includeUsage = includeUsage;
    this.head =
        "{\"id\":"
            + Json.quote(id)
            + ",\"object\":\"chat.completion.chunk\",\"created\":"
            + created
            + ",\"model\":"
            + Json.quote(model)
            + ",\"choices\":[";
  }

  @Override
  public void admitted() {
    ex.startStream();
  }

  @Override
  public void token(int index) {
    // Prose tokens are letters, digits, spaces and full stops: nothing to escape.
    String role = index == 0 ? "\"role\":\"assistant\"," : "";
    ex.event(
        head
            + "{\"index\":0,\"delta\":{"
            + role
            + "\"content\":\""
            + tokens[index]
            + "\"},\"finish_reason\":null}]}",
        true);
  }

  @Override
  public void finished() {
    ex.event(
        head + "{\"index\":0,\"delta\":{},\"finish_reason\":\"" + finishReason + "\"}]}", false);
    if (includeUsage) {
      ex.event(head + "],\"usage\":" + Json.usage(prompt, tokens.length) + "}", false);
    }
    ex.event("[DONE]", false);
    ex.endStream();
  }
}
