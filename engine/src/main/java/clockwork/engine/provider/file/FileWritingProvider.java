package clockwork.engine.provider.file;

import clockwork.Assertion;
import clockwork.Resource;
import clockwork.assertions.FileExistsAssert;
import clockwork.resources.FileResource;
import clockwork.spi.AbstractProvider;
import clockwork.spi.Action;
import clockwork.spi.Applied;
import clockwork.spi.Context;
import clockwork.spi.Declaration;
import clockwork.spi.Diff;
import clockwork.spi.FieldChange;
import clockwork.spi.InvalidResourceException;
import clockwork.spi.Operation;
import clockwork.spi.Outcome;
import clockwork.spi.Project;
import clockwork.spi.Removals;
import clockwork.spi.Values;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The kinds that write one file on the local file system: the file as a spec, observed, diffed,
 * written and removed the same way whatever the declaration says.
 *
 * <p>Artifacts: {@code dir:PATH} for a directory Clockwork created, {@code file:PATH} for a file it
 * created, {@code content:DIGEST:PATH} for each content Clockwork wrote (or is about to write) at
 * that path, {@code adopted:PATH} for a file that was already there with exactly the declared
 * content and mode, which Clockwork then manages but never deletes. Paths inside the project are
 * relative to it.
 *
 * <p>A file is deleted only while it is still what Clockwork wrote: a regular file, not a link,
 * whose content has a digest Clockwork recorded. Anything else (a file edited since, a path a
 * damaged or tampered state names) is left in place, and the plan and the delete say so. A
 * directory goes only when it is empty and on the way to a file Clockwork wrote.
 */
