package horde.template;

import java.util.random.RandomGenerator;

/** What a template sees when it renders: one virtual user's state. Called on that user's thread. */
public interface Scope {
  /** The value in a variable slot, or null when nothing has been saved there yet. */
  String variable(int slot);

  /** A column of the feeder row this user holds now, or null when it holds none. */
  String feederValue(int feeder, int column);

  /** The virtual user's number, from 1. */
  long userId();

  /** How many task iterations this user has started, from 1. */
  long iteration();

  RandomGenerator random();

  /** The value of the user's cookie of this name, or null when it holds none (or keeps no cookies). */
  default String cookie(String name) {
    return null;
  }
}
