package clockwork.cli;

import clockwork.engine.error.ExitCode;
import clockwork.engine.verify.AssertionResult;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "assert",
    description =
        "Checks the assertions of every resource against what is deployed, changing nothing;"
            + " exits 1 when one fails.")
final class AssertCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;
  @Mixin ModelOptions model;

  @Mixin JsonOption output;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    List<AssertionResult> results = main.engine(1, model, output.progress(spec), spec).verify();
    out.print(
        output.json
            ? new JsonDocument("assert").assertions(results).text()
            : AssertionRenderer.table(results));
    return AssertionRenderer.passed(results) ? ExitCode.OK.code() : ExitCode.FAILED.code();
  }
}
