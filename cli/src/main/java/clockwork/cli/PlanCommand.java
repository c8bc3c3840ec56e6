package clockwork.cli;

import clockwork.engine.Engine;
import clockwork.engine.error.ExitCode;
import clockwork.engine.plan.Plan;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "plan",
    description =
        "Shows what apply would change: main.java compared with state and with what really exists.")
final class PlanCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;
  @Mixin ShowOptions show;
  @Mixin ModelOptions model;
  @Mixin JsonOption output;
  @Mixin TargetOption target;

  @Option(
      names = "--detailed-exitcode",
      description = "Exit 2 when there are changes, 0 when there are none.")
  boolean detailedExitCode;

  @Override
  public Integer call() {
    Engine engine = main.engine(1, model, output.progress(spec), spec);
    Plan plan = target.narrow(engine.plan(), false, spec);
    spec.commandLine()
        .getOut()
        .print(
            output.json
                ? new JsonDocument("plan").plan(plan).text()
                : show.renderer(main).render(plan, "No changes: reality matches main.java."));
    return (detailedExitCode && plan.hasChanges() ? ExitCode.CHANGES : ExitCode.OK).code();
  }
}
