package clockwork.engine.provider.container;

import clockwork.spi.Sensitive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a container tells the resources connected to it ({@link clockwork.spi.Provider#publishes}),
 * on every container target: the name others reach it by, the ports it listens on, the host port
 * published for each, and its environment (secrets left out). A database reads from these where its
 * server listens and as whom; another container, its {@code NAME_HOST} and {@code NAME_PORT}.
 */
public final class ContainerOutputs {
  /** The name other containers reach it by on its networks. */
  public static final String HOST = "host";

  /** The container ports it publishes, comma-separated, in the order declared. */
  public static final String CONTAINER_PORTS = "containerPorts";

  /** Followed by a container port: the host port published for it. */
  public static final String HOST_PORT = "hostPort:";

  /** Followed by a variable's name: its value, for each that is no secret. */
  public static final String ENV = "env:";

  private ContainerOutputs() {}

  /**
   * @param ports published ports, normalised
   * @param env the environment as specs hold it (secrets as keyed digests, which are left out)
   */
  public static Map<String, String> of(String host, List<String> ports, Map<String, String> env) {
    var outputs = new LinkedHashMap<String, String>();
    outputs.put(HOST, host);
    var containerPorts = new ArrayList<Integer>();
    for (String port : ports) {
      PortMapping mapping = PortMapping.parse(port);
      for (int p = mapping.containerStart(); p <= mapping.containerEnd(); p++) {
        if (!containerPorts.contains(p)) containerPorts.add(p);
        if (mapping.hostStart() > 0) {
          outputs.putIfAbsent(
              HOST_PORT + p, Integer.toString(mapping.hostStart() + p - mapping.containerStart()));
        }
      }
    }
    outputs.put(
        CONTAINER_PORTS, String.join(",", containerPorts.stream().map(String::valueOf).toList()));
    env.forEach(
        (name, value) -> {
          if (!Sensitive.isStored(value)) outputs.put(ENV + name, value);
        });
    return outputs;
  }

  /** Whether what a resource publishes is a container's. */
  public static boolean isContainer(Map<String, String> published) {
    return published.containsKey(HOST) && published.containsKey(CONTAINER_PORTS);
  }

  /** The container ports a container publishes. */
  public static List<String> containerPorts(Map<String, String> published) {
    String ports = published.getOrDefault(CONTAINER_PORTS, "");
    return ports.isEmpty() ? List.of() : List.of(ports.split(","));
  }
}
