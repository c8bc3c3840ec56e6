package clockwork.engine.provider.container;

import static org.assertj.core.api.Assertions.assertThat;

import clockwork.spi.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Env files as compose reads them: every value a secret, a later file winning, no line quoted. */
class EnvFilesTest {
  @TempDir Path dir;
  private final List<String> problems = new ArrayList<>();

  @Test
  void read_takesNameValueLines_asSecrets_laterFilesWinning() throws IOException {
    Files.writeString(
        dir.resolve("app.env"),
        "# settings\n\nMODE=prod\nexport TOKEN=\"s3cret\"\nQUOTED='a b'\nEMPTY=\n");
    Files.writeString(dir.resolve("local.env"), "MODE=dev\n");

    var variables =
        EnvFiles.read(new Project("p", "id", dir), List.of("app.env", "local.env"), problems);

    assertThat(problems).isEmpty();
    assertThat(variables.keySet()).containsExactly("MODE", "TOKEN", "QUOTED", "EMPTY");
    assertThat(variables.get("MODE").value()).isEqualTo("dev");
    assertThat(variables.get("TOKEN").value()).isEqualTo("s3cret");
    assertThat(variables.get("QUOTED").value()).isEqualTo("a b");
    assertThat(variables.get("EMPTY").value()).isEmpty();
  }

  @Test
  void read_refusesAMissingFileAndABadLine_withoutQuotingTheLine() throws IOException {
    Files.writeString(dir.resolve("bad.env"), "OK=1\nthis holds hunter2\n");

    EnvFiles.read(new Project("p", "id", dir), List.of("bad.env", "gone.env"), problems);

    assertThat(problems)
        .containsExactly(
            "line 2 of envFile \"bad.env\" is not NAME=value (what it holds is not shown, as it"
                + " may be a secret)",
            "envFile \"gone.env\" cannot be read (no such file): write it, or leave it out");
    assertThat(String.join("\n", problems)).doesNotContain("hunter2");
  }
}
