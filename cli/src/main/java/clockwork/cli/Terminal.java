package clockwork.cli;

import java.io.Console;
import java.io.IOException;

/**
 * Where confirmations are asked and output is read: a person at a terminal (who also gets colour
 * and live progress), or nobody.
 */
interface Terminal {
  /** How wide output is when the terminal does not say. */
  int WIDTH = 100;

  /** Whether a person can answer, and reads the output. */
  boolean interactive();

  /** How many columns output has: the terminal's, {@code COLUMNS}, or {@value #WIDTH}. */
  default int columns() {
    try {
      return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", ""));
    } catch (NumberFormatException e) {
      return WIDTH;
    }
  }

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
      public int columns() {
        // the JDK cannot ask the terminal its size; stty can
        try {
          Process stty =
              new ProcessBuilder("stty", "size")
                  .redirectInput(ProcessBuilder.Redirect.INHERIT)
                  .redirectError(ProcessBuilder.Redirect.DISCARD)
                  .start();
          String[] size = new String(stty.getInputStream().readAllBytes()).trim().split(" ");
          return stty.waitFor() == 0 ? Integer.parseInt(size[1]) : Terminal.super.columns();
        } catch (IOException | RuntimeException e) {
          return Terminal.super.columns();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Terminal.super.columns();
        }
      }

      @Override
      public String ask(String question) {
        return console.readLine("%s", question);
      }
    };
  }
}
