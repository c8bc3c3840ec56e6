package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;

/**
 * {@code clockwork graph}: composites as clusters, connections as edges, model-filled resources
 * marked, as dot, mermaid, SVG and JSON; no engine and no model asked.
 */
class GraphIT {
  @RegisterExtension final TestProject workspace = TestProject.withoutDocker();

  final Path project = workspace.dir();

  @Test
  void graph_drawsClustersEdgesAndModelFilledResources_inEveryFormat() throws Exception {
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            var db = new DockerResource("db").image("postgres:16-alpine");
            var api = new DockerResource("api").image("example/api:1").connect(db);
            var conf = new FileResource("conf").path("conf.txt").content("x\\n");
            api.dependsOn(conf);
            var cache = new DockerResource("cache").description("a Redis cache");
            Clockwork.declare(new BlankResource("shop").add(db, api), conf, cache);
        }
        """);
    // an engine that is not there: graph never asks it
    var environment = java.util.Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + DockerHost.freePort());

    assertThat(Launcher.run(project, environment, "graph"))
        .succeeded()
        .outContains(
            "digraph clockwork {",
            "subgraph \"cluster_shop\" {",
            "label=\"shop\";",
            "\"shop.api\" -> \"shop.db\";",
            "\"shop.api\" -> \"conf\" [style=dashed];",
            "\"cache\" [label=\"cache (docker, model-filled)\", style=dashed];");

    assertThat(Launcher.run(project, environment, "graph", "--format", "mermaid"))
        .succeeded()
        .outContains(
            "flowchart LR\n",
            "  subgraph c0[\"shop\"]\n",
            "(docker, model-filled)\"/]",
            " --> ",
            " -.-> ");

    CliResult svg = Launcher.run(project, environment, "graph", "--format", "svg");
    assertThat(svg).succeeded();
    Document drawing =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.out().getBytes(StandardCharsets.UTF_8)));
    assertThat(drawing.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(drawing.getElementsByTagName("rect").getLength())
        .as("four resources and one composite")
        .isEqualTo(5);
    assertThat(drawing.getElementsByTagName("line").getLength()).isEqualTo(2);
    assertThat(svg.out()).contains(">shop.api (docker)</text>", "class=\"node model\"");

    JsonNode graph = JsonOutput.document(Launcher.run(project, environment, "graph", "--json"));
    assertThat(graph.path("nodes").findValuesAsText("id"))
        .containsExactlyInAnyOrder("shop.db", "shop.api", "conf", "cache");
    for (JsonNode node : graph.path("nodes")) {
      if (node.path("id").asText().equals("shop.api")) {
        assertThat(node.path("dependsOn").toString()).isEqualTo("[\"shop.db\"]");
        assertThat(node.path("orderOnly").toString()).isEqualTo("[\"conf\"]");
        assertThat(node.path("composites").toString()).isEqualTo("[\"shop\"]");
      }
      assertThat(node.path("modelFilled").asBoolean())
          .isEqualTo(node.path("id").asText().equals("cache"));
    }
  }
}
