package clockwork.service;

import clockwork.Policy;
import clockwork.engine.Engine;
import clockwork.engine.apply.ApplyResult;
import clockwork.engine.complete.CompletionLock;
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
import java.util.Optional;
import java.util.Set;

/**
 * What the service does about a check: alerts on new drift and failures, and, for a resource whose
 * policy says so, applies it again (and what depends on it) through the engine's own apply, holding
 * the project's state lock, or has the model repair it ({@link Remediator}), within budgets:
 *
 * <ul>
 *   <li>at most {@link Policy#fixesPerHour()} fixes of a resource in an hour; then one alert, and
 *       no more tries until {@code clockwork service resume} or an apply by a person;
 *   <li>a cooldown after each fix, doubled after each fix that fails (up to 5 minutes);
 *   <li>a field that drifts back to the same value after two fixes is written by something else:
 *       healing stops with one alert naming the field and both values;
 *   <li>a fix that would change published ports, mounts, privileges or secrets is never made: it is
 *       recorded as a proposal, which {@code clockwork service approve} carries out.
 * </ul>
 *
 * What it knows of each resource ({@link Care}) and its proposals are kept in the service home, so
 * that a restart keeps the budgets.
 */
final class Healer {
  private static final Duration LONGEST_BACKOFF = Duration.ofMinutes(5);

  /** Fields whose change is never made without a person: ports, mounts, privileges, secrets. */
  static final Set<String> NEVER_AUTOMATIC =
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
   * @param fixed the drift the fixes undid since it was last as declared, as {@code
   *     field=expected|actual}
   * @param returned how often each of those came back after a fix
   * @param corrected whether it was made again for a failure and still fails: the model is next
   * @param remedies what the model tried for it, and how that went, oldest first
   */
  record Care(
      List<Instant> fixes,
      int failures,
      Instant notBefore,
      String stopped,
      List<String> fixed,
      Map<String, Integer> returned,
      boolean corrected,
      List<String> remedies) {
    static final Care NEW =
        new Care(List.of(), 0, Instant.EPOCH, null, List.of(), Map.of(), false, List.of());

    Care {
      remedies = remedies == null ? List.of() : remedies;
    }

    Care stop(String why) {
      return new Care(fixes, failures, notBefore, why, fixed, returned, corrected, remedies);
    }

    Care withReturned(Map<String, Integer> counted) {
      return new Care(fixes, failures, notBefore, stopped, fixed, counted, corrected, remedies);
    }

    Care withRemedy(String outcome) {
      var all = new ArrayList<>(remedies);
      all.add(outcome);
      // the last few are what the next prompt needs
      return new Care(
          fixes,
          failures,
          notBefore,
          stopped,
          fixed,
          returned,
          false,
          List.copyOf(all.subList(Math.max(0, all.size() - 5), all.size())));
    }
  }

  /**
   * A fix the service does not make by itself, waiting for a person.
   *
   * @param id what {@code clockwork service approve} names it by
   * @param summary what it would change, and why it waits
   * @param refusal why it can never be approved (a host path outside the project, say); {@code
   *     null} when it can
   * @param remedy the values the model proposed, to pin when approved; {@code null} for applying
   *     main.java as it is
   */
  record Proposal(
      String id,
      String resource,
      Instant at,
      String summary,
      String refusal,
      CompletionLock.Entry remedy) {}

  /**
   * A project's cares, and the state serial its last fix (or a person's apply) left.
   *
   * @param proposed how many proposals it has had, for the next one's id
   */
  record Cares(long serial, Map<String, Care> resources, List<Proposal> proposals, int proposed) {
    Cares {
      proposals = proposals == null ? List.of() : proposals;
    }
  }

  /** The heal of one check: where its events go, and what it changes of the project's cares. */
  final class Round {
    final Registry.Project project;
    final History history;
    final Map<String, Policy> policies;
    final Instant now;
    final Map<String, Care> care;
    final List<Proposal> proposals;
    int proposed;

