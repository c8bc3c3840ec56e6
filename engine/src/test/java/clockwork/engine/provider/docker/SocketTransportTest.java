package clockwork.engine.provider.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The parts of the transport that read HTTP/1.1, on bytes as the engine sends them. */
class SocketTransportTest {
  private static InputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void chunkedBody_isReassembled_acrossExtensionsAndTrailers() throws IOException {
    var body =
        new SocketTransport.ChunkedInputStream(
            bytes("5\r\n{\"a\":\r\n3;ext=1\r\n 1}\r\n0\r\nX-Trailer: t\r\n\r\nnext response"));

    assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\": 1}");
    assertThat(body.read()).isEqualTo(-1);
  }

  @Test
  void chunkedBody_cutShort_isAnError() {
    var body = new SocketTransport.ChunkedInputStream(bytes("a\r\nonly5"));

    assertThatThrownBy(body::readAllBytes).hasMessageContaining("closed the connection mid-chunk");
  }

  @Test
  void limitedBody_stopsAtItsLength() throws IOException {
    var body = new SocketTransport.LimitedInputStream(bytes("hello, and more"), 5);

    assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
  }

  @Test
  void line_readsUpToCrlf() throws IOException {
    InputStream in = bytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n");

    assertThat(SocketTransport.line(in)).isEqualTo("HTTP/1.1 200 OK");
    assertThat(SocketTransport.line(in)).isEqualTo("Content-Length: 2");
  }
}
