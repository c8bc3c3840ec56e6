package clockwork.engine;

import clockwork.engine.apply.Applier;
import clockwork.engine.apply.ApplyResult;
import clockwork.engine.complete.Completer;
import clockwork.engine.event.EventListener;
import clockwork.engine.load.Loader;
import clockwork.engine.plan.Plan;
import clockwork.engine.plan.Planner;
import clockwork.engine.provider.Providers;
import clockwork.engine.resolve.Resolver;
import clockwork.engine.state.LocalStateStore;
import clockwork.engine.state.StateLock;
import clockwork.engine.state.StateStore;
import clockwork.spi.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Clockwork's engine for one project: the pipeline load → resolve → complete → plan → apply, run
 * against the project's state. It reports progress as events and never prints.
 *
 * <p>A command that changes anything holds the state lock from before it reads main.java until it
 * is done:
 *
 * <pre>{@code
 * try (StateLock lock = engine.lock("apply")) {
 *   Plan plan = engine.plan();
 *   ApplyResult result = engine.apply(plan, lock);
 * }
 * }</pre>
 */
public final class Engine {
  /** The file a project declares its resources in. */
  public static final String SOURCE = "main.java";

  /** The directory, inside the project, for Clockwork's state and caches. */
  public static final String WORK_DIR = ".clockwork";

  private final Project project;
  private final Path workDir;
  private final StateStore store;
  private final Providers providers;
  private final int parallelism;
  private final EventListener events;

  /**
   * @param projectDir the directory holding main.java
   * @param parallelism how many changes may run at once
   * @param events receives progress, from several threads at once
   */
  public Engine(Path projectDir, int parallelism, EventListener events) {
    Path dir = projectDir.toAbsolutePath().normalize();
    this.project =
        new Project(dir.getFileName() == null ? "root" : dir.getFileName().toString(), dir);
    this.workDir = dir.resolve(WORK_DIR);
    this.store = new LocalStateStore(workDir);
    this.providers = Providers.builtIn();
    this.parallelism = parallelism;
    this.events = events;
  }

  public Project project() {
    return project;
  }

  /** Where the state is, for messages. */
  public String stateLocation() {
    return store.location();
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
   * Loads main.java and plans making reality match it.
   *
   * @throws clockwork.engine.error.ClockworkException when main.java or a resource is invalid, or
   *     reality cannot be observed
   */
  public Plan plan() {
    requireSource();
    ensureWorkDir();
    var declared =
        new Loader(workDir.resolve("classes"), events).load(project.dir().resolve(SOURCE));
    var graph = new Resolver().resolve(declared);
    var desired = new Completer(providers, project).complete(graph);
    return new Planner(providers, project).plan(desired, store.read());
  }

  /**
   * Plans removing everything Clockwork made for this project; main.java is not read.
   *
   * @param keepFiles forget file resources instead of deleting their files
   */
  public Plan planDestroy(boolean keepFiles) {
    return new Planner(providers, project).destroy(store.read(), keepFiles);
  }

  /** Carries out a plan (an apply's or a destroy's); the lock must be held. */
  public ApplyResult apply(Plan plan, StateLock lock) {
    return new Applier(providers, project, store, parallelism, events).apply(plan, lock);
  }

  /**
   * Fails, saying how to start, when the project has no main.java; checked before anything is
   * written.
   */
  public void requireSource() {
    Loader.requireSource(project.dir().resolve(SOURCE));
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