    Round(Registry.Project project, History history, Map<String, Policy> policies, Cares cares) {
      this.project = project;
      this.history = history;
      this.policies = policies;
      this.now = clock.instant();
      this.care = new HashMap<>(cares.resources());
      this.proposals = new ArrayList<>(cares.proposals());
      this.proposed = cares.proposed();
    }

    Care care(String id) {
      return care.getOrDefault(id, Care.NEW);
    }

    Engine engine() {
      return checker.engine(Path.of(project.dir()));
    }

    /** Records an event, and alerts as the policies of the resources it is about say. */
    void event(String resource, Policy.Event event, String detail) {
      var about =
          policies.entrySet().stream()
              .filter(
                  e -> resource.equals("*") || List.of(resource.split(", ")).contains(e.getKey()))
              .map(Map.Entry::getValue)
              .toList();
      if (about.isEmpty()) about = List.of(Policy.DEFAULTS);
      boolean alert = about.stream().anyMatch(p -> p.alertOn().contains(event));
      List<String> webhooks =
          about.stream().flatMap(p -> p.webhooks().stream()).distinct().toList();
      var recorded = new History.Event(now, resource, event.label(), detail);
      history.add(recorded);
      alerts.send(project, recorded, alert, webhooks);
    }

    /** Records a proposal once: the same one for the same resource is not recorded again. */
    void propose(String resource, String summary, String refusal, CompletionLock.Entry remedy) {
      boolean known =
          proposals.stream()
              .anyMatch(p -> p.resource().equals(resource) && p.summary().equals(summary));
      if (known) return;
      String id = Integer.toString(++proposed);
      proposals.add(new Proposal(id, resource, now, summary, refusal, remedy));
      event(
          resource,
          Policy.Event.PROPOSAL,
          "proposal "
              + id
              + ": "
              + summary
              + (refusal == null
                  ? "; clockwork service approve " + id + " makes it so"
                  : "; it cannot be approved: " + refusal));
    }

    void save(long serial) {
      write(project.id(), new Cares(serial, care, proposals, proposed));
    }
  }

  private final ServiceHome home;
  private final Checker checker;
  private final Alerts alerts;
  private final Clock clock;
  private final Duration cooldown;
  private final Remediator remediator;

  Healer(ServiceHome home, Checker checker, Alerts alerts, Clock clock, Duration cooldown) {
    this.home = home;
    this.checker = checker;
    this.alerts = alerts;
    this.clock = clock;
    this.cooldown = cooldown;
    this.remediator = new Remediator(this);
  }

