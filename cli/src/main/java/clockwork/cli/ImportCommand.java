package clockwork.cli;

import clockwork.cli.compose.ComposeException;
import clockwork.cli.compose.ComposeImport;
import clockwork.engine.Engine;
import clockwork.engine.error.ExitCode;
import clockwork.engine.state.StateLock;
import clockwork.spi.Adoption;
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

/** Takes what exists into state, or writes a main.java from what another tool declares. */
@Command(
    name = "import",
    description =
        "Takes an existing container that main.java declares into state (import ID), as Terraform's"
            + " import does; or writes a main.java from a compose file (import compose).",
    subcommands = ImportCommand.Compose.class)
final class ImportCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "ID",
      description =
          "The declared resource whose container exists already: one a lost .clockwork/ left, or"
              + " one made by hand. The next apply makes it again as declared, with Clockwork's"
              + " labels.")
  String id;

  @Override
  public Integer call() throws Exception {
    if (id == null) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "Say what to import: clockwork import ID (a container main.java declares) or clockwork"
              + " import compose [FILE]");
    }
    Engine engine = main.engine(1, null, spec);
    engine.requireSource();
    try (StateLock lock = engine.lock("import")) {
      Adoption adopted = engine.adopt(id, lock);
      var out = spec.commandLine().getOut();
      out.println(
          "Imported "
              + id
              + ": state holds "
              + String.join(", ", adopted.artifacts()).replace(":", " ")
              + " as its own.");
      if (adopted.projectId() != null) {
        out.println(
            "It was made by this project before its state was lost: the project is "
                + adopted.projectId()
                + " again, and the next apply takes back what it made as declared.");
      }
      out.println("clockwork plan shows what it takes to make it as declared.");
    }
    return ExitCode.OK.code();
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
