package clockwork.assertions;

import clockwork.Assertion;
import clockwork.Check;
import clockwork.Containers;
import clockwork.Target;
import java.util.Arrays;
import java.util.List;

/** The resource's container publishes no host port except these. */
public final class NoOpenPortsAssert extends Assertion {
  private final List<Integer> exceptPorts;

  public NoOpenPortsAssert(int... exceptPorts) {
    this.exceptPorts = Arrays.stream(exceptPorts).boxed().toList();
  }

  @Override
  public String describe() {
    return exceptPorts.isEmpty() ? "publishes no port" : "publishes only " + exceptPorts;
  }

  @Override
  public Check check(Target target) throws Exception {
    Containers.State state = target.containers().state(target.container());
    if (state == null) return Check.fail("no container named " + target.container());
    List<String> unexpected =
        state.publishedPorts().stream()
            .filter(p -> !exceptPorts.contains(Integer.parseInt(p.substring(0, p.indexOf('/')))))
            .toList();
    return unexpected.isEmpty()
        ? Check.pass(
            "publishes " + (state.publishedPorts().isEmpty() ? "nothing" : state.publishedPorts()))
        : Check.fail("publishes " + unexpected + " too");
  }
}