  /**
   * Acts on a check of a project.
   *
   * @param previous the check before, to tell what is new; {@code null} for none
   */
  void heal(Registry.Project project, Checker.Checked checked, Check previous, History history) {
    if (checked.check().error() != null) return;
    Cares cares = read(project.id());
    // a check that read state before the service's last change (an approval while it ran) is stale
    if (checked.serial() < cares.serial()) return;
    if (cares.serial() >= 0 && checked.serial() > cares.serial()) {
      // a person applied: whatever stopped starts again, budgets are full, proposals are answered
      boolean stopped = cares.resources().values().stream().anyMatch(c -> c.stopped() != null);
      cares = new Cares(cares.serial(), Map.of(), List.of(), cares.proposed());
      if (stopped) {
        new Round(project, history, checked.policies(), cares)
            .event("*", Policy.Event.RESUMED, "the project was applied; healing starts again");
      }
    }
    var round = new Round(project, history, checked.policies(), cares);
    long after = checked.serial();
    if (checked.policies().values().stream().anyMatch(p -> p.maxDuration() != null)) {
      after = reap(round, after);
    }
    var drifted = new LinkedHashSet<String>();
    var failing = new LinkedHashSet<String>();
    var remedying = new ArrayList<Check.Resource>();
    for (Check.Resource resource : checked.check().resources()) {
      Policy policy = checked.policies().getOrDefault(resource.id(), Policy.DEFAULTS);
      Care its = round.care(resource.id());
      if (its.stopped() != null && its.stopped().startsWith(EXPIRED)) continue; // gone for good
      its = withinTheHour(its, round.now);
      round.care.put(resource.id(), its);
      switch (resource.health()) {
        case "drifted" -> {
          for (Check.Drift drift : resource.drift()) {
            if (drift.firstSeen().equals(drift.lastSeen())) {
              round.event(
                  resource.id(),
                  Policy.Event.DRIFT,
                  drift.field() + " is " + drift.actual() + ", declared " + drift.expected());
            }
          }
          if (policy.onDrift() == Policy.OnDrift.AUTO_CORRECT && mayFix(round, resource, policy)) {
            drifted.add(resource.id());
          }
        }
        case "failing" -> {
          if (!"failing".equals(healthBefore(previous, resource.id()))) {
            round.event(resource.id(), Policy.Event.FAILURE, failures(resource));
          }
          Policy.OnFailure action = policy.onFailure();
          if (action == Policy.OnFailure.ALERT || !mayFix(round, resource, policy)) break;
          boolean modelNext =
              action == Policy.OnFailure.REMEDIATE_AI_AT_ONCE
                  || action == Policy.OnFailure.REMEDIATE_AI && its.corrected();
          if (modelNext) {
            remedying.add(resource);
          } else {
            failing.add(resource.id());
          }
        }
        case "ok" -> {
          if (!its.returned().isEmpty() || !its.fixed().isEmpty() || its.corrected()) {
            round.care.put(
                resource.id(),
                new Care(
                    its.fixes(),
                    its.failures(),
                    its.notBefore(),
                    its.stopped(),
                    List.of(),
                    Map.of(),
                    false,
                    its.remedies()));
          }
        }
        default -> {}
      }
    }
    if (!drifted.isEmpty() || !failing.isEmpty()) {
      after = fix(round, after, drifted, failing);
    }
    for (Check.Resource resource : remedying) {
      after = remediator.remediate(round, resource, after);
    }
    round.save(after);
  }

  /**
   * Destroys what has outlived its {@code maxDuration}, and what depends on it, under the project's
   * lock; each is left alone afterwards, until a person applies the project again.
   *
   * @return the state serial afterwards
   */
  private long reap(Round round, long serial) {
    Engine engine = round.engine();
    try {
      if (engine.planReap().reasons().isEmpty()) return serial;
      try (StateLock lock = engine.lock("clockwork service")) {
        Engine.Reap reap = engine.planReap();
        ApplyResult result = engine.apply(reap.plan(), lock);
        for (ApplyResult.Done done : result.done()) {
          String why = EXPIRED + ": " + reap.reasons().get(done.id()) + "; destroyed";
          round.care.put(done.id(), Care.NEW.stop(why));
          round.event(done.id(), Policy.Event.EXPIRED, why);
        }
        for (ApplyResult.Failed failed : result.failed()) {
          round.event(
              failed.id(),
              Policy.Event.EXPIRED,
              "expired, and could not be destroyed: " + Sensitive.redact(failed.message()));
        }
      }
    } catch (StateLockedException e) {
      round.event(
          "*",
          Policy.Event.DEFERRED,
          "a clockwork command holds the project's lock ("
              + e.holder()
              + "): what expired goes at the next check");
      return serial;
    }
    return serial(round.project);
  }

  /** Lets anything the service stopped healing in a project start again. */
  void resume(String projectId) {
    Cares cares = read(projectId);
    write(projectId, new Cares(cares.serial(), Map.of(), cares.proposals(), cares.proposed()));
  }

  /** Forgets a project no longer registered. */
  void forget(String projectId) {
    try {
      Files.deleteIfExists(home.care(projectId));
    } catch (IOException e) {
      // left behind, it is read again should the project be registered again
    }
  }

