package clockwork.engine.provider.container;

import clockwork.engine.state.Json;
import clockwork.resources.ContainerResource;
import clockwork.spi.FieldChange;
import clockwork.spi.Fillable;
import clockwork.spi.Sensitive;
import clockwork.spi.Values;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The fields every container target shares (Docker's, Apple's, and those to come): their names,
 * what a model may fill of them, how plans show their values, and the hash of those that replace a
 * container when they change. Their names are {@link ContainerResource}'s.
 */
public final class ContainerFields {

  /** What a model may fill of a container, in the order asked. */
  public static final List<Fillable> FILLABLE =
      List.of(
          new Fillable(
              ContainerResource.IMAGE,
              Fillable.Shape.TEXT,
              "the image to run, with a tag, such as nginx:1.27-alpine or python:3.13-slim"),
          new Fillable(
              ContainerResource.PORTS,
              Fillable.Shape.TEXT_LIST,
              "published ports in Docker's syntax, such as 8080:80 or 53:53/udp; empty for none"),
          new Fillable(
                  ContainerResource.ENV_VARS,
                  Fillable.Shape.TEXT_MAP,
                  "environment variables the image needs, never secrets; empty for none")
              .heldTo(Fillable.Rule.ENVIRONMENT),
          new Fillable(
                  ContainerResource.VOLUMES,
                  Fillable.Shape.TEXT_LIST,
                  "volumes as volume-name:/path or ./directory-in-project:/path; empty for none")
              .heldTo(Fillable.Rule.mounts(VolumeMount::hostDirectory)),
          new Fillable(
              ContainerResource.COMMAND,
              Fillable.Shape.TEXT_LIST,
              "the command and its arguments, one per entry; empty for the image's own"));

  private ContainerFields() {}

  /**
   * A value as plans show it, in full: strings quoted, lists and maps (as NAME=value) one item per
   * line, secrets hidden.
   */
  public static String show(Object value) {
    return switch (value) {
      case null -> inline(null);
      case List<?> list when !list.isEmpty() ->
          items(list).map(item -> item + "\n").collect(Collectors.joining());
      case Map<?, ?> map when !map.isEmpty() ->
          items(map).map(item -> item + "\n").collect(Collectors.joining());
      default -> inline(value);
    };
  }

  /** A value as messages show it, on one line: lists and maps in brackets, long text summarised. */
  public static String inline(Object value) {
    return switch (value) {
      case null -> "(none)";
      case String text -> Values.brief(text);
      case List<?> list -> items(list).collect(Collectors.joining(", ", "[", "]"));
      case Map<?, ?> map -> items(map).collect(Collectors.joining(", ", "[", "]"));
      default -> value.toString();
    };
  }

  private static Stream<String> items(List<?> list) {
    return list.stream()
        .map(item -> item instanceof String text ? Values.quote(text) : inline(item));
  }

  private static Stream<String> items(Map<?, ?> map) {
    return map.entrySet().stream()
        .map(
            e ->
                Values.quote(
                    e.getKey()
                        + "="
                        + (Sensitive.isStored((String) e.getValue())
                            ? Sensitive.SHOWN
                            : e.getValue())));
  }

  /**
   * The fields that replace a container on every target when they change, in the order plans show
   * them; a target adds its own after these.
   */
  public static Map<String, Object> replacing(
      String image,
      List<String> ports,
      List<String> volumes,
      Map<String, String> env,
      List<String> command,
      Map<String, String> labels) {
    var fields = new LinkedHashMap<String, Object>();
    fields.put(ContainerResource.IMAGE, image);
    fields.put(ContainerResource.PORTS, ports);
    fields.put(ContainerResource.VOLUMES, volumes);
    fields.put(ContainerResource.ENV_VARS, env);
    fields.put(ContainerResource.COMMAND, command);
    fields.put(ContainerResource.LABELS, labels);
    return fields;
  }

  /**
   * The changes between what was applied and what is desired, of the fields that replace a
   * container, in the order {@code desired} lists them, then those only {@code before} had.
   */
  public static List<FieldChange> replacing(
      Map<String, Object> before, Map<String, Object> desired) {
    var fields = new LinkedHashSet<>(desired.keySet());
    fields.addAll(before.keySet());
    return fields.stream()
        .filter(field -> !Objects.equals(before.get(field), desired.get(field)))
        .map(
            field ->
                FieldChange.replacing(field, show(before.get(field)), show(desired.get(field))))
        .toList();
  }

  /**
   * The hash of the fields that replace a container, stamped on it as {@link Labels#SPEC_HASH}: of
   * their JSON, which holds the digests of secrets, not their values.
   */
  public static String hash(Object replacingFields) {
    return Json.digest(replacingFields);
  }
}
