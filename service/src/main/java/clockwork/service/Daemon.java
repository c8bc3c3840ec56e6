package clockwork.service;

import clockwork.Policy;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The reconciliation service: one per user, started by {@code clockwork service start}. It checks
 * every registered project on an interval ({@code CW_SERVICE_INTERVAL} seconds, 30 by default)
 * through the engine, keeps each project's history, and serves both over HTTP ({@link Api}) on
 * {@code 127.0.0.1} unless told another address.
 */
public final class Daemon {
  private final ServiceHome home;
  private final Map<String, String> environment;
  private final Clock clock = Clock.systemUTC();
  private final Duration interval;
  private final Registry registry;
  private final ServiceLog log;
  private final Checker checker;
  private final Healer healer;
  private final Map<String, History> histories = new ConcurrentHashMap<>();
  private final Map<String, Object> guards = new ConcurrentHashMap<>();
  // each project's policies as its last check read them, for the budgets the API shows
  private final Map<String, Map<String, Policy>> policies = new ConcurrentHashMap<>();
  private final Map<String, ScheduledFuture<?>> schedules = new ConcurrentHashMap<>();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService checks = Executors.newVirtualThreadPerTaskExecutor();

  Daemon(ServiceHome home, Map<String, String> environment) {
    this.home = home;
    this.environment = environment;
    this.interval = seconds("CW_SERVICE_INTERVAL", environment.get("CW_SERVICE_INTERVAL"), 30);
    this.registry = new Registry(home.registry());
    this.log = new ServiceLog(home.log(), clock);
    this.checker = new Checker(environment, clock, interval);
    this.healer =
        new Healer(
            home,
            checker,
            new Alerts(environment, log),
            clock,
            seconds("CW_SERVICE_COOLDOWN", environment.get("CW_SERVICE_COOLDOWN"), 10));
  }

