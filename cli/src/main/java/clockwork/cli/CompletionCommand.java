package clockwork.cli;

import clockwork.engine.error.ExitCode;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "completion",
    description =
        "Prints a script that completes clockwork's commands and options in bash or zsh: source"
            + " <(clockwork completion bash), or add that line to ~/.bashrc (~/.zshrc for zsh).")
final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** The shells picocli's script works in: zsh reads it through bashcompinit. */
  enum Shell {
    bash,
    zsh
  }

  @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
  Shell shell;

  @Override
  public Integer call() {
    String script = AutoComplete.bash("clockwork", spec.root().commandLine());
    var out = spec.commandLine().getOut();
    if (shell == Shell.zsh) {
      out.println("autoload -U +X compinit && compinit");
      out.println("autoload -U +X bashcompinit && bashcompinit");
    }
    out.print(script);
    return ExitCode.OK.code();
  }
}
