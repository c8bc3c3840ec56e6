package clockwork.engine.provider.apple;

import clockwork.engine.provider.container.ContainerFields;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A container as it should be.
 *
 * @param name the container's name: the resource's id
 * @param ports in Docker's syntax, normalised
 * @param volumes with absolute source directories
 * @param env the environment, each secret as its keyed digest
 * @param command empty for the image's own
 * @param secretEnv the values of the secrets in {@code env}; never stored nor shown
 */
public record AppleContainerSpec(
    String name,
    String image,
    List<String> ports,
    List<String> volumes,
    SortedMap<String, String> env,
    List<String> command,
    SortedMap<String, String> labels,
    boolean mustRun,
    @JsonIgnore SortedMap<String, String> secretEnv) {
  public AppleContainerSpec {
    secretEnv = secretEnv == null ? new TreeMap<>() : new TreeMap<>(secretEnv);
  }

  /** The fields the {@code container} command cannot change on a container, as plans name them. */
  Map<String, Object> replacingFields() {
    var fields = ContainerFields.replacing(image, ports, volumes, env, command, labels);
    fields.put("mustRun", mustRun);
    return fields;
  }

  /**
   * The hash stamped on the container: of the whole spec, so that a change of any field replaces
   * it.
   */
  String hash() {
    return ContainerFields.hash(this);
  }
}
