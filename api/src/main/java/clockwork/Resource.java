package clockwork;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Something Clockwork makes real and keeps so: a file, a container, a repository.
 *
 * <p>A resource is constructed with its name, configured with fluent methods named after its
 * properties, and handed to {@link Clockwork#declare}:
 *
 * <pre>{@code
 * Clockwork.declare(new FileResource("notes.txt").directory("docs").content("hello"));
 * }</pre>
 *
 * <p>The name is the resource's identity: Clockwork records what it made under that name, so two
 * resources may not share one, and renaming a resource means removing the old one and making a new
 * one.
 *
 * <p>Every property is either <em>given</em> or <em>not given</em>: leaving a property method out
 * is how a property is not given, and passing it {@code null} is an error, naming the property (a
 * value read from an unset environment variable, say, must not quietly become the model's choice).
 * An empty string, list or map is a value like any other. Each resource kind documents what a
 * property that is not given means: a default, or a value that must still be found ({@link
 * #missingFields()}).
 *
 * <p>A resource that misses required values is <em>completed</em>: a language model fills the
 * properties its kind allows, never one the user gave, and Clockwork checks the answer like any
 * other untrusted input. Completion never changes the user's object: it makes a read-only snapshot
 * with the chosen values ({@link #completed}), which is what providers read.
 */
public abstract class Resource implements Cloneable {
  private final String name;
  private final String declaredAt;
  private Map<String, Object> given = new LinkedHashMap<>();
  private Set<String> filled = Set.of();
  private boolean snapshot;
  private final Set<Resource> connections = new LinkedHashSet<>();
  private final Set<Resource> orderOnly = new LinkedHashSet<>();
  private final List<Assertion> assertions = new ArrayList<>();
  private Policy policy;
  private boolean defaultAssertions = true;

  /**
   * @param name the resource's identity; not null
   * @throws IllegalArgumentException when the name is null
   */
  protected Resource(String name) {
    if (name == null) {
      String type = getClass().getSimpleName();
      throw new IllegalArgumentException(
          type + " needs a name: write new " + type + "(\"some-name\")");
    }
    this.name = name;
    this.declaredAt = declarationSite();
  }

  /** The resource's identity, as given to its constructor. */
  public final String name() {
    return name;
  }

  /**
   * Where this resource was constructed, as {@code file:line} (such as {@code main.java:12}), for
   * messages; {@code null} when unknown.
   */
  public final String declaredAt() {
    return declaredAt;
  }

  /**
   * The kind of resource, as Clockwork's providers know it (such as {@code file}); also its name in
   * state and plan output.
   */
  public abstract String kind();

  /** A sentence saying what this resource is for; {@code null} when not given. */
  public String description() {
    return (String) get("description");
  }

  /** Says what this resource is for, in a sentence. */
  public Resource description(String description) {
    return set("description", description);
  }

  /**
   * Makes this resource depend on others: they are made before it and removed after it, and it
   * learns what they publish (a container gets {@code NAME_HOST} and {@code NAME_PORT} of each
   * connected container, {@code DATABASE_URL} of a connected database). For the order alone, use
   * {@link #dependsOn}.
   *
   * @throws IllegalArgumentException when a target is null or this resource itself
   */
  public Resource connect(Resource... targets) {
    checkWritable("connect");
    for (Resource target : targets) {
      checkTarget(target, "connect to");
      connections.add(target);
      orderOnly.remove(target);
    }
    return this;
  }

  /**
   * Makes this resource depend on others for the order alone, as compose's {@code depends_on}: they
   * are made before it (a container with a health check, healthy first) and removed after it, and
   * it takes none of their variables. A resource also {@linkplain #connect connected} to one is
   * connected.
   *
   * @throws IllegalArgumentException when a target is null or this resource itself
   */
  public Resource dependsOn(Resource... targets) {
    checkWritable("dependsOn");
    for (Resource target : targets) {
      checkTarget(target, "depend on");
      if (connections.add(target)) orderOnly.add(target);
    }
    return this;
  }

  /** Whether this resource depends on {@code target} for the order alone ({@link #dependsOn}). */
  public final boolean ordersOnly(Resource target) {
    return orderOnly.contains(target);
  }

  private void checkTarget(Resource target, String verb) {
    if (target == null || target == this) {
      throw new IllegalArgumentException(
          kindAndName()
              + " cannot "
              + verb
              + " "
              + (target == null ? "null" : "itself")
              + ": pass the resources it depends on");
    }
  }

  /**
   * Adds what must be true of this resource once deployed; {@code clockwork assert} checks it. A
   * resource with none gets its kind's default checks (a container runs, a file exists) unless
   * {@link #defaultAssertions(boolean)} turns them off.
   *
   * @throws IllegalArgumentException when an assertion is null
   */
  public Resource assertions(Assertion... assertions) {
    checkWritable("assertions");
    for (Assertion assertion : assertions) {
      if (assertion == null) {
        throw new IllegalArgumentException(kindAndName() + ": assertions(...) was given null");
      }
      this.assertions.add(assertion);
    }
    return this;
  }

  /** The assertions added, in order. */
  public final List<Assertion> assertions() {
    return List.copyOf(assertions);
  }

  /**
   * Turns the default checks of a resource without assertions off ({@code false}) or on (the
   * default).
   */
  public Resource defaultAssertions(boolean on) {
    checkWritable("defaultAssertions");
    this.defaultAssertions = on;
    return this;
  }

  /**
   * How the reconciliation service keeps this resource as declared; what it leaves out comes from
   * the project's policy ({@link Clockwork#policy}) and then {@link Policy#DEFAULTS}.
   */
  public Resource policy(Policy policy) {
    checkWritable("policy");
    this.policy = java.util.Objects.requireNonNull(policy, "policy");
    return this;
  }

  /** The policy given; {@code null} when none was. */
  public final Policy policy() {
    return policy;
  }

  /** Whether a resource without assertions gets its kind's default checks. */
  public final boolean defaultAssertions() {
    return defaultAssertions;
  }

  /** The resources this one was connected to, in the order given. */
  public final List<Resource> connections() {
    return List.copyOf(connections);
  }

  /**
   * The properties given so far, in the order first given, starting with {@code name}. Values are
   * strings, numbers, booleans, {@link Secret}s, and unmodifiable lists and maps of those.
   */
  public final Map<String, Object> fields() {
    var fields = new LinkedHashMap<String, Object>();
    fields.put("name", name);
    fields.putAll(given);
    return Collections.unmodifiableMap(fields);
  }

  /**
   * The properties this resource still needs before Clockwork can make it, in a fixed order; empty
   * when it is fully specified.
   */
  public final List<String> missingFields() {
    var missing = new ArrayList<String>();
    for (String field : requiredFields()) {
      if (!given.containsKey(field)) missing.add(field);
    }
    return List.copyOf(missing);
  }

  /**
   * A read-only snapshot of this resource as completed: the properties given, and the values
   * completion chose for properties the user left out ({@link #filledFields()} says which). This
   * resource is not changed. The engine calls this; a snapshot refuses every setter.
   *
   * @param values by property; strings, and unmodifiable lists and maps of strings
   * @throws IllegalArgumentException when one of them was given by the user, naming it
   */
  public final Resource completed(Map<String, ?> values) {
    for (String field : values.keySet()) {
      if (given.containsKey(field)) {
        throw new IllegalArgumentException(
            kindAndName() + ": " + field + " was given in main.java and is not filled");
      }
    }
    Resource copy;
    try {
      copy = (Resource) super.clone();
    } catch (CloneNotSupportedException e) {
      throw new AssertionError(e); // Resource is Cloneable
    }
    copy.given = new LinkedHashMap<>(given);
    values.forEach((field, value) -> copy.given.put(field, Objects.requireNonNull(value, field)));
    copy.filled = Collections.unmodifiableSet(new LinkedHashSet<>(values.keySet()));
    copy.snapshot = true;
    return copy;
  }

  /** The properties completion gave values, in the order filled; empty when none. */
  public final Set<String> filledFields() {
    return filled;
  }

  /** Whether this is a completed snapshot ({@link #completed}), which no setter changes. */
  public final boolean isSnapshot() {
    return snapshot;
  }

  /** The properties that must have a value before this resource can be made. */
  protected abstract List<String> requiredFields();

  /**
   * Gives a property a value.
   *
   * @throws IllegalArgumentException when the value is null, naming the property
   */
  protected final Resource set(String field, Object value) {
    Objects.requireNonNull(field, "field");
    checkWritable(field);
    if (value == null) {
      throw new IllegalArgumentException(
          kindAndName()
              + ": "
              + field
              + "(...) was given null: give a value, or leave ."
              + field
              + "(...) out for its default or the model's choice");
    }
    given.put(field, value);
    return this;
  }

  /** A property's value, or {@code null} when not given. */
  protected final Object get(String field) {
    return given.get(field);
  }

  /**
   * Gives a property a list of strings.
   *
   * @throws IllegalArgumentException when the list or an element is null, naming the property
   */
  protected final Resource setList(String field, String... values) {
    if (values == null) return set(field, null);
    for (String value : values) {
      if (value == null) {
        throw new IllegalArgumentException(kindAndName() + ": " + field + "(...) was given null");
      }
    }
    return set(field, List.of(values));
  }

  /**
   * Gives a property a map of strings, in the order given.
   *
   * @throws IllegalArgumentException when the map, a key or a value is null, naming the property
   */
  protected final Resource setMap(String field, Map<String, String> values) {
    if (values == null) return set(field, null);
    var copy = new LinkedHashMap<String, String>();
    values.forEach(
        (key, value) -> {
          if (key == null || value == null) {
            throw new IllegalArgumentException(
                kindAndName() + ": " + field + "(...) was given a null key or value");
          }
          copy.put(key, value);
        });
    return set(field, Collections.unmodifiableMap(copy));
  }

  /**
   * Adds one entry to a map property, keeping the others.
   *
   * @throws IllegalArgumentException when the key or the value is null, naming them
   */
  @SuppressWarnings("unchecked")
  protected final Resource putEntry(String field, String key, Object value) {
    if (key == null || value == null) {
      throw new IllegalArgumentException(
          kindAndName()
              + ": "
              + field
              + " entry "
              + (key == null ? "with a null name" : "\"" + key + "\" was given a null value")
              + ": give "
              + (key == null ? "a name" : "a value, or leave the entry out"));
    }
    var map = new LinkedHashMap<String, Object>();
    if (get(field) instanceof Map<?, ?> existing) map.putAll((Map<String, Object>) existing);
    map.put(key, value);
    return set(field, Collections.unmodifiableMap(map));
  }

  /**
   * Refuses a change to a snapshot, which must stay what completion made it; a resource that keeps
   * state of its own, outside its properties, calls this before changing it.
   *
   * @throws IllegalStateException when this is a snapshot, naming the property
   */
  protected final void checkWritable(String property) {
    if (snapshot) {
      throw new IllegalStateException(
          kindAndName()
              + " is a completed snapshot, which cannot change: ."
              + property
              + "(...) belongs in main.java, on the resource declared there");
    }
  }

  /** How messages name this resource: its class and its name, as the user wrote them. */
  protected final String kindAndName() {
    return getClass().getSimpleName() + " \"" + name + "\"";
  }

  @Override
  public String toString() {
    return kindAndName() + fields();
  }

  /** The first caller outside the resource constructors: where the user wrote {@code new ...}. */
  private static String declarationSite() {
    return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
        .walk(
            frames ->
                frames
                    .filter(f -> !Resource.class.isAssignableFrom(f.getDeclaringClass()))
                    .findFirst()
                    .filter(f -> f.getFileName() != null)
                    .map(f -> f.getFileName() + ":" + f.getLineNumber())
                    .orElse(null));
  }
}
