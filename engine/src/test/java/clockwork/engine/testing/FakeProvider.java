package clockwork.engine.testing;

import clockwork.Resource;
import clockwork.spi.Action;
import clockwork.spi.Applied;
import clockwork.spi.Context;
import clockwork.spi.Declaration;
import clockwork.spi.Diff;
import clockwork.spi.FieldChange;
import clockwork.spi.Operation;
import clockwork.spi.Outcome;
import clockwork.spi.Provider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider whose "reality" is a map in memory: it records every call, can be told to fail, and
 * counts how many changes run at once.
 */
public final class FakeProvider
    implements Provider<FakeProvider.FakeResource, FakeProvider.Spec, FakeProvider.Seen> {

  /** A declaration for the fake kind. */
  public static final class FakeResource extends Resource {
    public FakeResource(String name, String value) {
      super(name);
      set("value", value);
    }

    @Override
    public String kind() {
      return "fake";
    }

    @Override
    protected List<String> requiredFields() {
      return List.of("value");
    }
  }

  public record Spec(String value) {}

  public record Seen(String value) {}

  public final Map<String, String> reality = new ConcurrentHashMap<>();
  public final List<String> calls = new CopyOnWriteArrayList<>();
  public final Map<String, String> failures = new HashMap<>();
  public final AtomicInteger running = new AtomicInteger();
  public final AtomicInteger mostAtOnce = new AtomicInteger();

  /** What a spec of each value claims exclusively ({@code Provider#claims}). */
  public final Map<String, String> claims = new ConcurrentHashMap<>();

  @Override
  public Set<String> claims(Spec spec) {
    String claim = claims.get(spec.value());
    return claim == null ? Set.of() : Set.of(claim);
  }

  @Override
  public String kind() {
    return "fake";
  }

  @Override
  public Class<FakeResource> resourceType() {
    return FakeResource.class;
  }

  @Override
  public Class<Spec> specType() {
    return Spec.class;
  }

  @Override
  public Class<Seen> observationType() {
    return Seen.class;
  }

  @Override
  public Spec desired(FakeResource resource, Declaration declaration) {
    return new Spec((String) resource.fields().get("value"));
  }

  @Override
  public Map<String, Seen> observe(Map<String, Spec> specs, Context context) {
    var seen = new HashMap<String, Seen>();
    specs
        .keySet()
        .forEach(
            id -> {
              if (reality.containsKey(id)) seen.put(id, new Seen(reality.get(id)));
            });
    return seen;
  }

  @Override
  public Diff diff(Spec desired, Applied<Spec, Seen> previous, Seen actual) {
    if (actual == null) {
      return new Diff(
          Action.CREATE, List.of(FieldChange.added("value", desired.value())), false, null);
    }
    if (actual.value().equals(desired.value())) return Diff.same();
    return new Diff(
        Action.UPDATE,
        List.of(FieldChange.changed("value", actual.value(), desired.value())),
        false,
        null);
  }

  @Override
  public Outcome<Seen> create(Spec desired, Applied<Spec, Seen> previous, Operation operation)
      throws Exception {
    return change("create", desired, operation);
  }

  @Override
  public Outcome<Seen> update(Spec desired, Applied<Spec, Seen> previous, Operation operation)
      throws Exception {
    return change("update", desired, operation);
  }

  @Override
  public void delete(Applied<Spec, Seen> previous, Operation operation) throws Exception {
    change("delete", null, operation);
  }

  private Outcome<Seen> change(String verb, Spec desired, Operation operation) throws Exception {
    String id = operation.resourceId();
    int now = running.incrementAndGet();
    mostAtOnce.accumulateAndGet(now, Math::max);
    try {
      Thread.sleep(20); // long enough for parallel changes to overlap
      calls.add(verb + " " + id);
      if (failures.containsKey(id)) throw new IllegalStateException(failures.get(id));
      operation.claim(List.of("fake:" + id));
      if (desired == null) {
        reality.remove(id);
        return null;
      }
      reality.put(id, desired.value());
      return new Outcome<>(new Seen(desired.value()), List.of("fake:" + id));
    } finally {
      running.decrementAndGet();
    }
  }
}
