package clockwork.cli;

import clockwork.engine.Engine;
import clockwork.engine.error.ExitCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "graph",
    description =
        "Draws what main.java declares: composites as clusters, connections as edges (an arrow"
            + " points at what a resource needs), model-filled resources marked. Asks no engine and"
            + " no model.")
final class GraphCommand implements Callable<Integer> {
  /** How the graph is written. */
  enum Format {
    dot,
    mermaid,
    svg
  }

  @ParentCommand Main main;
  @Spec CommandSpec spec;
  @Mixin JsonOption output;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "dot",
      description = "dot (Graphviz, the default), mermaid, or svg (drawn by Clockwork itself).")
  Format format;

  /** A resource as the graph shows it. */
  record Node(
      String id,
      String kind,
      List<String> dependsOn,
      List<String> orderOnly,
      List<String> composites,
      boolean modelFilled) {
    String label() {
      return id + " (" + kind + (modelFilled ? ", model-filled" : "") + ")";
    }
  }

  @Override
  public Integer call() {
    Engine.Validation validation = main.engine(1, null, output.progress(spec), spec).validate();
    var nodes = new ArrayList<Node>();
    for (Engine.Declared node : validation.graph()) {
      nodes.add(
          new Node(
              node.id(),
              node.kind(),
              node.dependsOn(),
              node.orderOnly(),
              node.composites(),
              validation.modelFilled().contains(node.id())));
    }
    var out = spec.commandLine().getOut();
    if (output.json) {
      out.print(new JsonDocument("graph").put("nodes", nodes).text());
    } else {
      out.print(
          switch (format) {
            case dot -> dot(nodes);
            case mermaid -> mermaid(nodes);
            case svg -> new GraphSvg(nodes).text();
          });
    }
    return ExitCode.OK.code();
  }

  /** The composites as a tree: each path of composites, outermost first, with its members. */
  static Map<List<String>, List<Node>> clusters(List<Node> nodes) {
    var clusters = new LinkedHashMap<List<String>, List<Node>>();
    for (Node node : nodes) {
      clusters.computeIfAbsent(node.composites(), c -> new ArrayList<>()).add(node);
    }
    return clusters;
  }

  static String dot(List<Node> nodes) {
    var text = new StringBuilder("digraph clockwork {\n  rankdir=LR;\n  node [shape=box];\n");
    var open = new ArrayList<String>();
    for (var cluster : clusters(nodes).entrySet()) {
      List<String> path = cluster.getKey();
      int common = 0;
      while (common < open.size()
          && common < path.size()
          && open.get(common).equals(path.get(common))) {
        common++;
      }
      while (open.size() > common) {
        open.removeLast();
        text.append("  ".repeat(open.size() + 1)).append("}\n");
      }
      for (int i = common; i < path.size(); i++) {
        String indent = "  ".repeat(open.size() + 1);
        text.append(indent)
            .append("subgraph ")
            .append(quote("cluster_" + String.join("/", path.subList(0, i + 1))))
            .append(" {\n")
            .append(indent)
            .append("  label=")
            .append(quote(path.get(i)))
            .append(";\n");
        open.add(path.get(i));
      }
      String indent = "  ".repeat(open.size() + 1);
      for (Node node : cluster.getValue()) {
        text.append(indent)
            .append(quote(node.id()))
            .append(" [label=")
            .append(quote(node.label()))
            .append(node.modelFilled() ? ", style=dashed" : "")
            .append("];\n");
      }
    }
    while (!open.isEmpty()) {
      open.removeLast();
      text.append("  ".repeat(open.size() + 1)).append("}\n");
    }
    for (Node node : nodes) {
      for (String dependency : node.dependsOn()) {
        text.append("  ")
            .append(quote(node.id()))
            .append(" -> ")
            .append(quote(dependency))
            .append(";\n");
      }
      for (String dependency : node.orderOnly()) {
        text.append("  ")
            .append(quote(node.id()))
            .append(" -> ")
            .append(quote(dependency))
            .append(" [style=dashed];\n");
      }
    }
    return text.append("}\n").toString();
  }

  static String mermaid(List<Node> nodes) {
    var names = new HashMap<String, String>();
    for (Node node : nodes) names.put(node.id(), "n" + names.size());
    var text = new StringBuilder("flowchart LR\n");
    int clusterNumber = 0;
    for (var cluster : clusters(nodes).entrySet()) {
      List<String> path = cluster.getKey();
      String indent = "  ";
      if (!path.isEmpty()) {
        text.append("  subgraph c")
            .append(clusterNumber++)
            .append("[\"")
            .append(mermaidText(String.join(" / ", path)))
            .append("\"]\n");
        indent = "    ";
      }
      for (Node node : cluster.getValue()) {
        text.append(indent)
            .append(names.get(node.id()))
            .append(node.modelFilled() ? "[/\"" : "[\"")
            .append(mermaidText(node.label()))
            .append(node.modelFilled() ? "\"/]\n" : "\"]\n");
      }
      if (!path.isEmpty()) text.append("  end\n");
    }
    for (Node node : nodes) {
      for (String dependency : node.dependsOn()) {
        text.append("  ")
            .append(names.get(node.id()))
            .append(" --> ")
            .append(names.get(dependency))
            .append('\n');
      }
      for (String dependency : node.orderOnly()) {
        text.append("  ")
            .append(names.get(node.id()))
            .append(" -.-> ")
            .append(names.get(dependency))
            .append('\n');
      }
    }
    return text.toString();
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String mermaidText(String text) {
    return text.replace("\"", "#quot;");
  }
}
