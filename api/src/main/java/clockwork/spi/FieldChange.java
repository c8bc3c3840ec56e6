package clockwork.spi;

/**
 * One field of a change, as shown in a plan.
 *
 * @param field the field's name
 * @param before what it is now, as shown ({@link Values#show}); {@code null} for a new resource
 * @param after what it will be, as shown; {@code null} for a resource being removed
 * @param forcesReplacement whether this field's change is why the resource is replaced
 */
public record FieldChange(String field, String before, String after, boolean forcesReplacement) {
  /** A field of a resource being made. */
  public static FieldChange added(String field, String after) {
    return new FieldChange(field, null, after, false);
  }

  /** A field that changes in place. */
  public static FieldChange changed(String field, String before, String after) {
    return new FieldChange(field, before, after, false);
  }

  /** A field whose change replaces the resource. */
  public static FieldChange replacing(String field, String before, String after) {
    return new FieldChange(field, before, after, true);
  }
}
