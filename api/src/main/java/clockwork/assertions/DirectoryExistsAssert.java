package clockwork.assertions;

import clockwork.Assertion;
import clockwork.Check;
import clockwork.Target;
import java.nio.file.Files;
import java.nio.file.Path;

/** A directory exists; a relative path is relative to the project. */
public final class DirectoryExistsAssert extends Assertion {
  private final String path;

  public DirectoryExistsAssert(String path) {
    this.path = Paths.required("DirectoryExistsAssert", path);
  }

  @Override
  public String describe() {
    return path;
  }

  @Override
  public Check check(Target target) {
    Path dir = target.path(path);
    if (Files.isDirectory(dir)) return Check.pass("exists");
    return Check.fail(Files.exists(dir) ? "is a file, not a directory" : "does not exist");
  }
}