public abstract class FileWritingProvider<R extends Resource>
    extends AbstractProvider<R, FileSpec, FileObservation> {
  static final String FILE = "file:";
  static final String DIR = "dir:";
  static final String ADOPTED = "adopted:";
  static final String CONTENT = "content:";

  static final Pattern MODE = Pattern.compile("0?[0-7]{3}");
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  protected FileWritingProvider(String kind, Class<R> resourceType) {
    super(kind, resourceType, FileSpec.class, FileObservation.class);
  }

  @Override
  public boolean writesFiles() {
    return true;
  }

  /**
   * The file's path and a digest of its content (with secrets as their keyed digests), so that a
   * container that mounts it is replaced when it changes.
   */
  @Override
  public Map<String, String> publishes(FileSpec spec) {
    return Map.of("path", spec.path(), "sha256", FileSpec.sha256(spec.content()));
  }

  /** A file must exist. */
  @Override
  public List<Assertion> defaultAssertions(FileSpec spec) {
    return List.of(new FileExistsAssert(spec.path()));
  }

  /**
   * A file's spec from where and how it should be written, for the kinds that write one file.
   *
   * @param problems found before, reported together with those found here
   * @throws InvalidResourceException listing every problem
   */
  static FileSpec spec(
      Declaration declaration,
      String name,
      String directory,
      String filePath,
      String fileMode,
      String content,
      List<String> problems) {
    return spec(declaration, name, directory, filePath, fileMode, content, null, problems);
  }

  /**
   * As {@link #spec(Declaration, String, String, String, String, String, List)}, for content with
   * secrets: {@code content} shows them redacted, {@code secretContent} holds them and is written.
   */
  static FileSpec spec(
      Declaration declaration,
      String name,
      String directory,
      String filePath,
      String fileMode,
      String content,
      String secretContent,
      List<String> problems) {
    Project project = declaration.project();
    problems = new ArrayList<>(problems);
    Path path = null;
    if (filePath == null) {
      Path dir = directory == null ? project.dir() : project.resolve(directory);
      path = dir.resolve(name).normalize();
    } else if (filePath.isBlank()) {
      problems.add(
          "path \""
              + filePath
              + "\" is empty: write a file path such as \"config/app.yaml\", or leave path out to"
              + " use the name");
    } else {
      path = project.resolve(filePath);
      if (path.equals(project.dir()) || path.getFileName() == null) {
        problems.add(
            "path \""
                + filePath
                + "\" is a directory, not a file: write a file path such as \""
                + filePath
                + "/"
                + name
                + "\"");
      }
    }
    String own = path == null ? null : project.ownFileAt(path);
    if (own != null) {
      problems.add(
          "path \""
              + project.show(path)
              + "\" would write over Clockwork's own "
              + own
              + ": write the file somewhere else");
    }
    String mode = fileMode == null ? "644" : fileMode;
    if (!MODE.matcher(mode).matches()) {
      problems.add(
          "mode \""
              + mode
              + "\" is not an octal permission: write three digits from 0 to 7, such as \"644\""
              + " (owner writes, everyone reads) or \"600\" (owner only)");
    }
    if (!problems.isEmpty()) throw new InvalidResourceException(problems);
    String digest =
        secretContent == null
            ? FileSpec.sha256(content)
            : FileSpec.KEYED + declaration.keyedDigest(secretContent);
    return new FileSpec(
        project.show(path), content, mode.substring(mode.length() - 3), digest, secretContent);
  }

  @Override
  public Map<String, FileObservation> observe(Map<String, FileSpec> specs, Context context)
      throws IOException {
    Project project = context.project();
    // Reading and hashing many files keeps every core busy, so spread them over all cores.
    var observed = new ConcurrentHashMap<String, FileObservation>();
    try {
      specs.entrySet().parallelStream()
          .forEach(
              entry -> {
                try {
                  FileSpec spec = entry.getValue();
                  observed.put(
                      entry.getKey(),
                      observe(project.dir().resolve(spec.path()), spec.keyed(), context));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return observed;
  }

  @Override
  public Diff diff(
      FileSpec desired, Applied<FileSpec, FileObservation> previous, FileObservation actual) {
    String path = desired.path();
    switch (actual.type()) {
      case "directory" ->
          throw new InvalidResourceException(
              "\""
                  + path
                  + "\" is a directory: give the file a path of its own, such as .path(\""
                  + path
                  + "/file.txt\")");
      case "symlink" ->
          throw new InvalidResourceException(
              "\""
                  + path
                  + "\" is a symbolic link: Clockwork does not write through links;"
                  + " remove the link or choose another path");
      case "other" ->
          throw new InvalidResourceException(
              "\"" + path + "\" is not a regular file: choose another path");
      default -> {
        if (actual.blockedBy() != null) {
          throw new InvalidResourceException(
              "cannot create the directory for \""
                  + path
                  + "\": "
                  + actual.blockedBy()
                  + "; choose another directory");
        }
      }
    }
    List<String> owned = previous == null ? List.of() : previous.artifacts();
    boolean managed = owned.contains(FILE + path) || owned.contains(ADOPTED + path);
    boolean adopting = actual.isFile() && !managed;
    if (adopting && !matches(actual, desired)) {
      throw new InvalidResourceException(
          "\""
              + path
              + "\" already exists and Clockwork did not create it, so Clockwork will not"
              + " overwrite it: move it away or delete it, or point this resource elsewhere with"
              + " .path(...)");
    }
    String note =
        adopting
            ? "already there with this content and mode: Clockwork adopts it and leaves it in"
                + " place on destroy"
            : null;
    FileSpec before = previous == null ? null : previous.spec();
    if (before == null) {
      boolean interrupted = managed || !owned.isEmpty();
      return new Diff(
          Action.CREATE,
          fields(desired),
          false,
          note != null ? note : interrupted ? "finishes an interrupted apply" : null);
    }
    if (!before.path().equals(path)) {
      var changes = new ArrayList<FieldChange>();
      changes.add(FieldChange.replacing("path", Values.quote(before.path()), Values.quote(path)));
      if (!before.content().equals(desired.content())) {
        changes.add(
            FieldChange.changed(
                FileResource.CONTENT,
                Values.show(before.content()),
                Values.show(desired.content())));
      }
      if (!before.mode().equals(desired.mode())) {
        changes.add(
            FieldChange.changed(
                FileResource.MODE, Values.quote(before.mode()), Values.quote(desired.mode())));
      }
      return new Diff(Action.REPLACE, changes, false, note);
    }
    if (!actual.isFile()) {
      return new Diff(Action.CREATE, fields(desired), true, "deleted outside Clockwork");
    }
    var changes = new ArrayList<FieldChange>();
    boolean drift = false;
    if (!actual.sha256().equals(desired.digest())) {
      String applied = previous.observed() != null ? previous.observed().sha256() : before.digest();
      boolean edited = !actual.sha256().equals(applied);
      drift |= edited;
      String was =
          edited && actual.text() != null
              ? Values.show(actual.text())
              : edited
                  ? "<edited outside Clockwork: "
                      + actual.size()
                      + " bytes"
                      + (desired.keyed() ? "" : ", sha256 " + actual.sha256().substring(0, 8))
                      + ">"
                  : Values.show(before.content());
      changes.add(FieldChange.changed(FileResource.CONTENT, was, Values.show(desired.content())));
    }
    if (actual.mode() != null && !actual.mode().equals(desired.mode())) {
      drift |= !actual.mode().equals(before.mode());
      changes.add(
          FieldChange.changed(
              FileResource.MODE, Values.quote(actual.mode()), Values.quote(desired.mode())));
    }
    if (changes.isEmpty()) return Diff.same();
    return new Diff(Action.UPDATE, changes, drift, null);
  }

  @Override
  public Outcome<FileObservation> create(
      FileSpec desired, Applied<FileSpec, FileObservation> previous, Operation operation)
      throws IOException {
    return write(desired, previous, operation);
  }

  @Override
  public Outcome<FileObservation> update(
      FileSpec desired, Applied<FileSpec, FileObservation> previous, Operation operation)
      throws IOException {
    return write(desired, previous, operation);
  }

  /** Writes the new file first, then removes what served only the old one. */
  @Override
  public Outcome<FileObservation> replace(
      FileSpec desired, Applied<FileSpec, FileObservation> previous, Operation operation)
      throws IOException {
    Outcome<FileObservation> written = write(desired, previous, operation);
    Path target = operation.project().dir().resolve(desired.path());
    var keep = new ArrayList<String>();
    var drop = new ArrayList<String>();
    for (String artifact : written.artifacts()) {
      Path at = operation.project().dir().resolve(path(artifact));
      boolean serves =
          artifact.startsWith(DIR)
              ? target.startsWith(at) && !target.equals(at)
              : target.equals(at);
      (serves ? keep : drop).add(artifact);
    }
    // a directory it made that still holds another resource's file stays its own, to remove later;
    // with the record of the old file, which shows a later delete that the directory is its own
    List<String> held = remove(drop.reversed(), Made.of(previous, written.artifacts()), operation);
    for (String artifact : drop) {
      if (!artifact.startsWith(CONTENT)) continue;
      Path old = operation.project().dir().resolve(path(artifact));
      if (held.stream().anyMatch(d -> old.startsWith(operation.project().dir().resolve(path(d)))))
        keep.add(artifact);
    }
    keep.addAll(held);
    return new Outcome<>(written.observed(), keep);
  }

  @Override
  public void delete(Applied<FileSpec, FileObservation> previous, Operation operation)
      throws IOException {
    remove(previous.artifacts().reversed(), Made.of(previous, previous.artifacts()), operation);
  }

  @Override
  public Removals removals(Applied<FileSpec, FileObservation> previous, Context context)
      throws IOException {
    Made made = Made.of(previous, previous.artifacts());
    var removed = new ArrayList<String>();
    var kept = new ArrayList<String>();
    var left = new ArrayList<Path>();
    for (String artifact : previous.artifacts().reversed()) {
      if (artifact.startsWith(CONTENT)) continue;
      Path at = context.project().dir().resolve(path(artifact));
      String reason = keptBecause(artifact, made, context);
      if (reason == null
          && artifact.startsWith(DIR)
          && left.stream().anyMatch(f -> f.startsWith(at))) {
        reason = "it holds what is left in place";
      }
      if (reason != null) left.add(at);
      if (reason == null) {
        removed.add(shown(artifact));
      } else {
        kept.add(shown(artifact) + " (" + reason + ")");
      }
    }
    return new Removals(removed, kept);
  }

  /**
   * What state says Clockwork made for a file resource, from which a delete decides what it may
   * remove.
   *
   * @param artifacts every artifact claimed
   * @param applied the path of the file last applied, or {@code null}
   * @param observed the digest observed after it was last applied, or {@code null}: what a state
   *     written before content records were kept has instead
   */
  private record Made(List<String> artifacts, String applied, String observed) {
    static Made of(Applied<FileSpec, FileObservation> previous, List<String> artifacts) {
      return new Made(
          artifacts,
          previous == null || previous.spec() == null ? null : previous.spec().path(),
          previous == null || previous.observed() == null ? null : previous.observed().sha256());
    }

    /** The digests of every content Clockwork wrote, or was about to write, at a path. */
    List<String> digestsAt(String file) {
      var digests =
          artifacts.stream()
              .filter(a -> a.startsWith(CONTENT) && FileWritingProvider.path(a).equals(file))
              .map(FileWritingProvider::digest)
              .toList();
      if (digests.isEmpty() && file.equals(applied) && observed != null) return List.of(observed);
      return digests;
    }

    /** Whether a directory is on the way to a file Clockwork wrote or was about to write. */
    boolean onTheWayToAFile(Path dir, Project project) {
      return artifacts.stream()
          .filter(a -> a.startsWith(FILE) || a.startsWith(CONTENT))
          .map(a -> project.dir().resolve(FileWritingProvider.path(a)))
          .anyMatch(file -> file.startsWith(dir) && !file.equals(dir));
    }
  }

  /** Why a delete leaves an artifact in place, or {@code null} when it may remove it. */
  private static String keptBecause(String artifact, Made made, Context context)
      throws IOException {
    Project project = context.project();
    Path at = project.dir().resolve(path(artifact));
    if (artifact.startsWith(ADOPTED))
      return "it was there before Clockwork, which never deletes it";
    if (artifact.startsWith(DIR)) {
      if (!made.onTheWayToAFile(at, project)) {
        return "state names it, but it is not on the way to a file Clockwork wrote";
      }
      return Files.isSymbolicLink(at) ? "it is a symbolic link now" : null;
    }
    if (!artifact.startsWith(FILE) || !Files.exists(at, LinkOption.NOFOLLOW_LINKS)) return null;
    if (Files.isSymbolicLink(at)) return "it is a symbolic link now, not the file Clockwork wrote";
    if (!Files.isRegularFile(at, LinkOption.NOFOLLOW_LINKS)) return "it is not a regular file now";
    List<String> digests = made.digestsAt(path(artifact));
    if (digests.isEmpty()) return "state has no record of what Clockwork wrote there";
    byte[] content = Files.readAllBytes(at);
    boolean wrote =
        digests.stream()
            .anyMatch(d -> d.equals(digest(content, d.startsWith(FileSpec.KEYED), context)));
    return wrote
        ? null
        : "its content is not what Clockwork wrote: changed since, or never its own";
  }

  /** An artifact as plans show it: {@code file scratch/notes.txt}, {@code dir scratch}. */
  private static String shown(String artifact) {
    return (artifact.startsWith(DIR) ? "dir " : "file ") + path(artifact);
  }

  private static Outcome<FileObservation> write(
      FileSpec desired, Applied<FileSpec, FileObservation> previous, Operation operation)
      throws IOException {
    Path projectDir = operation.project().dir();
    Path target = projectDir.resolve(desired.path());
    var owned = new ArrayList<String>(previous == null ? List.of() : previous.artifacts());
    boolean managed =
        owned.contains(FILE + desired.path()) || owned.contains(ADOPTED + desired.path());
    FileObservation now = observe(target, desired.keyed(), operation);
    if (now.isFile() && !managed) {
      if (!matches(now, desired)) {
        throw new IOException(
            desired.path()
                + " appeared since the plan and Clockwork did not create it: left as is");
      }
      claim(operation, owned, List.of(ADOPTED + desired.path()));
      return new Outcome<>(now, owned);
    }
    var claims = new ArrayList<String>();
    for (Path dir = target.getParent();
        dir != null && !Files.isDirectory(dir);
        dir = dir.getParent()) {
      claims.addFirst(DIR + operation.project().show(dir));
    }
    claims.add(FILE + desired.path());
    String written = content(desired.digest(), desired.path());
    claims.add(written);
    claim(operation, owned, claims);
    Files.createDirectories(target.getParent());
    if (!now.isFile() || !now.sha256().equals(desired.digest())) {
      writeContent(target, desired.written());
    }
    if (POSIX) Files.setPosixFilePermissions(target, permissions(desired.mode()));
    // what was written there before is gone now
    owned.removeIf(
        a -> a.startsWith(CONTENT) && !a.equals(written) && path(a).equals(desired.path()));
    return new Outcome<>(observe(target, desired.keyed(), operation), owned);
  }

  /** The record that Clockwork wrote content with this digest at this path. */
  private static String content(String digest, String path) {
    return CONTENT + digest + ":" + path;
  }

  /** The path an artifact is about. */
  private static String path(String artifact) {
    String rest = artifact.substring(artifact.indexOf(':') + 1);
    if (!artifact.startsWith(CONTENT)) return rest;
    String afterScheme =
        rest.startsWith(FileSpec.KEYED) ? rest.substring(FileSpec.KEYED.length()) : rest;
    return afterScheme.substring(afterScheme.indexOf(':') + 1);
  }

  /** The digest a content record holds. */
  private static String digest(String contentRecord) {
    String rest = contentRecord.substring(CONTENT.length());
    int scheme = rest.startsWith(FileSpec.KEYED) ? FileSpec.KEYED.length() : 0;
    return rest.substring(0, rest.indexOf(':', scheme));
  }

  /** Claims what is not claimed yet, so state says what may exist before it does. */
  private static void claim(Operation operation, List<String> owned, List<String> artifacts) {
    List<String> fresh = artifacts.stream().filter(a -> !owned.contains(a)).toList();
    if (fresh.isEmpty()) return;
    operation.claim(fresh);
    owned.addAll(fresh);
  }

  /** Writes content readable by the owner only until the declared mode is set. */
  private static void writeContent(Path target, String content) throws IOException {
    if (POSIX) {
      if (Files.exists(target)) {
        Files.setPosixFilePermissions(target, OWNER_ONLY);
      } else {
        Files.createFile(target, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      }
    }
    Files.writeString(target, content, StandardCharsets.UTF_8);
  }

  /**
   * Directories Clockwork made that could not be removed yet because another resource's file was
   * still in them. Resources sharing a directory are deleted in parallel, in no set order, so the
   * one whose file leaves last removes them: every removal tries these again.
   */
  private static final Set<Path> LEFT_FOR_LATER = new TreeSet<>(Comparator.reverseOrder());

  /**
   * Removes artifacts, files before directories and otherwise in the order given, each only while
   * it is still what Clockwork made (others are left, and the user told why); never a directory
   * with something left in it, and whatever is already gone counts as removed.
   *
   * @return the directories that are still there, having something in them
   */
  private static List<String> remove(List<String> artifacts, Made made, Context context)
      throws IOException {
    Project project = context.project();
    var left = new ArrayList<String>();
    var gone = new ArrayList<Path>();
    var dirs = new ArrayList<String>();
    // files first, each checked (read and digested) outside the lock, so that deletes run in
    // parallel; then the directories, which other resources' files may share, under it
    for (String artifact : artifacts) {
      if (artifact.startsWith(CONTENT)) continue;
      if (artifact.startsWith(DIR)) {
        dirs.add(artifact);
      } else if (mayRemove(artifact, made, context) && artifact.startsWith(FILE)) {
        Path at = project.dir().resolve(path(artifact));
        Files.deleteIfExists(at);
        gone.add(at);
      }
    }
    synchronized (LEFT_FOR_LATER) {
      for (String artifact : dirs) {
        if (!mayRemove(artifact, made, context)) continue;
        Path at = project.dir().resolve(path(artifact));
        if (removeIfEmpty(at)) {
          gone.add(at);
        } else {
          left.add(artifact);
          LEFT_FOR_LATER.add(at);
        }
      }
      // only a directory that something was removed from can have become empty: not all of them
      // again at each removal, which made destroying many files quadratic
      gone.forEach(FileWritingProvider::removeEmptied);
    }
    return left;
  }

  /** Whether a delete may remove an artifact; when not, the user is told why (unless adopted). */
  private static boolean mayRemove(String artifact, Made made, Context context) throws IOException {
    String reason = keptBecause(artifact, made, context);
    if (reason != null && !artifact.startsWith(ADOPTED)) {
      context.report("left " + shown(artifact) + " in place: " + reason);
    }
    return reason == null;
  }

  /** Removes the directories left for later above {@code path}, nearest first, while empty. */
  private static void removeEmptied(Path path) {
    for (Path dir = path.getParent();
        dir != null && LEFT_FOR_LATER.contains(dir);
        dir = dir.getParent()) {
      if (!removeIfEmpty(dir)) return;
      LEFT_FOR_LATER.remove(dir);
    }
  }

  /** Removes a directory unless something is in it; true when it is gone. */
  private static boolean removeIfEmpty(Path dir) {
    try {
      if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) Files.deleteIfExists(dir);
      return true;
    } catch (DirectoryNotEmptyException e) {
      return false; // another resource's file, or one that is not Clockwork's: leave it
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * What is at a path; a file's digest in the scheme its spec uses.
   *
   * @param keyed whether to digest its content under the project's key (a file with secrets)
   */
  static FileObservation observe(Path path, boolean keyed, Context context) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes =
          POSIX
              ? Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
              : Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return FileObservation.absent(blockage(path));
    } catch (FileSystemException e) {
      // "Not a directory": a file stands where a parent directory should be
      String blockage = blockage(path);
      if (blockage == null) throw e;
      return FileObservation.absent(blockage);
    }
    if (attributes.isDirectory()) return new FileObservation("directory", null, 0, null, null);
    if (attributes.isSymbolicLink()) return new FileObservation("symlink", null, 0, null, null);
    if (!attributes.isRegularFile()) return new FileObservation("other", null, 0, null, null);
    byte[] content = Files.readAllBytes(path);
    String mode =
        attributes instanceof PosixFileAttributes posix ? octal(posix.permissions()) : null;
    return new FileObservation(
        "file",
        digest(content, keyed, context),
        content.length,
        mode,
        null,
        keyed || content.length > FileObservation.LONGEST_TEXT ? null : text(content));
  }

  /** The bytes as UTF-8 text, or {@code null} when they are not. */
  private static String text(byte[] content) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .decode(java.nio.ByteBuffer.wrap(content))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return null;
    }
  }

  private static String digest(byte[] content, boolean keyed, Context context) {
    return keyed
        ? FileSpec.KEYED + context.keyedDigest(new String(content, StandardCharsets.UTF_8))
        : Values.sha256(content);
  }

  /** Why the directories for a file cannot be made, or null when they can. */
  private static String blockage(Path path) {
    for (Path dir = path.getParent(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir)) {
        return Files.isWritable(dir) ? null : dir + " is not writable";
      }
      if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        return dir + " is a file, not a directory";
      }
    }
    return null;
  }

  private static boolean matches(FileObservation actual, FileSpec desired) {
    return actual.sha256().equals(desired.digest())
        && (actual.mode() == null || actual.mode().equals(desired.mode()));
  }

  @Override
  public List<FieldChange> describe(FileSpec spec) {
    return fields(spec);
  }

  private static List<FieldChange> fields(FileSpec spec) {
    return List.of(
        FieldChange.added("path", Values.quote(spec.path())),
        FieldChange.added(FileResource.MODE, Values.quote(spec.mode())),
        FieldChange.added(FileResource.CONTENT, Values.show(spec.content())));
  }

  private static Set<PosixFilePermission> permissions(String mode) {
    int bits = Integer.parseInt(mode, 8);
    var permissions = new java.util.HashSet<PosixFilePermission>();
    PosixFilePermission[] all =
        PosixFilePermission.values(); // OWNER_READ first, OTHERS_EXECUTE last
    for (int i = 0; i < all.length; i++) {
      if ((bits & (0400 >> i)) != 0) permissions.add(all[i]);
    }
    return permissions;
  }

  private static String octal(Set<PosixFilePermission> permissions) {
    int bits = 0;
    for (PosixFilePermission permission : permissions) bits |= 0400 >> permission.ordinal();
    // three digits, as a mode is written; String.format was a tenth of a 10 000-file plan's time
    String digits = Integer.toOctalString(bits);
    return "0".repeat(3 - digits.length()) + digits;
  }
}
