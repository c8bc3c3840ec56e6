package clockwork.service;

import clockwork.Policy;
import clockwork.engine.Engine;
import clockwork.engine.apply.ApplyResult;
import clockwork.engine.plan.Change;
import clockwork.engine.plan.Plan;
import clockwork.engine.state.LocalStateStore;
import clockwork.engine.state.StateLock;
import clockwork.engine.state.StateLockedException;
import clockwork.spi.Action;
import clockwork.spi.Diff;
import clockwork.spi.Sensitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the service does about a check: alerts on new drift and failures, and, for a resource whose
 * policy says {@code AUTO_CORRECT}, applies it again (and what depends on it) through the engine's
 * own apply, holding the project's state lock, within budgets:
 *
 * <ul>
 *   <li>at most {@link Policy#fixesPerHour()} fixes of a resource in an hour; then one alert, and
 *       no more tries until {@code clockwork service resume} or an apply by a person;
 *   <li>a cooldown after each fix, doubled after each fix that fails (up to 5 minutes);
 *   <li>a field that drifts back to the same value after two fixes is written by something else:
 *       healing stops with one alert naming the field and both values;
 *   <li>a fix that would change published ports, mounts, privileges or secrets is never made: it is
 *       recorded as a proposal.
 * </ul>
 *
 * What it knows of each resource ({@link Care}) is kept in the service home, so that a restart
 * keeps the budgets.
 */
final class Healer {
  private static final Duration LONGEST_BACKOFF = Duration.ofMinutes(5);

  /** Fields whose change is never made without a person: ports, mounts, privileges, secrets. */
  private static final Set<String> NEVER_AUTOMATIC =
      Set.of(
          "ports",
          "volumes",
          "mountedFiles",
          "capAdd",
          "capDrop",
          "user",
          "networkMode",
          "secretFiles",
          "configFiles",
          "envFile",
          "readOnlyRootFilesystem",
          "sysctls");

  /** How the care of a resource the service destroyed for its age begins. */
  private static final String EXPIRED = "expired";

  /** Fields a resource changes by itself (a container that exits): budgets, not flapping. */
  private static final Set<String> OWN_STATE = Set.of("state", "exists");

  /**
   * What the service remembers of a resource between checks.
   *
   * @param fixes when it was fixed, within the last hour
   * @param failures fixes in a row that failed
   * @param notBefore no fix before then (cooldown, back-off)
   * @param stopped why healing stopped (budget, flapping); {@code null} while it goes on
   * @param fixed the drift the last fix undid, as {@code field=expected|actual}
   * @param returned how often each of those came back after a fix
   * @param proposal the fix last recorded as a proposal, so that it is recorded once
   */
  record Care(
      List<Instant> fixes,
      int failures,
      Instant notBefore,
      String stopped,
      List<String> fixed,
      Map<String, Integer> returned,
      String proposal) {
    static final Care NEW = new Care(List.of(), 0, Instant.EPOCH, null, List.of(), Map.of(), null);
  }

  /** A project's cares, and the state serial its last fix (or a person's apply) left. */
  record Cares(long serial, Map<String, Care> resources) {}

  private final ServiceHome home;
  private final Checker checker;
  private final Alerts alerts;
  private final Clock clock;
  private final Duration cooldown;

  Healer(ServiceHome home, Checker checker, Alerts alerts, Clock clock, Duration cooldown) {
    this.home = home;
    this.checker = checker;
    this.alerts = alerts;
    this.clock = clock;
    this.cooldown = cooldown;
  }

  /**
   * Acts on a check of a project.
   *
   * @param previous the check before, to tell what is new; {@code null} for none
   */
  void heal(Registry.Project project, Checker.Checked checked, Check previous, History history) {
    if (checked.check().error() != null) return;
    Instant now = clock.instant();
    Cares cares = read(project.id());
    var care = new HashMap<>(cares.resources());
    long serial = cares.serial();
    if (serial >= 0 && checked.serial() != serial) {
      // a person applied: whatever stopped starts again, and budgets are full
      boolean stopped = care.values().stream().anyMatch(c -> c.stopped() != null);
      care.clear();
      if (stopped) {
        event(
            project,
            history,
            new History.Event(
                now, "*", "resumed", "the project was applied; healing starts again"));
      }
    }
    long after = checked.serial();
    if (checked.policies().values().stream().anyMatch(p -> p.maxDuration() != null)) {
      after = reap(project, history, care, now, after);
    }
    var drifted = new LinkedHashSet<String>();
    var failing = new LinkedHashSet<String>();
    var undone = new HashMap<String, List<String>>();
    for (Check.Resource resource : checked.check().resources()) {
      Policy policy = checked.policies().getOrDefault(resource.id(), Policy.DEFAULTS);
      Care its = care.getOrDefault(resource.id(), Care.NEW);
      if (its.stopped() != null && its.stopped().startsWith(EXPIRED)) continue; // gone for good
      its = withinTheHour(its, now);
      switch (resource.health()) {
        case "drifted" -> {
          for (Check.Drift drift : resource.drift()) {
            if (drift.firstSeen().equals(drift.lastSeen())) {
              event(
                  project,
                  history,
                  new History.Event(
                      now,
                      resource.id(),
                      "drift",
                      drift.field() + " is " + drift.actual() + ", declared " + drift.expected()));
            }
          }
          if (policy.onDrift() != Policy.OnDrift.AUTO_CORRECT) break;
          its = flapping(project, history, resource, its, now);
          if (mayFix(project, history, resource, policy, its, now, care)) {
            drifted.add(resource.id());
            undone.put(resource.id(), keys(resource));
          }
          its = care.getOrDefault(resource.id(), its);
        }
        case "failing" -> {
          if (!"failing".equals(healthBefore(previous, resource.id()))) {
            event(
                project,
                history,
                new History.Event(now, resource.id(), "failure", failures(resource)));
          }
          if (policy.onFailure() == Policy.OnFailure.AUTO_CORRECT
              && mayFix(project, history, resource, policy, its, now, care)) {
            failing.add(resource.id());
            undone.put(resource.id(), List.of());
          }
          its = care.getOrDefault(resource.id(), its);
        }
        case "ok" -> {
          if (!its.returned().isEmpty() || !its.fixed().isEmpty()) {
            its =
                new Care(
                    its.fixes(),
                    its.failures(),
                    its.notBefore(),
                    its.stopped(),
                    List.of(),
                    Map.of(),
                    its.proposal());
          }
        }
        default -> {}
      }
      care.put(resource.id(), its);
    }
    if (!drifted.isEmpty() || !failing.isEmpty()) {
      after = fix(project, history, drifted, failing, undone, care, now);
    }
    write(project.id(), new Cares(after, care));
  }

  /**
   * Destroys what has outlived its {@code maxDuration}, and what depends on it, under the project's
   * lock; each is left alone afterwards, until a person applies the project again.
   *
   * @return the state serial afterwards
   */
  private long reap(
      Registry.Project project, History history, Map<String, Care> care, Instant now, long serial) {
    Path dir = Path.of(project.dir());
    Engine engine = checker.engine(dir);
    try {
      if (engine.planReap().reasons().isEmpty()) return serial;
      try (StateLock lock = engine.lock("clockwork service")) {
        Engine.Reap reap = engine.planReap();
        ApplyResult result = engine.apply(reap.plan(), lock);
        for (ApplyResult.Done done : result.done()) {
          String why = EXPIRED + ": " + reap.reasons().get(done.id()) + "; destroyed";
          care.put(
              done.id(), new Care(List.of(), 0, Instant.EPOCH, why, List.of(), Map.of(), null));
          event(project, history, new History.Event(now, done.id(), "expired", why));
        }
        for (ApplyResult.Failed failed : result.failed()) {
          event(
              project,
              history,
              new History.Event(
                  now,
                  failed.id(),
                  "expired",
                  "expired, and could not be destroyed: " + Sensitive.redact(failed.message())));
        }
      }
    } catch (StateLockedException e) {
      event(
          project,
          history,
          new History.Event(
              now,
              "*",
              "deferred",
              "a clockwork command holds the project's lock ("
                  + e.holder()
                  + "): what expired goes at the next check"));
      return serial;
    }
    return serial(dir);
  }

  /** Lets anything the service stopped healing in a project start again. */
  void resume(String projectId) {
    Cares cares = read(projectId);
    write(projectId, new Cares(cares.serial(), Map.of()));
  }

  private static String healthBefore(Check previous, String id) {
    if (previous == null) return null;
    return previous.resources().stream()
        .filter(r -> r.id().equals(id))
        .map(Check.Resource::health)
        .findFirst()
        .orElse(null);
  }

  private static String failures(Check.Resource resource) {
    return resource.assertions().stream()
        .filter(a -> !a.passed())
        .map(a -> a.description() + ": " + a.observation())
        .reduce((a, b) -> a + "; " + b)
        .orElse("an assertion failed");
  }

  private static List<String> keys(Check.Resource resource) {
    return resource.drift().stream()
        .map(d -> d.field() + "=" + d.expected() + "|" + d.actual())
        .toList();
  }

  private Care withinTheHour(Care care, Instant now) {
    List<Instant> recent =
        care.fixes().stream().filter(at -> at.isAfter(now.minus(Duration.ofHours(1)))).toList();
    return recent.size() == care.fixes().size()
        ? care
        : new Care(
            recent,
            care.failures(),
            care.notBefore(),
            care.stopped(),
            care.fixed(),
            care.returned(),
            care.proposal());
  }

  /** Counts the drift a fix undid that came back; stops healing at the second time. */
  private Care flapping(
      Registry.Project project, History history, Check.Resource resource, Care care, Instant now) {
    if (care.stopped() != null) return care;
    var returned = new LinkedHashMap<>(care.returned());
    for (Check.Drift drift : resource.drift()) {
      String key = drift.field() + "=" + drift.expected() + "|" + drift.actual();
      if (OWN_STATE.contains(drift.field()) || !care.fixed().contains(key)) continue;
      int times = returned.merge(key, 1, Integer::sum);
      if (times >= 2) {
        String why =
            "flapping: "
                + drift.field()
                + " goes back to "
                + drift.actual()
                + " after every fix (declared "
                + drift.expected()
                + "); something else writes it, so the service stops healing "
                + resource.id();
        event(project, history, new History.Event(now, resource.id(), "flapping", why));
        return new Care(
            care.fixes(),
            care.failures(),
            care.notBefore(),
            why,
            care.fixed(),
            returned,
            care.proposal());
      }
    }
    return new Care(
        care.fixes(),
        care.failures(),
        care.notBefore(),
        care.stopped(),
        care.fixed(),
        returned,
        care.proposal());
  }

  /** Whether a resource may be fixed now; records why not (a proposal, an exhausted budget). */
  private boolean mayFix(
      Registry.Project project,
      History history,
      Check.Resource resource,
      Policy policy,
      Care care,
      Instant now,
      Map<String, Care> cares) {
    cares.put(resource.id(), care);
    if (care.stopped() != null) return false;
    List<String> never =
        resource.drift().stream()
            .filter(
                d ->
                    NEVER_AUTOMATIC.contains(d.field())
                        || Sensitive.isStored(d.expected())
                        || Sensitive.isStored(d.actual()))
            .map(d -> d.field() + " (" + d.actual() + " → " + d.expected() + ")")
            .toList();
    if (!never.isEmpty()) {
      String proposal =
          "apply would change "
              + String.join(", ", never)
              + ", which the service never changes by itself: run clockwork apply to make it so";
      if (!proposal.equals(care.proposal())) {
        event(project, history, new History.Event(now, resource.id(), "proposal", proposal));
        cares.put(
            resource.id(),
            new Care(
                care.fixes(),
                care.failures(),
                care.notBefore(),
                care.stopped(),
                care.fixed(),
                care.returned(),
                proposal));
      }
      return false;
    }
    if (care.fixes().size() >= policy.fixesPerHour()) {
      String why =
          "budget exhausted: fixed "
              + care.fixes().size()
              + " times within the hour (fixesPerHour "
              + policy.fixesPerHour()
              + "); the service leaves "
              + resource.id()
              + " until clockwork service resume or an apply";
      event(project, history, new History.Event(now, resource.id(), "budget-exhausted", why));
      cares.put(
          resource.id(),
          new Care(
              care.fixes(),
              care.failures(),
              care.notBefore(),
              why,
              care.fixed(),
              care.returned(),
              care.proposal()));
      return false;
    }
    return !now.isBefore(care.notBefore());
  }

  /**
   * Applies the drifted resources again and replaces the failing ones, with what depends on them,
   * under the project's lock.
   *
   * @return the state serial afterwards
   */
  private long fix(
      Registry.Project project,
      History history,
      Set<String> drifted,
      Set<String> failing,
      Map<String, List<String>> undone,
      Map<String, Care> care,
      Instant now) {
    Path dir = Path.of(project.dir());
    Engine engine = checker.engine(dir);
    var fixing = new LinkedHashSet<String>();
    fixing.addAll(drifted);
    fixing.addAll(failing);
    ApplyResult result;
    try (StateLock lock = engine.lock("clockwork service")) {
      Plan plan = engine.plan(lock);
      var changes = new ArrayList<Change>();
      for (Change change : plan.changes()) {
        boolean dependent = change.dependsOn().stream().anyMatch(fixing::contains);
        if (failing.contains(change.id()) && change.action() == Action.SAME) {
          changes.add(
              new Change(
                  change.id(),
                  change.kind(),
                  new Diff(
                      Action.REPLACE,
                      List.of(),
                      false,
                      "made again by the service: an assertion failed"),
                  change.desired(),
                  change.previous(),
                  change.dependsOn(),
                  change.composites(),
                  false,
                  change.completion()));
        } else if ((fixing.contains(change.id()) || dependent)
            && change.action() != Action.SAME
            && change.action() != Action.DELETE) {
          changes.add(change);
          if (dependent) fixing.add(change.id());
        }
      }
      result = engine.apply(new Plan(plan.project(), plan.targets(), changes), lock);
    } catch (StateLockedException e) {
      event(
          project,
          history,
          new History.Event(
              now,
              String.join(", ", fixing),
              "deferred",
              "a clockwork command holds the project's lock ("
                  + e.holder()
                  + "): the service tries again at the next check"));
      return -1;
    } catch (RuntimeException e) {
      for (String id : fixing)
        failed(project, history, id, Sensitive.redact(String.valueOf(e.getMessage())), care, now);
      return serial(dir);
    }
    for (ApplyResult.Done done : result.done()) {
      Care its = care.getOrDefault(done.id(), Care.NEW);
      var fixes = new ArrayList<>(its.fixes());
      fixes.add(now);
      care.put(
          done.id(),
          new Care(
              fixes,
              0,
              now.plus(cooldown),
              null,
              undone.getOrDefault(done.id(), List.of()),
              its.returned(),
              its.proposal()));
      event(
          project,
          history,
          new History.Event(
              now,
              done.id(),
              "corrected",
              (failing.contains(done.id()) ? "made again" : "applied again")
                  + " ("
                  + done.action().name().toLowerCase()
                  + "), fix "
                  + fixes.size()
                  + " within the hour"));
    }
    for (ApplyResult.Failed failed : result.failed())
      failed(project, history, failed.id(), Sensitive.redact(failed.message()), care, now);
    for (ApplyResult.Skipped skipped : result.skipped())
      failed(
          project,
          history,
          skipped.id(),
          "skipped: " + skipped.failedDependency() + " failed",
          care,
          now);
    return serial(dir);
  }

  private void failed(
      Registry.Project project,
      History history,
      String id,
      String why,
      Map<String, Care> care,
      Instant now) {
    Care its = care.getOrDefault(id, Care.NEW);
    int failures = its.failures() + 1;
    Duration backoff = cooldown.multipliedBy(1L << Math.min(failures, 10));
    if (backoff.compareTo(LONGEST_BACKOFF) > 0) backoff = LONGEST_BACKOFF;
    var fixes = new ArrayList<>(its.fixes());
    fixes.add(now);
    care.put(
        id,
        new Care(
            fixes,
            failures,
            now.plus(backoff),
            its.stopped(),
            its.fixed(),
            its.returned(),
            its.proposal()));
    event(
        project,
        history,
        new History.Event(
            now,
            id,
            "correction-failed",
            why + "; the next try in " + backoff.toSeconds() + " s at the earliest"));
  }

  private static long serial(Path dir) {
    return new LocalStateStore(dir.resolve(Engine.WORK_DIR)).read().serial();
  }

  private void event(Registry.Project project, History history, History.Event event) {
    history.add(event);
    alerts.send(project, event);
  }

  private Cares read(String projectId) {
    Path file = home.care(projectId);
    if (Files.exists(file)) {
      try {
        return ServiceHome.JSON.readValue(file.toFile(), Cares.class);
      } catch (IOException e) {
        // unreadable: start again, as after a resume
      }
    }
    return new Cares(-1, Map.of());
  }

  private void write(String projectId, Cares cares) {
    ServiceHome.write(home.care(projectId), cares);
  }
}
