package clockwork.assertions;

import clockwork.Assertion;
import clockwork.Check;
import clockwork.Target;
import java.net.URI;

/**
 * A request gets exactly the expected status, without following redirects, so that a redirect
 * itself can be checked:
 *
 * <pre>{@code
 * new HttpStatusAssert("http://localhost:8080/old", 301)
 * new HttpStatusAssert("http://localhost:8080/items", "POST", 405)
 * }</pre>
 */
public final class HttpStatusAssert extends Assertion {
  private final URI url;
  private final String method;
  private final int expectedStatus;

  public HttpStatusAssert(String url, int expectedStatus) {
    this(url, "GET", expectedStatus);
  }

  public HttpStatusAssert(String url, String method, int expectedStatus) {
    this.url = Http.url("HttpStatusAssert", url);
    if (method == null || !method.matches("[A-Z]+")) {
      throw new IllegalArgumentException(
          "HttpStatusAssert: method \"" + method + "\" is not an HTTP method such as \"GET\"");
    }
    this.method = method;
    this.expectedStatus = expectedStatus;
  }

  @Override
  public String describe() {
    return method + " " + url + " → " + expectedStatus;
  }

  @Override
  public Check check(Target target) throws Exception {
    int status = Http.send(url, method, null, false, attemptTimeout()).statusCode();
    return status == expectedStatus
        ? Check.pass("status " + status)
        : Check.fail("expected status " + expectedStatus + ", got " + status);
  }
}