  /** A project's open proposals, and each resource's budget, for the API. */
  Map<String, Object> care(String projectId, Map<String, Policy> policies) {
    Cares cares = read(projectId);
    Instant now = clock.instant();
    var resources = new LinkedHashMap<String, Object>();
    cares
        .resources()
        .forEach(
            (id, its) -> {
              int budget =
                  policies.getOrDefault(id, Policy.DEFAULTS).fixesPerHour() == null
                      ? Policy.DEFAULTS.fixesPerHour()
                      : policies.getOrDefault(id, Policy.DEFAULTS).fixesPerHour();
              resources.put(
                  id,
                  Api.object(
                      "fixesLeft", Math.max(0, budget - withinTheHour(its, now).fixes().size()),
                      "stopped", its.stopped(),
                      "remedies", its.remedies()));
            });
    return Api.object("resources", resources, "proposals", cares.proposals());
  }

  /**
   * Carries out a proposal a person approved: pins the model's values and makes the resource again,
   * or applies main.java to it as it is.
   *
   * @return what became of it
   * @throws IllegalArgumentException when there is no such proposal, or it cannot be approved
   */
  String approve(Registry.Project project, History history, String proposalId) {
    Cares cares = read(project.id());
    Optional<Proposal> found =
        cares.proposals().stream().filter(p -> p.id().equals(proposalId)).findFirst();
    if (found.isEmpty()) {
      throw new IllegalArgumentException(
          "project "
              + project.id()
              + " has no proposal "
              + Api.quote(proposalId)
              + (cares.proposals().isEmpty()
                  ? ": it has none open"
                  : ": its open ones are "
                      + String.join(", ", cares.proposals().stream().map(Proposal::id).toList())));
    }
    Proposal proposal = found.get();
    if (proposal.refusal() != null) {
      throw new IllegalArgumentException(
          "proposal "
              + proposal.id()
              + " for "
              + proposal.resource()
              + " cannot be approved: "
              + proposal.refusal()
              + ". Change main.java yourself if it is what you want");
    }
    var round =
        new Round(project, history, checker.engine(Path.of(project.dir())).policies(), cares);
    round.proposals.remove(proposal);
    Engine engine = round.engine();
    String outcome;
    try (StateLock lock = engine.lock("clockwork service approve")) {
      if (proposal.remedy() != null) {
        engine.pin(
            proposal.resource(),
            new CompletionLock.Entry(
                proposal.remedy().kind(),
                proposal.remedy().model(),
                proposal.remedy().inputs(),
                proposal.remedy().values(),
                new CompletionLock.Remediation(
                    round.now.toString(),
                    "approved proposal " + proposal.id() + ": " + proposal.summary())));
      }
      ApplyResult result =
          engine.apply(narrowed(engine.plan(lock), Set.of(proposal.resource()), Set.of()), lock);
      outcome =
          result.failed().isEmpty() && result.skipped().isEmpty()
              ? "applied: " + proposal.summary()
              : "applied, and failed: "
                  + String.join(
                      "; ",
                      result.failed().stream()
                          .map(f -> f.id() + ": " + Sensitive.redact(f.message()))
                          .toList());
    }
    round.care.remove(proposal.resource());
    round.event(
        proposal.resource(), Policy.Event.APPROVED, "proposal " + proposal.id() + " " + outcome);
    round.save(serial(project));
    return outcome;
  }

  private static String healthBefore(Check previous, String id) {
    if (previous == null) return null;
    return previous.resources().stream()
        .filter(r -> r.id().equals(id))
        .map(Check.Resource::health)
        .findFirst()
        .orElse(null);
  }

  static String failures(Check.Resource resource) {
    return resource.assertions().stream()
        .filter(a -> !a.passed())
        .map(a -> a.description() + ": " + a.observation())
        .reduce((a, b) -> a + "; " + b)
        .orElse("an assertion failed");
  }

  private static List<String> keys(List<Check.Drift> drift) {
    return drift.stream().map(Healer::key).toList();
  }

  private static String key(Check.Drift drift) {
    return drift.field() + "=" + drift.expected() + "|" + drift.actual();
  }

