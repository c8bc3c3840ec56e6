package clockwork.cli.compose;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A compose file as a main.java: a {@code DockerResource} per service, a {@code
 * DockerImageResource} per build, a {@code DockerVolumeResource} and {@code DockerNetworkResource}
 * per volume and network it declares, and a {@code FileResource} for each project file a service
 * mounts or takes as a config, which Clockwork adopts as it is. What the API cannot say stays in
 * main.java as a comment where it was ({@link ComposeFeatures}).
 */
public final class ComposeImport {
  /** The largest project file carried into main.java as a {@code FileResource}. */
  private static final long LARGEST_FILE = 64 * 1024;

  private static final Pattern SIZE = Pattern.compile("(\\d+)(?:\\.(\\d+))?([bkmg]?)");

  /**
   * What an import made.
   *
   * @param mainJava the source of main.java
   * @param resources how many resources it declares
   * @param notCarried each setting it could not carry over, as {@code service web: privileged}
   */
  public record Result(String mainJava, int resources, List<String> notCarried) {}

  private final Path composeDir;
  private final Path projectDir;
  private final JavaText java = new JavaText();
  private final List<Chain> chains = new ArrayList<>();
  private final List<String> notCarried = new ArrayList<>();
  private final Set<String> names = new HashSet<>();
  private final Map<String, String> volumes = new HashMap<>(); // compose name → variable
  private final Map<String, String> externalVolumes = new HashMap<>(); // compose name → Docker's
  private final Map<String, String> networks = new HashMap<>();
  private final Map<String, String> externalNetworks = new HashMap<>();
  private final Map<Path, String> files = new HashMap<>();
  private final Map<String, String> services = new HashMap<>(); // compose name → variable
  private final Map<String, String> serviceNames = new HashMap<>(); // compose name → resource's
  private Map<String, Object> listed = Map.of();
  private Map<String, Object> secrets = Map.of();
  private Map<String, Object> configs = Map.of();
  private boolean usesDuration;

  private ComposeImport(Path composeDir, Path projectDir) {
    this.composeDir = composeDir;
    this.projectDir = projectDir;
  }

  /**
   * @param composeFile the compose file
   * @param projectDir where main.java goes: paths in it are made relative to this directory
   * @throws ComposeException when the file cannot be read or is not a compose file
   */
  public static Result convert(Path composeFile, Path projectDir) {
    String text;
    try {
      text = Files.readString(composeFile);
    } catch (IOException e) {
      throw new ComposeException(
          "cannot read compose file \""
              + composeFile
              + "\" ("
              + e.getMessage()
              + "): give a"
              + " compose file that exists");
    }
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (YAMLException e) {
      throw new ComposeException(
          "compose file \"" + composeFile + "\" is not YAML: " + firstLine(e.getMessage()));
    }
    if (!(root instanceof Map<?, ?> top) || !(top.get("services") instanceof Map<?, ?> listed)) {
      throw new ComposeException(
          "compose file \""
              + composeFile
              + "\" has no services: a compose file maps \"services\" to the containers it runs");
    }
    var importer =
        new ComposeImport(
            composeFile.toAbsolutePath().getParent(), projectDir.toAbsolutePath().normalize());
    return importer.run(map(top), map(listed), composeFile.getFileName().toString());
  }

  private Result run(Map<String, Object> top, Map<String, Object> listed, String fileName) {
    var header = new ArrayList<String>();
    for (var entry : top.entrySet()) {
      switch (entry.getKey()) {
        case "services", "volumes", "networks", "secrets", "configs", "version" -> {}
        case "name" ->
            header.add(
                "// the project's name is its directory's: \"name: "
                    + entry.getValue()
                    + "\" is not carried over");
        default -> {
          if (!entry.getKey().startsWith("x-")) {
            header.add("// not carried over: " + entry.getKey() + " (not known to the importer)");
            notCarried.add(entry.getKey());
          }
        }
      }
    }
    this.listed = listed;
    secrets = map(top.get("secrets"));
    configs = map(top.get("configs"));
    map(top.get("volumes")).forEach(this::volume);
    // once a service names its networks, those that name none join "default" by name
    boolean explicit = listed.values().stream().anyMatch(s -> map(s).containsKey("networks"));
    boolean joinsDefault =
        listed.values().stream()
            .map(ComposeImport::map)
            .anyMatch(
                s ->
                    !s.containsKey("network_mode")
                        && (!s.containsKey("networks") || networkNames(s).contains("default")));
    if (explicit && joinsDefault && !map(top.get("networks")).containsKey("default")) {
      network("default", null);
    }
    map(top.get("networks")).forEach(this::network);
    for (String name : order(listed)) service(name, map(listed.get(name)), explicit);
    return new Result(source(header, fileName), chains.size(), List.copyOf(notCarried));
  }

