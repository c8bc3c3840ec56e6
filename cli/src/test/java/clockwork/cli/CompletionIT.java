package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static clockwork.cli.DockerHost.inspect;
import static clockwork.engine.model.ScriptedModelServer.answer;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.error.ExitCode;
import clockwork.engine.model.ScriptedModelServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Completion end to end: the packaged CLI asks a scripted OpenAI-compatible server (real HTTP on
 * loopback) for what main.java leaves out, applies the answer to the real Docker engine, and pins
 * it in clockwork.lock so that the next plan asks nothing.
 */
class CompletionIT {
  private static final Path EXAMPLES = Path.of(System.getProperty("clockwork.examples"));

  @RegisterExtension final TestProject workspace = TestProject.withoutDocker();

  final Path project = workspace.dir();
  private final String suffix = DockerHost.uniqueSuffix();
  private ScriptedModelServer server;
  private Map<String, String> model;

  @BeforeEach
  void start() throws IOException {
    server = new ScriptedModelServer();
    model =
        Map.of("CW_BASE_URL", server.baseUrl(), "CW_API_KEY", "test-key", "CW_MODEL", "test-model");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aContainerWithOnlyADescriptionAndAPort_getsItsImageFromTheModel_thenNoMoreCalls()
      throws IOException {
    DockerHost.ensureImages();
    int port = DockerHost.freePort();
    String web = "web-" + suffix;
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            Clockwork.declare(
                new DockerResource("%s").description("a static web server").ports("%d:80"));
        }
        """
            .formatted(web, port));
    server.script(
        web,
        answer(
            """
            {"image": "%s", "envVars": [], "volumes": [],
             "command": ["httpd", "-f", "-p", "80", "-h", "/"]}\
            """
                .formatted(DockerHost.IMAGE)));

    assertThat(Launcher.run(project, model, "apply", "--yes"))
        .succeeded()
        .outContains("\"" + DockerHost.IMAGE + "\"  # chosen by test-model")
        .outContains("Apply complete: 1 created");
    assertThat(inspect(web, "{{.Config.Image}} {{.State.Running}}"))
        .isEqualTo(DockerHost.IMAGE + " true");
    assertThat(project.resolve("clockwork.lock")).content().contains(DockerHost.IMAGE, web);
    assertThat(server.requests()).hasSize(1);

    assertThat(Launcher.run(project, model, "plan", "--detailed-exitcode"))
        .succeeded()
        .outContains("No changes");
    assertThat(server.requests()).hasSize(1);

    // destroy never needs a model, nor a key
    assertThat(Launcher.run(project, "destroy", "--yes")).succeeded().outContains("1 deleted");
  }

  @Test
  void settingsComeFromDotEnv_andFlagsWinOverIt() throws Exception {
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            Clockwork.declare(new FileResource("notes.txt").description("a note saying hi"));
        }
        """);
    Files.writeString(
        project.resolve(".env"),
        "CW_BASE_URL=%s\nCW_API_KEY=dotenv-key\nCW_MODEL=dotenv-model\n"
            .formatted(server.baseUrl()));
    String note = "{\"content\": \"hi\\n\", \"mode\": \"644\"}";
    server.script("notes.txt", answer(note), answer(note));

    assertThat(Launcher.run(project, "plan"))
        .succeeded()
        .outContains("content:  # chosen by dotenv-model\n        hi\n");
    assertThat(server.requests().getLast().body().path("model").asText()).isEqualTo("dotenv-model");

    assertThat(Launcher.run(project, "plan"))
        .succeeded()
        .outContains("content:  # from clockwork.lock\n        hi\n");
    assertThat(server.requests()).hasSize(1);
    JsonNode content = null;
    for (JsonNode field :
        JsonOutput.document(Launcher.run(project, "plan", "--json"))
            .path("changes")
            .get(0)
            .path("fields")) {
      if (field.path("field").asText().equals("content")) content = field;
    }
    assertThat(content).isNotNull();
    assertThat(content.path("chosenBy").asText()).isEqualTo("dotenv-model");
    assertThat(content.path("pinned").asBoolean()).isTrue();

