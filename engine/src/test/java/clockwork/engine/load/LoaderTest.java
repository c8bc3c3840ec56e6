package clockwork.engine.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clockwork.Resource;
import clockwork.engine.error.ExitCode;
import clockwork.engine.event.Event;
import clockwork.resources.EnvFileResource;
import clockwork.resources.FileResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoaderTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** The command's environment over the project's .env, as Settings gives it. */
  private static final Map<String, String> ENVIRONMENT = Map.of("DB_PASSWORD", "from-dot-env");

  @TempDir Path project;
  private final List<Event> events = new CopyOnWriteArrayList<>();

  private List<Resource> load(String source) throws IOException {
    Files.writeString(project.resolve("main.java"), source);
    return new Loader(
            project.resolve(".clockwork/classes"), List.of(), TIMEOUT, ENVIRONMENT, events::add)
        .load(project.resolve("main.java"))
        .resources();
  }

  @Test
  void load_runsCompactSourceFile() throws IOException {
    List<Resource> declared =
        load(
            """
            import clockwork.*;
            import clockwork.resources.*;

            void main() {
                Clockwork.declare(new FileResource("a.txt").content("A"), helper());
            }

            FileResource helper() { return new FileResource("b.txt").content("B"); }
            """);

    assertThat(declared).extracting(Resource::name).containsExactly("a.txt", "b.txt");
    assertThat(((FileResource) declared.getFirst()).content()).isEqualTo("A");
    assertThat(declared.getFirst().declaredAt()).isEqualTo("main.java:5");
  }

  @Test
  void load_secretFromEnv_readsTheVariablesItIsGiven_notTheProcessEnvironment() throws IOException {
    List<Resource> declared =
        load(
            """
            import clockwork.*;
            import clockwork.resources.*;

            void main() {
                Clockwork.declare(new EnvFileResource("app.env")
                    .secret("PASSWORD", Secret.fromEnv("DB_PASSWORD"))
                    .secret("HOME_DIR", Secret.fromEnv("HOME")));
            }
            """);

    var secrets = ((EnvFileResource) declared.getFirst()).secrets();
    assertThat(secrets.get("PASSWORD").value()).isEqualTo("from-dot-env");
    assertThat(secrets.get("HOME_DIR").isSet()).as("only what it is given").isFalse();
  }

  @Test
  void load_runsFirstClassWithStaticMain() throws IOException {
    List<Resource> declared =
        load(
            """
            import clockwork.*;
            import clockwork.resources.*;

            class Infrastructure {
                public static void main(String[] args) {
                    Clockwork.declare(Files.notes());
                }
            }

            class Files {
                static FileResource notes() { return new FileResource("notes.txt").content("n"); }
            }
            """);

    assertThat(declared).extracting(Resource::name).containsExactly("notes.txt");
  }

  @Test
  void aClassInAnotherFileOfTheProject_compilesWithMainJava_andChangingOnlyItCompilesAgain()
      throws IOException {
    Files.writeString(
        project.resolve("Services.java"),
        """
        import clockwork.resources.*;

        class Services {
            static FileResource note() { return new FileResource("note").content("one"); }
        }
        """);
    String main =
        """
        import clockwork.*;

        void main() { Clockwork.declare(Services.note()); }
        """;
    assertThat(load(main)).extracting(Resource::name).containsExactly("note");
    assertThat(load(main)).hasSize(1);
    Files.writeString(
        project.resolve("Services.java"),
        Files.readString(project.resolve("Services.java")).replace("\"note\"", "\"memo\""));
    assertThat(load(main)).extracting(Resource::name).containsExactly("memo");
    assertThat(events)
        .containsExactly(
            new Event.Compiling("main.java", "not compiled before"),
            new Event.Compiling("main.java", "Services.java changed"));
  }

  @Test
  void anErrorInAnotherFile_namesThatFile() throws IOException {
    Files.writeString(project.resolve("Services.java"), "class Services { int x = ; }\n");
    assertThatThrownBy(
            () ->
                load("import clockwork.*;\nvoid main() { new Services(); Clockwork.declare(); }\n"))
        .hasMessageContaining("Services.java:1: error:")
        .hasMessageContaining("1 error in Services.java; fix it");
  }

  @Test
  void load_compilesOnce_whenSourceUnchanged() throws IOException {
    String source =
        """
        import clockwork.*;
        import clockwork.resources.*;
        void main() { Clockwork.declare(new FileResource("a").content("x")); }
        """;
    load(source);
    load(source);
    load(source.replace("\"x\"", "\"y\""));

    assertThat(events)
        .containsExactly(
            new Event.Compiling("main.java", "not compiled before"),
            new Event.Compiling("main.java", "main.java changed"));
    try (var entries = Files.list(project.resolve(".clockwork/classes"))) {
      assertThat(entries).as("only the newest compilation is kept").hasSize(1);
    }
  }

  @Test
  void load_reportsFileLineAndCompilerMessage_whenSourceDoesNotCompile() {
    assertThatThrownBy(
            () ->
                load(
                    """
                    import clockwork.*;
                    void main() {
                        int port = "eighty";
                    }
                    """))
        .isInstanceOfSatisfying(
            LoadException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
            })
        .hasMessageContaining("main.java:3: error: incompatible types")
        .hasMessageContaining("    int port = \"eighty\";\n               ^")
        .hasMessageContaining("1 error in ");
  }

  @Test
  void load_saysWhereItLookedAndHowToStart_whenThereIsNoMainJava() {
    Path missing = project.resolve("main.java");

    assertThatThrownBy(
            () ->
                new Loader(
                        project.resolve(".clockwork"), List.of(), TIMEOUT, ENVIRONMENT, events::add)
                    .load(missing))
        .isInstanceOf(LoadException.class)
        .hasMessageContaining("No main.java in " + project)
        .hasMessageContaining("Clockwork.declare(new FileResource(\"hello.txt\")")
        .hasMessageContaining("--dir");
    assertThat(project.resolve(".clockwork")).doesNotExist();
  }

  @Test
  void load_saysSo_whenNothingIsDeclared() {
    assertThatThrownBy(() -> load("void main() { IO.println(\"hi\"); }"))
        .isInstanceOf(LoadException.class)
        .hasMessageContaining("declares no resources: call Clockwork.declare(...)");
  }

  @Test
  void load_pointsAtTheLine_whenMainThrows() {
    assertThatThrownBy(
            () ->
                load(
                    """
                    import clockwork.resources.*;

                    void main() {
                        new FileResource(null);
                    }
                    """))
        .isInstanceOfSatisfying(LoadException.class, e -> assertThat(e.line()).isEqualTo(4))
        .hasMessage(
            "main.java:4: main failed with IllegalArgumentException: FileResource needs a name:"
                + " write new FileResource(\"some-name\")");
  }

  @Test
  void load_saysWhatToAdd_whenThereIsNoMainMethod() {
    assertThatThrownBy(() -> load("class Nothing {}"))
        .isInstanceOf(LoadException.class)
        .hasMessageContaining("has no main method in its first class, Nothing: add void main()");
  }

  @Test
  void load_refusesEveryWayMainTriesToEndTheProcess_namingItsLine() {
    for (String call :
        List.of(
            "System.exit(0)",
            "System.exit(3)",
            "Runtime.getRuntime().exit(1)",
            "Runtime.getRuntime().halt(0)")) {
      assertThatThrownBy(
              () ->
                  load(
                      """
                      void main() {
                          try {
                              %s;
                          } catch (Exception e) {
                              // swallowed by a careless main: the attempt is still refused
                          }
                          clockwork.Clockwork.declare(
                              new clockwork.resources.FileResource("a").content("a"));
                      }
                      """
                          .formatted(call)))
          .as(call)
          .isInstanceOf(LoadException.class)
          .hasMessageStartingWith(
              "main.java:3: main calls "
                  + call.replace("getRuntime().", "")
                  + ", which would end Clockwork itself");
    }
  }

  @Test
  void load_refusesAnExitInAClassOrLambdaOfMainJava_too() {
    assertThatThrownBy(
            () ->
                load(
                    """
                    void main() {
                        Runnable quit = () -> Helper.quit();
                        quit.run();
                    }

                    class Helper {
                        static void quit() {
                            System.exit(0);
                        }
                    }
                    """))
        .hasMessageStartingWith("main.java:8: main calls System.exit(0)");
  }

  @Test
  void load_stopsAMainThatNeverEnds_afterTheTimeout() throws IOException {
    Files.writeString(project.resolve("main.java"), "void main() { while (true) {} }");
    var loader =
        new Loader(
            project.resolve(".clockwork/classes"),
            List.of(),
            Duration.ofMillis(1500),
            ENVIRONMENT,
            events::add);

    assertThatThrownBy(() -> loader.load(project.resolve("main.java")))
        .isInstanceOf(LoadException.class)
        .hasMessageEndingWith(
            "main.java did not finish declaring its resources within 1 s (CW_LOAD_TIMEOUT): main"
                + " runs only to declare them, so make it end (a loop, or a wait for something"
                + " that does not come?), or raise CW_LOAD_TIMEOUT");
  }

  @Test
  void load_refusesAnEmptyMainJava_sayingWhatToWrite() {
    assertThatThrownBy(() -> load(""))
        .isInstanceOf(LoadException.class)
        .hasMessageEndingWith(
            "main.java holds no class and no main method: start it with void main() {"
                + " Clockwork.declare(...); }");
  }
}
