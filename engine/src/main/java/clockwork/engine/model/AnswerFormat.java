package clockwork.engine.model;

import clockwork.spi.Fillable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The shape an answer must have: one JSON object holding exactly the fields asked for, as a JSON
 * schema that strict structured output accepts (every property required, no others). A map is asked
 * for as a list of {@code NAME=value} strings, since strict schemas allow no free-form objects.
 *
 * @param name the schema's name, such as {@code docker_fill}
 * @param fields the fields asked for, in order
 */
public record AnswerFormat(String name, List<Fillable> fields) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public AnswerFormat {
    fields = List.copyOf(fields);
  }

  /** The JSON schema. */
  public ObjectNode schema() {
    ObjectNode schema = JSON.createObjectNode().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    var required = schema.putArray("required");
    for (Fillable field : fields) {
      ObjectNode property = properties.putObject(field.field());
      switch (field.shape()) {
        case TEXT -> property.put("type", "string");
        case TEXT_LIST, TEXT_MAP ->
            property.put("type", "array").putObject("items").put("type", "string");
      }
      property.put(
          "description",
          field.shape() == Fillable.Shape.TEXT_MAP
              ? field.guidance() + "; each entry NAME=value"
              : field.guidance());
      required.add(field.field());
    }
    schema.put("additionalProperties", false);
    return schema;
  }
}
