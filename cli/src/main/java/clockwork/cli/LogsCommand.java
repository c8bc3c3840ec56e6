package clockwork.cli;

import clockwork.engine.Engine;
import clockwork.engine.error.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "logs",
    description =
        "Prints the log of the container a resource runs as (standard output and error), from"
            + " state alone; --follow keeps printing until the container stops or Ctrl-C.")
final class LogsCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "The resource's id, as clockwork ps shows it.")
  String id;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing what the container writes.")
  boolean follow;

  @Override
  public Integer call() throws Exception {
    Engine engine = main.engine(1, null, spec);
    StateCommand.entry(engine.state(), id, spec);
    var out = spec.commandLine().getOut();
    Engine.Logs logs =
        engine.logs(
            id,
            follow,
            chunk -> {
              out.print(chunk);
              out.flush();
            });
    return switch (logs) {
      case SHOWN -> ExitCode.OK.code();
      case RUNS_NO_CONTAINER ->
          throw new CommandLine.ParameterException(
              spec.commandLine(),
              "\"" + id + "\" runs no container, so it has no log: clockwork ps shows what does");
      case CONTAINER_MISSING -> {
        spec.commandLine()
            .getErr()
            .println(
                main.colours().red("Error:")
                    + " the container of \""
                    + id
                    + "\" is not there (removed outside Clockwork?): clockwork plan shows it,"
                    + " clockwork apply makes it again");
        yield ExitCode.FAILED.code();
      }
    };
  }
}
