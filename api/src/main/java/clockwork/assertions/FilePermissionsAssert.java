package clockwork.assertions;

import clockwork.Assertion;
import clockwork.Check;
import clockwork.Target;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** A file or directory has exactly these permissions, as three octal digits such as "600". */
public final class FilePermissionsAssert extends Assertion {
  private final String path;
  private final String mode;

  public FilePermissionsAssert(String path, String mode) {
    this.path = Paths.required("FilePermissionsAssert", path);
    if (mode == null || !mode.matches("0?[0-7]{3}")) {
      throw new IllegalArgumentException(
          "FilePermissionsAssert: mode \"" + mode + "\" is not three octal digits such as \"644\"");
    }
    this.mode = mode.substring(mode.length() - 3);
  }

  @Override
  public String describe() {
    return path + " has mode " + mode;
  }

  @Override
  public Check check(Target target) throws Exception {
    String actual = octal(Files.getPosixFilePermissions(target.path(path)));
    return actual.equals(mode)
        ? Check.pass("mode " + actual)
        : Check.fail("expected mode " + mode + ", got " + actual);
  }

  private static String octal(Set<PosixFilePermission> permissions) {
    int bits = 0;
    for (PosixFilePermission permission : permissions) {
      bits |= 1 << (8 - permission.ordinal());
    }
    return String.format("%03o", bits);
  }
}
