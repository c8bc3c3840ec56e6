package clockwork.assertions;

import clockwork.Assertion;
import clockwork.Check;
import clockwork.Containers;
import clockwork.Resource;
import clockwork.Target;

/**
 * One container reaches another on a port from inside their network (not from the host), with
 * {@code nc} in the first container:
 *
 * <pre>{@code
 * api.assertions(new ServiceConnectivityAssert(api, db, 5432))
 * }</pre>
 */
public final class ServiceConnectivityAssert extends Assertion {
  private final Resource from;
  private final Resource to;
  private final int port;

  public ServiceConnectivityAssert(Resource from, Resource to, int port) {
    if (from == null || to == null) {
      throw new IllegalArgumentException(
          "ServiceConnectivityAssert: give both containers, not null");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(
          "ServiceConnectivityAssert: port " + port + " is not a port: give 1 to 65535");
    }
    this.from = from;
    this.to = to;
    this.port = port;
  }

  @Override
  public String describe() {
    return from.name() + " → " + to.name() + ":" + port;
  }

  @Override
  public Check check(Target target) throws Exception {
    String source = target.containerOf(from);
    String destination = target.containerOf(to);
    // busybox's nc has no -z: fall back to connecting with nothing to send
    Containers.Exec exec =
        target
            .containersOf(from)
            .exec(
                source,
                "sh",
                "-c",
                "nc -z -w 2 %1$s %2$d 2>/dev/null || nc -w 2 %1$s %2$d </dev/null"
                    .formatted(destination, port));
    return exec.exitCode() == 0
        ? Check.pass("reaches " + destination + ":" + port)
        : Check.fail(
            "cannot reach "
                + destination
                + ":"
                + port
                + " from "
                + source
                + (exec.output().isBlank() ? "" : ": " + exec.output().strip()));
  }
}
