package clockwork.assertions;

import clockwork.Assertion;
import clockwork.Check;
import clockwork.Target;
import java.nio.file.Files;

/** The file system holding a path has at least this much free space, such as "500MB". */
public final class DiskSpaceAssert extends Assertion {
  private final String path;
  private final long minFree;

  public DiskSpaceAssert(String path, String minFree) {
    this.path = Paths.required("DiskSpaceAssert", path);
    this.minFree = Sizes.parse("DiskSpaceAssert", minFree);
  }

  @Override
  public String describe() {
    return path + " has ≥ " + Sizes.show(minFree) + " free";
  }

  @Override
  public Check check(Target target) throws Exception {
    long free = Files.getFileStore(target.path(path)).getUsableSpace();
    return free >= minFree
        ? Check.pass(Sizes.show(free) + " free")
        : Check.fail("expected at least " + Sizes.show(minFree) + " free, got " + Sizes.show(free));
  }
}
