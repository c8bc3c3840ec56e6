package clockwork.cli;

import clockwork.engine.Engine;
import clockwork.engine.apply.ApplyResult;
import clockwork.engine.error.ExitCode;
import clockwork.engine.state.StateLock;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "reap",
    description =
        "Removes what has outlived its policy's maxDuration, and what depends on it, as the"
            + " service does; nothing without a maxDuration is ever removed.")
final class ReapCommand implements Callable<Integer> {
  private static final String NOTHING = "Nothing has outlived its maxDuration.";

  @ParentCommand Main main;
  @Spec CommandSpec spec;
  @Mixin ShowOptions show;
  @Mixin ChangeOptions options;

  @Option(names = "--dry-run", description = "List what would be removed, and remove nothing.")
  boolean dryRun;

  @Override
  public Integer call() {
    Engine engine = main.engine(options.parallelism(spec), null, spec);
    var out = spec.commandLine().getOut();
    Engine.Reap reap = engine.planReap();
    if (reap.reasons().isEmpty()) {
      out.println(NOTHING);
      return ExitCode.OK.code();
    }
    if (dryRun) {
      list(reap, out);
      out.println("Dry run: nothing was removed.");
      return ExitCode.OK.code();
    }
    var confirmation = new Confirmation(options.yes, main.terminal, spec);
    try (StateLock lock = engine.lock("reap")) {
      reap = engine.planReap();
      if (reap.reasons().isEmpty()) {
        out.println(NOTHING);
        return ExitCode.OK.code();
      }
      list(reap, out);
      if (!confirmation.confirmed("Remove all of these?")) return ExitCode.FAILED.code();
      ApplyResult result = engine.apply(reap.plan(), lock);
      out.print(ResultRenderer.render("Reap", result));
      return (result.succeeded() ? ExitCode.OK : ExitCode.FAILED).code();
    }
  }

  private void list(Engine.Reap reap, PrintWriter out) {
    out.println("Expired:");
    reap.reasons().forEach((id, why) -> out.println("  - " + id + ": " + why));
    out.print(show.renderer(main).render(reap.plan(), NOTHING));
  }
}
