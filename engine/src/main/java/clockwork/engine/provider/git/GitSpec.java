package clockwork.engine.provider.git;

/**
 * A clone as it should be.
 *
 * @param url the remote
 * @param dest where the clone is, relative to the project when inside it
 * @param branch the branch; {@code null} for the remote's default
 * @param pull whether apply fast-forwards to the remote's branch
 * @param forceDestroy whether destroy may delete work not pushed
 */
public record GitSpec(String url, String dest, String branch, boolean pull, boolean forceDestroy) {}
