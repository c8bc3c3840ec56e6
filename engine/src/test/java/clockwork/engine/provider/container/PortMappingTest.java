package clockwork.engine.provider.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortMappingTest {
  @ParameterizedTest
  @CsvSource({
    "8080:80, 8080:80/tcp",
    "80, 80/tcp",
    "127.0.0.1:8080:80, 127.0.0.1:8080:80/tcp",
    "53:53/udp, 53:53/udp",
    "8000-8002:8000-8002, 8000-8002:8000-8002/tcp",
    "127.0.0.1::80, 127.0.0.1::80/tcp",
    "'[::1]:8080:80', '[::1]:8080:80/tcp'",
    "9000/sctp, 9000/sctp"
  })
  void parse_acceptsDockersSyntax_andWritesItBackWithTheProtocol(String spec, String normalised) {
    assertThat(PortMapping.parse(spec).toString()).isEqualTo(normalised);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "80:80:80:80 | is not in Docker's syntax: write CONTAINER (\"80\"), HOST:CONTAINER",
        "web | is not in Docker's syntax",
        ":80 | is not in Docker's syntax",
        "70000:80 | uses 70000, which is not a port: ports go from 1 to 65535",
        "0 | uses 0, which is not a port",
        "80/icmp | has the protocol \"icmp\": use tcp, udp or sctp",
        "8002-8000:80 | runs backwards",
        "8000-8002:80-81 | maps 3 host ports to 2 container ports",
        "localhost:8080:80 | binds to \"localhost\", which is not an IP address"
      })
  void parse_refusesAnythingElse_quotingIt(String spec, String problem) {
    assertThatThrownBy(() -> PortMapping.parse(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("port \"" + spec + "\"")
        .hasMessageContaining(problem);
  }

  @ParameterizedTest
  @CsvSource({"8080:80, 8080/tcp", "53:53/udp, 53/udp", "80, ''"})
  void hostPorts_listsWhatTheMappingBinds(String spec, String first) {
    List<String> ports = PortMapping.parse(spec).hostPorts();
    if (first.isEmpty()) {
      assertThat(ports).isEmpty();
    } else {
      assertThat(ports).first().isEqualTo(first);
    }
  }
}
