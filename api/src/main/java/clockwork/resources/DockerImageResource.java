package clockwork.resources;

import clockwork.Assertion;
import clockwork.Policy;
import clockwork.Resource;
import java.util.List;
import java.util.Map;

/**
 * An image Clockwork builds on the Docker engine from a context directory and a Dockerfile, as
 * {@code docker build} (and compose's {@code build:}) does:
 *
 * <pre>{@code
 * var app = new DockerImageResource("app").context("./app").buildArg("VERSION", "1.2");
 * Clockwork.declare(app, new DockerResource("web").build(app).ports("8080:80"));
 * }</pre>
 *
 * <p>It is built again when, and only when, what goes into it changes: a file of the context (as
 * {@code .dockerignore} leaves it), the Dockerfile, a build argument, the target stage or a label.
 * The plan names the files that changed. What the context held and the image built from it are kept
 * in state, so that every machine answers the same. A container that runs it ({@link
 * DockerResource#build}) is replaced when it is built again.
 *
 * <p>What "not given" means: {@code context} is the project directory; {@code dockerfile} is {@code
 * Dockerfile} in the context; {@code tag} is {@code PROJECT-ID:latest} (the project's and the
 * resource's names, as compose names its images); no build arguments, target (the last stage) or
 * labels. The engine's own images are used for {@code FROM}: nothing is pulled that it has.
 * Destroying it removes the image; an image with the same tag that Clockwork did not build stops
 * the plan.
 */
public final class DockerImageResource extends Resource {
  public static final String CONTEXT = "context";
  public static final String DOCKERFILE = "dockerfile";
  public static final String TAG = "tag";
  public static final String BUILD_ARGS = "buildArgs";
  public static final String TARGET = "target";
  public static final String LABELS = "labels";

  public DockerImageResource(String name) {
    super(name);
  }

  @Override
  public String kind() {
    return "docker-image";
  }

  @Override
  protected List<String> requiredFields() {
    return List.of();
  }

  @Override
  public DockerImageResource assertions(Assertion... assertions) {
    super.assertions(assertions);
    return this;
  }

  @Override
  public DockerImageResource defaultAssertions(boolean on) {
    super.defaultAssertions(on);
    return this;
  }

  @Override
  public DockerImageResource policy(Policy policy) {
    super.policy(policy);
    return this;
  }

  @Override
  public DockerImageResource description(String description) {
    super.description(description);
    return this;
  }

  @Override
  public DockerImageResource connect(Resource... targets) {
    super.connect(targets);
    return this;
  }

  /** The context directory; {@code null} when not given (the project directory). */
  public String context() {
    return (String) get(CONTEXT);
  }

  /** The directory sent to the build, relative to the project, such as {@code "./app"}. */
  public DockerImageResource context(String directory) {
    set(CONTEXT, directory);
    return this;
  }

  /** The Dockerfile; {@code null} when not given ({@code Dockerfile} in the context). */
  public String dockerfile() {
    return (String) get(DOCKERFILE);
  }

  /** The Dockerfile, relative to the context, such as {@code "docker/Dockerfile.prod"}. */
  public DockerImageResource dockerfile(String path) {
    set(DOCKERFILE, path);
    return this;
  }

  /** The tag; {@code null} when not given ({@code PROJECT-ID:latest}). */
  public String tag() {
    return (String) get(TAG);
  }

  /** The reference the image is tagged with, such as {@code "shop/app:dev"}. */
  public DockerImageResource tag(String tag) {
    set(TAG, tag);
    return this;
  }

  /** The build arguments; {@code null} when not given (none). */
  @SuppressWarnings("unchecked")
  public Map<String, String> buildArgs() {
    return (Map<String, String>) get(BUILD_ARGS);
  }

  /**
   * Adds a build argument ({@code ARG} in the Dockerfile), keeping the others. Build arguments are
   * visible in the image's history: never pass a secret this way.
   */
  public DockerImageResource buildArg(String name, String value) {
    putEntry(BUILD_ARGS, name, value);
    return this;
  }

  /** The target stage; {@code null} when not given (the last). */
  public String target() {
    return (String) get(TARGET);
  }

  /** The stage of a multi-stage Dockerfile to build, by its {@code AS} name. */
  public DockerImageResource target(String stage) {
    set(TARGET, stage);
    return this;
  }

  /** The labels; {@code null} when not given (only Clockwork's own). */
  @SuppressWarnings("unchecked")
  public Map<String, String> labels() {
    return (Map<String, String>) get(LABELS);
  }

  /** Adds a label to the image, keeping the others; Clockwork adds its own. */
  public DockerImageResource label(String name, String value) {
    putEntry(LABELS, name, value);
    return this;
  }
}
