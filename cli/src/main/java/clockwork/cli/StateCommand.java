package clockwork.cli;

import clockwork.engine.Engine;
import clockwork.engine.error.ExitCode;
import clockwork.engine.state.Json;
import clockwork.engine.state.ResourceState;
import clockwork.engine.state.State;
import clockwork.engine.state.StateLock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code clockwork state}: what the project's state holds, as Terraform's state commands show. */
@Command(
    name = "state",
    description = "Shows what the project's state holds, or forgets a resource.",
    subcommands = {StateCommand.List.class, StateCommand.Show.class, StateCommand.Remove.class})
final class StateCommand implements Runnable {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Say what to do: clockwork state list, show ID or rm ID");
  }

  private Engine engine(CommandSpec command) {
    return main.engine(1, null, command);
  }

  /** A resource's entry; an error naming those there are when state holds none by that id. */
  static ResourceState entry(State state, String id, CommandSpec command) {
    ResourceState entry = state.resources().get(id);
    if (entry == null) {
      throw new CommandLine.ParameterException(
          command.commandLine(),
          "state holds no resource \""
              + id
              + "\""
              + (state.resources().isEmpty()
                  ? ": it holds nothing"
                  : "; it holds " + String.join(", ", state.resources().keySet())));
    }
    return entry;
  }

  @Command(name = "list", description = "Lists each resource state holds: id, kind, when made.")
  static final class List implements Callable<Integer> {
    @ParentCommand StateCommand state;
    @Spec CommandSpec spec;
    @Mixin JsonOption output;

    @Override
    public Integer call() {
      var out = spec.commandLine().getOut();
      Map<String, ResourceState> resources = state.engine(spec).state().resources();
      if (output.json) {
        out.print(new JsonDocument("state list").state(resources).text());
        return ExitCode.OK.code();
      }
      if (resources.isEmpty()) {
        out.println("State holds nothing: nothing was applied, or everything was destroyed.");
      }
      resources.forEach(
          (id, entry) -> out.printf("%s  %s  made %s%n", id, entry.kind(), entry.createdAt()));
      return ExitCode.OK.code();
    }
  }

  @Command(name = "show", description = "Shows a resource's entry in state, as JSON.")
  static final class Show implements Callable<Integer> {
    @ParentCommand StateCommand state;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The resource's id, as state list shows it.")
    String id;

    @Override
    public Integer call() throws Exception {
      ResourceState entry = entry(state.engine(spec).state(), id, spec);
      spec.commandLine()
          .getOut()
          .println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(entry));
      return ExitCode.OK.code();
    }
  }

  @Command(
      name = "rm",
      description =
          "Forgets a resource without destroying it: its state entry goes, what it made stays.")
  static final class Remove implements Callable<Integer> {
    @ParentCommand StateCommand state;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The resource's id, as state list shows it.")
    String id;

    @Override
    public Integer call() {
      Engine engine = state.engine(spec);
      try (StateLock lock = engine.lock("state rm")) {
        entry(engine.state(), id, spec);
        engine.forget(id, lock);
      }
      spec.commandLine()
          .getOut()
          .println(
              "State no longer holds "
                  + id
                  + "; what it made is still there. A resource main.java still declares is taken"
                  + " back by the next apply when what it finds is Clockwork's and as declared.");
      return ExitCode.OK.code();
    }
  }
}
