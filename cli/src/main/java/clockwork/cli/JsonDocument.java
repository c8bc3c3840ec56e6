package clockwork.cli;

import clockwork.Clockwork;
import clockwork.engine.apply.ApplyResult;
import clockwork.engine.complete.Completion;
import clockwork.engine.plan.Change;
import clockwork.engine.plan.Plan;
import clockwork.engine.state.Json;
import clockwork.engine.state.ResourceState;
import clockwork.engine.verify.AssertionResult;
import clockwork.spi.Action;
import clockwork.spi.FieldChange;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code --json} prints: one document per command, versioned, as docs/json.md describes and
 * the JSON Schemas in docs/json/ define (Terraform's {@code show -json} is the model). A document
 * holds the same values, secrets hidden, as the text output does.
 */
final class JsonDocument {
  /** Raised when a document changes incompatibly; new fields leave it as it is. */
  static final String FORMAT_VERSION = "1";

  /** State's mapper, but on one line, in the document's order, with every null written. */
  private static final ObjectMapper MAPPER =
      Json.mapper()
          .copy()
          .disable(SerializationFeature.INDENT_OUTPUT)
          .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .setDefaultPropertyInclusion(JsonInclude.Include.ALWAYS);

  private final Map<String, Object> document = new LinkedHashMap<>();

  /**
   * @param command the command it is the output of, such as {@code plan}
   */
  JsonDocument(String command) {
    document.put("formatVersion", FORMAT_VERSION);
    document.put("clockworkVersion", Clockwork.version());
    document.put("command", command);
  }

  JsonDocument put(String name, Object value) {
    document.put(name, value);
    return this;
  }

  /** The plan: where it works, each change with its fields as the plan shows them, the counts. */
  JsonDocument plan(Plan plan) {
    document.put("targets", plan.targets());
    document.put(
        "changes",
        plan.changes().stream()
            .filter(c -> c.action() != Action.SAME)
            .map(JsonDocument::change)
            .toList());
    var summary = new LinkedHashMap<String, Object>();
    for (Action action : List.of(Action.CREATE, Action.UPDATE, Action.REPLACE, Action.DELETE)) {
      summary.put(name(action), plan.count(action));
    }
    document.put("summary", summary);
    return this;
  }

  /** What an apply or destroy did. */
  JsonDocument result(ApplyResult result) {
    var made = new LinkedHashMap<String, Object>();
    made.put("succeeded", result.succeeded());
    made.put(
        "done",
        result.done().stream()
            .map(d -> map("id", d.id(), "action", name(d.action()), "forgotten", d.forgotten()))
            .toList());
    made.put(
        "failed",
        result.failed().stream()
            .map(f -> map("id", f.id(), "action", name(f.action()), "message", f.message()))
            .toList());
    made.put(
        "skipped",
        result.skipped().stream()
            .map(
                s ->
                    map(
                        "id",
                        s.id(),
                        "action",
                        name(s.action()),
                        "failedDependency",
                        s.failedDependency()))
            .toList());
    document.put("result", made);
    return this;
  }

  /** The assertions' results, and whether all passed. */
  JsonDocument assertions(List<AssertionResult> results) {
    document.put("passed", AssertionRenderer.passed(results));
    document.put(
        "results",
        results.stream()
            .map(
                r -> {
                  Map<String, Object> entry = new LinkedHashMap<>();
                  entry.put("resource", r.resourceId());
                  entry.put("assertion", r.assertion());
                  entry.put("description", r.description());
                  entry.put("passed", r.passed());
                  entry.put("observation", r.observation());
                  entry.put("seconds", r.took().toMillis() / 1000.0);
                  entry.put("checks", r.checks());
                  return entry;
                })
            .toList());
    return this;
  }

  /** What state holds, without specs: ids, kinds, what each owns, when made. */
  JsonDocument state(Map<String, ResourceState> resources) {
    document.put(
        "resources",
        resources.entrySet().stream()
            .map(
                e -> {
                  ResourceState entry = e.getValue();
                  Map<String, Object> resource = new LinkedHashMap<>();
                  resource.put("id", e.getKey());
                  resource.put("kind", entry.kind());
                  resource.put("artifacts", entry.artifacts());
                  resource.put("dependsOn", entry.dependsOn());
                  resource.put("composites", entry.composites());
                  resource.put("createdAt", entry.createdAt());
                  resource.put("updatedAt", entry.updatedAt());
                  return resource;
                })
            .toList());
    return this;
  }

  /** The document, on one line. */
  String text() {
    try {
      return MAPPER.writeValueAsString(document) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("documents hold plain values", e);
    }
  }

  private static Map<String, Object> change(Change change) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("id", change.id());
    entry.put("kind", change.kind());
    entry.put("action", name(change.action()));
    entry.put("composites", change.composites());
    entry.put("dependsOn", change.dependsOn());
    entry.put("drift", change.drift());
    entry.put("note", change.note());
    entry.put("retain", change.retain());
    entry.put("fields", change.fields().stream().map(f -> field(change, f)).toList());
    return entry;
  }

  private static Map<String, Object> field(Change change, FieldChange field) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("field", field.field());
    entry.put("before", field.before());
    entry.put("after", field.after());
    entry.put("forcesReplacement", field.forcesReplacement());
    Completion completion = change.completion();
    boolean chosen = completion != null && completion.fields().contains(field.field());
    entry.put("chosenBy", chosen ? completion.model() : null);
    entry.put("pinned", chosen && completion.source() == Completion.Source.LOCK);
    return entry;
  }

  private static String name(Action action) {
    return action.name().toLowerCase(Locale.ROOT);
  }

  private static Map<String, Object> map(Object... pairs) {
    var map = new LinkedHashMap<String, Object>();
    for (int i = 0; i < pairs.length; i += 2) map.put((String) pairs[i], pairs[i + 1]);
    return map;
  }
}
