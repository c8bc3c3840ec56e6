package clockwork.engine.provider.container;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One published port, or range of ports, in Docker's syntax: {@code [IP:][HOST:]CONTAINER[/PROTO]}
 * where ports may be ranges ({@code 8000-8002}) and an IPv6 address is bracketed.
 *
 * @param hostIp the host address to bind, empty for all
 * @param hostStart the first host port, 0 when Docker picks one
 * @param hostEnd the last host port, 0 when Docker picks one
 * @param containerStart the first container port
 * @param containerEnd the last container port
 * @param protocol {@code tcp}, {@code udp} or {@code sctp}
 */
public record PortMapping(
    String hostIp,
    int hostStart,
    int hostEnd,
    int containerStart,
    int containerEnd,
    String protocol) {

  private static final String SYNTAX =
      "write CONTAINER (\"80\"), HOST:CONTAINER (\"8080:80\"), IP:HOST:CONTAINER"
          + " (\"127.0.0.1:8080:80\"), a protocol (\"53:53/udp\") or ranges"
          + " (\"8000-8002:8000-8002\")";

  /**
   * Parses a port as written in {@code main.java}.
   *
   * @throws IllegalArgumentException saying what is wrong, quoting it, and how to write it
   */
  public static PortMapping parse(String spec) {
    String rest = spec.strip();
    String protocol = "tcp";
    int slash = rest.lastIndexOf('/');
    if (slash >= 0) {
      protocol = rest.substring(slash + 1);
      rest = rest.substring(0, slash);
      if (!List.of("tcp", "udp", "sctp").contains(protocol)) {
        throw new IllegalArgumentException(
            "port \"" + spec + "\" has the protocol \"" + protocol + "\": use tcp, udp or sctp");
      }
    }
    String ip = "";
    if (rest.startsWith("[")) {
      int close = rest.indexOf("]:");
      if (close < 0) throw bad(spec);
      ip = rest.substring(1, close);
      rest = rest.substring(close + 2);
      if (rest.indexOf(':') < 0) throw bad(spec);
    }
    String[] parts = rest.split(":", -1);
    String host;
    String container;
    switch (parts.length) {
      case 1 -> {
        host = "";
        container = parts[0];
      }
      case 2 -> {
        host = parts[0];
        container = parts[1];
        if (host.isEmpty()) throw bad(spec);
      }
      case 3 -> {
        if (!ip.isEmpty()) throw bad(spec);
        ip = parts[0];
        host = parts[1];
        container = parts[2];
      }
      default -> throw bad(spec);
    }
    if (!ip.isEmpty()) checkAddress(spec, ip);
    int[] containerPorts = range(spec, container);
    int[] hostPorts = host.isEmpty() ? new int[] {0, 0} : range(spec, host);
    if (hostPorts[0] != 0 && hostPorts[1] - hostPorts[0] != containerPorts[1] - containerPorts[0]) {
      throw new IllegalArgumentException(
          "port \""
              + spec
              + "\" maps "
              + (hostPorts[1] - hostPorts[0] + 1)
              + " host ports to "
              + (containerPorts[1] - containerPorts[0] + 1)
              + " container ports: give ranges of the same length, such as"
              + " \"8000-8002:8000-8002\"");
    }
    return new PortMapping(
        ip, hostPorts[0], hostPorts[1], containerPorts[0], containerPorts[1], protocol);
  }

  private static int[] range(String spec, String text) {
    String[] ends = text.split("-", -1);
    if (ends.length > 2) throw bad(spec);
    int start = port(spec, ends[0]);
    int end = ends.length == 2 ? port(spec, ends[1]) : start;
    if (end < start) {
      throw new IllegalArgumentException(
          "port \"" + spec + "\" has the range " + text + ", which runs backwards: write low-high");
    }
    return new int[] {start, end};
  }

  private static int port(String spec, String text) {
    if (text.isEmpty() || !text.chars().allMatch(Character::isDigit) || text.length() > 6) {
      throw bad(spec);
    }
    int port = Integer.parseInt(text);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(
          "port \"" + spec + "\" uses " + port + ", which is not a port: ports go from 1 to 65535");
    }
    return port;
  }

  /** Dotted IPv4 or IPv6: the JDK also reads "32001" as an address, which Docker does not. */
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private static void checkAddress(String spec, String ip) {
    try {
      if (!ip.contains(":") && !IPV4.matcher(ip).matches()) throw new IllegalArgumentException();
      InetAddress.ofLiteral(ip);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "port \"" + spec + "\" binds to \"" + ip + "\", which is not an IP address; " + SYNTAX);
    }
  }

  private static IllegalArgumentException bad(String spec) {
    return new IllegalArgumentException(
        "port \"" + spec + "\" is not in Docker's syntax: " + SYNTAX);
  }

  /** Written back in Docker's syntax, always with the protocol: {@code 127.0.0.1:8080:80/tcp}. */
  @Override
  public String toString() {
    String container = span(containerStart, containerEnd) + "/" + protocol;
    if (hostStart == 0) return hostIp.isEmpty() ? container : ip() + "::" + container;
    String host = span(hostStart, hostEnd);
    return (hostIp.isEmpty() ? "" : ip() + ":") + host + ":" + container;
  }

  private String ip() {
    return hostIp.contains(":") ? "[" + hostIp + "]" : hostIp;
  }

  private static String span(int start, int end) {
    return start == end ? Integer.toString(start) : start + "-" + end;
  }

  /** The host ports this mapping binds, each with its protocol: {@code 8080/tcp}. */
  public List<String> hostPorts() {
    var ports = new ArrayList<String>();
    if (hostStart == 0) return ports;
    for (int port = hostStart; port <= hostEnd; port++) ports.add(port + "/" + protocol);
    return ports;
  }

  /** How many container ports this mapping covers. */
  public int containerPortCount() {
    return containerEnd - containerStart + 1;
  }
}
