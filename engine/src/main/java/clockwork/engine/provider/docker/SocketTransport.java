package clockwork.engine.provider.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * docker-java's transport, on the JDK's own sockets: HTTP/1.1 to a {@code unix://} socket or a
 * {@code tcp://} address, one connection per request. It replaces the httpclient5 transport, whose
 * HTTP client, JNA native library and TLS set-up cost every Docker command about half a second to
 * start; Clockwork needs none of them (no TLS, no attaching to containers).
 */
final class SocketTransport implements DockerHttpClient {
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  private final URI host;

  SocketTransport(URI host) {
    this.host = host;
  }

  @Override
  public Response execute(Request request) {
    if (request.hijackedInput() != null) {
      throw new UnsupportedOperationException("attaching to a container is not supported");
    }
    SocketChannel channel = connect();
    try {
      byte[] body = body(request);
      OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
      var head = new StringBuilder();
      head.append(request.method()).append(' ').append(request.path()).append(" HTTP/1.1\r\n");
      head.append("Host: docker\r\nConnection: close\r\n");
      request
          .headers()
          .forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      if (body != null) head.append("Content-Length: ").append(body.length).append("\r\n");
      head.append("\r\n");
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) out.write(body);
      out.flush();
      return read(channel, new BufferedInputStream(Channels.newInputStream(channel)));
    } catch (IOException e) {
      close(channel);
      throw new UncheckedIOException(e);
    }
  }

  /** What an engine says of itself in {@code GET /_ping}'s headers. */
  record Ping(String apiVersion, String server) {}

  /**
   * The engine's API version and its server ("Docker 20.10.24"), from its cheapest call: no JSON.
   */
  Ping ping() {
    try (Response response =
        execute(Request.builder().method(Request.Method.GET).path("/_ping").build())) {
      String api = first(response.getHeaders(), "Api-Version");
      if (response.getStatusCode() != 200 || api.isEmpty()) {
        throw new IOException(
            "GET /_ping answered "
                + response.getStatusCode()
                + " without an API version: not a Docker engine");
      }
      String server = first(response.getHeaders(), "Server");
      return new Ping(api, server.replaceFirst("^Docker/(\\S+).*", "Docker $1"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private SocketChannel connect() {
    try {
      if ("unix".equals(host.getScheme())) {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(host.getPath()));
        return channel;
      }
      SocketChannel channel = SocketChannel.open();
      int port = host.getPort() < 0 ? 2375 : host.getPort();
      channel.socket().connect(new InetSocketAddress(host.getHost(), port), CONNECT_TIMEOUT_MILLIS);
      return channel;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot connect to " + host + ": " + e.getMessage(), e);
    }
  }

  private static byte[] body(Request request) throws IOException {
    byte[] bytes = request.bodyBytes();
    if (bytes != null) return bytes;
    try (InputStream body = request.body()) {
      return body == null ? null : body.readAllBytes();
    }
  }

  private static Response read(SocketChannel channel, InputStream in) throws IOException {
    String status = line(in);
    String[] parts = status.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new IOException("not an HTTP response: " + status);
    }
    int code = Integer.parseInt(parts[1]);
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      if (colon < 0) continue;
      headers
          .computeIfAbsent(header.substring(0, colon).strip(), k -> new ArrayList<>())
          .add(header.substring(colon + 1).strip());
    }
    InputStream body;
    if (first(headers, "Transfer-Encoding").toLowerCase(Locale.ROOT).contains("chunked")) {
      body = new ChunkedInputStream(in);
    } else if (!first(headers, "Content-Length").isEmpty()) {
      body = new LimitedInputStream(in, Long.parseLong(first(headers, "Content-Length")));
    } else {
      body = in; // until the server closes the connection
    }
    return new Response() {
      @Override
      public int getStatusCode() {
        return code;
      }

      @Override
      public Map<String, List<String>> getHeaders() {
        return headers;
      }

      @Override
      public InputStream getBody() {
        return body;
      }

      @Override
      public void close() {
        SocketTransport.close(channel);
      }
    };
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? "" : values.getFirst();
  }

  /** One line of the response's head, without its CRLF. */
  static String line(InputStream in) throws IOException {
    var line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) throw new IOException("the Docker engine closed the connection mid-response");
      if (b != '\r') line.write(b);
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  private static void close(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // closing is all that was left to do
    }
  }

  @Override
  public void close() {}

  /** A body sent in chunks ({@code Transfer-Encoding: chunked}), as the engine streams progress. */
  static final class ChunkedInputStream extends InputStream {
    private final InputStream in;
    private long left;
    private boolean done;

    ChunkedInputStream(InputStream in) {
      this.in = in;
    }

    private boolean more() throws IOException {
      if (done) return false;
      if (left == 0) {
        String size = line(in);
        int extension = size.indexOf(';');
        left = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).strip(), 16);
        if (left == 0) {
          for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
            // trailers carry nothing Docker needs
          }
          done = true;
          return false;
        }
      }
      return true;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (length == 0) return 0;
      if (!more()) return -1;
      int read = in.read(buffer, offset, (int) Math.min(length, left));
      if (read < 0) throw new IOException("the Docker engine closed the connection mid-chunk");
      left -= read;
      if (left == 0) line(in); // the CRLF that ends the chunk
      return read;
    }
  }

  /** A body of known length ({@code Content-Length}). */
  static final class LimitedInputStream extends FilterInputStream {
    private long left;

    LimitedInputStream(InputStream in, long length) {
      super(in);
      this.left = length;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) return -1;
      int b = super.read();
      if (b >= 0) left--;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (left <= 0) return -1;
      int read = super.read(buffer, offset, (int) Math.min(length, left));
      if (read > 0) left -= read;
      return read;
    }
  }
}
