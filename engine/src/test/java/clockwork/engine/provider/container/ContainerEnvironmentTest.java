package clockwork.engine.provider.container;

import static org.assertj.core.api.Assertions.assertThat;

import clockwork.Secret;
import clockwork.spi.Sensitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A container's environment: secrets kept as digests, bad names and values refused. */
class ContainerEnvironmentTest {
  private final List<String> problems = new ArrayList<>();

  private ContainerEnvironment of(Map<String, String> envVars, Map<String, Secret> secrets) {
    return ContainerEnvironment.of(
        Map.of("DB_HOST", "db"), envVars, secrets, value -> "k" + value.length(), problems);
  }

  @Test
  void secrets_areShownAsDigests_andGoIntoTheContainerWithTheirValues() {
    var environment =
        of(
            Map.of("MODE", "prod", "POSTGRES_PASSWORD", "hunter2", "URL", "pg://u:pw@db/x"),
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
  void unsetSecrets_badNames_andNulCharacters_areRefused_namingThem() {
    of(
        Map.of("A\nB", "x", "", "x", "NUL", "a\0b", "BOTH", "x"),
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
