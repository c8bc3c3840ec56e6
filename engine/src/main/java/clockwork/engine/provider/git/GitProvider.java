package clockwork.engine.provider.git;

import clockwork.resources.GitRepoResource;
import clockwork.spi.AbstractProvider;
import clockwork.spi.Action;
import clockwork.spi.Applied;
import clockwork.spi.Context;
import clockwork.spi.Declaration;
import clockwork.spi.Diff;
import clockwork.spi.FieldChange;
import clockwork.spi.Fillable;
import clockwork.spi.InvalidResourceException;
import clockwork.spi.Operation;
import clockwork.spi.Outcome;
import clockwork.spi.Project;
import clockwork.spi.Sensitive;
import clockwork.spi.Values;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Clones of git repositories, through JGit (no {@code git} binary needed).
 *
 * <p>Artifacts: {@code clone:DEST} for a clone Clockwork made, which destroy deletes (refusing
 * while it holds work not pushed, unless forced); {@code adopted:DEST} for a clone of the same
 * remote that was already there, which Clockwork keeps on its branch but never deletes.
 */
public final class GitProvider extends AbstractProvider<GitRepoResource, GitSpec, GitObservation> {
  static final String CLONE = "clone:";
  static final String ADOPTED = "adopted:";

  private static final List<Fillable> FILLABLE =
      List.of(
          new Fillable(
              GitRepoResource.REPO_URL,
              Fillable.Shape.TEXT,
              "the repository's clone URL, such as https://github.com/owner/name.git"),
          new Fillable(
              GitRepoResource.BRANCH,
              Fillable.Shape.TEXT,
              "the branch to keep the clone on, such as main"),
          new Fillable(
                  GitRepoResource.DEST,
                  Fillable.Shape.TEXT,
                  "where to clone it, a relative directory inside the project, such as vendor/name")
              .heldTo(Fillable.Rule.HOST_DIRECTORY));

  public GitProvider() {
    super("git", GitRepoResource.class, GitSpec.class, GitObservation.class);
  }

  @Override
  public List<Fillable> fillable() {
    return FILLABLE;
  }

  @Override
  public GitSpec desired(GitRepoResource repo, Declaration declaration) {
    Project project = declaration.project();
    var problems = new ArrayList<String>();
    String remote = repo.repoUrl();
    String url = Sensitive.redactUrl(remote, declaration::keyedDigest);
    if (url.isBlank() || url.chars().anyMatch(Character::isWhitespace)) {
      problems.add(
          "repoUrl "
              + Values.quote(shown(url))
              + " is not a repository URL, such as \"https://host/owner/name.git\"");
    }
    Path dest = project.resolve(repo.dest() == null ? repo.name() : repo.dest());
    if (dest.equals(project.dir())) {
      problems.add("dest \"" + repo.dest() + "\" is the project directory: give a directory in it");
    }
    String own = project.ownFileAt(dest);
    if (own != null) {
      problems.add(
          "dest \""
              + repo.dest()
              + "\" would write over Clockwork's own "
              + own
              + ": give another directory");
    }
    String branch = repo.branch();
    if (branch != null && (branch.isBlank() || branch.contains(" ") || branch.startsWith("-"))) {
      problems.add("branch \"" + branch + "\" is not a branch name, such as \"main\"");
    }
    if (!problems.isEmpty()) throw new InvalidResourceException(problems);
    return new GitSpec(
        url,
        project.show(dest),
        branch,
        repo.pull() == null || repo.pull(),
        repo.forceDestroy() != null && repo.forceDestroy(),
        url.equals(remote) ? null : remote);
  }

  /** A remote as messages and plans show it: a password as {@code (sensitive)}. */
  static String shown(String url) {
    return url.replaceAll(":sensitive:[0-9a-f]+@", ":" + Sensitive.SHOWN + "@");
  }

  // ---- observe ---------------------------------------------------------------------------------

  @Override
  public Map<String, GitObservation> observe(Map<String, GitSpec> specs, Context context) {
    var observed = new HashMap<String, GitObservation>();
    specs.forEach((id, spec) -> observed.put(id, observe(spec, context)));
    return observed;
  }

