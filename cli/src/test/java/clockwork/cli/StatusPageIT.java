package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's status page in a real browser: Debian's chromium, headless, driven over WebDriver,
 * reading a real daemon started with {@code bin/clockwork service start} that checks a real project
 * every second.
 */
class StatusPageIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension final TestProject workspace = TestProject.onDockerEngine();
  @TempDir Path home;
  @TempDir Path browserDir;

  final Path project = workspace.dir();
  final String web = "web-" + workspace.suffix();
  TestService service;
  String base;
  HeadlessChromium browser;

  @BeforeEach
  void aServiceAndABrowserOfItsOwn() throws Exception {
    service = new TestService(home);
    workspace.stoppingFirst(() -> service.stop(project));
    base = "http://127.0.0.1:" + service.port;
    browser = new HeadlessChromium(browserDir);
  }

  @AfterEach
  void stopTheBrowser() {
    browser.close();
  }

  private CliResult clockwork(String... args) {
    return Launcher.run(project, service.environment(Map.of()), args);
  }

  private void declare(String resource) throws IOException {
    Files.writeString(
        project.resolve("main.java"),
        "import clockwork.*;\n"
            + "import clockwork.resources.*;\n\n"
            + "void main() {\n"
            + "    Clockwork.declare("
            + resource
            + ");\n}\n");
  }

  private void startWatching() {
    assertThat(clockwork("apply", "--yes")).succeeded();
    assertThat(clockwork("service", "start")).succeeded();
    assertThat(clockwork("service", "register")).succeeded();
  }

  private static void await(String what, Duration within, BooleanSupplier until)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(within);
    while (!until.getAsBoolean()) {
      if (Instant.now().isAfter(deadline))
        throw new AssertionError("within " + within + ": " + what);
      Thread.sleep(100);
    }
  }

  /** The health the page shows for a resource, as many times as it lists it. */
  private List<String> healthShown(String resource) {
    return browser.texts("tr[data-resource='" + resource + "'] [data-health]");
  }

  private void assertSignedOut() {
    assertThat(browser.texts("form#login")).as("the sign-in form").hasSize(1);
    assertThat(browser.texts("[data-project]")).as("no project").isEmpty();
    assertThat(browser.texts("body").getFirst()).doesNotContain(web, project.toString());
  }

  private HttpResponse<String> request(String method, String path, Map<String, String> headers)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.noBody());
    headers.forEach(request::header);
    try (var http = HttpClient.newHttpClient()) {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  @Test
  void thePage_signedInWithItsForm_showsAContainerKilledByHandAsNotOk_withoutAReload()
      throws Exception {
    declare(
        ("new DockerResource(\"%s\").image(\"%s\").command(\"sleep\", \"3600\")"
                + ".restartPolicy(\"no\").stopTimeout(0)")
            .formatted(web, DockerHost.IMAGE));
    startWatching();

    browser.open(base + "/");
    assertSignedOut();
    browser.type("#token", "0123456789abcdef");
    browser.click("button[type=submit]");
    // the click returns before the form's answer has been loaded in place of the form
    await(
        "the form's answer is shown",
        Duration.ofSeconds(10),
        () -> !browser.texts("#refused").isEmpty());
    assertThat(browser.texts("#refused"))
        .singleElement()
        .asString()
        .contains("not the service's token");
    assertSignedOut();
    assertThat(browser.cookies()).as("no cookie for a wrong token").isEmpty();

    browser.type("#token", service.token());
    browser.click("button[type=submit]");
    // the click returns before the form's answer (a redirect to the page) has been followed
    await(
        "signing in leads to the page",
        Duration.ofSeconds(10),
        () -> browser.url().equals(base + "/"));
    await(
        "the page shows the project, and its container ok",
        Duration.ofSeconds(60),
        () -> healthShown(web).equals(List.of("ok")));
    assertThat(browser.texts("[data-project]"))
        .singleElement()
        .asString()
        .contains(project.toString(), web, "docker", "last check");
    assertThat(browser.cookies())
        .singleElement()
        .satisfies(
            cookie -> {
              assertThat(cookie.path("name").asText()).isEqualTo("clockwork-" + service.port);
              assertThat(cookie.path("httpOnly").asBoolean()).isTrue();
              assertThat(cookie.path("sameSite").asText()).isEqualTo("Strict");
              assertThat(cookie.path("path").asText()).isEqualTo("/");
              assertThat(cookie.path("value").asText()).isNotEqualTo(service.token());
            });

    // a mark on this very page: a reload would lose it
    browser.script("window.clockworkMark = 'not reloaded';");
    DockerHost.docker("kill", web);
    await(
        "the page shows the killed container as not ok",
        Duration.ofSeconds(10),
        () -> {
          List<String> shown = healthShown(web);
          return shown.size() == 1 && List.of("drifted", "failing").contains(shown.getFirst());
        });
    assertThat(browser.script("return window.clockworkMark;").asText()).isEqualTo("not reloaded");
    assertThat(browser.texts("tr[data-resource='" + web + "']").getFirst())
        .as("what was found")
        .contains("exited");
    assertThat(browser.texts("[data-project] [data-health]").getFirst())
        .as("the project's own health")
        .isNotEqualTo("ok");
  }

  @Test
  void theTokenInTheAddress_leavesIt_andTheCookieReadsTheApiButChangesNothing() throws Exception {
    declare("new FileResource(\"note.txt\").content(\"hello\\n\")");
    startWatching();
    String token = service.token();

    browser.open(base + "/?token=wrong");
    assertThat(browser.texts("#refused"))
        .singleElement()
        .asString()
        .contains("not the service's token");
    assertSignedOut();
    assertThat(browser.cookies()).isEmpty();

    browser.open(base + "/?token=" + token);
    assertThat(browser.url()).as("the token has left the address").isEqualTo(base + "/");
    await(
        "the page shows the project's file",
        Duration.ofSeconds(60),
        () -> healthShown("note.txt").equals(List.of("ok")));
    JsonNode cookie = browser.cookies().getFirst();
    String sent = cookie.path("name").asText() + "=" + cookie.path("value").asText();

    var page = request("GET", "/", Map.of("Cookie", sent));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.body()).contains("id=\"projects\"").doesNotContain(token, "id=\"login\"");
    var form = request("GET", "/", Map.of());
    assertThat(form.body()).contains("id=\"login\"").doesNotContain(project.toString());

    var projects = request("GET", "/projects", Map.of("Cookie", sent));
    assertThat(projects.statusCode()).isEqualTo(200);
    String id = JSON.readTree(projects.body()).get(0).path("id").asText();
    assertThat(request("GET", "/projects/" + id, Map.of("Cookie", sent)).statusCode())
        .isEqualTo(200);
    assertThat(request("GET", "/projects", Map.of("Cookie", sent + "x")).statusCode())
        .isEqualTo(401);
    var delete = request("DELETE", "/projects/" + id, Map.of("Cookie", sent));
    assertThat(delete.statusCode()).as("the cookie changes nothing").isEqualTo(401);
    assertThat(delete.body()).contains("this request needs the service's token");
    assertThat(request("GET", "/projects", Map.of("Authorization", "Bearer " + token)).body())
        .contains(id);

    // signed out under its feet, the page goes back to its form by itself
    browser.deleteCookies();
    await(
        "the page shows its form again",
        Duration.ofSeconds(10),
        () -> !browser.texts("form#login").isEmpty());
    assertSignedOut();
  }
}
