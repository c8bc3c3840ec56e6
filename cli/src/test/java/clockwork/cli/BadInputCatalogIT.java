package clockwork.cli;

import static clockwork.engine.model.ScriptedModelServer.answer;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.error.ExitCode;
import clockwork.engine.model.ScriptedModelServer;
import clockwork.spi.Values;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of bad input, as a suite: main.java, resource properties, flags, settings, .env,
 * clockwork.lock, a tampered state.json and a model's answers (from a scripted server), each run
 * through the packaged launcher with its expected exit code and a message that names what is wrong
 * and quotes it, and a listing taken before and after (the project's files, a directory outside it,
 * state, and the engine's containers, networks and volumes of the case) proving that nothing
 * changed. Its counts are in docs/reliability.md.
 *
 * <p>In the texts of a case, {@code {SFX}} stands for a suffix of its own (for names on the shared
 * engine), {@code {OUT}} for a directory outside the project, {@code {PORT}} for a free port,
 * {@code {BUSY}} for a port something holds and {@code {IMG}} for the test image.
 */
@Execution(ExecutionMode.CONCURRENT)
class BadInputCatalogIT {
  private static final String MAIN =
      """
      import clockwork.*;
      import clockwork.resources.*;

      void main() {
          var fine = new FileResource("fine.txt").content("fine");
          Clockwork.declare(fine, %s);
      }
      """;

  /** What to prepare before the command runs. */
  @FunctionalInterface
  interface Setup {
    void prepare(Path project, Path outside) throws Exception;
  }

  /**
   * One bad input, built by its fluent methods, each of which returns a changed copy (so that a
   * case can serve as the start of others).
   */
  static final class Case implements Cloneable {
    /** Where the input comes from, for the counts. */
    private String group;

    /** What it is. */
    private String name;

    private String source;
    private Map<String, String> files = Map.of();
    private Map<String, String> environment = Map.of();
    private List<String> args = List.of("apply", "--yes");
    private ExitCode exit = ExitCode.INVALID_INPUT;
    private List<String> says = List.of();

    /** The model's answers, by the resource they are for. */
    private Map<String, List<String>> answers = Map.of();

    private Setup setup = (project, outside) -> {};

    /** Whether the command may drop entries from state: a destroy that finds nothing to remove. */
    private boolean stateMayShrink;

    static Case of(String group, String name, String declarations) {
      var input = new Case();
      input.group = group;
      input.name = name;
      input.source = MAIN.formatted(declarations);
      return input;
    }

    static Case source(String group, String name, String source) {
      return of(group, name, "fine").withSource(source);
    }

    private Case copy(Consumer<Case> change) {
      try {
        var copy = (Case) clone();
        change.accept(copy);
        return copy;
      } catch (CloneNotSupportedException e) {
        throw new AssertionError(e);
      }
    }

    private static <K, V> Map<K, V> plus(Map<K, V> map, K key, V value) {
      var all = new LinkedHashMap<>(map);
      all.put(key, value);
      return all;
    }

    Case withSource(String text) {
      return copy(c -> c.source = text);
    }

    Case withName(String text) {
      return copy(c -> c.name = text);
    }

    Case file(String path, String content) {
      return copy(c -> c.files = plus(files, path, content));
    }

    Case env(String variable, String value) {
      return copy(c -> c.environment = plus(environment, variable, value));
    }

    Case run(String... command) {
      return copy(c -> c.args = List.of(command));
    }

    Case exits(ExitCode code) {
      return copy(c -> c.exit = code);
    }

    Case says(String... texts) {
      var all = new ArrayList<>(says);
      all.addAll(List.of(texts));
      return copy(c -> c.says = all);
    }

    Case model(String resource, String... replies) {
      return copy(c -> c.answers = plus(answers, resource, List.of(replies)));
    }

    Case before(Setup more) {
      Setup first = setup;
      return copy(
          c ->
              c.setup =
                  (project, outside) -> {
                    first.prepare(project, outside);
                    more.prepare(project, outside);
                  });
    }

    Case mayShrinkState() {
      return copy(c -> c.stateMayShrink = true);
    }

    @Override
    public String toString() {
      return group + ": " + name;
    }
  }

  @BeforeAll
  static void images() {
    DockerHost.ensureImages();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  void isRefusedClearly_andChangesNothing(Case input, @TempDir Path root) throws Exception {
    String suffix = DockerHost.uniqueSuffix();
    Path project = Files.createDirectories(root.resolve("project-" + suffix));
    Path outside = Files.createDirectories(root.resolve("outside"));
    Files.writeString(outside.resolve("victim.txt"), "not Clockwork's");
    Files.createDirectories(outside.resolve("empty"));
    int port = DockerHost.freePort();
    try (var busy = new java.net.ServerSocket(0);
        var server = new ScriptedModelServer()) {
      var words =
          Map.of(
              "{SFX}", suffix,
              "{OUT}", outside.toString(),
              "{PORT}", Integer.toString(port),
              "{BUSY}", Integer.toString(busy.getLocalPort()),
              "{IMG}", DockerHost.IMAGE);
      Files.writeString(project.resolve("main.java"), fill(input.source, words));
      for (var file : input.files.entrySet()) {
        Path at = project.resolve(fill(file.getKey(), words));
        Files.createDirectories(at.getParent());
        Files.writeString(at, fill(file.getValue(), words));
      }
      input.setup.prepare(project, outside);
      var environment = new LinkedHashMap<String, String>();
      if (!input.answers.isEmpty()) {
        environment.putAll(
            Map.of(
                "CW_BASE_URL", server.baseUrl(),
                "CW_API_KEY", "test-key",
                "CW_MODEL", "test-model",
                "CW_COMPLETION_MAX_RETRIES", "0"));
        input.answers.forEach(
            (resource, replies) ->
                server.script(
                    fill(resource, words),
                    replies.stream()
                        .map(r -> answer(fill(r, words)))
                        .toArray(ScriptedModelServer.Reply[]::new)));
      }
      input.environment.forEach((k, v) -> environment.put(k, fill(v, words)));
      var args = input.args.stream().map(a -> fill(a, words)).toArray(String[]::new);

      Map<String, String> before = listing(project, outside, suffix, input.stateMayShrink);
      CliResult result = Launcher.run(project, environment, args);
      Map<String, String> after = listing(project, outside, suffix, input.stateMayShrink);

      CliResultAssert.assertThat(result).exitedWith(input.exit);
      for (String text : input.says) {
        assertThat(result.out() + result.err()).as(result.toString()).contains(fill(text, words));
      }
      assertThat(result.err()).as("no stack trace").doesNotContain("\tat ");
      assertThat(after).as("nothing changed").isEqualTo(before);
    } finally {
      removeEverythingOf(suffix);
    }
  }

  /** What a case's setup made on the engine (such as a container of someone else's). */
  private static void removeEverythingOf(String suffix) {
    for (String object : DockerHost.everything()) {
      if (!object.contains(suffix)) continue;
      String[] kindAndName = object.split(" ", 2);
      if (kindAndName[0].equals("container")) {
        DockerHost.tryDocker("rm", "-f", kindAndName[1]);
      } else {
        DockerHost.tryDocker(kindAndName[0], "rm", kindAndName[1]);
      }
    }
  }

  private static String fill(String text, Map<String, String> words) {
    String filled = text;
    for (var word : words.entrySet()) filled = filled.replace(word.getKey(), word.getValue());
    return filled;
  }

  /**
   * What a command could change: every file of the project but Clockwork's caches (compiled
   * classes, the digest key, the lock file's holder line), the directory outside it, and what the
   * engine has of this case's.
   */
  private static Map<String, String> listing(
      Path project, Path outside, String suffix, boolean withoutState) throws IOException {
    var listing = new TreeMap<String, String>();
    for (Path root : List.of(project, outside)) {
      try (Stream<Path> paths = Files.walk(root)) {
        for (Path path : paths.toList()) {
          String name = root.relativize(path).toString();
          if (name.startsWith(".clockwork/classes")
              || name.equals(".clockwork/digest.key")
              || name.equals(".clockwork/state.lock")
              || name.equals(".clockwork/.gitignore")
              || name.equals(".clockwork")
              || withoutState && name.startsWith(".clockwork/state")) {
            continue;
          }
          listing.put(root.getFileName() + "/" + name, describe(path));
        }
      }
    }
    for (String object : DockerHost.everything()) {
      if (object.contains(suffix)) listing.put("engine: " + object, "");
    }
    return listing;
  }

  private static String describe(Path path) throws IOException {
    if (Files.isSymbolicLink(path)) return "link to " + Files.readSymbolicLink(path);
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) return "directory";
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path))
        + " "
        + Values.sha256(Files.readAllBytes(path));
  }

  // ---- the catalogue
  // -----------------------------------------------------------------------------

  static Stream<Case> catalogue() {
    return Stream.of(
            mainJava(),
            files(),
            templatesAndEnvFiles(),
            repositoriesAndDatabases(),
            containers(),
            networksAndVolumes(),
            flags(),
            settings(),
            lockFiles(),
            states(),
            modelAnswers())
        .flatMap(List::stream);
  }

  private static List<Case> mainJava() {
    String g = "main.java";
    return List.of(
        Case.of(g, "no main.java", "fine")
            .before((project, outside) -> Files.delete(project.resolve("main.java")))
            .says("No main.java in "),
        Case.source(g, "an empty file", "")
            .says("main.java holds no class and no main method: start it with void main()"),
        Case.of(g, "a compile error", "42").says("main.java:6: error: ", "1 error in "),
        Case.source(g, "a class without main", "class Nothing {}")
            .says("has no main method in its first class, Nothing"),
        Case.source(g, "nothing declared", "void main() {}")
            .says("declares no resources: call Clockwork.declare(...)"),
        Case.source(g, "main throws", "void main() { throw new IllegalStateException(\"boom\"); }")
            .says("main.java:1: main failed with IllegalStateException: boom"),
        Case.source(g, "System.exit(0)", "void main() { System.exit(0); }")
            .says("main.java:1: main calls System.exit(0), which would end Clockwork itself"),
        Case.source(g, "System.exit(3)", "void main() { System.exit(3); }")
            .says("main calls System.exit(3)"),
        Case.source(g, "Runtime.halt", "void main() { Runtime.getRuntime().halt(1); }")
            .says("main calls Runtime.halt(1)"),
        Case.source(
                g,
                "Runtime.exit in a lambda",
                "void main() { Runnable r = () -> Runtime.getRuntime().exit(2); r.run(); }")
            .says("main calls Runtime.exit(2)"),
        Case.source(g, "a main that never ends", "void main() { while (true) {} }")
            .env("CW_LOAD_TIMEOUT", "2")
            .says("did not finish declaring its resources within 2 s (CW_LOAD_TIMEOUT)"),
        Case.of(g, "declare(null)", "(Resource) null")
            .says("Clockwork.declare(...) was given null as argument 2"),
        Case.of(
                g,
                "two resources of one name",
                "new FileResource(\"fine.txt\").directory(\"x\").content(\"2\")")
            .says("FileResource \"fine.txt\"", "2 resources have this name"),
        Case.of(g, "an empty name", "new FileResource(\"\").content(\"x\")")
            .says("FileResource \"\" (main.java:6): the name is empty"),
        Case.of(g, "a name with a slash", "new FileResource(\"a/b\").content(\"x\")")
            .says("FileResource \"a/b\"", "the name contains a slash"),
        Case.of(g, "a name of spaces around", "new FileResource(\" a \").content(\"x\")")
            .says("FileResource \" a \"", "the name has spaces at its start or end"),
        Case.source(
                g,
                "a cycle of connections",
                """
                void main() {
                    var a = new clockwork.resources.FileResource("a").content("a");
                    var b = new clockwork.resources.FileResource("b").content("b").connect(a);
                    a.connect(b);
                    clockwork.Clockwork.declare(a, b);
                }
                """)
            .says("its connections form a cycle, a → b → a"),
        Case.of(
                g,
                "a property given null",
                "new DockerResource(\"web\").image(System.getenv(\"CW_UNSET_IMAGE\"))")
            .says("DockerResource \"web\": image(...) was given null"),
        Case.of(
                g,
                "an environment entry given null",
                "new DockerResource(\"web\").image(\"{IMG}\").envVar(\"MODE\", (String) null)")
            .says("DockerResource \"web\": envVars entry \"MODE\" was given a null value"),
        Case.of(
                g,
                "connected to itself",
                "new FileResource(\"self\").content(\"x\").connect(fine).connect((Resource) null)")
            .says("FileResource \"self\" cannot connect to null"));
  }

  private static List<Case> files() {
    String g = "file properties";
    return List.of(
        Case.of(g, "mode 999", "new FileResource(\"m\").content(\"x\").mode(\"999\")")
            .says("FileResource \"m\" (main.java:6): mode \"999\" is not an octal permission"),
        Case.of(g, "mode abc", "new FileResource(\"m\").content(\"x\").mode(\"abc\")")
            .says("mode \"abc\" is not an octal permission"),
        Case.of(g, "mode 7777", "new FileResource(\"m\").content(\"x\").mode(\"7777\")")
            .says("mode \"7777\" is not an octal permission"),
        Case.of(g, "an empty path", "new FileResource(\"p\").path(\"\").content(\"x\")")
            .says("FileResource \"p\"", "path \"\" is empty"),
        Case.of(
                g,
                "a path that is the project",
                "new FileResource(\"p\").path(\".\").content(\"x\")")
            .says("path \".\" is a directory, not a file"),
        Case.of(g, "a path with a NUL", "new FileResource(\"p\").path(\"a\\0b\").content(\"x\")")
            .says("FileResource \"p\"", "path \"a\\u0000b\" is not a path"),
        Case.of(
                g,
                "a directory with a NUL",
                "new FileResource(\"p\").directory(\"d\\0\").content(\"x\")")
            .says("FileResource \"p\"", "is not a path"),
        Case.of(
                g,
                "over state.json",
                "new FileResource(\"s\").path(\".clockwork/state.json\").content(\"x\")")
            .says(
                "FileResource \"s\"",
                "path \".clockwork/state.json\" would write over Clockwork's own .clockwork"),
        Case.of(g, "over main.java", "new FileResource(\"m\").path(\"main.java\").content(\"x\")")
            .says("path \"main.java\" would write over Clockwork's own main.java"),
        Case.of(
                g,
                "over clockwork.lock",
                "new FileResource(\"l\").path(\"clockwork.lock\").content(\"x\")")
            .says("path \"clockwork.lock\" would write over Clockwork's own clockwork.lock"),
        Case.of(g, "over .env", "new FileResource(\".env\").content(\"CW_MODEL=x\")")
            .says("FileResource \".env\"", "path \".env\" would write over Clockwork's own .env"),
        Case.of(
                g,
                "through a link into state",
                "new FileResource(\"s\").path(\"state-link/state.json\").content(\"x\")")
            .before(
                (p, o) -> Files.createSymbolicLink(p.resolve("state-link"), Path.of(".clockwork")))
            .says("would write over Clockwork's own .clockwork"),
        Case.of(
                g,
                "a path that is a directory",
                "new FileResource(\"data\").directory(\"out\").content(\"x\")")
            .before((p, o) -> Files.createDirectories(p.resolve("out/data")))
            .says("FileResource \"data\"", "\"out/data\" is a directory"),
        Case.of(g, "a path that is a link", "new FileResource(\"l\").content(\"x\")")
            .before((p, o) -> Files.createSymbolicLink(p.resolve("l"), o.resolve("victim.txt")))
            .says(
                "FileResource \"l\"",
                "\"l\" is a symbolic link: Clockwork does not write through links"),
        Case.of(
                g,
                "a directory blocked by a file",
                "new FileResource(\"x\").directory(\"blocker/sub\").content(\"x\")")
            .file("blocker", "a file")
            .says(
                "cannot create the directory for \"blocker/sub/x\"", "is a file, not a directory"),
        Case.of(
                g,
                "a file that is the user's",
                "new FileResource(\"taken.txt\").content(\"mine now\")")
            .file("taken.txt", "the user's")
            .says(
                "FileResource \"taken.txt\"",
                "\"taken.txt\" already exists and Clockwork did not create it"),
        Case.of(
                g,
                "a file outside that is the user's",
                "new FileResource(\"v\").path(\"{OUT}/victim.txt\").content(\"x\")")
            .says("already exists and Clockwork did not create it"),
        Case.of(g, "no content without a key", "new FileResource(\"empty.txt\")")
            .says("no API key is set", "FileResource \"empty.txt\" (main.java:6): content, mode"));
  }

  private static List<Case> templatesAndEnvFiles() {
    String g = "templates and .env files";
    return List.of(
        Case.of(
                g,
                "a template syntax error",
                "new TemplateFileResource(\"t\").template(\"{% if %}\")")
            .says("TemplateFileResource \"t\"", "template has an error at line 1"),
        Case.of(
                g,
                "a variable nobody gave",
                "new TemplateFileResource(\"t\").template(\"hi {{ who }}\").variable(\"x\", \"1\")")
            .says("template uses variable \"who\" (line 1), which is not given"),
        Case.of(
                g,
                "template and templateFile both",
                "new TemplateFileResource(\"t\").template(\"a\").templateFile(\"t.peb\")")
            .file("t.peb", "b")
            .says("give template or templateFile, not both"),
        Case.of(
                g,
                "a missing template file",
                "new TemplateFileResource(\"t\").templateFile(\"missing.peb\")")
            .says("templateFile \"missing.peb\" cannot be read (no such file)"),
        Case.of(
                g,
                "an include of /etc/passwd",
                "new TemplateFileResource(\"t\").template(\"{% include \\\"/etc/passwd\\\""
                    + " %}\").variable(\"x\", \"1\")")
            .says("TemplateFileResource \"t\"", "\"/etc/passwd\" is not a file of the project"),
        Case.of(
                g,
                "an include outside the project",
                "new TemplateFileResource(\"t\").template(\"{% include"
                    + " \\\"../outside/victim.txt\\\" %}\").variable(\"x\", \"1\")")
            .says("\"../outside/victim.txt\" is not a file of the project"),
        Case.of(
                g,
                "an include of .env",
                "new TemplateFileResource(\"t\").template(\"{% include \\\".env\\\""
                    + " %}\").variable(\"x\", \"1\")")
            .file(".env", "CW_MODEL=m\n")
            .says("\".env\" is not a file of the project"),
        Case.of(g, "a bad variable name", "new EnvFileResource(\"app.env\").var(\"1BAD\", \"x\")")
            .says("EnvFileResource \"app.env\"", "\"1BAD\" is not a variable name"),
        Case.of(
                g,
                "a var and a secret of one name",
                "new EnvFileResource(\"app.env\").var(\"K\", \"x\").secret(\"K\","
                    + " Secret.of(\"y\"))")
            .says("\"K\" is both a var and a secret: keep one"),
        Case.of(
                g,
                "a secret that is null",
                "new EnvFileResource(\"app.env\").secret(\"DB_PASSWORD\","
                    + " System.getenv(\"CW_UNSET_SECRET\"))")
            .says("EnvFileResource \"app.env\"", "secret \"DB_PASSWORD\" has no value (null)"),
        Case.of(
                g,
                "a secret from an unset variable",
                "new EnvFileResource(\"app.env\").secret(\"K\","
                    + " Secret.fromEnv(\"CW_UNSET_SECRET\"))")
            .says(
                "secret \"K\" has no value (the environment variable CW_UNSET_SECRET (or its entry"
                    + " in .env) is not set)"),
        Case.of(
                g,
                "a secret file anyone reads",
                "new EnvFileResource(\"app.env\").secret(\"K\", Secret.of(\"v\")).mode(\"644\")")
            .says("mode \"644\" lets others read a file with secrets"),
        Case.of(g, "an env file over .env", "new EnvFileResource(\".env\").var(\"A\", \"b\")")
            .says("EnvFileResource \".env\"", "would write over Clockwork's own .env"));
  }

  private static List<Case> repositoriesAndDatabases() {
    String g = "repositories and databases";
    String server = "jdbc:postgresql://127.0.0.1:5432/postgres?user=clockwork_test";
    return List.of(
        Case.of(g, "a blank repoUrl", "new GitRepoResource(\"r\").repoUrl(\" \")")
            .says("GitRepoResource \"r\"", "repoUrl \" \" is not a repository URL"),
        Case.of(
                g,
                "an unreachable repository",
                "new GitRepoResource(\"r\").repoUrl(\"file:///nonexistent/{SFX}.git\")")
            .says(
                "GitRepoResource \"r\"", "cannot reach repoUrl \"file:///nonexistent/{SFX}.git\""),
        Case.of(
                g,
                "a branch name with a space",
                "new GitRepoResource(\"r\").repoUrl(\"file:///x.git\").branch(\"a b\")")
            .says("branch \"a b\" is not a branch name"),
        Case.of(
                g,
                "dest the project itself",
                "new GitRepoResource(\"r\").repoUrl(\"file:///x.git\").dest(\".\")")
            .says("dest \".\" is the project directory"),
        Case.of(
                g,
                "dest in .clockwork",
                "new GitRepoResource(\"r\").repoUrl(\"file:///x.git\").dest(\".clockwork/r\")")
            .says("dest \".clockwork/r\" would write over Clockwork's own .clockwork"),
        Case.of(
                g,
                "a server that is not JDBC",
                "new PostgresDatabaseResource(\"db\").server(\"postgres://x\")")
            .says(
                "PostgresDatabaseResource \"db\"",
                "server \"postgres://x\" is not a PostgreSQL JDBC URL"),
        Case.of(
                g,
                "a password in the server URL",
                "new PostgresDatabaseResource(\"db\").server(\"" + server + "&password=pw\")")
            .says("server has a password in its URL: take it out"),
        Case.of(
                g,
                "a bad database name",
                "new PostgresDatabaseResource(\"db\").server(\""
                    + server
                    + "\").database(\"Shop DB\")")
            .says("database \"Shop DB\" is not a plain PostgreSQL name"),
        Case.of(
                g,
                "a bad role name",
                "new PostgresDatabaseResource(\"db\").server(\"" + server + "\").role(\"Admin!\")")
            .says("role \"Admin!\" is not a plain PostgreSQL name"),
        Case.of(
                g,
                "a missing schema file",
                "new PostgresDatabaseResource(\"db\").server(\""
                    + server
                    + "\").schemaFile(\"db/none.sql\")")
            .says("SQL file \"db/none.sql\" cannot be read"),
        Case.of(
                g,
                "migrations that are no directory",
                "new PostgresDatabaseResource(\"db\").server(\""
                    + server
                    + "\").migrations(\"db/none\")")
            .says("migrations \"db/none\" is not a directory in the project"),
        Case.of(
                g,
                "a role password from an unset variable",
                "new PostgresDatabaseResource(\"db\").server(\""
                    + server
                    + "\").role(\"r_SFX\").rolePasswordFromEnv(\"CW_UNSET_PW\")")
            .says(
                "the role's password comes from the environment variable CW_UNSET_PW, which is not"
                    + " set"),
        Case.of(
                g,
                "a role Secret from an unset variable",
                "new PostgresDatabaseResource(\"db\").server(\""
                    + server
                    + "\").role(\"r_SFX\").rolePassword(Secret.fromEnv(\"CW_UNSET_PW\"))")
            .says("comes from the environment variable CW_UNSET_PW, which is not set"),
        Case.of(
                g,
                "both ways of a password",
                "new PostgresDatabaseResource(\"db\").server(\""
                    + server
                    + "\").password(Secret.of(\"x\")).passwordFromEnv(\"PGPASSWORD\")")
            .says("password and passwordFromEnv are both given: keep one"),
        Case.of(
                g,
                "a database on two containers",
                "new PostgresDatabaseResource(\"db\").connect(new"
                    + " DockerResource(\"a-{SFX}\").image(\"{IMG}\"), new"
                    + " DockerResource(\"b-{SFX}\").image(\"{IMG}\"))")
            .says("it is connected to 2 containers"));
  }

  private static List<Case> containers() {
    String g = "container properties";
    String web = "new DockerResource(\"web-{SFX}\").image(\"{IMG}\")";
    var cases = new ArrayList<Case>();
    for (String[] image :
        new String[][] {
          {"Nginx:latest", "upper case"},
          {"nginx:", "an empty tag"},
          {"nginx latest", "a space"},
          {"", "empty"},
          {"nginx:" + "t".repeat(200), "a tag of 200 characters"},
          {"a/" + "b".repeat(300), "a name of 302 characters"},
          {"nginx@sha256:abc", "a short digest"},
        }) {
      cases.add(
          Case.of(
                  g,
                  "image " + image[1],
                  "new DockerResource(\"web-{SFX}\").image(\"" + image[0] + "\")")
              .says("DockerResource \"web-{SFX}\"", "image " + Values.brief(image[0])));
    }
    for (String[] port :
        new String[][] {
          {"abc", "is not in Docker's syntax"},
          {"0:80", "uses 0, which is not a port"},
          {"70000:80", "uses 70000, which is not a port"},
          {"8080:80/icmp", "has the protocol \"icmp\""},
          {"32001:32002:90", "binds to \"32001\", which is not an IP address"},
          {"8000-8002:80-81", "maps 3 host ports to 2 container ports"},
          {"9-8:9-8", "has the range 9-8, which runs backwards"},
          {":80", "is not in Docker's syntax"},
          {"1.2.3.4.5:80:80", "binds to \"1.2.3.4.5\", which is not an IP address"},
        }) {
      cases.add(
          Case.of(g, "port " + port[0], web + ".ports(\"" + port[0] + "\")")
              .says("DockerResource \"web-{SFX}\"", "port \"" + port[0] + "\" " + port[1]));
    }
    cases.add(
        Case.of(g, "a host port twice", web + ".ports(\"{PORT}:80\", \"{PORT}:81\")")
            .says("port \"{PORT}:81\" publishes host port {PORT}/tcp a second time"));
    cases.add(
        Case.of(g, "a host port in use", web + ".ports(\"{BUSY}:80\")")
            .says("DockerResource \"web-{SFX}\"", "host port {BUSY}/tcp is already in use"));
    for (String[] volume :
        new String[][] {
          {"data", "no container path", "has no container path"},
          {"./d:/x:rx", "a bad mode", "ends in \"rx\""},
          {"a:b:c:d", "too many parts", "has too many parts"},
          {
            "bad name!:/x",
            "a bad volume name",
            "mounts \"bad name!\", which is neither a directory"
          },
          {"./d:relative", "a relative target", "has no container path"},
          {"./a\0b:/x", "a NUL", "holds a control character"},
        }) {
      cases.add(
          Case.of(
                  g,
                  "volume with " + volume[1],
                  web + ".volumes(\"" + volume[0].replace("\0", "\\0") + "\")")
              .says(
                  "DockerResource \"web-{SFX}\"",
                  "volume " + Values.quote(volume[0]) + " " + volume[2]));
    }
    cases.add(
        Case.of(g, "an env name with '='", web + ".envVar(\"A=B\", \"x\")")
            .says("environment variable \"A=B\" needs a name without '='"));
    cases.add(
        Case.of(g, "an env name with a newline", web + ".envVar(\"A\\nB\", \"x\")")
            .says("environment variable \"A\\nB\" needs a name without"));
    cases.add(
        Case.of(g, "an empty env name", web + ".envVar(\"\", \"x\")")
            .says("environment variable \"\" needs a name"));
    cases.add(
        Case.of(g, "a NUL in an env value", web + ".envVar(\"A\", \"x\\0y\")")
            .says("environment variable \"A\" has a NUL character in its value"));
    cases.add(
        Case.of(
                g,
                "a secret from an unset variable",
                web + ".envVar(\"DB_PASSWORD\", Secret.fromEnv(\"CW_UNSET_PW\"))")
            .says(
                "environment variable \"DB_PASSWORD\" is a secret from the environment variable"
                    + " CW_UNSET_PW (or its entry in .env), which is not set"));
    cases.add(
        Case.of(
                g,
                "a plain and a secret of one name",
                web + ".envVar(\"K\", \"a\").envVar(\"K\", Secret.of(\"b\"))")
            .says("environment variable \"K\" is given as a plain value and as a Secret"));
    cases.add(
        Case.of(g, "an empty label name", web + ".label(\"\", \"x\")")
            .says("label \"\" needs a name"));
    cases.add(
        Case.of(g, "Clockwork's own label", web + ".label(\"dev.clockwork.project\", \"x\")")
            .says("label \"dev.clockwork.project\" is Clockwork's own"));
    cases.add(
        Case.of(g, "a bad restart policy", web + ".restartPolicy(\"sometimes\")")
            .says("restartPolicy \"sometimes\" is not one of"));
    cases.add(
        Case.of(g, "an empty healthcheck", web + ".healthcheck(\"\")")
            .says("healthcheck \"\" is empty"));
    cases.add(
        Case.of(g, "a negative stop timeout", web + ".stopTimeout(-1)")
            .says("stopTimeout -1 is negative"));
    cases.add(
        Case.of(g, "a bad network name", web + ".networks(\"bad name\")")
            .says("network \"bad name\" is not a network name"));
    cases.add(
        Case.of(g, "a network that does not exist", web + ".networks(\"nowhere-{SFX}\")")
            .says(
                "DockerResource \"web-{SFX}\"",
                "network \"nowhere-{SFX}\" does not exist on the Docker engine"));
    cases.add(
        Case.of(g, "a name no container may have", "new DockerResource(\"w\").image(\"{IMG}\")")
            .says("\"w\" cannot name a container"));
    cases.add(
        Case.of(g, "a container of the same name that is not ours", web)
            .before(
                (p, o) ->
                    DockerHost.docker(
                        "create",
                        "--name",
                        "web-" + p.getFileName().toString().substring("project-".length()),
                        DockerHost.IMAGE,
                        "true"))
            .says("a container named \"web-{SFX}\" already exists, made not by Clockwork"));
    cases.add(
        Case.of(
                g,
                "an image that cannot be pulled",
                "new DockerResource(\"web-{SFX}\").image(\"clockwork-test/missing:{SFX}\")")
            .exits(ExitCode.FAILED)
            .says(
                "image \"clockwork-test/missing:{SFX}\" is not on the Docker engine and cannot be"
                    + " pulled"));
    return cases;
  }

  private static List<Case> networksAndVolumes() {
    String g = "networks and volumes";
    return List.of(
        Case.of(g, "a network name with a space", "new DockerNetworkResource(\"net {SFX}\")")
            .says("\"net {SFX}\" cannot name a network"),
        Case.of(
                g,
                "an empty network driver",
                "new DockerNetworkResource(\"net-{SFX}\").driver(\"\")")
            .says("DockerNetworkResource \"net-{SFX}\"", "driver \"\" is empty"),
        Case.of(g, "a volume name with a slash", "new DockerVolumeResource(\"vol/{SFX}\")")
            .says("the name contains a slash"),
        Case.of(g, "an empty volume driver", "new DockerVolumeResource(\"vol-{SFX}\").driver(\"\")")
            .says("driver \"\" is empty"),
        Case.of(
                g,
                "a network of the same name that is not ours",
                "new DockerNetworkResource(\"net-{SFX}\")")
            .before(
                (p, o) ->
                    DockerHost.docker(
                        "network",
                        "create",
                        "net-" + p.getFileName().toString().substring("project-".length())))
            .says("a network named \"net-{SFX}\" already exists, made not by Clockwork"),
        Case.of(
                g,
                "a volume of the same name that is not ours",
                "new DockerVolumeResource(\"vol-{SFX}\")")
            .before(
                (p, o) ->
                    DockerHost.docker(
                        "volume",
                        "create",
                        "vol-" + p.getFileName().toString().substring("project-".length())))
            .says("a volume named \"vol-{SFX}\" already exists, made not by Clockwork"));
  }

  private static List<Case> flags() {
    String g = "flags";
    return List.of(
        Case.of(g, "an unknown option", "fine")
            .run("plan", "--frobnicate")
            .says("Unknown option: '--frobnicate'", "clockwork plan --help"),
        Case.of(g, "an unknown command", "fine").run("deploy").says("Unmatched argument"),
        Case.of(g, "no command", "fine").run().says("Say what to do: clockwork plan, apply"),
        Case.of(g, "parallelism 0", "fine")
            .run("apply", "--yes", "--parallelism", "0")
            .says("--parallelism must be at least 1, not 0"),
        Case.of(g, "parallelism abc", "fine")
            .run("apply", "--yes", "--parallelism", "abc")
            .says("'abc' is not an int"),
        Case.of(g, "apply without a terminal or --yes", "fine")
            .run("apply")
            .says("standard input is not a terminal: add --yes"),
        Case.of(g, "refresh-ai of an unknown id", "fine")
            .run("plan", "--refresh-ai", "nope")
            .says("--refresh-ai names \"nope\", which main.java does not declare"),
        Case.of(g, "destroy of a missing directory", "fine")
            .run("destroy", "--yes", "--dir", "/nonexistent-{SFX}")
            .says("--dir \"/nonexistent-{SFX}\" is not a directory"),
        Case.of(g, "destroy of a file", "fine")
            .run("destroy", "--yes", "--dir", "main.java")
            .says("--dir \"main.java\" is not a directory"),
        Case.of(g, "plan of a missing directory", "fine")
            .run("plan", "--dir", "/nonexistent-{SFX}")
            .says("The project directory /nonexistent-{SFX} does not exist"),
        Case.of(g, "an empty --model", "new FileResource(\"gen\").description(\"x\")")
            .run("plan", "--model", "")
            .says("CW_MODEL (from a flag) is \"\": give the name of a model"),
        Case.of(g, "a --base-url that is no URL", "fine")
            .run("plan", "--base-url", "ftp://x")
            .says("CW_BASE_URL (from a flag) is \"ftp://x\": give an http:// or https:// URL"));
  }

  private static List<Case> settings() {
    String g = "settings and .env";
    return List.of(
        Case.of(g, "a negative timeout", "fine")
            .env("CW_COMPLETION_TIMEOUT", "-5")
            .run("plan")
            .says(
                "CW_COMPLETION_TIMEOUT (from the environment) is \"-5\": give a whole number of at"
                    + " least 1"),
        Case.of(g, "a timeout that is no number", "fine")
            .env("CW_COMPLETION_TIMEOUT", "abc")
            .run("plan")
            .says("CW_COMPLETION_TIMEOUT (from the environment) is \"abc\""),
        Case.of(g, "negative retries", "fine")
            .env("CW_COMPLETION_MAX_RETRIES", "-1")
            .run("plan")
            .says(
                "CW_COMPLETION_MAX_RETRIES (from the environment) is \"-1\": give a whole number of"
                    + " at least 0"),
        Case.of(g, "a load timeout of 0", "fine")
            .env("CW_LOAD_TIMEOUT", "0")
            .run("plan")
            .says("CW_LOAD_TIMEOUT (from the environment) is \"0\""),
        Case.of(g, "no model requests at once", "fine")
            .env("CW_MODEL_CONCURRENCY", "0")
            .run("plan")
            .says(
                "CW_MODEL_CONCURRENCY (from the environment) is \"0\": give a whole number of"
                    + " at least 1"),
        Case.of(g, "a bogus log level", "fine")
            .env("CW_LOG_LEVEL", "bogus")
            .run("plan")
            .says("CW_LOG_LEVEL (from the environment) is \"bogus\": give one of OFF, ERROR, WARN"),
        Case.of(g, "a bogus log level for destroy", "fine")
            .env("CW_LOG_LEVEL", "loud")
            .run("destroy", "--yes")
            .says("CW_LOG_LEVEL (from the environment) is \"loud\""),
        Case.of(g, "an empty model", "fine")
            .env("CW_MODEL", " ")
            .run("plan")
            .says("CW_MODEL (from the environment) is \" \": give the name of a model"),
        Case.of(g, "a base URL that is no URL", "fine")
            .env("CW_BASE_URL", "localhost:1234")
            .run("plan")
            .says("CW_BASE_URL (from the environment) is \"localhost:1234\""),
        Case.of(g, "a malformed .env line", "fine")
            .file(".env", "CW_MODEL=m\nCW_API_KEY sk-or-v1-secret\n")
            .run("plan")
            .says(".env: line 2 is not NAME=value (what it holds is not shown"),
        Case.of(g, "a bad timeout in .env", "fine")
            .file(".env", "CW_COMPLETION_TIMEOUT=soon\n")
            .run("plan")
            .says("CW_COMPLETION_TIMEOUT (from .env) is \"soon\""),
        Case.of(g, "a bad log level in .env", "fine")
            .file(".env", "CW_LOG_LEVEL=chatty\n")
            .run("plan")
            .says("CW_LOG_LEVEL (from .env) is \"chatty\""),
        Case.of(
                g,
                "a model needed and no key",
                "new DockerResource(\"web-{SFX}\").description(\"a web server\")")
            .says(
                "DockerResource \"web-{SFX}\" (main.java:6): image, ports, envVars, volumes,"
                    + " command",
                "Set CW_API_KEY"));
  }

  /** A project whose lock file was written by a good answer, then edited by hand. */
  private static Case lock(String name, String editedValues, String... says) {
    String good = "{\"content\": \"hello\", \"mode\": \"644\"}";
    return Case.of("clockwork.lock", name, "new FileResource(\"gen\").description(\"a greeting\")")
        .run("plan")
        .env("CW_MODEL", "test-model")
        .before(
            (project, outside) -> {
              try (var server = new ScriptedModelServer()) {
                server.script("gen", answer(good));
                CliResult first =
                    Launcher.run(
                        project,
                        Map.of(
                            "CW_BASE_URL",
                            server.baseUrl(),
                            "CW_API_KEY",
                            "k",
                            "CW_MODEL",
                            "test-model"),
                        "plan");
                CliResultAssert.assertThat(first).succeeded();
              }
              Path file = project.resolve("clockwork.lock");
              String lock = Files.readString(file);
              Files.writeString(
                  file,
                  lock.replaceFirst(
                      "\"values\" : \\{[^}]*\\}",
                      "\"values\" : " + editedValues.replace("\\", "\\\\").replace("$", "\\$")));
            })
        .says(says);
  }

  private static List<Case> lockFiles() {
    String g = "clockwork.lock";
    return List.of(
        Case.of(g, "a lock that is not JSON", "fine")
            .file("clockwork.lock", "{ not json")
            .run("plan")
            .says("Cannot read ", "clockwork.lock"),
        Case.of(g, "an empty lock", "fine")
            .file("clockwork.lock", "\n")
            .run("plan")
            .says("Cannot read ", "clockwork.lock: it is empty."),
        Case.of(g, "a lock without resources", "fine")
            .file("clockwork.lock", "{\"version\": 1}")
            .run("plan")
            .says("it has no \"resources\" object"),
        Case.of(g, "a lock of version 99", "fine")
            .file("clockwork.lock", "{\"version\": 99, \"resources\": {}}")
            .run("plan")
            .says("its \"version\" is 99, and this Clockwork reads version 1"),
        lock(
            "a lock entry with a field not asked for",
            "{\"content\": \"x\", \"mode\": \"644\", \"privileged\": \"true\"}",
            "FileResource \"gen\"",
            "clockwork.lock holds values that are refused",
            "privileged is not a field you may set"),
        lock(
            "a lock entry with a world-writable mode",
            "{\"content\": \"x\", \"mode\": \"777\"}",
            "mode \"777\" lets anyone write the file"),
        lock(
            "a lock entry of the wrong type",
            "{\"content\": 42, \"mode\": \"644\"}",
            "content must be a string, not 42"),
        lock("a lock entry with a missing field", "{\"content\": \"x\"}", "mode is missing"),
        lock(
            "a lock entry that is too large",
            "{\"content\": \"" + "x".repeat(140_000) + "\", \"mode\": \"644\"}",
            "content has a value of 140000 characters, more than the 131072 it may have"),
        lock(
            "a lock entry with a bad mode",
            "{\"content\": \"x\", \"mode\": \"rwx\"}",
            "mode \"rwx\" is not an octal permission"));
  }

  /** A state.json holding one file resource, with these artifacts, written by hand. */
  private static Setup state(String artifacts) {
    return (project, outside) -> {
      Files.createDirectories(project.resolve(".clockwork"));
      Files.writeString(
          project.resolve(".clockwork/state.json"),
          """
          {"format": 1, "serial": 1, "project": "abc123", "resources": {
            "notes": {"kind": "file", "spec": {"path": "notes.txt", "content": "hi", "mode": "644"},
                      "artifacts": [%s], "dependsOn": []}}}
          """
              .formatted(artifacts.replace("{OUT}", outside.toString())));
    };
  }

  private static List<Case> states() {
    String g = "state.json";
    Case destroy = Case.of(g, "", "fine").run("destroy", "--yes");
    return List.of(
        destroy
            .withName("state that is not JSON")
            .before(
                (p, o) -> {
                  Files.createDirectories(p.resolve(".clockwork"));
                  Files.writeString(p.resolve(".clockwork/state.json"), "{ broken");
                })
            .exits(ExitCode.FAILED)
            .says("is damaged", "There is no backup yet"),
        destroy
            .withName("state of a newer format")
            .before(
                (p, o) -> {
                  Files.createDirectories(p.resolve(".clockwork"));
                  Files.writeString(
                      p.resolve(".clockwork/state.json"),
                      "{\"format\": 9, \"serial\": 1, \"resources\": {}}");
                })
            .exits(ExitCode.FAILED)
            .says("was written by a newer Clockwork (format 9)"),
        destroy
            .withName("a null resource entry")
            .before(
                (p, o) -> {
                  Files.createDirectories(p.resolve(".clockwork"));
                  Files.writeString(
                      p.resolve(".clockwork/state.json"),
                      "{\"format\": 1, \"serial\": 1, \"resources\": {\"a\": null}}");
                })
            .exits(ExitCode.FAILED)
            .says("is damaged (resource \"a\" has no entry)"),
        destroy
            .withName("an entry without a kind")
            .before(
                (p, o) -> {
                  Files.createDirectories(p.resolve(".clockwork"));
                  Files.writeString(
                      p.resolve(".clockwork/state.json"),
                      "{\"format\": 1, \"serial\": 1, \"resources\": {\"a\": {\"artifacts\":"
                          + " []}}}");
                })
            .exits(ExitCode.FAILED)
            .says("resource \"a\" has no kind"),
        destroy
            .withName("a damaged journal line")
            .before(
                (p, o) -> {
                  Files.createDirectories(p.resolve(".clockwork"));
                  Files.writeString(
                      p.resolve(".clockwork/state.journal"), "{ broken\n{\"id\": \"a\"}\n");
                })
            .exits(ExitCode.FAILED)
            .says("state.journal is damaged", "at line 1"),
        destroy
            .withName("a file outside the project added to artifacts")
            .before(state("\"file:{OUT}/victim.txt\""))
            .mayShrinkState()
            .exits(ExitCode.OK)
            .says(
                "leaves:  file {OUT}/victim.txt (state has no record of what Clockwork wrote"
                    + " there)"),
        destroy
            .withName("a directory outside the project added to artifacts")
            .before(state("\"dir:{OUT}/empty\""))
            .mayShrinkState()
            .exits(ExitCode.OK)
            .says(
                "dir {OUT}/empty (state names it, but it is not on the way to a file Clockwork"
                    + " wrote)"),
        destroy
            .withName("a relative path out of the project added to artifacts")
            .before(state("\"file:../outside/victim.txt\""))
            .mayShrinkState()
            .exits(ExitCode.OK)
            .says("file ../outside/victim.txt (state has no record of what Clockwork wrote there)"),
        destroy
            .withName("a digest of another content added to artifacts")
            .before(
                state(
                    "\"file:{OUT}/victim.txt\","
                        + " \"content:0000000000000000000000000000000000000000000000000000000000000000:{OUT}/victim.txt\""))
            .mayShrinkState()
            .exits(ExitCode.OK)
            .says("its content is not what Clockwork wrote"),
        destroy
            .withName("a kind no provider makes")
            .before(
                (p, o) -> {
                  Files.createDirectories(p.resolve(".clockwork"));
                  Files.writeString(
                      p.resolve(".clockwork/state.json"),
                      "{\"format\": 1, \"serial\": 1, \"project\": \"abc\", \"resources\": {\"a\":"
                          + " {\"kind\": \"mystery\", \"artifacts\": []}}}");
                })
            .exits(ExitCode.FAILED)
            .says("this Clockwork has no provider for kind \"mystery\""),
        destroy
            .withName("a spec this Clockwork cannot read")
            .before(
                (p, o) -> {
                  Files.createDirectories(p.resolve(".clockwork"));
                  Files.writeString(
                      p.resolve(".clockwork/state.json"),
                      "{\"format\": 1, \"serial\": 1, \"project\": \"abc\", \"resources\": {\"a\":"
                          + " {\"kind\": \"file\", \"spec\": {\"mode\": [1]}, \"artifacts\":"
                          + " []}}}");
                })
            .exits(ExitCode.FAILED)
            .says("The state holds a file resource this Clockwork cannot read"),
        Case.of(
                g,
                "a resource declared as another kind than state says",
                "new DockerResource(\"notes\").image(\"{IMG}\")")
            .before(state("\"file:notes.txt\""))
            .run("plan")
            .says(
                "DockerResource \"notes\"",
                "Clockwork made this as a file, and it is now declared as a docker"));
  }

  private static List<Case> modelAnswers() {
    String g = "model answers";
    String web = "new DockerResource(\"web-{SFX}\").description(\"a web server\")";
    String container =
        "{\"image\": \"{IMG}\", \"ports\": [], \"envVars\": %s, \"volumes\": %s, \"command\": []}";
    var cases = new ArrayList<Case>();
    cases.add(
        Case.of(g, "an answer that is not JSON", web)
            .model("web-{SFX}", "I think nginx would be nice")
            .exits(ExitCode.FAILED)
            .says(
                "DockerResource \"web-{SFX}\"",
                "the model's answers were refused once",
                "the answer is not a JSON object: \"I think nginx would be nice\""));
    cases.add(
        Case.of(g, "a field not asked for", web)
            .model(
                "web-{SFX}",
                "{\"image\": \"{IMG}\", \"ports\": [], \"envVars\": [], \"volumes\": [],"
                    + " \"command\": [], \"privileged\": \"true\"}")
            .exits(ExitCode.FAILED)
            .says("privileged is not a field you may set"));
    cases.add(
        Case.of(
                g,
                "a field the user gave",
                "new DockerResource(\"web-{SFX}\").description(\"x\").ports(\"{PORT}:80\")")
            .model(
                "web-{SFX}",
                "{\"image\": \"{IMG}\", \"ports\": [\"1:1\"], \"envVars\": [], \"volumes\": [],"
                    + " \"command\": []}")
            .exits(ExitCode.FAILED)
            .says("ports was given by the user: leave it out"));
    cases.add(
        Case.of(g, "a missing field", web)
            .model("web-{SFX}", "{\"image\": \"{IMG}\"}")
            .exits(ExitCode.FAILED)
            .says("ports is missing"));
    cases.add(
        Case.of(g, "a field of the wrong type", web)
            .model("web-{SFX}", container.formatted("[]", "\"/data\""))
            .exits(ExitCode.FAILED)
            .says("volumes must be a list of strings"));
    for (String[] volume :
        new String[][] {
          {"/etc:/hostetc", "mounts a host path outside the project"},
          {"/var/run/docker.sock:/var/run/docker.sock", "mounts a host path outside the project"},
          {"../outside:/x", "mounts a host path outside the project"},
          {"./:/src", "mounts the whole project directory"},
          {"./.env:/e", "mounts Clockwork's own .env"},
          {"./.clockwork:/c", "mounts Clockwork's own .clockwork"},
          {"./main.java:/m", "mounts Clockwork's own main.java"},
          {"./etclink:/hostetc", "mounts a host path outside the project (it leads to /etc)"},
        }) {
      cases.add(
          Case.of(g, "a mount of " + volume[0], web)
              .before(
                  (p, o) -> {
                    if (volume[0].startsWith("./etclink")) {
                      Files.createSymbolicLink(p.resolve("etclink"), Path.of("/etc"));
                    }
                  })
              .model("web-{SFX}", container.formatted("[]", "[\"" + volume[0] + "\"]"))
              .exits(ExitCode.FAILED)
              .says("volume \"" + volume[0] + "\" " + volume[1]));
    }
    for (String name :
        List.of(
            "DB_PASS",
            "PGPASS",
            "AWS_ACCESS_KEY_ID",
            "AUTH_KEY",
            "SESSION_KEY",
            "GITHUB_TOKEN",
            "MYSQL_ROOT_PASSWORD")) {
      cases.add(
          Case.of(g, "a secret named " + name, web)
              .model("web-{SFX}", container.formatted("[\"" + name + "=x\"]", "[]"))
              .exits(ExitCode.FAILED)
              .says(
                  "environment variable \""
                      + name
                      + "\" holds a secret, which only the user sets"));
    }
    cases.add(
        Case.of(g, "credentials in a value", web)
            .model(
                "web-{SFX}",
                container.formatted("[\"DATABASE_URL=postgres://app:pw@db/app\"]", "[]"))
            .exits(ExitCode.FAILED)
            .says("environment variable \"DATABASE_URL\" carries credentials in a URL"));
    for (String name :
        List.of("LD_PRELOAD", "LD_LIBRARY_PATH", "JAVA_TOOL_OPTIONS", "NODE_OPTIONS", "BASH_ENV")) {
      cases.add(
          Case.of(g, "an environment that injects code: " + name, web)
              .model("web-{SFX}", container.formatted("[\"" + name + "=/tmp/x\"]", "[]"))
              .exits(ExitCode.FAILED)
              .says(
                  "environment variable \""
                      + name
                      + "\" changes how programs in the container load code"));
    }
    cases.add(
        Case.of(g, "an image reference in upper case", web)
            .model(
                "web-{SFX}",
                "{\"image\": \"NGINX\", \"ports\": [], \"envVars\": [], \"volumes\": [],"
                    + " \"command\": []}")
            .exits(ExitCode.FAILED)
            .says("image \"NGINX\" is not an image reference"));
    cases.add(
        Case.of(g, "an image of 10 000 characters", web)
            .model(
                "web-{SFX}",
                "{\"image\": \""
                    + "a".repeat(10_000)
                    + "\", \"ports\": [], \"envVars\": [], \"volumes\": [], \"command\": []}")
            .exits(ExitCode.FAILED)
            .says("image has a value of 10000 characters, more than the 1024 it may have"));
    cases.add(
        Case.of(g, "an answer of 600 000 characters", web)
            .model("web-{SFX}", "{\"image\": \"" + "a".repeat(600_000) + "\"}")
            .exits(ExitCode.FAILED)
            .says("characters long, more than the 524288 an answer may be: answer shorter"));
    cases.add(
        Case.of(g, "an image it invented", web)
            .model(
                "web-{SFX}",
                "{\"image\": \"clockwork-test/invented:{SFX}\", \"ports\": [], \"envVars\": [],"
                    + " \"volumes\": [], \"command\": []}")
            .exits(ExitCode.FAILED)
            .says("image \"clockwork-test/invented:{SFX}\" cannot be pulled"));
    cases.add(
        Case.of(g, "a port string Docker refuses", web)
            .model(
                "web-{SFX}",
                "{\"image\": \"{IMG}\", \"ports\": [\"eighty\"], \"envVars\": [], \"volumes\": [],"
                    + " \"command\": []}")
            .exits(ExitCode.FAILED)
            .says("port \"eighty\" is not in Docker's syntax"));
    cases.add(
        Case.of(g, "a world-writable file", "new FileResource(\"gen\").description(\"a greeting\")")
            .model("gen", "{\"content\": \"hi\", \"mode\": \"777\"}")
            .exits(ExitCode.FAILED)
            .says("FileResource \"gen\"", "mode \"777\" lets anyone write the file"));
    cases.add(
        Case.of(
                g,
                "a file of 200 000 characters",
                "new FileResource(\"gen\").description(\"a greeting\")")
            .model("gen", "{\"content\": \"" + "x".repeat(200_000) + "\", \"mode\": \"644\"}")
            .exits(ExitCode.FAILED)
            .says("content has a value of 200000 characters"));
    cases.add(
        Case.of(
                g,
                "a clone outside the project",
                "new GitRepoResource(\"docs\").description(\"the docs\")")
            .model(
                "docs",
                "{\"repoUrl\": \"file:///x.git\", \"branch\": \"main\", \"dest\":"
                    + " \"/tmp/docs-{SFX}\"}")
            .exits(ExitCode.FAILED)
            .says("dest \"/tmp/docs-{SFX}\" is outside the project"));
    cases.add(
        Case.of(
                g,
                "a repository it invented",
                "new GitRepoResource(\"docs\").description(\"the docs\")")
            .model(
                "docs",
                "{\"repoUrl\": \"file:///nonexistent/{SFX}.git\", \"branch\": \"main\", \"dest\":"
                    + " \"vendor/docs\"}")
            .exits(ExitCode.FAILED)
            .says("cannot reach repoUrl \"file:///nonexistent/{SFX}.git\""));
    cases.add(
        Case.of(
                g,
                "a template variable with a bad name",
                "new TemplateFileResource(\"t\").template(\"{{ a }}\").description(\"x\")")
            .model("t", "{\"variables\": [\"a b=1\"]}")
            .exits(ExitCode.FAILED)
            .says("variables has names that are not NAME=value names: \"a b\""));
    cases.add(
        Case.of(g, "an endpoint that cannot be reached", web)
            .model("web-{SFX}")
            .env("CW_BASE_URL", "http://127.0.0.1:1/v1")
            .exits(ExitCode.FAILED)
            .says("No answer from the model endpoint http://127.0.0.1:1/v1: it cannot be reached"));
    return cases;
  }
}
