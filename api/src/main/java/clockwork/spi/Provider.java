package clockwork.spi;

import clockwork.Assertion;
import clockwork.Containers;
import clockwork.Resource;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes one kind of resource real. The engine calls a provider in a fixed order: {@link #desired}
 * for every declared resource, {@link #observe} once for all of them, the pure {@link #diff} per
 * resource, and then, on apply, {@link #prepare} once for all that will be made, and {@link
 * #create}, {@link #update}, {@link #replace} or {@link #delete} as the diff said.
 *
 * <p>Ownership is explicit: before a provider makes anything it {@linkplain Operation#claim claims}
 * it, and the engine records the claim in state before the provider goes on. Deleting touches only
 * claimed artifacts, so what Clockwork did not make is never removed, and a process killed in the
 * middle of a change leaves a state that says what may exist.
 *
 * <p>Implementations are stateless and thread-safe: the engine runs independent changes in
 * parallel.
 *
 * @param <R> the declaration the user writes in {@code main.java}
 * @param <S> the desired spec: an immutable record that Clockwork stores in state (as JSON), diffs
 *     and shows
 * @param <O> an observation of reality: a record, stored in state after every change
 */
public interface Provider<R extends Resource, S extends Record, O extends Record> {

  /** The kind this provider makes, as {@link Resource#kind()} says it. */
  String kind();

  /** The declaration class. */
  Class<R> resourceType();

  /** The desired spec's class. */
  Class<S> specType();

  /** The observation's class. */
  Class<O> observationType();

  /**
   * The properties a language model may fill when the user left them out, in the order asked; empty
   * for kinds that are always fully specified. Only a resource that misses a required property is
   * completed, and then every fillable property the user left out is asked for.
   */
  default List<Fillable> fillable() {
    return List.of();
  }

  /**
   * Turns a complete declaration into its desired spec: defaults filled, relative paths resolved
   * against the project, every value checked. The resource is a read-only snapshot ({@link
   * Resource#completed}): the user's values and those a model filled ({@link
   * Resource#filledFields()}), which the engine has already held to the rules of their {@link
   * Fillable} fields; a provider checks both alike.
   *
   * @throws InvalidResourceException listing every problem found, each quoting the value and saying
   *     what to write instead
   */
  S desired(R resource, Declaration declaration);

  /**
   * What a resource of this kind tells the resources connected to it, by name, from its desired
   * spec (see {@link Declaration#published}), the way Pulumi's outputs do: a provider reads what a
   * connection publishes, never the connection's declaration. The file kinds publish {@code path}
   * (as the user wrote it: relative to the project, or absolute) and {@code sha256}, the digest of
   * its content, so that a container mounting the file is replaced when the content changes;
   * containers their {@code host}, {@code containerPorts}, {@code hostPort:PORT} for each published
   * port and {@code env:NAME} for each variable that is no secret; a PostgreSQL database its {@code
   * DATABASE_URL}. None by default.
   */
  default Map<String, String> publishes(S spec) {
    return Map.of();
  }

  /**
   * Checks against reality the values a model chose for a resource (an image the engine has or can
   * pull, a branch the remote has), once {@link #desired} accepted them, so that a value that
   * cannot work goes back to the model with the reason instead of failing the apply. Values read
   * from {@code clockwork.lock} were checked when they were chosen. Nothing by default.
   *
   * @param chosen the properties the model filled
   * @throws InvalidResourceException saying why a chosen value cannot work
   */
  default void checkChosen(S spec, Set<String> chosen, Context context) {}

  /**
   * Observes what exists for the given resources, in one pass (one list call where the kind allows,
   * not one call per resource).
   *
   * @param specs the desired spec of each resource, by resource id
   * @return an observation per resource id; a provider that tells "absent" by a missing entry says
   *     so in its {@link #diff}
   * @throws Exception when reality cannot be observed (an engine that is down, say)
   */
  Map<String, O> observe(Map<String, S> specs, Context context) throws Exception;

  /**
   * What this provider finds of the project's that neither state nor {@code main.java} knows, by
   * resource id, as state would have recorded it: a container an apply made whose record was lost
   * (a state restored from its backup, say), found by its labels. Plans delete these, so that
   * nothing Clockwork made is left behind, forgotten. None by default.
   *
   * @param known the ids of the resources state records and {@code main.java} declares
   * @throws Exception when reality cannot be observed
   */
  default Map<String, Applied<S, O>> unrecorded(Set<String> known, Context context)
      throws Exception {
    return Map.of();
  }

  /**
   * Where this provider makes things, for the plan to show (such as the Docker engine it talks to),
   * once {@link #observe} has run; {@code null} when there is nothing to say.
   */
  default String target() {
    return null;
  }

  /**
   * Gets ready to make or replace these resources before anything changes, such as pulling their
   * images, so that a resource that cannot be made fails the apply before any other changes.
   *
   * @throws Exception when they cannot be made; nothing is changed then
   */
  default void prepare(Collection<S> specs, Context context) throws Exception {}

  /**
   * Says what must change to make reality match the desired spec. Pure: no I/O, same answer for the
   * same arguments.
   *
   * @param desired the desired spec
   * @param previous what state says Clockwork applied and claimed, or {@code null} when Clockwork
   *     never touched this resource
   * @param actual the observation, or {@code null} when {@link #observe} returned none
   * @throws InvalidResourceException when the change cannot be made safely, such as something
   *     Clockwork did not create standing in the way
   */
  Diff diff(S desired, Applied<S, O> previous, O actual);

  /**
   * Makes the resource.
   *
   * @param previous what state holds for it (a drifted or interrupted earlier apply), or {@code
   *     null}
   */
  Outcome<O> create(S desired, Applied<S, O> previous, Operation operation) throws Exception;

  /** Changes the resource in place. */
  Outcome<O> update(S desired, Applied<S, O> previous, Operation operation) throws Exception;

  /**
   * Replaces the resource when it cannot be changed in place. By default deletes it and creates it
   * again; providers override this to create the new one first where they can.
   */
  default Outcome<O> replace(S desired, Applied<S, O> previous, Operation operation)
      throws Exception {
    delete(previous, operation);
    return create(desired, null, operation);
  }

  /**
   * What {@link #delete} would remove of what state recorded, and what it would leave in place
   * because it is no longer what Clockwork made (a file changed since it was written, say), for the
   * plan to show. The delete decides again when it runs. By default: every artifact, as state names
   * it.
   *
   * @throws Exception when reality cannot be observed
   */
  default Removals removals(Applied<S, O> previous, Context context) throws Exception {
    return new Removals(
        previous.artifacts().stream().map(a -> a.replaceFirst(":", " ")).toList(), List.of());
  }

  /**
   * What already exists as the spec names it, for {@code clockwork import ID} to record in state as
   * the resource's: such as the container of its name, whoever made it. The next plan then shows
   * what it takes to make it as declared. None by default: the kind adopts nothing.
   */
  default Adoption adopt(S spec, Context context) throws Exception {
    return Adoption.NONE;
  }

  /**
   * What a spec holds that nothing else may hold at once, such as {@code "host port 8080/tcp"}: a
   * resource being made or replaced waits for the removal, in the same apply, of one whose spec
   * claims the same, so that renaming a container that publishes a port takes one apply. Claims of
   * different kinds meet (a port is a port). None by default.
   */
  default Set<String> claims(S spec) {
    return Set.of();
  }

  /**
   * The fields of a spec as a plan shows them when the resource is made, for the plan that removes
   * it to show too ({@link FieldChange#added}). None by default.
   */
  default List<FieldChange> describe(S spec) {
    return List.of();
  }

  /**
   * Removes what Clockwork made for the resource: only the artifacts in {@code previous} that are
   * still what it made, and without failing when some are already gone.
   */
  void delete(Applied<S, O> previous, Operation operation) throws Exception;

  /**
   * When the target itself says the resource was first made, for its {@code maxDuration}: an
   * ISO-8601 instant; {@code ""} when it ought to say and does not (a mark removed by hand), which
   * counts as expired; {@code null} when the target keeps no such mark, or the resource is not
   * there, so that state's time counts. By default {@code null}.
   */
  default String madeAt(S spec, Context context) throws Exception {
    return null;
  }

  /**
   * The checks a deployed resource of this kind gets when it declares no assertions of its own
   * (such as "the container runs"); none by default.
   */
  default List<Assertion> defaultAssertions(S spec) {
    return List.of();
  }

  /**
   * What assertions ask of the containers this provider runs (their state, logs, processes); {@code
   * null} for kinds that run none.
   */
  default Containers containers() {
    return null;
  }

  /** True for kinds that only write files, which {@code destroy --keep-files} leaves in place. */
  default boolean writesFiles() {
    return false;
  }
}
