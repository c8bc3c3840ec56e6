package clockwork.engine.complete;

import clockwork.Resource;
import clockwork.engine.error.ClockworkException;
import clockwork.engine.error.Problem;
import clockwork.engine.event.Event;
import clockwork.engine.event.EventListener;
import clockwork.engine.event.ReportingContext;
import clockwork.engine.model.AnswerFormat;
import clockwork.engine.model.Message;
import clockwork.engine.model.ModelClient;
import clockwork.engine.provider.ProviderHandle;
import clockwork.engine.provider.Providers;
import clockwork.engine.resolve.ResourceGraph;
import clockwork.spi.Declaration;
import clockwork.spi.Fillable;
import clockwork.spi.InvalidResourceException;
import clockwork.spi.Project;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Turns the resource graph into desired specs. A resource that misses required values is completed:
 * its pinned answer in {@code clockwork.lock} is reused while everything it depended on is
 * unchanged; otherwise the model is asked for every fillable field the user left out, and its
 * answer is checked like untrusted input (the answer's format, then the provider's own checks and
 * policy) and sent back with the reasons until it passes or the retries run out.
 *
 * <p>Resources are completed in dependency order, so that each sees the final values of what it
 * connects to; independent ones at the same time.
 */
public final class Completer {
  /**
   * How to reach a model, when some resource needs one.
   *
   * @param model the model's name, part of every answer's inputs
   * @param maxRetries how often a refused answer is sent back
   * @param client gives the client, made on first use; gives {@code null} when none is configured
   *     (no API key)
   * @param refresh which resource ids to ask again even when {@code clockwork.lock} has an answer
   *     ({@link #REFRESH_ALL} for all)
   */
  public record ModelAccess(
      String model,
      int maxRetries,
      int concurrency,
      Supplier<ModelClient> client,
      Set<String> refresh) {
    boolean refreshes(String id) {
      return refresh.contains(REFRESH_ALL) || refresh.contains(id);
    }
  }

  /** Stands for every resource in {@link ModelAccess#refresh}. */
  public static final String REFRESH_ALL = "*";

  private final Providers providers;
  private final ReportingContext context;
  private final Project project;
  private final ModelAccess access;
  private final EventListener events;
  // resources independent of each other are completed at once, asking at most this many at a time
  private final Semaphore asking;

  /**
   * @param context the project, where progress goes, and its key for digests of secrets
   */
  public Completer(Providers providers, ReportingContext context, ModelAccess access) {
    this.providers = providers;
    this.context = context;
    this.project = context.project();
    this.access = access;
    this.events = context.events();
    this.asking = new Semaphore(access.concurrency());
  }

  /** What became of one resource. */
  private sealed interface Result {
    /** Completed, with its pinned answer when a model chose some of its values. */
    record Done(Desired desired, CompletionLock.Entry pinned) implements Result {}

    /** Invalid; the problems say why. */
    record Invalid(List<Problem> problems, boolean byModel) implements Result {}

    /** Needs a model, and none is configured (or what it connects to could not be completed). */
    record NeedsModel(String id, Problem what) implements Result {}

    /** The model's endpoint gave no answer. */
    record Failed(ClockworkException error) implements Result {}

    /** Not completed, because something it depends on was not; that one says why. */
    record Blocked() implements Result {}
  }

  /**
   * @return the desired resources, in the graph's order
   * @throws CompleteException listing every problem found
   * @throws NeedsModelException when resources need a model and none is configured
   * @throws clockwork.engine.model.ModelException when the model's endpoint gave no answer
   */
  public List<Desired> complete(ResourceGraph graph) {
    checkRefresh(graph);
    CompletionLock lock = CompletionLock.read(project.dir());
    return collect(lock, results(graph, lock));
  }

  /** The model's answer, once fewer than {@code CW_MODEL_CONCURRENCY} others are being asked. */
  private String askInTurn(ModelClient client, List<Message> conversation, AnswerFormat format) {
    asking.acquireUninterruptibly();
    try {
      return client.ask(conversation, format);
    } finally {
      asking.release();
    }
  }