  /** A setting in seconds, such as {@code CW_SERVICE_INTERVAL}; {@code otherwise} when not set. */
  private static Duration seconds(String name, String seconds, long otherwise) {
    if (seconds == null || seconds.isBlank()) return Duration.ofSeconds(otherwise);
    try {
      double value = Double.parseDouble(seconds);
      if (value > 0) return Duration.ofMillis(Math.round(value * 1000));
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new IllegalArgumentException(
        name + " \"" + seconds + "\" is not a number of seconds, such as " + otherwise);
  }

  /** {@code Daemon --address ADDRESS --port PORT}: runs the service until it is stopped. */
  public static void main(String[] args) throws IOException {
    String address = "127.0.0.1";
    int port = ServiceHome.DEFAULT_PORT;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--address" -> address = args[i + 1];
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    ServiceHome home = ServiceHome.of(System.getenv());
    home.create();
    new Daemon(home, System.getenv()).run(address, port);
  }

  private void run(String address, int port) throws IOException {
    // connections past this many are closed at once, so that a flood cannot use up the files the
    // checks need
    System.setProperty("sun.net.httpserver.maxConnections", "256");
    HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 64);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", new Api(this, home.token()));
    server.start();
    long pid = ProcessHandle.current().pid();
    Files.writeString(home.pidFile(), pid + " " + address + " " + port + "\n");
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform()
                .unstarted(
                    () -> {
                      log.log("stopping");
                      server.stop(0);
                      removePidFile(pid);
                    }));
    log.log(
        "started: pid "
            + pid
            + ", http://"
            + address
            + ":"
            + port
            + ", checks every "
            + interval.toMillis()
            + " ms, "
            + registry.all().size()
            + " projects");
    for (Registry.Project project : registry.all()) schedule(project);
  }

  private void removePidFile(long pid) {
    try {
      if (Files.readString(home.pidFile()).startsWith(pid + " ")) Files.delete(home.pidFile());
    } catch (IOException e) {
      // another service took its place, or it is gone already
    }
  }

  private void schedule(Registry.Project project) {
    history(project.id());
    next(project, Duration.ZERO);
  }

  /** Checks the project after {@code delay}, unless it was unregistered. */
  private void next(Registry.Project project, Duration delay) {
    schedules.put(
        project.id(),
        scheduler.schedule(
            () -> checks.submit(() -> check(project)), delay.toMillis(), TimeUnit.MILLISECONDS));
  }

  /** Checks a project, acts on what it found, and schedules the next check. */
  private void check(Registry.Project project) {
    Duration after = interval;
    try {
      History history = history(project.id());
      Check previous = history.last();
      Checker.Checked checked = checker.check(Path.of(project.dir()), previous);
      if (registry.find(project.id()).filter(project::equals).isEmpty()) return; // unregistered
      act(project, history, previous, checked);
      // the shortest checkEvery of its resources, when shorter than the service's interval
      for (Policy policy : checked.policies().values()) {
        if (policy.checkEvery() != null && policy.checkEvery().compareTo(after) < 0)
          after = policy.checkEvery();
      }
    } catch (RuntimeException | Error e) {
      log.log("checking project " + project.id() + " failed: " + e);
    } finally {
      // unregistered, or registered again meanwhile with a chain of checks of its own: this ends
      if (registry.find(project.id()).filter(project::equals).isPresent()) next(project, after);
    }
  }

  /**
   * Records a check and heals what it found; one project's checks, approvals and resumes take
   * turns, for each reads and writes what the service remembers of it.
   */
  private void act(
      Registry.Project project, History history, Check previous, Checker.Checked checked) {
    synchronized (guard(project.id())) {
      Check check = checked.check();
      history.add(check);
      if (previous == null || !previous.health().equals(check.health())) {
        log.log(
            "project "
                + project.id()
                + " ("
                + project.dir()
                + "): "
                + check.health()
                + (check.error() == null ? "" : ": " + check.error()));
      }
      if (!checked.policies().isEmpty()) policies.put(project.id(), checked.policies());
      healer.heal(project, checked, previous, history);
    }
  }

  private Object guard(String id) {
    return guards.computeIfAbsent(id, i -> new Object());
  }

  private History history(String id) {
    return histories.computeIfAbsent(id, i -> new History(home.history(i)));
  }

  // ---- what the API asks -----------------------------------------------------------------------

  void log(String message) {
    log.log(message);
  }

  /** Every project, with its health as its last check saw it. */
  List<Map<String, Object>> projects() {
    return registry.all().stream().map(this::summary).toList();
  }

  private Map<String, Object> summary(Registry.Project project) {
    Check last = history(project.id()).last();
    return Api.object(
        "id", project.id(),
        "dir", project.dir(),
        "registered", project.registered(),
        "health", last == null ? "unchecked" : last.health(),
        "lastCheck", last == null ? null : last.at());
  }

  /** A project with its resources as last checked and its history. */
  Optional<Map<String, Object>> project(String id) {
    return registry
        .find(id)
        .map(
            project -> {
              var detail = summary(project);
              List<Check> checks = history(id).checks();
              detail.put("resources", checks.isEmpty() ? List.of() : checks.getLast().resources());
              detail.put("events", history(id).events());
              detail.put("care", healer.care(id, policies.getOrDefault(id, Map.of())));
              detail.put("history", checks);
              return detail;
            });
  }

  Map<String, Object> register(Path dir) {
    Registry.Project project = registry.add(dir, Instant.now(clock));
    if (!schedules.containsKey(project.id())) {
      log.log("registered project " + project.id() + " (" + project.dir() + ")");
      schedule(project);
    }
    return summary(project);
  }

  /** Lets the service heal what it stopped healing in a project; whether it is registered. */
  boolean resume(String id) {
    if (registry.find(id).isEmpty()) return false;
    synchronized (guard(id)) {
      healer.resume(id);
    }
    log.log("project " + id + ": healing resumed");
    return true;
  }

  /**
   * Carries out a proposal of a project's; empty when the project is not registered.
   *
   * @throws IllegalArgumentException when it has no such proposal, or it cannot be approved
   */
  Optional<String> approve(String id, String proposal) {
    Optional<Registry.Project> project = registry.find(id);
    if (project.isEmpty()) return Optional.empty();
    String outcome;
    synchronized (guard(id)) {
      outcome = healer.approve(project.get(), history(id), proposal);
    }
    log.log("project " + id + ": proposal " + proposal + " approved: " + outcome);
    return Optional.of(outcome);
  }

  boolean unregister(String id) {
    if (!registry.remove(id)) return false;
    ScheduledFuture<?> schedule = schedules.remove(id);
    if (schedule != null) schedule.cancel(false);
    History history = histories.remove(id);
    if (history != null) history.delete();
    policies.remove(id);
    healer.forget(id);
    log.log("unregistered project " + id);
    return true;
  }
}
