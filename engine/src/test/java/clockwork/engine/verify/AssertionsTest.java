package clockwork.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clockwork.Assertion;
import clockwork.Check;
import clockwork.Containers;
import clockwork.Resource;
import clockwork.Target;
import clockwork.assertions.CustomAssert;
import clockwork.assertions.DatabaseConnectionAssert;
import clockwork.assertions.DirectoryExistsAssert;
import clockwork.assertions.DiskSpaceAssert;
import clockwork.assertions.DnsResolveAssert;
import clockwork.assertions.FileContentMatchesAssert;
import clockwork.assertions.FileExistsAssert;
import clockwork.assertions.FilePermissionsAssert;
import clockwork.assertions.FileSizeAssert;
import clockwork.assertions.HealthcheckAssert;
import clockwork.assertions.HttpStatusAssert;
import clockwork.assertions.PortAccessibleAssert;
import clockwork.assertions.ProcessRunningAssert;
import clockwork.assertions.QuerySuccessAssert;
import clockwork.assertions.ResponseTimeAssert;
import clockwork.assertions.RowCountAssert;
import clockwork.assertions.SslCertificateAssert;
import clockwork.assertions.TableExistsAssert;
import clockwork.assertions.WorkflowAssert;
import clockwork.resources.FileResource;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every built-in assertion that needs no container, passing and failing against real targets: an
 * HTTP server with a redirect and a slow endpoint, an HTTPS server with a certificate made here,
 * files with set permissions, a process, DNS, and the PostgreSQL server that bin/test starts.
 */
class AssertionsTest {
  /** The role and database bin/test gives the local PostgreSQL server. */
  static final String DB =
      System.getProperty(
          "clockwork.test.postgres",
          "jdbc:postgresql://127.0.0.1:5432/clockwork_test?user=clockwork_test&password=clockwork_test");

  @TempDir static Path dir;
  private static HttpServer http;
  private static HttpsServer https;
  private static String base;

