package clockwork.engine.provider.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * What a build sends the engine: the files of a context directory that its {@code .dockerignore}
 * leaves in (the Dockerfile always), each with a digest of its content and whether it is
 * executable, so that a plan can tell, and name, what changed since the last build; and the same
 * files as the tar archive the engine builds from.
 *
 * @param dir the context directory
 * @param files the digest of each file and symbolic link, by its path in the context
 * @param directories the directories sent, by their path in the context
 */
record BuildContext(Path dir, SortedMap<String, String> files, List<String> directories) {
  static final String IGNORE_FILE = ".dockerignore";

  /**
   * Reads a context.
   *
   * @param dockerfile the Dockerfile's path in the context, sent whatever {@code .dockerignore}
   *     says
   * @param never paths in the context never sent, whatever {@code .dockerignore} says
   * @throws IOException when the directory cannot be read
   */
  static BuildContext read(Path dir, String dockerfile, Predicate<Path> never) throws IOException {
    Path ignoreFile = dir.resolve(IGNORE_FILE);
    var ignore =
        DockerIgnore.parse(Files.isRegularFile(ignoreFile) ? Files.readString(ignoreFile) : null);
    var files = new TreeMap<String, String>();
    var directories = new TreeSet<String>();
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path path, BasicFileAttributes attributes) {
            if (path.equals(dir)) return FileVisitResult.CONTINUE;
            if (never.test(path)) return FileVisitResult.SKIP_SUBTREE;
            String name = relative(dir, path);
            if (!ignore.excludes(name)) directories.add(name);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path path, BasicFileAttributes attributes)
              throws IOException {
            String name = relative(dir, path);
            if (never.test(path) || ignore.excludes(name) && !name.equals(dockerfile)) {
              return FileVisitResult.CONTINUE;
            }
            if (attributes.isSymbolicLink()) {
              files.put(name, "link:" + Files.readSymbolicLink(path));
            } else if (attributes.isRegularFile()) {
              files.put(name, digest(path));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return new BuildContext(dir, files, List.copyOf(directories));
  }

  /** The files that differ between two contexts: added, changed and removed, by path. */
  static List<String> changed(SortedMap<String, String> before, SortedMap<String, String> now) {
    var changed = new ArrayList<String>();
    now.forEach(
        (path, digest) -> {
          if (!before.containsKey(path)) changed.add(path + " (added)");
          else if (!before.get(path).equals(digest)) changed.add(path);
        });
    before.keySet().stream()
        .filter(path -> !now.containsKey(path))
        .forEach(path -> changed.add(path + " (removed)"));
    return changed;
  }

  /** Writes the context as a tar archive: directories, then files, as the digests say they are. */
  void writeTar(OutputStream out) throws IOException {
    try (var tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (String name : directories) {
        var entry = new TarArchiveEntry(dir.resolve(name), name + "/", LinkOption.NOFOLLOW_LINKS);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
      }
      for (String name : files.keySet()) {
        Path path = dir.resolve(name);
        if (Files.isSymbolicLink(path)) {
          var entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
          entry.setLinkName(Files.readSymbolicLink(path).toString());
          tar.putArchiveEntry(entry);
        } else {
          var entry = new TarArchiveEntry(path, name, LinkOption.NOFOLLOW_LINKS);
          tar.putArchiveEntry(entry);
          try (InputStream in = Files.newInputStream(path)) {
            in.transferTo(tar);
          }
        }
        tar.closeArchiveEntry();
      }
    }
  }

  private static String relative(Path dir, Path path) {
    var parts = new ArrayList<String>();
    dir.relativize(path).forEach(part -> parts.add(part.toString()));
    return String.join("/", parts);
  }

  /** The first 16 hex digits of the content's SHA-256, and {@code +x} for an executable file. */
  private static String digest(Path file) throws IOException {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    String content = HexFormat.of().formatHex(sha256.digest()).substring(0, 16);
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
    return permissions.contains(PosixFilePermission.OWNER_EXECUTE) ? content + "+x" : content;
  }
}
