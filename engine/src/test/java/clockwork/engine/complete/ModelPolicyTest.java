package clockwork.engine.complete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import clockwork.engine.model.AnswerFormat;
import clockwork.engine.provider.Providers;
import clockwork.spi.Fillable;
import clockwork.spi.InvalidResourceException;
import clockwork.spi.Project;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One model policy for every kind: the same answer is refused, with the same message, whichever
 * kind asked for it, because each kind only says which rule its fields follow. Each case asks the
 * kinds' own fillable fields, as found through {@code ServiceLoader}.
 */
class ModelPolicyTest {
  private static final Providers PROVIDERS =
      Providers.discover(Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock"));
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  @TempDir Path outside;
  private Project project;

  @BeforeEach
  void project() throws IOException {
    project = new Project("p", "id", dir.toRealPath());
  }

  static Stream<String> containerKinds() {
    return Stream.of("docker", "apple-container");
  }

  /** The problems with a model's answer of these values, for a resource of {@code kind}. */
  private List<String> problems(String kind, Map<String, ?> answer) throws IOException {
    List<Fillable> asked =
        PROVIDERS.find(kind).orElseThrow().fillable().stream()
            .filter(f -> answer.containsKey(f.field()))
            .toList();
    assertThat(asked).as(kind + " lets a model fill " + answer.keySet()).hasSize(answer.size());
    String text = JSON.writeValueAsString(answer);
    var thrown =
        catchThrowable(
            () -> Answer.read(text, new AnswerFormat(kind + "_fill", asked), Set.of(), project));
    return thrown instanceof InvalidResourceException refused ? refused.problems() : List.of();
  }

  @ParameterizedTest
  @MethodSource("containerKinds")
  void everyContainerKind_offersTheModelTheSameFields(String kind) {
    assertThat(PROVIDERS.find(kind).orElseThrow().fillable())
        .extracting(Fillable::field)
        .containsExactly("image", "ports", "envVars", "volumes", "command");
  }

  @ParameterizedTest
  @MethodSource("containerKinds")
  void everyContainerKind_refusesASecretACredentialAndWhatInjectsCode(String kind)
      throws IOException {
    var problems =
        problems(
            kind,
            Map.of(
                "envVars",
                Map.of(
                    "DB_PASS", "x",
                    "PGPASS", "x",
                    "AWS_ACCESS_KEY_ID", "x",
                    "AUTH_KEY", "x",
                    "SESSION_KEY", "x",
                    "DATABASE_URL", "postgres://app:pw@db/app",
                    "LD_PRELOAD", "/tmp/evil.so",
                    "NODE_OPTIONS", "--require /tmp/x",
                    "MODE", "prod")));

    assertThat(problems)
        .hasSize(8)
        .contains(
            "environment variable \"DB_PASS\" holds a secret, which only the user sets: leave it"
                + " out",
            "environment variable \"DATABASE_URL\" carries credentials in a URL, which only the"
                + " user gives: leave them out",
            "environment variable \"LD_PRELOAD\" changes how programs in the container load code,"
                + " which only the user sets: leave it out");
    assertThat(String.join("\n", problems)).doesNotContain(":pw@", "evil.so");
    assertThat(problems(kind, Map.of("envVars", Map.of("MODE", "prod")))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("containerKinds")
  void everyContainerKind_refusesMountsThatLeaveTheProjectOrTouchClockworksOwnFiles(String kind)
      throws IOException {
    Files.createSymbolicLink(dir.resolve("etclink"), outside);
    Files.createDirectories(dir.resolve("data"));
    String[] refused = {
      "./etclink:/hostetc",
      "./etclink/sub:/x",
      "./:/src",
      "./.env:/e",
      "./.clockwork:/c",
      "./clockwork.lock:/l",
      "../up:/u",
      "/etc:/e"
    };
    for (String volume : refused) {
      assertThat(problems(kind, Map.of("volumes", List.of(volume))))
          .as(volume)
          .singleElement()
          .asString()
          .startsWith("volume \"" + volume + "\" mounts ");
    }
    assertThat(problems(kind, Map.of("volumes", List.of("/etc:/hostetc"))))
        .containsExactly(
            "volume \"/etc:/hostetc\" mounts a host path outside the project: mount a named"
                + " volume or a ./directory inside the project instead");
    assertThat(problems(kind, Map.of("volumes", List.of("./etclink:/hostetc"))))
        .containsExactly(
            "volume \"./etclink:/hostetc\" mounts a host path outside the project (it leads to "
                + outside.toRealPath()
                + "): mount a named volume or a ./directory inside the project instead");
    assertThat(problems(kind, Map.of("volumes", List.of("./.clockwork:/c"))))
        .singleElement()
        .asString()
        .startsWith("volume \"./.clockwork:/c\" mounts Clockwork's own ");
    assertThat(
            problems(
                kind, Map.of("volumes", List.of("./data:/data", "./new:/new", "cache:/cache"))))
        .as("directories inside the project and named volumes")
        .isEmpty();
  }

  @Test
  void aFile_mayNotBeMadeWritableByAnyone() throws IOException {
    assertThat(problems("file", Map.of("mode", "777")))
        .containsExactly(
            "mode \"777\" lets anyone write the file, which only the user may ask for: answer"
                + " 644, 600 or 755");
    assertThat(problems("file", Map.of("mode", "0646"))).hasSize(1);
    assertThat(problems("file", Map.of("mode", "644", "content", "x"))).isEmpty();
  }

  @Test
  void aClone_goesInsideTheProject_linksFollowed() throws IOException {
    Files.createSymbolicLink(dir.resolve("vendorlink"), outside);
    assertThat(problems("git", Map.of("dest", "/etc/docs")))
        .containsExactly("dest \"/etc/docs\" is outside the project: give a directory inside it");
    assertThat(problems("git", Map.of("dest", "vendorlink/docs")))
        .containsExactly(
            "dest \"vendorlink/docs\" is outside the project (it leads to "
                + outside.toRealPath().resolve("docs")
                + "): give a directory inside it");
    assertThat(problems("git", Map.of("dest", "vendor/docs", "branch", "main"))).isEmpty();
  }

  @Test
  void everyKindWithFillableFields_isCovered() {
    assertThat(PROVIDERS.kinds())
        .filteredOn(kind -> !PROVIDERS.find(kind).orElseThrow().fillable().isEmpty())
        .containsExactlyInAnyOrder("docker", "apple-container", "file", "template", "git");
  }
}
