package clockwork.resources;

/**
 * A container run by Apple's {@code container} command (macOS 26 on Apple silicon), with the fields
 * and behaviour of {@link DockerResource} that the command offers:
 *
 * <pre>{@code
 * new AppleContainerResource("web").image("nginx:alpine").ports("8080:80").envVar("MODE", "prod")
 * }</pre>
 *
 * <p>What "not given" means: {@code image} is required (a model may fill it, and {@code ports},
 * {@code envVars}, {@code volumes} and {@code command}); no ports, volumes, environment, labels,
 * command (the image's own); {@code mustRun} true. Ports and volumes are written in Docker's
 * syntax.
 *
 * <p>Clockwork runs it with {@code container run --name}, labels it with the project, the resource
 * and a hash of its configuration, finds it again with {@code container ls --all --format json},
 * and never touches a container of the same name it did not make. A changed configuration replaces
 * the container (stopped and deleted, then run again: unlike Docker, there is no rename to start
 * the new one first). A container stopped by hand is started again. On a machine without the
 * command, plans stop with an error saying what it needs.
 */
public final class AppleContainerResource extends ContainerResource<AppleContainerResource> {
  public AppleContainerResource(String name) {
    super(name);
  }

  @Override
  public String kind() {
    return "apple-container";
  }
}
