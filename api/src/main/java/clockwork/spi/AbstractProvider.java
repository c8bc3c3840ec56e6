package clockwork.spi;

import clockwork.Resource;

/**
 * A provider's kind and types, given once to the constructor, so that a provider holds only what it
 * does.
 */
public abstract class AbstractProvider<R extends Resource, S extends Record, O extends Record>
    implements Provider<R, S, O> {
  private final String kind;
  private final Class<R> resourceType;
  private final Class<S> specType;
  private final Class<O> observationType;

  protected AbstractProvider(
      String kind, Class<R> resourceType, Class<S> specType, Class<O> observationType) {
    this.kind = kind;
    this.resourceType = resourceType;
    this.specType = specType;
    this.observationType = observationType;
  }

  @Override
  public final String kind() {
    return kind;
  }

  @Override
  public final Class<R> resourceType() {
    return resourceType;
  }

  @Override
  public final Class<S> specType() {
    return specType;
  }

  @Override
  public final Class<O> observationType() {
    return observationType;
  }
}
