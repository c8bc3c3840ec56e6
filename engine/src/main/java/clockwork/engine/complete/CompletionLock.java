package clockwork.engine.complete;

import clockwork.engine.error.ClockworkException;
import clockwork.engine.error.ExitCode;
import clockwork.engine.state.AtomicFile;
import clockwork.engine.state.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code clockwork.lock}: what the model chose for each completed resource, and a hash of
 * everything the choice depended on. A project directory's file, meant to be committed: sorted,
 * indented, one entry per resource id, rewritten only when an entry changes.
 *
 * <pre>{@code
 * {
 *   "resources" : {
 *     "webapp.api" : {
 *       "inputs" : "sha256:…",
 *       "kind" : "docker",
 *       "model" : "openai/gpt-5-mini",
 *       "values" : { "image" : "python:3.13-slim", … }
 *     },
 *     "webapp.worker" : {
 *       …,
 *       "remediation" : { "at" : "2026-12-02T10:00:00Z", "reason" : "http … failed: …" }
 *     }
 *   },
 *   "version" : 1
 * }
 * }</pre>
 */
public final class CompletionLock {
  public static final String FILE = "clockwork.lock";
  private static final int VERSION = 1;

  /**
   * One pinned answer.
   *
   * @param inputs the hash of what it depended on ({@link Prompt#inputs})
   * @param values the chosen values, by field
   * @param remediation why the reconciliation service chose them, repairing the resource; {@code
   *     null} for values chosen by completion
   */
  public record Entry(
      String kind, String model, String inputs, JsonNode values, Remediation remediation) {
    Entry(String kind, String model, String inputs, JsonNode values) {
      this(kind, model, inputs, values, null);
    }
  }

  /**
   * Marks values the service's AI remediation chose, so that a reviewer sees them in the diff.
   *
   * @param at when they were found to work
   * @param reason what was failing
   */
  public record Remediation(String at, String reason) {}

  private final Path file;
  private final Map<String, Entry> read;

  private CompletionLock(Path file, Map<String, Entry> read) {
    this.file = file;
    this.read = read;
  }

  /**
   * @throws LockFileException when the file exists but is not a lock file
   */
  static CompletionLock read(Path projectDir) {
    Path file = projectDir.resolve(FILE);
    var entries = new TreeMap<String, Entry>();
    if (!Files.exists(file)) return new CompletionLock(file, entries);
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
        throw new LockFileException(file, "it is empty");
      }
      JsonNode root = Json.parse(bytes);
      if (!root.path("resources").isObject()) {
        throw new LockFileException(file, "it has no \"resources\" object");
      }
      if (!root.path("version").isInt() || root.path("version").intValue() != VERSION) {
        throw new LockFileException(
            file,
            "its \"version\" is "
                + root.path("version")
                + ", and this Clockwork reads version "
                + VERSION
                + " (a newer Clockwork may have written it: upgrade)");
      }
      for (var resource : root.path("resources").properties()) {
        JsonNode entry = resource.getValue();
        entries.put(
            resource.getKey(),
            new Entry(
                entry.path("kind").asText(),
                entry.path("model").asText(),
                entry.path("inputs").asText(),
                entry.path("values"),
                entry.path("remediation").isObject()
                    ? new Remediation(
                        entry.path("remediation").path("at").asText(),
                        entry.path("remediation").path("reason").asText())
                    : null));
      }
      return new CompletionLock(file, entries);
    } catch (IOException e) {
      throw new LockFileException(file, e.getMessage());
    }
  }

  /** The pinned answer for a resource; {@code null} when there is none. */
  Entry get(String id) {
    return read.get(id);
  }

  /**
   * The pinned answer for a resource in a project's file; {@code null} when there is none.
   *
   * @throws LockFileException when the file exists but is not a lock file
   */
  public static Entry entry(Path projectDir, String id) {
    return read(projectDir).get(id);
  }

  /**
   * Pins {@code entry} for a resource in a project's file, keeping the others; {@code null} takes
   * its pin away.
   */
  public static void pin(Path projectDir, String id, Entry entry) {
    CompletionLock lock = read(projectDir);
    var entries = new TreeMap<>(lock.read);
    if (entry == null) entries.remove(id);
    else entries.put(id, entry);
    lock.write(entries);
  }

  /**
   * Writes these entries, replacing all others, unless they are what the file already holds.
   *
   * @return true when the file was written
   */
  boolean write(Map<String, Entry> entries) {
    if (entries.equals(read)) return false;
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("version", VERSION);
    ObjectNode resources = root.putObject("resources");
    new TreeMap<>(entries)
        .forEach(
            (id, entry) -> {
              ObjectNode written =
                  resources
                      .putObject(id)
                      .put("inputs", entry.inputs())
                      .put("kind", entry.kind())
                      .put("model", entry.model());
              written.set("values", entry.values());
              if (entry.remediation() != null) {
                written
                    .putObject("remediation")
                    .put("at", entry.remediation().at())
                    .put("reason", entry.remediation().reason());
              }
            });
    try {
      AtomicFile.replace(
          file, (Json.document(Json.sorted(root)) + "\n").getBytes(StandardCharsets.UTF_8));
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** {@code clockwork.lock} cannot be read. */
  static final class LockFileException extends ClockworkException {
    LockFileException(Path file, String reason) {
      super(
          "Cannot read "
              + file
              + ": "
              + reason
              + ". Fix it, or delete it to ask the model again for every resource.");
    }

    @Override
    public ExitCode exitCode() {
      return ExitCode.INVALID_INPUT;
    }
  }
}
