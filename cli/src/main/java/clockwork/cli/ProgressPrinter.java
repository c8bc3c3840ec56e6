package clockwork.cli;

import clockwork.engine.event.Event;
import clockwork.engine.event.EventListener;
import clockwork.spi.Action;
import clockwork.spi.Sensitive;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prints the engine's events as they come: progress to standard output, notes to errors. During an
 * apply each finished change is counted ({@code [2/5]}), and a change slower than {@value
 * #SLOW_SECONDS} s gets a heartbeat: on a terminal a status line redrawn each second, elsewhere a
 * line every {@value #PLAIN_BEAT_SECONDS} s. Ctrl-C during an apply says what was in flight, and
 * how the next command finishes it.
 */
final class ProgressPrinter implements EventListener {
  static final int SLOW_SECONDS = 3;
  static final int PLAIN_BEAT_SECONDS = 10;

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean live;
  private final Colours colours;
  private final String again;

  /** The changes in flight, by resource, with when each started (System.nanoTime). */
  private final Map<String, InFlight> inFlight = new LinkedHashMap<>();

  private int total;
  private int finished;
  private boolean statusShown;
  private ScheduledExecutorService ticker;
  private Thread onInterrupt;

  private record InFlight(Action action, long started) {}

  /**
   * @param live whether output is a terminal, where a status line can be redrawn
   * @param again the command that finishes an interrupted one, such as {@code clockwork apply}
   */
  ProgressPrinter(PrintWriter out, PrintWriter err, boolean live, Colours colours, String again) {
    this.out = out;
    this.err = err;
    this.live = live;
    this.colours = colours;
    this.again = again;
  }

  @Override
  public synchronized void on(Event event) {
    clearStatus();
    switch (event) {
      case Event.Compiling(String source, String reason) ->
          err.println("Compiling " + source + " (" + reason + ")");
      case Event.Progress(String id, String message) ->
          out.println(Sensitive.redact(id == null ? message : id + ": " + message));
      case Event.ApplyStarted(int changes) -> start(changes);
      case Event.ApplyEnded() -> end();
      case Event.ChangeStarted(String id, var action) -> {
        inFlight.put(id, new InFlight(action, System.nanoTime()));
        out.println(id + ": " + Verbs.ing(action) + "...");
      }
      case Event.ChangeDone(String id, var action, Duration took) ->
          finished(
              id, colours.green("✓") + " " + id + ": " + Verbs.ed(action) + " in " + format(took));
      case Event.ChangeFailed(String id, var action, String message) ->
          finished(
              id,
              colours.red("✗") + " " + id + ": could not " + Verbs.base(action) + ": " + message);
      case Event.ChangeSkipped(String id, var action, String failed) ->
          finished(id, id + ": skipped, because " + failed + " failed");
      case Event.Forgotten(String id) -> finished(id, id + ": kept in place and forgotten");
    }
    showStatus();
    out.flush();
    err.flush();
  }

  private void finished(String id, String line) {
    inFlight.remove(id);
    finished++;
    out.println(total > 0 ? "[" + finished + "/" + total + "] " + line : line);
  }

  private void start(int changes) {
    total = changes;
    finished = 0;
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("progress").factory());
    ticker.scheduleAtFixedRate(this::beat, 1, 1, TimeUnit.SECONDS);
    onInterrupt = new Thread(this::interrupted, "progress-interrupted");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
  }

  private void end() {
    if (ticker != null) ticker.shutdownNow();
    ticker = null;
    if (onInterrupt != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(onInterrupt);
      } catch (IllegalStateException e) {
        // shutting down already: the hook runs
      }
    }
    onInterrupt = null;
    total = 0;
  }

  /** Each second: redraws the status line, or prints a plain line every so often. */
  private synchronized void beat() {
    if (live) {
      clearStatus();
      showStatus();
    } else {
      for (var change : inFlight.entrySet()) {
        long seconds = seconds(change.getValue());
        if (seconds >= PLAIN_BEAT_SECONDS && seconds % PLAIN_BEAT_SECONDS == 0) {
          out.println(change.getKey() + ": " + still(change.getValue(), seconds));
        }
      }
    }
    out.flush();
  }

  /** On a terminal: one line under the others naming the slow changes, redrawn in place. */
  private void showStatus() {
    if (!live || ticker == null) return;
    var slow = new StringBuilder();
    for (var change : inFlight.entrySet()) {
      long seconds = seconds(change.getValue());
      if (seconds < SLOW_SECONDS) continue;
      slow.append(slow.isEmpty() ? "" : "; ")
          .append(change.getKey())
          .append(": ")
          .append(still(change.getValue(), seconds));
    }
    if (slow.isEmpty()) return;
    out.print(colours.dim("[" + finished + "/" + total + "] " + slow));
    statusShown = true;
  }

  private void clearStatus() {
    if (!statusShown) return;
    out.print("\r\u001b[K");
    statusShown = false;
  }

  /** Ctrl-C (or a kill) during an apply: what was in flight, and what comes next. */
  private synchronized void interrupted() {
    clearStatus();
    err.println();
    if (inFlight.isEmpty()) {
      err.println("Interrupted between changes.");
    } else {
      err.println(
          "Interrupted while "
              + String.join(
                  ", ",
                  inFlight.entrySet().stream()
                      .map(c -> Verbs.ing(c.getValue().action()) + " " + c.getKey())
                      .toList())
              + ".");
    }
    err.println(
        "State holds every change that finished ("
            + finished
            + " of "
            + total
            + "). Run "
            + again
            + " again: its plan shows what is left, and it finishes any change cut short"
            + " (removing what that change left half-made).");
    err.flush();
  }

  private static long seconds(InFlight change) {
    return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - change.started());
  }

  private static String still(InFlight change, long seconds) {
    return "still " + Verbs.ing(change.action()) + "… " + seconds + " s";
  }

  private static String format(Duration took) {
    long millis = took.toMillis();
    return millis < 1000 ? millis + " ms" : String.format("%.1f s", millis / 1000.0);
  }
}
