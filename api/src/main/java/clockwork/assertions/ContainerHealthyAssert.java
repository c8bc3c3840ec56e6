package clockwork.assertions;

import clockwork.Assertion;
import clockwork.Check;
import clockwork.Containers;
import clockwork.Target;

/** A container's Docker healthcheck reports {@code healthy}. */
public final class ContainerHealthyAssert extends Assertion {
  private final String containerName;

  /** Checks the container of the resource this is attached to. */
  public ContainerHealthyAssert() {
    this(null);
  }

  /** Checks the container with exactly this name. */
  public ContainerHealthyAssert(String containerName) {
    this.containerName = containerName;
  }

  @Override
  public String describe() {
    return (containerName == null ? "its container" : containerName) + " is healthy";
  }

  @Override
  public Check check(Target target) throws Exception {
    String name = containerName == null ? target.container() : containerName;
    Containers.State state = target.containers().state(name);
    if (state == null) return Check.fail("no container named " + name);
    if (state.health() == null) {
      return Check.fail("it has no healthcheck: give the resource .healthcheck(\"...\")");
    }
    return state.health().equals("healthy")
        ? Check.pass("healthy")
        : Check.fail("expected healthy, is " + state.health());
  }
}
