package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static clockwork.engine.model.ScriptedModelServer.answer;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.model.ScriptedModelServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * AI remediation by the real service, with the scripted model server: a container whose command the
 * model chose badly gets a working one, pinned in {@code clockwork.lock} as a remediation; a repair
 * that would change a published port waits as a proposal that {@code service approve} carries out,
 * and one that asks for a host path outside the project can never be approved.
 */
class ServiceRemediationIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "s3cr3t-worker-token-value";

  @RegisterExtension final TestProject workspace = TestProject.onDockerEngine();
  @TempDir Path home;

  final Path project = workspace.dir();
  final String worker = "worker-" + workspace.suffix();
  TestService service;
  ScriptedModelServer model;
  WebhookReceiver receiver;

  @BeforeEach
  void start() throws IOException {
    DockerHost.ensureImages();
    service = new TestService(home);
    workspace.stoppingFirst(() -> service.stop(project));
    model = new ScriptedModelServer();
    receiver = new WebhookReceiver();
  }

  @AfterEach
  void stop() throws IOException {
    model.close();
    receiver.close();
  }

  private CliResult clockwork(String... args) {
    var environment = new HashMap<String, String>();
    environment.put("CW_BASE_URL", model.baseUrl());
    environment.put("CW_API_KEY", "test-key");
    environment.put("CW_MODEL", "test-model");
    environment.put("CW_COMPLETION_MAX_RETRIES", "0");
    environment.put("CW_SERVICE_COOLDOWN", "1");
    environment.put("WORKER_TOKEN", TOKEN);
    return Launcher.run(project, service.environment(environment), args);
  }

  /** A worker whose command, image and the rest the model chooses; it must say it is ready. */
  private void declareWorker(String policy) throws IOException {
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.assertions.*;
        import clockwork.resources.*;

        void main() {
            // the project's own webhook, told of repairs and proposals only
            Clockwork.policy(Policy.watch().webhooks("%s")
                .alertOn(Policy.Event.REMEDIATED, Policy.Event.PROPOSAL));
            Clockwork.declare(
                new DockerResource("%s")
                    .description("a worker that logs ready when it has started")
                    .envVar("API_TOKEN", Secret.fromEnv("WORKER_TOKEN"))
                    .stopTimeout(0)
                    .assertions(new LogContainsAssert("ready"))
                    .policy(%s));
        }
        """
            .formatted(receiver.url(), worker, policy));
  }

  private static String values(String command, String... more) {
    return """
    {"image": "%s", "ports": [], "envVars": {}, "volumes": [], "command": ["sh", "-c", "%s; sleep 3600"]%s}\
    """
        .formatted(DockerHost.IMAGE, command, String.join("", more));
  }

  @Test
  void aBrokenCommand_getsAWorkingOneFromTheModel_pinnedInTheLockAsARemediation() throws Exception {
    declareWorker(
        "Policy.watch().onFailure(Policy.OnFailure.REMEDIATE_AI_AT_ONCE)"
            + ".remediationContext(\"max downtime 30 s\")");
    model.script(
        worker, answer(values("echo starting with $API_TOKEN")), answer(values("echo ready")));
    // its assertion fails: the model chose a command that never says it is ready
    CliResult apply = clockwork("apply", "--yes");
    assertThat(DockerHost.docker("ps", "-a")).as("%s", apply).contains(worker);
    assertThat(DockerHost.docker("logs", worker)).contains("starting");
    assertThat(clockwork("service", "start")).succeeded();
    assertThat(clockwork("service", "register")).succeeded();

    TestService.await("the repair", Duration.ofSeconds(60), service.events("remediated", 1));
    assertThat(service.first("remediated").path("detail").asText())
        .contains("command", "echo ready", "pinned in clockwork.lock");
    assertThat(DockerHost.docker("logs", worker)).contains("ready");
    TestService.await(
        "the project's webhook hears of it",
        Duration.ofSeconds(10),
        () -> !receiver.alerts.isEmpty());
    assertThat(receiver.events()).as("its alertOn: not the failure").containsExactly("remediated");
    JsonNode pinned =
        JSON.readTree(project.resolve("clockwork.lock").toFile()).path("resources").path(worker);
    assertThat(pinned.path("values").path("command").toString()).contains("echo ready");
    assertThat(pinned.path("remediation").path("reason").asText()).contains("log matches /ready/");

    // what the model was told: the failure, the logs (secret redacted), the owner's context
    List<ScriptedModelServer.Request> requests = model.requests();
    assertThat(requests).hasSize(2);
    String told = String.join("\n", requests.get(1).messages());
    assertThat(told)
        .contains("Failing assertions", "starting with (sensitive)", "max downtime 30 s")
        .doesNotContain(TOKEN);
    assertThat(Files.readString(project.resolve("clockwork.lock"))).doesNotContain(TOKEN);

    // the next apply deploys the same thing, from the lock, asking no model
    assertThat(clockwork("plan", "--detailed-exitcode")).succeeded().outContains("No changes");
    assertThat(model.requests()).hasSize(2);
  }

  @Test
  void aRepairChangingAPort_waitsForApproval_andOneOutsideTheProjectCanNeverBeApproved()
      throws Exception {
    int port = DockerHost.freePort();
    declareWorker(
        "Policy.watch().onFailure(Policy.OnFailure.REMEDIATE_AI_AT_ONCE).fixesPerHour(2)");
    model.script(
        worker,
        answer(values("echo starting")),
        answer(
            """
            {"image": "%s", "ports": ["%d:80"], "envVars": {}, "volumes": [],
             "command": ["sh", "-c", "echo ready; sleep 3600"]}\
            """
                .formatted(DockerHost.IMAGE, port)),
        answer(
            """
            {"image": "%s", "ports": [], "envVars": {}, "volumes": ["/etc:/data"],
             "command": ["sh", "-c", "echo ready; sleep 3600"]}\
            """
                .formatted(DockerHost.IMAGE)));
    assertThat(clockwork("apply", "--yes")).outContains("1 created");
    assertThat(clockwork("service", "start")).succeeded();
    assertThat(clockwork("service", "register")).succeeded();

    TestService.await("two proposals", Duration.ofSeconds(60), service.events("proposal", 2));
    JsonNode proposals = service.project().path("care").path("proposals");
    assertThat(proposals).hasSize(2);
    assertThat(proposals.get(0).path("summary").asText()).contains("ports", port + ":80");
    assertThat(proposals.get(0).path("refusal").isTextual()).as("it can be approved").isFalse();
    assertThat(proposals.get(1).path("refusal").asText())
        .contains("/etc:/data", "outside the project");
    assertThat(DockerHost.docker("port", worker)).as("nothing applied yet").isBlank();
    assertThat(DockerHost.docker("logs", worker)).doesNotContain("ready");
    assertThat(clockwork("service", "status"))
        .succeeded()
        .outContains("proposal 1 for " + worker, "clockwork service approve 1 makes it so")
        .outContains("proposal 2 for " + worker, "cannot be approved");

    assertThat(clockwork("service", "approve", "2"))
        .exitedWith(clockwork.engine.error.ExitCode.FAILED)
        .errContains("proposal 2 for " + worker + " cannot be approved", "outside the project");
    assertThat(clockwork("service", "approve", "7"))
        .exitedWith(clockwork.engine.error.ExitCode.FAILED)
        .errContains("has no proposal \"7\"", "its open ones are 1, 2");
    assertThat(clockwork("service", "approve", "1")).succeeded().outContains("Proposal 1 applied");
    assertThat(DockerHost.docker("port", worker)).contains(Integer.toString(port));
    assertThat(DockerHost.docker("logs", worker)).contains("ready");
    JsonNode pinned =
        JSON.readTree(project.resolve("clockwork.lock").toFile()).path("resources").path(worker);
    assertThat(pinned.path("values").path("ports").toString()).contains(port + ":80");
    assertThat(pinned.path("remediation").path("reason").asText()).contains("approved proposal 1");
    assertThat(service.count("approved")).isEqualTo(1);
    assertThat(service.project().path("care").path("proposals"))
        .extracting(p -> p.path("id").asText())
        .containsExactly("2");
  }
}
