package clockwork.engine.provider.docker;

import clockwork.engine.provider.container.PortMapping;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which host ports a container would publish that something else already holds, so that a plan says
 * so before Docker fails halfway through an apply. Ports its own container (or the replacement an
 * interrupted replace left) publishes do not count: they are freed when it is recreated.
 */
final class HostPorts {
  private HostPorts() {}

  /** The spec's host ports, such as {@code 8080/tcp}. */
  static Set<String> of(ContainerSpec spec) {
    var ports = new java.util.TreeSet<String>();
    for (String port : spec.ports()) ports.addAll(PortMapping.parse(port).hostPorts());
    return ports;
  }

  /** The spec's host ports, as claims: {@code "host port 8080/tcp"}. */
  static Set<String> claims(ContainerSpec spec) {
    var claims = new java.util.TreeSet<String>();
    of(spec).forEach(hostPort -> claims.add("host port " + hostPort));
    return claims;
  }

  /**
   * The spec's host ports that something other than its own container holds on this machine: a
   * probe that binds each port for an instant. Meaningful only when the engine runs here.
   */
  static List<String> busy(ContainerSpec spec, Set<String> heldByItself) {
    var busy = new ArrayList<String>();
    for (String port : spec.ports()) {
      PortMapping mapping = PortMapping.parse(port);
      for (String hostPort : mapping.hostPorts()) {
        if (heldByItself.contains(hostPort)) continue;
        int number = Integer.parseInt(hostPort.substring(0, hostPort.indexOf('/')));
        if (!bindable(mapping.hostIp(), number, mapping.protocol())) busy.add(hostPort);
      }
    }
    return busy;
  }

  private static boolean bindable(String ip, int port, String protocol) {
    try {
      InetAddress address = ip.isEmpty() ? null : InetAddress.ofLiteral(ip);
      var socketAddress =
          address == null ? new InetSocketAddress(port) : new InetSocketAddress(address, port);
      if (protocol.equals("udp")) {
        try (var socket = new DatagramSocket(socketAddress)) {
          return socket.isBound();
        }
      }
      try (var socket = new ServerSocket()) {
        socket.bind(socketAddress);
        return true;
      }
    } catch (IOException e) {
      return false;
    }
  }
}
