package clockwork.cli;

import java.io.Console;

/** Where confirmations are asked: a person at a terminal, or nobody. */
interface Terminal {
  /** Whether a person can answer. */
  boolean interactive();

  /** Asks and returns the answer; {@code null} at the end of input. */
  String ask(String question);

  /** The process's own terminal, when standard input is one. */
  static Terminal system() {
    Console console = System.console();
    boolean interactive = console != null && console.isTerminal();
    return new Terminal() {
      @Override
      public boolean interactive() {
        return interactive;
      }

      @Override
      public String ask(String question) {
        return console.readLine("%s", question);
      }
    };
  }
}
