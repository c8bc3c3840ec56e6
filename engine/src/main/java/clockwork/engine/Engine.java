package clockwork.engine;

import clockwork.Assertion;
import clockwork.Clockwork;
import clockwork.Containers;
import clockwork.Policy;
import clockwork.Resource;
import clockwork.Target;
import clockwork.engine.apply.Applier;
import clockwork.engine.apply.ApplyResult;
import clockwork.engine.complete.Completer;
import clockwork.engine.complete.CompletionLock;
import clockwork.engine.complete.Desired;
import clockwork.engine.complete.Remedy;
import clockwork.engine.event.EventListener;
import clockwork.engine.event.ReportingContext;
import clockwork.engine.load.Loader;
import clockwork.engine.model.AnswerFormat;
import clockwork.engine.model.Message;
import clockwork.engine.model.ModelClient;
import clockwork.engine.model.OpenAiModelClient;
import clockwork.engine.plan.Plan;
import clockwork.engine.plan.Planner;
import clockwork.engine.provider.ProviderHandle;
import clockwork.engine.provider.Providers;
import clockwork.engine.provider.container.Labels;
import clockwork.engine.resolve.Resolver;
import clockwork.engine.resolve.ResourceGraph;
import clockwork.engine.settings.Settings;
import clockwork.engine.settings.Settings.Name;
import clockwork.engine.state.DigestKey;
import clockwork.engine.state.ImportException;
import clockwork.engine.state.Json;
import clockwork.engine.state.ResourceState;
import clockwork.engine.state.State;
import clockwork.engine.state.StateLock;
import clockwork.engine.state.StateStore;
import clockwork.engine.verify.AssertionResult;
import clockwork.engine.verify.Subject;
import clockwork.engine.verify.Verifier;
import clockwork.resources.BlankResource;
import clockwork.spi.Adoption;
import clockwork.spi.Fillable;
import clockwork.spi.Project;
import clockwork.spi.Sensitive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Clockwork's engine for one project: the pipeline load → resolve → complete → plan → apply, run
 * against the project's state. It reports progress as events and never prints.
 *
 * <p>A command that changes anything holds the state lock from before it reads main.java until it
 * is done:
 *
 * <pre>{@code
 * try (StateLock lock = engine.lock("apply")) {
 *   Plan plan = engine.plan(lock);
 *   ApplyResult result = engine.apply(plan, lock);
 * }
 * }</pre>
 */
public final class Engine {
  /** The file a project declares its resources in. */
  public static final String SOURCE = "main.java";

  /** The directory, inside the project, for Clockwork's state and caches. */
  public static final String WORK_DIR = ".clockwork";

  private final Path dir;
  private final String name;
  private final Path workDir;
  private final StateStore store;
  private final Providers providers;
  private final int parallelism;
  private final Settings settings;
  private final Set<String> refreshAi;
  private final EventListener events;
  private final Clock clock;
  private final DigestKey key;
  private ModelClient modelClient;
  private boolean modelClientMade;

  private Engine(Builder builder) {
    this.dir = builder.dir;
    this.name = dir.getFileName() == null ? "root" : dir.getFileName().toString();
    this.workDir = dir.resolve(WORK_DIR);
    this.clock = builder.clock;
    this.store = builder.store;
    this.providers =
        builder.providers != null ? builder.providers : Providers.discover(builder.environment);
    this.parallelism = builder.parallelism;
    this.settings = builder.settings;
    this.refreshAi = builder.refreshAi;
    this.events = builder.events;
    this.key = new DigestKey(workDir.resolve("digest.key"));
    this.modelClient = builder.modelClient;
    this.modelClientMade = builder.modelClientGiven;
  }

  /**
   * Starts assembling an engine for a project, around the store that keeps its state (for the CLI,
   * files in the project's {@link #WORK_DIR}). Each other port has a default: the providers {@link
   * Providers#discover} finds, the model the settings name, no events, the system clock, one change
   * at a time.
   *
   * @param projectDir the directory holding main.java
   * @param settings the model's endpoint and the like
   */
  public static Builder builder(Path projectDir, Settings settings, StateStore store) {
    return new Builder(projectDir, settings, store);
  }

