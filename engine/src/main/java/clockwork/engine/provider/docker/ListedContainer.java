package clockwork.engine.provider.docker;

import clockwork.engine.provider.container.Labels;
import clockwork.engine.state.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A container as the engine's list shows it ({@code GET /containers/json}): what a plan needs to
 * know of it. Read from the JSON tree, not docker-java's typed model, whose first use (Jackson
 * introspecting a dozen annotated classes) cost every plan tens of milliseconds.
 *
 * @param names its names, without Docker's leading slash
 * @param state {@code running}, {@code exited}, {@code created}, ...
 * @param networks the networks it is on: their ids by name
 * @param published the host ports it publishes, such as {@code 8080/tcp}
 */
record ListedContainer(
    String id,
    List<String> names,
    String state,
    Map<String, String> labels,
    Map<String, String> networks,
    Set<String> published) {

  /** The project's containers, running or not, found by its label: one list call. */
  static List<ListedContainer> ofProject(DockerEngine engine, String projectId) {
    return list(engine, "label", List.of(Labels.PROJECT + "=" + projectId));
  }

  /** The containers of exactly these names, whoever made them. */
  static List<ListedContainer> named(DockerEngine engine, List<String> names) {
    return list(engine, "name", names.stream().map(Artifacts::exactName).toList()).stream()
        .filter(c -> c.names().stream().anyMatch(names::contains))
        .toList();
  }

  /** The container of exactly this name, or {@code null}. */
  static ListedContainer named(DockerEngine engine, String name) {
    return named(engine, List.of(name)).stream().findFirst().orElse(null);
  }

  /** The container of this id, if there is one. */
  static List<ListedContainer> withId(DockerEngine engine, String id) {
    return list(engine, "id", List.of(id)).stream().filter(c -> c.id().equals(id)).toList();
  }

  /** Its first name, the one it was made with. */
  String name() {
    return names.getFirst();
  }

  private static List<ListedContainer> list(
      DockerEngine engine, String filter, List<String> values) {
    String filters = Json.line(Map.of(filter, values));
    JsonNode answer =
        engine.getJson(
            "/containers/json?all=1&filters=" + URLEncoder.encode(filters, StandardCharsets.UTF_8));
    var found = new ArrayList<ListedContainer>();
    for (JsonNode container : answer) found.add(of(container));
    return found;
  }

  /** One entry of the list, as the engine wrote it; missing fields read as empty. */
  static ListedContainer of(JsonNode container) {
    var names = new ArrayList<String>();
    for (JsonNode name : container.path("Names")) names.add(name.asText().substring(1));
    var labels = new TreeMap<String, String>();
    container
        .path("Labels")
        .properties()
        .forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
    var networks = new TreeMap<String, String>();
    container
        .path("NetworkSettings")
        .path("Networks")
        .properties()
        .forEach(e -> networks.put(e.getKey(), e.getValue().path("NetworkID").asText()));
    var published = new TreeSet<String>();
    for (JsonNode port : container.path("Ports")) {
      if (port.hasNonNull("PublicPort")) {
        published.add(port.get("PublicPort").asInt() + "/" + port.path("Type").asText());
      }
    }
    return new ListedContainer(
        container.path("Id").asText(),
        List.copyOf(names),
        container.path("State").asText(),
        labels,
        networks,
        published);
  }
}
