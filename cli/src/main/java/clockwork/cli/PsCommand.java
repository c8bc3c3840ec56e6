package clockwork.cli;

import clockwork.engine.Engine;
import clockwork.engine.error.ExitCode;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "ps",
    description =
        "Lists each declared resource as it is now: a container's status, health and published"
            + " ports as its engine says, and when it was first made.")
final class PsCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    List<Engine.Status> rows = main.engine(1, null, spec).status();
    int width = rows.stream().mapToInt(r -> r.id().length()).max().orElse(2);
    var out = spec.commandLine().getOut();
    String format = "%-" + Math.max(width, 2) + "s  %-10s  %-20s  %-16s  %s%n";
    out.printf(format, "ID", "KIND", "STATUS", "PORTS", "MADE");
    for (Engine.Status row : rows) {
      out.printf(
          format,
          row.id(),
          row.kind(),
          row.status() + (row.health() == null ? "" : " (" + row.health() + ")"),
          row.ports().isEmpty() ? "-" : String.join(",", row.ports()),
          row.madeAt() == null ? "-" : row.madeAt());
    }
    return ExitCode.OK.code();
  }
}
