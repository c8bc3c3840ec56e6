package clockwork.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged launcher, bin/clockwork, as a user would: in a project directory. */
final class Launcher {
  private static final Path LAUNCHER = Path.of(System.getProperty("clockwork.launcher"));

  private Launcher() {}

  /** A clockwork command that was started, with where its output goes. */
  record Running(Process process, Path out, Path err) {
    /** Waits for it to end and collects what it printed. */
    CliResult finish() {
      try {
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new AssertionError("clockwork did not finish within 120 s");
        }
        return new CliResult(process.exitValue(), Files.readString(out), Files.readString(err));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** Starts clockwork in a directory, with no terminal on its input; the caller waits for it. */
  static Running start(Path dir, String... args) {
    return start(dir, Map.of(), args);
  }

  /** Starts clockwork with more environment variables. */
  static Running start(Path dir, Map<String, String> environment, String... args) {
    return start(LAUNCHER, dir, environment, args);
  }

  private static Running start(
      Path launcher, Path dir, Map<String, String> environment, String... args) {
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    command.addAll(List.of(args));
    try {
      Path out = Files.createTempFile("clockwork-out", ".txt");
      Path err = Files.createTempFile("clockwork-err", ".txt");
      out.toFile().deleteOnExit();
      err.toFile().deleteOnExit();
      var builder =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      // a developer's own model settings must never reach a test: no hosted model is ever called
      builder.environment().keySet().removeIf(name -> name.startsWith("CW_"));
      builder.environment().putAll(environment);
      Process process = builder.start();
      return new Running(process, out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs clockwork in a directory to the end. */
  static CliResult run(Path dir, String... args) {
    return start(dir, args).finish();
  }

  /** Runs clockwork to the end, with more environment variables. */
  static CliResult run(Path dir, Map<String, String> environment, String... args) {
    return start(dir, environment, args).finish();
  }

  /** The launcher the tests run: bin/clockwork of the source checkout. */
  static Path path() {
    return LAUNCHER;
  }

  /** Runs another copy of the launcher, such as one in an unpacked distribution. */
  static CliResult runCopy(
      Path launcher, Path dir, Map<String, String> environment, String... args) {
    return start(launcher, dir, environment, args).finish();
  }
}
