package clockwork.cli;

import clockwork.engine.error.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "init",
    description =
        "Starts a project: writes main.java, .gitignore, .env.example and a pom.xml with which an"
            + " editor completes and documents the Clockwork API. Never overwrites a file.")
final class InitCommand implements Callable<Integer> {
  /** What a new project starts as. */
  enum Template {
    files("files only: a README and a settings file with a secret"),
    web("a web server and its database, in containers"),
    model("a model fills in what main.java leaves out");

    final String what;

    Template(String what) {
      this.what = what;
    }
  }

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "DIR",
      description = "Where (default: --dir, or the current directory); made when missing.")
  Path dir;

  @Option(
      names = "--template",
      paramLabel = "NAME",
      defaultValue = "files",
      description = "files (the default), web or model.")
  Template template;

  @Override
  public Integer call() throws IOException {
    Path project = (dir != null ? dir : main.dir).toAbsolutePath().normalize();
    if (Files.exists(project) && !Files.isDirectory(project)) {
      throw invalid(project + " is a file, not a directory: name a directory for the project");
    }
    for (String name : List.of("main.java", ".env.example")) {
      if (Files.exists(project.resolve(name))) {
        throw invalid(
            project.resolve(name)
                + " exists already: init starts a new project and never overwrites a file."
                + " Choose another directory, or move it away");
      }
    }
    String name = projectName(project);
    Files.createDirectories(project);
    var out = spec.commandLine().getOut();
    var wrote = new ArrayList<String>();
    write(project.resolve("main.java"), template(template + "/main.java", name));
    wrote.add("main.java");
    write(project.resolve(".env.example"), template(template + "/env.example", name));
    wrote.add(".env.example");
    if (Files.exists(project.resolve("pom.xml"))) {
      out.println(
          "pom.xml exists: left as it is. For completion in an editor, add to it the dependency"
              + " dev.clockwork:clockwork-api:"
              + clockwork.Clockwork.version()
              + " (scope provided).");
    } else {
      write(project.resolve("pom.xml"), template("pom.xml", name));
      wrote.add("pom.xml");
    }
    if (ignore(project.resolve(".gitignore"))) wrote.add(".gitignore");
    out.println(
        "Wrote "
            + String.join(", ", wrote)
            + " in "
            + project
            + " ("
            + template
            + ": "
            + template.what
            + ").");
    out.println("Next: copy .env.example to .env and fill it in, then clockwork plan.");
    out.println("In an editor, open pom.xml as a project: it completes and documents the API.");
    return ExitCode.OK.code();
  }

  /**
   * Writes what git must ignore into {@code .gitignore}, or adds the lines it lacks to the user's.
   *
   * @return whether it changed the file
   */
  private static boolean ignore(Path gitignore) throws IOException {
    String ours = template("gitignore", "");
    if (!Files.exists(gitignore)) {
      write(gitignore, ours);
      return true;
    }
    List<String> theirs = Files.readAllLines(gitignore).stream().map(String::strip).toList();
    var missing = new StringBuilder();
    for (String line : ours.lines().toList()) {
      if (!line.isBlank() && !line.startsWith("#") && !theirs.contains(line)) {
        missing.append(line).append('\n');
      }
    }
    if (missing.isEmpty()) return false;
    String text = Files.readString(gitignore);
    Files.writeString(
        gitignore,
        text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "# clockwork\n" + missing);
    return true;
  }

  /** The directory's name as a resource id: lower case letters, digits and dashes. */
  static String projectName(Path project) {
    Path file = project.getFileName();
    String name =
        file == null
            ? ""
            : file.toString()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("^-+|-+$", "");
    return name.isEmpty() ? "app" : name;
  }

  private static String template(String path, String name) {
    try (InputStream in = InitCommand.class.getResourceAsStream("init/" + path)) {
      if (in == null) throw new IllegalStateException("the build packs init/" + path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{name}}", name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, java.nio.file.StandardOpenOption.CREATE_NEW);
  }

  private CommandLine.ParameterException invalid(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
