package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.error.ExitCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reconciliation service as a user runs it: a real daemon started with {@code bin/clockwork
 * service start} in a home of its own, checking a real project on the real engine every second.
 */
class ServiceIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension final TestProject workspace = TestProject.onDockerEngine();
  @TempDir Path home;

  final Path project = workspace.dir();
  final String web = "web-" + workspace.suffix();
  TestService service;
  int port;

  @BeforeEach
  void aServiceOfItsOwn() {
    service = new TestService(home);
    workspace.stoppingFirst(() -> service.stop(project));
    port = service.port;
  }

  private Path serviceDir() {
    return service.dir();
  }

  private CliResult clockwork(String... args) {
    return Launcher.run(project, service.environment(Map.of()), args);
  }

  private void declareContainer() throws IOException {
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            Clockwork.declare(new DockerResource("%s")
                .image("%s")
                .command("sleep", "3600")
                .stopTimeout(0));
        }
        """
            .formatted(web, DockerHost.IMAGE));
  }

  private HttpResponse<String> request(String method, String path, String token, String body)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30));
    if (token != null) request.header("Authorization", "Bearer " + token);
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try (var http = HttpClient.newHttpClient()) {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  private String token() throws IOException {
    return service.token();
  }

  /** The project as the service's API shows it, once {@code until} holds of it. */
  private JsonNode projectOnceIt(Predicate<JsonNode> until, Duration within) throws Exception {
    Instant deadline = Instant.now().plus(within);
    JsonNode projects = JSON.readTree(request("GET", "/projects", token(), null).body());
    String id = projects.get(0).path("id").asText();
    JsonNode detail;
    do {
      detail = JSON.readTree(request("GET", "/projects/" + id, token(), null).body());
      if (until.test(detail)) return detail;
      Thread.sleep(200);
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError(
        "within " + within + ", the project never became as expected: " + detail.toPrettyString());
  }

  private static String healthOf(JsonNode project) {
    return project.path("health").asText();
  }

  @Test
  void aContainerRemovedByHand_isReportedWithinAnInterval_andWithNoPolicyNotHealed()
      throws Exception {
    declareContainer();
    assertThat(clockwork("apply", "--yes")).succeeded();
    assertThat(clockwork("service", "start"))
        .succeeded()
        .outContains("The Clockwork service started: pid ", "http://127.0.0.1:" + port);
    assertThat(clockwork("service", "start"))
        .succeeded()
        .outContains("The Clockwork service runs already");
    assertThat(clockwork("service", "register"))
        .succeeded()
        .outContains("The service watches " + project);
    projectOnceIt(p -> healthOf(p).equals("ok"), Duration.ofSeconds(60));

    DockerHost.docker("rm", "-f", web);
    Instant removed = Instant.now();
    JsonNode drifted = projectOnceIt(p -> healthOf(p).equals("drifted"), Duration.ofSeconds(20));
    assertThat(Duration.between(removed, Instant.parse(drifted.path("lastCheck").asText())))
        .as("seen by the next check")
        .isLessThan(Duration.ofSeconds(5));
    JsonNode drift = drifted.path("resources").get(0).path("drift").get(0);
    assertThat(drift.path("field").asText()).isEqualTo("exists");
    assertThat(drift.path("actual").asText()).isEqualTo("removed outside Clockwork");
    assertThat(drift.path("firstSeen").asText()).isNotEmpty();

    Thread.sleep(3000);
    assertThat(DockerHost.tryDocker("inspect", web).exitCode())
        .as("no policy: reported, not healed")
        .isNotZero();
    JsonNode status = JSON.readTree(clockwork("service", "status", "--json").out());
    JsonNode still = status.path("projects").get(0).path("resources").get(0).path("drift").get(0);
    assertThat(still.path("firstSeen").asText())
        .as("the same drift, first seen when it was")
        .isEqualTo(drift.path("firstSeen").asText());
    assertThat(Instant.parse(still.path("lastSeen").asText()))
        .isAfter(Instant.parse(drift.path("lastSeen").asText()));
    assertThat(clockwork("service", "status"))
        .succeeded()
        .outContains(web + ": drifted", "exists: removed outside Clockwork, expected present");
    assertThat(Files.readString(serviceDir().resolve("service.log"))).contains("drifted");
  }

  @Test
  void killedWithKill9_andStartedAgain_itKeepsItsProjectsAndHistory() throws Exception {
    declareContainer();
    // apply --watch starts the service when none runs, and registers the project
    assertThat(clockwork("apply", "--yes", "--watch"))
        .succeeded()
        .outContains(
            "Apply complete", "The Clockwork service started", "The service watches " + project);
    JsonNode before = projectOnceIt(p -> p.path("history").size() >= 2, Duration.ofSeconds(60));

    long pid = service.pid();
    ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow();
    new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
    daemon.onExit().get();
    assertThat(clockwork("service", "status"))
        .exitedWith(ExitCode.FAILED)
        .errContains(
            "no Clockwork service runs for this user: start it with clockwork service start");

    assertThat(clockwork("service", "start")).succeeded();
    JsonNode after =
        projectOnceIt(
            p -> p.path("history").size() > before.path("history").size(), Duration.ofSeconds(30));
    assertThat(after.path("id").asText()).isEqualTo(before.path("id").asText());
    assertThat(after.path("registered").asText()).isEqualTo(before.path("registered").asText());
    assertThat(after.path("history").get(0).path("at").asText())
        .as("the history before the kill is kept")
        .isEqualTo(before.path("history").get(0).path("at").asText());

    assertThat(clockwork("service", "unregister")).succeeded().outContains("no longer watches");
    assertThat(JSON.readTree(request("GET", "/projects", token(), null).body())).isEmpty();
    assertThat(clockwork("service", "stop"))
        .succeeded()
        .outContains("The Clockwork service stopped.");
    assertThat(serviceDir().resolve("service.pid")).doesNotExist();
  }

  @Test
  void theApi_refusesWhatItShould_andABurstOfBadRequestsDelaysNoCheck() throws Exception {
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            Clockwork.declare(new FileResource("note.txt").content("hello\\n"));
        }
        """);
    assertThat(clockwork("apply", "--yes")).succeeded();
    assertThat(clockwork("service", "start")).succeeded();
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(serviceDir().resolve("token"))))
        .isEqualTo("rw-------");
    String token = token();

    assertThat(request("GET", "/health", null, null).statusCode()).isEqualTo(200);
    var anonymous = request("GET", "/projects", null, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).contains("this request needs the service's token");
    assertThat(request("GET", "/projects", "guess", null).statusCode()).isEqualTo(401);
    var malformed = request("POST", "/projects", token, "{\"dir\": ");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("the body is not JSON");
    assertThat(request("POST", "/projects", token, "{\"dir\": \"relative/dir\"}").body())
        .contains("dir \\\"relative/dir\\\" is not an absolute path");
    assertThat(request("POST", "/projects", token, "{\"dir\": \"" + home + "\"}").body())
        .contains("holds no main.java");
    var unknown = request("GET", "/projects/0123456789ab", token, null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("no project \\\"0123456789ab\\\" is registered");
    assertThat(request("DELETE", "/projects/0123456789ab", token, null).statusCode())
        .isEqualTo(404);
    assertThat(request("POST", "/projects", token, "x".repeat(100_000)).statusCode())
        .isEqualTo(413);
    assertThat(request("PUT", "/projects", token, "{}").statusCode()).isEqualTo(405);

    assertThat(request("POST", "/projects", token, "{\"dir\": \"" + project + "\"}").statusCode())
        .isEqualTo(201);
    projectOnceIt(p -> p.path("history").size() >= 1, Duration.ofSeconds(60));

    // a thousand bad requests in a burst, a hundred at a time, and the next check still comes on
    // time
    var burst = new ArrayList<CompletableFuture<HttpResponse<Void>>>();
    var inFlight = new Semaphore(100);
    try (var http = HttpClient.newHttpClient()) {
      for (int i = 0; i < 1000; i++) {
        inFlight.acquire();
        var bad =
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/projects"))
                .header("Authorization", "Bearer " + (i % 2 == 0 ? "wrong" : token))
                .POST(HttpRequest.BodyPublishers.ofString("{not json"))
                .build();
        burst.add(
            http.sendAsync(bad, HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> inFlight.release()));
      }
      for (var response : burst) assertThat(response.get().statusCode()).isIn(400, 401);
    }
    Instant afterBurst = Instant.now();
    JsonNode checked =
        projectOnceIt(
            p -> Instant.parse(p.path("lastCheck").asText()).isAfter(afterBurst),
            Duration.ofSeconds(5));
    assertThat(healthOf(checked)).isEqualTo("ok");
    assertThat(ProcessHandle.of(service.pid())).as("the service still runs").isPresent();
  }
}
