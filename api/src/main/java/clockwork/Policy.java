package clockwork;

import java.time.Duration;
import java.util.Objects;

/**
 * How the reconciliation service ({@code clockwork service}) keeps a resource as declared: whether
 * it watches it, how often, and what it does when the resource drifts or an assertion fails.
 * Immutable; each method returns a changed copy. What a resource's policy leaves out comes from the
 * project's ({@link Clockwork#policy}), then from the defaults: watched, checked on the service's
 * interval, drift and failures alerted and not healed, at most 2 fixes an hour.
 *
 * <pre>{@code
 * new DockerResource("web").image("nginx:1.27")
 *     .policy(Policy.watch().onDrift(Policy.OnDrift.AUTO_CORRECT).fixesPerHour(3))
 * }</pre>
 */
public final class Policy {
  /** What the service does when a resource is changed, stopped or removed outside Clockwork. */
  public enum OnDrift {
    /** Reports it; a person decides. */
    ALERT,
    /** Applies the resource again, and what depends on it, within the budget. */
    AUTO_CORRECT
  }

  /** What the service does when an assertion of a resource fails. */
  public enum OnFailure {
    /** Reports it; a person decides. */
    ALERT,
    /** Makes the resource again (replacing a container), within the budget. */
    AUTO_CORRECT
  }

  private static final Policy NONE = new Policy(null, null, null, null, null, null);

  /** The defaults: watched, alerted, never healed, at most 2 fixes an hour. */
  public static final Policy DEFAULTS =
      new Policy(true, null, OnDrift.ALERT, OnFailure.ALERT, 2, null);

  private final Boolean reconcile;
  private final Duration checkEvery;
  private final OnDrift onDrift;
  private final OnFailure onFailure;
  private final Integer fixesPerHour;
  private final Duration maxDuration;

  private Policy(
      Boolean reconcile,
      Duration checkEvery,
      OnDrift onDrift,
      OnFailure onFailure,
      Integer fixesPerHour,
      Duration maxDuration) {
    this.reconcile = reconcile;
    this.checkEvery = checkEvery;
    this.onDrift = onDrift;
    this.onFailure = onFailure;
    this.fixesPerHour = fixesPerHour;
    this.maxDuration = maxDuration;
  }

  /** A policy that says nothing yet: everything comes from the project's and the defaults. */
  public static Policy watch() {
    return NONE;
  }

  /** A policy that heals drift and failures, within the budget. */
  public static Policy autoCorrect() {
    return NONE.onDrift(OnDrift.AUTO_CORRECT).onFailure(OnFailure.AUTO_CORRECT);
  }

  /** Watched ({@code true}, the default) or left alone by the service ({@code false}). */
  public Policy reconcile(boolean on) {
    return new Policy(on, checkEvery, onDrift, onFailure, fixesPerHour, maxDuration);
  }

