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
  @Mixin ShowOptions show;
  @Mixin ModelOptions model;
  @Mixin ChangeOptions options;
  @Mixin JsonOption output;
  @Mixin TargetOption target;

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
    output.requireApproved(options.yes, spec);
    var progress = output.progress(spec);
    Engine engine = main.engine(options.parallelism(spec), model, progress, spec);
    engine.requireSource();
    var confirmation = new Confirmation(options.yes, main.terminal, spec);
    var document = new JsonDocument("apply");
    try (StateLock lock = engine.lock("apply")) {
      Plan plan = target.narrow(engine.plan(lock), false, spec);
      document.plan(plan);
      var out = spec.commandLine().getOut();
      if (!output.json) {
        out.print(show.renderer(main).render(plan, "No changes: reality matches main.java."));
      }
      boolean applied = true;
      if (plan.hasChanges()) {
        if (!confirmation.confirmed("Apply these changes?")) return ExitCode.FAILED.code();
        ApplyResult result = engine.apply(plan, lock);
        document.result(result);
        if (!output.json) out.print(ResultRenderer.render("Apply", result));
        applied = result.succeeded();
      }
      boolean passed = true;
      if (verify && applied) {
        List<AssertionResult> results = engine.verify();
        document.assertions(results);
        if (!output.json) out.print("\n" + AssertionRenderer.table(results));
        passed = AssertionRenderer.passed(results);
      }
      if (output.json) out.print(document.text());
      if (watch && applied) ServiceCommand.watch(main.dir.toAbsolutePath().normalize(), progress);
      return (applied && passed ? ExitCode.OK : ExitCode.FAILED).code();
    }
  }
}
