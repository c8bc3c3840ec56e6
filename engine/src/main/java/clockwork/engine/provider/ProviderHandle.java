package clockwork.engine.provider;

import clockwork.Assertion;
import clockwork.Containers;
import clockwork.Resource;
import clockwork.engine.provider.container.ContainerOutputs;
import clockwork.engine.state.Json;
import clockwork.engine.state.ResourceState;
import clockwork.engine.state.StateException;
import clockwork.spi.Adoption;
import clockwork.spi.Applied;
import clockwork.spi.Context;
import clockwork.spi.Declaration;
import clockwork.spi.Diff;
import clockwork.spi.FieldChange;
import clockwork.spi.Fillable;
import clockwork.spi.Operation;
import clockwork.spi.Outcome;
import clockwork.spi.Provider;
import clockwork.spi.Removals;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A provider as the engine calls it: with the specs and observations of state as JSON, converted to
 * and from the provider's own records here, in one place.
 */
public final class ProviderHandle<R extends Resource, S extends Record, O extends Record> {
  private final Provider<R, S, O> provider;

  private ProviderHandle(Provider<R, S, O> provider) {
    this.provider = provider;
  }

  static <R extends Resource, S extends Record, O extends Record> ProviderHandle<R, S, O> of(
      Provider<R, S, O> provider) {
    return new ProviderHandle<>(provider);
  }

  public String kind() {
    return provider.kind();
  }

  public Class<R> resourceType() {
    return provider.resourceType();
  }

  public Containers containers() {
    return provider.containers();
  }

  public boolean writesFiles() {
    return provider.writesFiles();
  }

  public List<Assertion> defaultAssertions(Record spec) {
    return provider.defaultAssertions(spec(spec));
  }

  public List<Fillable> fillable() {
    return provider.fillable();
  }

  public Record desired(Resource resource, Declaration declaration) {
    return provider.desired(provider.resourceType().cast(resource), declaration);
  }

  public Map<String, String> publishes(Record spec) {
    return provider.publishes(spec(spec));
  }

  /**
   * The name of the container a spec of this kind runs as; {@code null} for a kind that runs none.
   */
  public String containerName(Record spec) {
    Map<String, String> published = publishes(spec);
    return ContainerOutputs.isContainer(published) ? published.get(ContainerOutputs.HOST) : null;
  }

  /** The name of the container state says a resource runs as; {@code null} for none. */
  public String containerName(ResourceState previous) {
    var applied = applied(previous);
    return applied == null || applied.spec() == null ? null : containerName(applied.spec());
  }

  public String madeAt(Record spec, Context context) throws Exception {
    return provider.madeAt(spec(spec), context);
  }

  public void checkChosen(Record spec, Set<String> chosen, Context context) {
    provider.checkChosen(spec(spec), chosen, context);
  }

  public Map<String, Record> observe(Map<String, Record> specs, Context context) throws Exception {
    var typed = new LinkedHashMap<String, S>();
    specs.forEach((id, spec) -> typed.put(id, spec(spec)));
    return new LinkedHashMap<>(provider.observe(typed, context));
  }

  public String target() {
    return provider.target();
  }

  public void prepare(Collection<Record> specs, Context context) throws Exception {
    provider.prepare(specs.stream().map(this::spec).toList(), context);
  }

  public Diff diff(Record desired, ResourceState previous, Record actual) {
    return provider.diff(
        spec(desired), applied(previous), actual == null ? null : observation(actual));
  }

  public Outcome<? extends Record> create(
      Record desired, ResourceState previous, Operation operation) throws Exception {
    return provider.create(spec(desired), applied(previous), operation);
  }

  public Outcome<? extends Record> update(
      Record desired, ResourceState previous, Operation operation) throws Exception {
    return provider.update(spec(desired), applied(previous), operation);
  }

  public Outcome<? extends Record> replace(
      Record desired, ResourceState previous, Operation operation) throws Exception {
    return provider.replace(spec(desired), applied(previous), operation);
  }

  public Removals removals(ResourceState previous, Context context) throws Exception {
    return provider.removals(applied(previous), context);
  }

  /**
   * What the provider finds that state does not record, as state entries ({@code
   * Provider#unrecorded}).
   */
  public Map<String, ResourceState> unrecorded(Set<String> known, Context context)
      throws Exception {
    var found = new LinkedHashMap<String, ResourceState>();
    provider
        .unrecorded(known, context)
        .forEach(
            (id, applied) ->
                found.put(
                    id,
                    new ResourceState(
                        kind(),
                        toJson(applied.spec()),
                        toJson(applied.observed()),
                        applied.artifacts(),
                        List.of(),
                        null,
                        null,
                        List.of())));
    return found;
  }

  /**
   * The fields of what state holds for a resource, as a plan shows them ({@code
   * Provider#describe}).
   */
  public List<FieldChange> describe(ResourceState previous) {
    var applied = applied(previous);
    return applied == null || applied.spec() == null
        ? List.of()
        : provider.describe(applied.spec());
  }

  /** What exists already as the spec names it ({@code Provider#adopt}). */
  public Adoption adopt(Record spec, Context context) throws Exception {
    return provider.adopt(spec(spec), context);
  }

  /** What a spec holds exclusively ({@code Provider#claims}). */
  public Set<String> claims(Record spec) {
    return provider.claims(spec(spec));
  }

  /** What the spec state holds for a resource held exclusively; none when state has no spec. */
  public Set<String> claims(ResourceState previous) {
    var applied = applied(previous);
    return applied == null || applied.spec() == null ? Set.of() : provider.claims(applied.spec());
  }

  public void delete(ResourceState previous, Operation operation) throws Exception {
    provider.delete(applied(previous), operation);
  }

  /** A spec or observation as state stores it. */
  public static JsonNode toJson(Record value) {
    return value == null ? null : Json.toTree(value);
  }

  private S spec(Record spec) {
    return provider.specType().cast(spec);
  }

  private O observation(Record observation) {
    return provider.observationType().cast(observation);
  }

  private Applied<S, O> applied(ResourceState state) {
    if (state == null) return null;
    return new Applied<>(
        fromJson(state.spec(), provider.specType()),
        fromJson(state.observed(), provider.observationType()),
        state.artifacts());
  }

  private <T> T fromJson(JsonNode json, Class<T> type) {
    if (json == null || json.isNull()) return null;
    try {
      return Json.fromTree(json, type);
    } catch (JsonProcessingException e) {
      throw new StateException(
          "The state holds a "
              + kind()
              + " resource this Clockwork cannot read: "
              + e.getOriginalMessage(),
          e);
    }
  }
}
