package clockwork.spi;

import clockwork.Resource;
import java.util.List;

/** What a provider knows while it turns a declared resource into its desired spec. */
public interface Declaration {
  /** The project. */
  Project project();

  /** The resource's id: its name, qualified by its composites ({@code webapp.db}). */
  String id();

  /**
   * The id of another declared resource.
   *
   * @throws IllegalArgumentException when it was not declared
   */
  String idOf(Resource resource);

  /**
   * The resources this one depends on, composites expanded into the resources in them, in the order
   * connected.
   */
  List<Resource> dependencies();
}
