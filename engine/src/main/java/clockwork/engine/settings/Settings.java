package clockwork.engine.settings;

import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Clockwork's settings for one project, each taken from the first place that gives it: a flag, the
 * environment, the project's {@code .env} file, then a default.
 */
public final class Settings {
  /** The file in the project directory that settings are read from after the environment. */
  public static final String DOT_ENV = ".env";

  /** A setting Clockwork knows, by its environment variable. */
  public enum Name {
    CW_API_KEY(null, -1),
    CW_MODEL("openai/gpt-5-mini", -1),
    CW_BASE_URL("https://openrouter.ai/api/v1", -1),
    CW_COMPLETION_MAX_RETRIES("3", 0),
    CW_COMPLETION_TIMEOUT("60", 1),
    CW_LOAD_TIMEOUT("60", 1),
    CW_MODEL_CONCURRENCY("4", 1),
    CW_LOG_LEVEL("OFF", -1);

    private final String defaultValue;
    // the least a whole-number setting may be; -1 for settings that are not numbers
    private final int least;

    Name(String defaultValue, int least) {
      this.defaultValue = defaultValue;
      this.least = least;
    }
  }

  /** The levels CW_LOG_LEVEL may name. */
  private static final List<String> LEVELS =
      List.of("OFF", "ERROR", "WARN", "INFO", "DEBUG", "TRACE", "ALL");

  /** Where a setting's value came from. */
  public enum Source {
    FLAG("a flag"),
    ENVIRONMENT("the environment"),
    DOT_ENV(".env"),
    DEFAULT("the default");

    private final String label;

    Source(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /**
   * A setting's value and where it came from.
   *
   * @param value {@code null} when nothing gives it and it has no default
   */
  public record Setting(Name name, String value, Source source) {
    /** True when something gave it a value. */
    public boolean present() {
      return value != null && !value.isBlank();
    }
  }

  private final Map<Name, Setting> settings;
  private final Map<String, String> variables;

  private Settings(Map<Name, Setting> settings, Map<String, String> variables) {
    this.settings = settings;
    this.variables = variables;
  }

  /** What main.java reads with Secret.fromEnv: the environment, over the entries of .env. */
  public Map<String, String> variables() {
    return variables;
  }

  /**
   * @param flags values given on the command line, by name
   * @param environment the process environment
   * @param projectDir where to look for {@code .env}
   * @throws InvalidSettingException when {@code .env} cannot be read
   */
  public static Settings load(
      Map<Name, String> flags, Map<String, String> environment, Path projectDir) {
    Map<String, String> dotEnv = readDotEnv(projectDir);
    var settings = new EnumMap<Name, Setting>(Name.class);
    for (Name name : Name.values()) {
      Setting setting;
      if (flags.get(name) != null) {
        setting = new Setting(name, flags.get(name), Source.FLAG);
      } else if (environment.get(name.name()) != null) {
        setting = new Setting(name, environment.get(name.name()), Source.ENVIRONMENT);
      } else if (dotEnv.get(name.name()) != null) {
        setting = new Setting(name, dotEnv.get(name.name()), Source.DOT_ENV);
      } else {
        setting = new Setting(name, name.defaultValue, Source.DEFAULT);
      }
      settings.put(name, setting);
    }
    var variables = new HashMap<>(dotEnv);
    variables.putAll(environment);
    var loaded = new Settings(settings, Map.copyOf(variables));
    Setting level = loaded.get(Name.CW_LOG_LEVEL);
    if (!LEVELS.contains(level.value().strip().toUpperCase(Locale.ROOT))) {
      throw invalid(level, "give one of " + String.join(", ", LEVELS));
    }
    return loaded;
  }

  /**
   * Checks the settings of loading main.java and of the model at once, before anything uses one, so
   * that a bad value is an error naming it rather than a failure deep in a command. Commands that
   * never read main.java (destroy) need none of them.
   *
   * @throws InvalidSettingException quoting the first bad one
   */
  public void checkForLoading() {
    for (Name name : Name.values()) {
      if (name.least >= 0) number(name);
    }
    Setting model = settings.get(Name.CW_MODEL);
    if (!model.present()) {
      throw invalid(model, "give the name of a model, such as " + Name.CW_MODEL.defaultValue);
    }
    Setting url = settings.get(Name.CW_BASE_URL);
    if (!url.value().matches("https?://[^\\s/]+(/\\S*)?")) {
      throw invalid(url, "give an http:// or https:// URL, such as http://localhost:11434/v1");
    }
  }

  private static InvalidSettingException invalid(Setting setting, String what) {
    return new InvalidSettingException(
        setting.name()
            + " (from "
            + setting.source()
            + ") is \""
            + setting.value()
            + "\": "
            + what);
  }

  public Setting get(Name name) {
    return settings.get(name);
  }

  /** The value of a setting. */
  public String value(Name name) {
    return settings.get(name).value();
  }

  /**
   * A setting that holds a whole number.
   *
   * @throws InvalidSettingException when it holds something else, quoting it
   */
  public int number(Name name) {
    Setting setting = settings.get(name);
    try {
      int value = Integer.parseInt(setting.value().strip());
      if (value >= name.least) return value;
    } catch (NumberFormatException e) {
      // reported below, with the value
    }
    throw invalid(
        setting,
        "give a whole number of at least " + name.least + ", such as " + name.defaultValue);
  }

  private static Map<String, String> readDotEnv(Path projectDir) {
    // without a .env of the project's own, dotenv would look for one on the classpath, a search of
    // every jar that costs a tenth of a plan and could find one that is not the user's
    if (!Files.exists(projectDir.resolve(DOT_ENV))) return Map.of();
    try {
      var values = new HashMap<String, String>();
      Dotenv.configure()
          .directory(projectDir.toString())
          .filename(DOT_ENV)
          .ignoreIfMissing()
          .load()
          .entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)
          .forEach(entry -> values.put(entry.getKey(), entry.getValue()));
      return values;
    } catch (DotenvException e) {
      // dotenv's message quotes the line, and a .env line is likely to hold a secret
      throw new InvalidSettingException(
          "Cannot read "
              + projectDir.resolve(DOT_ENV)
              + ": "
              + malformedLine(projectDir.resolve(DOT_ENV))
              + " is not NAME=value (what it holds is not shown, as it may be a secret). Write"
              + " one NAME=value per line.");
    }
  }

  private static final Pattern ENTRY = Pattern.compile("\\s*(export\\s+)?[\\w.-]+\\s*=.*");

  /** Which line of a .env file is not an entry, a comment or blank, as "line 3". */
  private static String malformedLine(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (!line.isEmpty() && !line.startsWith("#") && !ENTRY.matcher(line).matches()) {
          return "line " + (i + 1);
        }
      }
    } catch (IOException e) {
      // the line cannot be found again: say so without it
    }
    return "a line";
  }
}
