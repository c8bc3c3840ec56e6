package clockwork.resources;

import clockwork.Assertion;
import clockwork.Policy;
import clockwork.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * A composite: a named group of resources with one lifecycle. Its children get qualified ids
 * ({@code webapp.db}) in plans and state; composites nest to any depth; destroying a composite (by
 * removing it from {@code main.java}) removes its children.
 *
 * <pre>{@code
 * var webapp = new BlankResource("webapp").add(db, api);
 * webapp.children().get("db", DockerResource.class).ports("5433:5432");
 * }</pre>
 *
 * <p>Connecting to a composite connects to every resource in it; connecting a composite to
 * something connects every resource in it.
 */
public final class BlankResource extends Resource {
  private final List<Resource> children = new ArrayList<>();

  public BlankResource(String name) {
    super(name);
  }

  /** Composites are flattened by the engine; no provider makes them. */
  @Override
  public String kind() {
    return "composite";
  }

  @Override
  protected List<String> requiredFields() {
    return List.of();
  }

  @Override
  public BlankResource assertions(Assertion... assertions) {
    super.assertions(assertions);
    return this;
  }

  @Override
  public BlankResource defaultAssertions(boolean on) {
    super.defaultAssertions(on);
    return this;
  }

  @Override
  public BlankResource policy(Policy policy) {
    super.policy(policy);
    return this;
  }

  @Override
  public BlankResource description(String description) {
    super.description(description);
    return this;
  }

  @Override
  public BlankResource connect(Resource... targets) {
    super.connect(targets);
    return this;
  }

  /**
   * Adds resources to this composite; adding one twice counts once.
   *
   * @throws IllegalArgumentException when a child is null or this composite itself
   */
  public BlankResource add(Resource... resources) {
    checkWritable("add");
    for (Resource child : resources) {
      if (child == null || child == this) {
        throw new IllegalArgumentException(
            kindAndName() + " cannot contain " + (child == null ? "null" : "itself"));
      }
      if (!children.contains(child)) children.add(child);
    }
    return this;
  }

  /** The resources in this composite, to look up by name. */
  public Children children() {
    return new Children(this, List.copyOf(children));
  }
}