  // ---- top-level volumes and networks ----------------------------------------------------------

  private void volume(String name, Object value) {
    Map<String, Object> volume = map(value);
    if (truthy(volume.get("external"))) {
      externalVolumes.put(name, volume.get("name") == null ? name : str(volume.get("name")));
      return;
    }
    String variable = java.identifier(name, "volume");
    volumes.put(name, variable);
    var chain = chain(variable, "DockerVolumeResource", unique(name, "-volume"));
    volume.forEach(
        (key, setting) -> {
          switch (key) {
            case "driver" -> {
              if (!"local".equals(str(setting))) chain.call("driver", java.string(str(setting)));
            }
            default -> chain.left("volumes." + name, key, setting, "not supported yet");
          }
        });
  }

  private void network(String name, Object value) {
    Map<String, Object> network = map(value);
    if (truthy(network.get("external"))) {
      externalNetworks.put(name, network.get("name") == null ? name : str(network.get("name")));
      return;
    }
    String variable = java.identifier(name.equals("default") ? "defaultNetwork" : name, "network");
    networks.put(name, variable);
    // Docker keeps the name "default" for itself
    var chain =
        chain(
            variable,
            "DockerNetworkResource",
            unique(name.equals("default") ? "default-network" : name, "-network"));
    network.forEach(
        (key, setting) -> {
          switch (key) {
            case "driver" -> {
              if (!"bridge".equals(str(setting))) chain.call("driver", java.string(str(setting)));
            }
            case "ipam" -> {
              List<Object> config = list(map(setting).get("config"));
              Map<String, Object> first = config.isEmpty() ? Map.of() : map(config.getFirst());
              if (first.get("subnet") != null)
                chain.call("subnet", java.string(str(first.get("subnet"))));
              if (first.get("gateway") != null)
                chain.call("gateway", java.string(str(first.get("gateway"))));
              if (config.size() > 1
                  || first.keySet().stream()
                      .anyMatch(k -> !k.equals("subnet") && !k.equals("gateway"))) {
                chain.left(
                    "networks." + name,
                    "ipam",
                    setting,
                    "only the first config's subnet and gateway are carried");
              }
            }
            default -> chain.left("networks." + name, key, setting, "not supported yet");
          }
        });
  }

  // ---- services --------------------------------------------------------------------------------