  @BeforeAll
  static void servers() throws Exception {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/ok", exchange -> reply(exchange, 200, "fine"));
    http.createContext("/broken", exchange -> reply(exchange, 502, "bad gateway"));
    http.createContext(
        "/old",
        exchange -> {
          exchange.getResponseHeaders().set("Location", "/ok");
          reply(exchange, 302, "");
        });
    http.createContext(
        "/slow",
        exchange -> {
          sleep(Duration.ofMillis(1500));
          reply(exchange, 200, "late");
        });
    http.createContext(
        "/items",
        exchange ->
            reply(exchange, exchange.getRequestMethod().equals("POST") ? 201 : 200, "items"));
    http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    http.start();
    base = "http://127.0.0.1:" + http.getAddress().getPort();

    https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(selfSigned(10)));
    https.createContext("/", exchange -> reply(exchange, 200, "secure"));
    https.start();
  }

  @AfterAll
  static void stop() {
    http.stop(0);
    https.stop(0);
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A TLS context with a self-signed certificate for localhost, made with the JDK's keytool. */
  private static SSLContext selfSigned(int days) throws Exception {
    Path keystore = dir.resolve("server.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                Integer.toString(days),
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore",
                keystore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    var store = KeyStore.getInstance("PKCS12");
    try (var in = new FileInputStream(keystore.toFile())) {
      store.load(in, "changeit".toCharArray());
    }
    var keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, "changeit".toCharArray());
    var context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  /** A target with no containers: these assertions never need one. */
  private static Target target() {
    Resource resource = new FileResource("subject").content("x");
    return new Target() {
      @Override
      public String id() {
        return "subject";
      }

      @Override
      public Resource resource() {
        return resource;
      }

      @Override
      public Map<String, Object> deployed() {
        return Map.of();
      }

      @Override
      public Path projectDir() {
        return dir;
      }

      @Override
      public String idOf(Resource other) {
        return other.name();
      }

      @Override
      public Containers containersOf(Resource other) {
        throw new AssertionError("no container is needed");
      }
    };
  }

  private static AssertionResult verify(Assertion assertion) {
    return new Verifier()
        .verify(List.of(new Subject(target(), List.of(assertion), null)))
        .getFirst();
  }

  private static void passes(Assertion assertion, String observation) {
    AssertionResult result = verify(assertion);
    assertThat(result.passed()).as(result.toString()).isTrue();
    assertThat(result.observation()).contains(observation);
  }

  private static void fails(Assertion assertion, String observation) {
    AssertionResult result = verify(assertion.timeoutSeconds(1));
    assertThat(result.passed()).as(result.toString()).isFalse();
    assertThat(result.observation()).contains(observation).endsWith(" s");
  }

  @Test
  void healthcheck_followsRedirects_andReportsTheStatusItGot() {
    passes(new HealthcheckAssert(base + "/ok"), "status 200");
    passes(new HealthcheckAssert(base + "/old"), "status 200");
    fails(new HealthcheckAssert(base + "/broken"), "expected status 200, got 502 after 1.");
    fails(new HealthcheckAssert("http://127.0.0.1:" + closedPort() + "/"), "connection refused");
  }

  @Test
  void httpStatus_seesTheRedirectItself() {
    passes(new HttpStatusAssert(base + "/old", 302), "status 302");
    fails(new HttpStatusAssert(base + "/old", 200), "expected status 200, got 302");
    passes(new HttpStatusAssert(base + "/items", "POST", 201), "status 201");
  }

  @Test
  void responseTime_measuresTheSlowEndpoint() {
    passes(new ResponseTimeAssert(base + "/ok", 1000), "status 200 in ");
    fails(new ResponseTimeAssert(base + "/slow", 200), "expected an answer within 200 ms, ");
  }

  @Test
  void sslCertificate_readsTheSelfSignedCertificatesDates() {
    String url = "https://localhost:" + https.getAddress().getPort() + "/";
    passes(new SslCertificateAssert(url, 5), "valid for 9 more days");
    fails(new SslCertificateAssert(url, 30), "expected at least 30 days, valid for 9 more days");
  }

  @Test
  void portAccessible_tcpAndUdp() throws IOException {
    passes(new PortAccessibleAssert(http.getAddress().getPort(), "127.0.0.1"), "accepts");
    fails(new PortAccessibleAssert(closedPort(), "127.0.0.1"), "connection refused");
    try (var listening = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      passes(new PortAccessibleAssert(listening.getLocalPort(), "127.0.0.1", "udp"), "no refusal");
    }
    int closed;
    try (var socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    fails(new PortAccessibleAssert(closed, "127.0.0.1", "udp"), "nothing listens");
  }

  @Test
  void dnsResolve() {
    passes(new DnsResolveAssert("localhost"), "resolves to");
    passes(new DnsResolveAssert("localhost", "127.0.0.1"), "127.0.0.1");
    fails(new DnsResolveAssert("localhost", "10.9.9.9"), "expected 10.9.9.9, resolves to");
    fails(new DnsResolveAssert("no-such-host.invalid"), "unknown host no-such-host.invalid");
  }

  @Test
  void files_existenceContentPermissionsSizeAndDirectories() throws IOException {
    Path file = dir.resolve("config/app.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "port: 8080\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    passes(new FileExistsAssert("config/app.yaml"), "exists");
    fails(new FileExistsAssert("config"), "is a directory, not a file");
    fails(new FileExistsAssert("config/missing.yaml"), "does not exist");
    passes(new FileContentMatchesAssert("config/app.yaml", "port: \\d+"), "matches");
    fails(new FileContentMatchesAssert("config/app.yaml", "host:"), "no match for /host:/");
    passes(
        FileContentMatchesAssert.sha256("config/app.yaml", sha256("port: 8080\n")),
        "sha256 matches");
    fails(
        FileContentMatchesAssert.sha256("config/app.yaml", "0".repeat(64)), "expected sha256 0000");
    passes(new FilePermissionsAssert("config/app.yaml", "600"), "mode 600");
    fails(new FilePermissionsAssert("config/app.yaml", "644"), "expected mode 644, got 600");
    passes(new FileSizeAssert("config/app.yaml", 1, 100), "11 bytes");
    fails(new FileSizeAssert("config/app.yaml", 100, 200), "expected 100 to 200 bytes, got 11");
    passes(new DirectoryExistsAssert("config"), "exists");
    fails(new DirectoryExistsAssert("config/app.yaml"), "is a file, not a directory");
    passes(new DiskSpaceAssert(".", "1K"), "free");
    fails(new DiskSpaceAssert(".", "1000T"), "expected at least 1000.0 TiB free");
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void processRunning_onThisMachine() throws Exception {
    Process sleeper = new ProcessBuilder("sleep", "4242").start();
    try {
      passes(new ProcessRunningAssert("sleep 4242"), "running");
      fails(new ProcessRunningAssert("no-such-process-4242"), "runs \"no-such-process-4242\"");
    } finally {
      sleeper.destroy();
    }
  }

  @Test
  void custom_passesFailsAndSurvivesExceptions() {
    passes(new CustomAssert("always", target -> Check.pass("yes")), "yes");
    fails(new CustomAssert("never", target -> Check.fail("no")), "no after");
    fails(
        new CustomAssert(
            "broken",
            target -> {
              throw new IllegalStateException("the check broke");
            }),
        "the check broke");
    passes(
        new CustomAssert(
            "sees the project",
            target -> Check.of(target.projectDir().equals(dir), "in " + target.projectDir())),
        "in ");
  }

  @Test
  void anAssertionKeepsCheckingUntilItPasses() {
    long start = System.nanoTime();
    var ready =
        new CustomAssert(
            "ready after a second",
            target -> Check.of(System.nanoTime() - start > 1_000_000_000L, "waited"));
    AssertionResult result = verify(ready.interval(Duration.ofMillis(100)));
    assertThat(result.passed()).isTrue();
    assertThat(result.checks()).isGreaterThan(3);
  }

  @Test
  void database_connectionTablesRowsAndQueries() throws Exception {
    String table = "assert_test_" + ProcessHandle.current().pid();
    try (var connection = DriverManager.getConnection(DB);
        var statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS " + table);
      statement.execute("CREATE TABLE " + table + " (id int)");
      statement.execute("INSERT INTO " + table + " VALUES (1), (2), (3)");
    }
    try {
      passes(new DatabaseConnectionAssert(DB), "connected to PostgreSQL");
      String wrong = DB.replace("password=clockwork_test", "password=wrong");
      AssertionResult refused = verify(new DatabaseConnectionAssert(wrong).timeoutSeconds(1));
      assertThat(refused.passed()).isFalse();
      assertThat(refused.observation()).contains("password authentication failed");
      assertThat(refused.description()).contains("password=***").doesNotContain("wrong");

      passes(new TableExistsAssert(DB, table), "exists");
      fails(new TableExistsAssert(DB, "no_such_table"), "no table no_such_table");
      passes(new RowCountAssert(DB, table, 3, 3), "3 rows");
      fails(new RowCountAssert(DB, table, 5), "expected at least 5 rows, got 3");
      passes(new QuerySuccessAssert(DB, "SELECT max(id) FROM " + table), "returned rows");
      fails(new QuerySuccessAssert(DB, "SELEC 1"), "syntax error");

      passes(
          new WorkflowAssert("an item is stored")
              .post(base + "/items", "{\"id\": 4}", 201)
              .get(base + "/items", 200)
              .sql(DB, "SELECT count(*) FROM " + table, "3"),
          "3 steps passed");
      fails(
          new WorkflowAssert("broken in the middle")
              .get(base + "/items", 200)
              .get(base + "/broken", 200)
              .sql(DB, "SELECT 1", "1"),
          "step 2 (GET " + base + "/broken → 200): expected status 200, got 502");
    } finally {
      try (var connection = DriverManager.getConnection(DB);
          var statement = connection.createStatement()) {
        statement.execute("DROP TABLE IF EXISTS " + table);
      }
    }
  }

  @Test
  void badArguments_areRefusedWhenDeclared_quotingThem() {
    assertThatThrownBy(() -> new HealthcheckAssert("localhost:8080/health"))
        .hasMessage(
            "HealthcheckAssert: \"localhost:8080/health\" is not an HTTP URL: write one such as"
                + " \"http://localhost:8080/health\"");
    assertThatThrownBy(() -> new PortAccessibleAssert(70000))
        .hasMessage("PortAccessibleAssert: port 70000 is not a port: give 1 to 65535");
    assertThatThrownBy(() -> new PortAccessibleAssert(53, "localhost", "icmp"))
        .hasMessage("PortAccessibleAssert: protocol \"icmp\" is neither \"tcp\" nor \"udp\"");
    assertThatThrownBy(() -> new FilePermissionsAssert("a", "rw-r--r--"))
        .hasMessage(
            "FilePermissionsAssert: mode \"rw-r--r--\" is not three octal digits such as \"644\"");
    assertThatThrownBy(() -> new DiskSpaceAssert("/", "lots"))
        .hasMessage(
            "DiskSpaceAssert: \"lots\" is not a size: write bytes or a unit, such as \"500MB\"");
    assertThatThrownBy(() -> new DatabaseConnectionAssert("postgres://x:secret@db/app"))
        .hasMessageContaining("is not a JDBC URL");
    assertThatThrownBy(() -> new RowCountAssert(DB, "orders; DROP TABLE x", 1))
        .hasMessageContaining("is not a table name");
    assertThatThrownBy(() -> new HealthcheckAssert(base + "/ok").timeoutSeconds(-1))
        .hasMessageContaining("timeoutSeconds -1 is negative");
  }

  private static int closedPort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
