package clockwork.cli;

import clockwork.engine.Engine;
import clockwork.engine.error.ClockworkException;
import clockwork.engine.error.ExitCode;
import clockwork.engine.state.StateLockedException;
import clockwork.spi.Sensitive;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "doctor",
    description =
        "Checks what the project needs: Java, main.java, the Docker engine, the model (when"
            + " something needs it), state and its lock, git, plaintext secrets, published ports."
            + " Exits 1 when something is missing.")
final class DoctorCommand implements Callable<Integer> {
  /** How a check came out. */
  enum Status {
    ok,
    warn,
    missing
  }

  /**
   * One check.
   *
   * @param fix what to do; {@code null} when it is ok
   */
  record Check(String name, Status status, String detail, String fix) {}

  /**
   * Values that are secrets whatever their name: tokens of well-known services, private keys. The
   * match is never shown, only where it is.
   */
  private static final Pattern TOKEN =
      Pattern.compile(
          "(gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|sk-[A-Za-z0-9_-]{20,}"
              + "|AKIA[0-9A-Z]{16}|xox[abprs]-[A-Za-z0-9-]{10,}|glpat-[A-Za-z0-9_-]{20,}"
              + "|-----BEGIN [A-Z ]*PRIVATE KEY-----)");

  @ParentCommand Main main;
  @Spec CommandSpec spec;
  @Mixin JsonOption output;

  @Option(names = "--strict", description = "Exit 1 on a warning too.")
  boolean strict;

  @Override
  public Integer call() {
    Path dir = main.dir.toAbsolutePath().normalize();
    var checks = new ArrayList<Check>();
    checks.add(
        new Check("java", Status.ok, "Java " + Runtime.version() + " (" + javaHome() + ")", null));
    Engine engine = main.engine(1, null, output.progress(spec), spec);
    Engine.Validation validation = mainJava(engine, checks);
    docker(engine, validation, checks);
    model(engine, validation, checks);
    state(engine, checks);
    git(dir, checks);
    secrets(dir, checks);
    if (validation != null) ports(engine, checks);

    boolean missing = checks.stream().anyMatch(c -> c.status() == Status.missing);
    boolean warned = checks.stream().anyMatch(c -> c.status() == Status.warn);
    var out = spec.commandLine().getOut();
    if (output.json) {
      out.print(
          new JsonDocument("doctor")
              .put("checks", checks.stream().map(DoctorCommand::entry).toList())
              .put("healthy", !missing && !(strict && warned))
              .text());
    } else {
      Colours colours = main.colours();
      for (Check check : checks) {
        String mark =
            switch (check.status()) {
              case ok -> colours.green("ok     ");
              case warn -> colours.yellow("warn   ");
              case missing -> colours.red("missing");
            };
        out.println(mark + " " + check.name() + ": " + check.detail());
        if (check.fix() != null) out.println("        " + check.fix());
      }
    }
    return (missing || (strict && warned) ? ExitCode.FAILED : ExitCode.OK).code();
  }

  private static Map<String, Object> entry(Check check) {
    var entry = new LinkedHashMap<String, Object>();
    entry.put("name", check.name());
    entry.put("status", check.status().name());
    entry.put("detail", check.detail());
    entry.put("fix", check.fix());
    return entry;
  }

  private static String javaHome() {
    return System.getProperty("java.home");
  }

  /** main.java compiles, runs and holds valid values; {@code null} when it does not. */
  private static Engine.Validation mainJava(Engine engine, List<Check> checks) {
    try {
      Engine.Validation validation = engine.validate();
      checks.add(
          new Check(
              "main.java",
              Status.ok,
              validation.resources().size()
                  + " resources ("
                  + String.join(", ", validation.kinds())
                  + ")",
              null));
      return validation;
    } catch (ClockworkException e) {
      checks.add(
          new Check(
              "main.java",
              Status.missing,
              Sensitive.redact(e.getMessage()),
              "fix main.java, then run clockwork validate"));
      return null;
    }
  }

  /** The Docker engine, when main.java declares containers (or cannot be read to tell). */
  private static void docker(Engine engine, Engine.Validation validation, List<Check> checks) {
    boolean needed = validation == null || validation.kinds().contains("docker");
    try {
      checks.add(new Check("docker", Status.ok, engine.reach("docker"), null));
    } catch (Exception e) {
      String why = Sensitive.redact(String.valueOf(e.getMessage()));
      checks.add(
          needed
              ? new Check("docker", Status.missing, why, "then run clockwork doctor again")
              : new Check(
                  "docker", Status.ok, "not needed: main.java declares no container", null));
    }
  }

  /** The model's endpoint, only when something is left for it to fill. */
  private static void model(Engine engine, Engine.Validation validation, List<Check> checks) {
    if (validation == null || validation.forModel().isEmpty()) {
      checks.add(
          new Check(
              "model",
              Status.ok,
              "not needed: nothing is left for a model to fill"
                  + (validation != null && !validation.fromLock().isEmpty()
                      ? " (clockwork.lock holds its values)"
                      : ""),
              null));
      return;
    }
    try {
      String model = engine.askModel();
      checks.add(
          model == null
              ? new Check(
                  "model",
                  Status.missing,
                  "no API key is set, and "
                      + String.join(", ", validation.forModel())
                      + " leave fields for a model",
                  "set CW_API_KEY and CW_MODEL (in .env, which git ignores), or CW_BASE_URL for a"
                      + " local server")
              : new Check(
                  "model",
                  Status.ok,
                  model + " answers, takes the key and gives structured output",
                  null));
    } catch (RuntimeException e) {
      checks.add(
          new Check(
              "model",
              Status.missing,
              Sensitive.redact(String.valueOf(e.getMessage())),
              "check CW_API_KEY, CW_MODEL and CW_BASE_URL (clockwork plan --help lists them)"));
    }
  }

