package clockwork.assertions;

import clockwork.Assertion;
import clockwork.Check;
import clockwork.Target;
import java.util.Locale;

/** The resource's container uses at most this share of a CPU core, in percent. */
public final class CpuUsageAssert extends Assertion {
  private final double maxPercent;

  public CpuUsageAssert(double maxPercent) {
    if (!(maxPercent > 0)) {
      throw new IllegalArgumentException(
          "CpuUsageAssert: maxPercent " + maxPercent + " must be positive, such as 80");
    }
    this.maxPercent = maxPercent;
  }

  @Override
  public String describe() {
    return "CPU ≤ " + percent(maxPercent);
  }

  @Override
  public Check check(Target target) throws Exception {
    double used = target.containers().usage(target.container()).cpuPercent();
    return used <= maxPercent
        ? Check.pass(percent(used) + " CPU")
        : Check.fail("expected at most " + percent(maxPercent) + " CPU, uses " + percent(used));
  }

  private static String percent(double value) {
    return String.format(Locale.ROOT, "%.1f%%", value);
  }
}
