package clockwork.engine.provider.apple;

import java.util.List;
import java.util.SortedMap;

/**
 * A container as it should be.
 *
 * @param name the container's name: the resource's id
 * @param ports in Docker's syntax, normalised
 * @param volumes with absolute source directories
 * @param command empty for the image's own
 */
public record AppleContainerSpec(
    String name,
    String image,
    List<String> ports,
    List<String> volumes,
    SortedMap<String, String> env,
    List<String> command,
    SortedMap<String, String> labels,
    boolean mustRun) {}
