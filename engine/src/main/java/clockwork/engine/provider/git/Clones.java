package clockwork.engine.provider.git;

import clockwork.spi.Operation;
import clockwork.spi.Sensitive;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.api.CreateBranchCommand.SetupUpstreamMode;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ListBranchCommand;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Everything {@link GitProvider} asks of JGit, kept apart so that JGit loads only when a project
 * has clones: its jar is signed, and opening a signed jar costs every command a tenth of a second
 * (the JVM checks its certificates, and cannot keep its classes in the AOT cache).
 */
final class Clones {
  private Clones() {}

  /**
   * A remote's branches.
   *
   * @param heads each branch's commit, by name
   * @param defaultBranch {@code null} when the remote has no branch or could not be read
   * @param error why the remote could not be read; {@code null} when it was
   */
  record Remote(Map<String, String> heads, String defaultBranch, String error) {}

  /** A clone on disk: its origin, checked-out branch and commit, and what is not pushed. */
  record Local(String origin, String branch, String head, int uncommitted, int unpushed) {}

  static Remote remote(String url) {
    var heads = new LinkedHashMap<String, String>();
    try {
      Map<String, Ref> refs = Git.lsRemoteRepository().setRemote(url).callAsMap();
      refs.forEach(
          (name, ref) -> {
            if (name.startsWith(Constants.R_HEADS)) {
              heads.put(name.substring(Constants.R_HEADS.length()), ref.getObjectId().name());
            }
          });
      Ref head = refs.get(Constants.HEAD);
      String defaultBranch = null;
      if (head != null && head.isSymbolic()) {
        defaultBranch = Repository.shortenRefName(head.getTarget().getName());
      } else if (!heads.isEmpty()) {
        defaultBranch = heads.containsKey("main") ? "main" : heads.keySet().iterator().next();
      }
      return new Remote(heads, defaultBranch, null);
    } catch (GitAPIException | RuntimeException e) {
      return new Remote(heads, null, message(e));
    }
  }

  /**
   * @throws IOException when {@code dir} holds no repository JGit can read
   */
  static Local local(Path dir) throws IOException {
    try (Git git = Git.open(dir.toFile())) {
      Repository repository = git.getRepository();
      ObjectId head = repository.resolve(Constants.HEAD);
      return new Local(
          repository.getConfig().getString("remote", "origin", "url"),
          repository.getBranch(),
          head == null ? null : head.name(),
          git.status().call().getUncommittedChanges().size(),
          unpushed(git));
    } catch (GitAPIException e) {
      throw new IOException(message(e), e);
    }
  }

  /** Clones {@code url} into {@code dir}, at {@code branch} or the remote's default. */
  static void clone(String url, String branch, Path dir) throws GitAPIException {
    var clone = Git.cloneRepository().setURI(url).setDirectory(dir.toFile());
    if (branch != null) clone.setBranch(Constants.R_HEADS + branch);
    clone.call().close();
  }

  /** Fetches, checks the branch out, and fast-forwards it when asked to. */
  static void update(GitSpec desired, Path dir, Operation operation) throws Exception {
    try (Git git = Git.open(dir.toFile())) {
      operation.report("fetching " + GitProvider.shown(desired.url()));
      git.fetch().setRemote("origin").call();
      Repository repository = git.getRepository();
      String branch = desired.branch();
      if (branch == null) {
        Ref remoteHead = repository.exactRef("refs/remotes/origin/HEAD");
        branch =
            remoteHead != null && remoteHead.isSymbolic()
                ? Repository.shortenRefName(remoteHead.getTarget().getName())
                    .substring("origin/".length())
                : repository.getBranch();
      }
      if (!branch.equals(repository.getBranch())) {
        boolean local = repository.exactRef(Constants.R_HEADS + branch) != null;
        git.checkout()
            .setName(branch)
            .setCreateBranch(!local)
            .setStartPoint(local ? null : "origin/" + branch)
            .setUpstreamMode(local ? null : SetupUpstreamMode.TRACK)
            .call();
      }
      if (desired.pull()) {
        ObjectId upstream = repository.resolve("refs/remotes/origin/" + branch);
        MergeResult merge =
            git.merge()
                .include(upstream)
                .setFastForward(MergeCommand.FastForwardMode.FF_ONLY)
                .call();
        if (!merge.getMergeStatus().isSuccessful()) {
          throw new IllegalStateException(
              "cannot fast-forward "
                  + branch
                  + " in "
                  + desired.dest()
                  + " ("
                  + merge.getMergeStatus()
                  + "): it has commits the remote lacks; merge or reset them by hand");
        }
      }
    }
  }

  /** Commits reachable from a local branch that no remote-tracking branch has. */
  private static int unpushed(Git git) throws IOException, GitAPIException {
    Repository repository = git.getRepository();
    try (RevWalk walk = new RevWalk(repository)) {
      for (Ref local : git.branchList().call()) {
        walk.markStart(walk.parseCommit(local.getObjectId()));
      }
      for (Ref remote : git.branchList().setListMode(ListBranchCommand.ListMode.REMOTE).call()) {
        walk.markUninteresting(walk.parseCommit(remote.getObjectId()));
      }
      int count = 0;
      while (walk.next() != null) count++;
      return count;
    }
  }

  private static String message(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
        return Sensitive.redact(cause.getMessage().lines().findFirst().orElse("").strip());
      }
    }
    return e.getClass().getSimpleName();
  }
}
