package clockwork.cli;

import clockwork.engine.Engine;
import clockwork.engine.error.ClockworkException;
import clockwork.engine.error.ExitCode;
import clockwork.engine.settings.Settings;
import clockwork.engine.state.LocalStateStore;
import clockwork.spi.Sensitive;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code clockwork} command. */
@Command(
    name = "clockwork",
    mixinStandardHelpOptions = true,
    description = "Makes the infrastructure declared in main.java real, and keeps it so.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done, nothing failed",
      "1:a change or an assertion failed, or reality could not be observed",
      "2:plan --detailed-exitcode only: there are changes",
      "3:another command holds the project's state lock",
      "4:invalid input (main.java, a resource, a flag); nothing was changed"
    })
public final class Main implements Runnable {
  static {
    // picocli's default factory, which every option's model reaches, looks for Groovy's closures
    // at start-up in every jar, a tenth of a plan's time; no command of ours is written in Groovy
    System.setProperty("picocli.disable.closures", "true");
  }

  /** The commands, in the order help lists them. */
  static final List<Class<?>> COMMANDS =
      List.of(
          InitCommand.class,
          PlanCommand.class,
          ApplyCommand.class,
          AssertCommand.class,
          DestroyCommand.class,
          ImportCommand.class,
          ServiceCommand.class,
          ReapCommand.class,
          ValidateCommand.class,
          StateCommand.class,
          PsCommand.class,
          LogsCommand.class,
          DoctorCommand.class,
          GraphCommand.class,
          CompletionCommand.class,
          VersionCommand.class,
          CommandLine.HelpCommand.class);

  @Option(
      names = "--dir",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description = "The project directory, holding main.java (default: the current directory).")
  Path dir = Path.of("");

  @Option(
      names = "--no-color",
      scope = ScopeType.INHERIT,
      description = "No colour, even on a terminal (as NO_COLOR=1 does).")
  boolean noColor;

  @Spec CommandSpec spec;

  final Terminal terminal;

  /**
   * Where settings and providers read the environment: the process's, or the build's training's.
   */
  private final Map<String, String> environment;

  Main(Terminal terminal, Map<String, String> environment) {
    this.terminal = terminal;
    this.environment = environment;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Say what to do: clockwork plan, apply, assert or destroy");
  }

  /**
   * An engine for the project, reporting to this command's output.
   *
   * @param model the command's model options; {@code null} for commands that never ask a model
   */
  Engine engine(int parallelism, ModelOptions model, CommandSpec command) {
    return engine(parallelism, model, command.commandLine().getOut(), command);
  }

  /** An engine whose progress goes to {@code progress}, such as errors when output is JSON. */
  Engine engine(int parallelism, ModelOptions model, PrintWriter progress, CommandSpec command) {
    var printer =
        new ProgressPrinter(
            progress,
            command.commandLine().getErr(),
            terminal.interactive(),
            colours(),
            command.qualifiedName());
    Settings settings =
        Settings.load(model == null ? Map.of() : model.flags(), environment, dir.toAbsolutePath());
    LogConfigurator.setLevel(settings.value(Settings.Name.CW_LOG_LEVEL));
    Path project = dir.toAbsolutePath().normalize();
    return Engine.builder(project, settings, new LocalStateStore(project.resolve(Engine.WORK_DIR)))
        .environment(environment)
        .parallelism(parallelism)
        .refreshAi(model == null ? Set.of() : model.refresh())
        .events(printer)
        .build();
  }

  /** Colour when a person reads the output and has not asked for none. */
  Colours colours() {
    String noColour = System.getenv("NO_COLOR");
    return new Colours(
        terminal.interactive()
            && !noColor
            && (noColour == null || noColour.isEmpty())
            && !"dumb".equals(System.getenv("TERM")));
  }

  /** {@code --help} and {@code -h} on every command below the top one, which has them already. */
  private static void withHelp(CommandLine command) {
    for (CommandLine sub : command.getSubcommands().values()) {
      CommandSpec spec = sub.getCommandSpec();
      if (spec.optionsMap().get("--help") == null
          && !(sub.getCommand() instanceof CommandLine.HelpCommand)) {
        spec.addOption(
            CommandLine.Model.OptionSpec.builder("-h", "--help")
                .usageHelp(true)
                .description("Show this help message and exit.")
                .build());
      }
      withHelp(sub);
    }
  }

