package clockwork.engine.provider.container;

import static org.assertj.core.api.Assertions.assertThat;

import clockwork.Secret;
import clockwork.spi.Sensitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A container's environment: secrets kept as digests, and what a model may not set. */
class ContainerEnvironmentTest {
  private final List<String> problems = new ArrayList<>();

  private ContainerEnvironment of(
      Map<String, String> envVars, boolean filled, Map<String, Secret> secrets) {
    return ContainerEnvironment.of(
        Map.of("DB_HOST", "db"), envVars, filled, secrets, value -> "k" + value.length(), problems);
  }

  @Test
  void secrets_areShownAsDigests_andGoIntoTheContainerWithTheirValues() {
    var environment =
        of(
            Map.of("MODE", "prod", "POSTGRES_PASSWORD", "hunter2", "URL", "pg://u:pw@db/x"),
            false,
            Map.of("SIGNING", Secret.of("s1gn")));

    assertThat(problems).isEmpty();
    assertThat(environment.shown()).containsEntry("MODE", "prod").containsEntry("DB_HOST", "db");
    assertThat(environment.shown().get("POSTGRES_PASSWORD")).satisfies(Sensitive::isStored);
    assertThat(environment.shown().get("URL")).satisfies(Sensitive::isStored);
    assertThat(environment.shown().get("SIGNING")).satisfies(Sensitive::isStored);
    assertThat(environment.shown().values()).doesNotContain("hunter2", "s1gn", "pg://u:pw@db/x");
    assertThat(environment.entries())
        .contains("POSTGRES_PASSWORD=hunter2", "SIGNING=s1gn", "URL=pg://u:pw@db/x", "MODE=prod");
  }

  @Test
  void aModel_setsNoSecretNoCredentialAndNothingThatInjectsCode() {
    of(
        Map.of(
            "DB_PASS", "x",
            "PGPASS", "x",
            "AWS_ACCESS_KEY_ID", "x",
            "AUTH_KEY", "x",
            "SESSION_KEY", "x",
            "DATABASE_URL", "postgres://app:pw@db/app",
            "LD_PRELOAD", "/tmp/evil.so",
            "NODE_OPTIONS", "--require /tmp/x",
            "MODE", "prod"),
        true,
        Map.of());

    assertThat(problems)
        .hasSize(8)
        .contains(
            "environment variable \"DB_PASS\" holds a secret, which only the user sets: leave it"
                + " out",
            "environment variable \"DATABASE_URL\" carries credentials in a URL, which only the"
                + " user gives: leave them out",
            "environment variable \"LD_PRELOAD\" changes how programs in the container load code,"
                + " which only the user sets: leave it out");
  }

  @Test
  void unsetSecrets_badNames_andNulCharacters_areRefused_namingThem() {
    of(
        Map.of("A\nB", "x", "", "x", "NUL", "a\0b", "BOTH", "x"),
        false,
        Map.of("BOTH", Secret.of("y"), "UNSET", Secret.of(null)));

    assertThat(problems)
        .containsExactlyInAnyOrder(
            "environment variable \"A\\nB\" needs a name without '=', line breaks or other"
                + " control characters",
            "environment variable \"\" needs a name without '=', line breaks or other control"
                + " characters",
            "environment variable \"NUL\" has a NUL character in its value, which no environment"
                + " can hold: take it out",
            "environment variable \"BOTH\" is given as a plain value and as a Secret: keep one",
            "environment variable \"UNSET\" is a secret from a value in main.java, which is not"
                + " set: set it, then run the command again");
  }
}
