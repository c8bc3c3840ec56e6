package clockwork.engine.provider.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clockwork.engine.testing.TestDeclaration;
import clockwork.resources.FileResource;
import clockwork.spi.Action;
import clockwork.spi.Applied;
import clockwork.spi.Diff;
import clockwork.spi.FieldChange;
import clockwork.spi.InvalidResourceException;
import clockwork.spi.Project;
import clockwork.spi.Values;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure parts of the file provider: desired specs and diffs, no file system. */
class FileProviderDiffTest {
  private final FileProvider provider = new FileProvider();
  private final Project project = new Project("p", null, Path.of("/srv/p"));

  private static FileObservation file(String content, String mode) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    return new FileObservation("file", Values.sha256(bytes), bytes.length, mode, null);
  }

  private static Applied<FileSpec, FileObservation> applied(FileSpec spec) {
    return new Applied<>(
        spec, file(spec.content(), spec.mode()), List.of("dir:out", "file:" + spec.path()));
  }

  private final FileSpec notes = new FileSpec("out/notes.txt", "hello\n", "644");

  @Test
  void desired_resolvesNameInDirectory_andDefaultsModeTo644() {
    var spec =
        provider.desired(
            new FileResource("n.txt").directory("out").content("x"),
            TestDeclaration.of(project, "n"));

    assertThat(spec).isEqualTo(new FileSpec("out/n.txt", "x", "644"));
  }

  @Test
  void desired_letsPathWinOverDirectory_andKeepsPathsOutsideTheProjectAbsolute() {
    var spec =
        provider.desired(
            new FileResource("n").directory("ignored").path("/etc/app/n.conf").content("x"),
            TestDeclaration.of(project, "n"));

    assertThat(spec.path()).isEqualTo("/etc/app/n.conf");
  }

  @Test
  void desired_refusesToWriteOverClockworksOwnFiles() {
    for (String path : List.of(".clockwork/state.json", "clockwork.lock", "main.java", ".env")) {
      assertThatThrownBy(
              () ->
                  provider.desired(
                      new FileResource("a").path(path).content("x"),
                      TestDeclaration.of(project, "a")))
          .isInstanceOf(InvalidResourceException.class)
          .hasMessage(
              "path \""
                  + path
                  + "\" would write over Clockwork's own "
                  + (path.startsWith(".clockwork") ? ".clockwork" : path)
                  + ": write the file somewhere else");
    }
    assertThat(
            provider
                .desired(
                    new FileResource(".env").directory("app").content("x"),
                    TestDeclaration.of(project, "a"))
                .path())
        .isEqualTo("app/.env");
  }

  @Test
  void desired_normalisesAFourDigitMode() {
    assertThat(
            provider
                .desired(
                    new FileResource("n").content("x").mode("0600"),
                    TestDeclaration.of(project, "n"))
                .mode())
        .isEqualTo("600");
  }

  @Test
  void desired_refusesABadModeAndAnEmptyPath_quotingBoth() {
    var file = new FileResource("n").content("x").mode("999").path("");

    assertThatThrownBy(() -> provider.desired(file, TestDeclaration.of(project, "n")))
        .isInstanceOfSatisfying(
            InvalidResourceException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "path \"\" is empty: write a file path such as \"config/app.yaml\", or"
                            + " leave path out to use the name",
                        "mode \"999\" is not an octal permission: write three digits from 0 to 7,"
                            + " such as \"644\" (owner writes, everyone reads) or \"600\" (owner"
                            + " only)"));
  }

  @Test
  void desired_refusesAPathThatIsTheProjectDirectory() {
    assertThatThrownBy(
            () ->
                provider.desired(
                    new FileResource("n").content("x").path("."), TestDeclaration.of(project, "n")))
        .hasMessage("path \".\" is a directory, not a file: write a file path such as \"./n\"");
  }

  @Test
  void diff_createsAMissingFile_showingItsFields() {
    Diff diff = provider.diff(notes, null, FileObservation.absent(null));

    assertThat(diff.action()).isEqualTo(Action.CREATE);
    assertThat(diff.drift()).isFalse();
    assertThat(diff.changes())
        .containsExactly(
            FieldChange.added("path", "\"out/notes.txt\""),
            FieldChange.added("mode", "\"644\""),
            FieldChange.added("content", "hello\n"));
  }

  @Test
  void diff_isSame_whenRealityMatchesTheSpec() {
    assertThat(provider.diff(notes, applied(notes), file("hello\n", "644"))).isEqualTo(Diff.same());
  }

  @Test
  void diff_updatesContentAndMode_showingOldAndNew() {
    var changed = new FileSpec("out/notes.txt", "bye\n", "600");

    Diff diff = provider.diff(changed, applied(notes), file("hello\n", "644"));

    assertThat(diff.action()).isEqualTo(Action.UPDATE);
    assertThat(diff.drift()).isFalse();
    assertThat(diff.changes())
        .containsExactly(
            FieldChange.changed("content", "hello\n", "bye\n"),
            FieldChange.changed("mode", "\"644\"", "\"600\""));
  }

  @Test
  void diff_reportsDrift_whenTheFileWasEditedOutsideClockwork() {
    Diff diff = provider.diff(notes, applied(notes), file("edited by hand", "644"));

    assertThat(diff.action()).isEqualTo(Action.UPDATE);
    assertThat(diff.drift()).isTrue();
    assertThat(diff.changes().getFirst().before())
        .startsWith("<edited outside Clockwork: 14 bytes");
  }

  @Test
  void diff_reportsDrift_whenTheModeWasChangedOutsideClockwork() {
    Diff diff = provider.diff(notes, applied(notes), file("hello\n", "777"));

    assertThat(diff.drift()).isTrue();
    assertThat(diff.changes()).containsExactly(FieldChange.changed("mode", "\"777\"", "\"644\""));
  }

  @Test
  void diff_createsAgain_whenTheFileWasDeletedOutsideClockwork() {
    Diff diff = provider.diff(notes, applied(notes), FileObservation.absent(null));

    assertThat(diff.action()).isEqualTo(Action.CREATE);
    assertThat(diff.drift()).isTrue();
    assertThat(diff.note()).isEqualTo("deleted outside Clockwork");
  }

  @Test
  void diff_replaces_whenThePathChanges() {
    var moved = new FileSpec("elsewhere/notes.txt", "hello\n", "644");

    Diff diff = provider.diff(moved, applied(notes), FileObservation.absent(null));

    assertThat(diff.action()).isEqualTo(Action.REPLACE);
    assertThat(diff.changes())
        .containsExactly(
            FieldChange.replacing("path", "\"out/notes.txt\"", "\"elsewhere/notes.txt\""));
  }

  @Test
  void diff_refusesToOverwriteAFileClockworkDidNotCreate() {
    assertThatThrownBy(() -> provider.diff(notes, null, file("the user's own", "644")))
        .hasMessage(
            "\"out/notes.txt\" already exists and Clockwork did not create it, so Clockwork will"
                + " not overwrite it: move it away or delete it, or point this resource elsewhere"
                + " with .path(...)");
  }

  @Test
  void diff_adopts_whenTheExistingFileAlreadyHasTheDeclaredContentAndMode() {
    Diff diff = provider.diff(notes, null, file("hello\n", "644"));

    assertThat(diff.action()).isEqualTo(Action.CREATE);
    assertThat(diff.note()).startsWith("already there with this content and mode");
  }

  @Test
  void diff_finishesAnInterruptedCreate_whenTheFileWasClaimed() {
    var claimed = new Applied<FileSpec, FileObservation>(null, null, List.of("file:out/notes.txt"));

    Diff diff = provider.diff(notes, claimed, file("hel", "600"));

    assertThat(diff.action()).isEqualTo(Action.CREATE);
    assertThat(diff.note()).isEqualTo("finishes an interrupted apply");
  }

  @Test
  void diff_refusesADirectoryAtThePath() {
    assertThatThrownBy(
            () -> provider.diff(notes, null, new FileObservation("directory", null, 0, null, null)))
        .hasMessage(
            "\"out/notes.txt\" is a directory: give the file a path of its own, such as"
                + " .path(\"out/notes.txt/file.txt\")");
  }

  @Test
  void diff_refusesAPathWhoseDirectoryCannotBeMade() {
    assertThatThrownBy(
            () ->
                provider.diff(
                    notes, null, FileObservation.absent("/srv/p/out is a file, not a directory")))
        .hasMessage(
            "cannot create the directory for \"out/notes.txt\": /srv/p/out is a file, not a"
                + " directory; choose another directory");
  }
}
