package clockwork.assertions;

import clockwork.Assertion;
import clockwork.Check;
import clockwork.Target;
import java.net.URI;

/**
 * An HTTP endpoint answers a GET with the expected status (200 unless told), following redirects:
 *
 * <pre>{@code
 * new HealthcheckAssert("http://localhost:8000/health")
 * new HealthcheckAssert("http://localhost:8000/health", 204, 20)
 * }</pre>
 */
public final class HealthcheckAssert extends Assertion {
  private final URI url;
  private final int expectedStatus;

  public HealthcheckAssert(String url) {
    this(url, 200);
  }

  public HealthcheckAssert(String url, int expectedStatus) {
    this.url = Http.url("HealthcheckAssert", url);
    this.expectedStatus = expectedStatus;
  }

  public HealthcheckAssert(String url, int expectedStatus, int timeoutSeconds) {
    this(url, expectedStatus);
    timeoutSeconds(timeoutSeconds);
  }

  @Override
  public String describe() {
    return "GET " + url + " → " + expectedStatus;
  }

  @Override
  public Check check(Target target) throws Exception {
    int status = Http.send(url, "GET", null, true, attemptTimeout()).statusCode();
    return status == expectedStatus
        ? Check.pass("status " + status)
        : Check.fail("expected status " + expectedStatus + ", got " + status);
  }
}
