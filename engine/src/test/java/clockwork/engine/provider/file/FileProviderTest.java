package clockwork.engine.provider.file;

import static org.assertj.core.api.Assertions.assertThat;

import clockwork.spi.Applied;
import clockwork.spi.Operation;
import clockwork.spi.Outcome;
import clockwork.spi.Project;
import clockwork.spi.Removals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file provider's I/O on a real file system. */
class FileProviderTest {
  @TempDir Path dir;
  private final FileProvider provider = new FileProvider();
  private final List<String> claimed = new ArrayList<>();
  private final List<String> reported = new ArrayList<>();

  /** The digest of "hello". */
  private static final String HELLO =
      "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

  private Operation operation() {
    var project = new Project("p", null, dir);
    return new Operation() {
      @Override
      public String resourceId() {
        return "notes";
      }

      @Override
      public Project project() {
        return project;
      }

      @Override
      public void claim(List<String> artifacts) {
        claimed.addAll(artifacts);
      }

      @Override
      public void report(String message) {
        reported.add(message);
      }

      @Override
      public String keyedDigest(String value) {
        return "keyed-" + value.hashCode();
      }
    };
  }

  @Test
  void aSharedDirectory_goesWithTheLastFileInIt_whicheverResourceMadeIt() throws IOException {
    var first = new FileSpec("shared/a.txt", "a", "644");
    var second = new FileSpec("shared/sub/b.txt", "b", "644");
    Outcome<FileObservation> madeFirst = provider.create(first, null, operation());
    Outcome<FileObservation> madeSecond = provider.create(second, null, operation());
    assertThat(madeFirst.artifacts()).contains("dir:shared");
    assertThat(madeSecond.artifacts()).doesNotContain("dir:shared");

    // the first moves away while the second's file still holds its directory
    var moved = new FileSpec("elsewhere/a.txt", "a", "644");
    Outcome<FileObservation> movedAway =
        provider.replace(
            moved, new Applied<>(first, madeFirst.observed(), madeFirst.artifacts()), operation());
    assertThat(movedAway.artifacts()).contains("dir:shared");
    assertThat(dir.resolve("shared")).isDirectory();

    // deleted in the unlucky order: the owner of shared first, while shared still holds b.txt
    provider.delete(new Applied<>(moved, movedAway.observed(), movedAway.artifacts()), operation());
    assertThat(dir.resolve("shared")).isDirectory();
    provider.delete(
        new Applied<>(second, madeSecond.observed(), madeSecond.artifacts()), operation());
    assertThat(dir.resolve("shared")).doesNotExist();
    assertThat(dir.resolve("elsewhere")).doesNotExist();
  }

  @Test
  void directoriesSharedByManyResources_goWhenTheirFilesAreDeletedInParallel_inAnyOrder()
      throws Exception {
    var made = new ArrayList<Applied<FileSpec, FileObservation>>();
    for (int i = 0; i < 150; i++) {
      var spec = new FileSpec("top/d" + i % 5 + "/sub" + i % 3 + "/f" + i, "n" + i, "644");
      Outcome<FileObservation> outcome = provider.create(spec, null, operation());
      made.add(new Applied<>(spec, outcome.observed(), outcome.artifacts()));
    }
    Collections.shuffle(made, new Random(15));
    try (var pool = Executors.newFixedThreadPool(8)) {
      var deletes = new ArrayList<Future<?>>();
      for (var applied : made) {
        deletes.add(
            pool.submit(
                () -> {
                  provider.delete(applied, operation());
                  return null;
                }));
      }
      for (var delete : deletes) delete.get();
    }
    assertThat(dir.resolve("top")).doesNotExist();
    assertThat(reported).isEmpty();
  }

