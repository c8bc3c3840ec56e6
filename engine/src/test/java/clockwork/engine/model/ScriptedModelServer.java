package clockwork.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executors;

/**
 * An OpenAI-compatible chat completions endpoint on loopback that replays prepared replies, per
 * resource id (read from the prompt), and records every request for the test to check. A request
 * nobody prepared a reply for gets HTTP 500 and is recorded, so the test sees it.
 */
public final class ScriptedModelServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One prepared reply. */
  public record Reply(int status, String body, Duration delay) {}

  /** A recorded request, with the resource id its prompt is about. */
  public record Request(String resourceId, JsonNode body) {
    /** The text of every message, in order. */
    public List<String> messages() {
      var texts = new ArrayList<String>();
      body.path("messages").forEach(m -> texts.add(m.path("content").asText()));
      return texts;
    }

    /** The prompt's JSON, from the first user message. */
    public JsonNode prompt() {
      for (JsonNode message : body.path("messages")) {
        if (message.path("role").asText().equals("user")) {
          try {
            return JSON.readTree(message.path("content").asText());
          } catch (IOException e) {
            throw new AssertionError("the first user message is not JSON", e);
          }
        }
      }
      throw new AssertionError("no user message in " + body);
    }
  }

  private final HttpServer server;
  private final Map<String, Queue<Reply>> replies = new HashMap<>();
  private final List<Request> requests = new ArrayList<>();
  private int answering;
  private int mostAtOnce;

  public ScriptedModelServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", this::handle);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  /** The base URL to give Clockwork ({@code CW_BASE_URL}). */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** Prepares replies for the requests about one resource, in order. */
  public synchronized ScriptedModelServer script(String resourceId, Reply... prepared) {
    replies.computeIfAbsent(resourceId, id -> new ArrayDeque<>()).addAll(List.of(prepared));
    return this;
  }

  /** The requests so far, in the order they came. */
  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The most requests this server was answering at one time. */
  public synchronized int mostAtOnce() {
    return mostAtOnce;
  }

  /** A successful reply whose message is this text (the model's answer). */
  public static Reply answer(String content) {
    ObjectNode body = JSON.createObjectNode();
    body.put("id", "chatcmpl-test").put("object", "chat.completion").put("model", "scripted");
    ObjectNode choice = body.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", content);
    body.putObject("usage")
        .put("prompt_tokens", 1)
        .put("completion_tokens", 1)
        .put("total_tokens", 2);
    return new Reply(200, body.toString(), Duration.ZERO);
  }

  /** An error reply, in OpenAI's error format. */
  public static Reply error(int status, String message) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("error").put("message", message).put("type", "test_error");
    return new Reply(status, body.toString(), Duration.ZERO);
  }

  /** A reply that comes only after a while. */
  public static Reply late(Reply reply, Duration delay) {
    return new Reply(reply.status(), reply.body(), delay);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
      Reply reply;
      synchronized (this) {
        var request = new Request(null, body);
        String id = request.prompt().path("resource").path("id").asText();
        requests.add(new Request(id, body));
        Queue<Reply> queue = replies.get(id);
        reply =
            queue == null || queue.isEmpty()
                ? error(500, "the test prepared no reply for " + id)
                : queue.remove();
        mostAtOnce = Math.max(mostAtOnce, ++answering);
      }
      try {
        if (!reply.delay().isZero()) Thread.sleep(reply.delay());
      } finally {
        synchronized (this) {
          answering--;
        }
      }
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(reply.status(), bytes.length);
      exchange.getResponseBody().write(bytes);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
