package clockwork.engine.provider.docker;

import clockwork.Containers;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Statistics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** What assertions ask the Docker engine about containers. */
final class DockerContainers implements Containers {
  private static final long WAIT_SECONDS = 15;

  private final DockerEngine engine;

  DockerContainers(DockerEngine engine) {
    this.engine = engine;
  }

  @Override
  public State state(String container) {
    InspectContainerResponse inspect;
    try {
      inspect = engine.client().inspectContainerCmd(container).exec();
    } catch (NotFoundException e) {
      return null;
    }
    var state = inspect.getState();
    var published = new ArrayList<String>();
    var ports = inspect.getNetworkSettings().getPorts();
    if (ports != null) {
      ports
          .getBindings()
          .forEach(
              (exposed, bindings) -> {
                if (bindings == null) return;
                Arrays.stream(bindings)
                    .map(b -> b.getHostPortSpec() + "/" + exposed.getProtocol())
                    .distinct()
                    .forEach(published::add);
              });
    }
    return new State(
        Objects.requireNonNullElse(state.getStatus(), "unknown"),
        state.getHealth() == null ? null : state.getHealth().getStatus(),
        Objects.requireNonNullElse(inspect.getRestartCount(), 0),
        published.stream().distinct().sorted().toList(),
        Boolean.TRUE.equals(state.getRunning()) || state.getExitCodeLong() == null
            ? null
            : state.getExitCodeLong().intValue());
  }

  @Override
  public String logs(String container, Instant since) throws InterruptedException {
    var log = new Collector();
    engine
        .client()
        .logContainerCmd(container)
        .withStdOut(true)
        .withStdErr(true)
        .withSince((int) Math.max(0, since.getEpochSecond()))
        .exec(log)
        .awaitCompletion(WAIT_SECONDS, TimeUnit.SECONDS);
    return log.text();
  }

  @Override
  public void stream(String container, boolean follow, Consumer<String> out)
      throws InterruptedException {
    var log =
        new ResultCallback.Adapter<Frame>() {
          @Override
          public void onNext(Frame frame) {
            out.accept(new String(frame.getPayload(), StandardCharsets.UTF_8));
          }
        };
    try (log) {
      engine
          .client()
          .logContainerCmd(container)
          .withStdOut(true)
          .withStdErr(true)
          .withFollowStream(follow)
          .exec(log)
          .awaitCompletion();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public Usage usage(String container) throws InterruptedException {
    var stats =
        new ResultCallback.Adapter<Statistics>() {
          volatile Statistics first;

          @Override
          public void onNext(Statistics statistics) {
            first = statistics;
          }
        };
    // one sample, which the engine takes after a second so that it carries the CPU delta
    engine
        .client()
        .statsCmd(container)
        .withNoStream(true)
        .exec(stats)
        .awaitCompletion(WAIT_SECONDS, TimeUnit.SECONDS);
    Statistics sample = stats.first;
    if (sample == null) throw new IllegalStateException("the engine sent no statistics");
    long memory = Objects.requireNonNullElse(sample.getMemoryStats().getUsage(), 0L);
    var cpu = sample.getCpuStats();
    var before = sample.getPreCpuStats();
    double percent = 0;
    if (cpu.getCpuUsage() != null
        && before.getCpuUsage() != null
        && cpu.getSystemCpuUsage() != null
        && before.getSystemCpuUsage() != null) {
      long cpuDelta = cpu.getCpuUsage().getTotalUsage() - before.getCpuUsage().getTotalUsage();
      long systemDelta = cpu.getSystemCpuUsage() - before.getSystemCpuUsage();
      long cpus = Objects.requireNonNullElse(cpu.getOnlineCpus(), 1L);
      if (systemDelta > 0) percent = 100.0 * cpuDelta / systemDelta * cpus;
    }
    return new Usage(memory, percent);
  }

  @Override
  public List<String> processes(String container) {
    var top = engine.client().topContainerCmd(container).exec();
    int command = Arrays.asList(top.getTitles()).indexOf("CMD");
    if (command < 0) command = top.getTitles().length - 1;
    var lines = new ArrayList<String>();
    for (String[] process : top.getProcesses()) lines.add(process[command]);
    return lines;
  }

  @Override
  public Exec exec(String container, String... command) throws InterruptedException {
    var docker = engine.client();
    String id =
        docker
            .execCreateCmd(container)
            .withCmd(command)
            .withAttachStdout(true)
            .withAttachStderr(true)
            .exec()
            .getId();
    var output = new Collector();
    docker.execStartCmd(id).exec(output).awaitCompletion(WAIT_SECONDS, TimeUnit.SECONDS);
    Long exitCode = docker.inspectExecCmd(id).exec().getExitCodeLong();
    return new Exec(exitCode == null ? -1 : exitCode.intValue(), output.text());
  }

  /** Collects the frames of a log or an exec as text. */
  private static final class Collector extends ResultCallback.Adapter<Frame> {
    private final StringBuffer text = new StringBuffer();

    @Override
    public void onNext(Frame frame) {
      text.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
    }

    String text() {
      return text.toString();
    }
  }
}
