package clockwork.cli;

import clockwork.Clockwork;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "version",
    description = "Shows the versions of Clockwork and of the Java it runs on.")
final class VersionCommand implements Callable<Integer>, IVersionProvider {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    for (String line : getVersion()) spec.commandLine().getOut().println(line);
    return 0;
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "clockwork " + Clockwork.version(),
      "Java "
          + Runtime.version()
          + " ("
          + System.getProperty("java.vendor")
          + ") at "
          + System.getProperty("java.home")
    };
  }
}
