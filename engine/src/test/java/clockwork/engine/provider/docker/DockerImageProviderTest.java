package clockwork.engine.provider.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clockwork.engine.provider.container.Labels;
import clockwork.engine.testing.TestDeclaration;
import clockwork.resources.DockerImageResource;
import clockwork.spi.Action;
import clockwork.spi.Applied;
import clockwork.spi.Diff;
import clockwork.spi.FieldChange;
import clockwork.spi.InvalidResourceException;
import clockwork.spi.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an image build asks for, and when it builds again: no engine. */
class DockerImageProviderTest {
  private static final DockerImageProvider PROVIDER =
      new DockerImageProvider(new DockerEngine(Map.of("DOCKER_HOST", "unix:///nonexistent")));

  @TempDir Path dir;
  private Project project;

  @BeforeEach
  void context() throws IOException {
    project = new Project("shop", "proj", dir.toRealPath());
    Files.createDirectories(dir.resolve("app"));
    Files.writeString(dir.resolve("app/Dockerfile"), "FROM base\nCOPY . /app\n");
    Files.writeString(dir.resolve("app/main.py"), "print(1)\n");
  }

  private ImageSpec desired(DockerImageResource image) {
    return PROVIDER.desired(image, TestDeclaration.of(project, image.name()));
  }

  private static ImageObservation built(ImageSpec spec) {
    var labels = new HashMap<>(Labels.of(spec.projectId(), spec.projectName(), spec.resourceId()));
    labels.put(Labels.SPEC_HASH, spec.digest());
    return new ImageObservation(true, "sha256:1", labels);
  }

  private static Applied<ImageSpec, ImageObservation> applied(ImageSpec spec) {
    return new Applied<>(spec, built(spec), List.of("image:" + spec.tag()));
  }

  @Test
  void desired_namesTheImageAsComposeDoes_andReadsTheContext() {
    ImageSpec spec = desired(new DockerImageResource("api").context("./app").buildArg("V", "1"));

    assertThat(spec.tag()).isEqualTo("shop-api:latest");
    assertThat(spec.context()).isEqualTo("app");
    assertThat(spec.dockerfile()).isEqualTo("Dockerfile");
    assertThat(spec.files()).containsOnlyKeys("Dockerfile", "main.py");
    assertThat(PROVIDER.publishes(spec))
        .containsEntry("image", "shop-api:latest")
        .containsEntry("digest", spec.digest());
  }

  @Test
  void desired_neverSendsClockworksOwnFiles_fromTheProjectDirectory() throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), "FROM base\n");
    Files.writeString(dir.resolve(".env"), "TOKEN=x\n");
    Files.writeString(dir.resolve("main.java"), "void main() {}\n");
    Files.createDirectories(dir.resolve(".clockwork"));
    Files.writeString(dir.resolve(".clockwork/digest.key"), "k");

    ImageSpec spec = desired(new DockerImageResource("all"));

    assertThat(spec.files().keySet())
        .containsExactly("Dockerfile", "app/Dockerfile", "app/main.py");
    assertThat(spec.context()).as("no path of this machine in state").isEqualTo(".");
  }

  @Test
  void desired_refusesAMissingContextOrDockerfile_andBadArguments_quotingThem() {
    assertThatThrownBy(() -> desired(new DockerImageResource("x").context("./nope")))
        .isInstanceOf(InvalidResourceException.class)
        .hasMessageContaining("context \"./nope\" is not a directory");
    assertThatThrownBy(
            () ->
                desired(
                    new DockerImageResource("x")
                        .context("./app")
                        .dockerfile("Other")
                        .buildArg("1BAD", "v")
                        .tag("Bad Tag")))
        .hasMessageContaining("dockerfile \"Other\" is not a file in the context \"./app\"")
        .hasMessageContaining("build argument \"1BAD\" is not an ARG name")
        .hasMessageContaining("tag \"Bad Tag\"");
  }

  @Test
  void diff_builds_whenAbsent_andNotAgainWhileNothingChanged() {
    ImageSpec spec = desired(new DockerImageResource("api").context("./app"));

    Diff diff = PROVIDER.diff(spec, null, ImageObservation.ABSENT);
    assertThat(diff.action()).isEqualTo(Action.CREATE);
    assertThat(diff.note()).isEqualTo("builds it");
    assertThat(PROVIDER.diff(spec, applied(spec), built(spec))).isEqualTo(Diff.same());
    assertThat(PROVIDER.diff(spec, null, built(spec)))
        .as("a state that lost its record finds the image as built")
        .isEqualTo(Diff.same());
  }

  @Test
  void diff_buildsAgain_namingTheFilesAndInputsThatChanged() throws IOException {
    ImageSpec before = desired(new DockerImageResource("api").context("./app"));
    Files.writeString(dir.resolve("app/main.py"), "print(2)\n");
    Files.writeString(dir.resolve("app/util.py"), "x = 1\n");
    ImageSpec after = desired(new DockerImageResource("api").context("./app").buildArg("V", "2"));

    Diff diff = PROVIDER.diff(after, applied(before), built(before));

    assertThat(diff.action()).isEqualTo(Action.REPLACE);
    assertThat(diff.note()).isEqualTo("builds again");
    assertThat(diff.changes())
        .containsExactly(
            FieldChange.changed("files", "2 changed", "main.py, util.py (added)"),
            FieldChange.changed("buildArgs", "{}", "{V=2}"));
  }

  @Test
  void diff_refusesATagAnImageClockworkDidNotBuildHas() {
    ImageSpec spec = desired(new DockerImageResource("api").context("./app").tag("shared:1"));

    assertThatThrownBy(
            () -> PROVIDER.diff(spec, null, new ImageObservation(true, "sha256:9", Map.of())))
        .isInstanceOf(InvalidResourceException.class)
        .hasMessage(
            "an image tagged \"shared:1\" already exists, built not by Clockwork, and Clockwork"
                + " never takes over what it did not make: remove it (docker rmi shared:1) or give"
                + " this resource another .tag(...)");
  }
}