    assertThat(Launcher.run(project, "plan", "--model", "flag-model")).succeeded();
    assertThat(server.requests()).hasSize(2);
    assertThat(server.requests().getLast().body().path("model").asText()).isEqualTo("flag-model");
  }

  @Test
  void answersThatKeepFailingThePolicy_changeNothing() throws IOException {
    Files.copy(EXAMPLES.resolve("fast/main.java"), project.resolve("main.java"));
    String outside =
        "{\"image\": \"%s\", \"ports\": [], \"envVars\": [], \"volumes\": [\"/etc:/etc\"],"
            + " \"command\": []}";
    String bad = outside.formatted(DockerHost.IMAGE);
    server.script("web", answer(bad), answer(bad), answer(bad), answer(bad));
    server.script("robots.txt", answer("{\"content\": \"User-agent: *\\n\", \"mode\": \"644\"}"));

    assertThat(Launcher.run(project, model, "apply", "--yes"))
        .exitedWith(ExitCode.FAILED)
        .errContains("DockerResource \"web\" (main.java:")
        .errContains("the model's answers were refused 4 times")
        .errContains("volume \"/etc:/etc\" mounts a host path outside the project");
    assertThat(project.resolve("robots.txt")).doesNotExist();
    assertThat(project.resolve(".clockwork/state.json")).doesNotExist();
  }

  @Test
  void anImageTheModelInvented_isSentBackWithWhyItCannotBePulled() throws IOException {
    DockerHost.ensureImages();
    String web = "web-" + suffix;
    Files.writeString(
        project.resolve("main.java"),
        """
        void main() {
            clockwork.Clockwork.declare(
                new clockwork.resources.DockerResource("%s").description("a shell that waits"));
        }
        """
            .formatted(web));
    String answer =
        "{\"image\": \"%s\", \"ports\": [], \"envVars\": [], \"volumes\": [],"
            + " \"command\": [\"sleep\", \"600\"]}";
    server.script(
        web,
        answer(answer.formatted("clockwork-test/invented:" + suffix)),
        answer(answer.formatted(DockerHost.IMAGE)));

    assertThat(Launcher.run(project, model, "plan"))
        .succeeded()
        .outContains("\"" + DockerHost.IMAGE + "\"  # chosen by test-model");
    assertThat(server.requests()).hasSize(2);
    assertThat(server.requests().getLast().messages().getLast())
        .contains(
            "image \"clockwork-test/invented:" + suffix + "\" cannot be pulled (",
            "): choose an image and tag that exist");
  }

  @Test
  void withoutAKey_theFastExampleSaysWhatNeedsCompletion() throws IOException {
    Files.copy(EXAMPLES.resolve("fast/main.java"), project.resolve("main.java"));
    assertThat(Launcher.run(project, "plan"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("DockerResource \"web\" (main.java:")
        .errContains("image, ports, envVars, volumes, command")
        .errContains("FileResource \"robots.txt\" (main.java:")
        .errContains("Set CW_API_KEY");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void theFourLevelsOfControl_planAsTheirExamplesSay() throws IOException {
    // the model's images must be on the engine (no registry is reachable here): the test image
    DockerHost.ensureImages();
    plan("full-control");
    assertThat(server.requests()).isEmpty();

    server.script(
        "cache",
        answer("{\"image\": \"" + DockerHost.IMAGE + "\", \"volumes\": [], \"command\": []}"));
    plan("hybrid").outContains("\"" + DockerHost.IMAGE + "\"  # chosen by test-model");
    assertThat(server.requests().getLast().prompt().path("fill").toString())
        .isEqualTo("[\"image\",\"volumes\",\"command\"]");

    server.script(
        "web",
        answer(
            "{\"image\": \""
                + DockerHost.IMAGE
                + "\", \"ports\": [\"8080:80\"], \"envVars\": [],"
                + " \"volumes\": [], \"command\": []}"));
    server.script(
        "robots.txt",
        answer("{\"content\": \"User-agent: *\\nDisallow: /admin\\n\", \"mode\": \"644\"}"));
    plan("fast").outContains("ports:").outContains("# chosen by test-model");

    server.script(
        "shop.api",
        answer(
            "{\"image\": \""
                + DockerHost.IMAGE
                + "\", \"envVars\": [\"LOG_LEVEL=info\"], \"volumes\": [],"
                + " \"command\": []}"));
    server.script(
        "shop.api.yaml",
        answer("{\"content\": \"log_level: info\\ntimeout: 30s\\n\", \"mode\": \"644\"}"));
    plan("mixed").outContains("DB_HOST=shop.db");
    assertThat(server.requests())
        .extracting(request -> request.body().toString())
        .noneMatch(body -> body.contains("=example") || body.contains("\"example\""));
    int asked = server.requests().size();

    for (String example : new String[] {"full-control", "hybrid", "fast", "mixed"}) {
      plan(example);
    }
    assertThat(server.requests()).hasSize(asked);
  }

  private CliResultAssert plan(String example) throws IOException {
    Path dir = project.resolve(example);
    Files.createDirectories(dir);
    Files.copy(
        EXAMPLES.resolve(example + "/main.java"),
        dir.resolve("main.java"),
        StandardCopyOption.REPLACE_EXISTING);
    return assertThat(Launcher.run(project, model, "plan", "--dir", example)).succeeded();
  }
}
