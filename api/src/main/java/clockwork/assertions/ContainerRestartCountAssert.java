package clockwork.assertions;

import clockwork.Assertion;
import clockwork.Check;
import clockwork.Containers;
import clockwork.Target;

/** The resource's container was restarted by Docker at most this many times. */
public final class ContainerRestartCountAssert extends Assertion {
  private final int max;

  public ContainerRestartCountAssert(int max) {
    if (max < 0) {
      throw new IllegalArgumentException(
          "ContainerRestartCountAssert: max " + max + " is negative: give 0 or more");
    }
    this.max = max;
  }

  @Override
  public String describe() {
    return "restarted at most " + max + " times";
  }

  @Override
  public Check check(Target target) throws Exception {
    Containers.State state = target.containers().state(target.container());
    if (state == null) return Check.fail("no container named " + target.container());
    return state.restartCount() <= max
        ? Check.pass(state.restartCount() + " restarts")
        : Check.fail("expected at most " + max + " restarts, got " + state.restartCount());
  }
}
