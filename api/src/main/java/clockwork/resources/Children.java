package clockwork.resources;

import clockwork.Resource;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/** The resources in a composite, in the order added. */
public final class Children implements Iterable<Resource> {
  private final BlankResource parent;
  private final List<Resource> children;

  Children(BlankResource parent, List<Resource> children) {
    this.parent = parent;
    this.children = children;
  }

  /**
   * The child with this name.
   *
   * @throws IllegalArgumentException when there is none, listing the names there are
   */
  public Resource get(String name) {
    for (Resource child : children) {
      if (child.name().equals(name)) return child;
    }
    throw new IllegalArgumentException(
        "BlankResource \""
            + parent.name()
            + "\" has no child named \""
            + name
            + "\"; its children are: "
            + children.stream().map(c -> '"' + c.name() + '"').collect(Collectors.joining(", ")));
  }

  /**
   * The child with this name, as the type it was made as, so that its properties can be changed:
   * {@code children().get("db", DockerResource.class).ports("5433:5432")}.
   *
   * @throws IllegalArgumentException when there is none, or it is of another type
   */
  public <T extends Resource> T get(String name, Class<T> type) {
    Resource child = get(name);
    if (!type.isInstance(child)) {
      throw new IllegalArgumentException(
          "the child \""
              + name
              + "\" of BlankResource \""
              + parent.name()
              + "\" is a "
              + child.getClass().getSimpleName()
              + ", not a "
              + type.getSimpleName());
    }
    return type.cast(child);
  }

  /** The children, in the order added. */
  public List<Resource> asList() {
    return children;
  }

  @Override
  public Iterator<Resource> iterator() {
    return children.iterator();
  }
}
