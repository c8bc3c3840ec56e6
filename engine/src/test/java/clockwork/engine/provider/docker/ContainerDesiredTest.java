package clockwork.engine.provider.docker;

import static org.assertj.core.api.Assertions.assertThat;

import clockwork.Resource;
import clockwork.engine.testing.TestDeclaration;
import clockwork.resources.DockerResource;
import clockwork.resources.FileResource;
import clockwork.spi.Project;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The container provider's desired spec: what main.java declared, checked and completed. */
class ContainerDesiredTest {
  private final DockerContainerProvider provider =
      new DockerContainerProvider(new DockerEngine(Map.of()));
  private final Project project = new Project("p", "id", Path.of("/srv/p"));

  private ContainerSpec desired(DockerResource container, List<Resource> dependencies) {
    var published =
        Map.of(
            "app.conf",
            Map.of("path", "conf/app.conf", "sha256", "1a2b3c4d5e6f7a8b9c0d"),
            "other.txt",
            Map.of("path", "elsewhere/other.txt", "sha256", "ffffffffffffffffffff"));
    return provider.desired(
        container, new TestDeclaration(project, container.name(), dependencies, published));
  }

  @Test
  void desired_recordsTheDigestOfEveryConnectedFileItMounts() {
    var conf = new FileResource("app.conf").content("x");
    var other = new FileResource("other.txt").content("y");
    var asFile =
        new DockerResource("web")
            .image("nginx:1")
            .volumes("./conf/app.conf:/etc/app.conf:ro")
            .connect(conf, other);
    var asDirectory = new DockerResource("web").image("nginx:1").volumes("./conf:/etc/conf");

    assertThat(desired(asFile, List.of(conf, other)).mountedFiles())
        .containsExactly(Map.entry("conf/app.conf", "sha256:1a2b3c4d5e6f"));
    assertThat(desired(asDirectory, List.of(conf, other)).mountedFiles())
        .containsOnlyKeys("conf/app.conf");
    assertThat(desired(asDirectory, List.of(other)).mountedFiles()).isEmpty();
  }

  @Test
  void desired_keepsTheSpecHashOfAContainerThatMountsNoConnectedFile() {
    var plain = desired(new DockerResource("web").image("nginx:1"), List.of());
    var mounting =
        desired(
            new DockerResource("web").image("nginx:1").volumes("./conf:/etc/conf"),
            List.of(new FileResource("app.conf").content("x")));

    assertThat(plain.replacingFields()).doesNotContainKey("mountedFiles");
    assertThat(mounting.replacingFields()).containsKey("mountedFiles");
  }
}
