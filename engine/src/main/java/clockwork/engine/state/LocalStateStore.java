package clockwork.engine.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * State in the project's {@code .clockwork} directory:
 *
 * <ul>
 *   <li>{@code state.json}, the state as one JSON document, replaced whole (written to a temporary
 *       file, then renamed over it) so a reader sees the old document or the new, never a mix;
 *   <li>{@code state.journal}, one JSON line per resource change since that document was written,
 *       appended as each change finishes, and folded into {@code state.json} when the command ends
 *       (or, after a command was killed, when the next one takes the lock);
 *   <li>{@code state.json.backup}, the state as it was before the last command that changed it;
 *   <li>{@code state.lock}, held as an operating-system file lock by the command that may change
 *       state, and naming it. The system lets the lock go when its process ends, however it ends.
 * </ul>
 *
 * <p>The journal keeps each change's cost independent of how many resources the project has; a
 * killed process leaves at most a torn last line, which is ignored.
 */
public final class LocalStateStore implements StateStore {
  private static final int FORMAT = 1;

  /** State holds digests of secrets and what Clockwork made: for the owner's eyes (mode 600). */
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private final Path file;
  private final Path journal;
  private final Path backup;
  private final Path lockFile;
  private final Clock clock;

  /** The document's layout, versioned so that an older Clockwork refuses a newer state. */
  private record Document(
      int format, long serial, String project, SortedMap<String, ResourceState> resources) {}

  /**
   * One journal line: the project's identity ({@code project}), a resource's new entry, or its
   * removal ({@code resource} null).
   */
  private record Entry(String project, String id, ResourceState resource) {}

  /**
   * @param dir the project's {@code .clockwork} directory
   */
  public LocalStateStore(Path dir) {
    this(dir, Clock.systemUTC());
  }

  /**
   * @param dir the project's {@code .clockwork} directory
   * @param clock says since when a command holds the lock
   */
  public LocalStateStore(Path dir, Clock clock) {
    this.file = dir.resolve("state.json");
    this.journal = dir.resolve("state.journal");
    this.backup = dir.resolve("state.json.backup");
    this.lockFile = dir.resolve("state.lock");
    this.clock = clock;
  }

  @Override
  public String location() {
    return file.toString();
  }

  @Override
  public State read() {
    State document = readDocument();
    if (!Files.exists(journal)) return document;
    List<String> lines;
    try {
      lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StateException(
          "Cannot read the state journal " + journal + ": " + e.getMessage(), e);
    }
    var resources = new TreeMap<>(document.resources());
    long serial = document.serial();
    String project = document.projectId();
    for (int i = 0; i < lines.size(); i++) {
      Entry entry;
      try {
        entry = Json.fromTree(Json.parse(lines.get(i)), Entry.class);
      } catch (JsonProcessingException e) {
        if (i == lines.size() - 1) break; // torn by a killed process: that change never finished
        throw damaged(journal, e.getOriginalMessage() + " at line " + (i + 1), e);
      }
      if (entry.resource() != null) check(journal, entry.id(), entry.resource());
      if (entry.project() != null) {
        project = entry.project();
      } else if (entry.resource() == null) {
        resources.remove(entry.id());
      } else {
        resources.put(entry.id(), entry.resource());
      }
      serial++;
    }
    return new State(serial, project, resources);
  }

  private State readDocument() {
    if (!Files.exists(file)) return State.empty();
    Document document;
    try {
      document = Json.fromTree(Json.parse(Files.readAllBytes(file)), Document.class);
    } catch (JsonProcessingException e) {
      String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      throw damaged(file, e.getOriginalMessage() + at, e);
    } catch (IOException e) {
      throw new StateException("Cannot read the state file " + file + ": " + e.getMessage(), e);
    }
    if (document == null || document.resources() == null) {
      throw damaged(file, "no resources map", null);
    }
    document.resources().forEach((id, resource) -> check(file, id, resource));
    if (document.format() > FORMAT) {
      throw new StateException(
          "The state file "
              + file
              + " was written by a newer Clockwork (format "
              + document.format()
              + "). Upgrade Clockwork to work with this project.",
          null);
    }
    return new State(document.serial(), document.project(), document.resources());
  }