  @Test
  void create_claimsDirectoriesAndFileBeforeWriting_thenDeleteRemovesExactlyThose()
      throws IOException {
    Files.createDirectories(dir.resolve("a"));
    Files.writeString(dir.resolve("a/users-file.txt"), "mine");
    var spec = new FileSpec("a/b/c/notes.txt", "hello", "640");

    Outcome<FileObservation> made = provider.create(spec, null, operation());

    assertThat(claimed)
        .containsExactly(
            "dir:a/b",
            "dir:a/b/c",
            "file:a/b/c/notes.txt",
            "content:" + HELLO + ":a/b/c/notes.txt");
    assertThat(made.artifacts()).isEqualTo(claimed);
    assertThat(dir.resolve("a/b/c/notes.txt")).hasContent("hello");
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(spec.path()))))
        .isEqualTo("rw-r-----");
    assertThat(made.observed())
        .isEqualTo(FileProvider.observe(dir.resolve(spec.path()), false, operation()));

    provider.delete(new Applied<>(spec, made.observed(), made.artifacts()), operation());

    assertThat(dir.resolve("a/b")).doesNotExist();
    assertThat(dir.resolve("a/users-file.txt")).hasContent("mine");
  }

  @Test
  void delete_leavesADirectoryThatHoldsSomethingElse() throws IOException {
    var spec = new FileSpec("out/notes.txt", "hello", "644");
    Outcome<FileObservation> made = provider.create(spec, null, operation());
    Files.writeString(dir.resolve("out/later.txt"), "someone else's");

    provider.delete(new Applied<>(spec, made.observed(), made.artifacts()), operation());

    assertThat(dir.resolve("out/notes.txt")).doesNotExist();
    assertThat(dir.resolve("out/later.txt")).hasContent("someone else's");
  }

  @Test
  void delete_succeeds_whenAnotherResourceRemovedASharedDirectoryFirst() throws IOException {
    var spec = new FileSpec("shared/notes.txt", "hello", "644");
    Outcome<FileObservation> made = provider.create(spec, null, operation());
    Files.delete(dir.resolve("shared/notes.txt"));
    Files.delete(dir.resolve("shared"));

    provider.delete(new Applied<>(spec, made.observed(), made.artifacts()), operation());

    assertThat(dir.resolve("shared")).doesNotExist();
  }

  @Test
  void replace_writesTheNewPathThenRemovesWhatServedOnlyTheOld() throws IOException {
    var old = new FileSpec("old/deep/notes.txt", "hello", "644");
    Outcome<FileObservation> made = provider.create(old, null, operation());
    var moved = new FileSpec("old/notes.txt", "hello", "644");

    Outcome<FileObservation> replaced =
        provider.replace(moved, new Applied<>(old, made.observed(), made.artifacts()), operation());

    assertThat(dir.resolve("old/notes.txt")).hasContent("hello");
    assertThat(dir.resolve("old/deep")).doesNotExist();
    assertThat(replaced.artifacts())
        .containsExactly("dir:old", "file:old/notes.txt", "content:" + HELLO + ":old/notes.txt");
  }

  @Test
  void create_adoptsAnIdenticalFile_andDeleteLeavesIt() throws IOException {
    Files.writeString(dir.resolve("same.txt"), "hello");
    Files.setPosixFilePermissions(
        dir.resolve("same.txt"), PosixFilePermissions.fromString("rw-r--r--"));
    var spec = new FileSpec("same.txt", "hello", "644");

    Outcome<FileObservation> made = provider.create(spec, null, operation());
    provider.delete(new Applied<>(spec, made.observed(), made.artifacts()), operation());

    assertThat(made.artifacts()).containsExactly("adopted:same.txt");
    assertThat(dir.resolve("same.txt")).hasContent("hello");
  }

  @Test
  void update_rewritesContentAndMode() throws IOException {
    var spec = new FileSpec("n.txt", "one", "644");
    Outcome<FileObservation> made = provider.create(spec, null, operation());

    provider.update(
        new FileSpec("n.txt", "two", "600"),
        new Applied<>(spec, made.observed(), made.artifacts()),
        operation());

    assertThat(dir.resolve("n.txt")).hasContent("two");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("n.txt"))))
        .isEqualTo("rw-------");
  }

  @Test
  void observe_tellsWhyADirectoryCannotBeMade() throws IOException {
    Files.writeString(dir.resolve("blocker"), "a file");

    FileObservation observed =
        FileProvider.observe(dir.resolve("blocker/sub/notes.txt"), false, operation());

    assertThat(observed.type()).isEqualTo("absent");
    assertThat(observed.blockedBy())
        .isEqualTo(dir.resolve("blocker") + " is a file, not a directory");
  }

  @Test
  void delete_leavesAFileEditedSinceClockworkWroteIt_andSaysSo() throws IOException {
    var spec = new FileSpec("notes.txt", "hello", "644");
    Outcome<FileObservation> made = provider.create(spec, null, operation());
    Files.writeString(dir.resolve("notes.txt"), "the user's own words now");
    var applied = new Applied<>(spec, made.observed(), made.artifacts());

    assertThat(provider.removals(applied, operation()))
        .isEqualTo(
            new Removals(
                List.of(),
                List.of(
                    "file notes.txt (its content is not what Clockwork wrote: changed since, or"
                        + " never its own)")));
    provider.delete(applied, operation());

    assertThat(dir.resolve("notes.txt")).hasContent("the user's own words now");
    assertThat(reported)
        .containsExactly(
            "left file notes.txt in place: its content is not what Clockwork wrote: changed"
                + " since, or never its own");
  }

  @Test
  void delete_removesNothingATamperedStateAddsOutsideWhatClockworkWrote(@TempDir Path elsewhere)
      throws IOException {
    Files.writeString(elsewhere.resolve("victim.txt"), "precious");
    Path sibling = Files.createDirectories(dir.resolve("../victims-" + dir.getFileName()));
    Files.writeString(sibling.resolve("victim2.txt"), "also precious");
    Path emptyDir = Files.createDirectories(elsewhere.resolve("empty"));
    var spec = new FileSpec("notes.txt", "hello", "644");
    Outcome<FileObservation> made = provider.create(spec, null, operation());
    var tampered = new ArrayList<>(made.artifacts());
    tampered.add("file:" + elsewhere.resolve("victim.txt"));
    tampered.add("dir:" + emptyDir);
    tampered.add("file:../victims-" + dir.getFileName() + "/victim2.txt");
    var applied = new Applied<>(spec, made.observed(), tampered);

    Removals removals = provider.removals(applied, operation());
    provider.delete(applied, operation());

    assertThat(removals.removed()).containsExactly("file notes.txt");
    assertThat(removals.kept())
        .containsExactly(
            "file ../victims-"
                + dir.getFileName()
                + "/victim2.txt (state has no record of what Clockwork wrote there)",
            "dir "
                + emptyDir
                + " (state names it, but it is not on the way to a file Clockwork wrote)",
            "file "
                + elsewhere.resolve("victim.txt")
                + " (state has no record of what Clockwork wrote there)");
    assertThat(dir.resolve("notes.txt")).doesNotExist();
    assertThat(elsewhere.resolve("victim.txt")).hasContent("precious");
    assertThat(sibling.resolve("victim2.txt")).hasContent("also precious");
    assertThat(emptyDir).isDirectory();
  }

  @Test
  void delete_removesALinkNeverThroughIt(@TempDir Path elsewhere) throws IOException {
    Files.writeString(elsewhere.resolve("target.txt"), "hello");
    var spec = new FileSpec("notes.txt", "hello", "644");
    Outcome<FileObservation> made = provider.create(spec, null, operation());
    Files.delete(dir.resolve("notes.txt"));
    Files.createSymbolicLink(dir.resolve("notes.txt"), elsewhere.resolve("target.txt"));

    provider.delete(new Applied<>(spec, made.observed(), made.artifacts()), operation());

    assertThat(dir.resolve("notes.txt")).isSymbolicLink();
    assertThat(elsewhere.resolve("target.txt")).hasContent("hello");
  }

  @Test
  void delete_removesAFileAnInterruptedUpdateLeftWithEitherContent() throws IOException {
    var spec = new FileSpec("notes.txt", "hello", "644");
    Outcome<FileObservation> made = provider.create(spec, null, operation());
    // killed after claiming the new content, before writing it
    var claimedBoth = new ArrayList<>(made.artifacts());
    claimedBoth.add("content:" + FileSpec.sha256("bye") + ":notes.txt");

    provider.delete(new Applied<>(spec, made.observed(), claimedBoth), operation());

    assertThat(dir.resolve("notes.txt")).doesNotExist();
  }

  @Test
  void delete_trustsTheObservedDigest_ofAStateWrittenBeforeContentRecords() throws IOException {
    var spec = new FileSpec("notes.txt", "hello", "644");
    Outcome<FileObservation> made = provider.create(spec, null, operation());

    provider.delete(new Applied<>(spec, made.observed(), List.of("file:notes.txt")), operation());

    assertThat(dir.resolve("notes.txt")).doesNotExist();
  }
}
