package clockwork.engine.provider.fixturealpha;

import clockwork.engine.provider.fixturebeta.BetaPorts;

/** Fixture for ArchitectureTest: a provider package that reaches into another's. */
public final class AlphaProvider {
  private AlphaProvider() {}

  public static int port(String port) {
    return BetaPorts.parse(port);
  }
}
