package horde.protocol.http;

/** Where an exchange waits for a connection (or a stream) to be free. */
interface ExchangeQueue {
  /** The exchange gave up (timeout, cancel): it no longer waits. */
  void forget(HttpExchange ex);
}
