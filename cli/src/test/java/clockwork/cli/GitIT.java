package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.error.ExitCode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Git clones through the CLI, against local bare repositories over file://: two branches, a new
 * commit to pull, drift, an adopted clone, a dirty clone on destroy, and bad input.
 */
class GitIT {
  @RegisterExtension final TestProject workspace = TestProject.withoutDocker();

  final Path project = workspace.dir();
  @TempDir Path remotes;
  private String origin;
  private Path work;

  /** A bare repository with main ("one") and dev ("dev"), and a clone to push more from. */
  @BeforeEach
  void origin() throws GitAPIException, IOException {
    Path bare = remotes.resolve("origin.git");
    Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
    origin = bare.toUri().toString();
    work = remotes.resolve("work");
    try (Git git = Git.cloneRepository().setURI(origin).setDirectory(work.toFile()).call()) {
      commit(git, "one");
      if (!git.getRepository().getBranch().equals("main")) {
        git.branchRename().setNewName("main").call();
      }
      git.push().setRemote("origin").add("main").call();
      git.branchCreate().setName("dev").call();
      git.checkout().setName("dev").call();
      commit(git, "dev");
      git.push().setRemote("origin").add("dev").call();
      git.checkout().setName("main").call();
    }
  }

  private void commit(Git git, String content) throws IOException, GitAPIException {
    Files.writeString(git.getRepository().getWorkTree().toPath().resolve("a.txt"), content);
    git.add().addFilepattern("a.txt").call();
    git.commit().setMessage(content).setAuthor("test", "test@example.com").setSign(false).call();
  }

  private void declare(String name, String url, String branch) throws IOException {
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            Clockwork.declare(new GitRepoResource("%s").repoUrl("%s")%s);
        }
        """
            .formatted(name, url, branch == null ? "" : ".branch(\"" + branch + "\")"));
  }

  @Test
  void aClone_followsItsBranch_pullsNewCommits_andIsDestroyedOnlyWhenClean() throws Exception {
    declare("site", origin, "main");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded().outContains("1 created");
    Path site = project.resolve("site");
    assertThat(site.resolve("a.txt")).hasContent("one");
    assertThat(Launcher.run(project, "plan")).succeeded().outContains("No changes");

    try (Git git = Git.open(work.toFile())) {
      commit(git, "two");
      git.push().setRemote("origin").add("main").call();
    }
    assertThat(Launcher.run(project, "plan")).succeeded().outContains("~ site (git)", "commit:");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded().outContains("1 updated");
    assertThat(site.resolve("a.txt")).hasContent("two");

    declare("site", origin, "dev");
    assertThat(Launcher.run(project, "apply", "--yes"))
        .succeeded()
        .outContains("branch: \"main\" → \"dev\"");
    assertThat(site.resolve("a.txt")).hasContent("dev");

    try (Git git = Git.open(site.toFile())) {
      git.checkout().setName("main").call();
    }
    assertThat(Launcher.run(project, "plan"))
        .succeeded()
        .outContains("changed outside Clockwork", "branch: \"main\" → \"dev\"");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();
    assertThat(site.resolve("a.txt")).hasContent("dev");

    Files.writeString(site.resolve("a.txt"), "edited by hand");
    assertThat(Launcher.run(project, "destroy", "--yes"))
        .exitedWith(ExitCode.FAILED)
        .outContains("has 1 files with uncommitted changes")
        .outContains("set .forceDestroy(true) and apply, then destroy again");
    assertThat(site.resolve("a.txt")).hasContent("edited by hand");

    Files.writeString(site.resolve("a.txt"), "dev");
    assertThat(Launcher.run(project, "destroy", "--yes")).succeeded().outContains("1 deleted");
    assertThat(site).doesNotExist();
  }

  @Test
  void aCloneAlreadyThere_isAdopted_andNeverDeleted() throws Exception {
    Git.cloneRepository()
        .setURI(origin)
        .setDirectory(project.resolve("mine").toFile())
        .call()
        .close();
    declare("mine", origin, null);
    assertThat(Launcher.run(project, "apply", "--yes"))
        .succeeded()
        .outContains("adopts the clone already there; destroy leaves it");
    assertThat(Launcher.run(project, "destroy", "--yes")).succeeded();
    assertThat(project.resolve("mine/a.txt")).hasContent("one");
  }

  @Test
  void badInput_isRefusedBeforeAnythingChanges() throws IOException {
    declare("site", new File(remotes.toFile(), "missing.git").toURI().toString(), null);
    assertThat(Launcher.run(project, "apply", "--yes"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("GitRepoResource \"site\" (main.java:5): cannot reach repoUrl \"file:");

    declare("site", origin, "nope");
    assertThat(Launcher.run(project, "apply", "--yes"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("branch \"nope\" is not on \"" + origin + "\"; it has dev, main");

    Files.createDirectories(project.resolve("site"));
    Files.writeString(project.resolve("site/notes.txt"), "mine");
    declare("site", origin, null);
    assertThat(Launcher.run(project, "apply", "--yes"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("dest \"site\" exists and is not a git clone");
    assertThat(project.resolve("site/notes.txt")).hasContent("mine");
    assertThat(project.resolve(".clockwork/state.json")).doesNotExist();
  }
}
