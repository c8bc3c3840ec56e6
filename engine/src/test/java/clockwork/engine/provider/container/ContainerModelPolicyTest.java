package clockwork.engine.provider.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import clockwork.Resource;
import clockwork.engine.provider.ProviderHandle;
import clockwork.engine.provider.Providers;
import clockwork.engine.testing.TestDeclaration;
import clockwork.resources.AppleContainerResource;
import clockwork.resources.DockerResource;
import clockwork.spi.Fillable;
import clockwork.spi.InvalidResourceException;
import clockwork.spi.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One model policy for every container target: the same model answer is refused, with the same
 * message, whichever kind asked for it.
 */
class ContainerModelPolicyTest {
  private static final Providers PROVIDERS =
      Providers.discover(Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock"));

  @TempDir Path dir;
  @TempDir Path outside;

  /** Each container kind, with a declaration of it that gives only an image. */
  static Stream<Arguments> kinds() {
    Supplier<Resource> docker = () -> new DockerResource("web").image("nginx:1");
    Supplier<Resource> apple = () -> new AppleContainerResource("web").image("nginx:1");
    return Stream.of(Arguments.of("docker", docker), Arguments.of("apple-container", apple));
  }

  private String refusal(String kind, Supplier<Resource> declared, Map<String, ?> answer)
      throws IOException {
    Resource resource = declared.get();
    resource.fill(answer);
    ProviderHandle<?, ?, ?> provider = PROVIDERS.find(kind).orElseThrow();
    var project = new Project("p", "id", dir.toRealPath());
    var thrown =
        catchThrowable(() -> provider.desired(resource, TestDeclaration.of(project, "web")));
    assertThat(thrown).as(kind + " refuses " + answer).isInstanceOf(InvalidResourceException.class);
    return thrown.getMessage();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void everyContainerKind_offersTheModelTheSameFields(String kind, Supplier<Resource> declared) {
    assertThat(PROVIDERS.find(kind).orElseThrow().fillable())
        .extracting(Fillable::field)
        .containsExactly("image", "ports", "envVars", "volumes", "command");
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void everyContainerKind_refusesASecretLookingVariableTheModelChose(
      String kind, Supplier<Resource> declared) throws IOException {
    assertThat(refusal(kind, declared, Map.of("envVars", Map.of("DB_PASSWORD", "hunter2"))))
        .contains("DB_PASSWORD")
        .doesNotContain("hunter2");
    assertThat(refusal(kind, declared, Map.of("envVars", Map.of("LD_PRELOAD", "/x.so"))))
        .contains("LD_PRELOAD");
    assertThat(
            refusal(
                kind, declared, Map.of("envVars", Map.of("DATABASE_URL", "postgres://a:pw@db/x"))))
        .contains("DATABASE_URL")
        .doesNotContain(":pw@");
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void everyContainerKind_refusesAHostPathTheModelChose_linksFollowed(
      String kind, Supplier<Resource> declared) throws IOException {
    Files.createSymbolicLink(dir.resolve("etclink"), outside);
    assertThat(refusal(kind, declared, Map.of("volumes", List.of("/etc:/hostetc"))))
        .isEqualTo(
            "volume \"/etc:/hostetc\" mounts a host path outside the project: mount a named"
                + " volume or a ./directory inside the project instead");
    assertThat(refusal(kind, declared, Map.of("volumes", List.of("./etclink:/hostetc"))))
        .contains("(it leads to " + outside.toRealPath() + ")");
    assertThat(refusal(kind, declared, Map.of("volumes", List.of("./.clockwork:/c"))))
        .startsWith("volume \"./.clockwork:/c\" mounts Clockwork's own ");
  }
}
