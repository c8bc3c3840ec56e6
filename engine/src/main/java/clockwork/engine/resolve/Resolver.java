package clockwork.engine.resolve;

import clockwork.Resource;
import clockwork.engine.error.Problem;
import clockwork.engine.resolve.ResourceGraph.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what main.java declared into a {@link ResourceGraph}: every resource named, every name
 * unique, connections as dependencies, no cycles. A resource that is connected to but not declared
 * is made too: the connection says it is wanted.
 */
public final class Resolver {

  /**
   * @throws ResolveException listing every problem found
   */
  public ResourceGraph resolve(List<Resource> declared) {
    List<Resource> all = reachable(declared);
    var problems = new ArrayList<Problem>();
    for (Resource resource : all) {
      String problem = nameProblem(resource.name());
      if (problem != null) problems.add(Problem.of(resource, resource.name(), problem));
    }
    problems.addAll(duplicates(all));
    if (!problems.isEmpty()) throw new ResolveException(problems, List.of());

    List<String> cycle = findCycle(all);
    if (!cycle.isEmpty()) {
      Resource first =
          all.stream().filter(r -> r.name().equals(cycle.getFirst())).findFirst().get();
      throw new ResolveException(
          List.of(
              Problem.of(
                  first,
                  first.name(),
                  "its connections form a cycle, "
                      + String.join(" → ", cycle)
                      + ": one of them must not depend on the other; remove one connect(...)")),
          cycle);
    }
    return new ResourceGraph(dependenciesFirst(all));
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

  private static List<Problem> duplicates(List<Resource> all) {
    Map<String, List<Resource>> byName = new LinkedHashMap<>();
    for (Resource resource : all) {
      byName.computeIfAbsent(resource.name(), n -> new ArrayList<>()).add(resource);
    }
    var problems = new ArrayList<Problem>();
    for (var entry : byName.entrySet()) {
      List<Resource> same = entry.getValue();
      if (same.size() < 2) continue;
      List<String> sites =
          same.stream().map(r -> r.declaredAt() == null ? "?" : r.declaredAt()).toList();
      problems.add(
          Problem.of(
              same.getFirst(),
              entry.getKey(),
              same.size()
                  + " resources have this name (declared at "
                  + String.join(", ", sites)
                  + "): a name is an identity, so rename all but one (a FileResource keeps its"
                  + " file name with .path(\"dir/"
                  + entry.getKey()
                  + "\"))"));
    }
    return problems;
  }

  /** The declared resources and everything they connect to, declared ones first. */
  private static List<Resource> reachable(List<Resource> declared) {
    Set<Resource> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    var order = new ArrayList<Resource>();
    var pending = new ArrayList<>(declared);
    for (int i = 0; i < pending.size(); i++) {
      Resource resource = pending.get(i);
      if (!seen.add(resource)) continue;
      order.add(resource);
      pending.addAll(resource.connections());
    }
    return order;
  }

  /** A cycle as a path of names, first repeated at the end; empty when there is none. */
  private static List<String> findCycle(List<Resource> all) {
    Map<Resource, Boolean> onPath = new IdentityHashMap<>(); // true: on the path; false: done
    for (Resource start : all) {
      var path = new ArrayList<Resource>();
      List<String> cycle = visit(start, onPath, path);
      if (!cycle.isEmpty()) return cycle;
    }
    return List.of();
  }

  private static List<String> visit(
      Resource resource, Map<Resource, Boolean> onPath, List<Resource> path) {
    Boolean state = onPath.get(resource);
    if (Boolean.FALSE.equals(state)) return List.of();
    if (Boolean.TRUE.equals(state)) {
      var cycle = new ArrayList<String>();
      for (Resource r : path.subList(path.indexOf(resource), path.size())) cycle.add(r.name());
      cycle.add(resource.name());
      return cycle;
    }
    onPath.put(resource, true);
    path.add(resource);
    for (Resource next : resource.connections()) {
      List<String> cycle = visit(next, onPath, path);
      if (!cycle.isEmpty()) return cycle;
    }
    path.removeLast();
    onPath.put(resource, false);
    return List.of();
  }

  /** Declaration order, except that each resource comes after what it depends on. */
  private static List<Node> dependenciesFirst(List<Resource> all) {
    var placed = new LinkedHashSet<Resource>();
    for (Resource resource : all) place(resource, placed);
    var nodes = new ArrayList<Node>();
    for (Resource resource : placed) {
      nodes.add(
          new Node(
              resource.name(),
              resource,
              resource.connections().stream().map(Resource::name).toList()));
    }
    return nodes;
  }

  private static void place(Resource resource, Set<Resource> placed) {
    if (placed.contains(resource)) return;
    for (Resource dependency : resource.connections()) place(dependency, placed);
    placed.add(resource);
  }
}
