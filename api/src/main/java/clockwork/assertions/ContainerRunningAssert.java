package clockwork.assertions;

import clockwork.Assertion;
import clockwork.Check;
import clockwork.Containers;
import clockwork.Target;

/**
 * A container is running: the resource's own container, or the one with exactly this name. Every
 * {@code DockerResource} that must run gets this check when it declares none.
 */
public final class ContainerRunningAssert extends Assertion {
  private final String containerName;

  /** Checks the container of the resource this is attached to. */
  public ContainerRunningAssert() {
    this(null);
  }

  /** Checks the container with exactly this name. */
  public ContainerRunningAssert(String containerName) {
    this.containerName = containerName;
  }

  @Override
  public String describe() {
    return containerName == null ? "its container runs" : containerName + " runs";
  }

  @Override
  public Check check(Target target) throws Exception {
    String name = containerName == null ? target.container() : containerName;
    Containers.State state = target.containers().state(name);
    if (state == null) return Check.fail("no container named " + name);
    return state.running()
        ? Check.pass("running")
        : Check.fail("expected running, is " + state.status());
  }
}
