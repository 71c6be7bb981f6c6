package horde.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One chat thread: its title and its latest messages. Only the last {@link #KEPT} messages are kept
 * (a sliding context window), and an assistant answer is stored as the seed and length that
 * regenerate it, so a conversation costs a few hundred bytes whatever the answers' length.
 */
final class Conversation {
  /** Messages kept per conversation; older ones fall out of the history and the context. */
  static final int KEPT = 20;

  /** Longer user messages are stored cut to this many characters. */
  static final int MAX_STORED_CHARS = 1000;

  /**
   * A message; {@code text} is null for an answer, regenerated from {@code seed}.
   *
   * @param created epoch seconds
   */
  record Message(String id, String role, String text, long seed, int tokens, long created) {
    String content() {
      return text != null ? text : Prose.join(Prose.tokens(new SplittableRandom(seed), tokens));
    }
  }

  final String id;
  final String title;

  /** Epoch seconds. */
  final long created;

  private final ArrayDeque<Message> messages = new ArrayDeque<>();
  private int contextTokens;

  Conversation(String id, String title, long created) {
    this.id = id;
    this.title = title;
    this.created = created;
  }

  /** Tokens in the kept messages: the context a new question is asked in. */
  synchronized int contextTokens() {
    return contextTokens;
  }

  /** Appends a message, dropping the oldest beyond {@link #KEPT}. */
  synchronized void add(Message message) {
    if (message.text != null && message.text.length() > MAX_STORED_CHARS) {
      message =
          new Message(
              message.id,
              message.role,
              message.text.substring(0, MAX_STORED_CHARS),
              0,
              message.tokens,
              message.created);
    }
    messages.addLast(message);
    contextTokens += message.tokens;
    if (messages.size() > KEPT) contextTokens -= messages.removeFirst().tokens;
  }

  /** The kept messages, oldest first. */
  synchronized List<Message> messages() {
    return new ArrayList<>(messages);
  }
}
