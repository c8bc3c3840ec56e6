package clockwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.nio.file.Files;
import java.nio.file.Path;

/** The document a {@code --json} command printed, checked against docs/json's schema. */
final class JsonOutput {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchema SCHEMA = schema();

  private JsonOutput() {}

  private static JsonSchema schema() {
    try {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(Files.readString(Path.of("../docs/json/clockwork.schema.json")));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The one line the command printed, which the schema accepts. */
  static JsonNode document(CliResult result) throws Exception {
    assertThat(result.out().lines().count()).as(result.toString()).isEqualTo(1);
    JsonNode document = JSON.readTree(result.out());
    assertThat(SCHEMA.validate(document)).as(document.toPrettyString()).isEmpty();
    return document;
  }
}
