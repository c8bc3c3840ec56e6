package clockwork.cli;

import clockwork.engine.Engine;
import clockwork.engine.error.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "validate",
    description =
        "Checks main.java: compiles and runs it, resolves it and checks every value, with the"
            + " model's values from clockwork.lock; asks no Docker engine, no model, and takes no"
            + " lock.")
final class ValidateCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Engine.Validation validation = main.engine(1, null, spec).validate();
    var out = spec.commandLine().getOut();
    int count = validation.resources().size();
    out.println("main.java is valid: " + count + (count == 1 ? " resource." : " resources."));
    if (!validation.fromLock().isEmpty()) {
      out.println(
          "The model's values, from clockwork.lock: "
              + String.join(", ", validation.fromLock())
              + ".");
    }
    if (!validation.forModel().isEmpty()) {
      out.println("Left for the model, asked at the next plan:");
      validation.forModel().forEach(what -> out.println("  " + what));
    }
    return ExitCode.OK.code();
  }
}
