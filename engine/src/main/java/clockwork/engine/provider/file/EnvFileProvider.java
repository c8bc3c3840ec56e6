package clockwork.engine.provider.file;

import clockwork.Secret;
import clockwork.resources.EnvFileResource;
import clockwork.spi.Declaration;
import clockwork.spi.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code .env} files. Secret values are written to the file only: the spec's content, which plans
 * show and state stores, holds a digest under the project's key in their place.
 */
public final class EnvFileProvider extends FileWritingProvider<EnvFileResource> {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@,+=-]*");

  public EnvFileProvider() {
    super("envfile", EnvFileResource.class);
  }

  @Override
  public FileSpec desired(EnvFileResource file, Declaration declaration) {
    Project project = declaration.project();
    var problems = new ArrayList<String>();
    Map<String, String> vars = file.vars() == null ? Map.of() : file.vars();
    Map<String, Secret> secrets = file.secrets();
    var shown = new StringBuilder();
    var written = new StringBuilder();
    vars.forEach(
        (name, value) -> {
          check(name, problems);
          if (secrets.containsKey(name)) {
            problems.add("\"" + name + "\" is both a var and a secret: keep one");
          }
          String line = name + "=" + quoted(value) + "\n";
          shown.append(line);
          written.append(line);
        });
    secrets.forEach(
        (name, secret) -> {
          check(name, problems);
          if (!secret.isSet()) {
            problems.add(
                "secret \""
                    + name
                    + "\" has no value ("
                    + (secret.variable() == null
                        ? "null): make sure what main.java reads it from is set"
                        : secret.source() + " is not set): set it"));
            return;
          }
          String value = secret.value();
          String digest = declaration.keyedDigest(name + "\0" + value).substring(0, 8);
          shown.append(name).append("=<secret ").append(digest).append(">\n");
          written.append(name).append('=').append(quoted(value)).append('\n');
        });
    String mode = file.mode();
    if (!secrets.isEmpty()) {
      if (mode == null) {
        mode = "600";
      } else if (!mode.matches("0?[0-7]00")) {
        problems.add(
            "mode \""
                + mode
                + "\" lets others read a file with secrets: give \"600\", or leave mode out");
      }
    }
    return spec(
        declaration,
        file.name(),
        file.directory(),
        file.path(),
        mode,
        shown.toString(),
        secrets.isEmpty() ? null : written.toString(),
        problems);
  }

  private static void check(String name, List<String> problems) {
    if (!NAME.matcher(name).matches()) {
      problems.add(
          "\""
              + name
              + "\" is not a variable name: use letters, digits and '_', not first a digit");
    }
  }

  /** A value as a {@code .env} file holds it: bare when plain, else double-quoted and escaped. */
  static String quoted(String value) {
    if (PLAIN.matcher(value).matches()) return value;
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
