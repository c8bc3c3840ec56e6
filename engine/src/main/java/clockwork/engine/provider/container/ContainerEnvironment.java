package clockwork.engine.provider.container;

import clockwork.Secret;
import clockwork.spi.Sensitive;
import clockwork.spi.Values;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A container's environment as it should be, in two parts: what state keeps and plans show, where
 * each secret is its keyed digest ({@link Sensitive#stored}), and the secret values themselves,
 * which go into the container and nowhere else. A secret is a {@link Secret} the user gave, a
 * variable whose name looks secret, or a value with credentials in a URL.
 *
 * @param shown every variable, secrets as their digests
 * @param secrets the values of the secrets, by name
 */
public record ContainerEnvironment(
    SortedMap<String, String> shown, SortedMap<String, String> secrets) {
  public ContainerEnvironment {
    shown = new TreeMap<>(shown);
    secrets = new TreeMap<>(secrets);
  }

  /**
   * The environment from its parts, each checked; the later parts win over the earlier.
   *
   * @param connections what connected resources offer (such as {@code DB_HOST})
   * @param envVars the plain variables
   * @param secretEnvVars the user's {@link Secret}s
   * @param keyedDigest the project's keyed digest
   * @param problems where problems are added, each quoting the variable
   */
  public static ContainerEnvironment of(
      Map<String, String> connections,
      Map<String, String> envVars,
      Map<String, Secret> secretEnvVars,
      UnaryOperator<String> keyedDigest,
      List<String> problems) {
    var shown = new TreeMap<String, String>();
    var secrets = new TreeMap<String, String>();
    // one variable, a secret when the user says so or when it looks like one
    Put put =
        (name, value, secret) -> {
          if (secret || Sensitive.name(name) || Sensitive.value(value)) {
            shown.put(name, Sensitive.stored(keyedDigest.apply(name + "\0" + value)));
            secrets.put(name, value);
          } else {
            shown.put(name, value);
            secrets.remove(name);
          }
        };
    connections.forEach((name, value) -> put.put(name, value, false));
    envVars.forEach(
        (name, value) -> {
          checkName(name, problems);
          if (value.indexOf('\0') >= 0) {
            problems.add(
                "environment variable "
                    + Values.quote(name)
                    + " has a NUL character in its value,"
                    + " which no environment can hold: take it out");
          }
          put.put(name, value, false);
        });
    secretEnvVars.forEach(
        (name, secret) -> {
          checkName(name, problems);
          if (envVars.containsKey(name)) {
            problems.add(
                "environment variable "
                    + Values.quote(name)
                    + " is given as a plain value and as a Secret: keep one");
          } else if (!secret.isSet()) {
            problems.add(
                "environment variable "
                    + Values.quote(name)
                    + " is a secret from "
                    + secret.source()
                    + ", which is not set: set it, then run the command again");
          } else {
            put.put(name, secret.value(), true);
          }
        });
    return new ContainerEnvironment(shown, secrets);
  }

  private interface Put {
    void put(String name, String value, boolean secret);
  }

  private static void checkName(String name, List<String> problems) {
    if (name.isEmpty() || name.contains("=") || name.chars().anyMatch(Character::isISOControl)) {
      problems.add(
          "environment variable "
              + Values.quote(name)
              + " needs a name without '=', line breaks or other control characters");
    }
  }

  /** The variables as the container gets them: {@code NAME=value}, secrets with their values. */
  public List<String> entries() {
    var entries = new TreeMap<>(shown);
    entries.putAll(secrets);
    return entries.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
  }
}
