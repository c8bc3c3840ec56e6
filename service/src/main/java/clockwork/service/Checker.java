package clockwork.service;

import clockwork.Policy;
import clockwork.engine.Engine;
import clockwork.engine.plan.Change;
import clockwork.engine.plan.Plan;
import clockwork.engine.settings.Settings;
import clockwork.engine.state.LocalStateStore;
import clockwork.engine.verify.AssertionResult;
import clockwork.spi.Action;
import clockwork.spi.FieldChange;
import clockwork.spi.Sensitive;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a project as {@code clockwork plan} and {@code clockwork assert} would: the plan's drift
 * (a resource stopped, removed or changed by hand) per field, and every assertion, polled. Changes
 * nothing and takes no lock, so a CLI command runs beside it.
 */
final class Checker {
  private final Map<String, String> environment;
  private final Clock clock;
  private final Duration longest;

  /**
   * @param longest how long an assertion is polled at most: the service's interval
   */
  Checker(Map<String, String> environment, Clock clock, Duration longest) {
    this.environment = environment;
    this.clock = clock;
    this.longest = longest;
  }

  /**
   * A check, and what it was made against.
   *
   * @param policies each resource's policy; empty when the project could not be checked
   * @param serial the serial of the project's state, which every apply raises
   */
  record Checked(Check check, Map<String, Policy> policies, long serial) {}

  /** An engine for a project, as the CLI builds one, that reports nothing. */
  Engine engine(Path dir) {
    return Engine.builder(
            dir,
            Settings.load(Map.of(), environment, dir),
            new LocalStateStore(dir.resolve(Engine.WORK_DIR)))
        .events(event -> {})
        .clock(clock)
        .build();
  }

  /**
   * @param previous the project's last check, whose drift tells since when a field has drifted;
   *     {@code null} for none
   */
  Checked check(Path dir, Check previous) {
    Instant at = clock.instant();
    try {
      Engine engine = engine(dir);
      long serial = new LocalStateStore(dir.resolve(Engine.WORK_DIR)).read().serial();
      Map<String, Policy> policies = engine.policies();
      Plan plan = engine.plan();
      var resources = new LinkedHashMap<String, Check.Resource>();
      var unwatched = new java.util.HashSet<String>();
      for (Change change : plan.changes()) {
        Policy policy = policies.get(change.id());
        if (policy != null && !policy.reconcile()) { // the service leaves it alone
          unwatched.add(change.id());
          continue;
        }
        if (change.action() == Action.SAME) {
          resources.put(
              change.id(),
              new Check.Resource(change.id(), change.kind(), "ok", List.of(), List.of()));
        } else if (change.drift()) {
          resources.put(
              change.id(),
              new Check.Resource(
                  change.id(), change.kind(), "drifted", drift(change, at, previous), List.of()));
        } else {
          resources.put(
              change.id(),
              new Check.Resource(change.id(), change.kind(), "pending", List.of(), List.of()));
        }
      }
      var assertions = new LinkedHashMap<String, List<Check.Assertion>>();
      // a resource removed by hand is reported as such: its assertions could only time out
      var removed = new java.util.HashSet<String>();
      for (Change change : plan.changes()) {
        if (change.drift() && change.action() == Action.CREATE) removed.add(change.id());
      }
      for (AssertionResult result :
          engine.verify(id -> !unwatched.contains(id) && !removed.contains(id), longest)) {
        assertions
            .computeIfAbsent(result.resourceId(), id -> new ArrayList<>())
            .add(
                new Check.Assertion(
                    result.assertion(),
                    result.description(),
                    result.passed(),
                    Sensitive.redact(result.observation())));
      }
      var checked = new ArrayList<Check.Resource>();
      for (Check.Resource resource : resources.values()) {
        List<Check.Assertion> its = assertions.getOrDefault(resource.id(), List.of());
        boolean failing = its.stream().anyMatch(a -> !a.passed());
        String health = failing && resource.health().equals("ok") ? "failing" : resource.health();
        checked.add(
            new Check.Resource(resource.id(), resource.kind(), health, resource.drift(), its));
      }
      return new Checked(new Check(at, took(at), worst(checked), checked, null), policies, serial);
    } catch (
        RuntimeException
            e) { // a ClockworkException says what is wrong; anything else, at least its name
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new Checked(
          new Check(at, took(at), "error", List.of(), Sensitive.redact(message)), Map.of(), -1);
    }
  }

  private long took(Instant at) {
    return Duration.between(at, clock.instant()).toMillis();
  }

  /**
   * The fields a change found changed outside Clockwork, each since the first check in a row that
   * saw it so.
   */
  static List<Check.Drift> drift(Change change, Instant at, Check previous) {
    var drift = new ArrayList<Check.Drift>();
    if (change.action() == Action.CREATE) {
      drift.add(
          since(change.id(), "exists", "present", String.valueOf(change.note()), at, previous));
      return drift;
    }
    for (FieldChange field : change.fields()) {
      drift.add(
          since(
              change.id(),
              field.field(),
              String.valueOf(field.after()),
              String.valueOf(field.before()),
              at,
              previous));
    }
    return drift;
  }

  private static Check.Drift since(
      String id, String field, String expected, String actual, Instant at, Check previous) {
    Instant first = at;
    if (previous != null) {
      for (Check.Resource resource : previous.resources()) {
        if (!resource.id().equals(id)) continue;
        for (Check.Drift before : resource.drift()) {
          if (before.field().equals(field)
              && before.expected().equals(expected)
              && before.actual().equals(actual)) {
            first = before.firstSeen();
          }
        }
      }
    }
    return new Check.Drift(field, expected, actual, first, at);
  }

  /** The project's health: its worst resource's. */
  private static String worst(List<Check.Resource> resources) {
    for (String health : List.of("drifted", "failing", "pending")) {
      if (resources.stream().anyMatch(r -> r.health().equals(health))) return health;
    }
    return "ok";
  }
}
