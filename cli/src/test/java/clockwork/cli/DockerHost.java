package clockwork.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The real Docker engine the tests use, through the docker command, as a user would check by hand.
 * Test images are made here from Debian's static busybox, imported with {@code docker import}: no
 * registry is needed, and the names say what they are.
 */
final class DockerHost {
  /** busybox with its applets ({@code sh}, {@code httpd}, {@code nc}, {@code sleep}, ...). */
  static final String IMAGE = "clockwork-test/busybox:1";

  /** The same image under another tag: changing to it is an image change. */
  static final String OTHER_IMAGE = "clockwork-test/busybox:2";

  /** The busybox image with a file at {@code /seed/hello.txt}, for volumes that copy it in. */
  static final String SEEDED_IMAGE = "clockwork-test/seeded:1";

  /** A PostgreSQL server (trust authentication, user postgres), from this machine's PostgreSQL. */
  static final String POSTGRES_IMAGE = "clockwork-test/postgres:15";

  private static boolean imagesReady;

  private DockerHost() {}

  /** The result of a docker command. */
  record Result(int exitCode, String out, String err) {}

  /** Runs docker and returns what it printed, failing the test when it fails. */
  static String docker(String... args) {
    Result result = tryDocker(args);
    if (result.exitCode() != 0) {
      throw new AssertionError("docker " + String.join(" ", args) + " failed: " + result.err());
    }
    return result.out().strip();
  }

  /**
   * Removes a container and runs another in its place, as a person would by hand: the same name,
   * image, command, network and labels, with {@code labels} changed ({@code ""} removes one).
   */
  static void replaceByHand(String container, Map<String, String> labels) throws IOException {
    JsonNode config = JSON.readTree(docker("inspect", "--format", "{{json .Config}}", container));
    String network = docker("inspect", "--format", "{{.HostConfig.NetworkMode}}", container);
    var kept = new TreeMap<String, String>();
    config.path("Labels").properties().forEach(l -> kept.put(l.getKey(), l.getValue().asText()));
    labels.forEach(
        (name, value) -> {
          if (value.isEmpty()) kept.remove(name);
          else kept.put(name, value);
        });
    docker("rm", "-f", container);
    var run = new ArrayList<>(List.of("run", "-d", "--name", container, "--network", network));
    kept.forEach((name, value) -> run.addAll(List.of("--label", name + "=" + value)));
    config.path("Env").forEach(e -> run.addAll(List.of("--env", e.asText())));
    run.add(config.path("Image").asText());
    config.path("Cmd").forEach(c -> run.add(c.asText()));
    docker(run.toArray(String[]::new));
  }

  /** Runs docker, whatever it exits with. */
  static Result tryDocker(String... args) {
    var command = new ArrayList<String>();
    command.add("docker");
    command.addAll(List.of(args));
    return run(command);
  }

