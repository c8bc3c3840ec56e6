package clockwork.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clockwork.engine.error.ExitCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStateStoreTest {
  @TempDir Path dir;
  private LocalStateStore store;

  @BeforeEach
  void openStore() {
    store = new LocalStateStore(dir);
  }

  private static ResourceState file(String path) {
    return new ResourceState(
        "file",
        Json.mapper().createObjectNode().put("path", path),
        null,
        List.of("file:" + path),
        List.of(),
        "2026-01-01T00:00:00Z",
        "2026-01-01T00:00:00Z",
        List.of());
  }

  private List<String> files() throws IOException {
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void everyStateFile_isReadableByItsOwnerOnly() throws IOException {
    try (StateLock lock = store.lock("apply")) {
      store.put("a", file("a.txt"), lock);
      assertThat(mode("state.journal")).isEqualTo("rw-------");
    }
    try (StateLock lock = store.lock("apply")) {
      store.put("b", file("b.txt"), lock);
    }
    assertThat(mode("state.json")).isEqualTo("rw-------");
    assertThat(mode("state.json.backup")).isEqualTo("rw-------");
  }

  private String mode(String file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file)));
  }

  @Test
  void lock_namesAHolderThatHasJustTakenTheLock_andNotYetWrittenItsName() throws Exception {
    Path lockFile = dir.resolve("state.lock");
    try (var channel =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      channel.lock(); // released with the channel
      // the holder names itself a moment after it took the lock, as a racing command does
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  Thread.sleep(300);
                  channel.write(ByteBuffer.wrap("clockwork apply (process 42)".getBytes()));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });

      assertThatThrownBy(() -> store.lock("destroy"))
          .isInstanceOf(StateLockedException.class)
          .hasMessageContaining("is locked by clockwork apply (process 42)");
    }
  }

  @Test
  void read_isEmpty_whenNothingWasRecorded() {
    assertThat(store.read()).isEqualTo(State.empty());
  }

  @Test
  void put_isVisibleToReadersAtOnce_andFoldedIntoTheDocumentWhenTheLockGoes() throws IOException {
    try (StateLock lock = store.lock("apply")) {
      store.put("b", file("b.txt"), lock);
      store.put("a", file("a.txt"), lock);
      store.remove("b", lock);
      store.put("c", file("c.txt"), lock);

      assertThat(new LocalStateStore(dir).read().resources()).containsOnlyKeys("a", "c");
      assertThat(files()).contains("state.journal");
    }

    State state = new LocalStateStore(dir).read();
    assertThat(state.resources()).containsOnlyKeys("a", "c");
    assertThat(state.resources().get("a")).isEqualTo(file("a.txt"));
    assertThat(state.serial()).isEqualTo(4);
    assertThat(files()).containsExactly("state.json", "state.lock");
    assertThat(Files.readString(dir.resolve("state.json")))
        .contains("\"serial\" : 4")
        .endsWith("}\n");
  }

  @Test
  void identify_recordsTheProjectsIdentity_whichSurvivesCompaction() {
    try (StateLock lock = store.lock("apply")) {
      store.identify("3f9a2c4b1d0e", lock);
      assertThat(store.read().projectId()).isEqualTo("3f9a2c4b1d0e");
    }

    assertThat(new LocalStateStore(dir).read().projectId()).isEqualTo("3f9a2c4b1d0e");
  }

  @Test
  void theBackupHoldsTheStateFromBeforeTheLastCommandThatChangedIt() throws IOException {
    try (StateLock lock = store.lock("apply")) {
      store.put("a", file("a.txt"), lock);
    }
    State afterFirst = store.read();
    try (StateLock lock = store.lock("apply")) {
      store.put("b", file("b.txt"), lock);
      store.put("c", file("c.txt"), lock);
    }
    store.lock("destroy").close(); // a command that changes nothing leaves the backup alone

    assertThat(store.read().resources()).containsOnlyKeys("a", "b", "c");
    Files.move(
        dir.resolve("state.json.backup"),
        dir.resolve("state.json"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(store.read()).isEqualTo(afterFirst);
  }

  @Test
  void aKilledCommandsJournal_isReadWithItsTornLastLineIgnored_andFoldedInByTheNextLock()
      throws IOException {
    try (StateLock lock = store.lock("apply")) {
      store.put("a", file("a.txt"), lock);
    }
    Files.writeString(
        dir.resolve("state.journal"),
        "{\"id\":\"b\",\"resource\":{\"kind\":\"file\",\"artifacts\":[\"file:b\"]}}\n"
            + "{\"id\":\"c\",\"reso",
        StandardOpenOption.CREATE_NEW);

    assertThat(store.read().resources()).containsOnlyKeys("a", "b");

    StateLock lock = store.lock("apply");
    assertThat(files()).doesNotContain("state.journal");
    lock.close();
    assertThat(store.read().resources()).containsOnlyKeys("a", "b");
  }

  @Test
  void lock_failsAtOnce_namingTheHolder_whenAlreadyHeld() {
    try (StateLock held = store.lock("apply")) {
      assertThatThrownBy(() -> new LocalStateStore(dir).lock("destroy"))
          .isInstanceOfSatisfying(
              StateLockedException.class,
              e -> {
                assertThat(e.exitCode()).isEqualTo(ExitCode.LOCKED);
                assertThat(e.holder())
                    .startsWith(
                        "clockwork apply (process " + ProcessHandle.current().pid() + " on ");
              })
          .hasMessageContaining("is locked by clockwork apply")
          .hasMessageContaining("Wait for that command to finish");
      assertThat(held.isHeld()).isTrue();
    }
    try (StateLock again = store.lock("apply")) {
      assertThat(again.isHeld()).isTrue();
    }
  }

  @Test
  void put_refuses_withoutTheLock() {
    StateLock released = store.lock("apply");
    released.close();

    assertThatThrownBy(() -> store.put("a", file("a.txt"), released))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void read_pointsAtTheBackup_whenTheStateIsDamaged() throws IOException {
    Files.writeString(dir.resolve("state.json"), "{\"format\": 1, \"resources\": {");
    Files.writeString(dir.resolve("state.json.backup"), "{\"format\": 1, \"resources\": {}}");

    assertThatThrownBy(store::read)
        .isInstanceOfSatisfying(
            StateException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED))
        .hasMessageContaining("The state file " + dir.resolve("state.json") + " is damaged")
        .hasMessageContaining("Restore state.json from " + dir.resolve("state.json.backup"));
  }

  @Test
  void read_adviseNoBackupThatDoesNotExist_andRefusesAnEntryWithoutAKind() throws IOException {
    Files.writeString(dir.resolve("state.json"), "{\"format\": 1, \"resources\": {\"a\": null}}");

    assertThatThrownBy(store::read)
        .hasMessageContaining("is damaged (resource \"a\" has no entry)")
        .hasMessageContaining("There is no backup yet: move state.json and state.journal away")
        .hasMessageNotContaining("Restore");
    Files.writeString(
        dir.resolve("state.json"), "{\"format\": 1, \"resources\": {\"a\": {\"spec\": {}}}}");
    assertThatThrownBy(store::read).hasMessageContaining("resource \"a\" has no kind");
  }

  @Test
  void read_refusesAStateFromANewerClockwork() throws IOException {
    Files.writeString(
        dir.resolve("state.json"), "{\"format\": 2, \"serial\": 1, \"resources\": {}}");

    assertThatThrownBy(store::read)
        .hasMessageContaining("was written by a newer Clockwork (format 2)");
  }
}
