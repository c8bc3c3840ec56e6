package clockwork.assertions;

import clockwork.Assertion;
import clockwork.Check;
import clockwork.Target;

/** The resource's container uses at most this much memory, such as "256MB". */
public final class MemoryUsageAssert extends Assertion {
  private final long max;

  public MemoryUsageAssert(String max) {
    this.max = Sizes.parse("MemoryUsageAssert", max);
  }

  @Override
  public String describe() {
    return "memory ≤ " + Sizes.show(max);
  }

  @Override
  public Check check(Target target) throws Exception {
    long used = target.containers().usage(target.container()).memoryBytes();
    return used <= max
        ? Check.pass(Sizes.show(used) + " in use")
        : Check.fail("expected at most " + Sizes.show(max) + ", uses " + Sizes.show(used));
  }
}
