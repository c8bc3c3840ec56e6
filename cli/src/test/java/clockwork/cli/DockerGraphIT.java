package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static clockwork.cli.DockerHost.docker;
import static clockwork.cli.DockerHost.inspect;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.state.LocalStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Connections and composites on a real engine: order, names on the network, clean teardown. */
class DockerGraphIT {
  @RegisterExtension final TestProject workspace = TestProject.onDockerEngine();

  final Path project = workspace.dir();
  final String suffix = workspace.suffix();

  private static Instant started(String container) {
    return Instant.parse(inspect(container, "{{.State.StartedAt}}"));
  }

  /** Whether one container reaches another's port by name, from inside it. */
  private static boolean reaches(String from, String host, int port) {
    return DockerHost.tryDocker(
                "exec", from, "sh", "-c", "nc -w 2 " + host + " " + port + " </dev/null")
            .exitCode()
        == 0;
  }

  @Test
  void apiConnectedToDbAndCache_startsAfterThem_andReachesThemByName() throws IOException {
    String db = "db-" + suffix;
    String cache = "cache-" + suffix;
    String api = "api-" + suffix;
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            var db = new DockerResource("%1$s").image("%4$s").ports("5432")
                .command("nc", "-ll", "-p", "5432", "-e", "cat").stopTimeout(0);
            var cache = new DockerResource("%2$s").image("%4$s").ports("6379")
                .command("nc", "-ll", "-p", "6379", "-e", "cat").stopTimeout(0);
            var api = new DockerResource("%3$s").image("%4$s")
                .command("sleep", "3600").stopTimeout(0)
                .connect(db, cache);
            Clockwork.declare(api);
        }
        """
            .formatted(db, cache, api, DockerHost.IMAGE));

    assertThat(Launcher.run(project, "apply", "--yes"))
        .succeeded()
        .outContains(
            "\"DB_" + suffix.toUpperCase() + "_HOST=" + db + "\"",
            "\"DB_" + suffix.toUpperCase() + "_PORT=5432\"",
            "Apply complete: 3 created");

    assertThat(reaches(api, db, 5432)).as("api reaches db by name").isTrue();
    assertThat(reaches(api, cache, 6379)).as("api reaches cache by name").isTrue();
    assertThat(
            docker(
                "exec",
                api,
                "sh",
                "-c",
                "echo $DB_" + suffix.toUpperCase() + "_HOST:$DB_" + suffix.toUpperCase() + "_PORT"))
        .isEqualTo(db + ":5432");
    assertThat(started(api)).isAfter(started(db)).isAfter(started(cache));
    String network = inspect(api, "{{range $k, $v := .NetworkSettings.Networks}}{{$k}}{{end}}");
    assertThat(network).isEqualTo("clockwork-" + project.getFileName());

    String projectId = new LocalStateStore(project.resolve(".clockwork")).read().projectId();
    assertThat(Launcher.run(project, "destroy", "--yes")).succeeded().outContains("3 deleted");
    assertThat(DockerHost.labelled(projectId))
        .as("the project's network went with the last container")
        .isEmpty();
  }

  @Test
  void nestedComposites_applyInDependencyOrder_showTheTree_andDestroyCleanly() throws IOException {
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            var db = new DockerResource("db").image("%2$s").ports("5432")
                .command("nc", "-ll", "-p", "5432", "-e", "cat").stopTimeout(0);
            var data = new BlankResource("data").add(db);
            var api = new DockerResource("api").image("%2$s").ports("80")
                .command("httpd", "-f", "-p", "80", "-h", "/www").stopTimeout(0)
                .connect(data);
            var backend = new BlankResource("backend").add(data, api);
            var web = new DockerResource("web").image("%2$s")
                .command("sleep", "3600").stopTimeout(0)
                .connect(api);
            var site = new BlankResource("site-%1$s").add(backend, web);
            site.children().get("web", DockerResource.class).envVar("ROLE", "front");
            Clockwork.declare(site);
        }
        """
            .formatted(suffix, DockerHost.IMAGE));
    String site = "site-" + suffix;

    assertThat(Launcher.run(project, "apply", "--yes"))
        .succeeded()
        .outContains(
            "  " + site + "\n    backend\n      data\n        + db (docker)\n",
            "      + api (docker)\n",
            "    + web (docker)\n",
            "\"DB_HOST=" + site + ".backend.data.db\"",
            "\"API_HOST=" + site + ".backend.api\"",
            "\"ROLE=front\"",
            "Apply complete: 3 created");
    String db = site + ".backend.data.db";
    String api = site + ".backend.api";
    String web = site + ".web";
    assertThat(started(api)).isAfter(started(db));
    assertThat(started(web)).isAfter(started(api));
    assertThat(reaches(web, api, 80)).as("by container name").isTrue();
    assertThat(reaches(web, "api", 80)).as("by the resource's own name").isTrue();
    assertThat(reaches(api, "db", 5432)).isTrue();

    String projectId = new LocalStateStore(project.resolve(".clockwork")).read().projectId();
    assertThat(Launcher.run(project, "destroy", "--yes"))
        .succeeded()
        .outContains(
            "  " + site + "\n    - web (docker)\n",
            "\n    backend\n      - api (docker)\n",
            "\n      data\n        - db (docker)\n",
            "deletes:       container " + web + ", network ",
            "Destroy complete: 3 deleted.");
    assertThat(DockerHost.labelled(projectId)).isEmpty();
  }

  @Test
  void manyContainersDestroyedAtOnce_leaveTheirSharedNetworkRemovable() throws IOException {
    // Docker 20.10 corrupts a network removed while containers on it are being removed
    // (moby/moby#42119); Clockwork removes shared networks only while no container changes.
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            for (int i = 0; i < 20; i++) {
                Clockwork.declare(new DockerResource("many-%1$s-" + i).image("%2$s")
                    .command("sh", "-c", "trap 'exit 0' TERM; sleep 600 & wait"));
            }
        }
        """
            .formatted(suffix, DockerHost.IMAGE));
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded().outContains("20 created");
    String projectId = new LocalStateStore(project.resolve(".clockwork")).read().projectId();

    assertThat(Launcher.run(project, "destroy", "--yes")).succeeded().outContains("20 deleted");

    assertThat(DockerHost.labelled(projectId)).isEmpty();
  }
}
