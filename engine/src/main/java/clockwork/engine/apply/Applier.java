package clockwork.engine.apply;

import clockwork.engine.event.Event;
import clockwork.engine.event.EventListener;
import clockwork.engine.event.ReportingContext;
import clockwork.engine.plan.Change;
import clockwork.engine.plan.Plan;
import clockwork.engine.provider.ProviderHandle;
import clockwork.engine.provider.Providers;
import clockwork.engine.state.DigestKey;
import clockwork.engine.state.ResourceState;
import clockwork.engine.state.StateLock;
import clockwork.engine.state.StateStore;
import clockwork.spi.Action;
import clockwork.spi.Context;
import clockwork.spi.Operation;
import clockwork.spi.Outcome;
import clockwork.spi.Project;
import clockwork.spi.Sensitive;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Carries out a plan: independent changes in parallel (bounded), each after the changes it must
 * wait for, state written after every one. A failed change stops the changes that depend on it, not
 * the others.
 */
public final class Applier {
  private final Providers providers;
  private final StateStore store;
  private final int parallelism;
  private final EventListener events;
  private final DigestKey key;
  private final Clock clock;

  /**
   * @param key the project's key for digests of secrets
   * @param clock stamps state entries with when they changed
   */
  public Applier(
      Providers providers,
      StateStore store,
      int parallelism,
      EventListener events,
      DigestKey key,
      Clock clock) {
    if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1");
    this.providers = providers;
    this.store = store;
    this.parallelism = parallelism;
    this.events = events;
    this.key = key;
    this.clock = clock;
  }

  /**
   * Carries out every change of the plan that is not {@link Action#SAME}, after the providers got
   * ready for what is to be made.
   *
   * @throws PrepareException when a provider cannot get ready; nothing is changed then
   */
  public ApplyResult apply(Plan plan, StateLock lock) {
    List<Change> work = plan.changes().stream().filter(c -> c.action() != Action.SAME).toList();
    events.on(new Event.ApplyStarted(work.size()));
    try {
      return run(work, plan, lock);
    } finally {
      events.on(new Event.ApplyEnded());
    }
  }

  private ApplyResult run(List<Change> work, Plan plan, StateLock lock) {
    prepare(work, plan.project());
    // Platform threads, as many as may run at once: providers block in native calls (docker-java
    // reaches the engine's socket through JNA), which would pin the few carriers of virtual
    // threads.
    try (var executor =
        Executors.newFixedThreadPool(
            parallelism, Thread.ofPlatform().name("apply-", 1).factory())) {
      var ledger = new Ledger(store, lock, plan.project().id(), clock);
      return new Run(work, plan.project(), ledger, executor).result();
    }
  }

  /** Lets each provider get ready, at once, for everything it will make or replace. */
  private void prepare(List<Change> work, Project project) {
    Map<String, List<Record>> made = new LinkedHashMap<>();
    for (Change change : work) {
      if (change.action() == Action.CREATE || change.action() == Action.REPLACE) {
        made.computeIfAbsent(change.kind(), k -> new ArrayList<>()).add(change.desired());
      }
    }
    var context = new ReportingContext(project, null, events, key);
    for (var kind : made.entrySet()) {
      try {
        providers.find(kind.getKey()).orElseThrow().prepare(kind.getValue(), context);
      } catch (Exception e) {
        throw new PrepareException(kind.getKey(), e);
      }
    }
  }

  /** One apply: every change started once the changes it waits for have finished. */
  private final class Run {
    private final List<Change> work;
    private final Project project;
    private final Ledger ledger;
    private final ExecutorService executor;
    private final Map<String, Change> made = new HashMap<>();
    private final Map<String, List<Change>> deletedDependents = new HashMap<>();
    // what each delete frees for others to take: a host port, say
    private final Map<String, List<Change>> deletesClaiming = new HashMap<>();
    // per change: completes with null when it succeeded, else with the id of the failed change
    // that stopped it
    private final Map<String, CompletableFuture<String>> outcomes = new HashMap<>();
    private final ConcurrentLinkedQueue<ApplyResult.Done> done = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ApplyResult.Failed> failed = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ApplyResult.Skipped> skipped =
        new ConcurrentLinkedQueue<>();

    Run(List<Change> work, Project project, Ledger ledger, ExecutorService executor) {
      this.work = work;
      this.project = project;
      this.ledger = ledger;
      this.executor = executor;
      for (Change change : work) {
        if (change.action() != Action.DELETE) {
          made.put(change.id(), change);
        } else {
          for (String dependency : change.dependsOn()) {
            deletedDependents.computeIfAbsent(dependency, id -> new ArrayList<>()).add(change);
          }
          for (String claim : claims(change)) {
            deletesClaiming.computeIfAbsent(claim, c -> new ArrayList<>()).add(change);
          }
        }
      }
    }

    /**
     * What a change waits for: a make or change, the makes and changes of its dependencies and the
     * deletes that free what it claims; a delete, the deletes of the resources that depended on it.
     */
    private List<Change> waitsFor(Change change) {
      if (change.action() == Action.DELETE) {
        return deletedDependents.getOrDefault(change.id(), List.of());
      }
      var before = new LinkedHashSet<Change>();
      change.dependsOn().stream().map(made::get).filter(c -> c != null).forEach(before::add);
      for (String claim : claims(change)) {
        before.addAll(deletesClaiming.getOrDefault(claim, List.of()));
      }
      return List.copyOf(before);
    }

