package clockwork.engine.complete;

import clockwork.engine.error.ClockworkException;
import clockwork.engine.error.ExitCode;
import java.util.List;

/** Resources need values from a model, and no model is configured; nothing was changed. */
public final class NeedsModelException extends ClockworkException {
  private final List<String> resources;
  private final List<String> ids;

  NeedsModelException(List<String> resources, List<String> ids) {
    super(
        "These resources leave fields for a model to fill, and no API key is set:\n  "
            + String.join("\n  ", resources)
            + "\nSet CW_API_KEY (in the environment or the project's .env file, or with --api-key)"
            + " and CW_MODEL for your endpoint (CW_BASE_URL, OpenRouter by default; a local server"
            + " such as Ollama needs only CW_BASE_URL), or give these fields in main.java.");
    this.resources = List.copyOf(resources);
    this.ids = List.copyOf(ids);
  }

  /** The ids of the resources that need a model. */
  public List<String> ids() {
    return ids;
  }

  /** Each resource that needs a model, with the fields it leaves. */
  public List<String> resources() {
    return resources;
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.INVALID_INPUT;
  }
}
