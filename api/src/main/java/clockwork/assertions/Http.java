package clockwork.assertions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** HTTP for the assertions that make requests. */
final class Http {
  private static final HttpClient FOLLOWING =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final HttpClient EXACT =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private Http() {}

  /**
   * Checks a URL as an assertion is constructed.
   *
   * @throws IllegalArgumentException quoting it, when it is not an http or https URL
   */
  static URI url(String assertion, String url) {
    if (url != null) {
      try {
        URI uri = URI.create(url);
        if (List.of("http", "https").contains(uri.getScheme()) && uri.getHost() != null) {
          return uri;
        }
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException(
        assertion
            + ": \""
            + url
            + "\" is not an HTTP URL: write one such as \"http://localhost:8080/health\"");
  }

  /** Sends a request and reads the whole answer as text. */
  static HttpResponse<String> send(
      URI url, String method, String body, boolean followRedirects, Duration timeout)
      throws Exception {
    var request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    return (followRedirects ? FOLLOWING : EXACT)
        .send(request, HttpResponse.BodyHandlers.ofString());
  }
}