    /** What the change's spec claims: the desired one, or for a delete the one state holds. */
    private Set<String> claims(Change change) {
      return providers
          .find(change.kind())
          .map(
              handle ->
                  change.action() == Action.DELETE
                      ? handle.claims(change.previous())
                      : handle.claims(change.desired()))
          .orElse(Set.of());
    }

    ApplyResult result() {
      CompletableFuture.allOf(work.stream().map(this::outcome).toArray(CompletableFuture[]::new))
          .join();
      Map<String, Integer> position = new HashMap<>();
      for (int i = 0; i < work.size(); i++) position.put(work.get(i).id(), i);
      Comparator<String> planOrder = Comparator.comparing(position::get);
      return new ApplyResult(
          done.stream().sorted(Comparator.comparing(ApplyResult.Done::id, planOrder)).toList(),
          failed.stream().sorted(Comparator.comparing(ApplyResult.Failed::id, planOrder)).toList(),
          skipped.stream()
              .sorted(Comparator.comparing(ApplyResult.Skipped::id, planOrder))
              .toList());
    }

    /** The change's outcome, scheduled after those it waits for (scheduling them first). */
    private CompletableFuture<String> outcome(Change change) {
      CompletableFuture<String> known = outcomes.get(change.id());
      if (known != null) return known;
      List<CompletableFuture<String>> before =
          waitsFor(change).stream().map(this::outcome).toList();
      CompletableFuture<String> outcome =
          CompletableFuture.allOf(before.toArray(CompletableFuture[]::new))
              .thenApplyAsync(ignored -> start(change, before), executor);
      outcomes.put(change.id(), outcome);
      return outcome;
    }

    private String start(Change change, List<CompletableFuture<String>> before) {
      for (var predecessor : before) {
        String blocker = predecessor.join();
        if (blocker != null) {
          skipped.add(new ApplyResult.Skipped(change.id(), change.action(), blocker));
          events.on(new Event.ChangeSkipped(change.id(), change.action(), blocker));
          return blocker;
        }
      }
      return carryOut(change) ? null : change.id();
    }

    private boolean carryOut(Change change) {
      events.on(new Event.ChangeStarted(change.id(), change.action()));
      long started = System.nanoTime();
      try {
        ProviderHandle<?, ?, ?> provider =
            providers
                .find(change.kind())
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "this Clockwork has no provider for kind \""
                                + change.kind()
                                + "\", which state records; use the Clockwork that made it"));
        Operation operation = operation(change);
        switch (change.action()) {
          case CREATE ->
              record(change, provider.create(change.desired(), change.previous(), operation));
          case UPDATE ->
              record(change, provider.update(change.desired(), change.previous(), operation));
          case REPLACE ->
              record(change, provider.replace(change.desired(), change.previous(), operation));
          case DELETE -> {
            if (!change.retain()) provider.delete(change.previous(), operation);
            ledger.forget(change.id());
          }
          case SAME -> throw new IllegalArgumentException("nothing to do for " + change.id());
        }
      } catch (Exception e) {
        String message = describe(e);
        failed.add(new ApplyResult.Failed(change.id(), change.action(), message));
        events.on(new Event.ChangeFailed(change.id(), change.action(), message));
        return false;
      }
      done.add(new ApplyResult.Done(change.id(), change.action(), change.retain()));
      events.on(
          change.retain()
              ? new Event.Forgotten(change.id())
              : new Event.ChangeDone(
                  change.id(), change.action(), Duration.ofNanos(System.nanoTime() - started)));
      return true;
    }

    private void record(Change change, Outcome<? extends Record> outcome) {
      String now = ledger.now();
      ledger.record(
          change.id(),
          new ResourceState(
              change.kind(),
              ProviderHandle.toJson(change.desired()),
              ProviderHandle.toJson(outcome.observed()),
              outcome.artifacts(),
              change.dependsOn(),
              // an update keeps when it was made; one taken back into state is made now, for state
              change.action() == Action.UPDATE && change.previous() != null
                  ? change.previous().createdAt()
                  : now,
              now,
              change.composites()));
    }

    private Operation operation(Change change) {
      Context context = new ReportingContext(project, change.id(), events, key);
      return new Operation() {
        @Override
        public String resourceId() {
          return change.id();
        }

        @Override
        public Project project() {
          return project;
        }

        @Override
        public void report(String message) {
          context.report(message);
        }

        @Override
        public String keyedDigest(String value) {
          return context.keyedDigest(value);
        }

        @Override
        public void claim(List<String> artifacts) {
          ledger.claim(change.id(), change.kind(), change.dependsOn(), artifacts);
        }
      };
    }
  }

  /** An error as a user reads it: what went wrong, and on what; a password in a URL hidden. */
  private static String describe(Exception e) {
    if (e instanceof AccessDeniedException denied) return "permission denied: " + denied.getFile();
    if (e instanceof FileSystemException fs && fs.getFile() != null) {
      String reason = fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
      return reason + ": " + fs.getFile();
    }
    return Sensitive.redact(e.getMessage() != null ? e.getMessage() : e.toString());
  }
}
