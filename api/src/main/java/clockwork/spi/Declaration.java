package clockwork.spi;

import clockwork.Resource;
import java.util.List;
import java.util.Map;

/** What a provider knows while it turns a declared resource into its desired spec. */
public interface Declaration {
  /** The project. */
  Project project();

  /** A digest of a secret value under the project's own key ({@link Context#keyedDigest}). */
  String keyedDigest(String value);

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

  /**
   * Whether this resource depends on one of its {@link #dependencies()} for the order alone ({@link
   * Resource#dependsOn}): then it takes none of the dependency's variables.
   *
   * @throws IllegalArgumentException when it is not one of {@link #dependencies()}
   */
  boolean ordersOnly(Resource dependency);

  /**
   * What a dependency tells the resources connected to it ({@link Provider#publishes}), from its
   * completed spec; empty when it tells nothing.
   *
   * @throws IllegalArgumentException when it is not one of {@link #dependencies()}
   */
  Map<String, String> published(Resource dependency);
}
