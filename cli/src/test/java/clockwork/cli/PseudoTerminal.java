package clockwork.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged launcher run on a real pseudo-terminal, made by script(1), as a person at a terminal
 * runs it: what is typed goes to the terminal (Ctrl-C included), and its output is read as it
 * comes.
 */
final class PseudoTerminal {
  private static final String LAUNCHER = System.getProperty("clockwork.launcher");

  private final Process process;
  private final StringBuffer output = new StringBuffer();
  private final Thread reader;

  private PseudoTerminal(Process process) {
    this.process = process;
    this.reader = Thread.ofPlatform().daemon().start(this::read);
  }

  /** Starts {@code clockwork ARGS} in a directory, with more environment variables. */
  static PseudoTerminal start(Path dir, Map<String, String> environment, String... args) {
    var command = new ArrayList<>(List.of(LAUNCHER));
    command.addAll(List.of(args));
    var builder =
        new ProcessBuilder("script", "-qefc", String.join(" ", command), "/dev/null")
            .directory(dir.toFile())
            .redirectErrorStream(true);
    builder
        .environment()
        .keySet()
        .removeIf(name -> name.startsWith("CW_") || name.equals("NO_COLOR"));
    builder.environment().putAll(environment);
    try {
      return new PseudoTerminal(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Types on the terminal: "\u0003" is Ctrl-C. */
  PseudoTerminal type(String text) {
    try {
      process.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Waits until the output so far holds {@code text}. */
  PseudoTerminal await(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!output.toString().contains(text)) {
      if (System.nanoTime() > deadline || !process.isAlive() && !reader.isAlive()) {
        throw new AssertionError("no \"" + text + "\" on the terminal; it shows:\n" + output);
      }
      Thread.sleep(50);
    }
    return this;
  }

  /** Waits for the command to end; what the terminal showed, with its line ends as \n. */
  CliResult finish() throws InterruptedException {
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("clockwork did not finish within 120 s; it shows:\n" + output);
    }
    reader.join(10_000);
    return new CliResult(process.exitValue(), output.toString().replace("\r\n", "\n"), "");
  }

  private void read() {
    try (InputStream in = process.getInputStream()) {
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      output.append("\n(could not read the terminal: ").append(e.getMessage()).append(")");
    }
  }
}
