package clockwork.engine.provider.container;

import clockwork.spi.Project;
import clockwork.spi.Values;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One volume of a container, in Docker's syntax: {@code SOURCE:TARGET[:ro|rw]} where the source is
 * a directory (absolute, or starting with {@code ./} or {@code ../}, relative to the project) or
 * the name of a Docker volume; or just {@code TARGET}, an anonymous volume.
 *
 * @param source an absolute directory, a volume name, or empty for an anonymous volume
 * @param target the absolute path in the container
 * @param readOnly mounted read-only
 * @param bind whether the source is a directory (else a volume)
 */
public record VolumeMount(String source, String target, boolean readOnly, boolean bind) {
  public static final Pattern VOLUME_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

  /**
   * Parses a volume as written in {@code main.java}.
   *
   * @param projectDir what relative directories are relative to
   * @throws IllegalArgumentException saying what is wrong, quoting it, and how to write it
   */
  public static VolumeMount parse(String spec, Path projectDir) {
    if (spec.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "volume "
              + Values.quote(spec)
              + " holds a control character, which no path has: take it out");
    }
    String[] parts = spec.split(":", -1);
    if (parts.length == 1) {
      if (!parts[0].startsWith("/")) throw noTarget(spec);
      return new VolumeMount("", parts[0], false, false);
    }
    if (parts.length > 3) {
      throw new IllegalArgumentException(
          "volume \"" + spec + "\" has too many parts: write SOURCE:TARGET or SOURCE:TARGET:ro");
    }
    String source = parts[0];
    String target = parts[1];
    if (target.isEmpty() || !target.startsWith("/")) throw noTarget(spec);
    boolean readOnly = false;
    if (parts.length == 3) {
      if (!List.of("ro", "rw").contains(parts[2])) {
        throw new IllegalArgumentException(
            "volume \""
                + spec
                + "\" ends in \""
                + parts[2]
                + "\": the only modes are ro (read-only) and rw (the default)");
      }
      readOnly = parts[2].equals("ro");
    }
    if (isDirectory(source)) {
      return new VolumeMount(
          projectDir.resolve(source).normalize().toString(), target, readOnly, true);
    }
    if (!VOLUME_NAME.matcher(source).matches()) {
      throw new IllegalArgumentException(
          "volume \""
              + spec
              + "\" mounts \""
              + source
              + "\", which is neither a directory (., or starting with /, ./ or ../) nor a volume"
              + " name (letters, digits, _ . -)");
    }
    return new VolumeMount(source, target, readOnly, false);
  }

  /**
   * Parses a container's volumes, adding what is wrong with each to {@code problems}.
   *
   * @return those that parsed, in order
   */
  public static List<VolumeMount> parseAll(
      List<String> volumes, Project project, List<String> problems) {
    var mounts = new ArrayList<VolumeMount>();
    for (String volume : volumes) {
      try {
        mounts.add(parse(volume, project.dir()));
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    return mounts;
  }

  /**
   * The host directory a volume mounts, as written (relative to the project, or absolute); {@code
   * null} for a named or anonymous volume.
   */
  public static String hostDirectory(String spec) {
    int colon = spec.indexOf(':');
    String source = colon < 0 ? "" : spec.substring(0, colon);
    return isDirectory(source) ? source : null;
  }

  /** A directory is absolute, or relative as {@code ./x}, {@code ../x}, or {@code .} itself. */
  private static boolean isDirectory(String source) {
    return source.equals(".")
        || source.equals("..")
        || source.startsWith("/")
        || source.startsWith("./")
        || source.startsWith("../");
  }

  private static IllegalArgumentException noTarget(String spec) {
    return new IllegalArgumentException(
        "volume \""
            + spec
            + "\" has no container path: write SOURCE:/path/in/container, such as \""
            + (spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec)
            + ":/data\"");
  }

  /** Written back in Docker's syntax, with an absolute source directory. */
  @Override
  public String toString() {
    if (source.isEmpty()) return target;
    return source + ":" + target + (readOnly ? ":ro" : "");
  }
}
