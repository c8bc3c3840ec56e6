package clockwork.engine.provider.git;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A clone as it should be.
 *
 * @param url the remote, a password in it replaced by its keyed digest, as state keeps it
 * @param dest where the clone is, relative to the project when inside it
 * @param branch the branch; {@code null} for the remote's default
 * @param pull whether apply fast-forwards to the remote's branch
 * @param forceDestroy whether destroy may delete work not pushed
 * @param secretUrl the remote with its password, when it has one; never stored nor shown
 */
public record GitSpec(
    String url,
    String dest,
    String branch,
    boolean pull,
    boolean forceDestroy,
    @JsonIgnore String secretUrl) {

  /** The remote to reach. */
  String remote() {
    return secretUrl != null ? secretUrl : url;
  }
}
