package clockwork.engine.plan;

import clockwork.engine.complete.Desired;
import clockwork.engine.error.Problem;
import clockwork.engine.provider.ProviderHandle;
import clockwork.engine.provider.Providers;
import clockwork.engine.state.ResourceState;
import clockwork.engine.state.State;
import clockwork.spi.Action;
import clockwork.spi.Context;
import clockwork.spi.Diff;
import clockwork.spi.FieldChange;
import clockwork.spi.InvalidResourceException;
import clockwork.spi.Removals;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares what is desired with what state says Clockwork made and with what really exists, and
 * says what must change. Reality is observed once per kind, not once per resource.
 */
public final class Planner {
  private final Providers providers;
  private final Context context;

  /**
   * @param context the project, and where providers report progress
   */
  public Planner(Providers providers, Context context) {
    this.providers = providers;
    this.context = context;
  }

  /**
   * Plans making reality match the desired resources; resources in state but no longer desired are
   * deleted.
   *
   * @throws PlanException when something in the way makes a change unsafe
   * @throws ObserveException when reality cannot be observed
   */
  public Plan plan(List<Desired> desired, State state) {
    var targets = new LinkedHashSet<String>();
    Map<String, Record> observed = observe(desired, targets);
    var changes = new ArrayList<Change>();
    var problems = new ArrayList<Problem>();
    for (Desired resource : desired) {
      ResourceState previous = state.resources().get(resource.id());
      if (previous != null && !previous.kind().equals(resource.kind())) {
        problems.add(
            Problem.of(
                resource.resource(),
                resource.id(),
                "Clockwork made this as a "
                    + previous.kind()
                    + ", and it is now declared as a "
                    + resource.kind()
                    + ": give it another name, or apply once without it so the "
                    + previous.kind()
                    + " is removed first"));
        continue;
      }
      ProviderHandle<?, ?, ?> provider = providers.find(resource.kind()).orElseThrow();
      try {
        Diff diff = provider.diff(resource.spec(), previous, observed.get(resource.id()));
        changes.add(Change.of(resource, diff, previous));
      } catch (InvalidResourceException e) {
        e.problems().forEach(p -> problems.add(Problem.of(resource.resource(), resource.id(), p)));
      }
    }
    if (!problems.isEmpty()) throw new PlanException(problems);
    Set<String> kept = new LinkedHashSet<>();
    desired.forEach(d -> kept.add(d.id()));
    changes.addAll(unrecorded(state, desired, kept));
    changes.addAll(deletes(state, kept, false));
    return new Plan(context.project(), List.copyOf(targets), changes);
  }

  /**
   * Plans removing everything in state.
   *
   * @param keepFiles forget the resources of kinds that only write files, leaving the files
   */
  public Plan destroy(State state, boolean keepFiles) {
    var changes = new ArrayList<>(unrecorded(state, List.of(), Set.of()));
    changes.addAll(deletes(state, Set.of(), keepFiles));
    return new Plan(context.project(), List.of(), changes);
  }

  /**
   * Deletes for what the providers of the kinds in play find of the project's that neither state
   * nor main.java knows (see {@code Provider#unrecorded}).
   */
  private List<Change> unrecorded(State state, List<Desired> desired, Set<String> declared) {
    var kinds = new LinkedHashSet<String>();
    desired.forEach(d -> kinds.add(d.kind()));
    state.resources().values().forEach(r -> kinds.add(r.kind()));
    var known = new LinkedHashSet<>(declared);
    known.addAll(state.resources().keySet());
    var deletes = new ArrayList<Change>();
    for (String kind : kinds) {
      var provider = providers.find(kind);
      if (provider.isEmpty()) continue;
      Map<String, ResourceState> found;
      try {
        found = provider.get().unrecorded(known, context);
      } catch (Exception e) {
        throw new ObserveException(kind, e);
      }
      found.forEach(
          (id, previous) ->
              deletes.add(
                  Change.delete(
                      id,
                      kind,
                      new Diff(
                          Action.DELETE,
                          removals(provider.get(), previous),
                          true,
                          "Clockwork's, found by its labels; not in state"),
                      previous,
                      false)));
    }
    return deletes;
  }

  /** Observes every kind once; collects where each provider works, for the plan to show. */
  private Map<String, Record> observe(List<Desired> desired, Set<String> targets) {
    Map<String, Map<String, Record>> byKind = new LinkedHashMap<>();
    for (Desired resource : desired) {
      byKind
          .computeIfAbsent(resource.kind(), k -> new LinkedHashMap<>())
          .put(resource.id(), resource.spec());
    }
    var observed = new HashMap<String, Record>();
    for (var kind : byKind.entrySet()) {
      ProviderHandle<?, ?, ?> provider = providers.find(kind.getKey()).orElseThrow();
      try {
        observed.putAll(provider.observe(kind.getValue(), context));
      } catch (Exception e) {
        throw new ObserveException(kind.getKey(), e);
      }
      if (provider.target() != null) targets.add(provider.target());
    }
    return observed;
  }

  /** Deletes for the resources in state that are not kept, dependents first. */
  private List<Change> deletes(State state, Set<String> kept, boolean keepFiles) {
    var order = new LinkedHashSet<String>();
    var visited = new HashSet<String>();
    for (String id : state.resources().keySet()) {
      dependenciesFirst(id, state, kept, visited, order);
    }
    var deletes = new ArrayList<Change>();
    for (String id : order.reversed()) {
      ResourceState previous = state.resources().get(id);
      var provider = providers.find(previous.kind());
      boolean retain = keepFiles && provider.map(p -> p.writesFiles()).orElse(false);
      var fields = new ArrayList<FieldChange>();
      // what is removed, shown as its create would show it
      provider.ifPresent(
          p ->
              p.describe(previous)
                  .forEach(f -> fields.add(new FieldChange(f.field(), f.after(), null, false))));
      if (!retain && provider.isPresent()) fields.addAll(removals(provider.get(), previous));
      deletes.add(
          Change.delete(
              id,
              previous.kind(),
              new Diff(
                  Action.DELETE,
                  fields,
                  false,
                  retain ? "kept in place; Clockwork forgets it" : null),
              previous,
              retain));
    }
    return deletes;
  }

  /** What a delete removes and what it leaves in place, as fields of the plan. */
  private List<FieldChange> removals(ProviderHandle<?, ?, ?> provider, ResourceState previous) {
    Removals removals;
    try {
      removals = provider.removals(previous, context);
    } catch (Exception e) {
      throw new ObserveException(provider.kind(), e);
    }
    var fields = new ArrayList<FieldChange>();
    if (!removals.removed().isEmpty()) {
      fields.add(new FieldChange("deletes", String.join(", ", removals.removed()), null, false));
    }
    if (!removals.kept().isEmpty()) {
      fields.add(new FieldChange("leaves", String.join(", ", removals.kept()), null, false));
    }
    return fields;
  }

  private static void dependenciesFirst(
      String id, State state, Set<String> kept, Set<String> visited, Set<String> order) {
    // visited before its dependencies, so that even a hand-edited state with a cycle ends
    if (kept.contains(id) || !state.resources().containsKey(id) || !visited.add(id)) return;
    for (String dependency : state.resources().get(id).dependsOn()) {
      dependenciesFirst(dependency, state, kept, visited, order);
    }
    order.add(id);
  }
}
