package clockwork.cli.compose;

import java.util.List;
import java.util.Optional;

/**
 * What {@code clockwork import compose} makes of each compose setting: its Clockwork form, or why
 * it is not carried over. The importer comments every setting this table does not carry, with its
 * reason; {@code docs/compose.md} shows the table, and a test keeps the two the same.
 */
public final class ComposeFeatures {
  /**
   * @param key the compose key: {@code services.*.KEY}, or a top-level section
   * @param form the Clockwork form; {@code null} when it is not carried over
   * @param note how it differs from compose, or why it is not carried over
   */
  public record Feature(String key, String form, String note) {
    boolean carried() {
      return form != null;
    }
  }

  private static Feature carried(String key, String form, String note) {
    return new Feature(key, form, note);
  }

  private static Feature left(String key, String why) {
    return new Feature(key, null, why);
  }

  /** Every compose setting the importer knows, in the order of the table. */
  public static final List<Feature> ALL =
      List.of(
          carried("image", "`.image(\"nginx:1.27\")`", ""),
          carried(
              "build",
              "`new DockerImageResource(\"web-image\").context(\"web\")` and `.build(webImage)`",
              "`context`, `dockerfile`, `args`, `target`, `labels`; `image` beside it is the tag"),
          carried("container_name", "`.containerName(\"shop-db\")`", ""),
          carried("hostname", "`.hostname(\"db\")`", ""),
          carried(
              "command",
              "`.command(\"npm\", \"start\")`",
              "a string is split into words as compose does"),
          carried("entrypoint", "`.entrypoint(\"/docker-entrypoint.sh\")`", "as `command`"),
          carried(
              "environment",
              "`.envVar(\"MODE\", \"production\")`",
              "a name without a value reads the environment when main.java runs"),
          carried("env_file", "`.envFile(\"app.env\")`", "every value is taken as a secret"),
          carried("ports", "`.ports(\"8080:80\")`", "short and long syntax"),
          carried("expose", "`.expose(\"9000\")`", ""),
          carried(
              "volumes",
              "`.volumes(\"./site:/usr/share/nginx/html:ro\")`, `.volume(data,"
                  + " \"/var/lib/mysql\")`",
              "short and long syntax; a mounted project file becomes a `FileResource` Clockwork"
                  + " adopts; `tmpfs` mounts become `.tmpfs(...)`"),
          carried(
              "networks",
              "`new DockerNetworkResource(\"back\")` and `.network(back)`",
              "`aliases` and `ipv4_address` too"),
          carried(
              "network_mode",
              "`.networkMode(\"host\")`",
              "`service:NAME` becomes `container:NAME`"),
          carried(
              "depends_on",
              "`.dependsOn(db)`",
              "Clockwork waits for a dependency's health check whenever it has one, with or without"
                  + " `condition: service_healthy`"),
          carried(
              "links",
              "`.dependsOn(db)`",
              "services reach each other by name; a link's alias is not carried"),
          carried(
              "healthcheck",
              "`.healthcheck(\"curl -f localhost\")` or `.healthcheckExec(...)` with"
                  + " `.healthInterval(...)`, `.healthTimeout(...)`, `.healthRetries(...)`,"
                  + " `.healthStartPeriod(...)`",
              "`disable: true` and `NONE` are not carried"),
          carried(
              "restart",
              "`.restartPolicy(\"always\")`",
              "not given, Clockwork's default is `unless-stopped`, compose's `no`"),
          carried("labels", "`.label(\"team\", \"shop\")`", ""),
          carried("user", "`.user(\"1000:1000\")`", ""),
          carried("working_dir", "`.workingDir(\"/app\")`", ""),
          carried("cap_add", "`.capAdd(\"NET_ADMIN\")`", ""),
          carried("cap_drop", "`.capDrop(\"ALL\")`", ""),
          carried("mem_limit", "`.memory(\"512m\")`", ""),
          carried("cpus", "`.cpus(0.5)`", ""),
          carried(
              "deploy",
              "`.memory(...)`, `.cpus(...)`",
              "only `resources.limits`; the rest is Swarm's, not carried"),
          carried("stop_signal", "`.stopSignal(\"SIGINT\")`", ""),
          carried("stop_grace_period", "`.stopTimeout(seconds)`", "rounded up to whole seconds"),
          carried("read_only", "`.readOnlyRootFilesystem(true)`", ""),
          carried("tmpfs", "`.tmpfs(\"/run\")`", ""),
          carried("extra_hosts", "`.extraHosts(\"db.local:10.0.0.5\")`", ""),
          carried("init", "`.init(true)`", ""),
          carried("sysctls", "`.sysctl(\"net.core.somaxconn\", \"1024\")`", ""),
          carried(
              "secrets",
              "`.secretFile(\"db_password\", \"db_password.txt\")`",
              "file secrets, mounted at `/run/secrets/NAME`; `environment` and `external` ones are"
                  + " not carried"),
          carried(
              "configs",
              "`.configFile(\"nginx.conf\", \"/etc/nginx/nginx.conf\")`",
              "file configs; `content`, `environment` and `external` ones are not carried"),
          left("platform", "Clockwork runs the engine's own platform"),
          left("runtime", "Clockwork runs the engine's default runtime"),
          left(
              "profiles",
              "Clockwork declares every service; leave out in main.java what you do not want"),
          left("privileged", "Clockwork does not run privileged containers; use `capAdd`"),
          left("devices", "not supported yet"),
          left("ulimits", "not supported yet"),
          left("security_opt", "not supported yet"),
          left("logging", "Clockwork leaves logging to the engine's default"),
          left("dns", "not supported yet"),
          left("pid", "not supported yet"),
          left("ipc", "not supported yet"),
          left("shm_size", "not supported yet"),
          left("stdin_open", "Clockwork's containers run without a terminal"),
          left("tty", "Clockwork's containers run without a terminal"),
          left("pull_policy", "Clockwork pulls an image only when the engine lacks it"),
          left("scale", "one container per resource; declare more resources for more"),
          left("develop", "compose watch is not supported"),
          left("extends", "not supported: write the shared settings once in Java and reuse them"));

  private ComposeFeatures() {}

  /** What the table says of a service setting; empty when it does not know it. */
  static Optional<Feature> of(String key) {
    return ALL.stream().filter(f -> f.key().equals(key)).findFirst();
  }

  /** The table as Markdown, as {@code docs/compose.md} shows it. */
  public static String markdown() {
    var out = new StringBuilder("| compose | Clockwork | notes |\n|---|---|---|\n");
    for (Feature feature : ALL) {
      out.append("| `")
          .append(feature.key())
          .append("` | ")
          .append(feature.carried() ? feature.form() : "not carried over")
          .append(" | ")
          .append(feature.note())
          .append(" |\n");
    }
    return out.toString();
  }
}
