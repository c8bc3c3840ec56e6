package clockwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Help on every command, and a suggestion for a mistyped one. */
class HelpTest {
  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err), Terminal.system());
    return new Run(code, out.toString(), err.toString());
  }

  /** Every command's words, such as {@code service start}. */
  private static List<List<String>> commands(CommandLine command, List<String> words) {
    var all = new ArrayList<List<String>>();
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!name.equals(sub.getCommandName())) return; // an alias
              var these = new ArrayList<>(words);
              these.add(name);
              all.add(these);
              all.addAll(commands(sub, these));
            });
    return all;
  }

  @Test
  void onlyTheNamedCommandIsBuilt_allOfThemForHelpCompletionAndAMistypedOne() {
    assertThat(Main.commandsFor(new String[] {"plan", "--json"}))
        .containsExactly(PlanCommand.class);
    assertThat(Main.commandsFor(new String[] {"--dir", "apply", "state", "list"}))
        .containsExactly(StateCommand.class);
    assertThat(Main.commandsFor(new String[] {"--no-color", "aply"})).isEqualTo(Main.COMMANDS);
    assertThat(Main.commandsFor(new String[] {"help", "plan"})).isEqualTo(Main.COMMANDS);
    assertThat(Main.commandsFor(new String[] {"completion"})).isEqualTo(Main.COMMANDS);
    assertThat(Main.commandsFor(new String[] {"--help"})).isEqualTo(Main.COMMANDS);
  }

  @Test
  void everyCommand_isNamedAsItsClass_forTheArgumentsFindItByTheClassName() {
    for (Class<?> command : Main.COMMANDS) {
      if (command == CommandLine.HelpCommand.class) continue;
      assertThat(Main.commandName(command))
          .as(command.getName())
          .isEqualTo(command.getAnnotation(CommandLine.Command.class).name());
    }
  }

  @Test
  void everyCommand_answersHelpAndH_withItsUsage() {
    List<List<String>> commands =
        commands(
            Main.commandLine(new Main(Terminal.system(), System.getenv()), Main.COMMANDS),
            List.of());
    assertThat(commands).contains(List.of("plan"), List.of("service", "start"));
    for (List<String> command : commands) {
      for (String flag : List.of("--help", "-h")) {
        var args = new ArrayList<>(command);
        args.add(flag);
        Run run = run(args.toArray(String[]::new));
        assertThat(run.code()).as("%s: %s", args, run).isZero();
        assertThat(run.out())
            .as("%s", args)
            .contains("Usage: clockwork " + String.join(" ", command));
        assertThat(run.err()).as("%s", args).isEmpty();
        assertThat(run.out())
            .as("%s: no name such as clockwork.lock is split at its dot", args)
            .doesNotContainPattern("\\w\\.\\n {8,}[a-z]");
      }
    }
  }

  @Test
  void aMistypedCommand_getsASuggestion() {
    Run run = run("aply");
    assertThat(run.code()).isEqualTo(4);
    assertThat(run.err())
        .contains("Unmatched argument at index 0: 'aply'", "Did you mean: clockwork apply")
        .contains("Run `clockwork --help` for usage.");
    assertThat(run("service", "strat").err()).contains("clockwork service start");
  }

  @Test
  void theBashCompletionScript_completesCommandsAndOptions(@TempDir Path dir) throws Exception {
    Run run = run("completion", "bash");
    assertThat(run.code()).isZero();
    Path script = dir.resolve("clockwork.bash");
    Files.writeString(script, run.out());
    assertThat(complete(script, "clockwork", "ap")).contains("apply");
    assertThat(complete(script, "clockwork", "service", "st")).contains("start", "status", "stop");
    assertThat(complete(script, "clockwork", "apply", "--wa")).contains("--watch");
    assertThat(run("completion", "zsh").out()).startsWith("autoload -U +X compinit");
  }

  /** What bash offers after these words, with the script sourced. */
  private static String complete(Path script, String... words) throws Exception {
    String line =
        "source "
            + script
            + "; COMP_WORDS=("
            + String.join(" ", words)
            + "); COMP_CWORD="
            + (words.length - 1)
            + "; COMP_LINE='"
            + String.join(" ", words)
            + "'; _complete_clockwork; echo \"${COMPREPLY[@]}\"";
    Process bash = new ProcessBuilder("bash", "-c", line).redirectErrorStream(true).start();
    String out = new String(bash.getInputStream().readAllBytes());
    assertThat(bash.waitFor()).as(out).isZero();
    return out;
  }
}
