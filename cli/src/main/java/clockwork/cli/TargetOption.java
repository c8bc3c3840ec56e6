package clockwork.cli;

import clockwork.engine.plan.Plan;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --target ID}: a plan narrowed to some resources, as Terraform's {@code -target}. */
final class TargetOption {
  @Option(
      names = "--target",
      paramLabel = "ID",
      split = ",",
      description =
          "Only this resource (or composite) and what it depends on; for destroy, what depends on"
              + " it. May be repeated.")
  List<String> targets = List.of();

  /**
   * The plan narrowed to the targets, said on standard error; the plan itself when there are none.
   *
   * @param dependents whether what depends on a target comes with it (destroy), rather than what it
   *     depends on
   */
  Plan narrow(Plan plan, boolean dependents, CommandSpec command) {
    if (targets.isEmpty()) return plan;
    Set<String> ids = new LinkedHashSet<>(targets);
    for (String id : ids) {
      if (!plan.knows(id)) {
        throw new CommandLine.ParameterException(
            command.commandLine(),
            "--target \""
                + id
                + "\" names no resource of this plan; it holds "
                + String.join(
                    ", ", plan.changes().stream().map(c -> c.id()).distinct().sorted().toList()));
      }
    }
    command
        .commandLine()
        .getErr()
        .println(
            "Targeting "
                + String.join(", ", ids)
                + (dependents ? " and what depends on it" : " and what it depends on")
                + ": the rest is left as it is, so the next plan without --target may show"
                + " more.");
    return plan.targeting(ids, dependents);
  }
}
