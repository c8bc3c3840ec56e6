package clockwork.assertions;

import clockwork.Assertion;
import clockwork.Check;
import clockwork.Target;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

/** A host name resolves, from where Clockwork runs; to a given address when one is given. */
public final class DnsResolveAssert extends Assertion {
  private final String hostname;
  private final String expectedIp;

  public DnsResolveAssert(String hostname) {
    this(hostname, null);
  }

  public DnsResolveAssert(String hostname, String expectedIp) {
    if (hostname == null || hostname.isBlank()) {
      throw new IllegalArgumentException(
          "DnsResolveAssert: hostname \""
              + hostname
              + "\" is empty: give one such as \"db.local\"");
    }
    this.hostname = hostname;
    this.expectedIp = expectedIp;
  }

  @Override
  public String describe() {
    return hostname + (expectedIp == null ? "" : " → " + expectedIp);
  }

  @Override
  public Check check(Target target) throws Exception {
    List<String> addresses =
        Arrays.stream(InetAddress.getAllByName(hostname)).map(InetAddress::getHostAddress).toList();
    if (expectedIp == null || addresses.contains(expectedIp)) {
      return Check.pass("resolves to " + String.join(", ", addresses));
    }
    return Check.fail("expected " + expectedIp + ", resolves to " + String.join(", ", addresses));
  }
}