  private void service(String name, Map<String, Object> service, boolean explicitNetworks) {
    String variable = java.identifier(name, "service");
    services.put(name, variable);
    String where = "service " + name;
    Chain image = service.containsKey("build") ? image(name, service) : null;
    var chain = chain(variable, "DockerResource", unique(name, "-service"));
    serviceNames.put(name, chain.name);
    var dependencies = new LinkedHashSet<String>();
    var mounts = new Mounts();
    for (var entry : service.entrySet()) {
      String key = entry.getKey();
      Object value = entry.getValue();
      switch (key) {
        case "image" -> {
          if (image == null) chain.call("image", java.string(str(value)));
          else image.call("tag", java.string(str(value)));
        }
        case "build" -> chain.call("build", image.variable);
        case "container_name", "hostname", "user", "working_dir", "stop_signal" ->
            chain.call(camel(key), java.string(str(value)));
        case "command", "entrypoint" -> {
          List<String> words = value instanceof String line ? JavaText.words(line) : strings(value);
          if (words == null || words.isEmpty())
            chain.left(where, key, value, "no command could be read from it");
          else chain.call(key, words.stream().map(java::string).toList());
        }
        case "environment" ->
            pairs(value, "=")
                .forEach(
                    (variableName, text) ->
                        chain.call(
                            "envVar",
                            java.string(variableName),
                            text == null
                                ? java.string("${" + variableName + "}")
                                : java.string(text)));
        case "env_file" -> {
          var paths = new ArrayList<String>();
          for (Object file : value instanceof List<?> l ? l : List.of(value)) {
            Object path = file instanceof Map<?, ?> m ? m.get("path") : file;
            paths.add(java.string(relative(str(path))));
          }
          chain.call("envFile", paths);
        }
        case "ports" ->
            chain.call("ports", list(value).stream().map(p -> java.string(port(p))).toList());
        case "expose" ->
            chain.call("expose", list(value).stream().map(p -> java.string(str(p))).toList());
        case "volumes" -> list(value).forEach(v -> mounts.add(where, v, chain));
        case "tmpfs" ->
            mounts.tmpfs.addAll(value instanceof List<?> l ? strings(l) : List.of(str(value)));
        case "networks" -> networksOf(where, value, chain);
        case "network_mode" -> {
          String mode = str(value);
          if (mode.startsWith("service:")) {
            String other = mode.substring("service:".length());
            dependencies.add(other);
            mode = "container:" + containerName(other);
          }
          chain.call("networkMode", java.string(mode));
        }
        case "depends_on" -> {
          if (value instanceof Map<?, ?> conditions) {
            map(conditions)
                .forEach(
                    (other, condition) -> {
                      dependencies.add(other);
                      Object wanted = map(condition).get("condition");
                      if ("service_completed_successfully".equals(wanted)) {
                        chain.left(
                            where,
                            "depends_on." + other,
                            condition,
                            "Clockwork waits for a dependency to run (and be healthy), not to"
                                + " finish");
                      }
                    });
          } else {
            dependencies.addAll(strings(value));
          }
        }
        case "links" -> {
          for (String link : strings(value)) dependencies.add(link.split(":")[0]);
        }
        case "healthcheck" -> healthcheck(where, map(value), chain);
        case "restart" ->
            chain.call(
                "restartPolicy", java.string(Boolean.FALSE.equals(value) ? "no" : str(value)));
        case "labels" ->
            pairs(value, "=")
                .forEach(
                    (label, text) ->
                        chain.call(
                            "label", java.string(label), java.string(text == null ? "" : text)));
        case "cap_add", "cap_drop" ->
            chain.call(camel(key), strings(value).stream().map(java::string).toList());
        case "mem_limit" -> memory(where, key, value, chain);
        case "cpus" -> cpus(where, key, value, chain);
        case "deploy" -> deploy(where, map(value), chain);
        case "stop_grace_period" -> {
          Long millis = JavaText.millis(str(value));
          if (millis == null) chain.left(where, key, value, "not a duration");
          else chain.call("stopTimeout", Long.toString((millis + 999) / 1000));
        }
        case "read_only" -> {
          if (truthy(value)) chain.call("readOnlyRootFilesystem", "true");
        }
        case "init" -> {
          if (truthy(value)) chain.call("init", "true");
        }
        case "extra_hosts" -> {
          var hosts = new ArrayList<String>();
          pairs(value, "[=:]")
              .forEach((host, address) -> hosts.add(java.string(host + ":" + address)));
          chain.call("extraHosts", hosts);
        }
        case "sysctls" ->
            pairs(value, "=")
                .forEach(
                    (sysctl, text) ->
                        chain.call(
                            "sysctl", java.string(sysctl), java.string(text == null ? "" : text)));
        case "secrets", "configs" -> list(value).forEach(use -> fileMount(where, key, use, chain));
        default -> {
          // an extension, or a setting left off (privileged: false, tty: false) says nothing
          if (key.startsWith("x-") || Boolean.FALSE.equals(value)) continue;
          String why =
              ComposeFeatures.of(key)
                  .map(ComposeFeatures.Feature::note)
                  .orElse("not known to the importer");
          chain.left(where, key, value, why);
        }
      }
    }
    mounts.write(chain);
    if (!service.containsKey("networks")
        && !service.containsKey("network_mode")
        && explicitNetworks) {
      chain.call("network", networks.get("default"));
    }
    var known = dependencies.stream().filter(services::containsKey).map(services::get).toList();
    if (!known.isEmpty()) chain.call("dependsOn", known);
  }

