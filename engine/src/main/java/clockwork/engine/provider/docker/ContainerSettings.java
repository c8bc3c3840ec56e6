package clockwork.engine.provider.docker;

import clockwork.resources.DockerResource;
import clockwork.spi.Values;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of a container that real compose files use beyond image, ports, volumes and
 * environment ({@code user}, {@code hostname}, {@code working_dir}, {@code entrypoint}, {@code
 * expose}, {@code cap_add}, {@code cap_drop}, {@code mem_limit}, {@code cpus}, {@code stop_signal},
 * {@code read_only}, {@code tmpfs}, {@code extra_hosts}, {@code init}, {@code sysctls}, network
 * aliases and addresses): checked, kept by their names as strings, lists and maps (so state reads
 * them back as they were), and given to Docker when the container is made. Each replaces the
 * container when it changes; one not given is not kept, so that containers without it keep their
 * hash.
 */
final class ContainerSettings {
  private static final Pattern MEMORY = Pattern.compile("(\\d+)([bkmg]?)");
  private static final Pattern SIGNAL = Pattern.compile("SIG[A-Z0-9+-]+|\\d+");
  private static final Pattern EXPOSE = Pattern.compile("(\\d{1,5})(/(tcp|udp|sctp))?");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*:[0-9A-Fa-f.:]+");
  private static final Pattern SYSCTL = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_*-]+)+");
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

  /** More names it is found by on each network it joins. */
  private static final String NETWORK_ALIASES = "networkAliases";

  /** Its fixed address on each network that has one, by Docker's name of the network. */
  static final String NETWORK_ADDRESSES = "networkAddresses";

  /** The network stack it shares instead of joining networks. */
  static final String NETWORK_MODE = "networkMode";

  private ContainerSettings() {}

  /**
   * The settings a container declares, checked, by name; problems added, each quoting its value.
   */
  static SortedMap<String, Object> of(DockerResource container, List<String> problems) {
    var settings = new TreeMap<String, Object>();
    text(settings, "user", container.user());
    text(settings, "hostname", container.hostname());
    if (container.hostname() != null && !NAME.matcher(container.hostname()).matches()) {
      problems.add("hostname " + Values.quote(container.hostname()) + " is not a host name");
    }
    text(settings, "workingDir", container.workingDir());
    if (container.workingDir() != null && !container.workingDir().startsWith("/")) {
      problems.add(
          "workingDir " + Values.quote(container.workingDir()) + " is not an absolute path");
    }
    list(settings, "entrypoint", container.entrypoint());
    list(settings, "expose", container.expose());
    for (String port : orEmpty(container.expose())) {
      if (!EXPOSE.matcher(port).matches()) {
        problems.add(
            "expose "
                + Values.quote(port)
                + " is not a container port, such as \"8080\" or"
                + " \"53/udp\"");
      }
    }
    list(settings, "capAdd", container.capAdd());
    list(settings, "capDrop", container.capDrop());
    for (String capability : concat(container.capAdd(), container.capDrop())) {
      if (capability(capability) == null) {
        problems.add(
            "capability "
                + Values.quote(capability)
                + " is not a Linux capability, such as"
                + " \"NET_ADMIN\"");
      }
    }
    if (container.memory() != null) {
      Matcher memory = MEMORY.matcher(container.memory().toLowerCase(Locale.ROOT));
      if (memory.matches()) {
        long unit =
            switch (memory.group(2)) {
              case "k" -> 1L << 10;
              case "m" -> 1L << 20;
              case "g" -> 1L << 30;
              default -> 1;
            };
        settings.put("memory", Long.toString(Long.parseLong(memory.group(1)) * unit));
      } else {
        problems.add(
            "memory " + Values.quote(container.memory()) + " is not a size, such as \"512m\"");
      }
    }
    if (container.cpus() != null) {
      if (container.cpus() > 0) settings.put("cpus", container.cpus().toString());
      else problems.add("cpus " + container.cpus() + " is not positive: give 0.5, 2, ...");
    }
    text(settings, "stopSignal", container.stopSignal());
    if (container.stopSignal() != null && !SIGNAL.matcher(container.stopSignal()).matches()) {
      problems.add(
          "stopSignal "
              + Values.quote(container.stopSignal())
              + " is not a signal, such as"
              + " \"SIGINT\"");
    }
    if (Boolean.TRUE.equals(container.readOnlyRootFilesystem())) {
      settings.put("readOnlyRootFilesystem", true);
    }
    list(settings, "tmpfs", container.tmpfs());
    for (String mount : orEmpty(container.tmpfs())) {
      if (!mount.startsWith("/")) {
        problems.add(
            "tmpfs " + Values.quote(mount) + " is not an absolute path, such as \"/run:size=64m\"");
      }
    }
    list(settings, "extraHosts", container.extraHosts());
    for (String host : orEmpty(container.extraHosts())) {
      if (!HOST.matcher(host).matches()) {
        problems.add(
            "extraHosts "
                + Values.quote(host)
                + " is not HOST:ADDRESS, such as"
                + " \"db.local:10.0.0.5\"");
      }
    }
    if (Boolean.TRUE.equals(container.init())) settings.put("init", true);
    if (container.sysctls() != null && !container.sysctls().isEmpty()) {
      settings.put("sysctls", new TreeMap<>(container.sysctls()));
      for (String name : container.sysctls().keySet()) {
        if (!SYSCTL.matcher(name).matches()) {
          problems.add("sysctl " + Values.quote(name) + " is not a kernel parameter's name");
        }
      }
    }
    list(settings, NETWORK_ALIASES, container.networkAliases());
    for (String alias : orEmpty(container.networkAliases())) {
      if (!NAME.matcher(alias).matches()) {
        problems.add("network alias " + Values.quote(alias) + " is not a host name");
      }
    }
    return settings;
  }

  /** Gives the settings to the container Docker is about to make. */
  @SuppressWarnings("unchecked")
  static void apply(
      Map<String, Object> settings,
      CreateContainerCmd create,
      HostConfig host,
      List<ExposedPort> exposed) {
    settings.forEach(
        (name, value) -> {
          switch (name) {
            case "user" -> create.withUser((String) value);
            case "hostname" -> create.withHostName((String) value);
            case "workingDir" -> create.withWorkingDir((String) value);
            case "entrypoint" -> create.withEntrypoint((List<String>) value);
            case "expose" -> {
              for (String port : (List<String>) value) {
                Matcher matcher = EXPOSE.matcher(port);
                matcher.matches();
                exposed.add(
                    new ExposedPort(
                        Integer.parseInt(matcher.group(1)),
                        InternetProtocol.parse(
                            matcher.group(3) == null ? "tcp" : matcher.group(3))));
              }
            }
            case "capAdd" -> host.withCapAdd(capabilities((List<String>) value));
            case "capDrop" -> host.withCapDrop(capabilities((List<String>) value));
            case "memory" -> host.withMemory(Long.parseLong((String) value));
            case "cpus" ->
                host.withNanoCPUs(Math.round(Double.parseDouble((String) value) * 1_000_000_000));
            case "stopSignal" -> create.withStopSignal((String) value);
            case "readOnlyRootFilesystem" -> host.withReadonlyRootfs(true);
            case "tmpfs" -> {
              var mounts = new LinkedHashMap<String, String>();
              for (String mount : (List<String>) value) {
                int colon = mount.indexOf(':');
                mounts.put(
                    colon < 0 ? mount : mount.substring(0, colon),
                    colon < 0 ? "" : mount.substring(colon + 1));
              }
              host.withTmpFs(mounts);
            }
            case "extraHosts" -> host.withExtraHosts(((List<String>) value).toArray(String[]::new));
            case "init" -> host.withInit(true);
            case "sysctls" -> host.withSysctls((Map<String, String>) value);
            case NETWORK_MODE -> host.withNetworkMode((String) value);
            case NETWORK_ALIASES, NETWORK_ADDRESSES -> {} // given with each network it joins
            default -> throw new IllegalStateException("unknown container setting " + name);
          }
        });
  }

  /**
   * The networks Docker reports a container of this network mode on: the host's, none or the
   * default bridge; none for one that shares another container's.
   */
  static List<String> modeNetworks(String mode) {
    return mode.startsWith("container:") ? List.of() : List.of(mode);
  }

  /** Whether it shares a network stack instead of joining networks, with aliases. */
  static boolean sharesNetworkStack(Map<String, Object> settings) {
    return settings.containsKey(NETWORK_MODE);
  }

  /** The network aliases a container asks for beyond its resource's name. */
  @SuppressWarnings("unchecked")
  static List<String> aliases(Map<String, Object> settings) {
    return (List<String>) settings.getOrDefault(NETWORK_ALIASES, List.of());
  }

  /** Its fixed address on a network; {@code null} for one Docker picks. */
  @SuppressWarnings("unchecked")
  static String address(Map<String, Object> settings, String network) {
    return ((Map<String, String>) settings.getOrDefault(NETWORK_ADDRESSES, Map.of())).get(network);
  }

  private static Capability[] capabilities(List<String> names) {
    return names.stream().map(ContainerSettings::capability).toArray(Capability[]::new);
  }

  private static Capability capability(String name) {
    String bare = name.toUpperCase(Locale.ROOT).replaceFirst("^CAP_", "");
    for (Capability capability : Capability.values()) {
      if (capability.name().equals(bare)) return capability;
    }
    return null;
  }

  private static void text(Map<String, Object> settings, String name, String value) {
    if (value != null) settings.put(name, value);
  }

  private static void list(Map<String, Object> settings, String name, List<String> value) {
    if (value != null && !value.isEmpty()) settings.put(name, List.copyOf(value));
  }

  private static List<String> orEmpty(List<String> list) {
    return list == null ? List.of() : list;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    var all = new ArrayList<>(orEmpty(a));
    all.addAll(orEmpty(b));
    return all;
  }
}