  private static GitObservation observe(GitSpec spec, Context context) {
    Project project = context.project();
    Clones.Remote remote = Clones.remote(spec.remote());
    Path dir = project.resolve(spec.dest());
    Clones.Local local = null;
    try {
      if (Files.isDirectory(dir.resolve(".git"))) local = Clones.local(dir);
    } catch (IOException e) {
      // not a repository JGit can read: something else is in the way
    }
    if (local == null) {
      return new GitObservation(
          Files.exists(dir) ? "other" : "absent",
          null,
          null,
          null,
          0,
          0,
          remote.heads(),
          remote.defaultBranch(),
          remote.error());
    }
    return new GitObservation(
        "clone",
        local.origin() == null ? null : Sensitive.redactUrl(local.origin(), context::keyedDigest),
        local.branch(),
        local.head(),
        local.uncommitted(),
        local.unpushed(),
        remote.heads(),
        remote.defaultBranch(),
        remote.error());
  }

  // ---- diff ------------------------------------------------------------------------------------

  @Override
  public List<FieldChange> describe(GitSpec spec) {
    return fields(spec, spec.branch() == null ? "(the remote's default)" : spec.branch());
  }

  private static List<FieldChange> fields(GitSpec spec, String branch) {
    return List.of(
        FieldChange.added(GitRepoResource.REPO_URL, Values.quote(shown(spec.url()))),
        FieldChange.added(GitRepoResource.DEST, Values.quote(spec.dest())),
        FieldChange.added(GitRepoResource.BRANCH, Values.quote(branch)));
  }

  /** A model's repository must be reachable, and have the branch it chose: models invent both. */
  @Override
  public void checkChosen(GitSpec spec, Set<String> chosen, Context context) {
    if (chosen.contains(GitRepoResource.REPO_URL) || chosen.contains(GitRepoResource.BRANCH)) {
      checkRemote(spec, observe(spec, context));
    }
  }

  @Override
  public Diff diff(
      GitSpec desired, Applied<GitSpec, GitObservation> previous, GitObservation actual) {
    String branch = checkRemote(desired, actual);
    boolean ours = previous != null && previous.artifacts().contains(CLONE + desired.dest());
    boolean adopted = previous != null && previous.artifacts().contains(ADOPTED + desired.dest());
    var fields = new ArrayList<FieldChange>();
    switch (actual.type()) {
      case "absent" -> {
        return new Diff(Action.CREATE, fields(desired, branch), ours || adopted, null);
      }
      case "other" ->
          throw new InvalidResourceException(
              List.of(
                  "dest \""
                      + desired.dest()
                      + "\" exists and is not a git clone: move it away, or choose another dest"));
      default -> {}
    }
    if (!sameRemote(actual.remoteUrl(), desired.url())) {
      if (ours && previous.spec() != null && !previous.spec().url().equals(desired.url())) {
        fields.add(
            FieldChange.replacing(
                GitRepoResource.REPO_URL,
                Values.quote(shown(previous.spec().url())),
                Values.quote(shown(desired.url()))));
        return new Diff(Action.REPLACE, fields, false, null);
      }
      throw new InvalidResourceException(
          List.of(
              "dest \""
                  + desired.dest()
                  + "\" is a clone of \""
                  + shown(actual.remoteUrl())
                  + "\", not of \""
                  + shown(desired.url())
                  + "\": Clockwork never touches a clone it did not make; move it away, or"
                  + " choose another dest"));
    }
    if (!ours && !adopted) {
      fields.add(FieldChange.added(GitRepoResource.BRANCH, Values.quote(branch)));
      return new Diff(
          Action.CREATE, fields, false, "adopts the clone already there; destroy leaves it");
    }
    boolean drift = false;
    if (!branch.equals(actual.branch())) {
      fields.add(
          FieldChange.changed(
              GitRepoResource.BRANCH, Values.quote(actual.branch()), Values.quote(branch)));
      drift = previous.spec() != null && branch.equals(branch(previous.spec(), actual));
    }
    String remoteHead = actual.remoteHeads().get(branch);
    if (desired.pull() && !remoteHead.equals(actual.head()) && branch.equals(actual.branch())) {
      fields.add(FieldChange.changed("commit", shortSha(actual.head()), shortSha(remoteHead)));
    }
    if (previous.spec() != null && previous.spec().pull() != desired.pull()) {
      fields.add(
          FieldChange.changed(
              "pull", Boolean.toString(previous.spec().pull()), Boolean.toString(desired.pull())));
    }
    if (previous.spec() != null && previous.spec().forceDestroy() != desired.forceDestroy()) {
      fields.add(
          FieldChange.changed(
              "forceDestroy",
              Boolean.toString(previous.spec().forceDestroy()),
              Boolean.toString(desired.forceDestroy())));
    }
    return fields.isEmpty() ? Diff.same() : new Diff(Action.UPDATE, fields, drift, null);
  }

