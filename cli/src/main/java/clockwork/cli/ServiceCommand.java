package clockwork.cli;

import clockwork.engine.error.ExitCode;
import clockwork.engine.state.Json;
import clockwork.service.ServiceClient;
import clockwork.service.ServiceHome;
import clockwork.service.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code clockwork service}: the reconciliation service's process and the projects it watches. One
 * service per user, found through its PID file in the service home ({@link ServiceHome}).
 */
@Command(
    name = "service",
    description =
        "Runs the reconciliation service, which checks registered projects on a schedule.",
    subcommands = {
      ServiceCommand.Start.class,
      ServiceCommand.Stop.class,
      ServiceCommand.Restart.class,
      ServiceCommand.Status.class,
      ServiceCommand.Register.class,
      ServiceCommand.Unregister.class,
      ServiceCommand.Resume.class,
      ServiceCommand.Approve.class
    })
final class ServiceCommand implements Runnable {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "Say what to do: clockwork service start, stop, restart, status, register, unregister,"
            + " resume or approve");
  }

  private final ServiceHome home = ServiceHome.of(System.getenv());
  private final ServiceProcess process = new ServiceProcess(home);

  /** The running service, or an error saying how to start it. */
  private ServiceProcess.Running running() {
    return process
        .running()
        .orElseThrow(
            () ->
                new ServiceException(
                    "no Clockwork service runs for this user: start it with clockwork service"
                        + " start"));
  }

  private ServiceClient client() {
    return new ServiceClient(running(), home.token());
  }

  /** The answer's JSON, or an error quoting what the service said. */
  private static JsonNode json(ServiceClient.Response response) {
    JsonNode body;
    try {
      body = Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("the service answered with no JSON: " + response.body(), e);
    }
    if (response.status() >= 400) {
      throw new ServiceException(
          "the service refused: " + body.path("error").asText(response.body()));
    }
    return body;
  }

  /** Where the service listens, from the flags and {@code CW_SERVICE_PORT}. */
  static final class Listen {
    @Option(
        names = "--address",
        paramLabel = "ADDRESS",
        description =
            "Listen on this address instead of 127.0.0.1; anyone who can reach it and has the token"
                + " may use the API.")
    String address = "127.0.0.1";

    @Option(
        names = "--port",
        paramLabel = "PORT",
        description = "Listen on this port (default: CW_SERVICE_PORT, else 8765).")
    Integer port;

    int port() {
      if (port != null) return port;
      String configured = System.getenv("CW_SERVICE_PORT");
      if (configured == null || configured.isBlank()) return ServiceHome.DEFAULT_PORT;
      if (!configured.matches("\\d{1,5}") || Integer.parseInt(configured) > 65535) {
        throw new ServiceException(
            "CW_SERVICE_PORT \"" + configured + "\" is not a port: give a number up to 65535");
      }
      return Integer.parseInt(configured);
    }
  }

  private int start(Listen listen, PrintWriter out) {
    Optional<ServiceProcess.Running> already = process.running();
    if (already.isPresent()) {
      out.println(
          "The Clockwork service runs already: pid "
              + already.get().pid()
              + ", "
              + already.get().url());
      return ExitCode.OK.code();
    }
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ServiceProcess.Running running;
    try {
      running =
          process.start(java, System.getProperty("java.class.path"), listen.address, listen.port());
    } catch (IllegalStateException e) {
      throw new ServiceException(e.getMessage());
    }
    out.println("The Clockwork service started: pid " + running.pid() + ", " + running.url());
    out.println("Its token is in " + home.tokenFile() + ", its log in " + home.log() + ".");
    return ExitCode.OK.code();
  }

  @Command(name = "start", description = "Starts the service, unless it runs already.")
  static final class Start implements Callable<Integer> {
    @ParentCommand ServiceCommand service;
    @Spec CommandSpec spec;
    @CommandLine.Mixin Listen listen = new Listen();

    @Override
    public Integer call() {
      return service.start(listen, spec.commandLine().getOut());
    }
  }

  @Command(name = "stop", description = "Stops the service; its projects and history stay.")
  static final class Stop implements Callable<Integer> {
    @ParentCommand ServiceCommand service;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      var out = spec.commandLine().getOut();
      out.println(
          service.process.stop(Duration.ofSeconds(10))
              ? "The Clockwork service stopped."
              : "No Clockwork service runs.");
      return ExitCode.OK.code();
    }
  }

  @Command(name = "restart", description = "Stops the service if it runs, and starts it.")
  static final class Restart implements Callable<Integer> {
    @ParentCommand ServiceCommand service;
    @Spec CommandSpec spec;
    @CommandLine.Mixin Listen listen = new Listen();

    @Override
    public Integer call() {
      service.process.stop(Duration.ofSeconds(10));
      return service.start(listen, spec.commandLine().getOut());
    }
  }

  @Command(
      name = "status",
      description = "Shows whether the service runs, and the health of each project it watches.")
  static final class Status implements Callable<Integer> {
    @ParentCommand ServiceCommand service;
    @Spec CommandSpec spec;

    @Option(
        names = "--json",
        description =
            "Print the status as JSON: each project's resources, their drift per field and their"
                + " assertions.")
    boolean json;

    @Override
    public Integer call() {
      var out = spec.commandLine().getOut();
      ServiceProcess.Running running = service.running();
      ServiceClient client = new ServiceClient(running, service.home.token());
      ArrayNode projects = Json.mapper().createArrayNode();
      for (JsonNode project : json(client.get("/projects"))) {
        ObjectNode detail =
            (ObjectNode) json(client.get("/projects/" + project.path("id").asText()));
        detail.remove("history");
        projects.add(detail);
      }
      if (json) {
        ObjectNode status = Json.mapper().createObjectNode();
        status.putObject("service").put("pid", running.pid()).put("url", running.url());
        status.set("projects", projects);
        out.println(status.toPrettyString());
        return ExitCode.OK.code();
      }
      out.println("The Clockwork service runs: pid " + running.pid() + ", " + running.url());
      out.println(
          projects.isEmpty()
              ? "It watches no project: register one with clockwork service register --dir DIR"
              : "Projects:");
      for (JsonNode project : projects) {
        out.printf(
            "  %s  %-9s %s  (checked %s)%n",
            project.path("id").asText(),
            project.path("health").asText(),
            project.path("dir").asText(),
            project.path("lastCheck").asText("not yet"));
        for (JsonNode resource : project.path("resources")) {
          if (resource.path("health").asText().equals("ok")) continue;
          out.printf(
              "      %s: %s%n", resource.path("id").asText(), resource.path("health").asText());
          for (JsonNode drift : resource.path("drift")) {
            out.printf(
                "        %s: %s, expected %s (since %s)%n",
                drift.path("field").asText(),
                drift.path("actual").asText(),
                drift.path("expected").asText(),
                drift.path("firstSeen").asText());
          }
          for (JsonNode assertion : resource.path("assertions")) {
            if (!assertion.path("passed").asBoolean())
              out.printf(
                  "        %s failed: %s%n",
                  assertion.path("description").asText(), assertion.path("observation").asText());
          }
        }
        for (JsonNode proposal : project.path("care").path("proposals")) {
          out.printf(
              "      proposal %s for %s: %s%n        %s%n",
              proposal.path("id").asText(),
              proposal.path("resource").asText(),
              proposal.path("summary").asText(),
              proposal.path("refusal").isTextual()
                  ? "cannot be approved: " + proposal.path("refusal").asText()
                  : "clockwork service approve " + proposal.path("id").asText() + " makes it so");
        }
      }
      return ExitCode.OK.code();
    }
  }

  @Command(name = "register", description = "Has the service watch the project (--dir).")
  static final class Register implements Callable<Integer> {
    @ParentCommand ServiceCommand service;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      service.register(service.main.dir.toAbsolutePath().normalize(), spec.commandLine().getOut());
      return ExitCode.OK.code();
    }
  }

  private void register(Path dir, PrintWriter out) {
    ObjectNode request = Json.mapper().createObjectNode().put("dir", dir.toString());
    JsonNode project = json(client().post("/projects", request.toString()));
    out.println("The service watches " + dir + " as project " + project.path("id").asText() + ".");
  }

  /**
   * Has the service watch a project ({@code apply --watch}), starting it on its defaults when none
   * runs.
   */
  static void watch(Path dir, PrintWriter out) {
    var service = new ServiceCommand();
    if (service.process.running().isEmpty()) service.start(new Listen(), out);
    service.register(dir, out);
  }

  @Command(
      name = "unregister",
      description = "Has the service stop watching the project (--dir); nothing deployed changes.")
  static final class Unregister implements Callable<Integer> {
    @ParentCommand ServiceCommand service;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Path dir = service.main.dir.toAbsolutePath().normalize();
      ServiceClient client = service.client();
      json(client.delete("/projects/" + service.projectId(client, dir)));
      spec.commandLine().getOut().println("The service no longer watches " + dir + ".");
      return ExitCode.OK.code();
    }
  }

  /** The id the service knows a project directory by; an error when it does not watch it. */
  private String projectId(ServiceClient client, Path dir) {
    for (JsonNode project : json(client.get("/projects"))) {
      if (project.path("dir").asText().equals(dir.toString())) return project.path("id").asText();
    }
    throw new ServiceException(
        "the service does not watch " + dir + ": clockwork service status lists what it watches");
  }

  @Command(
      name = "resume",
      description =
          "Lets the service heal again what it stopped healing in the project (--dir): a budget"
              + " used up, a field something else keeps writing.")
  static final class Resume implements Callable<Integer> {
    @ParentCommand ServiceCommand service;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Path dir = service.main.dir.toAbsolutePath().normalize();
      ServiceClient client = service.client();
      json(client.post("/projects/" + service.projectId(client, dir) + "/resume", "{}"));
      spec.commandLine().getOut().println("The service heals " + dir + " again.");
      return ExitCode.OK.code();
    }
  }

  @Command(
      name = "approve",
      description =
          "Carries out a proposal of the service's for the project (--dir): a fix it never makes"
              + " by itself (published ports, mounts, privileges, secrets), or a repair the model"
              + " proposed. clockwork service status lists them.")
  static final class Approve implements Callable<Integer> {
    @ParentCommand ServiceCommand service;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "PROPOSAL", description = "The proposal's number, as status shows it.")
    String proposal;

    @Override
    public Integer call() {
      Path dir = service.main.dir.toAbsolutePath().normalize();
      ServiceClient client = service.client();
      JsonNode answer =
          json(
              client.post(
                  "/projects/"
                      + service.projectId(client, dir)
                      + "/proposals/"
                      + java.net.URLEncoder.encode(
                          proposal, java.nio.charset.StandardCharsets.UTF_8)
                      + "/approve",
                  "{}"));
      spec.commandLine()
          .getOut()
          .println("Proposal " + proposal + " " + answer.path("outcome").asText());
      return ExitCode.OK.code();
    }
  }

  /** The service is not there, or refused. */
  static final class ServiceException extends clockwork.engine.error.ClockworkException {
    ServiceException(String message) {
      super(message);
    }

    @Override
    public ExitCode exitCode() {
      return ExitCode.FAILED;
    }
  }
}
