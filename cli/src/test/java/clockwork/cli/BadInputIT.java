package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.error.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bad input through the launcher: each refused with a clear message and the invalid-input exit
 * code, and nothing changed (the valid file declared beside the bad one is not made either).
 */
class BadInputIT {
  @RegisterExtension final TestProject workspace = TestProject.withoutDocker();

  final Path project = workspace.dir();

  private CliResult applyWith(String declarations) throws IOException {
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            var fine = new FileResource("fine.txt").content("fine");
        %s
        }
        """
            .formatted(declarations));
    return Launcher.run(project, "apply", "--yes");
  }

  private void assertNothingChanged() {
    assertThat(project.resolve("fine.txt")).doesNotExist();
    assertThat(project.resolve(".clockwork/state.json")).doesNotExist();
  }

  @Test
  void noMainJava_saysWhereItLookedAndHowToStart_andCreatesNothing() throws IOException {
    assertThat(Launcher.run(project, "apply", "--yes"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains(
            "Error: No main.java in " + project.toRealPath(),
            "Clockwork.declare(new FileResource(\"hello.txt\")",
            "or point --dir at the directory that holds your main.java");
    try (var files = Files.list(project)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void compileError_givesFileLineAndTheCompilersMessage() throws IOException {
    assertThat(applyWith("    Clockwork.declare(fine, 42);"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains(
            "main.java:6: error: method declare in class clockwork.Clockwork cannot be applied to"
                + " given types;",
            "    Clockwork.declare(fine, 42);\n             ^\n",
            "1 error in ");
    assertNothingChanged();
  }

  @Test
  void duplicateNames_areRefused() throws IOException {
    assertThat(
            applyWith(
                "    Clockwork.declare(fine, new FileResource(\"a\").content(\"1\"),"
                    + " new FileResource(\"a\").directory(\"x\").content(\"2\"));"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains(
            "FileResource \"a\" (main.java:6): 2 resources have this name (declared at"
                + " main.java:6, main.java:6)");
    assertNothingChanged();
  }

  @Test
  void invalidMode_isQuotedWithWhatToWriteInstead() throws IOException {
    assertThat(
            applyWith(
                "    Clockwork.declare(fine, new"
                    + " FileResource(\"m\").content(\"x\").mode(\"999\"));"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains(
            "FileResource \"m\" (main.java:6): mode \"999\" is not an octal permission: write"
                + " three digits from 0 to 7");
    assertNothingChanged();
  }

  @Test
  void emptyName_isRefused() throws IOException {
    assertThat(applyWith("    Clockwork.declare(fine, new FileResource(\"\").content(\"x\"));"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("FileResource \"\" (main.java:6): the name is empty");
    assertNothingChanged();
  }

  @Test
  void missingContentWithoutAKey_namesTheResourceTheFieldsAndHowToSetAKey() throws IOException {
    assertThat(applyWith("    Clockwork.declare(fine, new FileResource(\"empty.txt\"));"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("no API key is set")
        .errContains("FileResource \"empty.txt\" (main.java:6): content, mode")
        .errContains("Set CW_API_KEY");
    assertNothingChanged();
  }

  @Test
  void pathThatIsADirectory_isRefused() throws IOException {
    Files.createDirectories(project.resolve("out/data"));

    assertThat(
            applyWith(
                "    Clockwork.declare(fine, new"
                    + " FileResource(\"data\").directory(\"out\").content(\"x\"));"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("FileResource \"data\" (main.java:6): \"out/data\" is a directory");
    assertNothingChanged();
  }

  @Test
  void fileWhoseDirectoryCannotBeCreated_isRefused() throws IOException {
    Files.writeString(project.resolve("blocker"), "a file, not a directory");

    assertThat(
            applyWith(
                "    Clockwork.declare(fine, new"
                    + " FileResource(\"x\").directory(\"blocker/sub\").content(\"x\"));"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains(
            "FileResource \"x\" (main.java:6): cannot create the directory for \"blocker/sub/x\": "
                + project.toRealPath().resolve("blocker")
                + " is a file, not a directory; choose another directory");
    assertNothingChanged();
    assertThat(project.resolve("blocker")).hasContent("a file, not a directory");
  }

  @Test
  void existingFileClockworkDidNotCreate_isNeverOverwritten() throws IOException {
    Files.writeString(project.resolve("taken.txt"), "the user's");

    assertThat(
            applyWith(
                "    Clockwork.declare(fine, new FileResource(\"taken.txt\").content(\"mine"
                    + " now\"));"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("\"taken.txt\" already exists and Clockwork did not create it");
    assertThat(project.resolve("taken.txt")).hasContent("the user's");
    assertNothingChanged();
  }

  @Test
  void nothingDeclared_saysSo() throws IOException {
    assertThat(applyWith(""))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("declares no resources: call Clockwork.declare(...)");
  }

  @Test
  void applyWithoutATerminal_needsYes() throws IOException {
    Files.writeString(
        project.resolve("main.java"),
        "void main() { clockwork.Clockwork.declare(new"
            + " clockwork.resources.FileResource(\"a\").content(\"a\")); }");

    assertThat(Launcher.run(project, "apply"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains(
            "apply asks for confirmation, and standard input is not a terminal: add --yes");
    assertThat(project.resolve("a")).doesNotExist();
  }

  @Test
  void unknownOption_isInvalidInput() {
    assertThat(Launcher.run(project, "plan", "--frobnicate"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("Unknown option: '--frobnicate'", "clockwork plan --help");
  }
}
