package clockwork.engine.complete;

import clockwork.engine.model.AnswerFormat;
import clockwork.spi.Fillable;
import clockwork.spi.InvalidResourceException;
import clockwork.spi.Project;
import clockwork.spi.Values;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the values in a model's answer (or in {@code clockwork.lock}, which is checked just the
 * same), refusing anything outside the answer's format (an unknown field, a field the user gave, a
 * missing one, a value of the wrong shape or size) or against its field's rule ({@link
 * ModelPolicy}).
 */
final class Answer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** How long a whole answer may be: enough for the largest file a model writes, and its JSON. */
  static final int LONGEST_ANSWER = 512 * 1024;

  private Answer() {}

  /**
   * @param given the fields the user gave, which an answer must leave out
   * @param project what the rules for host paths hold paths to
   * @return the values by field, in the format's order
   * @throws InvalidResourceException listing every way the answer does not fit
   */
  static Map<String, Object> read(
      String text, AnswerFormat format, Set<String> given, Project project) {
    if (text != null && text.length() > LONGEST_ANSWER) {
      throw new InvalidResourceException(
          "the answer is "
              + text.length()
              + " characters long, more than the "
              + LONGEST_ANSWER
              + " an answer may be: answer shorter");
    }
    JsonNode answer;
    try {
      answer = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      answer = null;
    }
    if (answer == null || !answer.isObject()) {
      throw new InvalidResourceException(
          List.of("the answer is not a JSON object: " + Values.brief(text == null ? "" : text)));
    }
    return read(answer, format, given, project);
  }

  static Map<String, Object> read(
      JsonNode answer, AnswerFormat format, Set<String> given, Project project) {
    var problems = new ArrayList<String>();
    var fields = new LinkedHashMap<String, Fillable>();
    format.fields().forEach(f -> fields.put(f.field(), f));
    answer
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (given.contains(name)) {
                problems.add(
                    name + " was given by the user: leave it out and keep the user's value");
              } else if (!fields.containsKey(name)) {
                problems.add(
                    name
                        + " is not a field you may set: answer with only "
                        + String.join(", ", fields.keySet()));
              }
            });
    var values = new LinkedHashMap<String, Object>();
    for (Fillable field : format.fields()) {
      JsonNode value = answer.get(field.field());
      if (value == null || value.isNull()) {
        problems.add(field.field() + " is missing");
        continue;
      }
      Object read = read(field, value, problems);
      if (read != null) {
        ModelPolicy.check(field, read, project, problems);
        values.put(field.field(), read);
      }
    }
    if (!problems.isEmpty()) throw new InvalidResourceException(problems);
    return values;
  }

  private static Object read(Fillable field, JsonNode value, List<String> problems) {
    String tooLong = tooLong(field, value);
    if (tooLong != null) {
      problems.add(tooLong);
      return null;
    }
    String name = field.field();
    switch (field.shape()) {
      case TEXT -> {
        if (value.isTextual()) return value.textValue();
        problems.add(name + " must be a string, not " + value);
      }
      case TEXT_LIST -> {
        if (isStrings(value)) return strings(value);
        problems.add(name + " must be a list of strings, not " + value);
      }
      case TEXT_MAP -> {
        if (value.isObject()
            && value.properties().stream().allMatch(e -> e.getValue().isTextual())) {
          var map = new LinkedHashMap<String, String>();
          value.properties().forEach(e -> map.put(e.getKey(), e.getValue().textValue()));
          return checkedMap(name, map, problems);
        }
        if (isStrings(value)) {
          var map = new LinkedHashMap<String, String>();
          for (String entry : strings(value)) {
            int equals = entry.indexOf('=');
            if (equals < 0) {
              problems.add(name + " entry " + Values.quote(entry) + " must be NAME=value");
            } else {
              map.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
          }
          return checkedMap(name, map, problems);
        }
        problems.add(name + " must be a list of NAME=value strings, not " + value);
      }
    }
    return null;
  }

  /** Why a value is larger than its field may be, or {@code null} when it is not. */
  private static String tooLong(Fillable field, JsonNode value) {
    if (value.isContainerNode() && value.size() > Fillable.MOST_ENTRIES) {
      return field.field()
          + " has "
          + value.size()
          + " entries, more than the "
          + Fillable.MOST_ENTRIES
          + " it may have";
    }
    var texts = new ArrayList<String>();
    if (value.isTextual()) texts.add(value.textValue());
    value.forEach(element -> texts.add(element.asText()));
    value.properties().forEach(entry -> texts.add(entry.getKey() + entry.getValue().asText()));
    for (String text : texts) {
      if (text.length() > field.longest()) {
        return field.field()
            + " has a value of "
            + text.length()
            + " characters, more than the "
            + field.longest()
            + " it may have: answer shorter";
      }
    }
    return null;
  }

  private static Map<String, String> checkedMap(
      String name, Map<String, String> map, List<String> problems) {
    String bad =
        map.keySet().stream()
            .filter(key -> !VARIABLE.matcher(key).matches())
            .map(Values::quote)
            .collect(Collectors.joining(", "));
    if (!bad.isEmpty()) {
      problems.add(name + " has names that are not NAME=value names: " + bad);
      return null;
    }
    return Collections.unmodifiableMap(map);
  }

  private static boolean isStrings(JsonNode value) {
    if (!value.isArray()) return false;
    for (JsonNode element : value) {
      if (!element.isTextual()) return false;
    }
    return true;
  }

  private static List<String> strings(JsonNode value) {
    var list = new ArrayList<String>();
    value.forEach(element -> list.add(element.textValue()));
    return List.copyOf(list);
  }

  /** The values as JSON, maps as objects, for {@code clockwork.lock}. */
  static JsonNode toJson(Map<String, Object> values) {
    return JSON.valueToTree(values);
  }
}
