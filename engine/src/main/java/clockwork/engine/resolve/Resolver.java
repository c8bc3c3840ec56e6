package clockwork.engine.resolve;

import clockwork.Resource;
import clockwork.engine.error.Problem;
import clockwork.engine.resolve.ResourceGraph.Node;
import clockwork.resources.BlankResource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns what main.java declared into a {@link ResourceGraph}: composites flattened into qualified
 * ids ({@code webapp.db}), every name usable and unique among its siblings, connections as
 * dependencies between the resources providers make, and no cycles. A resource that is connected to
 * but not declared is made too: the connection says it is wanted.
 */
public final class Resolver {

  /**
   * @throws ResolveException listing every problem found
   */
  public ResourceGraph resolve(List<Resource> declared) {
    List<Resource> all = reachable(declared);
    var problems = new ArrayList<Problem>();
    Map<Resource, BlankResource> parents = parents(all, problems);
    List<Resource> roots = all.stream().filter(r -> !parents.containsKey(r)).toList();

    Map<Resource, String> ids = new IdentityHashMap<>();
    Map<Resource, List<String>> composites = new IdentityHashMap<>();
    var leaves = new ArrayList<Resource>();
    assignIds(roots, List.of(), ids, composites, leaves, problems);
    for (Resource resource : all) {
      if (!ids.containsKey(resource)) {
        problems.add(
            Problem.of(
                resource,
                resource.name(),
                "it is inside itself, through the composites that contain it: a composite cannot"
                    + " contain the composite it is in"));
      }
    }
    if (!problems.isEmpty()) throw new ResolveException(problems, List.of());

    Map<Resource, Set<Resource>> dependencies = dependencies(all, leaves, false);
    Map<Resource, Set<Resource>> connected = dependencies(all, leaves, true);
    List<Resource> cycle = findCycle(leaves, dependencies);
    if (!cycle.isEmpty()) {
      List<String> path = cycle.stream().map(ids::get).toList();
      throw new ResolveException(
          List.of(
              Problem.of(
                  cycle.getFirst(),
                  path.getFirst(),
                  "its connections form a cycle, "
                      + String.join(" → ", path)
                      + ": one of them must not depend on the other; remove one connect(...)")),
          path);
    }
    var placed = new LinkedHashSet<Resource>();
    for (Resource leaf : leaves) place(leaf, dependencies, placed);
    var nodes = new ArrayList<Node>();
    for (Resource leaf : placed) {
      nodes.add(
          new Node(
              ids.get(leaf),
              leaf,
              dependencies.get(leaf).stream().map(ids::get).toList(),
              dependencies.get(leaf).stream()
                  .filter(d -> !connected.get(leaf).contains(d))
                  .map(ids::get)
                  .collect(Collectors.toSet()),
              composites.get(leaf)));
    }
    return new ResourceGraph(nodes, ids);
  }

  /** Everything declared, in composites, or connected to, in the order found. */
  private static List<Resource> reachable(List<Resource> declared) {
    Set<Resource> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    var order = new ArrayList<Resource>();
    var pending = new ArrayList<>(declared);
    for (int i = 0; i < pending.size(); i++) {
      Resource resource = pending.get(i);
      if (!seen.add(resource)) continue;
      order.add(resource);
      if (resource instanceof BlankResource composite)
        pending.addAll(composite.children().asList());
      pending.addAll(resource.connections());
    }
    return order;
  }

  /** Which composite each resource is in; a resource may be in one only. */
  private static Map<Resource, BlankResource> parents(List<Resource> all, List<Problem> problems) {
    Map<Resource, BlankResource> parents = new IdentityHashMap<>();
    for (Resource resource : all) {
      if (!(resource instanceof BlankResource composite)) continue;
      for (Resource child : composite.children()) {
        BlankResource other = parents.putIfAbsent(child, composite);
        if (other != null && other != composite) {
          problems.add(
              Problem.of(
                  child,
                  child.name(),
                  "it is in two composites, \""
                      + other.name()
                      + "\" and \""
                      + composite.name()
                      + "\": a resource belongs to one; make a second resource for the other"));
        }
      }
    }
    return parents;
  }