  /** The image a service builds, declared before it. */
  private Chain image(String service, Map<String, Object> settings) {
    Object build = settings.get("build");
    Map<String, Object> spec =
        build instanceof String context ? Map.of("context", context) : map(build);
    String variable = java.identifier(service + "-image", "image");
    var chain = chain(variable, "DockerImageResource", unique(service + "-image", "-build"));
    String where = "service " + service;
    String context = spec.get("context") == null ? "." : str(spec.get("context"));
    if (context.contains("://") || context.startsWith("git@")) {
      chain.left(
          where, "build.context", context, "Clockwork builds from a directory of the project");
    } else {
      chain.call("context", java.string(relative(context)));
    }
    spec.forEach(
        (key, value) -> {
          switch (key) {
            case "context" -> {}
            case "dockerfile", "target" -> chain.call(key, java.string(str(value)));
            case "args" ->
                pairs(value, "=")
                    .forEach(
                        (arg, text) ->
                            chain.call(
                                "buildArg",
                                java.string(arg),
                                java.string(text == null ? "${" + arg + "}" : text)));
            case "labels" ->
                pairs(value, "=")
                    .forEach(
                        (label, text) ->
                            chain.call(
                                "label",
                                java.string(label),
                                java.string(text == null ? "" : text)));
            default -> chain.left(where, "build." + key, value, "not supported yet");
          }
        });
    return chain;
  }

  private void networksOf(String where, Object value, Chain chain) {
    var aliases = new LinkedHashSet<String>();
    var joined = new ArrayList<String[]>(); // variable, address
    var external = new ArrayList<String>();
    Map<String, Object> listed = new LinkedHashMap<>();
    if (value instanceof List<?> names) for (Object n : names) listed.put(str(n), null);
    else listed.putAll(map(value));
    listed.forEach(
        (name, settings) -> {
          Map<String, Object> joining = map(settings);
          aliases.addAll(strings(joining.get("aliases")));
          if (externalNetworks.containsKey(name)) {
            external.add(java.string(externalNetworks.get(name)));
          } else if (networks.containsKey(name)) {
            Object address = joining.get("ipv4_address");
            joined.add(
                new String[] {
                  networks.get(name), address == null ? null : java.string(str(address))
                });
          } else {
            chain.left(where, "networks." + name, settings, "no top-level network of that name");
          }
          joining.keySet().stream()
              .filter(k -> !k.equals("aliases") && !k.equals("ipv4_address"))
              .forEach(
                  k ->
                      chain.left(
                          where,
                          "networks." + name + "." + k,
                          joining.get(k),
                          "not supported yet"));
        });
    if (!external.isEmpty()) chain.call("networks", external);
    for (String[] network : joined) {
      if (network[1] == null) chain.call("network", network[0]);
      else chain.call("network", network[0], network[1]);
    }
    if (!aliases.isEmpty())
      chain.call("networkAliases", aliases.stream().map(java::string).toList());
  }

