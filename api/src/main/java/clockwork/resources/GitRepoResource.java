package clockwork.resources;

import clockwork.Assertion;
import clockwork.Policy;
import clockwork.Resource;
import java.util.List;

/**
 * A clone of a git repository, kept on a branch and (unless told not to) up to date with it:
 *
 * <pre>{@code
 * new GitRepoResource("site").repoUrl("https://example.com/site.git").branch("main").dest("vendor/site")
 * }</pre>
 *
 * <p>What "not given" means: {@code repoUrl} is required (a model may fill it from the
 * description); {@code dest} is the resource's name, relative to the project directory; {@code
 * branch} is the remote's default branch; {@code pull} is true; {@code forceDestroy} is false.
 *
 * <p>Clockwork clones on apply. A plan asks the remote for its branches: when the branch moved on
 * and {@code pull} is true, apply fetches and fast-forwards; a different branch is checked out. A
 * directory already at {@code dest} is adopted when it is a clone of the same remote (and then
 * never deleted), and refused otherwise. Destroy deletes only a clone Clockwork made, and refuses
 * while it holds uncommitted changes or commits not pushed to the remote, unless {@code
 * forceDestroy} is set (and applied) first. The clone being removed or switched to another branch
 * by hand shows as drift.
 */
public final class GitRepoResource extends Resource {
  /** The names of the properties a model may fill, for the engine to use too. */
  public static final String REPO_URL = "repoUrl";

  public static final String BRANCH = "branch";
  public static final String DEST = "dest";

  public GitRepoResource(String name) {
    super(name);
  }

  @Override
  public String kind() {
    return "git";
  }

  @Override
  protected List<String> requiredFields() {
    return List.of(REPO_URL);
  }

  @Override
  public GitRepoResource assertions(Assertion... assertions) {
    super.assertions(assertions);
    return this;
  }

  @Override
  public GitRepoResource defaultAssertions(boolean on) {
    super.defaultAssertions(on);
    return this;
  }

  @Override
  public GitRepoResource policy(Policy policy) {
    super.policy(policy);
    return this;
  }

  @Override
  public GitRepoResource description(String description) {
    super.description(description);
    return this;
  }

  @Override
  public GitRepoResource connect(Resource... targets) {
    super.connect(targets);
    return this;
  }

  /** The remote's URL; {@code null} when not given. */
  public String repoUrl() {
    return (String) get(REPO_URL);
  }

  /** The repository to clone: an https, ssh or file URL, or a local path. Required. */
  public GitRepoResource repoUrl(String repoUrl) {
    set(REPO_URL, repoUrl);
    return this;
  }

  /** Where the clone goes; {@code null} when not given (the resource's name). */
  public String dest() {
    return (String) get(DEST);
  }

  /** Puts the clone in this directory, relative to the project directory or absolute. */
  public GitRepoResource dest(String dest) {
    set(DEST, dest);
    return this;
  }

  /** The branch; {@code null} when not given (the remote's default branch). */
  public String branch() {
    return (String) get(BRANCH);
  }

  /** Keeps the clone on this branch. */
  public GitRepoResource branch(String branch) {
    set(BRANCH, branch);
    return this;
  }

  /** Whether apply fast-forwards to the remote's branch; {@code null} when not given (true). */
  public Boolean pull() {
    return (Boolean) get("pull");
  }

  /** Fast-forwards to the remote's branch on apply (true), or leaves the clone where it is. */
  public GitRepoResource pull(boolean pull) {
    set("pull", pull);
    return this;
  }

  /** Whether destroy may delete a clone with work not pushed; {@code null} when not given. */
  public Boolean forceDestroy() {
    return (Boolean) get("forceDestroy");
  }

  /**
   * Lets destroy delete the clone even with uncommitted changes or unpushed commits; takes effect
   * once applied.
   */
  public GitRepoResource forceDestroy(boolean force) {
    set("forceDestroy", force);
    return this;
  }
}
