package clockwork.engine.provider.git;

import java.util.List;
import java.util.Map;

/**
 * What is at a clone's destination, and what the remote has.
 *
 * @param type {@code absent}, {@code clone} or {@code other} (something that is not a clone)
 * @param remoteUrl the clone's {@code origin}
 * @param branch the branch checked out
 * @param head the commit checked out
 * @param changes how many files have uncommitted changes
 * @param unpushed how many commits no remote branch has
 * @param remoteHeads the remote's branches and their commits; empty when it could not be reached
 * @param remoteDefault the remote's default branch
 * @param remoteError why the remote could not be reached, or {@code null}
 */
public record GitObservation(
    String type,
    String remoteUrl,
    String branch,
    String head,
    int changes,
    int unpushed,
    Map<String, String> remoteHeads,
    String remoteDefault,
    String remoteError) {
  public GitObservation {
    remoteHeads = remoteHeads == null ? Map.of() : Map.copyOf(remoteHeads);
  }

  boolean isClone() {
    return type.equals("clone");
  }

  List<String> remoteBranches() {
    return remoteHeads.keySet().stream().sorted().toList();
  }
}