  private void healthcheck(String where, Map<String, Object> check, Chain chain) {
    check.forEach(
        (key, value) -> {
          switch (key) {
            case "test" -> {
              List<String> test =
                  value instanceof String line ? List.of("CMD-SHELL", line) : strings(value);
              if (test.isEmpty() || test.getFirst().equals("NONE")) {
                chain.left(
                    where,
                    "healthcheck.test",
                    value,
                    "Clockwork keeps the image's own check when none is given");
              } else if (test.getFirst().equals("CMD")) {
                chain.call(
                    "healthcheckExec",
                    test.subList(1, test.size()).stream().map(java::string).toList());
              } else {
                chain.call(
                    "healthcheck",
                    java.string(
                        String.join(
                            " ",
                            test.subList(
                                test.getFirst().equals("CMD-SHELL") ? 1 : 0, test.size()))));
              }
            }
            case "interval", "timeout", "start_period" -> {
              Long millis = JavaText.millis(str(value));
              if (millis == null) {
                chain.left(where, "healthcheck." + key, value, "not a duration");
              } else {
                usesDuration = true;
                chain.call(
                    key.equals("start_period")
                        ? "healthStartPeriod"
                        : "health" + Character.toUpperCase(key.charAt(0)) + key.substring(1),
                    JavaText.duration(millis));
              }
            }
            case "retries" -> {
              if (str(value).matches("\\d+")) chain.call("healthRetries", str(value));
              else chain.left(where, "healthcheck.retries", value, "not a number");
            }
            default -> chain.left(where, "healthcheck." + key, value, "not supported");
          }
        });
  }

  private void deploy(String where, Map<String, Object> deploy, Chain chain) {
    deploy.forEach(
        (key, value) -> {
          if (!key.equals("resources")) {
            chain.left(where, "deploy." + key, value, "Swarm's, for the Swarm issue");
            return;
          }
          map(value)
              .forEach(
                  (kind, limits) -> {
                    if (!kind.equals("limits")) {
                      chain.left(
                          where, "deploy.resources." + kind, limits, "only limits are carried");
                      return;
                    }
                    map(limits)
                        .forEach(
                            (limit, amount) -> {
                              switch (limit) {
                                case "memory" ->
                                    memory(where, "deploy.resources.limits.memory", amount, chain);
                                case "cpus" ->
                                    cpus(where, "deploy.resources.limits.cpus", amount, chain);
                                default ->
                                    chain.left(
                                        where,
                                        "deploy.resources.limits." + limit,
                                        amount,
                                        "not supported yet");
                              }
                            });
                  });
        });
  }

  private void memory(String where, String key, Object value, Chain chain) {
    String size = str(value).strip().toLowerCase(Locale.ROOT).replaceFirst("([kmg])b$", "$1");
    Matcher matcher = SIZE.matcher(size);
    if (!matcher.matches() || (matcher.group(2) != null && matcher.group(3).isEmpty())) {
      chain.left(where, key, value, "not a size Clockwork reads, such as \"512m\"");
    } else if (matcher.group(2) == null) {
      chain.call("memory", java.string(size));
    } else {
      // a fraction, as compose's "1.5G", in the next smaller unit
      String smaller =
          switch (matcher.group(3)) {
            case "g" -> "m";
            case "m" -> "k";
            default -> "";
          };
      long amount =
          Math.round(Double.parseDouble(matcher.group(1) + "." + matcher.group(2)) * 1024);
      chain.call("memory", java.string(amount + smaller));
    }
  }

  private void cpus(String where, String key, Object value, Chain chain) {
    if (str(value).matches("\\d+(\\.\\d+)?")) chain.call("cpus", str(value));
    else chain.left(where, key, value, "not a number of CPUs, such as 0.5");
  }

  /**
   * A service's use of a top-level secret or config ({@code section}): the file it names, mounted
   * read-only. A config's file becomes a {@code FileResource}; a secret's content stays out of
   * main.java.
   */
  private void fileMount(String where, String section, Object use, Chain chain) {
    boolean secret = section.equals("secrets");
    Map<String, Object> wanted = use instanceof Map<?, ?> m ? map(m) : Map.of("source", str(use));
    String source = str(wanted.get("source"));
    Map<String, Object> declared = map((secret ? secrets : configs).get(source));
    if (declared.get("file") == null) {
      chain.left(
          where,
          section + "." + source,
          declared.isEmpty() ? use : declared,
          "only " + section + " from a file are carried");
      return;
    }
    String target = wanted.get("target") == null ? source : str(wanted.get("target"));
    String file = relative(str(declared.get("file")));
    if (secret && !target.startsWith("/")) {
      chain.call("secretFile", java.string(target), java.string(file));
      return;
    }
    chain.call(
        "configFile",
        java.string(file),
        java.string(target.startsWith("/") ? target : "/" + target));
    String resource = secret ? null : fileResource(file);
    if (resource != null) chain.call("connect", resource);
  }

