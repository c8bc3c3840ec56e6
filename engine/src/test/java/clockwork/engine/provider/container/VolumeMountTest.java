package clockwork.engine.provider.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VolumeMountTest {
  private static final Path PROJECT = Path.of("/srv/app");

  @ParameterizedTest
  @CsvSource({
    "./data:/var/lib/data, /srv/app/data:/var/lib/data, true",
    "../shared:/x, /srv/shared:/x, true",
    ".:/src:ro, /srv/app:/src:ro, true",
    "..:/up, /srv:/up, true",
    "/abs:/x:ro, /abs:/x:ro, true",
    "/abs:/x:rw, /abs:/x, true",
    "named-vol:/x, named-vol:/x, false",
    "/anonymous, /anonymous, false"
  })
  void parse_acceptsDockersSyntax_withDirectoriesMadeAbsolute(
      String spec, String normalised, boolean bind) {
    VolumeMount mount = VolumeMount.parse(spec, PROJECT);

    assertThat(mount.toString()).isEqualTo(normalised);
    assertThat(mount.bind()).isEqualTo(bind);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "data | has no container path: write SOURCE:/path/in/container, such as \"data:/data\"",
        "./data | has no container path",
        "data: | has no container path",
        "data:relative | has no container path",
        "a:/b:c:d | has too many parts",
        "data:/x:z | ends in \"z\": the only modes are ro (read-only) and rw (the default)",
        "bad name:/x | is neither a directory (., or starting with /, ./ or ../) nor a volume name"
      })
  void parse_refusesAnythingElse_quotingIt(String spec, String problem) {
    assertThatThrownBy(() -> VolumeMount.parse(spec, PROJECT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("volume \"" + spec + "\"")
        .hasMessageContaining(problem);
  }
}
