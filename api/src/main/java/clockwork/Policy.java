package clockwork;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

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
    AUTO_CORRECT,
    /**
     * Makes it again first; when its assertions still fail after that, asks the model for the
     * smallest change to the values it chose, tries it, and keeps it in {@code clockwork.lock} if
     * it works (rolling back if not).
     */
    REMEDIATE_AI,
    /** Asks the model for a repair at the first failure, as {@link #REMEDIATE_AI} does after. */
    REMEDIATE_AI_AT_ONCE
  }

  /** What the service records about a project, each of which may alert. */
  public enum Event {
    /** A resource was changed, stopped or removed outside Clockwork. */
    DRIFT,
    /** An assertion started failing. */
    FAILURE,
    /** The service applied or made a resource again. */
    CORRECTED,
    /** A fix failed; the service tries again after a back-off. */
    CORRECTION_FAILED,
    /** A resource was fixed as often as its budget allows; the service leaves it. */
    BUDGET_EXHAUSTED,
    /** Something else keeps changing a resource back; the service leaves it. */
    FLAPPING,
    /** A fix the service never makes by itself waits for {@code clockwork service approve}. */
    PROPOSAL,
    /** A person approved a proposal, and it was applied. */
    APPROVED,
    /** The model's repair worked, and is pinned in {@code clockwork.lock}. */
    REMEDIATED,
    /** The model's repair did not work, and was rolled back. */
    REMEDIATION_FAILED,
    /** A resource outlived its {@code maxDuration} and was destroyed. */
    EXPIRED,
    /** A command held the project's lock, so a fix waits for the next check. */
    DEFERRED,
    /** Healing starts again, after {@code clockwork service resume} or an apply. */
    RESUMED;

    /** How the history and webhooks name it, such as {@code budget-exhausted}. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  private static final Policy NONE = new Policy();

  /** The defaults: watched, alerted, never healed, at most 2 fixes an hour, every event alerts. */
  public static final Policy DEFAULTS =
      NONE.change(
          p -> {
            p.reconcile = true;
            p.onDrift = OnDrift.ALERT;
            p.onFailure = OnFailure.ALERT;
            p.fixesPerHour = 2;
            p.alertOn = Set.of(Event.values());
            p.remediationContext = List.of();
            p.webhooks = List.of();
          });

  // each null when not given; set only on a copy, in change(...)
  private Boolean reconcile;
  private Duration checkEvery;
  private OnDrift onDrift;
  private OnFailure onFailure;
  private Integer fixesPerHour;
  private Duration maxDuration;
  private Set<Event> alertOn;
  private List<String> remediationContext;
  private List<String> webhooks;

  private Policy() {}

  private Policy change(Consumer<Policy> edit) {
    var copy = new Policy();
    copy.reconcile = reconcile;
    copy.checkEvery = checkEvery;
    copy.onDrift = onDrift;
    copy.onFailure = onFailure;
    copy.fixesPerHour = fixesPerHour;
    copy.maxDuration = maxDuration;
    copy.alertOn = alertOn;
    copy.remediationContext = remediationContext;
    copy.webhooks = webhooks;
    edit.accept(copy);
    return copy;
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
    return change(p -> p.reconcile = on);
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
    return change(p -> p.checkEvery = interval);
  }

  public Policy onDrift(OnDrift action) {
    Objects.requireNonNull(action, "onDrift");
    return change(p -> p.onDrift = action);
  }

  public Policy onFailure(OnFailure action) {
    Objects.requireNonNull(action, "onFailure");
    return change(p -> p.onFailure = action);
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
    return change(p -> p.fixesPerHour = fixes);
  }

  /**
   * Which events go to webhooks (all by default); every event is in the history and the log
   * whatever this says.
   */
  public Policy alertOn(Event... events) {
    var chosen = EnumSet.noneOf(Event.class);
    for (Event event : events) chosen.add(Objects.requireNonNull(event, "alertOn"));
    return change(p -> p.alertOn = Collections.unmodifiableSet(chosen));
  }

  /**
   * What the model is told when it repairs this resource ({@link OnFailure#REMEDIATE_AI}): free
   * text and facts, such as {@code "max downtime 30 s"} or {@code "the API must stay on port
   * 8080"}.
   */
  public Policy remediationContext(String... facts) {
    for (String fact : facts) Objects.requireNonNull(fact, "remediationContext");
    return change(p -> p.remediationContext = List.of(facts));
  }

  /**
   * Where this project's (or resource's) events are POSTed as JSON, besides the service's own
   * {@code CW_SERVICE_WEBHOOKS}.
   *
   * @throws IllegalArgumentException for a URL that is not http or https
   */
  public Policy webhooks(String... urls) {
    for (String url : urls) {
      Objects.requireNonNull(url, "webhooks");
      if (!url.matches("(?i)https?://[^\\s/]+.*")) {
        throw new IllegalArgumentException(
            "webhooks(\""
                + url
                + "\") is not an http or https URL: give one such as"
                + " \"https://hooks.example.com/clockwork\"");
      }
    }
    return change(p -> p.webhooks = List.of(urls));
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
    return change(p -> p.maxDuration = lifetime);
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
    return change(
        p -> {
          if (p.reconcile == null) p.reconcile = defaults.reconcile;
          if (p.checkEvery == null) p.checkEvery = defaults.checkEvery;
          if (p.onDrift == null) p.onDrift = defaults.onDrift;
          if (p.onFailure == null) p.onFailure = defaults.onFailure;
          if (p.fixesPerHour == null) p.fixesPerHour = defaults.fixesPerHour;
          if (p.maxDuration == null) p.maxDuration = defaults.maxDuration;
          if (p.alertOn == null) p.alertOn = defaults.alertOn;
          if (p.remediationContext == null) p.remediationContext = defaults.remediationContext;
          if (p.webhooks == null) p.webhooks = defaults.webhooks;
        });
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

  /** Which events alert; {@code null} when not given (all). */
  public Set<Event> alertOn() {
    return alertOn;
  }

  /** What the model is told when it repairs; {@code null} when not given. */
  public List<String> remediationContext() {
    return remediationContext;
  }

  /** Its own webhooks; {@code null} when not given. */
  public List<String> webhooks() {
    return webhooks;
  }

  private List<Object> settings() {
    return Arrays.asList(
        reconcile,
        checkEvery,
        onDrift,
        onFailure,
        fixesPerHour,
        maxDuration,
        alertOn,
        remediationContext,
        webhooks);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Policy p && settings().equals(p.settings());
  }

  @Override
  public int hashCode() {
    return settings().hashCode();
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
        + ", alertOn="
        + alertOn
        + ", remediationContext="
        + remediationContext
        + ", webhooks="
        + webhooks
        + "}";
  }
}