  /** A service's volumes: bind and anonymous mounts by their strings, named ones by resource. */
  private final class Mounts {
    final List<String> strings = new ArrayList<>();
    final List<String[]> named = new ArrayList<>(); // variable, target
    final List<String> tmpfs = new ArrayList<>();
    final Set<String> connected = new LinkedHashSet<>();

    void add(String where, Object volume, Chain chain) {
      String type, source, target;
      boolean readOnly;
      if (volume instanceof Map<?, ?> m) {
        Map<String, Object> v = map(m);
        type = v.get("type") == null ? "volume" : str(v.get("type"));
        source = v.get("source") == null ? null : str(v.get("source"));
        target = str(v.get("target"));
        readOnly = truthy(v.get("read_only"));
        if (type.equals("tmpfs")) {
          Object size = map(v.get("tmpfs")).get("size");
          tmpfs.add(target + (size == null ? "" : ":size=" + str(size)));
          return;
        }
        v.keySet().stream()
            .filter(k -> !List.of("type", "source", "target", "read_only", "bind").contains(k))
            .forEach(
                k ->
                    chain.left(
                        where, "volumes." + target + "." + k, v.get(k), "not supported yet"));
      } else {
        String[] parts = str(volume).split(":");
        if (parts.length == 1) {
          strings.add(java.string(parts[0]));
          return;
        }
        source = parts[0];
        target = parts[1];
        readOnly = parts.length > 2 && List.of(parts[2].split(",")).contains("ro");
        type =
            source.startsWith(".") || source.startsWith("/") || source.startsWith("~")
                ? "bind"
                : "volume";
      }
      String ro = readOnly ? ":ro" : "";
      switch (type) {
        case "bind" -> {
          if (source.equals("~") || source.startsWith("~/")) {
            // compose's home directory is the one of whoever runs it: so is Clockwork's
            strings.add(
                "System.getProperty(\"user.home\") + "
                    + java.string(source.substring(1) + ":" + target + ro));
            return;
          }
          String path = relative(source);
          strings.add(java.string(path + ":" + target + ro));
          String resource = fileResource(path);
          if (resource != null) connected.add(resource);
        }
        case "volume" -> {
          if (source == null) strings.add(java.string(target));
          else if (volumes.containsKey(source))
            named.add(new String[] {volumes.get(source), java.string(target + ro)});
          else
            strings.add(
                java.string(externalVolumes.getOrDefault(source, source) + ":" + target + ro));
        }
        default -> chain.left(where, "volumes", volume, "a " + type + " mount is not supported");
      }
    }

    void write(Chain chain) {
      if (!strings.isEmpty()) chain.call("volumes", strings);
      for (String[] volume : named) chain.call("volume", volume[0], volume[1]);
      if (!tmpfs.isEmpty()) chain.call("tmpfs", tmpfs.stream().map(java::string).toList());
      if (!connected.isEmpty()) chain.call("connect", List.copyOf(connected));
    }
  }

  /**
   * A {@code FileResource} with the content of a project file a service mounts, which Clockwork
   * adopts as it is and leaves in place on destroy; its variable, or {@code null} when the path is
   * no such file (a directory, one outside the project, a large or binary file).
   */
  private String fileResource(String path) {
    Path file = projectDir.resolve(path).normalize();
    if (files.containsKey(file)) return files.get(file);
    if (!file.startsWith(projectDir) || !Files.isRegularFile(file)) return null;
    String content, mode;
    try {
      if (Files.size(file) > LARGEST_FILE) return null;
      content =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
      mode = mode(Files.getPosixFilePermissions(file));
    } catch (CharacterCodingException e) {
      return null;
    } catch (IOException | UnsupportedOperationException e) {
      return null;
    }
    String block = JavaText.textBlock(content, 12);
    if (block == null) return null;
    String relative = projectDir.relativize(file).toString();
    String name = file.getFileName().toString();
    String variable = java.identifier(name, "file");
    var chain = new Chain(variable, "FileResource", unique(name, "-" + relative.replace('/', '-')));
    chains.add(chains.size() - 1, chain); // before the service that mounts it
    if (!relative.equals(chain.name)) chain.call("path", java.string(relative));
    chain.call("content", block);
    if (!mode.equals("644")) chain.call("mode", java.string(mode));
    files.put(file, variable);
    return variable;
  }

