package clockwork.engine.provider.container;

import clockwork.Secret;
import clockwork.spi.Project;
import clockwork.spi.Values;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container's env files (compose's {@code env_file}): {@code NAME=value} lines, {@code #}
 * comments and blank lines, an optional {@code export}, values optionally in quotes. Every value is
 * taken as a secret, for env files are where secrets are kept; a message never quotes a line.
 */
public final class EnvFiles {
  private static final Pattern LINE =
      Pattern.compile("(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\\s*=\\s*(.*)");

  private EnvFiles() {}

  /**
   * The variables of the files, a later file's winning, as secrets.
   *
   * @param paths relative to the project, or absolute
   * @param problems where a missing file or a line that is not {@code NAME=value} is added
   */
  public static Map<String, Secret> read(
      Project project, List<String> paths, List<String> problems) {
    var variables = new LinkedHashMap<String, Secret>();
    for (String path : paths) {
      Path file = project.resolve(path);
      List<String> lines;
      try {
        lines = Files.readAllLines(file);
      } catch (IOException e) {
        problems.add(
            "envFile "
                + Values.quote(path)
                + " cannot be read ("
                + (Files.exists(file) ? e.getClass().getSimpleName() : "no such file")
                + "): write it, or leave it out");
        continue;
      }
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.isEmpty() || line.startsWith("#")) continue;
        Matcher matcher = LINE.matcher(line);
        if (!matcher.matches()) {
          problems.add(
              "line "
                  + (i + 1)
                  + " of envFile "
                  + Values.quote(path)
                  + " is not NAME=value (what it holds is not shown, as it may be a secret)");
          continue;
        }
        variables.put(matcher.group(1), Secret.of(unquoted(matcher.group(2))));
      }
    }
    return variables;
  }

  private static String unquoted(String value) {
    if (value.length() >= 2
        && (value.startsWith("\"") && value.endsWith("\"")
            || value.startsWith("'") && value.endsWith("'"))) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }
}
