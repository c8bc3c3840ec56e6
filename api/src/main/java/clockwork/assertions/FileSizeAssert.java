package clockwork.assertions;

import clockwork.Assertion;
import clockwork.Check;
import clockwork.Target;
import java.nio.file.Files;

/** A file's size is between a minimum and a maximum, in bytes, both included. */
public final class FileSizeAssert extends Assertion {
  private final String path;
  private final long min;
  private final long max;

  public FileSizeAssert(String path, long min, long max) {
    this.path = Paths.required("FileSizeAssert", path);
    if (min < 0 || max < min) {
      throw new IllegalArgumentException(
          "FileSizeAssert: " + min + " to " + max + " bytes is not a range: give 0 ≤ min ≤ max");
    }
    this.min = min;
    this.max = max;
  }

  @Override
  public String describe() {
    return path + " is " + min + " to " + max + " bytes";
  }

  @Override
  public Check check(Target target) throws Exception {
    long size = Files.size(target.path(path));
    return size >= min && size <= max
        ? Check.pass(size + " bytes")
        : Check.fail("expected " + min + " to " + max + " bytes, got " + size);
  }
}
