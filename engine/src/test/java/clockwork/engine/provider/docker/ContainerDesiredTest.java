package clockwork.engine.provider.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clockwork.Resource;
import clockwork.engine.provider.container.ContainerOutputs;
import clockwork.engine.testing.TestDeclaration;
import clockwork.resources.DockerResource;
import clockwork.resources.FileResource;
import clockwork.resources.PostgresDatabaseResource;
import clockwork.spi.InvalidResourceException;
import clockwork.spi.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The container provider's desired spec: what main.java declared, checked and completed. */
class ContainerDesiredTest {
  private final Project project = new Project("p", "id", Path.of("/srv/p"));

  private ContainerSpec desired(DockerResource container, List<Resource> dependencies) {
    var published =
        Map.of(
            "app.conf",
            Map.of("path", "conf/app.conf", "sha256", "1a2b3c4d5e6f7a8b9c0d"),
            "other.txt",
            Map.of("path", "elsewhere/other.txt", "sha256", "ffffffffffffffffffff"));
    return ContainerDesired.desired(
        container, new TestDeclaration(project, container.name(), dependencies, published));
  }

  @Test
  void desired_givesTheEnvironmentWhatItsConnectionsPublish() {
    var api = new DockerResource("api").image("api:1");
    var cache = new DockerResource("cache").image("redis:7");
    var db = new PostgresDatabaseResource("db");
    var web = new DockerResource("web").image("nginx:1").connect(api, cache, db);
    var published =
        Map.of(
            "api",
            ContainerOutputs.of("api", List.of("8080:8080/tcp"), Map.of()),
            "cache",
            ContainerOutputs.of("cache", List.of("6379/tcp", "16379/tcp"), Map.of()),
            "db",
            Map.of("DATABASE_URL", "postgresql://app@pg:5432/shop"));

    ContainerSpec spec =
        ContainerDesired.desired(
            web, new TestDeclaration(project, "web", List.of(api, cache, db), published));

    assertThat(spec.env())
        .containsEntry("API_HOST", "api")
        .containsEntry("API_PORT", "8080")
        .containsEntry("CACHE_HOST", "cache")
        .doesNotContainKey("CACHE_PORT")
        .containsEntry("DATABASE_URL", "postgresql://app@pg:5432/shop");
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

  @Test
  void desired_letsTheUserMountWhatTheyLike_theModelPolicyIsForModels(
      @TempDir Path dir, @TempDir Path outside) throws IOException {
    Files.createSymbolicLink(dir.resolve("etclink"), outside);
    var real = new Project("p", "id", dir.toRealPath());
    var given = new DockerResource("web").image("nginx:1").volumes("./etclink:/hostetc");
    assertThat(ContainerDesired.desired(given, TestDeclaration.of(real, "web")).volumes())
        .as("the user may mount what they like")
        .hasSize(1);
  }

  @Test
  void desired_checksTheHealthCheck_andKeepsTheDefaultOneOutOfTheHash() {
    var plain = desired(new DockerResource("web").image("nginx:1").healthcheck("true"), List.of());
    var timed =
        desired(
            new DockerResource("web")
                .image("nginx:1")
                .healthcheckExec("pg_isready")
                .healthInterval(Duration.ofSeconds(2))
                .healthRetries(5),
            List.of());

    assertThat(plain.health()).isNull();
    assertThat(plain.replacingFields()).doesNotContainKey("health");
    assertThat(timed.health())
        .isEqualTo(new ContainerHealth(List.of("pg_isready"), 2000L, null, 5, null));
    assertThat(timed.health()).hasToString("exec [pg_isready], interval 2000ms, retries 5");
    assertThatThrownBy(
            () ->
                desired(
                    new DockerResource("web")
                        .image("nginx:1")
                        .healthcheck("true")
                        .healthcheckExec("true")
                        .healthInterval(Duration.ZERO)
                        .healthRetries(0),
                    List.of()))
        .isInstanceOf(InvalidResourceException.class)
        .hasMessageContaining("healthcheck and healthcheckExec are both given")
        .hasMessageContaining("healthInterval of 0 ms is not positive")
        .hasMessageContaining("healthRetries 0 is less than 1");
  }

  @Test
  void desired_waitsForTheContainersItIsConnectedTo_byTheirNames() {
    var db = new DockerResource("db").image("postgres:15");
    var file = new FileResource("app.conf").content("x");
    var api = new DockerResource("api").image("api:1").connect(db, file);
    var published =
        Map.of(
            "db", ContainerOutputs.of("shop.db", List.of("5432:5432/tcp"), Map.of()),
            "app.conf", Map.of("path", "app.conf", "sha256", "1a2b3c4d5e6f7a8b9c0d"));

    var spec =
        ContainerDesired.desired(
            api, new TestDeclaration(project, "api", List.of(db, file), published));

    assertThat(spec.waitFor()).as("containers only").containsExactly("shop.db");
  }

  @Test
  void desired_namesTheContainerAsChosen_keepsTheResourceId_andReplacesWhenTheNameChanges() {
    var plain = desired(new DockerResource("db").image("postgres:16"), List.of());
    var named =
        desired(new DockerResource("db").image("postgres:16").containerName("shop-db"), List.of());

    assertThat(named.name()).isEqualTo("shop-db");
    assertThat(named.resourceId()).isEqualTo("db");
    assertThat(named.replacingFields()).containsEntry("containerName", "shop-db");
    assertThat(plain.replacingFields()).doesNotContainKey("containerName");
    assertThat(named.hash()).isNotEqualTo(plain.hash());
    assertThatThrownBy(
            () ->
                desired(
                    new DockerResource("db").image("postgres:16").containerName("-db"), List.of()))
        .hasMessageContaining("containerName \"-db\" cannot name a container");
  }

  @Test
  void desired_sharesANetworkStack_insteadOfJoiningNetworks() {
    var host = desired(new DockerResource("web").image("nginx:1").networkMode("host"), List.of());
    var shared =
        desired(new DockerResource("web").image("nginx:1").networkMode("container:db"), List.of());

    assertThat(host.networks()).containsExactly("host");
    assertThat(host.projectNetwork()).isFalse();
    assertThat(host.settings()).containsEntry("networkMode", "host");
    assertThat(shared.networks()).isEmpty();
    assertThat(shared.externalNetworks()).isEmpty();
    assertThatThrownBy(
            () -> desired(new DockerResource("web").image("n:1").networkMode("hots"), List.of()))
        .hasMessageContaining(
            "networkMode \"hots\" is not \"host\", \"none\", \"bridge\" or \"container:NAME\"");
    assertThatThrownBy(
            () ->
                desired(
                    new DockerResource("web").image("n:1").networkMode("host").ports("8080:80"),
                    List.of()))
        .hasMessageContaining(
            "ports [\"8080:80/tcp\"] cannot be published with networkMode \"host\"");
    assertThatThrownBy(
            () ->
                desired(
                    new DockerResource("web").image("n:1").networkMode("none").networks("back"),
                    List.of()))
        .hasMessageContaining("are both given");
  }

  @Test
  void desired_mountsSecretAndConfigFilesReadOnly_andRefusesOnesThatDoNotExist(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("db_password.txt"), "s3cret");
    Files.writeString(dir.resolve("nginx.conf"), "events {}");
    var real = new Project("p", "id", dir);
    var web =
        new DockerResource("web")
            .image("nginx:1")
            .secretFile("db_password", "db_password.txt")
            .configFile("nginx.conf", "/etc/nginx/nginx.conf");

    assertThat(ContainerDesired.desired(web, TestDeclaration.of(real, "web")).volumes())
        .containsExactly(
            dir.resolve("db_password.txt") + ":/run/secrets/db_password:ro",
            dir.resolve("nginx.conf") + ":/etc/nginx/nginx.conf:ro");
    var missing = new DockerResource("web").image("nginx:1").secretFile("api_key", "key.txt");
    assertThatThrownBy(() -> ContainerDesired.desired(missing, TestDeclaration.of(real, "web")))
        .hasMessageContaining(
            "secret api_key: file \"key.txt\" does not exist (key.txt): create it, or give the"
                + " path of the file to mount");
    var relative = new DockerResource("web").image("nginx:1").configFile("nginx.conf", "etc/x");
    assertThatThrownBy(() -> ContainerDesired.desired(relative, TestDeclaration.of(real, "web")))
        .hasMessageContaining("needs an absolute path in the container, not \"etc/x\"");
  }
}
