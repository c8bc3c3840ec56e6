package clockwork.engine.state;

import clockwork.spi.Values;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one JSON configuration: stable key order, indented, nulls left out. */
public final class Json {
  /** Configured once here and never changed afterwards, so sharing it is safe. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
          .build();

  private Json() {}

  /**
   * A short digest of a value: the first 16 hex digits of the SHA-256 of its JSON, keys in order,
   * so that equal values give equal digests on every machine.
   */
  public static String digest(Object value) {
    try {
      return Values.sha256(MAPPER.writeValueAsBytes(value)).substring(0, 16);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot digest " + value, e);
    }
  }
}
