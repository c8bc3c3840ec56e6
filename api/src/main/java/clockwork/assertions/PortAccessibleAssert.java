package clockwork.assertions;

import clockwork.Assertion;
import clockwork.Check;
import clockwork.Target;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.List;

/**
 * Something accepts connections on a port, from where Clockwork runs: {@code tcp} (the default)
 * connects; {@code udp} sends an empty datagram and passes unless the host answers that nothing
 * listens there (UDP cannot tell "open" from "silently dropped", as {@code nmap} says too).
 */
public final class PortAccessibleAssert extends Assertion {
  private final int port;
  private final String host;
  private final String protocol;

  public PortAccessibleAssert(int port) {
    this(port, "localhost");
  }

  public PortAccessibleAssert(int port, String host) {
    this(port, host, "tcp");
  }

  public PortAccessibleAssert(int port, String host, String protocol) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(
          "PortAccessibleAssert: port " + port + " is not a port: give 1 to 65535");
    }
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException(
          "PortAccessibleAssert: host \"" + host + "\" is empty: give one such as \"localhost\"");
    }
    if (!List.of("tcp", "udp").contains(protocol)) {
      throw new IllegalArgumentException(
          "PortAccessibleAssert: protocol \"" + protocol + "\" is neither \"tcp\" nor \"udp\"");
    }
    this.port = port;
    this.host = host;
    this.protocol = protocol;
  }

  @Override
  public String describe() {
    return host + ":" + port + "/" + protocol;
  }

  @Override
  public Check check(Target target) throws Exception {
    int timeout = (int) attemptTimeout().toMillis();
    if (protocol.equals("tcp")) {
      try (var socket = new Socket()) {
        socket.connect(new InetSocketAddress(host, port), timeout);
        return Check.pass("accepts connections");
      }
    }
    // a connected channel learns of the host's "port unreachable" answer on its next read
    try (var channel = unlike(port)) {
      channel.connect(new InetSocketAddress(host, port));
      channel.configureBlocking(false);
      channel.write(ByteBuffer.allocate(1));
      long deadline = System.nanoTime() + Duration.ofMillis(Math.min(timeout, 1000)).toNanos();
      while (System.nanoTime() < deadline) {
        if (channel.read(ByteBuffer.allocate(512)) > 0) return Check.pass("answered a datagram");
        Thread.sleep(20);
      }
      return Check.pass("open or filtered: no answer, and no refusal");
    } catch (PortUnreachableException e) {
      return Check.fail("nothing listens: the host says the port is unreachable");
    }
  }

  /**
   * A channel on a local port other than {@code port}: one that the system gives the very port
   * being checked (just freed, say) would talk to itself and read its own datagram as an answer.
   */
  private static DatagramChannel unlike(int port) throws IOException {
    DatagramChannel channel = DatagramChannel.open().bind(null);
    if (((InetSocketAddress) channel.getLocalAddress()).getPort() != port) return channel;
    try (channel) {
      return DatagramChannel.open().bind(null); // while the first holds that port
    }
  }
}
