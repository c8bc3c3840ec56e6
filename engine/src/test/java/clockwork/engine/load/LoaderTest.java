package clockwork.engine.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clockwork.Resource;
import clockwork.engine.error.ExitCode;
import clockwork.engine.event.Event;
import clockwork.resources.FileResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoaderTest {
  @TempDir Path project;
  private final List<Event> events = new CopyOnWriteArrayList<>();

  private List<Resource> load(String source) throws IOException {
    Files.writeString(project.resolve("main.java"), source);
    return new Loader(project.resolve(".clockwork/classes"), events::add)
        .load(project.resolve("main.java"));
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

    assertThatThrownBy(() -> new Loader(project.resolve(".clockwork"), events::add).load(missing))
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
}
