package clockwork.engine.complete;

import clockwork.spi.Fillable;
import clockwork.spi.InvalidResourceException;
import clockwork.spi.Project;
import clockwork.spi.Sensitive;
import clockwork.spi.Values;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a model's values are held to, beyond their shape ({@link Fillable.Rule}), for every
 * kind alike: what a provider declares is which rule a field follows, never the rule itself. Values
 * from {@code clockwork.lock} are held to them too, for a model wrote them.
 */
final class ModelPolicy {
  /**
   * Variables that change how programs load code or start interpreters in a container: a model
   * never sets them.
   */
  private static final Set<String> INJECTING =
      Set.of(
          "LD_PRELOAD",
          "LD_LIBRARY_PATH",
          "LD_AUDIT",
          "JAVA_TOOL_OPTIONS",
          "_JAVA_OPTIONS",
          "JDK_JAVA_OPTIONS",
          "NODE_OPTIONS",
          "PYTHONSTARTUP",
          "PYTHONPATH",
          "PERL5OPT",
          "RUBYOPT",
          "BASH_ENV",
          "ENV");

  private static final Pattern MODE = Pattern.compile("0?[0-7]{3}");

  private ModelPolicy() {}

  /** Adds to {@code problems} why {@code value}, read for {@code field}, is refused. */
  static void check(Fillable field, Object value, Project project, List<String> problems) {
    try {
      checkRule(field, value, project, problems);
    } catch (InvalidResourceException e) { // a path that cannot be one
      problems.addAll(e.problems());
    }
  }

  private static void checkRule(
      Fillable field, Object value, Project project, List<String> problems) {
    switch (field.rule()) {
      case Fillable.Rule.Any any -> {}
      case Fillable.Rule.Environment environment ->
          ((Map<?, ?>) value)
              .forEach((name, text) -> environment((String) name, (String) text, problems));
      case Fillable.Rule.HostDirectory directory -> {
        String dest = (String) value;
        Path path = project.resolve(dest);
        if (!project.contains(path)) {
          problems.add(
              field.field()
                  + " "
                  + Values.quote(dest)
                  + " is outside the project"
                  + leadsTo(path)
                  + ": give a directory inside it");
        }
      }
      case Fillable.Rule.FileMode mode -> {
        String text = (String) value;
        if (MODE.matcher(text).matches() && (Integer.parseInt(text, 8) & 02) != 0) {
          problems.add(
              field.field()
                  + " "
                  + Values.quote(text)
                  + " lets anyone write the file, which only the user may ask for: answer 644,"
                  + " 600 or 755");
        }
      }
      case Fillable.Rule.Mounts mounts -> {
        for (Object element : (List<?>) value) {
          String mount = (String) element;
          String source = mounts.hostDirectory().apply(mount);
          String refused = source == null ? null : mounted(project.resolve(source), project);
          if (refused != null) problems.add("volume " + Values.quote(mount) + " " + refused);
        }
      }
    }
  }

  /** What a model may not put in an environment: secrets, credentials, ways to inject code. */
  private static void environment(String name, String value, List<String> problems) {
    if (Sensitive.name(name)) {
      problems.add(
          "environment variable "
              + Values.quote(name)
              + " holds a secret, which only the user sets: leave it out");
    } else if (Sensitive.value(value)) {
      problems.add(
          "environment variable "
              + Values.quote(name)
              + " carries credentials in a URL, which only the user gives: leave them out");
    } else if (INJECTING.contains(name) || name.startsWith("LD_") || name.startsWith("DYLD_")) {
      problems.add(
          "environment variable "
              + Values.quote(name)
              + " changes how programs in the container load code, which only the user sets:"
              + " leave it out");
    }
  }

  /** Why a model may not mount a host directory, or {@code null} when it may. */
  private static String mounted(Path source, Project project) {
    String own = project.ownFileAt(source);
    if (own != null) {
      return "mounts Clockwork's own " + own + ": mount a directory of the project's instead";
    }
    if (project.contains(source)) return null;
    return "mounts "
        + (source.equals(project.dir())
            ? "the whole project directory"
            : "a host path outside the project")
        + leadsTo(source)
        + ": mount a named volume or a ./directory inside the project instead";
  }

  /** Where a path really leads, when links take it elsewhere; empty otherwise. */
  private static String leadsTo(Path path) {
    Path real = Project.real(path);
    return real.equals(path) ? "" : " (it leads to " + real + ")";
  }
}
