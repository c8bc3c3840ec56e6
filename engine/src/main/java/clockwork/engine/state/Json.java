package clockwork.engine.state;

import clockwork.spi.Values;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one JSON configuration: map keys in order, nulls left out, documents indented.
 *
 * <p>State, specs, observations, digests and the engine's answers are read and written here with
 * jackson-core's streaming parser and generator and a small mapper of records and the plain types
 * they hold. Jackson's databind ({@link #mapper()}) reads and writes only types that mapper does
 * not know, and what is not Clockwork's own: its cold start, building serializers by introspection,
 * was a quarter of every command's time (docs/benchmarks.md). Both write the same bytes, so digests
 * stay as they were.
 */
public final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  /** Jackson's databind, configured as this class writes; made when first needed. */
  public static ObjectMapper mapper() {
    return Mapper.INSTANCE;
  }

  private static final class Mapper {
    /** Configured once here and never changed afterwards, so sharing it is safe. */
    static final ObjectMapper INSTANCE =
        JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .defaultPropertyInclusion(
                JsonInclude.Value.construct(
                    JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();
  }

  /**
   * A short digest of a value: the first 16 hex digits of the SHA-256 of its indented JSON, keys in
   * order, so that equal values give equal digests on every machine.
   */
  public static String digest(Object value) {
    return Values.sha256(document(value).getBytes(StandardCharsets.UTF_8)).substring(0, 16);
  }

  /** A value as an indented document. */
  public static String document(Object value) {
    return text(value, true);
  }

  /** A value on one line, as a journal line or a query parameter holds it. */
  public static String line(Object value) {
    return text(value, false);
  }

  private static String text(Object value, boolean indented) {
    var out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      if (indented) generator.setPrettyPrinter(new DefaultPrettyPrinter());
      write(generator, toTree(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a tree is always JSON, and a string takes it all
    }
    return out.toString();
  }

  /** Reads one JSON value; empty text is an error, as is text that is not JSON. */
  public static JsonNode parse(byte[] json) throws JsonProcessingException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      return parse(parser);
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // bytes in memory are never unreadable
    }
  }

  /** Reads one JSON value from text. */
  public static JsonNode parse(String json) throws JsonProcessingException {
    return parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode parse(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw JsonMappingException.from(parser, "No content to map due to end-of-input");
    }
    return read(parser, token);
  }

  private static JsonNode read(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
          object.set(name, read(parser, parser.nextToken()));
        }
        yield object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken item = parser.nextToken();
            item != JsonToken.END_ARRAY;
            item = parser.nextToken()) {
          array.add(read(parser, item));
        }
        yield array;
      }
      case VALUE_STRING -> NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT ->
          switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
          };
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw JsonMappingException.from(parser, "Unexpected token " + token);
    };
  }

  private static void write(JsonGenerator generator, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        generator.writeStartObject();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          generator.writeFieldName(field.getKey());
          write(generator, field.getValue());
        }
        generator.writeEndObject();
      }
      case ARRAY -> {
        generator.writeStartArray();
        for (JsonNode item : node) write(generator, item);
        generator.writeEndArray();
      }
      case STRING -> generator.writeString(node.textValue());
      case NUMBER -> {
        switch (node.numberType()) {
          case INT -> generator.writeNumber(node.intValue());
          case LONG -> generator.writeNumber(node.longValue());
          case BIG_INTEGER -> generator.writeNumber(node.bigIntegerValue());
          case FLOAT -> generator.writeNumber(node.floatValue());
          case DOUBLE -> generator.writeNumber(node.doubleValue());
          case BIG_DECIMAL -> generator.writeNumber(node.decimalValue());
        }
      }
      case BOOLEAN -> generator.writeBoolean(node.booleanValue());
      case NULL -> generator.writeNull();
      default -> generator.writeTree(node); // binary or POJO nodes: never made here
    }
  }

  /**
   * A tree with each object's fields in key order and its nulls kept, for a file that is stable.
   */
  public static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = NODES.objectNode();
      var fields = new TreeMap<String, JsonNode>();
      node.properties().forEach(field -> fields.put(field.getKey(), field.getValue()));
      fields.forEach((name, value) -> object.set(name, sorted(value)));
      return object;
    }
    if (node.isArray()) {
      ArrayNode array = NODES.arrayNode();
      for (JsonNode item : node) array.add(sorted(item));
      return array;
    }
    return node;
  }

  /**
   * A value as a tree, as Jackson's databind would make it here: records by their components in
   * order, maps by their keys in order, nulls and {@link JsonIgnore}d components left out.
   */
  public static JsonNode toTree(Object value) {
    return switch (value) {
      case null -> NODES.nullNode();
      case JsonNode node -> node;
      case String text -> NODES.textNode(text);
      case Boolean bool -> NODES.booleanNode(bool);
      case Integer number -> NODES.numberNode(number);
      case Long number -> NODES.numberNode(number);
      case Double number -> NODES.numberNode(number);
      case Float number -> NODES.numberNode(number);
      case BigInteger number -> NODES.numberNode(number);
      case BigDecimal number -> NODES.numberNode(number);
      case Enum<?> constant -> NODES.textNode(constant.name());
      case Map<?, ?> map when map.keySet().stream().allMatch(String.class::isInstance) -> {
        ObjectNode object = NODES.objectNode();
        new TreeMap<>(map)
            .forEach(
                (key, item) -> {
                  if (item != null) object.set((String) key, toTree(item));
                });
        yield object;
      }
      case Collection<?> items -> {
        ArrayNode array = NODES.arrayNode();
        for (Object item : items) array.add(toTree(item));
        yield array;
      }
      case Record record when RecordType.of(record.getClass()).plain() -> {
        ObjectNode object = NODES.objectNode();
        for (RecordComponent component : RecordType.of(record.getClass()).written()) {
          Object item = RecordType.get(component, record);
          if (item != null) object.set(component.getName(), toTree(item));
        }
        yield object;
      }
      default -> mapper().valueToTree(value);
    };
  }

  /**
   * A tree as a value of this type: records, the plain types their components hold (text, numbers,
   * booleans, enums, lists, sets, maps by text, trees), anything else by Jackson.
   *
   * @throws JsonMappingException naming where in the tree, when it does not fit the type
   */
  public static <T> T fromTree(JsonNode tree, Class<T> type) throws JsonProcessingException {
    return type.cast(fromTree(tree, type, ""));
  }

  private static Object fromTree(JsonNode node, Type type, String at)
      throws JsonProcessingException {
    Class<?> raw = raw(type);
    boolean missing = node == null || node.isNull() || node.isMissingNode();
    if (JsonNode.class.isAssignableFrom(raw)) return missing ? null : node;
    if (missing) return defaultOf(raw);
    if (raw == String.class && node.isTextual()) return node.textValue();
    if ((raw == Integer.class || raw == int.class) && node.isIntegralNumber()) {
      if (node.canConvertToInt()) return node.intValue();
    } else if ((raw == Long.class || raw == long.class) && node.isIntegralNumber()) {
      if (node.canConvertToLong()) return node.longValue();
    } else if ((raw == Double.class || raw == double.class) && node.isNumber()) {
      return node.doubleValue();
    } else if ((raw == Boolean.class || raw == boolean.class) && node.isBoolean()) {
      return node.booleanValue();
    } else if (raw == Object.class) {
      return natural(node);
    } else if (raw.isEnum() && node.isTextual()) {
      for (Object constant : raw.getEnumConstants()) {
        if (((Enum<?>) constant).name().equals(node.textValue())) return constant;
      }
    } else if (Collection.class.isAssignableFrom(raw) && node.isArray()) {
      Collection<Object> items =
          SortedSet.class.isAssignableFrom(raw)
              ? new TreeSet<>()
              : Set.class.isAssignableFrom(raw) ? new LinkedHashSet<>() : new ArrayList<>();
      Type item = argument(type, 0);
      int index = 0;
      for (JsonNode element : node) items.add(fromTree(element, item, at + "[" + index++ + "]"));
      return items;
    } else if (Map.class.isAssignableFrom(raw)
        && node.isObject()
        && argument(type, 0) != Integer.class) {
      Map<String, Object> map =
          SortedMap.class.isAssignableFrom(raw) ? new TreeMap<>() : new LinkedHashMap<>();
      Type value = argument(type, 1);
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        map.put(field.getKey(), fromTree(field.getValue(), value, at + "." + field.getKey()));
      }
      return map;
    } else if (raw.isRecord()) {
      RecordType record = RecordType.of(raw);
      if (!record.plain()) return mapper().treeToValue(node, raw);
      if (node.isObject()) return record.make(node, at);
    } else if (!known(raw)) {
      return mapper().treeToValue(node, raw);
    }
    throw JsonMappingException.from(
        (JsonParser) null, where(at) + "should be " + shape(raw) + ", not " + brief(node));
  }

  /** A path into the tree as messages quote it, {@code "spec.ports[0]" }; empty at the top. */
  private static String where(String at) {
    return at.isEmpty() ? "" : "\"" + at.substring(1) + "\" ";
  }

  private static boolean known(Class<?> raw) {
    return raw == String.class
        || raw == Integer.class
        || raw == int.class
        || raw == Long.class
        || raw == long.class
        || raw == Double.class
        || raw == double.class
        || raw == Boolean.class
        || raw == boolean.class
        || raw.isEnum()
        || raw.isRecord()
        || Collection.class.isAssignableFrom(raw)
        || Map.class.isAssignableFrom(raw);
  }

  private static String shape(Class<?> raw) {
    if (raw == String.class || raw.isEnum()) return "text";
    if (raw == Boolean.class || raw == boolean.class) return "true or false";
    if (Collection.class.isAssignableFrom(raw)) return "a list";
    if (Map.class.isAssignableFrom(raw) || raw.isRecord()) return "an object";
    return "a number of type " + raw.getSimpleName();
  }

  private static String brief(JsonNode node) {
    String text = node.toString();
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }

  /** What a component that the tree does not hold is made with, as Jackson does. */
  private static Object defaultOf(Class<?> raw) {
    if (raw == boolean.class) return false;
    if (raw == int.class) return 0;
    if (raw == long.class) return 0L;
    if (raw == double.class) return 0.0;
    return null;
  }

  /** A tree as the plain Java values Jackson reads into {@code Object}: maps, lists, text... */
  public static Object natural(JsonNode node) {
    if (node == null) return null;
    return switch (node.getNodeType()) {
      case OBJECT -> {
        var map = new LinkedHashMap<String, Object>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          map.put(field.getKey(), natural(field.getValue()));
        }
        yield map;
      }
      case ARRAY -> {
        var list = new ArrayList<>();
        for (JsonNode item : node) list.add(natural(item));
        yield list;
      }
      case STRING -> node.textValue();
      case NUMBER -> node.numberValue();
      case BOOLEAN -> node.booleanValue();
      default -> null;
    };
  }

  private static Class<?> raw(Type type) {
    return type instanceof ParameterizedType parameterized
        ? (Class<?>) parameterized.getRawType()
        : type instanceof Class<?> c ? c : Object.class;
  }

  private static Type argument(Type type, int index) {
    return type instanceof ParameterizedType parameterized
        ? parameterized.getActualTypeArguments()[index]
        : Object.class;
  }

  /** A record type as read and written here: its components and canonical constructor. */
  private record RecordType(
      RecordComponent[] components,
      boolean[] ignored,
      List<RecordComponent> written,
      Constructor<?> constructor,
      boolean plain) {
    private static final ClassValue<RecordType> TYPES =
        new ClassValue<>() {
          @Override
          protected RecordType computeValue(Class<?> type) {
            return RecordType.inspect(type);
          }
        };

    static RecordType of(Class<?> type) {
      return TYPES.get(type);
    }

    /**
     * Plain when no component carries a Jackson annotation other than {@link JsonIgnore}: those
     * others are Jackson's to apply.
     */
    private static RecordType inspect(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      var written = new ArrayList<RecordComponent>();
      boolean plain = true;
      var types = new Class<?>[components.length];
      var ignored = new boolean[components.length];
      for (int i = 0; i < components.length; i++) {
        RecordComponent component = components[i];
        types[i] = component.getType();
        for (Annotation annotation : component.getAccessor().getAnnotations()) {
          if (annotation instanceof JsonIgnore ignore) {
            ignored[i] = ignore.value();
          } else if (annotation.annotationType().getPackageName().startsWith("com.fasterxml")) {
            plain = false;
          }
        }
        if (!ignored[i]) written.add(component);
      }
      try {
        Constructor<?> constructor = type.getDeclaredConstructor(types);
        constructor.setAccessible(true); // records that are not public, too
        for (RecordComponent component : components) component.getAccessor().setAccessible(true);
        return new RecordType(components, ignored, List.copyOf(written), constructor, plain);
      } catch (NoSuchMethodException | RuntimeException e) {
        return new RecordType(components, ignored, List.of(), null, false); // Jackson's then
      }
    }

    static Object get(RecordComponent component, Record record) {
      try {
        return component.getAccessor().invoke(record);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + component + " of " + record, e);
      }
    }

    Object make(JsonNode node, String at) throws JsonProcessingException {
      var arguments = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        RecordComponent component = components[i];
        arguments[i] =
            !ignored[i]
                ? fromTree(
                    node.get(component.getName()),
                    component.getGenericType(),
                    at + "." + component.getName())
                : defaultOf(component.getType());
      }
      try {
        return constructor.newInstance(arguments);
      } catch (InvocationTargetException e) {
        throw JsonMappingException.from(
            (JsonParser) null, where(at) + "cannot be read: " + e.getCause(), e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot make a " + constructor.getDeclaringClass(), e);
      }
    }
  }
}