  /**
   * Makes picocli's objects as its default factory does, without first trying a public constructor
   * and catching the failure for our commands, which have none.
   */
  @SuppressWarnings("unchecked")
  private static <K> K instance(Class<K> type) throws ReflectiveOperationException {
    if (type == List.class || type == Collection.class) return (K) new ArrayList<>();
    if (type == Set.class) return (K) new LinkedHashSet<>();
    if (type == Map.class) return (K) new LinkedHashMap<>();
    var constructor = type.getDeclaredConstructor();
    constructor.setAccessible(true);
    return constructor.newInstance();
  }

  /**
   * The commands to build for these arguments: only the one they name, when they name one that
   * needs no other, for picocli takes a quarter of a plan's time to build all of them; else all,
   * for help, completion and the "did you mean" of a mistyped command. A command is found by its
   * class's name ({@code PlanCommand} is {@code plan}, as its annotation says: HelpTest checks
   * each), since reading the annotations of all of them cost a plan about 10 ms.
   */
  static List<Class<?>> commandsFor(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--dir")) {
        i++;
      } else if (!args[i].startsWith("-")) {
        String name = args[i];
        return COMMANDS.stream()
            .filter(c -> c != CompletionCommand.class && c != CommandLine.HelpCommand.class)
            .filter(c -> commandName(c).equals(name))
            .findFirst()
            .map(List::<Class<?>>of)
            .orElse(COMMANDS);
      }
    }
    return COMMANDS;
  }

  /** The name a command class goes by: {@code PlanCommand} is {@code plan}. */
  static String commandName(Class<?> command) {
    return command.getSimpleName().replaceFirst("Command$", "").toLowerCase(Locale.ROOT);
  }

  public static void main(String[] args) {
    var out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    var err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(execute(args, out, err, Terminal.system()));
  }

  /** The top command, with these below it. */
  static CommandLine commandLine(Main main, List<Class<?>> commands) {
    var cli = new CommandLine(main, Main::instance);
    cli.getCommandSpec().versionProvider(new VersionCommand());
    for (Class<?> command : commands) {
      cli.addSubcommand(command);
    }
    return cli;
  }

  /** Runs the command line and returns its exit code. */
  static int execute(String[] args, PrintWriter out, PrintWriter err, Terminal terminal) {
    return execute(args, out, err, terminal, System.getenv());
  }

  /** Runs the command line in this environment and returns its exit code. */
  static int execute(
      String[] args,
      PrintWriter out,
      PrintWriter err,
      Terminal terminal,
      Map<String, String> environment) {
    var main = new Main(terminal, environment);
    var cli = commandLine(main, commandsFor(args));
    cli.setHelpFactory(WholeNamesHelp::new);
    withHelp(cli);
    cli.setOut(out);
    cli.setErr(err);
    cli.setUsageHelpAutoWidth(true);
    cli.setParameterExceptionHandler(
        (e, arguments) -> {
          err.println(main.colours().red("Error:") + " " + e.getMessage());
          String command = e.getCommandLine().getCommandSpec().qualifiedName();
          if (e instanceof CommandLine.UnmatchedArgumentException unmatched
              && !unmatched.getSuggestions().isEmpty()) {
            err.println(
                "Did you mean: "
                    + String.join(
                        " or ",
                        unmatched.getSuggestions().stream().map(c -> command + " " + c).toList())
                    + "?");
          }
          err.println("Run `" + command + " --help` for usage.");
          return ExitCode.INVALID_INPUT.code();
        });
    cli.setExecutionExceptionHandler(
        (e, command, parsed) -> {
          if (e instanceof ClockworkException failure) {
            err.println(
                main.colours().red("Error:") + " " + Sensitive.redact(failure.getMessage()));
            return failure.exitCode().code();
          }
          if (e instanceof UncheckedIOException io) {
            err.println(main.colours().red("Error:") + " " + Sensitive.redact(io.getMessage()));
            return ExitCode.FAILED.code();
          }
          // a library's failure: its message here, where it happened in the log
          LoggerFactory.getLogger(Main.class).debug("clockwork failed", e);
          err.println(
              main.colours().red("Error:")
                  + " clockwork failed unexpectedly: "
                  + Sensitive.redact(String.valueOf(e))
                  + " (CW_LOG_LEVEL=DEBUG shows where)");
          return ExitCode.FAILED.code();
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