  /** What an engine is assembled from; see {@link #builder}. */
  public static final class Builder {
    private final Path dir;
    private final Settings settings;
    private final StateStore store;
    private Map<String, String> environment = System.getenv();
    private Providers providers;
    private ModelClient modelClient;
    private boolean modelClientGiven;
    private EventListener events = event -> {};
    private Clock clock = Clock.systemUTC();
    private int parallelism = 1;
    private Set<String> refreshAi = Set.of();

    private Builder(Path projectDir, Settings settings, StateStore store) {
      this.dir = projectDir.toAbsolutePath().normalize();
      this.settings = settings;
      this.store = store;
    }

    /** Where providers read settings such as {@code DOCKER_HOST}. */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
      return this;
    }

    /** The providers, instead of those on the class path. */
    public Builder providers(Providers providers) {
      this.providers = providers;
      return this;
    }

    /** The model to ask; {@code null} for none. */
    public Builder modelClient(ModelClient modelClient) {
      this.modelClient = modelClient;
      this.modelClientGiven = true;
      return this;
    }

    /** Receives progress, from several threads at once. */
    public Builder events(EventListener events) {
      this.events = events;
      return this;
    }

    /** Stamps state and the lock with the time. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** How many changes may run at once. */
    public Builder parallelism(int parallelism) {
      this.parallelism = parallelism;
      return this;
    }

    /**
     * Which resources to ask the model again, by id, even when {@code clockwork.lock} has an
     * answer.
     */
    public Builder refreshAi(Set<String> refreshAi) {
      this.refreshAi = Set.copyOf(refreshAi);
      return this;
    }

