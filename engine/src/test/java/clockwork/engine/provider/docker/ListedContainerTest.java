package clockwork.engine.provider.docker;

import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.state.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the engine's container list, as Docker 20.10 writes it. */
class ListedContainerTest {
  @Test
  void aRunningContainer_givesItsNamesLabelsNetworksAndPublishedPorts() throws Exception {
    var listed =
        ListedContainer.of(
            Json.mapper()
                .readTree(
                    """
                    {"Id": "d104525e", "Names": ["/web", "/other/alias"], "State": "running",
                     "Ports": [{"IP": "0.0.0.0", "PrivatePort": 80, "PublicPort": 8080, "Type": "tcp"},
                               {"PrivatePort": 443, "Type": "tcp"},
                               {"IP": "0.0.0.0", "PrivatePort": 53, "PublicPort": 5353, "Type": "udp"}],
                     "Labels": {"dev.clockwork.resource": "web", "dev.clockwork.spec-hash": "74be"},
                     "NetworkSettings": {"Networks": {"clockwork-p": {"NetworkID": "abc"},
                                                      "bridge": {"NetworkID": "def"}}}}
                    """));

    assertThat(listed.id()).isEqualTo("d104525e");
    assertThat(listed.names()).containsExactly("web", "other/alias");
    assertThat(listed.name()).isEqualTo("web");
    assertThat(listed.state()).isEqualTo("running");
    assertThat(listed.labels())
        .isEqualTo(Map.of("dev.clockwork.resource", "web", "dev.clockwork.spec-hash", "74be"));
    assertThat(listed.networks()).isEqualTo(Map.of("bridge", "def", "clockwork-p", "abc"));
    assertThat(List.copyOf(listed.networks().keySet())).containsExactly("bridge", "clockwork-p");
    assertThat(listed.published()).containsExactly("5353/udp", "8080/tcp");
  }

  @Test
  void aContainerWithoutLabelsNetworksOrPorts_readsAsEmpty_notNull() throws Exception {
    var listed =
        ListedContainer.of(
            Json.mapper()
                .readTree(
                    """
                    {"Id": "e1", "Names": ["/made"], "State": "created", "Labels": null,
                     "HostConfig": {"NetworkMode": "none"}}
                    """));

    assertThat(listed.labels()).isEmpty();
    assertThat(listed.networks()).isEmpty();
    assertThat(listed.published()).isEmpty();
    assertThat(listed.state()).isEqualTo("created");
  }
}