  private static String mode(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (PosixFilePermission p : permissions) mode |= 1 << (8 - p.ordinal());
    return Integer.toOctalString(mode);
  }

  // ---- output ----------------------------------------------------------------------------------

  private String source(List<String> header, String fileName) {
    var out = new StringBuilder();
    out.append("import clockwork.*;\nimport clockwork.resources.*;\n");
    if (usesDuration) out.append("import java.time.Duration;\n");
    out.append("\n// Imported from ")
        .append(fileName)
        .append(" by `clockwork import compose`. What could not be carried\n")
        .append("// over is a comment \"not carried over\" where it was. The project files the\n")
        .append("// services mount are FileResources: Clockwork adopts them as they are, and\n")
        .append("// leaves them in place on destroy.\n");
    header.forEach(line -> out.append(line).append('\n'));
    out.append("void main() {\n");
    for (Chain chain : chains) out.append(chain.render()).append('\n');
    out.append("    Clockwork.declare(")
        .append(String.join(", ", chains.stream().map(c -> c.variable).toList()))
        .append(");\n}\n");
    if (java.readsEnvironment()) {
      out.append(
          """

          /** A variable of the environment, as compose reads ${NAME:-fallback}. */
          String env(String name, String fallback) {
              String value = System.getenv(name);
              return value == null || value.isEmpty() ? fallback : value;
          }
          """);
    }
    return out.toString();
  }

  /** One resource's declaration: its constructor and a call per setting, in the file's order. */
  private final class Chain {
    final String variable;
    final String name;
    private final String type;
    private final List<String> lines = new ArrayList<>();
    private int lastCall = -1;

    Chain(String variable, String type, String name) {
      this.variable = variable;
      this.type = type;
      this.name = name;
    }

    void call(String method, String... arguments) {
      call(method, List.of(arguments));
    }

    void call(String method, List<String> arguments) {
      lines.add("." + method + "(" + String.join(", ", arguments) + ")");
      lastCall = lines.size() - 1;
    }

    /** A setting not carried over: a comment where it was, quoting it. */
    void left(String where, String key, Object value, String why) {
      String shown = value == null ? "" : String.valueOf(value).replaceAll("\\s+", " ");
      if (shown.length() > 80) shown = shown.substring(0, 77) + "...";
      lines.add(
          "// not carried over: " + key + (shown.isEmpty() ? "" : ": " + shown) + " (" + why + ")");
      notCarried.add(where + ": " + key);
    }

    String render() {
      var out =
          new StringBuilder("    var ")
              .append(variable)
              .append(" = new ")
              .append(type)
              .append("(")
              .append(JavaText.literal(name))
              .append(")");
      if (lastCall < 0) out.append(';');
      for (int i = 0; i < lines.size(); i++) {
        out.append("\n        ").append(lines.get(i));
        if (i == lastCall) out.append(';');
      }
      return out.append('\n').toString();
    }
  }

  private Chain chain(String variable, String type, String name) {
    var chain = new Chain(variable, type, name);
    chains.add(chain);
    return chain;
  }

  // ---- small helpers ---------------------------------------------------------------------------

  /** A resource name no other resource has: the compose name, else with {@code suffix}. */
  private String unique(String name, String suffix) {
    String candidate = names.contains(name) ? name + suffix : name;
    for (int n = 2; !names.add(candidate); n++) candidate = name + suffix + "-" + n;
    return candidate;
  }

