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
    versionProvider = VersionCommand.class,
    description = "Makes the infrastructure declared in main.java real, and keeps it so.",
    subcommands = {
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
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done, nothing failed",
      "1:a change or an assertion failed, or reality could not be observed",
      "2:plan --detailed-exitcode only: there are changes",
      "3:another command holds the project's state lock",
      "4:invalid input (main.java, a resource, a flag); nothing was changed"
    })
public final class Main implements Runnable {
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

  Main(Terminal terminal) {
    this.terminal = terminal;
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
        Settings.load(
            model == null ? Map.of() : model.flags(), System.getenv(), dir.toAbsolutePath());
    LogConfigurator.setLevel(settings.value(Settings.Name.CW_LOG_LEVEL));
    Path project = dir.toAbsolutePath().normalize();
    return Engine.builder(project, settings, new LocalStateStore(project.resolve(Engine.WORK_DIR)))
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

  public static void main(String[] args) {
    var out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    var err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(execute(args, out, err, Terminal.system()));
  }

  /** Runs the command line and returns its exit code. */
  static int execute(String[] args, PrintWriter out, PrintWriter err, Terminal terminal) {
    var main = new Main(terminal);
    var cli = new CommandLine(main);
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
