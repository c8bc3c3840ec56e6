package clockwork.engine.complete;

import clockwork.Resource;
import clockwork.Secret;
import clockwork.engine.model.AnswerFormat;
import clockwork.engine.model.Message;
import clockwork.spi.Sensitive;
import clockwork.spi.Values;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a model is told about one resource: its kind, description and the user's fields, what to
 * fill, the completed resources it connects to, and its composite. Maps (environment variables,
 * labels) show their names only, never their values, so no secret reaches a prompt.
 *
 * <p>Everything an answer can depend on is in the conversation, so its hash (with the model's name)
 * is the key that {@code clockwork.lock} pins the answer under.
 */
record Prompt(List<Message> conversation, AnswerFormat format) {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final int LONGEST_TEXT = 2000;

  static final String INSTRUCTIONS =
      """
      You complete resource declarations for Clockwork, an infrastructure tool. You are given one \
      resource: its kind, its description, the fields its user gave, and the resources it is \
      connected to. Answer with one JSON object holding exactly the fields listed under "fill", \
      with values that make the resource do what its description says and work with what it is \
      connected to. Rules: never repeat or change a field under "given"; no privileged mode, no \
      host network, no Docker socket; mount only named volumes or ./relative paths inside the \
      project; never set secrets (passwords, tokens, keys): the user gives those. Environment \
      variables and labels are shown by name only.\
      """;

  /** A neighbour of the resource: something it connects to, or a sibling in its composite. */
  record Neighbour(String id, Resource resource) {}

  static Prompt of(
      String id,
      Resource resource,
      AnswerFormat format,
      List<Neighbour> connectedTo,
      String composite,
      List<Neighbour> siblings) {
    ObjectNode request = JSON.createObjectNode();
    ObjectNode self = request.putObject("resource");
    self.put("id", id).put("kind", resource.kind());
    if (resource.description() != null) self.put("description", resource.description());
    var given = new TreeMap<>(resource.fields());
    given.remove("name");
    given.remove("description");
    self.set("given", JSON.valueToTree(shown(given)));
    ArrayNode fill = request.putArray("fill");
    format.fields().forEach(f -> fill.add(f.field()));
    ArrayNode connections = request.putArray("connectedTo");
    for (Neighbour neighbour : connectedTo) connections.add(describe(neighbour, true));
    if (composite != null) {
      ObjectNode parent = request.putObject("composite").put("id", composite);
      ArrayNode others = parent.putArray("siblings");
      for (Neighbour sibling : siblings) others.add(describe(sibling, false));
    }
    String text;
    try {
      text = JSON.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a prompt is plain JSON", e);
    }
    return new Prompt(List.of(Message.system(INSTRUCTIONS), Message.user(text)), format);
  }

  /** The hash of everything the answer depends on: the model, the format and the conversation. */
  String inputs(String model) {
    var all = new StringBuilder(model).append('\n').append(format.schema()).append('\n');
    conversation.forEach(m -> all.append(m.role()).append(": ").append(m.text()).append('\n'));
    return "sha256:" + Values.sha256(all.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static ObjectNode describe(Neighbour neighbour, boolean withFields) {
    Resource resource = neighbour.resource();
    ObjectNode node =
        JSON.createObjectNode().put("id", neighbour.id()).put("kind", resource.kind());
    if (resource.description() != null) node.put("description", resource.description());
    if (withFields) {
      var fields = new TreeMap<>(resource.fields());
      fields.remove("name");
      fields.remove("description");
      node.set("fields", JSON.valueToTree(shown(fields)));
    }
    return node;
  }

  /** Fields as a prompt shows them: maps by their names only, long text summarised. */
  private static Map<String, Object> shown(Map<String, Object> fields) {
    var shown = new TreeMap<String, Object>();
    fields.forEach(
        (field, value) ->
            shown.put(
                field,
                switch (value) {
                  case Map<?, ?> map ->
                      map.keySet().stream().map(String::valueOf).sorted().toList();
                  case Secret secret -> Sensitive.SHOWN;
                  case String text when text.length() > LONGEST_TEXT -> Values.brief(text);
                  default -> value;
                }));
    return shown;
  }
}
