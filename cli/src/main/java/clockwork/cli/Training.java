package clockwork.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The build's training run for the JVM's AOT cache, which {@code bin/clockwork} starts every
 * command with: the commands people run most, on two small projects in a scratch directory, so that
 * the classes they use (picocli, javac for main.java, Jackson, docker-java) are loaded, linked and
 * profiled in the cache rather than at each start. Nothing outside the scratch directory changes:
 * the container project is only planned.
 *
 * <p>Arguments: the scratch directory, and the cache the JVM writes at exit, beside which this
 * writes the path of the Java that made it: the launcher uses the cache only with that Java.
 */
final class Training {
  private Training() {}

  public static void main(String[] args) throws IOException {
    Path scratch = Path.of(args[0]).toAbsolutePath();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java").toRealPath();
    Files.writeString(Path.of(args[1] + ".java"), java + "\n");
    Path files = project(scratch.resolve("files"), FILES);
    Path containers = project(scratch.resolve("containers"), CONTAINERS);
    run("validate", "--dir", files.toString());
    run("apply", "--yes", "--dir", files.toString());
    run("plan", "--dir", files.toString());
    run("destroy", "--yes", "--dir", files.toString());
    // without an engine this ends at "cannot reach the Docker engine", having loaded the provider
    run("plan", "--dir", containers.toString());
  }

  private static final String FILES =
      """
      import clockwork.*;
      import clockwork.resources.*;

      void main() {
          var readme = new FileResource("README.md").directory("scratch").content("# Trained\\n");
          var config = new FileResource("config").path("scratch/app.properties").content("a=b\\n");
          Clockwork.declare(readme, config);
      }
      """;

  private static final String CONTAINERS =
      """
      import clockwork.*;
      import clockwork.resources.*;

      void main() {
          Clockwork.declare(new DockerResource("web").image("clockwork-training/none:1")
              .ports("18080:80").envVar("MODE", "training"));
      }
      """;

  private static Path project(Path dir, String main) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("main.java"), main);
    return dir;
  }

  private static void run(String... args) {
    var output = new PrintWriter(new StringWriter());
    Main.execute(args, output, output, Terminal.system());
  }
}
