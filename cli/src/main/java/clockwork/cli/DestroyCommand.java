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
  @Mixin ChangeOptions options;

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
    Engine engine = main.engine(options.parallelism(spec), null, spec);
    var out = spec.commandLine().getOut();
    if (!engine.planDestroy(keepFiles).hasChanges()) {
      out.println(NOTHING);
      return ExitCode.OK.code();
    }
    var confirmation = new Confirmation(options.yes, main.terminal, spec);
    try (StateLock lock = engine.lock("destroy")) {
      Plan plan = engine.planDestroy(keepFiles);
      out.print(PlanRenderer.render(plan, NOTHING));
      if (!plan.hasChanges()) return ExitCode.OK.code();
      if (!confirmation.confirmed("Destroy all of these?")) return ExitCode.FAILED.code();
      ApplyResult result = engine.apply(plan, lock);
      out.print(ResultRenderer.render("Destroy", result));
      return (result.succeeded() ? ExitCode.OK : ExitCode.FAILED).code();
    }
  }
}