  /**
   * The branch to keep the clone on, once the remote is known to be reachable and to have it.
   *
   * @throws InvalidResourceException when it is not
   */
  private static String checkRemote(GitSpec desired, GitObservation actual) {
    if (actual.remoteError() != null) {
      throw new InvalidResourceException(
          List.of(
              "cannot reach repoUrl \""
                  + shown(desired.url())
                  + "\": "
                  + actual.remoteError()
                  + ". Check the URL and your access to it"));
    }
    String branch = branch(desired, actual);
    if (!actual.remoteHeads().containsKey(branch)) {
      throw new InvalidResourceException(
          List.of(
              "branch \""
                  + branch
                  + "\" is not on \""
                  + shown(desired.url())
                  + "\"; it has "
                  + (actual.remoteHeads().isEmpty()
                      ? "no branches"
                      : String.join(", ", actual.remoteBranches()))));
    }
    return branch;
  }

  private static String branch(GitSpec spec, GitObservation actual) {
    return spec.branch() != null ? spec.branch() : actual.remoteDefault();
  }

  private static boolean sameRemote(String a, String b) {
    return a != null && strip(a).equals(strip(b));
  }

  private static String strip(String url) {
    String stripped = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    return stripped.endsWith(".git") ? stripped.substring(0, stripped.length() - 4) : stripped;
  }

  private static String shortSha(String sha) {
    return sha == null ? "none" : sha.substring(0, Math.min(12, sha.length()));
  }

  // ---- changes ---------------------------------------------------------------------------------

  @Override
  public Outcome<GitObservation> create(
      GitSpec desired, Applied<GitSpec, GitObservation> previous, Operation operation)
      throws Exception {
    Path dir = operation.project().resolve(desired.dest());
    String artifact;
    if (Files.isDirectory(dir.resolve(".git"))) {
      artifact =
          previous != null && previous.artifacts().contains(CLONE + desired.dest())
              ? CLONE + desired.dest()
              : ADOPTED + desired.dest();
      operation.claim(List.of(artifact));
      Clones.update(desired, dir, operation);
    } else {
      artifact = CLONE + desired.dest();
      operation.claim(List.of(artifact));
      operation.report("cloning " + shown(desired.url()));
      Clones.clone(desired.remote(), desired.branch(), dir);
    }
    return new Outcome<>(observe(desired, operation), List.of(artifact));
  }

  @Override
  public Outcome<GitObservation> update(
      GitSpec desired, Applied<GitSpec, GitObservation> previous, Operation operation)
      throws Exception {
    Clones.update(desired, operation.project().resolve(desired.dest()), operation);
    return new Outcome<>(observe(desired, operation), previous.artifacts());
  }

  @Override
  public void delete(Applied<GitSpec, GitObservation> previous, Operation operation)
      throws Exception {
    for (String artifact : previous.artifacts()) {
      if (!artifact.startsWith(CLONE)) continue; // an adopted clone stays
      Path dir = operation.project().resolve(artifact.substring(CLONE.length()));
      if (!Files.exists(dir)) continue;
      boolean force = previous.spec() != null && previous.spec().forceDestroy();
      if (!force && Files.isDirectory(dir.resolve(".git"))) {
        Clones.Local local = Clones.local(dir);
        int changes = local.uncommitted();
        int unpushed = local.unpushed();
        if (changes > 0 || unpushed > 0) {
          throw new IllegalStateException(
              "the clone at "
                  + artifact.substring(CLONE.length())
                  + " has "
                  + (changes > 0 ? changes + " files with uncommitted changes" : "")
                  + (changes > 0 && unpushed > 0 ? " and " : "")
                  + (unpushed > 0 ? unpushed + " commits not pushed" : "")
                  + ": push them, or set .forceDestroy(true) and apply, then destroy again");
        }
      }
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** The first line of what went wrong, any password in it shown as {@code (sensitive)}. */
}
