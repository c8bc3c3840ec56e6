package clockwork;

/**
 * A secret: a password, a token, a key. Clockwork hands it to where it goes (a container's
 * environment, an env file, a database role) and to nowhere else: plans show it as {@code
 * (sensitive)}, state keeps only a digest of it under the project's own key, and it reaches no log,
 * message, model prompt or {@code clockwork.lock}.
 *
 * <pre>{@code
 * new DockerResource("db").image("postgres:15-alpine")
 *     .envVar("POSTGRES_PASSWORD", Secret.fromEnv("DB_PASSWORD"))
 * }</pre>
 */
public final class Secret {
  private final String variable;
  private final String value;

  private Secret(String variable, String value) {
    this.variable = variable;
    this.value = value;
  }

  /**
   * The value of an environment variable of the {@code clockwork} command, or else of an entry of
   * the project's {@code .env} (as compose reads it); one that is neither stops the plan with an
   * error naming it.
   *
   * @throws IllegalArgumentException when the name is null or empty
   */
  public static Secret fromEnv(String variable) {
    if (variable == null || variable.isEmpty()) {
      throw new IllegalArgumentException(
          "Secret.fromEnv(...) needs the name of an environment variable, such as"
              + " Secret.fromEnv(\"DB_PASSWORD\")");
    }
    return new Secret(variable, Clockwork.variable(variable));
  }

  /**
   * A value held in {@code main.java} (read from a file, say); {@code null} stops the plan with an
   * error naming where it was to go. Prefer {@link #fromEnv}: a secret written into {@code
   * main.java} is in version control.
   */
  public static Secret of(String value) {
    return new Secret(null, value);
  }

  /** The value; {@code null} when it is not set. */
  public String value() {
    return value;
  }

  /** Whether it has a value. */
  public boolean isSet() {
    return value != null;
  }

  /** The environment variable it comes from; {@code null} for a value given in main.java. */
  public String variable() {
    return variable;
  }

  /** Where it comes from, for messages, such as {@code the environment variable DB_PASSWORD}. */
  public String source() {
    return variable != null
        ? "the environment variable " + variable + " (or its entry in .env)"
        : "a value in main.java";
  }

  /** Never the value. */
  @Override
  public String toString() {
    return variable != null ? "Secret.fromEnv(\"" + variable + "\")" : "Secret.of(...)";
  }
}
