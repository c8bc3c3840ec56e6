package clockwork.cli;

import clockwork.engine.event.Event;
import clockwork.engine.event.EventListener;
import clockwork.spi.Sensitive;
import java.io.PrintWriter;
import java.time.Duration;

/** Prints the engine's events as they come: progress to standard output, notes to errors. */
final class ProgressPrinter implements EventListener {
  private final PrintWriter out;
  private final PrintWriter err;

  ProgressPrinter(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public synchronized void on(Event event) {
    switch (event) {
      case Event.Compiling(String source, String reason) ->
          err.println("Compiling " + source + " (" + reason + ")");
      case Event.Progress(String id, String message) ->
          out.println(Sensitive.redact(id == null ? message : id + ": " + message));
      case Event.ChangeStarted(String id, var action) ->
          out.println(id + ": " + Verbs.ing(action) + "...");
      case Event.ChangeDone(String id, var action, Duration took) ->
          out.println(id + ": " + Verbs.ed(action) + " in " + format(took));
      case Event.ChangeFailed(String id, var action, String message) ->
          out.println(id + ": could not " + Verbs.base(action) + ": " + message);
      case Event.ChangeSkipped(String id, var action, String failed) ->
          out.println(id + ": skipped, because " + failed + " failed");
      case Event.Forgotten(String id) -> out.println(id + ": kept in place and forgotten");
    }
    out.flush();
    err.flush();
  }

  private static String format(Duration took) {
    long millis = took.toMillis();
    return millis < 1000 ? millis + " ms" : String.format("%.1f s", millis / 1000.0);
  }
}