  /**
   * How often the service checks it, at least a second; not given, on the service's interval.
   *
   * @throws IllegalArgumentException for less than a second
   */
  public Policy checkEvery(Duration interval) {
    Objects.requireNonNull(interval, "checkEvery");
    if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "checkEvery("
              + interval
              + ") is shorter than a second: give Duration.ofSeconds(1) or more");
    }
    return new Policy(reconcile, interval, onDrift, onFailure, fixesPerHour, maxDuration);
  }

  public Policy onDrift(OnDrift action) {
    return new Policy(
        reconcile,
        checkEvery,
        Objects.requireNonNull(action, "onDrift"),
        onFailure,
        fixesPerHour,
        maxDuration);
  }

  public Policy onFailure(OnFailure action) {
    return new Policy(
        reconcile,
        checkEvery,
        onDrift,
        Objects.requireNonNull(action, "onFailure"),
        fixesPerHour,
        maxDuration);
  }

  /**
   * The most automatic fixes of it in an hour (2 by default); then the service alerts once and
   * leaves it until {@code clockwork service resume} or an apply.
   *
   * @throws IllegalArgumentException when negative
   */
  public Policy fixesPerHour(int fixes) {
    if (fixes < 0) {
      throw new IllegalArgumentException("fixesPerHour(" + fixes + ") is negative: give 0 or more");
    }
    return new Policy(reconcile, checkEvery, onDrift, onFailure, fixes, maxDuration);
  }

  /**
   * How long it may live from when it was first made; then the service destroys it, and what
   * depends on it ({@code clockwork reap} does so by hand). Nothing without one is ever reaped.
   *
   * @throws IllegalArgumentException when it is not positive
   */
  public Policy maxDuration(Duration lifetime) {
    Objects.requireNonNull(lifetime, "maxDuration");
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException(
          "maxDuration(" + lifetime + ") is not positive: give a duration, such as \"2h\"");
    }
    return new Policy(reconcile, checkEvery, onDrift, onFailure, fixesPerHour, lifetime);
  }

  /**
   * {@link #maxDuration(Duration)} written as {@code "2h"}, {@code "30m"}, {@code "90s"} or {@code
   * "1h30m"}.
   *
   * @throws IllegalArgumentException when it is not such a duration
   */
  public Policy maxDuration(String lifetime) {
    Objects.requireNonNull(lifetime, "maxDuration");
    var matcher = java.util.regex.Pattern.compile("(\\d+)([hms])").matcher(lifetime);
    Duration total = Duration.ZERO;
    int at = 0;
    while (matcher.find() && matcher.start() == at) {
      long amount = Long.parseLong(matcher.group(1));
      total =
          total.plus(
              switch (matcher.group(2)) {
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
              });
      at = matcher.end();
    }
    if (at == 0 || at != lifetime.length()) {
      throw new IllegalArgumentException(
          "maxDuration(\""
              + lifetime
              + "\") is not a duration: write it as \"2h\", \"30m\", \"90s\" or \"1h30m\"");
    }
    return maxDuration(total);
  }

  /** How long it may live; {@code null} when not given (for ever). */
  public Duration maxDuration() {
    return maxDuration;
  }

  /** Each setting this policy leaves out, taken from {@code defaults}. */
  public Policy over(Policy defaults) {
    return new Policy(
        reconcile != null ? reconcile : defaults.reconcile,
        checkEvery != null ? checkEvery : defaults.checkEvery,
        onDrift != null ? onDrift : defaults.onDrift,
        onFailure != null ? onFailure : defaults.onFailure,
        fixesPerHour != null ? fixesPerHour : defaults.fixesPerHour,
        maxDuration != null ? maxDuration : defaults.maxDuration);
  }

  /** Whether the service watches it; {@code null} when not given. */
  public Boolean reconcile() {
    return reconcile;
  }

  /** How often it is checked; {@code null} when not given (the service's interval). */
  public Duration checkEvery() {
    return checkEvery;
  }

  public OnDrift onDrift() {
    return onDrift;
  }

  public OnFailure onFailure() {
    return onFailure;
  }

  public Integer fixesPerHour() {
    return fixesPerHour;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Policy p
        && Objects.equals(reconcile, p.reconcile)
        && Objects.equals(checkEvery, p.checkEvery)
        && onDrift == p.onDrift
        && onFailure == p.onFailure
        && Objects.equals(fixesPerHour, p.fixesPerHour)
        && Objects.equals(maxDuration, p.maxDuration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(reconcile, checkEvery, onDrift, onFailure, fixesPerHour, maxDuration);
  }

  @Override
  public String toString() {
    return "Policy{reconcile="
        + reconcile
        + ", checkEvery="
        + checkEvery
        + ", onDrift="
        + onDrift
        + ", onFailure="
        + onFailure
        + ", fixesPerHour="
        + fixesPerHour
        + ", maxDuration="
        + maxDuration
        + "}";
  }
}