  private static Result run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).start();
      process.getOutputStream().close();
      var out = process.getInputStream().readAllBytes();
      var err = process.getErrorStream().readAllBytes();
      if (!process.waitFor(120, TimeUnit.SECONDS)) throw new AssertionError(command + " hangs");
      return new Result(
          process.exitValue(),
          new String(out, StandardCharsets.UTF_8),
          new String(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Makes the test images if the engine does not have them yet. */
  static synchronized void ensureImages() {
    if (imagesReady) return;
    if (tryDocker("info").exitCode() != 0) {
      throw new AssertionError("no Docker engine runs here: bin/test installs and starts one");
    }
    if (tryDocker("image", "inspect", IMAGE).exitCode() != 0) importBusybox(IMAGE, "");
    docker("tag", IMAGE, OTHER_IMAGE);
    imagesReady = true;
  }

  /** Makes {@link #SEEDED_IMAGE} if the engine does not have it yet. */
  static synchronized void ensureSeededImage() {
    ensureImages();
    if (tryDocker("image", "inspect", SEEDED_IMAGE).exitCode() == 0) return;
    importBusybox(
        SEEDED_IMAGE,
        "mkdir \"$root/seed\"; printf 'seeded by the image' >\"$root/seed/hello.txt\"");
  }

  /** Imports busybox with its applets as an image, after a shell step that adds to its files. */
  private static void importBusybox(String image, String addFiles) {
    Result built =
        run(
            List.of(
                "sh",
                "-c",
                """
                set -e
                root=$(mktemp -d)
                mkdir -p "$root/bin" "$root/www" "$root/tmp" "$root/data"
                cp /bin/busybox "$root/bin/busybox"
                for applet in $(/bin/busybox --list); do
                  [ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
                done
                %s
                tar -C "$root" -c . | docker import -c 'ENV PATH=/bin' -c 'CMD ["sh"]' - %s
                rm -rf "$root"
                """
                    .formatted(addFiles, image)));
    if (built.exitCode() != 0)
      throw new AssertionError("cannot build " + image + ": " + built.err());
  }

  /** Makes {@link #POSTGRES_IMAGE} if the engine does not have it yet. */
  static synchronized void ensurePostgresImage() {
    ensureImages();
    if (tryDocker("image", "inspect", POSTGRES_IMAGE).exitCode() == 0) return;
    Path script;
    try {
      script = Path.of(DockerHost.class.getResource("/postgres-image/build.sh").toURI());
    } catch (java.net.URISyntaxException e) {
      throw new AssertionError(e);
    }
    Result built = run(List.of("bash", script.toString(), POSTGRES_IMAGE));
    if (built.exitCode() != 0) {
      throw new AssertionError("cannot build " + POSTGRES_IMAGE + ": " + built.err());
    }
  }

  /**
   * The engine's events that match every filter (such as {@code container=web}, {@code
   * event=create}), from now on: including those that happen before the stream is read, so that a
   * test can start what causes them right away.
   */
  static Events events(String... filters) {
    var command = new ArrayList<String>(List.of("docker", "events", "--format", "{{.Action}}"));
    command.addAll(List.of("--since", String.format("%.3f", System.currentTimeMillis() / 1000.0)));
    for (String filter : filters) command.addAll(List.of("--filter", filter));
    try {
      return new Events(new ProcessBuilder(command).redirectErrorStream(true).start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A stream of the engine's events, ended on close. */
  record Events(Process process) implements AutoCloseable {
    /** Waits for the next event, up to a minute, and says which it was. */
    String await() throws InterruptedException {
      var line = new java.util.concurrent.CompletableFuture<String>();
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  line.complete(process.inputReader(StandardCharsets.UTF_8).readLine());
                } catch (IOException e) {
                  line.completeExceptionally(e);
                }
              });
      try {
        String event = line.get(60, TimeUnit.SECONDS);
        if (event == null) throw new AssertionError("docker events ended without the event");
        return event;
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        throw new AssertionError("no such Docker event within a minute", e);
      }
    }

    @Override
    public void close() {
      process.destroyForcibly();
    }
  }

  /** A suffix that keeps this test's names apart from any other run's on the same engine. */
  static String uniqueSuffix() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
  }

  /** The body of an HTTP GET of a path on a port of this machine, as a container serves it. */
  static String fetch(int port, String path) throws IOException, InterruptedException {
    try (var http = HttpClient.newHttpClient()) {
      return http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    }
  }

  /**
   * A TCP port nothing listens on right now, below the kernel's ephemeral range: one from that
   * range (what port 0 gives) may be taken, before the test binds it, as the local port of a
   * connection or by another server's port 0 (CI saw the service fail to start so).
   */
  static int freePort() {
    for (int attempt = 0; attempt < 100; attempt++) {
      // Linux's ephemeral range starts at 32768
      int port = ThreadLocalRandom.current().nextInt(20000, 32768);
      try (var socket = new ServerSocket(port)) {
        return socket.getLocalPort();
      } catch (IOException e) {
        // taken: another
      }
    }
    throw new IllegalStateException("no free port between 20000 and 32767");
  }

  /** Everything on the engine that carries this project's label: containers, networks, volumes. */
  static List<String> labelled(String projectId) {
    String filter = "label=dev.clockwork.project=" + projectId;
    var found = new ArrayList<String>();
    for (String line :
        docker("ps", "-a", "--filter", filter, "--format", "{{.Names}}").lines().toList()) {
      found.add("container " + line);
    }
    for (String line :
        docker("network", "ls", "--filter", filter, "--format", "{{.Name}}").lines().toList()) {
      found.add("network " + line);
    }
    for (String line :
        docker("volume", "ls", "--filter", filter, "--format", "{{.Name}}").lines().toList()) {
      found.add("volume " + line);
    }
    return found;
  }

  /**
   * The names of every container, network and volume on the engine, as {@code container NAME},
   * {@code network NAME} and {@code volume NAME}: three requests to the engine's socket, far
   * cheaper than three docker commands for a test that lists the engine often.
   */
  static List<String> everything() {
    var names = new ArrayList<String>();
    for (JsonNode container : engine("/containers/json?all=1")) {
      container.path("Names").forEach(n -> names.add("container " + n.asText().substring(1)));
    }
    for (JsonNode network : engine("/networks"))
      names.add("network " + network.path("Name").asText());
    for (JsonNode volume : engine("/volumes").path("Volumes")) {
      names.add("volume " + volume.path("Name").asText());
    }
    return names;
  }

  /** One GET to the local engine's socket, its JSON answer. */
  private static JsonNode engine(String path) {
    try (var channel = SocketChannel.open(UnixDomainSocketAddress.of("/var/run/docker.sock"))) {
      channel.write(
          ByteBuffer.wrap(
              ("GET " + path + " HTTP/1.0\r\nHost: docker\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII)));
      var answer = new java.io.ByteArrayOutputStream();
      var buffer = ByteBuffer.allocate(65536);
      while (channel.read(buffer.clear()) >= 0) answer.write(buffer.array(), 0, buffer.position());
      String text = answer.toString(StandardCharsets.UTF_8);
      return JSON.readTree(text.substring(text.indexOf("\r\n\r\n") + 4));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A field of a container, network or volume, by docker inspect's template. */
  static String inspect(String object, String template) {
    return docker("inspect", "--format", template, object);
  }
}
