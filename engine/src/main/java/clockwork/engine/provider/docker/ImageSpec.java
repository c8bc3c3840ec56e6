package clockwork.engine.provider.docker;

import clockwork.engine.state.Json;
import java.util.LinkedHashMap;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An image as it should be built.
 *
 * @param tag the reference it is tagged with
 * @param context the context directory, as plans show it (relative to the project when inside it)
 * @param dockerfile the Dockerfile's path in the context
 * @param buildArgs the build arguments
 * @param target the stage to build; {@code null} for the last
 * @param labels the user's labels (Clockwork adds its own)
 * @param files the digest of every file the context sends, by path ({@link BuildContext})
 * @param projectId the project's identity
 * @param projectName the project's name
 * @param resourceId the resource's id
 */
public record ImageSpec(
    String tag,
    String context,
    String dockerfile,
    SortedMap<String, String> buildArgs,
    String target,
    SortedMap<String, String> labels,
    SortedMap<String, String> files,
    String projectId,
    String projectName,
    String resourceId) {
  public ImageSpec {
    buildArgs = new TreeMap<>(buildArgs);
    labels = new TreeMap<>(labels);
    files = new TreeMap<>(files);
  }

  /**
   * A digest of everything that goes into the build: the files, the Dockerfile's path, the
   * arguments, the target and the labels (not where the context lies, nor the tag). It is stamped
   * on the image as {@link clockwork.engine.provider.container.Labels#SPEC_HASH}, and a container
   * that runs the image is replaced when it changes.
   */
  String digest() {
    var inputs = new LinkedHashMap<String, Object>();
    inputs.put("dockerfile", dockerfile);
    inputs.put("buildArgs", buildArgs);
    inputs.put("target", target);
    inputs.put("labels", labels);
    inputs.put("files", files);
    return Json.digest(inputs);
  }
}
