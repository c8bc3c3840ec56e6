package clockwork.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clockwork.spi.Values;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Json reads and writes as Jackson's databind does with the same configuration. */
class JsonTest {
  enum Policy {
    ALWAYS,
    NEVER
  }

  record Inner(List<String> exec, Long interval, Integer retries) {}

  record Spec(
      String name,
      String absent,
      int count,
      long size,
      boolean running,
      Boolean maybe,
      Integer timeout,
      Double ratio,
      Policy policy,
      List<String> ports,
      Set<String> published,
      SortedMap<String, String> env,
      Map<String, Object> settings,
      Inner health,
      JsonNode raw,
      @JsonIgnore String secret) {}

  record Renamed(@JsonProperty("other") String name) {}

  private static Spec spec() throws JsonProcessingException {
    var settings = new LinkedHashMap<String, Object>(); // out of order, with every JSON shape
    settings.put("zeta", List.of(1, 2L, 3.5, "x", true));
    settings.put("alpha", Map.of("nested", Map.of("b", 1, "a", 2)));
    settings.put("gone", null);
    settings.put("big", 12_345_678_901L);
    settings.put("text", "quote \" and \u00e9 and \n");
    return new Spec(
        "api",
        null,
        3,
        1L << 40,
        true,
        false,
        null,
        0.25,
        Policy.NEVER,
        List.of("8080:80", "53:53/udp"),
        Set.of("8080/tcp"),
        new TreeMap<>(Map.of("B", "2", "A", "1")),
        settings,
        new Inner(Arrays.asList("sh", null), 5_000L, null),
        Json.parse("{\"z\": 1, \"a\": [true, null, 1.5e300, 123456789012345678901234567890]}"),
        "hunter2");
  }

  @Test
  void writesTheBytesJacksonWrites_soDigestsStayAsTheyWere() throws Exception {
    for (Object value :
        List.of(
            spec(),
            spec().settings(),
            Map.of(),
            List.of(),
            Map.of("image", "web:1", "ports", List.of(), "env", Map.of("A", "1")),
            Map.of("text", "café ✓ \u0001\n\"quoted\""))) {
      assertThat(Json.document(value)).isEqualTo(Json.mapper().writeValueAsString(value));
      assertThat(Json.digest(value))
          .isEqualTo(Values.sha256(Json.mapper().writeValueAsBytes(value)).substring(0, 16));
      assertThat(Json.toTree(value)).isEqualTo(Json.mapper().valueToTree(value));
    }
    assertThat(Json.line(spec()))
        .isEqualTo(
            Json.mapper()
                .writer()
                .without(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(spec()));
    assertThat(Json.document(spec())).doesNotContain("hunter2").doesNotContain("absent");
  }

  @Test
  void aSortedTree_keepsItsNulls_asAPlainMapperWritesIt() throws Exception {
    JsonNode tree = Json.parse("{\"z\": null, \"a\": [{\"y\": 1, \"b\": null}], \"m\": {}}");
    var plain =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    assertThat(Json.document(Json.sorted(tree)))
        .isEqualTo(plain.writeValueAsString(plain.treeToValue(tree, Object.class)))
        .contains("\"z\" : null");
  }

  @Test
  void readsWhatJacksonReads() throws Exception {
    JsonNode tree = Json.mapper().valueToTree(spec());
    String text = Json.mapper().writeValueAsString(tree);
    assertThat(Json.parse(text)).isEqualTo(Json.mapper().readTree(text));
    Spec read = Json.fromTree(tree, Spec.class);
    assertThat(read).isEqualTo(Json.mapper().treeToValue(tree, Spec.class));
    assertThat(read.secret()).isNull();
    assertThat(read.settings().get("big")).isEqualTo(12_345_678_901L);
    assertThat(read.env()).isInstanceOf(TreeMap.class);
  }

  @Test
  void aRecordWithOtherJacksonAnnotations_isJacksonsToRead() throws Exception {
    assertThat(Json.fromTree(Json.parse("{\"other\": \"x\"}"), Renamed.class).name())
        .isEqualTo("x");
    assertThat(Json.line(new Renamed("y"))).isEqualTo("{\"other\":\"y\"}");
  }

  @Test
  void aValueOfTheWrongShape_isNamedWhereItIs() {
    assertThatThrownBy(
            () -> Json.fromTree(Json.parse("{\"health\": {\"exec\": \"sh\"}}"), Spec.class))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("\"health.exec\" should be a list, not \"sh\"");
    assertThatThrownBy(() -> Json.fromTree(Json.parse("{\"count\": 1.5}"), Spec.class))
        .hasMessageContaining("\"count\" should be a number of type int, not 1.5");
    assertThatThrownBy(() -> Json.fromTree(Json.parse("{\"policy\": \"SOMETIMES\"}"), Spec.class))
        .hasMessageContaining("\"policy\" should be text");
  }

  @Test
  void whatIsNotJson_isRefusedWithWhereItStopped() {
    assertThatThrownBy(() -> Json.parse("")).hasMessageContaining("No content");
    assertThatThrownBy(() -> Json.parse("{\"a\": tru}"))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("Unrecognized token 'tru'");
    assertThatThrownBy(() -> Json.parse("[1, 2")).hasMessageContaining("end-of-input");
  }

  @Test
  void aRecordWhoseConstructorRefusesTheValues_saysWhy() {
    record Strict(List<String> items) {
      Strict {
        items = new ArrayList<>(items); // null refused, as a spec's compact constructor does
      }
    }
    assertThatThrownBy(() -> Json.fromTree(Json.parse("{}"), Strict.class))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("cannot be read: java.lang.NullPointerException");
  }
}
