package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.error.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** .env files through the CLI: secrets written with mode 600 and found nowhere else. */
class EnvFileIT {
  private static final String SECRET = "s3cr3t-value-4711";

  @RegisterExtension final TestProject workspace = TestProject.withoutDocker();

  final Path project = workspace.dir();

  private void declare(String mode) throws IOException {
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            Clockwork.declare(new EnvFileResource(".env.app")
                .var("MODE", "production")
                .var("GREETING", "hello world")
                .secret("DB_PASSWORD", System.getenv("TEST_DB_PASSWORD"))%s);
        }
        """
            .formatted(mode == null ? "" : ".mode(\"" + mode + "\")"));
  }

  @Test
  void secrets_areWrittenWithMode600_andAppearNowhereElse() throws IOException {
    declare(null);
    CliResult applied = Launcher.run(project, Map.of("TEST_DB_PASSWORD", SECRET), "apply", "--yes");
    assertThat(applied).succeeded().outContains("+ .env.app (envfile)");
    Path file = project.resolve(".env.app");
    assertThat(file)
        .hasContent("MODE=production\nGREETING=\"hello world\"\nDB_PASSWORD=" + SECRET + "\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Launcher.run(project, Map.of("TEST_DB_PASSWORD", SECRET), "plan"))
        .succeeded()
        .outContains("No changes");

    CliResult changed =
        Launcher.run(project, Map.of("TEST_DB_PASSWORD", SECRET + "-new"), "apply", "--yes");
    assertThat(changed).succeeded().outContains("~ .env.app (envfile)", "1 updated");
    assertThat(file).content().contains("DB_PASSWORD=" + SECRET + "-new");

    for (CliResult result : new CliResult[] {applied, changed}) {
      assertThat(result.out() + result.err()).doesNotContain(SECRET);
    }
    try (Stream<Path> state = Files.list(project.resolve(".clockwork"))) {
      for (Path stored : state.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(stored), StandardCharsets.ISO_8859_1))
            .as(stored.toString())
            .doesNotContain(SECRET);
      }
    }

    assertThat(Launcher.run(project, "destroy", "--yes")).succeeded();
    assertThat(file).doesNotExist();
  }

  @Test
  void aMissingSecret_orALooseMode_isRefused() throws IOException {
    declare(null);
    assertThat(Launcher.run(project, "apply", "--yes"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains(
            "EnvFileResource \".env.app\" (main.java:5): secret \"DB_PASSWORD\" has no value"
                + " (null): make sure what main.java reads it from is set");
    declare("644");
    assertThat(Launcher.run(project, Map.of("TEST_DB_PASSWORD", SECRET), "apply", "--yes"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("mode \"644\" lets others read a file with secrets");
    assertThat(project.resolve(".env.app")).doesNotExist();
  }
}