    public Engine build() {
      return new Engine(this);
    }
  }

  /**
   * Takes the project's state lock for a command.
   *
   * @throws clockwork.engine.state.StateLockedException when another command holds it
   */
  public StateLock lock(String command) {
    ensureWorkDir();
    return store.lock(command);
  }

  /**
   * Loads main.java and plans making reality match it, changing nothing.
   *
   * @throws clockwork.engine.error.ClockworkException when main.java or a resource is invalid, or
   *     reality cannot be observed
   */
  public Plan plan() {
    return plan(store.read());
  }

  /**
   * Plans as {@link #plan()} does, for an apply: under the lock, and with the project given an
   * identity if this is its first apply (recorded in state when the apply makes its first change).
   */
  public Plan plan(StateLock lock) {
    if (!lock.isHeld()) throw new IllegalStateException("planning an apply needs the lock");
    State state = store.read();
    if (state.projectId() != null) return plan(state);
    return plan(new State(state.serial(), newProjectId(), state.resources()));
  }

  /** A project's identity, made with its first change. */
  private static String newProjectId() {
    byte[] random = new byte[6];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  /**
   * Takes into state what already exists for a declared resource ({@code clockwork import ID}): a
   * container of its name, say, whoever made it. A project whose state was lost (it has no
   * identity) takes back the identity of the project of its name that made it, and with it what
   * that project made. Nothing else changes; the next plan shows what it takes to make it as
   * declared. The lock must be held.
   *
   * @return what it recorded as the resource's, and the identity taken back, if any
   * @throws ImportException when main.java does not declare it, state holds it already, or nothing
   *     is there to take
   */
  public Adoption adopt(String id, StateLock lock) throws Exception {
    if (!lock.isHeld()) throw new IllegalStateException("an import needs the lock");
    State state = store.read();
    if (state.resources().containsKey(id)) {
      throw new ImportException(
          "state holds \"" + id + "\" already: clockwork state rm " + id + " forgets it first");
    }
    String projectId = state.projectId() != null ? state.projectId() : newProjectId();
    Project project = new Project(name, projectId, dir);
    List<Desired> desired = load(project).desired();
    Desired resource =
        desired.stream()
            .filter(d -> d.id().equals(id))
            .findFirst()
            .orElseThrow(
                () ->
                    new ImportException(
                        "main.java declares no resource \""
                            + id
                            + "\"; it declares "
                            + String.join(", ", desired.stream().map(Desired::id).toList())));
    ProviderHandle<?, ?, ?> provider = providers.find(resource.kind()).orElseThrow();
    Adoption found =
        provider.adopt(resource.spec(), new ReportingContext(project, null, events, key));
    if (found.artifacts().isEmpty()) {
      throw new ImportException(
          "nothing is there to import as \""
              + id
              + "\" ("
              + resource.kind()
              + (provider.containerName(resource.spec()) == null
                  ? " resources are not imported: an identical file, or a clone of the same remote,"
                      + " is taken back by apply itself)"
                  : ": no container named " + provider.containerName(resource.spec()) + ")")
              + ": clockwork apply makes it");
    }
    if (state.projectId() == null) {
      store.identify(found.projectId() != null ? found.projectId() : projectId, lock);
    }
    String now = clock.instant().toString();
    store.put(
        id,
        new ResourceState(
            resource.kind(),
            null,
            null,
            found.artifacts(),
            resource.dependsOn(),
            now,
            now,
            resource.composites()),
        lock);
    return state.projectId() == null ? found : new Adoption(found.artifacts(), null);
  }

  private Plan plan(State state) {
    Project project = new Project(name, state.projectId(), dir);
    return new Planner(providers, new ReportingContext(project, null, events, key))
        .plan(load(project).desired(), state);
  }

  /** main.java, loaded, resolved and completed. */
  private record Loaded(
      List<Resource> declared, Policy policy, ResourceGraph graph, List<Desired> desired) {}

  private Loaded load(Project project) {
    Clockwork.Declared program = program();
    var graph = new Resolver().resolve(program.resources());
    return new Loaded(
        program.resources(), program.policy(), graph, completer(project).complete(graph));
  }

  /** main.java, loaded. */
  private Clockwork.Declared program() {
    requireSource();
    settings.checkForLoading();
    ensureWorkDir();
    return new Loader(
            workDir.resolve("classes"),
            providers.declarations(),
            Duration.ofSeconds(settings.number(Name.CW_LOAD_TIMEOUT)),
            settings.variables(),
            events)
        .load(dir.resolve(SOURCE));
  }

  private Completer completer(Project project) {
    var access =
        new Completer.ModelAccess(
            settings.value(Name.CW_MODEL),
            settings.number(Name.CW_COMPLETION_MAX_RETRIES),
            settings.number(Name.CW_MODEL_CONCURRENCY),
            this::modelClient,
            refreshAi);
    return new Completer(providers, new ReportingContext(project, null, events, key), access);
  }

  /**
   * Asks the model for the smallest change to the values it chose for a resource, to end {@code
   * trouble}; changes nothing. {@link #pin} deploys the remedy at the next plan.
   *
   * @param trouble what fails and what was seen ({@link #diagnose}), for the model
   */
  public Remedy remedy(String id, String trouble) {
    State state = store.read();
    Project project = new Project(name, state.projectId(), dir);
    return completer(project).remedy(new Resolver().resolve(program().resources()), id, trouble);
  }

  /** How many log lines {@link #diagnose} gives. */
  private static final int LOG_LINES = 50;

  /**
   * What a person, or a model repairing it, looks at when a resource fails, with secrets redacted:
   * a container's status, health, exit code, restart count and last {@value #LOG_LINES} log lines;
   * for other kinds, what observing it finds (a file's facts, a clone's status).
   *
   * @throws IllegalArgumentException when main.java declares no such resource
   */
  public Map<String, Object> diagnose(String id) {
    State state = store.read();
    Project project = new Project(name, state.projectId(), dir);
    Desired desired =
        load(project).desired().stream()
            .filter(d -> d.id().equals(id))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException(id + " is not declared in main.java"));
    ProviderHandle<?, ?, ?> provider = providers.find(desired.kind()).orElseThrow();
    List<String> secrets = Secrets.in(desired.resource().fields());
    var facts = new LinkedHashMap<String, Object>();
    String container = provider.containerName(desired.spec());
    try {
      if (container != null && provider.containers() != null) {
        Containers.State seen = provider.containers().state(container);
        if (seen == null) {
          facts.put("container", "there is no container " + container);
        } else {
          facts.put("status", seen.status());
          if (seen.health() != null) facts.put("health", seen.health());
          if (seen.exitCode() != null) facts.put("exitCode", seen.exitCode());
          facts.put("restartCount", seen.restartCount());
          List<String> lines =
              Secrets.redact(provider.containers().logs(container, Instant.EPOCH), secrets)
                  .lines()
                  .toList();
          facts.put("logs", lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size()));
        }
      } else {
        Record observed =
            provider
                .observe(Map.of(id, desired.spec()), new ReportingContext(project, id, events, key))
                .get(id);
        facts.put("observed", Secrets.redact(ProviderHandle.toJson(observed).toString(), secrets));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      facts.put("unobservable", "interrupted");
    } catch (Exception e) {
      facts.put("unobservable", Secrets.redact(String.valueOf(e.getMessage()), secrets));
    }
    return facts;
  }

  /**
   * Pins values for a resource in {@code clockwork.lock}, where the next plan completes it from;
   * {@code null} takes its pin away.
   */
  public void pin(String id, CompletionLock.Entry entry) {
    CompletionLock.pin(dir, id, entry);
  }

  /** What {@code clockwork.lock} pins for a resource; {@code null} for nothing. */
  public CompletionLock.Entry pinned(String id) {
    return CompletionLock.entry(dir, id);
  }

  /**
   * Each resource's policy for the reconciliation service, by id: its own, then the project's, then
   * {@link Policy#DEFAULTS}, for what each leaves out.
   */
  public Map<String, Policy> policies() {
    State state = store.read();
    return policies(load(new Project(name, state.projectId(), dir)));
  }

  private static Map<String, Policy> policies(Loaded loaded) {
    Policy project = loaded.policy() == null ? Policy.watch() : loaded.policy();
    var policies = new LinkedHashMap<String, Policy>();
    for (Desired desired : loaded.desired()) {
      Policy own =
          desired.resource().policy() == null ? Policy.watch() : desired.resource().policy();
      policies.put(desired.id(), own.over(project).over(Policy.DEFAULTS));
    }
    return policies;
  }

  /**
   * Checks the assertions of every declared resource against what is deployed: its own, or its
   * kind's defaults when it declares none; and those of composites. Changes nothing.
   *
   * @return one result per assertion
   */
  public List<AssertionResult> verify() {
    return verify(id -> true, null);
  }

  /**
   * Checks the assertions as {@link #verify()} does, of the resources and composites whose ids
   * {@code which} accepts, each polled no longer than {@code longest} ({@code null}: its own
   * timeout). The service leaves out a resource removed by hand, whose assertions could only time
   * out, and waits no longer than its interval.
   */
  public List<AssertionResult> verify(Predicate<String> which, Duration longest) {
    State state = store.read();
    Project project = new Project(name, state.projectId(), dir);
    Loaded loaded = load(project);
    // a container's name is its resource's id, unless it chose another
    var containerNames = new HashMap<String, String>();
    for (Desired desired : loaded.desired()) {
      String container = providers.find(desired.kind()).orElseThrow().containerName(desired.spec());
      if (container != null) containerNames.put(desired.id(), container);
    }
    var subjects = new ArrayList<Subject>();
    for (Desired desired : loaded.desired()) {
      if (!which.test(desired.id())) continue;
      Resource resource = desired.resource();
      List<Assertion> assertions = resource.assertions();
      if (assertions.isEmpty() && resource.defaultAssertions()) {
        assertions = providers.find(desired.kind()).orElseThrow().defaultAssertions(desired.spec());
      }
      ResourceState deployed = state.resources().get(desired.id());
      subjects.add(
          new Subject(
              target(desired.id(), resource, deployed, loaded.graph(), containerNames),
              assertions,
              deployed == null ? "not applied yet: run clockwork apply" : null));
    }
    for (BlankResource composite : composites(loaded.declared())) {
      String id = loaded.graph().idOf(composite);
      if (!which.test(id)) continue;
      subjects.add(
          new Subject(
              target(id, composite, null, loaded.graph(), containerNames),
              composite.assertions(),
              null));
    }
    return new Verifier(longest).verify(subjects);
  }

  private static List<BlankResource> composites(List<Resource> resources) {
    var composites = new ArrayList<BlankResource>();
    for (Resource resource : resources) {
      if (resource instanceof BlankResource composite) {
        composites.add(composite);
        composites.addAll(composites(composite.children().asList()));
      }
    }
    return composites;
  }

  private Target target(
      String id,
      Resource resource,
      ResourceState deployed,
      ResourceGraph graph,
      Map<String, String> containerNames) {
    Map<String, Object> state = new LinkedHashMap<>();
    if (deployed != null) {
      state.put("spec", Json.natural(deployed.spec()));
      state.put("observed", Json.natural(deployed.observed()));
    }
    return new Target() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Resource resource() {
        return resource;
      }

      @Override
      public Map<String, Object> deployed() {
        return Collections.unmodifiableMap(state);
      }

      @Override
      public Path projectDir() {
        return dir;
      }

      @Override
      public String idOf(Resource other) {
        String otherId = graph.idOf(other);
        if (otherId == null) {
          throw new IllegalArgumentException(other + " is not declared in main.java");
        }
        return otherId;
      }

      @Override
      public String container() {
        return containerNames.getOrDefault(id, id);
      }

      @Override
      public String containerOf(Resource other) {
        String otherId = idOf(other);
        return containerNames.getOrDefault(otherId, otherId);
      }

      @Override
      public Containers containersOf(Resource other) {
        return providers.containers(other.kind());
      }
    };
  }

  /**
   * Plans removing everything Clockwork made for this project; main.java is not read.
   *
   * @param keepFiles forget file resources instead of deleting their files
   */
  public Plan planDestroy(boolean keepFiles) {
    State state = store.read();
    Project project = new Project(name, state.projectId(), dir);
    return new Planner(providers, new ReportingContext(project, null, events, key))
        .destroy(state, keepFiles);
  }

  /**
   * What has outlived its {@link Policy#maxDuration}, and what depends on it: a destroy plan of
   * just those, and why each goes.
   *
   * @param plan the deletes, dependents first
   * @param reasons why each resource in it goes, by id
   */
  public record Reap(Plan plan, Map<String, String> reasons) {}

  /**
   * Plans removing every deployed resource whose {@code maxDuration} has run out since it was first
   * made, and what depends on it: as the target says ({@link clockwork.spi.Provider#madeAt}, a
   * container's label), else as state says. One whose creation time cannot be read counts as
   * expired; one without a {@code maxDuration} never does.
   */
  public Reap planReap() {
    State state = store.read();
    Instant now = clock.instant();
    Project project = new Project(name, state.projectId(), dir);
    Loaded loaded = load(project);
    Map<String, Policy> policies = policies(loaded);
    var reasons = new LinkedHashMap<String, String>();
    for (Desired desired : loaded.desired()) {
      String id = desired.id();
      Policy policy = policies.get(id);
      ResourceState deployed = state.resources().get(id);
      if (policy.maxDuration() == null || deployed == null) continue;
      String made = madeAt(desired, project);
      String from = made == null ? "state" : "the container's label " + Labels.CREATED;
      if (made == null) made = deployed.createdAt();
      Instant created;
      try {
        created = Instant.parse(made);
      } catch (RuntimeException e) {
        reasons.put(
            id,
            "when it was first made cannot be read from "
                + from
                + (made == null || made.isEmpty() ? " (it is missing)" : " (" + made + ")")
                + ": taken as expired");
        continue;
      }
      Instant expires = created.plus(policy.maxDuration());
      if (!expires.isAfter(now)) {
        reasons.put(
            id,
            "made "
                + created
                + ", maxDuration "
                + policy.maxDuration()
                + ": expired at "
                + expires);
      }
    }
    // what depends on an expired resource goes with it, first
    boolean grew = !reasons.isEmpty();
    while (grew) {
      grew = false;
      for (var entry : state.resources().entrySet()) {
        if (reasons.containsKey(entry.getKey())) continue;
        for (String dependency : entry.getValue().dependsOn()) {
          if (reasons.containsKey(dependency)) {
            reasons.put(entry.getKey(), "depends on " + dependency + ", which expired");
            grew = true;
            break;
          }
        }
      }
    }
    Plan all = planDestroy(false);
    return new Reap(
        new Plan(
            all.project(),
            all.targets(),
            all.changes().stream().filter(c -> reasons.containsKey(c.id())).toList()),
        reasons);
  }

  /**
   * When the target says a resource was first made ({@link clockwork.spi.Provider#madeAt}); {@code
   * null} when it keeps no such mark, or cannot be asked.
   */
  private String madeAt(Desired desired, Project project) {
    try {
      return providers
          .find(desired.kind())
          .orElseThrow()
          .madeAt(desired.spec(), new ReportingContext(project, desired.id(), events, key));
    } catch (Exception e) {
      return null; // unreachable: state's time counts, and the engine's error shows at the destroy
    }
  }

  /**
   * A declared resource as it is now ({@code clockwork ps}).
   *
   * @param status a container's own ({@code running}, {@code exited}, {@code missing}), else {@code
   *     applied} or {@code not applied}
   * @param health a container's healthcheck's; {@code null} without one
   * @param ports the host ports a container publishes, as {@code 8080/tcp}
   * @param madeAt when state says it was first made; {@code null} before
   * @param claims what it holds exclusively once made, such as {@code host port 8080/tcp}
   */
  public record Status(
      String id,
      String kind,
      String status,
      String health,
      List<String> ports,
      String madeAt,
      Set<String> claims) {}

  /** Each declared resource as it is now: a container as its engine says; changes nothing. */
  public List<Status> status() {
    State state = store.read();
    var rows = new ArrayList<Status>();
    for (Desired desired : load(new Project(name, state.projectId(), dir)).desired()) {
      ProviderHandle<?, ?, ?> provider = providers.find(desired.kind()).orElseThrow();
      ResourceState deployed = state.resources().get(desired.id());
      String made = deployed == null ? null : deployed.createdAt();
      String container = provider.containerName(desired.spec());
      Containers.State seen = null;
      String status = deployed != null ? "applied" : "not applied";
      if (container != null && provider.containers() != null && deployed != null) {
        try {
          seen = provider.containers().state(container);
          status = seen == null ? "missing" : seen.status();
        } catch (Exception e) {
          status = "unobservable: " + Sensitive.redact(String.valueOf(e.getMessage()));
        }
      }
      rows.add(
          new Status(
              desired.id(),
              desired.kind(),
              status,
              seen == null ? null : seen.health(),
              seen == null ? List.of() : seen.publishedPorts(),
              made,
              provider.claims(desired.spec())));
    }
    return rows;
  }

  /** What {@link #logs} found. */
  public enum Logs {
    SHOWN,
    RUNS_NO_CONTAINER,
    CONTAINER_MISSING
  }

  /**
   * Hands the log of the container a resource runs as, as state records it, to {@code out}; with
   * {@code follow}, as it comes, until the container stops. Needs no main.java; changes nothing.
   *
   * @param id a resource state holds
   */
  public Logs logs(String id, boolean follow, Consumer<String> out) throws Exception {
    ResourceState entry = store.read().resources().get(id);
    ProviderHandle<?, ?, ?> provider = providers.find(entry.kind()).orElse(null);
    String container = provider == null ? null : provider.containerName(entry);
    if (container == null || provider.containers() == null) return Logs.RUNS_NO_CONTAINER;
    if (provider.containers().state(container) == null) return Logs.CONTAINER_MISSING;
    provider.containers().stream(container, follow, out);
    return Logs.SHOWN;
  }

  /** The project's state, as the last command left it; changes nothing. */
  public State state() {
    return store.read();
  }

  /**
   * Forgets a resource without destroying it ({@code clockwork state rm}): its state entry goes,
   * whatever it made stays.
   */
  public void forget(String id, StateLock lock) {
    store.remove(id, lock);
  }

  /**
   * What {@link #validate} found.
   *
   * @param resources the ids declared, in order
   * @param fromLock those whose model-filled values came from {@code clockwork.lock}
   * @param forModel those a model has still to fill (at the next plan)
   * @param kinds the kinds declared, such as {@code docker}
   * @param graph each resource as resolved, dependencies first ({@code clockwork graph})
   * @param modelFilled the ids of those whose values a model fills, from the lock or still to ask
   */
  public record Validation(
      List<String> resources,
      List<String> fromLock,
      List<String> forModel,
      Set<String> kinds,
      List<Declared> graph,
      Set<String> modelFilled) {}

  /**
   * A resolved resource, as {@code clockwork graph} draws it.
   *
   * @param dependsOn what it is connected to, and so needs first
   * @param orderOnly what it only comes after ({@code dependsOn(...)} in main.java)
   * @param composites the composites it is in, outermost first
   */
  public record Declared(
      String id,
      String kind,
      List<String> dependsOn,
      List<String> orderOnly,
      List<String> composites) {}

  /**
   * Compiles and runs main.java, resolves it and checks every value as a plan would, with the
   * model's values pinned in {@code clockwork.lock}: no target is asked, no model, no lock taken.
   *
   * @throws clockwork.engine.error.ClockworkException when main.java or a value is invalid
   */
  public Validation validate() {
    Project project = new Project(name, store.read().projectId(), dir);
    List<Resource> declared = program().resources();
    var graph = new Resolver().resolve(declared);
    var access =
        new Completer.ModelAccess(settings.value(Name.CW_MODEL), 0, 1, () -> null, Set.of());
    var ids = graph.nodes().stream().map(ResourceGraph.Node::id).toList();
    var kinds = new TreeSet<String>();
    var nodes = new ArrayList<Declared>();
    for (ResourceGraph.Node node : graph.nodes()) {
      kinds.add(node.resource().kind());
      nodes.add(
          new Declared(
              node.id(),
              node.resource().kind(),
              node.dependsOn().stream().filter(d -> !node.orderOnly().contains(d)).toList(),
              node.dependsOn().stream().filter(node.orderOnly()::contains).toList(),
              node.composites()));
    }
    try {
      List<Desired> desired =
          new Completer(providers, new ReportingContext(project, null, events, key), access)
              .complete(graph);
      List<String> fromLock =
          desired.stream().filter(d -> d.completion() != null).map(Desired::id).toList();
      return new Validation(ids, fromLock, List.of(), kinds, nodes, Set.copyOf(fromLock));
    } catch (clockwork.engine.complete.NeedsModelException e) {
      return new Validation(ids, List.of(), e.resources(), kinds, nodes, Set.copyOf(e.ids()));
    }
  }

  /**
   * Reaches where a kind's resources go, as a plan would ({@code clockwork doctor}).
   *
   * @return how the target describes itself, such as the Docker engine with its API version
   * @throws Exception why it cannot be reached, and what to do
   */
  public String reach(String kind) throws Exception {
    ProviderHandle<?, ?, ?> provider = providers.find(kind).orElseThrow();
    var project = new Project(name, store.read().projectId(), dir);
    provider.observe(Map.of(), new ReportingContext(project, null, events, key));
    return provider.target();
  }

  /**
   * Asks the model one small question, in the structured format completions use ({@code clockwork
   * doctor}): the endpoint answers, takes the key and gives an answer of that format.
   *
   * @return the model's name; {@code null} when no key (or endpoint) is set
   * @throws clockwork.engine.model.ModelException why no usable answer came, and what to do
   */
  public String askModel() {
    ModelClient client = modelClient();
    if (client == null) return null;
    var format =
        new AnswerFormat(
            "doctor_check", List.of(new Fillable("ok", Fillable.Shape.TEXT, "the word yes")));
    String answer =
        client.ask(
            List.of(
                Message.system("Answer in the JSON format given."),
                Message.user(
                    "{\"resource\": {\"id\": \"clockwork-doctor\"}, \"task\": \"say yes\"}")),
            format);
    try {
      if (!Json.mapper().readTree(answer).has("ok")) throw new IllegalStateException(answer);
    } catch (Exception e) {
      throw new IllegalStateException(
          "the model answered, but not in the JSON format asked for: completions need an endpoint"
              + " with structured output (JSON schema or JSON mode)");
    }
    return client.model();
  }

  /** Carries out a plan (an apply's or a destroy's); the lock must be held. */
  public ApplyResult apply(Plan plan, StateLock lock) {
    return new Applier(providers, store, parallelism, events, key, clock).apply(plan, lock);
  }

  /**
   * The client for the configured endpoint, or {@code null} when there is no key and the endpoint
   * is the default, hosted one (a local server such as Ollama needs only its URL). Made on first
   * use, so that a project that needs no model never loads the client.
   */
  private synchronized ModelClient modelClient() {
    if (!modelClientMade) {
      modelClient = newModelClient();
      modelClientMade = true;
    }
    return modelClient;
  }

  private ModelClient newModelClient() {
    Settings.Setting key = settings.get(Name.CW_API_KEY);
    Settings.Setting baseUrl = settings.get(Name.CW_BASE_URL);
    if (!key.present() && baseUrl.source() == Settings.Source.DEFAULT) return null;
    return new OpenAiModelClient(
        baseUrl.value(),
        key.present() ? key.value() : null,
        settings.value(Name.CW_MODEL),
        Duration.ofSeconds(settings.number(Name.CW_COMPLETION_TIMEOUT)),
        settings.number(Name.CW_COMPLETION_MAX_RETRIES),
        Duration.ofSeconds(1));
  }

  /**
   * Fails, saying how to start, when the project has no main.java; checked before anything is
   * written.
   */
  public void requireSource() {
    Loader.requireSource(dir.resolve(SOURCE));
  }

  /** Makes .clockwork, with a .gitignore so that it stays out of version control. */
  private void ensureWorkDir() {
    try {
      Files.createDirectories(workDir);
      Path ignore = workDir.resolve(".gitignore");
      if (!Files.exists(ignore)) {
        Files.writeString(ignore, "# Clockwork's local state and caches\n*\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + workDir + ": " + e.getMessage(), e);
    }
  }
}
