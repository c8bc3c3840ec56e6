package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static clockwork.engine.model.ScriptedModelServer.error;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.error.ExitCode;
import clockwork.engine.model.ScriptedModelServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code clockwork doctor}: each thing a project needs, checked and reported with its fix, against
 * a stopped engine, a model server refusing the key and a token that git tracks.
 */
class DoctorIT {
  @RegisterExtension final TestProject workspace = TestProject.withoutDocker();

  final Path project = workspace.dir();

  private void declare(String resources) throws Exception {
    Files.writeString(
        project.resolve("main.java"),
        "import clockwork.resources.*;\n\nvoid main() {\n    clockwork.Clockwork.declare("
            + resources
            + ");\n}\n");
  }

  private static void git(Path dir, String... arguments) throws Exception {
    var command = new java.util.ArrayList<>(java.util.List.of("git", "-C", dir.toString()));
    command.addAll(java.util.List.of(arguments));
    assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).isZero();
  }

  @Test
  void aStoppedEngine_isMissing_withWhereItLookedAndTheFix() throws Exception {
    declare("new DockerResource(\"web\").image(\"" + DockerHost.IMAGE + "\")");
    int nothing = DockerHost.freePort();

    assertThat(Launcher.run(project, Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + nothing), "doctor"))
        .exitedWith(ExitCode.FAILED)
        .outContains(
            "ok      java: Java ",
            "ok      main.java: 1 resources (docker)",
            "missing docker: cannot reach the Docker engine at tcp://127.0.0.1:" + nothing,
            "or point DOCKER_HOST at one that runs",
            "ok      model: not needed");
  }

  @Test
  void aKeyTheEndpointRefuses_isMissing_andAskedOnlyWhenSomethingNeedsTheModel() throws Exception {
    declare("new FileResource(\"notes.txt\").description(\"a note saying hi\")");
    try (var server = new ScriptedModelServer()) {
      server.script("clockwork-doctor", error(401, "invalid api key"), error(401, "again"));
      CliResult doctor =
          Launcher.run(
              project,
              Map.of("CW_BASE_URL", server.baseUrl(), "CW_API_KEY", "wrong-key", "CW_MODEL", "m"),
              "doctor");

      assertThat(doctor)
          .exitedWith(ExitCode.FAILED)
          .outContains("missing model: ", "key was refused", "check CW_API_KEY, CW_MODEL")
          .outDoesNotContain("wrong-key");
      assertThat(server.requests()).isNotEmpty();
    }
  }

  @Test
  void aTokenInATrackedEnvFile_warns_andStrictFailsOnIt() throws Exception {
    declare("new FileResource(\"a.txt\").content(\"a\\n\")");
    git(project, "init", "-q");
    String token = "ghp_" + "0123456789abcdefghijklmnopqrstuvwxyzAB";
    Files.writeString(project.resolve(".env"), "GITHUB_TOKEN=" + token + "\n");
    git(project, "add", ".env");

    assertThat(Launcher.run(project, "doctor"))
        .succeeded()
        .outContains(
            "warn    git: git tracks .env",
            "git rm -r --cached .env",
            "warn    secrets: what looks like a token, in plain text: .env:1",
            "Secret.fromEnv(...)")
        .outDoesNotContain(token);
    CliResult strict = Launcher.run(project, "doctor", "--strict", "--json");
    assertThat(strict).exitedWith(ExitCode.FAILED);
    JsonNode document = JsonOutput.document(strict);
    assertThat(document.path("healthy").asBoolean()).isFalse();
    assertThat(document.path("checks").findValuesAsText("status")).contains("warn");
    assertThat(strict.out()).doesNotContain(token);
  }
}
