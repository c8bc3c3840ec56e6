package clockwork.assertions;

import clockwork.Assertion;
import clockwork.Check;
import clockwork.Target;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * An HTTPS server's certificate stays valid for at least a number of days. The certificate is read
 * whoever signed it (a self-signed one too): this checks expiry, not trust.
 */
public final class SslCertificateAssert extends Assertion {
  private final URI url;
  private final int minDaysValid;

  public SslCertificateAssert(String url, int minDaysValid) {
    this.url = Http.url("SslCertificateAssert", url);
    if (!url.startsWith("https:")) {
      throw new IllegalArgumentException(
          "SslCertificateAssert: \"" + url + "\" is not an https URL");
    }
    this.minDaysValid = minDaysValid;
  }

  @Override
  public String describe() {
    return url.getHost() + " valid ≥ " + minDaysValid + " days";
  }

  @Override
  public Check check(Target target) throws Exception {
    var context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {new ReadOnly()}, null);
    int port = url.getPort() < 0 ? 443 : url.getPort();
    try (var socket = (SSLSocket) context.getSocketFactory().createSocket()) {
      socket.connect(new InetSocketAddress(url.getHost(), port), (int) attemptTimeout().toMillis());
      socket.startHandshake();
      var certificate = (X509Certificate) socket.getSession().getPeerCertificates()[0];
      long days = Duration.between(Instant.now(), certificate.getNotAfter().toInstant()).toDays();
      String seen =
          "valid for " + days + " more days (until " + certificate.getNotAfter().toInstant() + ")";
      return days >= minDaysValid
          ? Check.pass(seen)
          : Check.fail("expected at least " + minDaysValid + " days, " + seen);
    }
  }

  /** Accepts any certificate, so that its dates can be read. */
  private static final class ReadOnly implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
