package clockwork.cli;

import clockwork.cli.compose.ComposeException;
import clockwork.cli.compose.ComposeImport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Writes a main.java from what another tool declares. */
@Command(
    name = "import",
    description = "Writes a main.java from another tool's files.",
    subcommands = ImportCommand.Compose.class)
final class ImportCommand implements Runnable {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Say what to import from: clockwork import compose [FILE]");
  }

  /** The names docker compose looks for, in its order. */
  private static final List<String> COMPOSE_FILES =
      List.of("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml");

  @Command(
      name = "compose",
      description =
          "Writes main.java in the project directory from a compose file: a DockerResource per"
              + " service, and a resource per build, volume, network and mounted project file."
              + " What Clockwork cannot say stays as a comment where it was. An existing main.java"
              + " is never overwritten.")
  static final class Compose implements Callable<Integer> {
    @ParentCommand ImportCommand command;
    @Spec CommandSpec spec;

    @Parameters(
        arity = "0..1",
        paramLabel = "FILE",
        description =
            "The compose file (default: compose.yaml, compose.yml, docker-compose.yaml or"
                + " docker-compose.yml in the project directory).")
    Path file;

    @Override
    public Integer call() throws IOException {
      Path dir = command.main.dir.toAbsolutePath().normalize();
      Path compose = file != null ? file.toAbsolutePath().normalize() : found(dir);
      Path target = dir.resolve("main.java");
      if (Files.exists(target)) {
        throw new ComposeException(
            "main.java exists in "
                + dir
                + " and Clockwork never overwrites it: move it away, or import into another"
                + " directory with --dir");
      }
      ComposeImport.Result result = ComposeImport.convert(compose, dir);
      Files.createDirectories(dir);
      Files.writeString(target, result.mainJava(), StandardOpenOption.CREATE_NEW);
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          "Wrote "
              + target
              + ": "
              + result.resources()
              + " resources from "
              + compose.getFileName()
              + ".");
      if (!result.notCarried().isEmpty()) {
        out.println(
            result.notCarried().size()
                + " settings not carried over, each a comment \"not carried over\" in main.java:");
        result.notCarried().forEach(setting -> out.println("  " + setting));
      }
      out.println(
          "Next: clockwork plan"
              + (command.main.dir.toString().isEmpty() ? "" : " --dir " + command.main.dir));
      return 0;
    }

    private static Path found(Path dir) {
      for (String name : COMPOSE_FILES) {
        if (Files.isRegularFile(dir.resolve(name))) return dir.resolve(name);
      }
      throw new ComposeException(
          "no compose file in "
              + dir
              + ": give its path (clockwork import compose FILE), or run in the directory that"
              + " holds compose.yaml or docker-compose.yml");
    }
  }
}