  /**
   * Gives each resource its qualified id and the composites it is in, and collects the ones
   * providers make.
   *
   * @param enclosing the ids of the composites the siblings are in, outermost first
   */
  private static void assignIds(
      List<Resource> siblings,
      List<String> enclosing,
      Map<Resource, String> ids,
      Map<Resource, List<String>> composites,
      List<Resource> leaves,
      List<Problem> problems) {
    Map<String, List<Resource>> byName = new LinkedHashMap<>();
    for (Resource resource : siblings) {
      String id =
          enclosing.isEmpty() ? resource.name() : enclosing.getLast() + "." + resource.name();
      String problem = nameProblem(resource.name());
      if (problem != null) problems.add(Problem.of(resource, id, problem));
      byName.computeIfAbsent(resource.name(), n -> new ArrayList<>()).add(resource);
      ids.put(resource, id);
      composites.put(resource, enclosing);
      if (resource instanceof BlankResource composite) {
        var inner = new ArrayList<>(enclosing);
        inner.add(id);
        assignIds(composite.children().asList(), inner, ids, composites, leaves, problems);
      } else {
        leaves.add(resource);
      }
    }
    byName.forEach(
        (name, same) -> {
          if (same.size() > 1) problems.add(duplicate(same, ids.get(same.getFirst()), name));
        });
  }

  /** Null when the name can serve as an identity, else what is wrong with it. */
  private static String nameProblem(String name) {
    if (name.isBlank()) return "the name is empty: give every resource a name of its own";
    if (!name.strip().equals(name)) {
      return "the name has spaces at its start or end: remove them";
    }
    if (name.equals(".") || name.equals("..")) {
      return "a name cannot be \"" + name + "\": choose a word";
    }
    if (name.contains("/")
        || name.contains("\\")
        || name.chars().anyMatch(Character::isISOControl)) {
      return "the name contains a slash or a control character: a name is an identity, not a"
          + " path (a FileResource takes its location from .directory(...) or .path(...))";
    }
    return null;
  }

  private static Problem duplicate(List<Resource> same, String id, String name) {
    List<String> sites =
        same.stream().map(r -> r.declaredAt() == null ? "?" : r.declaredAt()).toList();
    return Problem.of(
        same.getFirst(),
        id,
        same.size()
            + " resources have this name (declared at "
            + String.join(", ", sites)
            + "): a name is an identity, so rename all but one (a FileResource keeps its file name"
            + " with .path(\"dir/"
            + name
            + "\"))");
  }

  /**
   * What each resource providers make depends on: its own connections and those of the composites
   * around it, with connections to composites meaning every resource in them.
   *
   * @param connectedOnly leave out what a resource depends on for the order alone ({@link
   *     Resource#dependsOn})
   */
  private static Map<Resource, Set<Resource>> dependencies(
      List<Resource> all, List<Resource> leaves, boolean connectedOnly) {
    Map<Resource, Set<Resource>> dependencies = new IdentityHashMap<>();
    for (Resource leaf : leaves) dependencies.put(leaf, new LinkedHashSet<>());
    for (Resource resource : all) {
      List<Resource> targets = new ArrayList<>();
      for (Resource target : resource.connections()) {
        if (!connectedOnly || !resource.ordersOnly(target)) targets.addAll(leavesOf(target));
      }
      for (Resource source : leavesOf(resource)) {
        for (Resource target : targets) {
          if (target != source) dependencies.get(source).add(target);
        }
      }
    }
    return dependencies;
  }

  private static List<Resource> leavesOf(Resource resource) {
    if (!(resource instanceof BlankResource composite)) return List.of(resource);
    var leaves = new ArrayList<Resource>();
    for (Resource child : composite.children()) leaves.addAll(leavesOf(child));
    return leaves;
  }

  /** A cycle as a path of resources, first repeated at the end; empty when there is none. */
  private static List<Resource> findCycle(
      List<Resource> leaves, Map<Resource, Set<Resource>> dependencies) {
    Map<Resource, Boolean> onPath = new IdentityHashMap<>(); // true: on the path; false: done
    for (Resource start : leaves) {
      List<Resource> cycle = visit(start, dependencies, onPath, new ArrayList<>());
      if (!cycle.isEmpty()) return cycle;
    }
    return List.of();
  }

  private static List<Resource> visit(
      Resource resource,
      Map<Resource, Set<Resource>> dependencies,
      Map<Resource, Boolean> onPath,
      List<Resource> path) {
    Boolean state = onPath.get(resource);
    if (Boolean.FALSE.equals(state)) return List.of();
    if (Boolean.TRUE.equals(state)) {
      var cycle = new ArrayList<>(path.subList(path.indexOf(resource), path.size()));
      cycle.add(resource);
      return cycle;
    }
    onPath.put(resource, true);
    path.add(resource);
    for (Resource next : dependencies.get(resource)) {
      List<Resource> cycle = visit(next, dependencies, onPath, path);
      if (!cycle.isEmpty()) return cycle;
    }
    path.removeLast();
    onPath.put(resource, false);
    return List.of();
  }

  /** Declaration order, except that each resource comes after what it depends on. */
  private static void place(
      Resource resource, Map<Resource, Set<Resource>> dependencies, Set<Resource> placed) {
    if (placed.contains(resource)) return;
    for (Resource dependency : dependencies.get(resource)) place(dependency, dependencies, placed);
    placed.add(resource);
  }
}
