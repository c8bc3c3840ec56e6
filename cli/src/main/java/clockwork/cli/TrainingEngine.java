package clockwork.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.URLDecoder;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A scripted Docker engine on a Unix socket, for the build's training run: as much of the Engine
 * API as one container's apply, plan and destroy use, kept in memory. With it the AOT cache holds
 * the path a plan of running containers takes (the list, their state, spec hashes, the diff), which
 * a training without an engine never reaches, and no real engine is touched by a build.
 */
final class TrainingEngine implements Closeable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path socket;
  private final ServerSocketChannel server;
  private final Map<String, ObjectNode> containers = new LinkedHashMap<>();
  private final Map<String, ObjectNode> networks = new LinkedHashMap<>();
  private final String image;

  /** Serves at {@code socket}, with {@code image} as the one image the engine has. */
  TrainingEngine(Path socket, String image) throws IOException {
    this.socket = socket;
    this.image = image;
    Files.deleteIfExists(socket);
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    Thread.ofPlatform().daemon().name("training-engine").start(this::serve);
  }

  /** Its address, as {@code DOCKER_HOST} gives it. */
  String host() {
    return "unix://" + socket;
  }

  @Override
  public void close() throws IOException {
    server.close();
    Files.deleteIfExists(socket);
  }

  private void serve() {
    while (server.isOpen()) {
      try {
        SocketChannel connection = server.accept();
        Thread.ofVirtual().start(() -> answer(connection));
      } catch (IOException closed) {
        return;
      }
    }
  }

  /** One request, then the connection closes, as the client asks ({@code Connection: close}). */
  private void answer(SocketChannel connection) {
    try (connection;
        InputStream in = Channels.newInputStream(connection);
        OutputStream out = Channels.newOutputStream(connection)) {
      String[] head = readHead(in).split("\r\n");
      String[] line = head[0].split(" ");
      int length = 0;
      for (String header : head) {
        if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(header.substring(header.indexOf(':') + 1).strip());
        }
      }
      JsonNode body = length > 0 ? JSON.readTree(in.readNBytes(length)) : null;
      Reply reply;
      synchronized (this) {
        reply = reply(line[0], line[1], body);
      }
      byte[] content = reply.body().getBytes(StandardCharsets.UTF_8);
      String status = reply.status() + (reply.status() < 300 ? " OK" : " Error");
      out.write(
          ("HTTP/1.1 "
                  + status
                  + "\r\n"
                  + "Api-Version: 1.41\r\n"
                  + "Server: Docker/20.10.24 (linux)\r\n"
                  + "Content-Type: application/json\r\n"
                  + "Content-Length: "
                  + content.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(content);
    } catch (IOException | RuntimeException e) {
      // the client sees the connection close; the training goes on without that step
    }
  }

  private static String readHead(InputStream in) throws IOException {
    var head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) throw new IOException("the request ended in its head");
      head.write(b);
      matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  private record Reply(int status, String body) {
    static Reply of(int status, JsonNode body) {
      return new Reply(status, body.toString());
    }
  }

  private Reply reply(String method, String target, JsonNode body) {
    String path = target.replaceFirst("^/v[0-9.]+/", "/");
    String query = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
    path = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    String[] parts = path.substring(1).split("/");
    return switch (method + " " + parts[0] + (parts.length > 2 ? " " + parts[2] : "")) {
      case "GET _ping" -> new Reply(200, "OK");
      case "GET images" -> Reply.of(200, images());
      case "GET containers" ->
          parts.length == 2 && parts[1].equals("json")
              ? Reply.of(200, list(filters(query)))
              : notFound();
      case "GET containers json" -> inspect(parts[1]);
      case "POST containers" -> create(parameter(query, "name"), (ObjectNode) body);
      case "POST containers start" -> state(parts[1], "running");
      case "POST containers stop" -> state(parts[1], "exited");
      case "DELETE containers" -> remove(containers, parts[1]);
      case "GET networks" -> parts.length == 2 ? network(parts[1]) : notFound();
      case "POST networks" -> createNetwork((ObjectNode) body);
      case "DELETE networks" -> remove(networks, parts[1]);
      default -> notFound();
    };
  }

  private static Reply notFound() {
    return Reply.of(404, JSON.createObjectNode().put("message", "not found"));
  }

  private static String parameter(String query, String name) {
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  private static JsonNode filters(String query) {
    try {
      String filters = parameter(query, "filters");
      return filters.isEmpty() ? JSON.createObjectNode() : JSON.readTree(filters);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private ArrayNode images() {
    var list = JSON.createArrayNode();
    list.addObject()
        .put("Id", "sha256:" + "0".repeat(64))
        .put("Created", 0)
        .put("Size", 0)
        .putArray("RepoTags")
        .add(image);
    return list;
  }

  private static String id() {
    byte[] bytes = new byte[32];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The container of this name or id. */
  private ObjectNode container(String nameOrId) {
    ObjectNode named = containers.get(nameOrId);
    if (named != null) return named;
    return containers.values().stream()
        .filter(c -> c.path("Id").asText().equals(nameOrId))
        .findFirst()
        .orElse(null);
  }

  private Reply create(String name, ObjectNode config) {
    String id = id();
    var container = JSON.createObjectNode().put("Id", id).put("Name", "/" + name);
    container.set("Config", config);
    container.putObject("State").put("Status", "created").put("Running", false);
    var attached = container.putObject("NetworkSettings").putObject("Networks");
    var wanted = new ArrayList<String>();
    config
        .path("NetworkingConfig")
        .path("EndpointsConfig")
        .fieldNames()
        .forEachRemaining(wanted::add);
    wanted.add(config.path("HostConfig").path("NetworkMode").asText());
    for (String network : wanted) {
      ObjectNode known = networks.get(network);
      if (known != null) attached.putObject(network).put("NetworkID", known.path("Id").asText());
    }
    container.set("HostConfig", config.path("HostConfig"));
    containers.put(name, container);
    var created = JSON.createObjectNode().put("Id", id);
    created.putArray("Warnings");
    return Reply.of(201, created);
  }

  private Reply state(String nameOrId, String status) {
    ObjectNode container = container(nameOrId);
    if (container == null) return notFound();
    ((ObjectNode) container.get("State"))
        .put("Status", status)
        .put("Running", status.equals("running"));
    return new Reply(204, "");
  }

  private Reply inspect(String nameOrId) {
    ObjectNode container = container(nameOrId);
    return container == null ? notFound() : Reply.of(200, container);
  }

  private Reply remove(Map<String, ObjectNode> objects, String nameOrId) {
    boolean removed = objects.remove(nameOrId) != null;
    removed |= objects.values().removeIf(o -> o.path("Id").asText().equals(nameOrId));
    return removed ? new Reply(204, "") : notFound();
  }

  /** The list's entries: the containers that every filter given matches. */
  private ArrayNode list(JsonNode filters) {
    var list = JSON.createArrayNode();
    for (var entry : containers.entrySet()) {
      ObjectNode container = entry.getValue();
      JsonNode labels = container.path("Config").path("Labels");
      JsonNode attached = container.path("NetworkSettings").path("Networks");
      boolean matches = true;
      for (JsonNode wanted : filters.path("label")) {
        String[] pair = wanted.asText().split("=", 2);
        matches &= labels.path(pair[0]).asText().equals(pair.length > 1 ? pair[1] : "");
      }
      for (JsonNode wanted : filters.path("name")) {
        matches &= entry.getKey().matches(wanted.asText().replaceAll("^\\^/?|\\$$", ""));
      }
      for (JsonNode wanted : filters.path("network")) matches &= attached.has(wanted.asText());
      if (!matches) continue;
      var listed = list.addObject();
      listed.put("Id", container.path("Id").asText()).putArray("Names").add("/" + entry.getKey());
      listed.put("Image", container.path("Config").path("Image").asText());
      listed.put("State", container.path("State").path("Status").asText());
      listed.set("Labels", labels);
      listed.putObject("NetworkSettings").set("Networks", attached);
      listed.putArray("Ports");
    }
    return list;
  }

  private Reply network(String nameOrId) {
    ObjectNode network = networks.get(nameOrId);
    if (network == null) return notFound();
    var on = network.putObject("Containers");
    containers.values().stream()
        .filter(c -> c.path("NetworkSettings").path("Networks").has(nameOrId))
        .forEach(c -> on.putObject(c.path("Id").asText()).put("Name", c.path("Name").asText()));
    return Reply.of(200, network);
  }

  private Reply createNetwork(ObjectNode request) {
    String name = request.path("Name").asText();
    String id = id();
    var network = JSON.createObjectNode().put("Id", id).put("Name", name).put("Driver", "bridge");
    network.set("Labels", request.path("Labels"));
    networks.put(name, network);
    return Reply.of(201, JSON.createObjectNode().put("Id", id).put("Warning", ""));
  }
}
