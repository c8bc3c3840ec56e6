package clockwork.cli;

import clockwork.engine.complete.Completer;
import clockwork.engine.settings.Settings.Name;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/** The options of the commands that may ask a model to fill what main.java leaves out. */
final class ModelOptions {
  @Option(
      names = "--model",
      paramLabel = "NAME",
      description = "The model to ask (default: CW_MODEL, then .env, then openai/gpt-5-mini).")
  String model;

  @Option(
      names = "--api-key",
      paramLabel = "KEY",
      description = "The endpoint's API key (default: CW_API_KEY, then .env).")
  String apiKey;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "Any OpenAI-compatible endpoint (default: CW_BASE_URL, then .env, then OpenRouter).")
  String baseUrl;

  @Option(
      names = "--refresh-ai",
      paramLabel = "ID",
      arity = "0..*",
      split = ",",
      fallbackValue = Completer.REFRESH_ALL,
      description =
          "Ask the model again instead of reusing clockwork.lock: for the resources named"
              + " (such as webapp.api), or for all when none are named.")
  List<String> refreshAi = List.of();

  /** The settings given as flags. */
  Map<Name, String> flags() {
    var flags = new EnumMap<Name, String>(Name.class);
    if (model != null) flags.put(Name.CW_MODEL, model);
    if (apiKey != null) flags.put(Name.CW_API_KEY, apiKey);
    if (baseUrl != null) flags.put(Name.CW_BASE_URL, baseUrl);
    return flags;
  }

  /** Which resource ids to ask again. */
  Set<String> refresh() {
    return Set.copyOf(refreshAi);
  }
}
