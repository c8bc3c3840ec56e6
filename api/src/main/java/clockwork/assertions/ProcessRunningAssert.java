package clockwork.assertions;

import clockwork.Assertion;
import clockwork.Check;
import clockwork.Target;
import java.util.List;
import java.util.Optional;

/**
 * A process runs whose command line contains this text: inside the container when attached to a
 * {@code DockerResource}, else on the machine Clockwork runs on.
 */
public final class ProcessRunningAssert extends Assertion {
  private final String name;

  public ProcessRunningAssert(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "ProcessRunningAssert: name \"" + name + "\" is empty: give one such as \"nginx\"");
    }
    this.name = name;
  }

  @Override
  public String describe() {
    return "a process \"" + name + "\" runs";
  }

  @Override
  public Check check(Target target) throws Exception {
    boolean inContainer = target.resource().kind().equals("docker");
    List<String> processes =
        inContainer
            ? target.containers().processes(target.container())
            : ProcessHandle.allProcesses()
                .map(p -> p.info().commandLine().or(() -> p.info().command()))
                .flatMap(Optional::stream)
                .toList();
    return processes.stream().anyMatch(p -> p.contains(name))
        ? Check.pass("running")
        : Check.fail(
            "none of "
                + processes.size()
                + " processes"
                + (inContainer ? " in the container" : "")
                + " runs \""
                + name
                + "\"");
  }
}
