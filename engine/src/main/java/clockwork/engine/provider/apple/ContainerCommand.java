package clockwork.engine.provider.apple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Apple's {@code container} command, found on {@code PATH}. */
final class ContainerCommand {
  private static final long TIMEOUT_MINUTES = 10;

  /** What a run of the command printed, and how it ended. */
  record Result(int exitCode, String out, String err) {}

  private volatile boolean checked;

  /**
   * Runs {@code container} with these arguments and waits for it.
   *
   * @throws IllegalStateException when the command is not there, saying what it needs
   */
  Result run(List<String> arguments) throws IOException, InterruptedException {
    var command = new ArrayList<String>();
    command.add("container");
    command.addAll(arguments);
    Process process;
    try {
      process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "AppleContainerResource needs Apple's container command, which runs on macOS 26 on Apple"
              + " silicon (github.com/apple/container); there is none on the PATH of this "
              + System.getProperty("os.name")
              + " machine: install it, or use DockerResource here",
          e);
    }
    process.getOutputStream().close();
    var out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
    var err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IOException("container " + arguments.getFirst() + " did not finish");
    }
    return new Result(process.exitValue(), out.join(), err.join());
  }

  /** Runs it and fails, with its message, unless it succeeded. */
  String check(List<String> arguments) throws IOException, InterruptedException {
    Result result = run(arguments);
    if (result.exitCode() != 0) {
      throw new IOException(
          "container "
              + arguments.getFirst()
              + " failed: "
              + (result.err().isBlank() ? result.out() : result.err()).strip());
    }
    return result.out();
  }

  /** Checks once that the command is there and answers. */
  void requireAvailable() throws IOException, InterruptedException {
    if (checked) return;
    check(List.of("--version"));
    checked = true;
  }

  private static String read(InputStream stream) {
    try {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