  /** Completes every resource, each once what it depends on is done. */
  private Map<String, CompletableFuture<Result>> results(ResourceGraph graph, CompletionLock lock) {
    var results = new LinkedHashMap<String, CompletableFuture<Result>>();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (ResourceGraph.Node node : graph.nodes()) {
        var dependencies = new LinkedHashMap<String, CompletableFuture<Result>>();
        node.dependsOn().forEach(id -> dependencies.put(id, results.get(id)));
        results.put(
            node.id(),
            CompletableFuture.allOf(dependencies.values().toArray(CompletableFuture[]::new))
                .thenApplyAsync(ignored -> complete(graph, node, lock, dependencies), executor));
      }
      // wait inside: a task is submitted only when what it depends on is done
      results.values().forEach(CompletableFuture::join);
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) throw failure;
      throw e;
    }
    return results;
  }

  /**
   * Asks the model for the smallest change to the values it chose for resource {@code id} that ends
   * {@code trouble} (what fails, and what was seen), holding the answer to the same format and
   * rules as a completion. Changes nothing: {@link CompletionLock#pin pinning} the remedy's entry
   * is what deploys it, at the next plan.
   *
   * @throws CompleteException when the project cannot be completed as it is
   * @throws clockwork.engine.model.ModelException when the model's endpoint gave no answer
   */
  public Remedy remedy(ResourceGraph graph, String id, String trouble) {
    CompletionLock lock = CompletionLock.read(project.dir());
    var results = results(graph, lock);
    collect(lock, results);
    ResourceGraph.Node node = graph.node(id);
    if (!(results.get(id).join() instanceof Result.Done(Desired current, var pinned))
        || pinned == null) {
      return Remedy.refused(
          id,
          "main.java gives every value of "
              + id
              + ": the model may change only values it chose, so a person has to repair it");
    }
    ProviderHandle<?, ?, ?> provider = providers.find(current.kind()).orElseThrow();
    var completed = new LinkedHashMap<String, Result>();
    node.dependsOn().forEach(d -> completed.put(d, results.get(d).join()));
    var done = new Completed(graph, node, completed);
    Set<String> given = new HashSet<>(node.resource().fields().keySet());
    Prompt prompt = prompt(done, format(node.resource(), provider, given));
    ModelClient client = access.client().get();
    if (client == null) {
      return Remedy.refused(id, "no model is configured: set CW_API_KEY or CW_BASE_URL");
    }
    var conversation = new ArrayList<>(prompt.conversation());
    conversation.add(Message.assistant(pinned.values().toString()));
    conversation.add(
        Message.user(
            "Deployed with those values, the resource fails:\n"
                + trouble
                + "\nAnswer with the smallest change that makes it work: one JSON object holding"
                + " exactly "
                + String.join(", ", prompt.format().fields().stream().map(Fillable::field).toList())
                + ", each as it should be now, keeping every value that is not at fault."));
    Result answered =
        ask(done, provider, prompt.format(), conversation, pinned.inputs(), client, given);
    return switch (answered) {
      case Result.Done(Desired desired, var entry) ->
          entry.values().equals(pinned.values())
              ? Remedy.refused(
                  id,
                  List.of("the model answered with the values that fail: " + entry.values()),
                  true)
              : new Remedy(
                  id,
                  desired,
                  entry,
                  pinned,
                  changes(pinned.values(), entry.values()),
                  List.of(),
                  true);
      case Result.Invalid invalid ->
          Remedy.refused(
              id, invalid.problems().stream().map(Problem::message).toList(), invalid.byModel());
      case Result.Failed failed -> throw failed.error();
      default -> Remedy.refused(id, "it cannot be completed now");
    };
  }

  /** Each field whose value differs, as {@code before → after}. */
  private static Map<String, String> changes(JsonNode before, JsonNode after) {
    var changes = new LinkedHashMap<String, String>();
    after
        .properties()
        .forEach(
            field -> {
              JsonNode was = before.path(field.getKey());
              if (!was.equals(field.getValue())) {
                changes.put(field.getKey(), was + " → " + field.getValue());
              }
            });
    return changes;
  }

  private void checkRefresh(ResourceGraph graph) {
    var ids = graph.nodes().stream().map(ResourceGraph.Node::id).toList();
    var unknown =
        access.refresh().stream()
            .filter(id -> !id.equals(REFRESH_ALL) && !ids.contains(id))
            .sorted()
            .toList();
    if (!unknown.isEmpty()) {
      throw new UnknownResourceException(
          "--refresh-ai names "
              + unknown.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", "))
              + ", which main.java does not declare; it declares "
              + String.join(", ", ids));
    }
  }

  private List<Desired> collect(
      CompletionLock lock, Map<String, CompletableFuture<Result>> futures) {
    var desired = new ArrayList<Desired>();
    var pinned = new LinkedHashMap<String, CompletionLock.Entry>();
    var problems = new ArrayList<Problem>();
    var needsModel = new ArrayList<Result.NeedsModel>();
    boolean byModel = false;
    ClockworkException failure = null;
    for (var future : futures.entrySet()) {
      switch (future.getValue().join()) {
        case Result.Done done -> {
          desired.add(done.desired());
          if (done.pinned() != null) pinned.put(future.getKey(), done.pinned());
        }
        case Result.Invalid invalid -> {
          problems.addAll(invalid.problems());
          byModel |= invalid.byModel();
        }
        case Result.NeedsModel needs -> needsModel.add(needs);
        case Result.Failed failed -> failure = failure == null ? failed.error() : failure;
        case Result.Blocked blocked -> {}
      }
      // keep the answers of resources that could not be completed this time
      if (!(future.getValue().join() instanceof Result.Done) && lock.get(future.getKey()) != null) {
        pinned.put(future.getKey(), lock.get(future.getKey()));
      }
    }
    lock.write(pinned); // the answers that passed are kept, whatever else failed
    if (failure != null) throw failure;
    if (!problems.isEmpty()) throw new CompleteException(problems, byModel);
    if (!needsModel.isEmpty()) {
      throw new NeedsModelException(
          needsModel.stream().map(n -> n.what().toString()).toList(),
          needsModel.stream().map(Result.NeedsModel::id).toList());
    }
    return desired;
  }

  /** Completes one resource, once every resource it depends on has its result. */
  private Result complete(
      ResourceGraph graph,
      ResourceGraph.Node node,
      CompletionLock lock,
      Map<String, CompletableFuture<Result>> dependencies) {
    var completed = new LinkedHashMap<String, Result>();
    dependencies.forEach((id, result) -> completed.put(id, result.join()));
    var done = new Completed(graph, node, completed);
    Resource resource = node.resource();
    Optional<ProviderHandle<?, ?, ?>> found = providers.find(resource.kind());
    if (found.isEmpty()) {
      return invalid(
          node,
          "no provider makes resources of kind \""
              + resource.kind()
              + "\"; this Clockwork makes "
              + String.join(", ", providers.kinds()),
          false);
    }
    ProviderHandle<?, ?, ?> provider = found.get();
    // a provider reads what its dependencies publish, which only completed ones have
    boolean blocked = completed.values().stream().anyMatch(d -> !(d instanceof Result.Done));
    List<String> missing = resource.missingFields();
    if (missing.isEmpty()) {
      if (blocked) return new Result.Blocked();
      try {
        return desired(done, provider, resource.completed(Map.of()), null, null);
      } catch (InvalidResourceException e) {
        return new Result.Invalid(
            e.problems().stream().map(p -> Problem.of(resource, node.id(), p)).toList(), false);
      }
    }

    var given = new HashSet<>(resource.fields().keySet());
    AnswerFormat format = format(resource, provider, given);
    List<Fillable> fill = format.fields();
    var fillable = fill.stream().map(Fillable::field).collect(Collectors.toSet());
    List<Problem> unfillable =
        missing.stream()
            .filter(field -> !fillable.contains(field))
            .map(
                f ->
                    Problem.of(
                        resource, node.id(), f + " is not given: set it with ." + f + "(...)"))
            .toList();
    if (!unfillable.isEmpty()) return new Result.Invalid(unfillable, false);
    var needsModel =
        new Result.NeedsModel(
            node.id(),
            Problem.of(
                resource,
                node.id(),
                fill.stream().map(Fillable::field).collect(Collectors.joining(", "))));
    if (blocked) return needsModel;

    Prompt prompt = prompt(done, format);
    String inputs = prompt.inputs(access.model());
    CompletionLock.Entry entry = lock.get(node.id());
    if (entry != null && entry.inputs().equals(inputs) && !access.refreshes(node.id())) {
      return fromLock(done, provider, prompt, entry, given);
    }
    ModelClient client = access.client().get();
    if (client == null) {
      // a teammate's lock, answered by another model: say how to use it
      if (entry != null
          && !entry.model().equals(access.model())
          && entry.inputs().equals(prompt.inputs(entry.model()))) {
        return new Result.NeedsModel(
            node.id(),
            Problem.of(
                resource,
                node.id(),
                fill.stream().map(Fillable::field).collect(Collectors.joining(", "))
                    + " (clockwork.lock holds them as answered by "
                    + entry.model()
                    + ", and CW_MODEL is "
                    + access.model()
                    + ": set CW_MODEL="
                    + entry.model()
                    + " or pass --model "
                    + entry.model()
                    + " to use them, no key needed)"));
      }
      return needsModel;
    }
    try {
      return ask(done, provider, prompt.format(), prompt.conversation(), inputs, client, given);
    } catch (ClockworkException e) {
      return new Result.Failed(e);
    }
  }

  /** The fields a model fills of a resource: its provider's fillable ones the user left out. */
  private static AnswerFormat format(
      Resource resource, ProviderHandle<?, ?, ?> provider, Set<String> given) {
    return new AnswerFormat(
        resource.kind() + "_fill",
        provider.fillable().stream().filter(f -> !given.contains(f.field())).toList());
  }

  private Result fromLock(
      Completed done,
      ProviderHandle<?, ?, ?> provider,
      Prompt prompt,
      CompletionLock.Entry entry,
      Set<String> given) {
    ResourceGraph.Node node = done.node();
    try {
      Resource completed =
          node.resource()
              .completed(
                  withoutEmpty(Answer.read(entry.values(), prompt.format(), given, project)));
      return desired(done, provider, completed, entry, Completion.Source.LOCK);
    } catch (InvalidResourceException e) {
      return invalid(
          node,
          CompletionLock.FILE
              + " holds values that are refused ("
              + String.join("; ", e.problems())
              + "): correct them, or ask the model again with --refresh-ai "
              + node.id(),
          false);
    }
  }

  /**
   * Asks until an answer passes, sending refused ones back with the reasons.
   *
   * @param inputs what the answer is pinned under
   */
  private Result ask(
      Completed done,
      ProviderHandle<?, ?, ?> provider,
      AnswerFormat format,
      List<Message> asked,
      String inputs,
      ModelClient client,
      Set<String> given) {
    ResourceGraph.Node node = done.node();
    var conversation = new ArrayList<>(asked);
    String fields = format.fields().stream().map(Fillable::field).collect(Collectors.joining(", "));
    List<String> refused = List.of();
    for (int attempt = 0; attempt <= access.maxRetries(); attempt++) {
      events.on(
          new Event.Progress(
              node.id(),
              "asking "
                  + client.model()
                  + " for "
                  + fields
                  + (attempt == 0
                      ? ""
                      : " (again: "
                          + refused.size()
                          + (refused.size() == 1 ? " problem)" : " problems)"))));
      String answer = askInTurn(client, conversation, format);
      try {
        var values = Answer.read(answer, format, given, project);
        Resource completed = node.resource().completed(withoutEmpty(values));
        var entry =
            new CompletionLock.Entry(
                completed.kind(), client.model(), inputs, Answer.toJson(values));
        Result chosen = desired(done, provider, completed, entry, Completion.Source.MODEL);
        if (chosen instanceof Result.Done(Desired desired, var pinned)) {
          provider.checkChosen(desired.spec(), completed.filledFields(), context);
        }
        return chosen;
      } catch (InvalidResourceException e) {
        refused = e.problems();
      }
      conversation.add(
          Message.assistant(
              answer.length() > Answer.LONGEST_ANSWER
                  ? "(an answer of " + answer.length() + " characters, too long to repeat)"
                  : answer));
      conversation.add(
          Message.user(
              "That answer was refused:\n- "
                  + String.join("\n- ", refused)
                  + "\nAnswer again with one JSON object holding exactly: "
                  + fields));
    }
    return invalid(
        node,
        "the model's answers were refused "
            + (access.maxRetries() == 0 ? "once" : access.maxRetries() + 1 + " times")
            + " (CW_COMPLETION_MAX_RETRIES is "
            + access.maxRetries()
            + "); the last: "
            + String.join("; ", refused)
            + ". Give these fields in main.java, or describe the resource more precisely",
        true);
  }

  /**
   * The values to fill: an empty list or map from the model means "none", which is what leaving the
   * field out means too, so it stays out (a container keeps its image's own command).
   */
  private static Map<String, Object> withoutEmpty(Map<String, Object> values) {
    var filled = new LinkedHashMap<>(values);
    filled
        .values()
        .removeIf(
            value ->
                value instanceof Collection<?> list && list.isEmpty()
                    || value instanceof Map<?, ?> map && map.isEmpty());
    return filled;
  }

  /**
   * @param resource the completed snapshot, which the provider reads; never the user's object
   */
  private Result desired(
      Completed done,
      ProviderHandle<?, ?, ?> provider,
      Resource resource,
      CompletionLock.Entry pinned,
      Completion.Source source) {
    ResourceGraph.Node node = done.node();
    Completion completion =
        source == null
            ? null
            : new Completion(List.copyOf(resource.filledFields()), source, pinned.model());
    return new Result.Done(
        new Desired(
            node.id(),
            resource.kind(),
            resource,
            provider.desired(resource, declaration(done)),
            node.dependsOn(),
            node.composites(),
            completion),
        pinned);
  }

  private Result invalid(ResourceGraph.Node node, String message, boolean byModel) {
    return new Result.Invalid(List.of(Problem.of(node.resource(), node.id(), message)), byModel);
  }

  /**
   * The prompt for a resource whose dependencies are all completed: they show as completed, their
   * chosen values included; its siblings in a composite as declared, for they may be completed at
   * the same time.
   */
  private static Prompt prompt(Completed done, AnswerFormat format) {
    ResourceGraph graph = done.graph();
    ResourceGraph.Node node = done.node();
    List<Prompt.Neighbour> connected =
        node.dependsOn().stream()
            .map(
                id ->
                    new Prompt.Neighbour(
                        id, ((Result.Done) done.dependencies().get(id)).desired().resource()))
            .toList();
    String composite = node.composites().isEmpty() ? null : node.composites().getLast();
    List<Prompt.Neighbour> siblings =
        composite == null
            ? List.of()
            : graph.nodes().stream()
                .filter(n -> n != node && composite.equals(lastOf(n.composites())))
                .map(n -> new Prompt.Neighbour(n.id(), n.resource()))
                .toList();
    return Prompt.of(node.id(), node.resource(), format, connected, composite, siblings);
  }

  private static String lastOf(List<String> list) {
    return list.isEmpty() ? null : list.getLast();
  }

  /** A resource being completed, with the results of the resources it depends on. */
  private record Completed(
      ResourceGraph graph, ResourceGraph.Node node, Map<String, Result> dependencies) {}

  private Declaration declaration(Completed done) {
    ResourceGraph graph = done.graph();
    ResourceGraph.Node node = done.node();
    return new Declaration() {
      @Override
      public Project project() {
        return project;
      }

      @Override
      public String keyedDigest(String value) {
        return context.keyedDigest(value);
      }

      @Override
      public String id() {
        return node.id();
      }

      @Override
      public String idOf(Resource resource) {
        String id = graph.idOf(resource);
        if (id == null) throw new IllegalArgumentException(resource + " was not declared");
        return id;
      }

      @Override
      public List<Resource> dependencies() {
        return node.dependsOn().stream().map(id -> graph.node(id).resource()).toList();
      }

      @Override
      public boolean ordersOnly(Resource dependency) {
        String id = idOf(dependency);
        if (!node.dependsOn().contains(id)) {
          throw new IllegalArgumentException(dependency + " is not a dependency");
        }
        return node.orderOnly().contains(id);
      }

      @Override
      public Map<String, String> published(Resource dependency) {
        if (!(done.dependencies().get(idOf(dependency))
            instanceof Result.Done(var desired, var x))) {
          throw new IllegalArgumentException(dependency + " is not a completed dependency");
        }
        return providers.find(desired.kind()).orElseThrow().publishes(desired.spec());
      }
    };
  }
}
