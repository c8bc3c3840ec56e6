package clockwork;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entry point of {@code main.java}: declares the resources Clockwork should make real.
 *
 * <pre>{@code
 * import clockwork.*;
 * import clockwork.resources.*;
 *
 * void main() {
 *     Clockwork.declare(new FileResource("hello.txt").content("Hello from Clockwork\n"));
 * }
 * }</pre>
 *
 * <p>{@code clockwork plan}, {@code apply} and {@code destroy} compile and run {@code main.java},
 * then work with what it declared. Running {@code main.java} any other way declares nothing.
 */
public final class Clockwork {
  /**
   * Where {@link #declare} puts resources while {@link #collect} runs a program: a scoped value,
   * not a global, so that two projects loaded at once in one JVM never see each other's resources.
   */
  private static final ScopedValue<Program> DECLARED = ScopedValue.newInstance();

  /** What a program declares while it runs. */
  private static final class Program {
    final Set<Resource> resources = new LinkedHashSet<>();
    final Map<String, String> environment;
    Policy policy;

    Program(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
    }
  }

  /**
   * What {@code main.java} declared.
   *
   * @param resources in declaration order
   * @param policy the project's policy ({@link #policy}); {@code null} when it gave none
   */
  public record Declared(List<Resource> resources, Policy policy) {
    public Declared {
      resources = List.copyOf(resources);
    }
  }

  private Clockwork() {}

  /** A variable as main.java sees it: the command's environment, over the project's .env. */
  static String variable(String name) {
    return DECLARED.isBound() ? DECLARED.get().environment.get(name) : System.getenv(name);
  }

  /**
   * Declares resources. May be called more than once; a resource declared twice counts once.
   *
   * @throws IllegalArgumentException when a resource is null
   * @throws IllegalStateException when called outside a {@code clockwork} command
   */
  public static void declare(Resource... resources) {
    if (!DECLARED.isBound()) {
      throw new IllegalStateException(
          "Clockwork.declare(...) hands resources to the clockwork command, which runs main.java"
              + " itself: run `clockwork plan` in the project directory (and declare from main's"
              + " own thread)");
    }
    var checked = new ArrayList<Resource>();
    for (int i = 0; i < resources.length; i++) {
      if (resources[i] == null) {
        throw new IllegalArgumentException(
            "Clockwork.declare(...) was given null as argument " + (i + 1) + ": pass resources");
      }
      checked.add(resources[i]);
    }
    DECLARED.get().resources.addAll(checked);
  }

  /**
   * The project's policy for the reconciliation service: what every resource's own policy leaves
   * out. May be given once.
   *
   * @throws IllegalStateException when given a second time, or outside a {@code clockwork} command
   */
  public static void policy(Policy policy) {
    if (!DECLARED.isBound()) {
      throw new IllegalStateException(
          "Clockwork.policy(...) hands the project's policy to the clockwork command, which runs"
              + " main.java itself: run `clockwork plan` in the project directory");
    }
    Program program = DECLARED.get();
    if (program.policy != null) {
      throw new IllegalStateException(
          "Clockwork.policy(...) was called twice: give the project's policy once, and each"
              + " resource's own with .policy(...)");
    }
    program.policy = java.util.Objects.requireNonNull(policy, "policy");
  }

  /**
   * Runs a program and returns what it declared: its resources in declaration order, and its
   * policy. This is how the clockwork command runs {@code main.java}; a project's own code has no
   * need for it.
   *
   * @param environment the variables {@link Secret#fromEnv} reads: the command's environment over
   *     the project's {@code .env}
   * @throws X whatever the program throws
   */
  public static <X extends Throwable> Declared collect(
      Map<String, String> environment, ScopedValue.CallableOp<?, X> program) throws X {
    var declared = new Program(environment);
    ScopedValue.where(DECLARED, declared).call(program);
    return new Declared(List.copyOf(declared.resources), declared.policy);
  }

  /**
   * What a call in {@code main.java} to {@code System.exit} becomes: Clockwork runs main.java
   * inside its own process to collect what it declares, so main.java must not end that process. The
   * clockwork command rewrites such calls as it compiles main.java, and reports the attempt as an
   * error with its line.
   *
   * @throws ExitAttempt always
   */
  public static void refuseExit(int status) {
    throw new ExitAttempt("System.exit(" + status + ")");
  }

  /** What a call in {@code main.java} to {@code Runtime.exit} becomes. */
  public static void refuseExit(Runtime runtime, int status) {
    throw new ExitAttempt("Runtime.exit(" + status + ")");
  }

  /** What a call in {@code main.java} to {@code Runtime.halt} becomes. */
  public static void refuseHalt(Runtime runtime, int status) {
    throw new ExitAttempt("Runtime.halt(" + status + ")");
  }

  /**
   * main.java tried to end the process that runs it. An error, not an exception, so that a {@code
   * catch (Exception e)} in main.java does not swallow it.
   */
  public static final class ExitAttempt extends Error {
    private ExitAttempt(String call) {
      super(call);
    }
  }

  /** This Clockwork's version, such as {@code 0.1.0}. */
  public static String version() {
    try (var in = Clockwork.class.getResourceAsStream("version.txt")) {
      return in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
