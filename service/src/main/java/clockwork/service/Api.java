package clockwork.service;

import clockwork.engine.Engine;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service's HTTP API. {@code GET /health} answers anyone; every other request needs {@code
 * Authorization: Bearer TOKEN}, or for a {@code GET} the cookie of the status page ({@link
 * StatusPage}, {@code /} and {@code /login}). Bodies are JSON of at most {@link #MAX_BODY} bytes;
 * errors are {@code {"error": "..."}} with 400 (malformed), 401 (no or wrong token), 404 (unknown),
 * 405, 409 (too many projects) or 413 (too large).
 */
final class Api implements HttpHandler {
  static final int MAX_BODY = 64 * 1024;

  private final Daemon daemon;
  private final byte[] token;
  private final StatusPage page;

  Api(Daemon daemon, String token) {
    this.daemon = daemon;
    this.token = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    this.page = new StatusPage(token);
  }

  /** A request refused, with its status and why. */
  private static final class Refused extends Exception {
    final int status;

    Refused(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (StatusPage.serves(exchange.getRequestURI().getPath())) {
        page.handle(exchange);
        return;
      }
      Object answer;
      int status = 200;
      try {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        byte[] body = body(exchange);
        if (path.equals("/health")) {
          answer = Map.of("status", "ok", "pid", ProcessHandle.current().pid());
        } else {
          authorize(exchange);
          List<String> parts = List.of(path.replaceAll("^/+|/+$", "").split("/"));
          if (!parts.getFirst().equals("projects")) throw new Refused(404, "no such path: " + path);
          if (parts.size() == 1) {
            switch (method) {
              case "GET" -> answer = daemon.projects();
              case "POST" -> {
                answer = daemon.register(projectDir(body));
                status = 201;
              }
              default ->
                  throw new Refused(405, method + " " + path + " is not allowed: GET or POST");
            }
          } else if (parts.size() == 2) {
            String id = parts.get(1);
            switch (method) {
              case "GET" ->
                  answer =
                      daemon
                          .project(id)
                          .orElseThrow(
                              () -> new Refused(404, "no project " + quote(id) + " is registered"));
              case "DELETE" -> {
                if (!daemon.unregister(id))
                  throw new Refused(404, "no project " + quote(id) + " is registered");
                answer = Map.of("unregistered", id);
              }
              default ->
                  throw new Refused(405, method + " " + path + " is not allowed: GET or DELETE");
            }
          } else if (parts.size() == 3 && parts.get(2).equals("resume")) {
            String id = parts.get(1);
            if (!method.equals("POST"))
              throw new Refused(405, method + " " + path + " is not allowed: POST");
            if (!daemon.resume(id))
              throw new Refused(404, "no project " + quote(id) + " is registered");
            answer = Map.of("resumed", id);
          } else if (parts.size() == 5
              && parts.get(2).equals("proposals")
              && parts.get(4).equals("approve")) {
            String id = parts.get(1);
            if (!method.equals("POST"))
              throw new Refused(405, method + " " + path + " is not allowed: POST");
            try {
              answer =
                  Map.of(
                      "approved",
                      parts.get(3),
                      "outcome",
                      daemon
                          .approve(id, parts.get(3))
                          .orElseThrow(
                              () ->
                                  new Refused(404, "no project " + quote(id) + " is registered")));
            } catch (IllegalArgumentException refused) {
              throw new Refused(409, refused.getMessage());
            }
          } else {
            throw new Refused(404, "no such path: " + path);
          }
        }
      } catch (Refused refused) {
        status = refused.status;
        answer = Map.of("error", refused.getMessage());
      } catch (IllegalStateException full) {
        status = 409;
        answer = Map.of("error", full.getMessage());
      } catch (RuntimeException e) {
        status = 500;
        answer = Map.of("error", "the service failed: " + e);
        daemon.log(
            "request "
                + exchange.getRequestMethod()
                + " "
                + exchange.getRequestURI().getPath()
                + " failed: "
                + e);
      }
      byte[] json = ServiceHome.JSON.writeValueAsBytes(answer);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, json.length);
      exchange.getResponseBody().write(json);
    }
  }

  private void authorize(HttpExchange exchange) throws Refused {
    String given = exchange.getRequestHeaders().getFirst("Authorization");
    // the page's cookie reads and does not change: pages on other ports of this host carry it too
    if (given == null && exchange.getRequestMethod().equals("GET") && page.signedIn(exchange)) {
      return;
    }
    if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
      throw new Refused(
          401,
          given == null
              ? "this request needs the service's token: Authorization: Bearer TOKEN, from its"
                  + " token file"
              : "the token is not the service's: read it again from its token file");
    }
  }

  /** The request's body, refused past {@link #MAX_BODY} bytes without reading more. */
  private static byte[] body(HttpExchange exchange) throws IOException, Refused {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > MAX_BODY) {
      throw new Refused(
          413,
          "the body has " + length + " bytes, more than the " + MAX_BODY + " a request may have");
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY + 1);
      if (body.length > MAX_BODY) {
        throw new Refused(
            413, "the body is larger than the " + MAX_BODY + " bytes a request may have");
      }
      return body;
    }
  }

  /** The directory a registration names, checked. */
  private static Path projectDir(byte[] body) throws Refused {
    JsonNode request;
    try {
      request = ServiceHome.JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new Refused(
          400,
          "the body is not JSON ("
              + e.getOriginalMessage()
              + "): send {\"dir\": \"/path/to/project\"}");
    } catch (IOException e) {
      throw new Refused(400, "the body cannot be read: " + e.getMessage());
    }
    if (request == null || !request.path("dir").isTextual()) {
      throw new Refused(400, "the body names no project: send {\"dir\": \"/path/to/project\"}");
    }
    String dir = request.path("dir").asText();
    Path path;
    try {
      path = Path.of(dir);
    } catch (RuntimeException e) {
      throw new Refused(400, "dir " + quote(dir) + " is not a path");
    }
    if (!path.isAbsolute())
      throw new Refused(400, "dir " + quote(dir) + " is not an absolute path");
    if (!Files.isRegularFile(path.resolve(Engine.SOURCE))) {
      throw new Refused(
          400,
          "dir " + quote(dir) + " holds no " + Engine.SOURCE + ": register a project directory");
    }
    return path.normalize();
  }

  static String quote(String text) {
    return clockwork.spi.Values.quote(text);
  }

  /** A JSON object of these entries, in order. */
  static Map<String, Object> object(Object... entries) {
    var map = new LinkedHashMap<String, Object>();
    for (int i = 0; i < entries.length; i += 2) map.put((String) entries[i], entries[i + 1]);
    return map;
  }
}
