package clockwork.assertions;

import clockwork.Assertion;
import clockwork.Check;
import clockwork.Target;
import java.net.URI;
import java.net.http.HttpTimeoutException;

/** A GET is answered (with any status) within a number of milliseconds. */
public final class ResponseTimeAssert extends Assertion {
  private final URI url;
  private final long maxMs;

  public ResponseTimeAssert(String url, long maxMs) {
    this.url = Http.url("ResponseTimeAssert", url);
    if (maxMs <= 0) {
      throw new IllegalArgumentException(
          "ResponseTimeAssert: maxMs " + maxMs + " must be positive, such as 500");
    }
    this.maxMs = maxMs;
  }

  @Override
  public String describe() {
    return "GET " + url + " within " + maxMs + " ms";
  }

  @Override
  public Check check(Target target) throws Exception {
    long start = System.nanoTime();
    int status;
    try {
      status = Http.send(url, "GET", null, true, attemptTimeout()).statusCode();
    } catch (HttpTimeoutException e) {
      return Check.fail(
          "expected an answer within "
              + maxMs
              + " ms, none in "
              + attemptTimeout().toSeconds()
              + " s");
    }
    long took = (System.nanoTime() - start) / 1_000_000;
    return took <= maxMs
        ? Check.pass("status " + status + " in " + took + " ms")
        : Check.fail("expected an answer within " + maxMs + " ms, took " + took + " ms");
  }
}
