package clockwork.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's chromium, headless, driven through its chromium-driver over the W3C WebDriver protocol
 * with the JDK's HTTP client: one browser session on a driver of its own, both ended by {@link
 * #close()}, whatever happened.
 *
 * <p>What a test reads of a page it reads with one script ({@link #texts(String)}), not with
 * element references: a page that renders itself again between finding an element and reading it
 * would make the reference stale.
 */
final class HeadlessChromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DRIVER = "/usr/bin/chromedriver";
  private static final String BROWSER = "/usr/bin/chromium";

  /** The key under which WebDriver names an element. */
  private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

  private final Process driver;
  private final List<ProcessHandle> started = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final Path log;
  private String session;

  /** Starts the driver and a browser with a profile in {@code dir}, and the driver's log there. */
  HeadlessChromium(Path dir) throws IOException, InterruptedException {
    if (!Files.isExecutable(Path.of(DRIVER)) || !Files.isExecutable(Path.of(BROWSER))) {
      throw new AssertionError(
          "no " + DRIVER + " or " + BROWSER + ": bin/test installs chromium and chromium-driver");
    }
    int port = DockerHost.freePort();
    base = "http://127.0.0.1:" + port;
    log = dir.resolve("chromedriver.log");
    driver =
        new ProcessBuilder(DRIVER, "--port=" + port, "--log-path=" + log)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("chromedriver.out").toFile())
            .start();
    try {
      awaitReady();
      ObjectNode options = JSON.createObjectNode().put("binary", BROWSER);
      options
          .putArray("args")
          .add("--headless=new")
          .add("--no-sandbox")
          .add("--disable-gpu")
          .add("--disable-dev-shm-usage")
          .add("--user-data-dir=" + Files.createDirectories(dir.resolve("profile")));
      ObjectNode capabilities = JSON.createObjectNode();
      capabilities
          .putObject("capabilities")
          .putObject("alwaysMatch")
          .put("browserName", "chrome")
          .set("goog:chromeOptions", options);
      session = call("POST", "/session", capabilities).path("sessionId").asText();
      driver.descendants().forEach(started::add);
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  /** Waits until the driver answers that it takes sessions. */
  private void awaitReady() throws IOException, InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (true) {
      if (!driver.isAlive()) {
        throw new AssertionError("chromedriver exited: " + Files.readString(log));
      }
      try {
        var status =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/status"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (JSON.readTree(status.body()).path("value").path("ready").asBoolean()) return;
      } catch (java.net.ConnectException e) {
        // not listening yet
      }
      if (Instant.now().isAfter(deadline)) throw new AssertionError("chromedriver never got ready");
      Thread.sleep(50);
    }
  }

  /** One WebDriver command; its value, or an AssertionError with the driver's error. */
  private JsonNode call(String method, String path, Object body) {
    try {
      var request =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(Duration.ofSeconds(90))
              .header("Content-Type", "application/json; charset=utf-8")
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      var answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode value = JSON.readTree(answer.body()).path("value");
      if (answer.statusCode() != 200) {
        throw new AssertionError(
            "WebDriver "
                + method
                + " "
                + path
                + ": "
                + value.path("error").asText()
                + ": "
                + value.path("message").asText());
      }
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private String at(String path) {
    return "/session/" + session + path;
  }

  /** Goes to an address and waits for the page to load. */
  void open(String url) {
    call("POST", at("/url"), Map.of("url", url));
  }

  /** The address the browser shows. */
  String url() {
    return call("GET", at("/url"), null).asText();
  }

  /** The rendered text of every element that matches a CSS selector, read in one step. */
  List<String> texts(String selector) {
    var texts = new ArrayList<String>();
    script(
            "return Array.from(document.querySelectorAll(arguments[0]), e => e.innerText);",
            selector)
        .forEach(text -> texts.add(text.asText()));
    return texts;
  }

  /** Runs a script in the page, with arguments; what it returned. */
  JsonNode script(String script, Object... args) {
    return call("POST", at("/execute/sync"), Map.of("script", script, "args", List.of(args)));
  }

  /** Types into the one element of a selector. */
  void type(String selector, String text) {
    call("POST", at("/element/" + element(selector) + "/value"), Map.of("text", text));
  }

  /** Clicks the one element of a selector. */
  void click(String selector) {
    call("POST", at("/element/" + element(selector) + "/click"), Map.of());
  }

  private String element(String selector) {
    return call("POST", at("/element"), Map.of("using", "css selector", "value", selector))
        .path(ELEMENT)
        .asText();
  }

  /** The page's cookies, HttpOnly ones too, as the browser keeps them. */
  List<JsonNode> cookies() {
    var cookies = new ArrayList<JsonNode>();
    call("GET", at("/cookie"), null).forEach(cookies::add);
    return cookies;
  }

  /** Forgets every cookie of the page's site. */
  void deleteCookies() {
    call("DELETE", at("/cookie"), null);
  }

  /** Ends the browser session, then the driver, then anything of theirs still running. */
  @Override
  public void close() {
    try {
      if (session != null) call("DELETE", "/session/" + session, null);
    } catch (RuntimeException | Error e) {
      // the browser is ended below all the same
    } finally {
      session = null;
      driver.descendants().forEach(started::add);
      driver.destroy();
      try {
        if (!driver.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) driver.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        driver.destroyForcibly();
      }
      started.forEach(ProcessHandle::destroyForcibly);
      http.close();
    }
  }
}
