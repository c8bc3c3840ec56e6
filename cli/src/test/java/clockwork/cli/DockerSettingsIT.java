package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static clockwork.cli.DockerHost.docker;
import static clockwork.cli.DockerHost.inspect;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.error.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The container settings real compose files use, on the real engine: each shows in the plan,
 * reaches Docker as {@code docker inspect} tells, works inside the container, and replaces the
 * container when it changes.
 */
class DockerSettingsIT {
  @RegisterExtension final TestProject workspace = TestProject.onDockerEngine();

  final Path project = workspace.dir();
  final String suffix = workspace.suffix();
  private final String web = "web-" + suffix;

  private void declare(String user) throws Exception {
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            Clockwork.declare(new DockerResource("%s")
                .image("%s")
                .entrypoint("httpd")
                .command("-f", "-p", "8080", "-h", "/tmp")
                .user("%s")
                .hostname("front")
                .workingDir("/tmp")
                .expose("9000", "53/udp")
                .capAdd("NET_ADMIN")
                .capDrop("MKNOD")
                .memory("64m")
                .cpus(0.5)
                .stopSignal("SIGINT")
                .readOnlyRootFilesystem(true)
                .tmpfs("/scratch:size=1m")
                .extraHosts("db.local:10.0.0.5")
                .init(true)
                .sysctl("net.ipv4.ip_unprivileged_port_start", "0")
                .networkAliases("front-door")
                .stopTimeout(0));
        }
        """
            .formatted(web, DockerHost.IMAGE, user));
  }

  @Test
  void everySetting_reachesDocker_andWorksInside() throws Exception {
    declare("1000:1000");

    assertThat(Launcher.run(project, "plan"))
        .succeeded()
        .outContains(
            "user:                   \"1000:1000\"",
            "memory:                 \"67108864\"",
            "readOnlyRootFilesystem: true");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();

    assertThat(inspect(web, "{{json .Config.Entrypoint}}")).isEqualTo("[\"httpd\"]");
    assertThat(inspect(web, "{{.Config.User}}")).isEqualTo("1000:1000");
    assertThat(inspect(web, "{{.Config.Hostname}}")).isEqualTo("front");
    assertThat(inspect(web, "{{.Config.WorkingDir}}")).isEqualTo("/tmp");
    assertThat(inspect(web, "{{json .Config.ExposedPorts}}")).contains("9000/tcp", "53/udp");
    assertThat(inspect(web, "{{json .HostConfig.CapAdd}}")).contains("NET_ADMIN");
    assertThat(inspect(web, "{{json .HostConfig.CapDrop}}")).contains("MKNOD");
    assertThat(inspect(web, "{{.HostConfig.Memory}}")).isEqualTo("67108864");
    assertThat(inspect(web, "{{.HostConfig.NanoCpus}}")).isEqualTo("500000000");
    assertThat(inspect(web, "{{.Config.StopSignal}}")).isEqualTo("SIGINT");
    assertThat(inspect(web, "{{.HostConfig.ReadonlyRootfs}}")).isEqualTo("true");
    assertThat(inspect(web, "{{json .HostConfig.Tmpfs}}")).isEqualTo("{\"/scratch\":\"size=1m\"}");
    assertThat(inspect(web, "{{json .HostConfig.ExtraHosts}}")).contains("db.local:10.0.0.5");
    assertThat(inspect(web, "{{.HostConfig.Init}}")).isEqualTo("true");
    assertThat(inspect(web, "{{json .HostConfig.Sysctls}}"))
        .contains("\"net.ipv4.ip_unprivileged_port_start\":\"0\"");
    assertThat(inspect(web, "{{json .NetworkSettings.Networks}}")).contains("front-door");

    assertThat(docker("exec", web, "id", "-u")).isEqualTo("1000");
    assertThat(docker("exec", web, "hostname")).isEqualTo("front");
    assertThat(docker("exec", web, "pwd")).isEqualTo("/tmp");
    assertThat(DockerHost.tryDocker("exec", web, "touch", "/bin/written").exitCode())
        .as("the root file system is read-only")
        .isNotZero();
    docker("exec", web, "touch", "/scratch/written");
    assertThat(docker("exec", web, "cat", "/etc/hosts")).contains("10.0.0.5\tdb.local");
    assertThat(Launcher.run(project, "plan", "--detailed-exitcode")).succeeded();

    declare("1001:1001");
    assertThat(Launcher.run(project, "plan", "--detailed-exitcode"))
        .exitedWith(ExitCode.CHANGES)
        .outContains("user: \"1000:1000\" → \"1001:1001\"  # forces replacement");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded().outContains("1 replaced");
    assertThat(docker("exec", web, "id", "-u")).isEqualTo("1001");
  }

  @Test
  void badSettings_areRefusedAtPlanTime_quotingThem() throws Exception {
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            Clockwork.declare(new DockerResource("%s")
                .image("%s")
                .memory("lots")
                .capAdd("FLY")
                .workingDir("tmp")
                .stopSignal("stop"));
        }
        """
            .formatted(web, DockerHost.IMAGE));

    assertThat(Launcher.run(project, "plan"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains(
            "memory \"lots\" is not a size, such as \"512m\"",
            "capability \"FLY\" is not a Linux capability",
            "workingDir \"tmp\" is not an absolute path",
            "stopSignal \"stop\" is not a signal");
  }

  @Test
  void anEnvFile_givesItsVariablesAsSecrets_andTheProjectDirectoryMountsAsDot() throws Exception {
    Files.writeString(project.resolve("app.env"), "GREETING=hello\nAPI_TOKEN_VALUE=abc123xyz\n");
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            Clockwork.declare(new DockerResource("%s")
                .image("%s")
                .command("sleep", "3600")
                .envFile("app.env")
                .envVar("GREETING", "overridden")
                .volumes(".:/project:ro")
                .stopTimeout(0));
        }
        """
            .formatted(web, DockerHost.IMAGE));

    var plan = Launcher.run(project, "plan");
    assertThat(plan).succeeded().outContains("API_TOKEN_VALUE=(sensitive)", "GREETING=overridden");
    assertThat(plan.out()).doesNotContain("abc123xyz");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();

    assertThat(docker("exec", web, "env"))
        .contains("GREETING=overridden", "API_TOKEN_VALUE=abc123xyz");
    assertThat(docker("exec", web, "cat", "/project/app.env")).contains("GREETING=hello");
    assertThat(Files.readString(project.resolve(".clockwork/state.json")))
        .doesNotContain("abc123xyz");

    Files.writeString(project.resolve("app.env"), "GREETING=hello\nAPI_TOKEN_VALUE=rotated\n");
    assertThat(Launcher.run(project, "plan", "--detailed-exitcode"))
        .as("a changed env file replaces the container")
        .exitedWith(ExitCode.CHANGES);
  }

  @Test
  void aNetworksSubnet_andAContainersFixedAddressOnIt_reachDocker() throws Exception {
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            var net = new DockerNetworkResource("net-%1$s")
                .subnet("10.231.7.0/24")
                .gateway("10.231.7.1");
            Clockwork.declare(new DockerResource("%2$s")
                .image("%3$s")
                .command("sleep", "3600")
                .network(net, "10.231.7.10")
                .stopTimeout(0));
        }
        """
            .formatted(suffix, web, DockerHost.IMAGE));

    assertThat(Launcher.run(project, "plan"))
        .succeeded()
        .outContains("subnet:  \"10.231.7.0/24\"", "networkAddresses:\n        \"net-" + suffix);
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();

    assertThat(
            DockerHost.docker(
                "network",
                "inspect",
                "net-" + suffix,
                "--format",
                "{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}"))
        .isEqualTo("10.231.7.0/24 10.231.7.1");
    assertThat(inspect(web, "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}"))
        .isEqualTo("10.231.7.10");
    assertThat(Launcher.run(project, "plan", "--detailed-exitcode")).succeeded();
  }

  @Test
  void aBadSubnet_andThenABadAddress_areRefusedAtPlanTime() throws Exception {
    String declaration =
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            var net = new DockerNetworkResource("net").subnet("%s").gateway("10.231.7.1");
            Clockwork.declare(new DockerResource("%s")
                .image("%s")
                .network(net, "10.231.7.300"));
        }
        """;
    Files.writeString(
        project.resolve("main.java"),
        declaration.formatted("10.231.7.0/33", web, DockerHost.IMAGE));
    assertThat(Launcher.run(project, "plan"))
        .as("the container waits for what its network publishes")
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("subnet \"10.231.7.0/33\" is not an IPv4 subnet");

    Files.writeString(
        project.resolve("main.java"),
        declaration.formatted("10.231.7.0/24", web, DockerHost.IMAGE));
    assertThat(Launcher.run(project, "plan"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("address \"10.231.7.300\" is not an IPv4 address");
  }

  @Test
  void aChosenContainerName_isWhatDockerAndAssertionsUse_andChangingItReplacesTheContainer()
      throws Exception {
    String db = "db-" + suffix;
    String declaration =
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            Clockwork.declare(new DockerResource("%s")
                .image("%s")
                .command("sleep", "3600")
                .containerName("%s")
                .stopTimeout(0));
        }
        """;
    Files.writeString(
        project.resolve("main.java"), declaration.formatted(db, DockerHost.IMAGE, "shop-" + db));

    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();
    assertThat(inspect("shop-" + db, "{{index .Config.Labels \"dev.clockwork.resource\"}}"))
        .isEqualTo(db);
    assertThat(DockerHost.tryDocker("inspect", db).exitCode()).isNotZero();
    assertThat(Launcher.run(project, "assert")).succeeded().outContains("its container runs");
    assertThat(Launcher.run(project, "plan", "--detailed-exitcode")).succeeded();

    Files.writeString(
        project.resolve("main.java"), declaration.formatted(db, DockerHost.IMAGE, "cart-" + db));
    assertThat(Launcher.run(project, "plan", "--detailed-exitcode"))
        .exitedWith(ExitCode.CHANGES)
        .outContains(
            "containerName: \"shop-" + db + "\" → \"cart-" + db + "\"  # forces replacement");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded().outContains("1 replaced");
    assertThat(inspect("cart-" + db, "{{.State.Running}}")).isEqualTo("true");
    assertThat(DockerHost.tryDocker("inspect", "shop-" + db).exitCode())
        .as("the container under its old name is gone")
        .isNotZero();
    assertThat(Launcher.run(project, "destroy", "--yes")).succeeded();
    assertThat(DockerHost.tryDocker("inspect", "cart-" + db).exitCode()).isNotZero();
  }

  @Test
  void networkModes_andSecretAndConfigFiles_reachDocker_andTheFilesAreReadOnly() throws Exception {
    Files.writeString(project.resolve("token.txt"), "t0ken\n");
    Files.writeString(project.resolve("app.conf"), "mode=fast\n");
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            var db = new DockerResource("db-%1$s")
                .image("%2$s")
                .command("sleep", "3600")
                .stopTimeout(0);
            var side = new DockerResource("side-%1$s")
                .image("%2$s")
                .command("sleep", "3600")
                .networkMode("container:db-%1$s")
                .secretFile("token", "token.txt")
                .configFile("app.conf", "/etc/app.conf")
                .stopTimeout(0)
                .dependsOn(db);
            var onHost = new DockerResource("host-%1$s")
                .image("%2$s")
                .command("sleep", "3600")
                .networkMode("host")
                .stopTimeout(0);
            Clockwork.declare(db, side, onHost);
        }
        """
            .formatted(suffix, DockerHost.IMAGE));

    assertThat(Launcher.run(project, "plan"))
        .succeeded()
        .outContains("networkMode:   \"host\"", "app.conf:/etc/app.conf:ro");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();

    String dbId = inspect("db-" + suffix, "{{.Id}}");
    assertThat(inspect("side-" + suffix, "{{.HostConfig.NetworkMode}}"))
        .isEqualTo("container:" + dbId);
    assertThat(inspect("host-" + suffix, "{{.HostConfig.NetworkMode}}")).isEqualTo("host");
    assertThat(docker("exec", "side-" + suffix, "cat", "/run/secrets/token")).isEqualTo("t0ken");
    assertThat(docker("exec", "side-" + suffix, "cat", "/etc/app.conf")).isEqualTo("mode=fast");
    assertThat(
            DockerHost.tryDocker(
                    "exec", "side-" + suffix, "sh", "-c", "echo x > /run/secrets/token")
                .exitCode())
        .as("a secret file is mounted read-only")
        .isNotZero();
    assertThat(Files.readString(project.resolve("token.txt"))).isEqualTo("t0ken\n");
    assertThat(Launcher.run(project, "plan", "--detailed-exitcode")).succeeded();
    assertThat(Files.readString(project.resolve(".clockwork/state.json"))).doesNotContain("t0ken");
  }
}
