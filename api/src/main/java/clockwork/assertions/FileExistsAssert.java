package clockwork.assertions;

import clockwork.Assertion;
import clockwork.Check;
import clockwork.Target;
import java.nio.file.Files;
import java.nio.file.Path;

/** A regular file (not a directory) exists; a relative path is relative to the project. */
public final class FileExistsAssert extends Assertion {
  private final String path;

  public FileExistsAssert(String path) {
    this.path = Paths.required("FileExistsAssert", path);
  }

  @Override
  public String describe() {
    return path;
  }

  @Override
  public Check check(Target target) {
    Path file = target.path(path);
    if (Files.isRegularFile(file)) return Check.pass("exists");
    return Check.fail(Files.isDirectory(file) ? "is a directory, not a file" : "does not exist");
  }
}
