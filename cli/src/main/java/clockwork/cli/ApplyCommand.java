package clockwork.cli;

import clockwork.engine.Engine;
import clockwork.engine.apply.ApplyResult;
import clockwork.engine.error.ExitCode;
import clockwork.engine.plan.Plan;
import clockwork.engine.state.StateLock;
import clockwork.engine.verify.AssertionResult;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "apply", description = "Makes reality match main.java, after showing the plan.")
final class ApplyCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;
  @Mixin ModelOptions model;
  @Mixin ChangeOptions options;

  @Option(
      names = "--assert",
      description = "Check every resource's assertions after applying, as clockwork assert does.")
  boolean verify;

  @Option(
      names = "--watch",
      description =
          "Then have the reconciliation service watch the project, as clockwork service register"
              + " does (starting the service when none runs).")
  boolean watch;

  @Override
  public Integer call() {
    Engine engine = main.engine(options.parallelism(spec), model, spec);
    engine.requireSource();
    var confirmation = new Confirmation(options.yes, main.terminal, spec);
    try (StateLock lock = engine.lock("apply")) {
      Plan plan = engine.plan(lock);
      var out = spec.commandLine().getOut();
      out.print(PlanRenderer.render(plan, "No changes: reality matches main.java."));
      if (plan.hasChanges()) {
        if (!confirmation.confirmed("Apply these changes?")) return ExitCode.FAILED.code();
        ApplyResult result = engine.apply(plan, lock);
        out.print(ResultRenderer.render("Apply", result));
        if (!result.succeeded()) return ExitCode.FAILED.code();
      }
      boolean passed = true;
      if (verify) {
        List<AssertionResult> results = engine.verify();
        out.print("\n" + AssertionRenderer.table(results));
        passed = AssertionRenderer.passed(results);
      }
      if (watch) ServiceCommand.watch(main.dir.toAbsolutePath().normalize(), out);
      return (passed ? ExitCode.OK : ExitCode.FAILED).code();
    }
  }
}