  /** A resource's entry must say what it is, so that its provider can be found. */
  private void check(Path in, String id, ResourceState resource) {
    if (id == null || id.isEmpty()) throw damaged(in, "a resource without an id", null);
    if (resource == null) throw damaged(in, "resource \"" + id + "\" has no entry", null);
    if (resource.kind() == null || resource.kind().isEmpty()) {
      throw damaged(in, "resource \"" + id + "\" has no kind", null);
    }
  }

  private StateException damaged(Path damaged, String detail, Exception cause) {
    String remedy =
        Files.exists(backup)
            ? "Restore "
                + file.getFileName()
                + " from "
                + backup
                + " and remove "
                + journal.getFileName()
                + ", or move them away to start afresh"
            : "There is no backup yet: move "
                + file.getFileName()
                + " and "
                + journal.getFileName()
                + " away to start afresh";
    return new StateException(
        "The state file "
            + damaged
            + " is damaged ("
            + detail
            + "). "
            + remedy
            + " (Clockwork then forgets what it made).",
        cause);
  }

  @Override
  public StateLock lock(String command) {
    FileChannel channel = null;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by this very process, through another channel
      }
      if (lock == null) {
        channel.close();
        String holder = holder();
        throw new StateLockedException(
            location(), holder.isEmpty() ? "another clockwork command" : holder);
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(holder(command).getBytes(StandardCharsets.UTF_8)));
      channel.force(false);
      var held = new Held(channel, lock);
      if (Files.exists(journal)) compact(); // what a killed command recorded
      return held;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new StateException("Cannot lock the state at " + lockFile + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void identify(String projectId, StateLock lock) {
    append(new Entry(projectId, null, null), lock);
  }

  @Override
  public void put(String id, ResourceState resource, StateLock lock) {
    append(new Entry(null, id, resource), lock);
  }

  @Override
  public void remove(String id, StateLock lock) {
    append(new Entry(null, id, null), lock);
  }

  private void append(Entry entry, StateLock lock) {
    if (!(lock instanceof Held held) || held.store() != this || !held.isHeld()) {
      throw new IllegalStateException("changing state needs this store's lock");
    }
    try {
      held.journal()
          .write(ByteBuffer.wrap((Json.line(entry) + "\n").getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new StateException(
          "Cannot write the state journal " + journal + ": " + e.getMessage(), e);
    }
  }

  /** Folds the journal into the document, keeping the document as it was as the backup. */
  private void compact() throws IOException {
    State state = read();
    if (Files.exists(file)) replace(Files.readAllBytes(file), backup);
    String json =
        Json.document(new Document(FORMAT, state.serial(), state.projectId(), state.resources()));
    replace((json + "\n").getBytes(StandardCharsets.UTF_8), file);
    Files.delete(journal);
  }

  /** Writes a file whole, readable by its owner only, and renames it into place. */
  private static void replace(byte[] content, Path target) throws IOException {
    AtomicFile.replace(target, content, OWNER_ONLY);
  }

  /**
   * Who holds the lock, as it wrote itself into the lock file; a holder that has just taken the
   * lock writes that a moment later, so an empty file is read again for up to a second.
   */
  private String holder() throws IOException {
    for (int attempt = 0; attempt < 20; attempt++) {
      String holder = Files.readString(lockFile).strip();
      if (!holder.isEmpty()) return holder;
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return "";
  }

  private String holder(String command) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "an unknown host";
    }
    return "clockwork "
        + command
        + " (process "
        + ProcessHandle.current().pid()
        + " on "
        + host
        + ", since "
        + clock.instant().truncatedTo(ChronoUnit.SECONDS)
        + ")";
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) return;
    try {
      channel.close();
    } catch (IOException e) {
      // already failing; the first error is the one to report
    }
  }

  private final class Held implements StateLock {
    private final FileChannel channel;
    private final FileLock lock;
    private FileChannel journalChannel;

    Held(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }

    LocalStateStore store() {
      return LocalStateStore.this;
    }

    /** The journal, opened for appending at the first change. */
    FileChannel journal() throws IOException {
      if (journalChannel == null) {
        journalChannel =
            FileChannel.open(
                journal,
                Set.of(
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
                OWNER_ONLY);
      }
      return journalChannel;
    }

    @Override
    public boolean isHeld() {
      return lock.isValid();
    }

    @Override
    public void close() {
      if (!lock.isValid()) return;
      try {
        if (journalChannel != null) {
          journalChannel.close();
          compact();
        }
        channel.truncate(0);
        lock.release();
        channel.close();
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot finish the state at " + file + ": " + e.getMessage(), e);
      }
    }
  }
}