  /** State can be read, and no other command holds its lock. */
  private static void state(Engine engine, List<Check> checks) {
    try {
      int resources = engine.state().resources().size();
      engine.lock("doctor").close(); // taken and given back at once: no command holds it
      checks.add(new Check("state", Status.ok, resources + " resources; the lock is free", null));
    } catch (StateLockedException e) {
      checks.add(
          new Check(
              "state",
              Status.warn,
              Sensitive.redact(e.getMessage()),
              "wait for that command to finish"));
    } catch (RuntimeException e) {
      checks.add(
          new Check(
              "state",
              Status.missing,
              Sensitive.redact(String.valueOf(e.getMessage())),
              "restore .clockwork/state.json from its backup, or clockwork state list to see"
                  + " what is readable"));
    }
  }

  /** Nothing of .clockwork/ is tracked by git, nor .env. */
  private static void git(Path dir, List<Check> checks) {
    if (git(dir, "--version") == null) {
      checks.add(new Check("git", Status.ok, "git is not installed", null));
      return;
    }
    if (!"true".equals(git(dir, "rev-parse", "--is-inside-work-tree"))) {
      checks.add(new Check("git", Status.ok, "not a git repository", null));
      return;
    }
    String tracked = git(dir, "ls-files", "--", ".clockwork", ".env");
    if (tracked == null || tracked.isEmpty()) {
      checks.add(new Check("git", Status.ok, ".clockwork/ and .env are not tracked", null));
      return;
    }
    checks.add(
        new Check(
            "git",
            Status.warn,
            "git tracks " + String.join(", ", tracked.lines().toList()),
            "git rm -r --cached "
                + String.join(" ", tracked.lines().toList())
                + ", and add .clockwork/ and .env to .gitignore"));
  }

  /** Tokens written into the project's sources or into a .env that git tracks. */
  private static void secrets(Path dir, List<Check> checks) {
    var found = new ArrayList<String>();
    var files = new ArrayList<Path>();
    try (var listing = Files.list(dir)) {
      listing.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
    } catch (IOException e) {
      // an unreadable directory: main.java's check says so
    }
    String envTracked = git(dir, "ls-files", "--", ".env");
    if (envTracked != null && !envTracked.isEmpty()) files.add(dir.resolve(".env"));
    for (Path file : files) {
      try {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          if (TOKEN.matcher(lines.get(i)).find()) {
            found.add(dir.relativize(file) + ":" + (i + 1));
          }
        }
      } catch (IOException e) {
        // not text, or gone: nothing to scan
      }
    }
    checks.add(
        found.isEmpty()
            ? new Check("secrets", Status.ok, "no token in the sources or in a tracked .env", null)
            : new Check(
                "secrets",
                Status.warn,
                "what looks like a token, in plain text: " + String.join(", ", found),
                "keep it in a .env that git does not track (git rm --cached .env) and read it with"
                    + " Secret.fromEnv(...); revoke it if it was ever pushed"));
  }

  /** The host ports of declared containers not yet running, free for them to take. */
  private static void ports(Engine engine, List<Check> checks) {
    var busy = new ArrayList<String>();
    try {
      for (Engine.Status row : engine.status()) {
        if (row.status().equals("running")) continue;
        for (String claim : row.claims()) {
          if (claim.startsWith("host port ") && !bindable(claim.substring(10))) {
            busy.add(claim.substring(10) + " (" + row.id() + ")");
          }
        }
      }
    } catch (RuntimeException e) {
      checks.add(
          new Check(
              "ports",
              Status.warn,
              "could not tell: " + Sensitive.redact(String.valueOf(e.getMessage())),
              "run clockwork doctor again once the checks above are ok"));
      return;
    }
    checks.add(
        busy.isEmpty()
            ? new Check("ports", Status.ok, "the ports to publish are free", null)
            : new Check(
                "ports",
                Status.missing,
                "in use by something else: " + String.join(", ", busy),
                "stop what uses them (ss -ltnp shows it), or publish other host ports"));
  }

  /** Whether a port such as {@code 8080/tcp} can be bound here now. */
  private static boolean bindable(String port) {
    String[] parts = port.split("/");
    var address = new InetSocketAddress(Integer.parseInt(parts[0]));
    try {
      if (parts.length > 1 && parts[1].toLowerCase(Locale.ROOT).equals("udp")) {
        new DatagramSocket(address).close();
      } else {
        try (var socket = new ServerSocket()) {
          socket.bind(address);
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** What a git command prints, stripped; {@code null} when git is missing or fails. */
  private static String git(Path dir, String... arguments) {
    var command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
      process.getErrorStream().close();
      String text = new String(process.getInputStream().readAllBytes()).strip();
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) return null;
      return text;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
