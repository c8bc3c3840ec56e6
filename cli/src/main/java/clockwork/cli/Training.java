package clockwork.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The build's training run for the JVM's AOT cache, which {@code bin/clockwork} starts every
 * command with: the commands people run most, on two small projects in a scratch directory, so that
 * the classes they use (picocli, javac for main.java, Jackson, docker-java, LangChain4j and the
 * JDK's HTTP client) are loaded, linked and profiled in the cache rather than at each start.
 * Nothing outside the scratch directory changes: the container project is applied, planned and
 * destroyed on a scripted engine ({@link TrainingEngine}), and the model that completes the third
 * project is a scripted one on a loopback port of this process.
 *
 * <p>Arguments: the scratch directory, and the cache the JVM writes at exit, beside which this
 * writes the path of the Java that made it: the launcher uses the cache only with that Java.
 */
final class Training {
  private Training() {}

  public static void main(String[] args) throws IOException {
    Path scratch = Path.of(args[0]).toAbsolutePath();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java").toRealPath();
    Files.writeString(Path.of(args[1] + ".java"), java + "\n");
    Path files = project(scratch.resolve("files"), FILES);
    Path containers = project(scratch.resolve("containers"), CONTAINERS);
    run("validate", "--dir", files.toString());
    run("apply", "--yes", "--dir", files.toString());
    run("plan", "--detailed-exitcode", "--dir", files.toString());
    run("destroy", "--yes", "--dir", files.toString());
    // a socket's path has a short limit (108 bytes), which the build directory may pass
    Path sockets = Files.createTempDirectory("clockwork-training");
    try (var engine =
        new TrainingEngine(sockets.resolve("engine.sock"), "clockwork-training/none:1")) {
      var environment = new HashMap<>(System.getenv());
      environment.put("DOCKER_HOST", engine.host());
      run(environment, "apply", "--yes", "--dir", containers.toString());
      run(environment, "plan", "--detailed-exitcode", "--dir", containers.toString());
      run(environment, "destroy", "--yes", "--dir", containers.toString());
    } finally {
      Files.deleteIfExists(sockets);
    }
    Path described = project(scratch.resolve("model"), DESCRIBED);
    HttpServer model =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    model.createContext("/", Training::answer);
    model.start();
    try {
      String url = "http://127.0.0.1:" + model.getAddress().getPort() + "/v1";
      run(
          "plan",
          "--dir",
          described.toString(),
          "--base-url",
          url,
          "--api-key",
          "training",
          "--model",
          "training");
    } finally {
      model.stop(0);
    }
  }

  /**
   * The scripted model's one answer, a file's content, as an OpenAI-compatible endpoint says it.
   */
  private static void answer(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    byte[] body =
        """
        {"id": "training", "object": "chat.completion", "model": "training",
         "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant",
           "content": "{\\"content\\": \\"trained\\\\n\\", \\"mode\\": \\"644\\"}"}}],
         "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
        """
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static final String FILES =
      """
      import clockwork.*;
      import clockwork.resources.*;

      void main() {
          var readme = new FileResource("README.md").directory("scratch").content("# Trained\\n");
          var config = new FileResource("config").path("scratch/app.properties").content("a=b\\n");
          Clockwork.declare(readme, config);
      }
      """;

  private static final String CONTAINERS =
      """
      import clockwork.*;
      import clockwork.resources.*;

      void main() {
          Clockwork.declare(new DockerResource("web").image("clockwork-training/none:1")
              .ports("18080:80").envVar("MODE", "training"));
      }
      """;

  private static final String DESCRIBED =
      """
      import clockwork.*;
      import clockwork.resources.*;

      void main() {
          Clockwork.declare(new FileResource("a.txt").description("a note saying trained"),
              new FileResource("b.txt").description("another note saying trained"));
      }
      """;

  /** A project of only main.java: an earlier build's pinned answers and state would skip steps. */
  private static Path project(Path dir, String main) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> earlier = Files.walk(dir)) {
        for (Path path : earlier.sorted(Comparator.reverseOrder()).toList()) Files.delete(path);
      }
    }
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("main.java"), main);
    return dir;
  }

  private static void run(String... args) {
    run(System.getenv(), args);
  }

  /**
   * Runs a command as a user would, and stops the build when it fails (or, with {@code
   * --detailed-exitcode}, plans a change where it should find none): a training that no longer goes
   * the way it was written leaves the commands to start cold, which only benchmarks would show.
   */
  private static void run(Map<String, String> environment, String... args) {
    var output = new StringWriter();
    var printer = new PrintWriter(output);
    int code = Main.execute(args, printer, printer, Terminal.system(), environment);
    if (code != 0) {
      throw new IllegalStateException(
          "the training's `clockwork " + String.join(" ", args) + "` failed:\n" + output);
    }
  }
}
