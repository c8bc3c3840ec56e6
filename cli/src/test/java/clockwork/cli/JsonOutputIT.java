package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.error.ExitCode;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every --json document is one line of JSON that docs/json/clockwork.schema.json accepts. */
class JsonOutputIT {
  @RegisterExtension final TestProject workspace = TestProject.withoutDocker();

  final Path project = workspace.dir();

  @BeforeEach
  void declare() throws Exception {
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.resources.*;

        void main() {
            clockwork.Clockwork.declare(
                new FileResource("notes.txt").content("one\\ntwo\\n"),
                new EnvFileResource("app.env").secret("API_TOKEN", clockwork.Secret.of("s3cr3t-value")));
        }
        """);
  }

  /** The document a command printed, which the schema accepts and holds no secret. */
  private static JsonNode document(CliResult result) throws Exception {
    assertThat(result.out()).doesNotContain("s3cr3t-value");
    return JsonOutput.document(result);
  }

  @Test
  void planApplyAssertStateAndDestroy_printDocumentsTheSchemaAccepts() throws Exception {
    JsonNode plan = document(Launcher.run(project, "plan", "--json"));
    assertThat(plan.path("command").asText()).isEqualTo("plan");
    assertThat(plan.path("formatVersion").asText()).isEqualTo(JsonDocument.FORMAT_VERSION);
    assertThat(plan.path("summary").path("create").asInt()).isEqualTo(2);
    assertThat(plan.path("changes").get(0).path("fields").findValuesAsText("after"))
        .contains("one\ntwo\n");

    CliResult applied = Launcher.run(project, "apply", "--yes", "--assert", "--json");
    assertThat(applied).succeeded();
    assertThat(applied.err()).contains("notes.txt: creating...");
    JsonNode apply = document(applied);
    assertThat(apply.path("result").path("succeeded").asBoolean()).isTrue();
    assertThat(apply.path("result").path("done")).hasSize(2);
    assertThat(apply.path("passed").asBoolean()).isTrue();

    assertThat(document(Launcher.run(project, "assert", "--json")).path("results")).isNotEmpty();
    JsonNode state = document(Launcher.run(project, "state", "list", "--json"));
    assertThat(state.path("resources").findValuesAsText("id"))
        .containsExactlyInAnyOrder("notes.txt", "app.env");
    assertThat(document(Launcher.run(project, "plan", "--json")).path("changes")).isEmpty();

    JsonNode destroy = document(Launcher.run(project, "destroy", "--yes", "--json"));
    assertThat(destroy.path("summary").path("delete").asInt()).isEqualTo(2);
    assertThat(destroy.path("result").path("succeeded").asBoolean()).isTrue();
    assertThat(document(Launcher.run(project, "destroy", "--yes", "--json")).path("changes"))
        .isEmpty();
  }

  @Test
  void applyJson_withoutYes_isRefused_andChangesNothing() {
    assertThat(Launcher.run(project, "apply", "--json"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("apply --json shows no plan to approve: add --yes (or --auto-approve)");
    assertThat(project.resolve("notes.txt")).doesNotExist();
  }
}
