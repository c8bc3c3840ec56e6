package clockwork.engine.provider.docker;

import clockwork.engine.provider.container.ImageReference;
import clockwork.engine.provider.container.Labels;
import clockwork.resources.DockerImageResource;
import clockwork.spi.AbstractProvider;
import clockwork.spi.Action;
import clockwork.spi.Applied;
import clockwork.spi.Context;
import clockwork.spi.Declaration;
import clockwork.spi.Diff;
import clockwork.spi.FieldChange;
import clockwork.spi.InvalidResourceException;
import clockwork.spi.Operation;
import clockwork.spi.Outcome;
import clockwork.spi.Project;
import clockwork.spi.Values;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.Image;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Images built on a Docker engine from a context directory ({@link DockerImageResource}). The plan
 * compares the context's files with those of the last build, so an image is built again exactly
 * when what goes into it changed; the digest of those inputs is stamped on the image, so that a
 * state that lost its record finds the image as it was built. Observes with one list of the
 * engine's images.
 *
 * <p>A rebuilt image takes the tag; the one it replaced is removed once nothing runs it (at the
 * next build, or on destroy), as its id is kept among the resource's artifacts until then.
 */
final class DockerImageProvider
    extends AbstractProvider<DockerImageResource, ImageSpec, ImageObservation> {
  /** The tag of an image: the artifact that claims it. */
  static final String IMAGE = "image:";

  /** An image a rebuild replaced, kept until it is removed. */
  static final String REPLACED = "image-id:";

  private static final Pattern ARG = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern STEP = Pattern.compile("^Step (\\d+)/(\\d+) : (.*)$");

  private final DockerEngine engine;

  DockerImageProvider(DockerEngine engine) {
    super("docker-image", DockerImageResource.class, ImageSpec.class, ImageObservation.class);
    this.engine = engine;
  }

  @Override
  public String target() {
    return engine.description();
  }

  // ---- desired --------------------------------------------------------------------------------

  @Override
  public ImageSpec desired(DockerImageResource image, Declaration declaration) {
    Project project = declaration.project();
    var problems = new ArrayList<String>();
    String tag = image.tag() == null ? defaultTag(project.name(), declaration.id()) : image.tag();
    String badTag = ImageReference.problem(tag);
    if (badTag != null) problems.add(badTag.replaceFirst("^image ", "tag "));
    String contextText = image.context() == null ? "." : image.context();
    Path context = project.resolve(contextText);
    String dockerfile = image.dockerfile() == null ? "Dockerfile" : image.dockerfile();
    Path dockerfilePath = context.resolve(dockerfile).normalize();
    var files = new TreeMap<String, String>();
    if (!Files.isDirectory(context)) {
      problems.add(
          "context "
              + Values.quote(contextText)
              + " is not a directory: give the directory the build starts from, such as \"./app\"");
    } else if (!dockerfilePath.startsWith(context) || !Files.isRegularFile(dockerfilePath)) {
      problems.add(
          "dockerfile "
              + Values.quote(dockerfile)
              + " is not a file in the context "
              + Values.quote(contextText)
              + ": write one there, or give .dockerfile(\"path/in/context\")");
    } else {
      try {
        files.putAll(read(context, context.relativize(dockerfilePath).toString(), project).files());
      } catch (IOException e) {
        problems.add(
            "context " + Values.quote(contextText) + " cannot be read (" + e.getMessage() + ")");
      }
    }
    var buildArgs = image.buildArgs() == null ? Map.<String, String>of() : image.buildArgs();
    for (String name : buildArgs.keySet()) {
      if (!ARG.matcher(name).matches()) {
        problems.add(
            "build argument "
                + Values.quote(name)
                + " is not an ARG name: use letters, digits and '_', not starting with a digit");
      }
    }
    if (image.target() != null && image.target().isBlank()) {
      problems.add("target \"\" is empty: name a stage of the Dockerfile, or leave it out");
    }
    if (!problems.isEmpty()) throw new InvalidResourceException(problems);
    return new ImageSpec(
        tag,
        context.equals(project.dir()) ? "." : project.show(context),
        context.relativize(dockerfilePath).toString(),
        new TreeMap<>(buildArgs),
        image.target(),
        new TreeMap<>(image.labels() == null ? Map.of() : image.labels()),
        files,
        project.id(),
        project.name(),
        declaration.id());
  }

  /** As compose names a service's image: the project's and the resource's names. */
  private static String defaultTag(String projectName, String id) {
    String name = (projectName + "-" + id).toLowerCase().replaceAll("[^a-z0-9._-]", "-");
    return name.replaceAll("^[^a-z0-9]+", "") + ":latest";
  }

  /**
   * The context, without Clockwork's own files ({@code .clockwork/}, {@code .env}, the lock, {@code
   * main.java}): a context that is the project directory never sends state, keys or secrets into an
   * image.
   */
  private static BuildContext read(Path context, String dockerfile, Project project)
      throws IOException {
    return BuildContext.read(context, dockerfile, path -> project.ownFileAt(path) != null);
  }

  /** Its tag, and the digest of what it is built from, for the containers that run it. */
  @Override
  public Map<String, String> publishes(ImageSpec spec) {
    return Map.of("image", spec.tag(), "digest", spec.digest());
  }

  // ---- observe --------------------------------------------------------------------------------

  @Override
  public Map<String, ImageObservation> observe(Map<String, ImageSpec> specs, Context context) {
    DockerClient docker = engine.reachableClient();
    try {
      var byTag = new HashMap<String, Image>();
      for (Image image : docker.listImagesCmd().exec()) {
        if (image.getRepoTags() == null) continue;
        for (String tag : image.getRepoTags()) byTag.put(ImagePulls.normalise(tag), image);
      }
      var observed = new LinkedHashMap<String, ImageObservation>();
      specs.forEach(
          (id, spec) -> {
            Image image = byTag.get(ImagePulls.normalise(spec.tag()));
            observed.put(
                id,
                image == null
                    ? ImageObservation.ABSENT
                    : new ImageObservation(true, image.getId(), image.getLabels()));
          });
      return observed;
    } catch (RuntimeException e) {
      throw engine.explain(e);
    }
  }

  // ---- diff -----------------------------------------------------------------------------------

  @Override
  public List<FieldChange> describe(ImageSpec spec) {
    return List.of(
        FieldChange.added(DockerImageResource.TAG, Values.quote(spec.tag())),
        FieldChange.added(DockerImageResource.CONTEXT, Values.quote(spec.context())),
        FieldChange.added("files", String.valueOf(spec.files().size())));
  }

  @Override
  public Diff diff(
      ImageSpec desired, Applied<ImageSpec, ImageObservation> previous, ImageObservation actual) {
    ImageSpec before = previous == null ? null : previous.spec();
    if (!actual.exists()) {
      boolean drift = before != null;
      return new Diff(
          Action.CREATE,
          describe(desired),
          drift,
          drift ? "removed outside Clockwork; builds it again" : "builds it");
    }
    if (!Labels.madeFor(actual.labels(), desired.projectId(), desired.resourceId())) {
      throw new InvalidResourceException(
          "an image tagged "
              + Values.quote(desired.tag())
              + " already exists, built "
              + Labels.owner(actual.labels())
              + ", and Clockwork never takes over what it did not make: remove it (docker rmi "
              + desired.tag()
              + ") or give this resource another .tag(...)");
    }
    if (desired.digest().equals(actual.labels().get(Labels.SPEC_HASH))) return Diff.same();
    return new Diff(Action.REPLACE, rebuildReasons(before, desired, actual), false, "builds again");
  }

  /** What changed since the last build: its files by name, then the other inputs. */
  private static List<FieldChange> rebuildReasons(
      ImageSpec before, ImageSpec desired, ImageObservation actual) {
    if (before == null) {
      return List.of(
          FieldChange.changed(
              "digest",
              Values.quote(actual.labels().getOrDefault(Labels.SPEC_HASH, "")),
              Values.quote(desired.digest())));
    }
    var changes = new ArrayList<FieldChange>();
    List<String> files = BuildContext.changed(before.files(), desired.files());
    if (!files.isEmpty()) {
      int shown = Math.min(files.size(), 10);
      changes.add(
          FieldChange.changed(
              "files",
              files.size() + " changed",
              String.join(", ", files.subList(0, shown))
                  + (files.size() > shown ? " and " + (files.size() - shown) + " more" : "")));
    }
    Map<String, Object> was = inputs(before);
    inputs(desired)
        .forEach(
            (field, value) -> {
              if (!Objects.equals(was.get(field), value)) {
                changes.add(
                    FieldChange.changed(
                        field, String.valueOf(was.get(field)), String.valueOf(value)));
              }
            });
    return changes;
  }

  private static Map<String, Object> inputs(ImageSpec spec) {
    var inputs = new LinkedHashMap<String, Object>();
    inputs.put(DockerImageResource.DOCKERFILE, spec.dockerfile());
    inputs.put(DockerImageResource.BUILD_ARGS, spec.buildArgs());
    inputs.put(DockerImageResource.TARGET, spec.target());
    inputs.put(DockerImageResource.LABELS, spec.labels());
    return inputs;
  }

  // ---- build, build again, remove ---------------------------------------------------------------

  @Override
  public Outcome<ImageObservation> create(
      ImageSpec desired, Applied<ImageSpec, ImageObservation> previous, Operation operation)
      throws IOException {
    return build(desired, previous, operation);
  }

  /** An image does not change in place: it is built again. */
  @Override
  public Outcome<ImageObservation> update(
      ImageSpec desired, Applied<ImageSpec, ImageObservation> previous, Operation operation)
      throws IOException {
    return build(desired, previous, operation);
  }

  @Override
  public Outcome<ImageObservation> replace(
      ImageSpec desired, Applied<ImageSpec, ImageObservation> previous, Operation operation)
      throws IOException {
    return build(desired, previous, operation);
  }

  /**
   * Builds the image under its tag; the one it replaces (an earlier build's, or {@code null}) is
   * removed once nothing runs it.
   */
  private Outcome<ImageObservation> build(
      ImageSpec desired, Applied<ImageSpec, ImageObservation> previous, Operation operation)
      throws IOException {
    DockerClient docker = engine.reachableClient();
    var owned = new ArrayList<>(previous == null ? List.<String>of() : previous.artifacts());
    String old = previous == null || previous.observed() == null ? null : previous.observed().id();
    if (old != null) Artifacts.claim(operation, owned, REPLACED + old);
    Artifacts.claim(operation, owned, IMAGE + desired.tag());
    String id = buildImage(docker, desired, operation);
    removeReplaced(docker, owned, id);
    return new Outcome<>(inspect(docker, desired), owned);
  }

  @Override
  public void delete(Applied<ImageSpec, ImageObservation> previous, Operation operation) {
    DockerClient docker = engine.reachableClient();
    var owned = new ArrayList<>(previous.artifacts());
    for (String artifact : previous.artifacts()) {
      if (!artifact.startsWith(IMAGE)) continue;
      String tag = artifact.substring(IMAGE.length());
      try {
        var image = docker.inspectImageCmd(tag).exec();
        var labels = image.getConfig() == null ? null : image.getConfig().getLabels();
        if (Labels.madeFor(labels, operation.project().id(), operation.resourceId())) {
          remove(docker, tag);
        }
      } catch (NotFoundException e) {
        // gone already
      }
    }
    removeReplaced(docker, owned, null);
    var left = owned.stream().filter(a -> a.startsWith(REPLACED)).toList();
    if (!left.isEmpty()) {
      throw new IllegalStateException(
          "the images "
              + String.join(", ", left)
              + " that earlier builds replaced are still used by containers Clockwork did not"
              + " make: remove those containers, then destroy again");
    }
  }

  private static void remove(DockerClient docker, String reference) {
    try {
      docker.removeImageCmd(reference).withForce(false).exec();
    } catch (NotFoundException e) {
      // gone already
    } catch (ConflictException e) {
      throw new IllegalStateException(
          "image "
              + Values.quote(reference)
              + " is used by a container Clockwork did not make ("
              + DockerEngine.dockerMessage(e)
              + "): remove that container, then destroy again",
          e);
    }
  }

  /** Removes the images earlier builds replaced that nothing runs any more, but {@code keep}. */
  private static void removeReplaced(DockerClient docker, List<String> owned, String keep) {
    for (String artifact : List.copyOf(owned)) {
      if (!artifact.startsWith(REPLACED)) continue;
      String id = artifact.substring(REPLACED.length());
      if (id.equals(keep)) {
        owned.remove(artifact);
        continue;
      }
      try {
        docker.removeImageCmd(id).withForce(false).exec();
        owned.remove(artifact);
      } catch (NotFoundException e) {
        owned.remove(artifact);
      } catch (ConflictException e) {
        // still run by a container: removed at the next build, or on destroy
      }
    }
  }

  private ImageObservation inspect(DockerClient docker, ImageSpec spec) {
    var image = docker.inspectImageCmd(spec.tag()).exec();
    return new ImageObservation(
        true, image.getId(), image.getConfig() == null ? null : image.getConfig().getLabels());
  }

  /**
   * Builds from the context as the plan saw it, streaming Docker's steps as progress.
   *
   * @return the new image's id
   * @throws IllegalStateException naming the failing step and its Dockerfile line
   */
  private String buildImage(DockerClient docker, ImageSpec spec, Operation operation)
      throws IOException {
    Path context = operation.project().resolve(spec.context());
    BuildContext files = read(context, spec.dockerfile(), operation.project());
    if (!files.files().equals(spec.files())) {
      throw new IllegalStateException(
          "the context "
              + Values.quote(spec.context())
              + " changed since the plan: plan again, then apply");
    }
    var labels = new TreeMap<>(spec.labels());
    labels.putAll(Labels.of(spec.projectId(), spec.projectName(), spec.resourceId()));
    labels.put(Labels.SPEC_HASH, spec.digest());
    Path tar = Files.createTempFile("clockwork-build-", ".tar");
    var progress = new BuildProgress(operation);
    try {
      try (OutputStream out = Files.newOutputStream(tar)) {
        files.writeTar(out);
      }
      operation.report("building image " + spec.tag() + " from " + spec.context());
      try (InputStream in = Files.newInputStream(tar)) {
        var command =
            docker
                .buildImageCmd(in)
                .withDockerfilePath(spec.dockerfile())
                .withTags(Set.of(spec.tag()))
                .withLabels(labels)
                .withPull(false)
                .withRemove(true)
                .withForcerm(true); // a failed step leaves no container behind
        spec.buildArgs().forEach(command::withBuildArg);
        if (spec.target() != null) command.withTarget(spec.target());
        return command.exec(progress).awaitImageId();
      }
    } catch (DockerClientException | DockerException e) {
      throw new IllegalStateException(
          "the build of image "
              + Values.quote(spec.tag())
              + " failed"
              + progress.where(context.resolve(spec.dockerfile()))
              + ": "
              + progress.error(e),
          e);
    } finally {
      Files.deleteIfExists(tar);
    }
  }

  /** Docker's build output, reported a step at a time; the last step kept for a failure. */
  private static final class BuildProgress extends BuildImageResultCallback {
    private final Operation operation;
    private volatile String step;
    private volatile String instruction;
    private volatile String error;

    BuildProgress(Operation operation) {
      this.operation = operation;
    }

    @Override
    public void onNext(BuildResponseItem item) {
      super.onNext(item);
      if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
        error = item.getErrorDetail().getMessage();
      }
      String text = item.getStream();
      if (text == null) return;
      for (String line : text.split("\n")) {
        var matcher = STEP.matcher(line.strip());
        if (matcher.matches()) {
          step = matcher.group(1) + "/" + matcher.group(2);
          instruction = matcher.group(3);
          operation.report("step " + step + ": " + instruction);
        }
      }
    }

    /** Where the build stopped: the step and its line in the Dockerfile, when known. */
    String where(Path dockerfile) {
      if (step == null) return "";
      int line = lineOf(dockerfile, instruction);
      return " at step "
          + step
          + " ("
          + (line > 0 ? "line " + line + " of " + dockerfile.getFileName() + ": " : "")
          + instruction
          + ")";
    }

    String error(RuntimeException failure) {
      if (error != null) return error.strip();
      return failure instanceof DockerException d
          ? DockerEngine.dockerMessage(d)
          : String.valueOf(failure.getMessage()).replaceFirst("^Could not build image: ", "");
    }

    private static int lineOf(Path dockerfile, String instruction) {
      try {
        List<String> lines = Files.readAllLines(dockerfile);
        String wanted = instruction.replaceAll("\\s+", " ").strip();
        for (int i = 0; i < lines.size(); i++) {
          if (lines.get(i).replaceAll("\\s+", " ").strip().equalsIgnoreCase(wanted)) return i + 1;
        }
      } catch (IOException e) {
        // no line, then
      }
      return 0;
    }
  }
}
