package horde.cli;

/** Console wording shared by the commands. */
final class Words {
  private Words() {}

  /** {@code 1 user}, {@code 2 users}: a number with the noun that agrees with it. */
  static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