  /** The container name of a service: its {@code container_name}, else its resource's name. */
  private String containerName(String service) {
    Object chosen = map(listed.get(service)).get("container_name");
    return chosen != null ? str(chosen) : serviceNames.getOrDefault(service, service);
  }

  /** A path of the compose file, relative to the project, as {@code ./dir/file} or absolute. */
  private String relative(String path) {
    if (path.startsWith("/") || path.contains("${")) return path;
    Path resolved = composeDir.resolve(path).normalize();
    if (!resolved.startsWith(projectDir)) return resolved.toString();
    String inside = projectDir.relativize(resolved).toString();
    return inside.isEmpty() ? "." : "./" + inside;
  }

  /** The services, each after those it depends on, otherwise in the file's order. */
  private static List<String> order(Map<String, Object> listed) {
    var ordered = new LinkedHashSet<String>();
    var visiting = new HashSet<String>();
    for (String name : listed.keySet()) visit(name, listed, ordered, visiting);
    return List.copyOf(ordered);
  }

  private static void visit(
      String name, Map<String, Object> listed, Set<String> ordered, Set<String> visiting) {
    if (ordered.contains(name) || !listed.containsKey(name) || !visiting.add(name)) return;
    Map<String, Object> service = map(listed.get(name));
    var before = new ArrayList<String>();
    Object dependsOn = service.get("depends_on");
    before.addAll(dependsOn instanceof Map<?, ?> m ? map(m).keySet() : strings(dependsOn));
    for (String link : strings(service.get("links"))) before.add(link.split(":")[0]);
    if (service.get("network_mode") instanceof String mode && mode.startsWith("service:")) {
      before.add(mode.substring("service:".length()));
    }
    for (String other : before) visit(other, listed, ordered, visiting);
    ordered.add(name);
  }

  private static Set<String> networkNames(Map<String, Object> service) {
    Object networks = service.get("networks");
    return networks instanceof List<?> names
        ? new HashSet<>(strings(names))
        : map(networks).keySet();
  }

  private static String port(Object port) {
    if (!(port instanceof Map<?, ?> m)) return str(port);
    Map<String, Object> p = map(m);
    String target = str(p.get("target"));
    String published = p.get("published") == null ? "" : str(p.get("published")) + ":";
    String hostIp = p.get("host_ip") == null ? "" : str(p.get("host_ip")) + ":";
    String protocol =
        p.get("protocol") == null || "tcp".equals(p.get("protocol")) ? "" : "/" + p.get("protocol");
    return hostIp + published + target + protocol;
  }

  /** A map or a list of {@code KEY=value} entries, as pairs; a value left out is {@code null}. */
  private static Map<String, String> pairs(Object value, String separator) {
    var pairs = new LinkedHashMap<String, String>();
    if (value instanceof Map<?, ?> m) {
      map(m).forEach((k, v) -> pairs.put(k, v == null ? null : str(v)));
    } else {
      for (String entry : strings(value)) {
        String[] split = entry.split(separator, 2);
        pairs.put(split[0], split.length > 1 ? split[1] : null);
      }
    }
    return pairs;
  }

  private static String camel(String key) {
    var out = new StringBuilder();
    boolean upper = false;
    for (char c : key.toCharArray()) {
      if (c == '_') upper = true;
      else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    if (!(value instanceof Map<?, ?> m)) return Map.of();
    var out = new LinkedHashMap<String, Object>();
    ((Map<Object, Object>) m).forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  private static List<Object> list(Object value) {
    return value instanceof List<?> l
        ? new ArrayList<>(l)
        : value == null ? List.of() : List.of(value);
  }

  private static List<String> strings(Object value) {
    return list(value).stream().map(ComposeImport::str).toList();
  }

  private static String str(Object value) {
    if (value instanceof Double d && d == Math.rint(d)) return Long.toString(d.longValue());
    return String.valueOf(value);
  }

  private static boolean truthy(Object value) {
    return Boolean.TRUE.equals(value) || "true".equals(value);
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.lines().findFirst().orElse("");
  }
}
