package clockwork.cli;

import clockwork.engine.Engine;
import clockwork.engine.apply.ApplyResult;
import clockwork.engine.error.ExitCode;
import clockwork.engine.plan.Plan;
import clockwork.engine.state.StateLock;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "destroy",
    description =
        "Removes everything Clockwork made for the project, and nothing else. Works from state"
            + " alone: main.java is not read.")
final class DestroyCommand implements Callable<Integer> {
  private static final String NOTHING = "Nothing to destroy: state records nothing Clockwork made.";

  @ParentCommand Main main;
  @Spec CommandSpec spec;
  @Mixin ShowOptions show;
  @Mixin ChangeOptions options;
  @Mixin JsonOption output;
  @Mixin TargetOption target;

  @Option(
      names = "--keep-files",
      description = "Leave the files of file resources in place; Clockwork only forgets them.")
  boolean keepFiles;

  @Override
  public Integer call() {
    if (!Files.isDirectory(main.dir)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--dir \""
              + main.dir
              + "\" is not a directory: point it at the project directory, the one holding"
              + " main.java");
    }
    output.requireApproved(options.yes, spec);
    Engine engine = main.engine(options.parallelism(spec), null, output.progress(spec), spec);
    var out = spec.commandLine().getOut();
    var document = new JsonDocument("destroy");
    if (!engine.planDestroy(keepFiles).hasChanges()) {
      out.print(output.json ? document.plan(engine.planDestroy(keepFiles)).text() : NOTHING + "\n");
      return ExitCode.OK.code();
    }
    var confirmation = new Confirmation(options.yes, main.terminal, spec);
    try (StateLock lock = engine.lock("destroy")) {
      Plan plan = target.narrow(engine.planDestroy(keepFiles), true, spec);
      document.plan(plan);
      if (!output.json) out.print(show.renderer(main).render(plan, NOTHING));
      boolean succeeded = true;
      if (plan.hasChanges()) {
        String question = target.targets.isEmpty() ? "Destroy all of these?" : "Destroy these?";
        if (!confirmation.confirmed(question)) return ExitCode.FAILED.code();
        ApplyResult result = engine.apply(plan, lock);
        document.result(result);
        if (!output.json) out.print(ResultRenderer.render("Destroy", result));
        succeeded = result.succeeded();
      }
      if (output.json) out.print(document.text());
      return (succeeded ? ExitCode.OK : ExitCode.FAILED).code();
    }
  }
}
