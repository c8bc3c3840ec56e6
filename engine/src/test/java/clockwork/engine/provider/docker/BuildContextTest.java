package clockwork.engine.provider.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build context: which files go, their digests, and the archive the engine gets. */
class BuildContextTest {
  @TempDir Path dir;

  private void write(String path, String content) throws IOException {
    Files.createDirectories(dir.resolve(path).getParent());
    Files.writeString(dir.resolve(path), content);
  }

  @Test
  void read_sendsWhatDockerignoreLeaves_theDockerfileAlways_andNeverWhatIsRefused()
      throws IOException {
    write("Dockerfile", "FROM scratch\n");
    write(".dockerignore", "Dockerfile\n*.log\nsecret/\n");
    write("app/main.py", "print(1)\n");
    write("debug.log", "x");
    write("secret/key", "k");
    write("state/x", "s");

    var context = BuildContext.read(dir, "Dockerfile", path -> path.endsWith("state"));

    assertThat(context.files().keySet())
        .containsExactly(".dockerignore", "Dockerfile", "app/main.py");
    assertThat(context.directories()).containsExactly("app");
  }

  @Test
  void digests_changeWithContentAndTheExecutableBit_andChangedNamesThem() throws IOException {
    write("Dockerfile", "FROM scratch\n");
    write("run.sh", "echo hi\n");
    write("gone.txt", "x");
    var before = BuildContext.read(dir, "Dockerfile", path -> false).files();

    Files.setPosixFilePermissions(
        dir.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.delete(dir.resolve("gone.txt"));
    write("new.txt", "y");
    var after = BuildContext.read(dir, "Dockerfile", path -> false).files();

    assertThat(after.get("run.sh")).endsWith("+x").startsWith(before.get("run.sh"));
    assertThat(BuildContext.changed(before, after))
        .containsExactly("new.txt (added)", "run.sh", "gone.txt (removed)");
    assertThat(BuildContext.changed(after, new TreeMap<>(after))).isEmpty();
  }

  @Test
  void writeTar_holdsTheFilesSent_withTheirContent() throws IOException {
    write("Dockerfile", "FROM scratch\nCOPY a/b.txt /\n");
    write("a/b.txt", "bee");
    write("skip.log", "no");
    write(".dockerignore", "*.log");
    var out = new ByteArrayOutputStream();

    BuildContext.read(dir, "Dockerfile", path -> false).writeTar(out);

    var names = new ArrayList<String>();
    String content = null;
    try (var tar = new TarArchiveInputStream(new java.io.ByteArrayInputStream(out.toByteArray()))) {
      for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        names.add(entry.getName());
        if (entry.getName().equals("a/b.txt")) {
          content = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    assertThat(names).containsExactly("a/", ".dockerignore", "Dockerfile", "a/b.txt");
    assertThat(content).isEqualTo("bee");
  }
}
