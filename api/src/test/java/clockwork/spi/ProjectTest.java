package clockwork.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the paths of a project really lead, and which of them are Clockwork's own. */
class ProjectTest {
  @TempDir Path dir;
  @TempDir Path outside;

  private Project project() throws IOException {
    return new Project("p", "id", dir.toRealPath());
  }

  @Test
  void real_followsEveryLinkOnTheWay_asFarAsThePathExists() throws IOException {
    Files.createDirectories(outside.resolve("etc"));
    Files.createSymbolicLink(dir.resolve("etclink"), outside.resolve("etc"));
    Files.createSymbolicLink(dir.resolve("relative"), Path.of("etclink/../etc"));
    Files.createSymbolicLink(dir.resolve("loop"), Path.of("loop"));

    assertThat(Project.real(dir.resolve("etclink/new/file")))
        .isEqualTo(outside.toRealPath().resolve("etc/new/file"));
    assertThat(Project.real(dir.resolve("plain/not/there")))
        .isEqualTo(dir.toRealPath().resolve("plain/not/there"));
    assertThat(Project.real(dir.resolve("loop/x"))).isEqualTo(dir.toRealPath().resolve("loop"));
    assertThat(Project.real(dir.resolve("relative")))
        .as("'..' is taken after the link is followed, as the kernel does")
        .isEqualTo(outside.toRealPath().resolve("etc"));
  }

  @Test
  void contains_onlyWhatLandsInsideTheProject_onceLinksAreFollowed() throws IOException {
    Files.createSymbolicLink(dir.resolve("etclink"), outside);
    Files.createDirectories(dir.resolve("data"));
    Project project = project();

    assertThat(project.contains(project.resolve("data"))).isTrue();
    assertThat(project.contains(project.resolve("not/yet/there"))).isTrue();
    assertThat(project.contains(project.resolve("etclink"))).isFalse();
    assertThat(project.contains(project.resolve("etclink/x"))).isFalse();
    assertThat(project.contains(project.resolve("."))).as("the project itself").isFalse();
    assertThat(project.contains(project.resolve("../elsewhere"))).isFalse();
  }

  @Test
  void aProjectReachedThroughALink_judgesItsPathsWhereTheyReallyLead() throws IOException {
    Files.createSymbolicLink(dir.resolve("etclink"), outside);
    Files.createSymbolicLink(dir.resolve("self"), Path.of("."));
    Files.createDirectories(dir.resolve("data"));
    Path link = outside.resolve("project");
    Files.createSymbolicLink(link, dir);
    Project project = new Project("p", "id", link);

    assertThat(project.contains(project.resolve("data/file"))).isTrue();
    assertThat(project.contains(project.resolve("self/data"))).isTrue();
    assertThat(project.contains(project.resolve("etclink/x"))).isFalse();
    assertThat(project.contains(link.resolve("self/../x"))).as("'..' after a link").isFalse();
    assertThat(project.contains(dir.resolve("data/file")))
        .as("the directory by its real path")
        .isTrue();
    assertThat(project.ownFileAt(project.resolve("self/main.java"))).isEqualTo("main.java");
    assertThat(project.ownFileAt(dir.resolve(".clockwork/state.json"))).isEqualTo(".clockwork");
  }

  @Test
  void ownFileAt_namesClockworksOwnFiles_alsoThroughALink() throws IOException {
    Files.createSymbolicLink(dir.resolve("state"), dir.resolve(".clockwork"));
    Project project = project();

    assertThat(project.ownFileAt(project.resolve(".clockwork/state.json"))).isEqualTo(".clockwork");
    assertThat(project.ownFileAt(project.resolve("state/state.json"))).isEqualTo(".clockwork");
    assertThat(project.ownFileAt(project.resolve("main.java"))).isEqualTo("main.java");
    assertThat(project.ownFileAt(project.resolve("clockwork.lock"))).isEqualTo("clockwork.lock");
    assertThat(project.ownFileAt(project.resolve(".env"))).isEqualTo(".env");
    assertThat(project.ownFileAt(project.resolve("app/.env"))).isNull();
    assertThat(project.ownFileAt(project.resolve("notes.txt"))).isNull();
  }

  @Test
  void resolve_refusesWhatCannotBeAPath_quotingIt() throws IOException {
    assertThatThrownBy(() -> project().resolve("a\0b"))
        .isInstanceOf(InvalidResourceException.class)
        .hasMessageStartingWith("path \"a\\u0000b\" is not a path (Nul character not allowed)");
  }
}
