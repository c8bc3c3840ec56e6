package clockwork.engine.provider.fixturebeta;

/** Fixture for ArchitectureTest: something one provider package has. */
public final class BetaPorts {
  private BetaPorts() {}

  public static int parse(String port) {
    return Integer.parseInt(port);
  }
}