  private static Care withinTheHour(Care care, Instant now) {
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
            care.corrected(),
            care.remedies());
  }

  /**
   * Counts the drift a fix is about to undo that an earlier fix undid already; stops healing at the
   * second time.
   *
   * @return whether healing stopped
   */
  private boolean flapping(Round round, String id, List<Check.Drift> undoing) {
    Care care = round.care(id);
    var returned = new LinkedHashMap<>(care.returned());
    for (Check.Drift drift : undoing) {
      String key = key(drift);
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
                + id;
        round.event(id, Policy.Event.FLAPPING, why);
        round.care.put(id, care.withReturned(returned).stop(why));
        return true;
      }
    }
    round.care.put(id, care.withReturned(returned));
    return false;
  }

  /** Whether a resource may be fixed now; records why not (a proposal, an exhausted budget). */
  boolean mayFix(Round round, Check.Resource resource, Policy policy) {
    Care care = round.care(resource.id());
    if (care.stopped() != null) return false;
    List<String> never = neverAutomatic(resource.drift());
    if (!never.isEmpty()) {
      round.propose(
          resource.id(),
          "apply would change "
              + String.join(", ", never)
              + ", which the service never changes by itself",
          null,
          null);
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
      round.event(resource.id(), Policy.Event.BUDGET_EXHAUSTED, why);
      round.care.put(resource.id(), care.stop(why));
      return false;
    }
    return !round.now.isBefore(care.notBefore());
  }

  /** The drift only a person may undo, each as {@code field (actual → declared)}. */
  private static List<String> neverAutomatic(List<Check.Drift> drift) {
    return drift.stream()
        .filter(
            d ->
                NEVER_AUTOMATIC.contains(d.field())
                    || Sensitive.isStored(d.expected())
                    || Sensitive.isStored(d.actual()))
        .map(d -> d.field() + " (" + d.actual() + " → " + d.expected() + ")")
        .toList();
  }

  /**
   * The changes of {@code plan} that make {@code fixing} as declared, with what depends on them;
   * each of {@code failing} that the plan leaves as it is is made again.
   */
  static Plan narrowed(Plan plan, Set<String> fixing, Set<String> failing) {
    var included = new LinkedHashSet<>(fixing);
    included.addAll(failing);
    var changes = new ArrayList<Change>();
    for (Change change : plan.changes()) {
      boolean dependent = change.dependsOn().stream().anyMatch(included::contains);
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
      } else if ((included.contains(change.id()) || dependent)
          && change.action() != Action.SAME
          && change.action() != Action.DELETE) {
        changes.add(change);
        if (dependent) included.add(change.id());
      }
    }
    return new Plan(plan.project(), plan.targets(), changes);
  }

  /**
   * Applies the drifted resources again and replaces the failing ones, with what depends on them,
   * under the project's lock.
   *
   * @param checked the state serial the check saw
   * @return the state serial afterwards
   */
  private long fix(Round round, long checked, Set<String> drifted, Set<String> failing) {
    Engine engine = round.engine();
    var fixing = new LinkedHashSet<String>(drifted);
    fixing.addAll(failing);
    ApplyResult result;
    var undone = new HashMap<String, List<String>>();
    try (StateLock lock = engine.lock("clockwork service")) {
      if (serial(round.project) != checked) {
        // a person applied or destroyed since the check: what it found may no longer be declared,
        // or no longer be there to fix. The check's serial, kept, lets the next one see the change.
        round.event(
            String.join(", ", fixing),
            Policy.Event.DEFERRED,
            "the project was applied or destroyed since the check: the service looks again at the"
                + " next check");
        return checked;
      }
      Plan plan = engine.plan(lock);
      // what each fix undoes is read from this plan, not from the check: a check that landed
      // half way through another tool's change (its container gone between an rm and a run)
      // saw something else than what the fix finds
      var fixable = new LinkedHashSet<String>();
      for (Change change : plan.changes()) {
        if (!drifted.contains(change.id())) continue;
        List<Check.Drift> undoing = Checker.drift(change, round.now, null);
        // one the service may not change by itself is proposed at the next check
        if (!neverAutomatic(undoing).isEmpty() || flapping(round, change.id(), undoing)) continue;
        fixable.add(change.id());
        undone.put(change.id(), keys(undoing));
      }
      if (fixable.isEmpty() && failing.isEmpty()) return checked;
      result = engine.apply(narrowed(plan, fixable, failing), lock);
    } catch (StateLockedException e) {
      round.event(
          String.join(", ", fixing),
          Policy.Event.DEFERRED,
          "a clockwork command holds the project's lock ("
              + e.holder()
              + "): the service tries again at the next check");
      return -1;
    } catch (RuntimeException e) {
      for (String id : fixing) failed(round, id, Sensitive.redact(String.valueOf(e.getMessage())));
      return serial(round.project);
    }
    for (ApplyResult.Done done : result.done()) {
      Care its = fixed(round, done.id(), undone.getOrDefault(done.id(), List.of()));
      round.care.put(
          done.id(),
          new Care(
              its.fixes(),
              0,
              its.notBefore(),
              null,
              its.fixed(),
              its.returned(),
              failing.contains(done.id()),
              its.remedies()));
      round.event(
          done.id(),
          Policy.Event.CORRECTED,
          (failing.contains(done.id()) ? "made again" : "applied again")
              + " ("
              + done.action().name().toLowerCase()
              + "), fix "
              + its.fixes().size()
              + " within the hour");
    }
    for (ApplyResult.Failed failed : result.failed()) {
      failed(round, failed.id(), Sensitive.redact(failed.message()));
    }
    for (ApplyResult.Skipped skipped : result.skipped()) {
      failed(round, skipped.id(), "skipped: " + skipped.failedDependency() + " failed");
    }
    return serial(round.project);
  }

  /** Counts a fix of a resource against its budget, and starts its cooldown. */
  Care fixed(Round round, String id, List<String> undid) {
    Care its = round.care(id);
    var fixes = new ArrayList<>(its.fixes());
    fixes.add(round.now);
    // every drift undone since the resource was last as declared: one that comes back after a
    // fix of something else in between (a container seen gone while another tool replaced it)
    // still comes back
    var all = new LinkedHashSet<>(its.fixed());
    all.addAll(undid);
    Care counted =
        new Care(
            fixes,
            its.failures(),
            round.now.plus(cooldown),
            its.stopped(),
            List.copyOf(all),
            its.returned(),
            its.corrected(),
            its.remedies());
    round.care.put(id, counted);
    return counted;
  }

  /** Counts a fix that failed, and backs off: the cooldown doubled for each in a row. */
  void failed(Round round, String id, String why) {
    failed(round, id, Policy.Event.CORRECTION_FAILED, why);
  }

  void failed(Round round, String id, Policy.Event event, String why) {
    Care its = round.care(id);
    int failures = its.failures() + 1;
    Duration backoff = cooldown.multipliedBy(1L << Math.min(failures, 10));
    if (backoff.compareTo(LONGEST_BACKOFF) > 0) backoff = LONGEST_BACKOFF;
    var fixes = new ArrayList<>(its.fixes());
    fixes.add(round.now);
    round.care.put(
        id,
        new Care(
            fixes,
            failures,
            round.now.plus(backoff),
            its.stopped(),
            its.fixed(),
            its.returned(),
            its.corrected(),
            its.remedies()));
    round.event(id, event, why + "; the next try in " + backoff.toSeconds() + " s at the earliest");
  }

  static long serial(Registry.Project project) {
    return new LocalStateStore(Path.of(project.dir()).resolve(Engine.WORK_DIR)).read().serial();
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
    return new Cares(-1, Map.of(), List.of(), 0);
  }

  private void write(String projectId, Cares cares) {
    ServiceHome.write(home.care(projectId), cares);
  }
}
