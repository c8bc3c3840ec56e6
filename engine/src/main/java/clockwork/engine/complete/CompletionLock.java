package clockwork.engine.complete;

import clockwork.engine.error.ClockworkException;
import clockwork.engine.error.ExitCode;
import clockwork.engine.state.AtomicFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 *     }
 *   },
 *   "version" : 1
 * }
 * }</pre>
 */
final class CompletionLock {
  static final String FILE = "clockwork.lock";
  private static final int VERSION = 1;
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  /**
   * One pinned answer.
   *
   * @param inputs the hash of what it depended on ({@link Prompt#inputs})
   * @param values the chosen values, by field
   */
  record Entry(String kind, String model, String inputs, JsonNode values) {}

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
      JsonNode root = JSON.readTree(file.toFile());
      if (root == null || !root.path("resources").isObject()) {
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
                entry.path("values")));
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
   * Writes these entries, replacing all others, unless they are what the file already holds.
   *
   * @return true when the file was written
   */
  boolean write(Map<String, Entry> entries) {
    if (entries.equals(read)) return false;
    ObjectNode root = JSON.createObjectNode();
    root.put("version", VERSION);
    ObjectNode resources = root.putObject("resources");
    new TreeMap<>(entries)
        .forEach(
            (id, entry) ->
                resources
                    .putObject(id)
                    .put("inputs", entry.inputs())
                    .put("kind", entry.kind())
                    .put("model", entry.model())
                    .set("values", entry.values()));
    try {
      // as plain maps, which the mapper writes in key order, so that the file is stable
      AtomicFile.replace(
          file,
          (JSON.writeValueAsString(JSON.treeToValue(root, Object.class)) + "\n")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
