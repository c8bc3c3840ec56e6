package clockwork.cli;

import clockwork.cli.GraphCommand.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The graph as SVG, laid out by Clockwork itself, with no Graphviz and no network: a column per
 * depth (what needs nothing on the left, an arrow from each resource to what it needs), a band of
 * rows per outermost composite, drawn as a dashed box labelled with its composites.
 */
final class GraphSvg {
  private static final int HEIGHT = 36;
  private static final int ROW = 56;
  private static final int MARGIN = 24;
  private static final int BAND_TITLE = 22;

  private final List<Node> nodes;
  // wide enough for the longest label, at about 7 px a character
  private final int nodeWidth;
  private final Map<String, int[]> at = new HashMap<>();
  private final StringBuilder clusters = new StringBuilder();
  private int width;
  private int height;

  GraphSvg(List<Node> nodes) {
    this.nodes = nodes;
    this.nodeWidth =
        Math.max(160, 20 + 7 * nodes.stream().mapToInt(n -> n.label().length()).max().orElse(0));
    layOut();
  }

  /** Each node's column: one more than the deepest of what it needs. */
  private Map<String, Integer> depths() {
    var depth = new HashMap<String, Integer>();
    // nodes come dependencies first, so each one's needs already have theirs
    for (Node node : nodes) {
      int deepest = -1;
      for (String need : needs(node)) deepest = Math.max(deepest, depth.getOrDefault(need, 0));
      depth.put(node.id(), deepest + 1);
    }
    return depth;
  }

  private static List<String> needs(Node node) {
    var all = new ArrayList<>(node.dependsOn());
    all.addAll(node.orderOnly());
    return all;
  }

  private void layOut() {
    Map<String, Integer> depth = depths();
    var bands = new LinkedHashMap<String, List<Node>>();
    for (Node node : nodes) {
      String band = node.composites().isEmpty() ? "" : node.composites().getFirst();
      bands.computeIfAbsent(band, b -> new ArrayList<>()).add(node);
    }
    int columns = depth.values().stream().mapToInt(d -> d + 1).max().orElse(1);
    width = MARGIN * 2 + (columns - 1) * (nodeWidth + 60) + nodeWidth + 16;
    int y = MARGIN;
    for (var band : bands.entrySet()) {
      boolean cluster = !band.getKey().isEmpty();
      int top = y;
      if (cluster) y += BAND_TITLE;
      var rows = new HashMap<Integer, Integer>();
      int used = 0;
      for (Node node : band.getValue()) {
        int column = depth.get(node.id());
        int row = rows.merge(column, 1, Integer::sum) - 1;
        used = Math.max(used, row + 1);
        at.put(node.id(), new int[] {MARGIN + 8 + column * (nodeWidth + 60), y + row * ROW});
      }
      y += used * ROW;
      if (cluster) {
        clusters
            .append("  <rect class=\"cluster\" x=\"")
            .append(MARGIN)
            .append("\" y=\"")
            .append(top)
            .append("\" width=\"")
            .append(width - 2 * MARGIN)
            .append("\" height=\"")
            .append(y - top)
            .append("\"/>\n  <text class=\"cluster\" x=\"")
            .append(MARGIN + 8)
            .append("\" y=\"")
            .append(top + 16)
            .append("\">")
            .append(escape(band.getKey()))
            .append("</text>\n");
        y += 12;
      }
    }
    height = y + MARGIN;
  }

  String text() {
    var svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" font-family=\"sans-serif\" font-size=\"12\">\n")
        .append("  <style>rect.node{fill:#fff;stroke:#333}rect.model{stroke-dasharray:4 3}")
        .append("rect.cluster{fill:none;stroke:#888;stroke-dasharray:6 4}text.cluster{fill:#555}")
        .append("line{stroke:#333}line.order{stroke-dasharray:4 3}</style>\n")
        .append("  <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\"")
        .append(" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\">")
        .append("<path d=\"M0,0 L10,5 L0,10 z\"/></marker></defs>\n")
        .append(clusters);
    for (Node node : nodes) {
      int[] from = at.get(node.id());
      for (String need : needs(node)) {
        int[] to = at.get(need);
        if (to == null) continue;
        svg.append("  <line")
            .append(node.orderOnly().contains(need) ? " class=\"order\"" : "")
            .append(" x1=\"")
            .append(from[0])
            .append("\" y1=\"")
            .append(from[1] + HEIGHT / 2)
            .append("\" x2=\"")
            .append(to[0] + nodeWidth)
            .append("\" y2=\"")
            .append(to[1] + HEIGHT / 2)
            .append("\" marker-end=\"url(#arrow)\"/>\n");
      }
    }
    for (Node node : nodes) {
      int[] p = at.get(node.id());
      svg.append("  <g><title>")
          .append(escape(node.label()))
          .append("</title><rect class=\"node")
          .append(node.modelFilled() ? " model" : "")
          .append("\" x=\"")
          .append(p[0])
          .append("\" y=\"")
          .append(p[1])
          .append("\" width=\"")
          .append(nodeWidth)
          .append("\" height=\"")
          .append(HEIGHT)
          .append("\" rx=\"6\"/><text x=\"")
          .append(p[0] + 10)
          .append("\" y=\"")
          .append(p[1] + 22)
          .append("\">")
          .append(escape(node.label()))
          .append("</text></g>\n");
    }
    return svg.append("</svg>\n").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
