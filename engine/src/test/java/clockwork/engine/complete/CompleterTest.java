package clockwork.engine.complete;

import static clockwork.engine.model.ScriptedModelServer.answer;
import static clockwork.engine.model.ScriptedModelServer.error;
import static clockwork.engine.model.ScriptedModelServer.late;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clockwork.Resource;
import clockwork.engine.error.ClockworkException;
import clockwork.engine.error.ExitCode;
import clockwork.engine.event.Event;
import clockwork.engine.event.ReportingContext;
import clockwork.engine.model.ModelClient;
import clockwork.engine.model.ModelException;
import clockwork.engine.model.OpenAiModelClient;
import clockwork.engine.model.ScriptedModelServer;
import clockwork.engine.provider.Providers;
import clockwork.engine.resolve.Resolver;
import clockwork.engine.state.DigestKey;
import clockwork.resources.BlankResource;
import clockwork.resources.DockerResource;
import clockwork.resources.FileResource;
import clockwork.spi.Project;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completion against a scripted OpenAI-compatible server, over real HTTP on loopback. */
class CompleterTest {
  @TempDir Path dir;
  private ScriptedModelServer server;
  private final List<Event> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = new ScriptedModelServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private List<Desired> complete(int maxRetries, Set<String> refresh, Resource... declared) {
    return completer(maxRetries, refresh).complete(new Resolver().resolve(List.of(declared)));
  }

  /** A completer that asks the scripted server. */
  private Completer completer(int maxRetries, Set<String> refresh) {
    ModelClient client =
        new OpenAiModelClient(
            server.baseUrl(),
            "test-key",
            "test-model",
            Duration.ofSeconds(2),
            maxRetries,
            Duration.ofMillis(10));
    return completer(new Completer.ModelAccess("test-model", maxRetries, 4, () -> client, refresh));
  }

  private List<Desired> complete(Resource... declared) {
    return complete(3, Set.of(), declared);
  }

  private Completer completer(Completer.ModelAccess access) {
    var context =
        new ReportingContext(
            new Project("shop", "id", dir),
            null,
            events::add,
            new DigestKey(dir.resolve(".clockwork/digest.key")));
    // no engine answers here: a model's image is the CLI tests' to check against a real one
    return new Completer(
        Providers.discover(Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock")),
        context,
        access);
  }

  private static DockerResource db() {
    return new DockerResource("db")
        .image("clockwork-test/busybox:1")
        .ports("5432:5432")
        .envVar("POSTGRES_PASSWORD", "hunter2");
  }

  private static DockerResource api(DockerResource db) {
    return new DockerResource("api")
        .description("HTTP API backed by the database")
        .ports("8000:8000")
        .connect(db);
  }

  private static final String API_ANSWER =
      """
      {"image": "clockwork-test/busybox:1", "envVars": ["MODE=production"], "volumes": [],
       "command": ["httpd", "-f", "-p", "8000"]}\
      """;

  @Test
  void independentResourcesAreAskedForAtOnce_atMostConcurrencyAtATime() {
    var declared = new ArrayList<Resource>();
    for (int i = 0; i < 7; i++) {
      declared.add(
          new DockerResource("web" + i).description("a web server").ports(8000 + i + ":80"));
      server.script("web" + i, late(answer(API_ANSWER), Duration.ofMillis(300)));
    }
    ModelClient client =
        new OpenAiModelClient(
            server.baseUrl(), "k", "m", Duration.ofSeconds(5), 0, Duration.ofMillis(10));

    List<Desired> desired =
        completer(new Completer.ModelAccess("m", 0, 3, () -> client, Set.of()))
            .complete(new Resolver().resolve(declared));

    assertThat(desired).hasSize(7);
    assertThat(server.requests()).hasSize(7);
    // seven answers of 0.3 s each, three at a time: never more, and more than one at once
    assertThat(server.mostAtOnce()).isBetween(2, 3);
  }

  @Test
  void asksForTheMissingFields_withTheDescriptionTheUsersFieldsAndTheNeighbours() {
    server.script("shop.api", answer(API_ANSWER));
    var db = db();
    List<Desired> desired = complete(new BlankResource("shop").add(db, api(db)));

    assertThat(server.requests()).hasSize(1);
    JsonNode body = server.requests().getFirst().body();
    assertThat(body.path("model").asText()).isEqualTo("test-model");
    JsonNode format = body.path("response_format");
    assertThat(format.path("type").asText()).isEqualTo("json_schema");
    assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
    JsonNode schema = format.path("json_schema").path("schema");
    assertThat(schema.path("properties").properties())
        .extracting(Map.Entry::getKey)
        .containsExactly("image", "envVars", "volumes", "command");
    assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();

    JsonNode prompt = server.requests().getFirst().prompt();
    assertThat(prompt.path("resource").path("description").asText())
        .isEqualTo("HTTP API backed by the database");
    assertThat(prompt.path("resource").path("given").path("ports").get(0).asText())
        .isEqualTo("8000:8000");
    JsonNode neighbour = prompt.path("connectedTo").get(0);
    assertThat(neighbour.path("id").asText()).isEqualTo("shop.db");
    assertThat(neighbour.path("fields").path("image").asText())
        .isEqualTo("clockwork-test/busybox:1");
    assertThat(neighbour.path("fields").path("envVars").get(0).asText())
        .isEqualTo("POSTGRES_PASSWORD");
    assertThat(prompt.path("composite").path("id").asText()).isEqualTo("shop");
    assertThat(body.toString()).doesNotContain("hunter2");

    Desired api = desired.stream().filter(d -> d.id().equals("shop.api")).findFirst().orElseThrow();
    // the empty volumes answer means none, as leaving them out does, so they are not filled
    assertThat(api.completion().fields()).containsExactly("image", "envVars", "command");
    assertThat(api.completion().source()).isEqualTo(Completion.Source.MODEL);
    assertThat(api.spec().toString()).contains("clockwork-test/busybox:1", "MODE=production");
    assertThat(desired.stream().filter(d -> d.id().equals("shop.db")).findFirst().orElseThrow())
        .extracting(Desired::completion)
        .isNull();
  }

  @Test
  void dependsOn_ordersAlone_whileConnectGivesTheConnectionsVariables() {
    var db = db();
    var ordered = new DockerResource("ordered").image("clockwork-test/busybox:1").dependsOn(db);
    var connected = new DockerResource("connected").image("clockwork-test/busybox:1").connect(db);

    List<Desired> desired = complete(db, ordered, connected);

    assertThat(desired).extracting(Desired::id).containsExactly("db", "ordered", "connected");
    assertThat(desired.get(1).dependsOn()).containsExactly("db");
    assertThat(desired.get(1).spec().toString()).doesNotContain("DB_HOST");
    assertThat(desired.get(2).spec().toString()).contains("DB_HOST=db", "DB_PORT=5432");
  }

  @Test
  void aResourceConnectedToAnInvalidOne_waits_andOnlyTheInvalidOneIsReported() {
    var bad = new FileResource("bad").content("x").mode("999");
    var web = new DockerResource("web").image("clockwork-test/busybox:1").connect(bad);

    assertThatThrownBy(() -> complete(bad, web))
        .isInstanceOf(CompleteException.class)
        .hasMessageContaining("mode \"999\"")
        .hasMessageNotContaining("web");
  }

  @Test
  void completion_makesASnapshot_andLeavesTheUsersDeclarationAsWritten() {
    server.script("api", answer(API_ANSWER));
    var db = db();
    DockerResource declared = api(db);
    var before = declared.fields();

    List<Desired> desired = complete(db, declared);

    assertThat(declared.fields()).isEqualTo(before);
    assertThat(declared.image()).isNull();
    assertThat(declared.filledFields()).isEmpty();
    Resource snapshot = desired.getLast().resource();
    assertThat(snapshot).isNotSameAs(declared).isInstanceOf(DockerResource.class);
    assertThat(((DockerResource) snapshot).image()).isEqualTo("clockwork-test/busybox:1");
    assertThat(snapshot.filledFields()).containsExactly("image", "envVars", "command");
    assertThat(snapshot.isSnapshot()).isTrue();
    assertThat(desired.getFirst().resource().isSnapshot())
        .as("a resource the user gave every value is a snapshot too")
        .isTrue();
    assertThatThrownBy(() -> ((DockerResource) snapshot).image("other:1"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void reusesThePinnedAnswer_untilAnInputChanges_andOnlyForThatResource() throws IOException {
    server.script("api", answer(API_ANSWER));
    server.script("docs", answer("{\"content\": \"# Docs\\n\", \"mode\": \"644\"}"));
    var db = db();
    complete(db, api(db), new FileResource("docs").description("a README"));
    assertThat(server.requests()).hasSize(2);
    String lock = Files.readString(dir.resolve("clockwork.lock"));
    assertThat(lock).contains("\"api\"", "\"docs\"", "clockwork-test/busybox:1", "sha256:");

    var again = db();
    List<Desired> second =
        complete(again, api(again), new FileResource("docs").description("a README"));
    assertThat(server.requests()).hasSize(2);
    assertThat(second)
        .filteredOn(d -> !d.id().equals("db"))
        .extracting(d -> d.completion().source())
        .containsExactly(Completion.Source.LOCK, Completion.Source.LOCK);
    assertThat(Files.readString(dir.resolve("clockwork.lock"))).isEqualTo(lock);

    server.script("docs", answer("{\"content\": \"# Documentation\\n\", \"mode\": \"644\"}"));
    var third = db();
    complete(third, api(third), new FileResource("docs").description("a longer README"));
    assertThat(server.requests()).hasSize(3);
    assertThat(server.requests().getLast().resourceId()).isEqualTo("docs");
  }

  private Remedy remedy(String id, String trouble, Resource... declared) {
    return completer(0, Set.of()).remedy(new Resolver().resolve(List.of(declared)), id, trouble);
  }

  @Test
  void aRemedy_isAskedWithWhatFails_checkedAsAnAnswer_andOncePinnedIsWhatTheNextPlanDeploys() {
    String fixed = API_ANSWER.replace("8000\"]", "8001\"]");
    server.script("api", answer(API_ANSWER), answer(fixed));
    var db = db();
    complete(db, api(db));

    var again = db();
    Remedy remedy = remedy("api", "- port 8000 refused connections\n", again, api(again));
    assertThat(remedy.refused()).isEmpty();
    assertThat(remedy.changes()).containsOnlyKeys("command");
    assertThat(remedy.changes().get("command")).contains("8000", "→", "8001");
    String told = String.join("\n", server.requests().getLast().messages());
    assertThat(told).contains("port 8000 refused connections", "smallest change", "httpd");
    assertThat(Files.exists(dir.resolve("clockwork.lock"))).isTrue();
    assertThat(CompletionLock.entry(dir, "api").values().toString())
        .contains("8000")
        .doesNotContain("8001");

    CompletionLock.pin(dir, "api", remedy.marked("2026-12-02T10:00:00Z", "port 8000 refused"));
    var third = db();
    List<Desired> next = complete(third, api(third));
    assertThat(server.requests()).as("the next plan asks no model").hasSize(2);
    assertThat(next.getLast().resource().fields().get("command").toString()).contains("8001");
    assertThat(CompletionLock.entry(dir, "api").remediation())
        .isEqualTo(new CompletionLock.Remediation("2026-12-02T10:00:00Z", "port 8000 refused"));
  }

  @Test
  void aRemedyAskingForAHostPathOutsideTheProject_isRefused_andOneForAllGivenValuesIsNotAsked() {
    server.script(
        "api",
        answer(API_ANSWER),
        answer(API_ANSWER.replace("\"volumes\": []", "\"volumes\": [\"/etc:/data\"]")));
    var db = db();
    complete(db, api(db));
    var again = db();
    Remedy refused = remedy("api", "- it fails\n", again, api(again));
    assertThat(refused.answered()).isTrue();
    assertThat(String.join("; ", refused.refused())).contains("/etc:/data", "outside the project");

    Remedy none = remedy("db", "- it fails\n", again, api(again));
    assertThat(none.answered()).isFalse();
    assertThat(none.refused())
        .singleElement()
        .asString()
        .contains("main.java gives every value of db");
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void aLockAnsweredByAnotherModel_saysWhichModelToUse_insteadOfOnlyAskingForAKey() {
    server.script("api", answer(API_ANSWER));
    var db = db();
    complete(db, api(db));
    var again = db();
    var teammate = new Completer.ModelAccess("their-model", 0, 4, () -> null, Set.of());
    assertThatThrownBy(
            () -> completer(teammate).complete(new Resolver().resolve(List.of(again, api(again)))))
        .isInstanceOf(NeedsModelException.class)
        .hasMessageContaining(
            "(clockwork.lock holds them as answered by test-model, and CW_MODEL is their-model: set"
                + " CW_MODEL=test-model or pass --model test-model to use them, no key needed)");
  }

  @Test
  void aChangedDependencyReasksItsDependents() {
    server.script("api", answer(API_ANSWER), answer(API_ANSWER));
    var db = db();
    complete(db, api(db));
    var changed = db().ports("5433:5432");
    complete(changed, api(changed));
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void refreshAsksAgainDespiteTheLock() {
    server.script("api", answer(API_ANSWER), answer(API_ANSWER));
    var db = db();
    complete(db, api(db));
    var again = db();
    complete(3, Set.of("api"), again, api(again));
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void refreshOfAnUnknownResource_isRefused() {
    var db = db();
    assertThatThrownBy(() -> complete(3, Set.of("apx"), db, api(db)))
        .isInstanceOf(UnknownResourceException.class)
        .hasMessage(
            "--refresh-ai names \"apx\", which main.java does not declare; it declares db, api");
  }

  @Test
  void brokenAnswersAreSentBackWithTheReason_untilOnePasses() {
    server.script(
        "api",
        answer("not json at all"),
        answer("{\"image\": 7, \"envVars\": [], \"volumes\": [], \"command\": []}"),
        answer(
            "{\"image\": \"x:1\", \"privileged\": true, \"envVars\": [], \"volumes\": [],"
                + " \"command\": []}"),
        answer(
            "{\"image\": \"x:1\", \"envVars\": [], \"volumes\": [\"/etc:/host-etc\"],"
                + " \"command\": []}"),
        answer(
            "{\"image\": \"x:1\", \"ports\": [\"9000:9000\"], \"envVars\": [], \"volumes\": [],"
                + " \"command\": []}"),
        answer(
            "{\"image\": \"x:1\", \"envVars\": [\"DB_PASSWORD=letmein\"], \"volumes\": [],"
                + " \"command\": []}"),
        answer(API_ANSWER));
    var db = db();
    List<Desired> desired = complete(6, Set.of(), db, api(db));

    assertThat(desired.getLast().spec().toString()).contains("8000:8000");
    List<ScriptedModelServer.Request> requests = server.requests();
    assertThat(requests).hasSize(7);
    assertThat(requests.get(1).messages().getLast())
        .startsWith("That answer was refused:")
        .contains("the answer is not a JSON object: \"not json at all\"");
    assertThat(requests.get(2).messages().getLast()).contains("image must be a string, not 7");
    assertThat(requests.get(3).messages().getLast())
        .contains("privileged is not a field you may set: answer with only image, envVars");
    assertThat(requests.get(4).messages().getLast())
        .contains("volume \"/etc:/host-etc\" mounts a host path outside the project");
    assertThat(requests.get(5).messages().getLast())
        .contains("ports was given by the user: leave it out");
    assertThat(requests.get(6).messages().getLast())
        .contains("environment variable \"DB_PASSWORD\" holds a secret");
  }

  @Test
  void answersThatKeepFailing_nameTheResourceTheFieldAndTheReason() {
    String bad =
        "{\"image\": \"x:1\", \"envVars\": [], \"volumes\": [\"/:/root\"], \"command\": []}";
    server.script("api", answer(bad), answer(bad));
    var db = db();
    assertThatThrownBy(() -> complete(1, Set.of(), db, api(db)))
        .isInstanceOfSatisfying(
            CompleteException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED))
        .hasMessageContaining("DockerResource \"api\"")
        .hasMessageContaining("the model's answers were refused 2 times")
        .hasMessageContaining("volume \"/:/root\" mounts a host path outside the project");
    assertThat(dir.resolve("clockwork.lock")).doesNotExist();
  }

  @Test
  void rateLimitsAreRetried() {
    server.script("api", error(429, "slow down"), answer(API_ANSWER));
    var db = db();
    complete(db, api(db));
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void endpointErrors_sayWhatToDo() {
    var db = db();
    server.script("api", error(401, "bad key"));
    assertModelError(db, ExitCode.INVALID_INPUT, "the API key was refused", "CW_API_KEY");
    server.script("api", error(404, "no such model"));
    assertModelError(db, ExitCode.INVALID_INPUT, "has no model \"test-model\"", "CW_MODEL");
    server.script("api", error(503, "busy"), error(503, "busy"));
    assertModelError(db, ExitCode.FAILED, "HTTP 503", "2 attempts in all");
    var slow = late(answer(API_ANSWER), Duration.ofSeconds(3));
    server.script("api", slow, slow);
    assertModelError(db, ExitCode.FAILED, "no answer within the timeout", "CW_COMPLETION_TIMEOUT");
  }

  private void assertModelError(DockerResource db, ExitCode code, String... parts) {
    assertThatThrownBy(() -> complete(1, Set.of(), db, api(db)))
        .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.exitCode()).isEqualTo(code))
        .hasMessageStartingWith("No answer from the model endpoint " + server.baseUrl())
        .hasMessageContainingAll(parts);
  }

  @Test
  void anUnreachableEndpoint_saysSo() {
    String baseUrl = server.baseUrl();
    server.close();
    ModelClient client =
        new OpenAiModelClient(baseUrl, null, "m", Duration.ofSeconds(2), 0, Duration.ZERO);
    var db = db();
    assertThatThrownBy(
            () ->
                completer(new Completer.ModelAccess("m", 0, 4, () -> client, Set.of()))
                    .complete(new Resolver().resolve(List.of(db, api(db)))))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("cannot be reached")
        .hasMessageContaining("CW_BASE_URL");
  }

  @Test
  void anEndpointWithoutStrictSchemas_isAskedInJsonMode() {
    server.script(
        "api", error(400, "response_format json_schema is not supported"), answer(API_ANSWER));
    var db = db();
    complete(db, api(db));
    assertThat(server.requests()).hasSize(2);
    JsonNode second = server.requests().get(1).body();
    assertThat(second.path("response_format").path("type").asText()).isEqualTo("json_object");
    assertThat(server.requests().get(1).messages().getLast())
        .contains("matches this JSON schema", "\"image\"");
  }

  @Test
  void withoutAKey_listsWhatNeedsCompletion_andAsksNothing() {
    var db = db();
    assertThatThrownBy(
            () ->
                completer(new Completer.ModelAccess("m", 3, 4, () -> null, Set.of()))
                    .complete(
                        new Resolver()
                            .resolve(
                                List.of(db, api(db), new FileResource("docs").description("x")))))
        .isInstanceOfSatisfying(
            NeedsModelException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT))
        .hasMessageContaining("DockerResource \"api\"")
        .hasMessageContaining(": image, envVars, volumes, command")
        .hasMessageContaining("FileResource \"docs\"")
        .hasMessageContaining(": content, mode")
        .hasMessageContaining("CW_API_KEY");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void fullySpecifiedResources_needNoModel() {
    List<Desired> desired =
        completer(
                new Completer.ModelAccess(
                    "m",
                    3,
                    4,
                    () -> {
                      throw new AssertionError("no model is needed");
                    },
                    Set.of()))
            .complete(new Resolver().resolve(List.of(db(), new FileResource("a").content("x"))));
    assertThat(desired).hasSize(2).allSatisfy(d -> assertThat(d.completion()).isNull());
    assertThat(dir.resolve("clockwork.lock")).doesNotExist();
  }

  @Test
  void givenEmpty_isNotAskedFor() {
    server.script("api", answer("{\"image\": \"x:1\", \"volumes\": [], \"command\": []}"));
    var db = db();
    complete(db, api(db).envVars(Map.of()));
    assertThat(server.requests().getFirst().prompt().path("fill").toString())
        .isEqualTo("[\"image\",\"volumes\",\"command\"]");
  }

  @Test
  void aGeneratedFile_getsContentAndMode() {
    server.script("notes", answer("{\"content\": \"# Notes\\n\", \"mode\": \"600\"}"));
    List<Desired> desired =
        complete(new FileResource("notes").description("notes").size(FileResource.Size.SMALL));
    assertThat(desired.getFirst().spec().toString()).contains("# Notes", "600");
    assertThat(
            server
                .requests()
                .getFirst()
                .prompt()
                .path("resource")
                .path("given")
                .path("size")
                .asText())
        .isEqualTo("small");
  }

  @Test
  void aRepository_getsItsUrlBranchAndDest_insideTheProjectOnly_onABranchTheRemoteHas()
      throws Exception {
    String remote = bareRepository("main");
    String answer = "{\"repoUrl\": \"" + remote + "\", \"branch\": \"%s\", \"dest\": \"%s\"}";
    server.script(
        "docs",
        answer(answer.formatted("main", "/etc/docs")),
        answer(answer.formatted("gh-pages", "vendor/docs")),
        answer(answer.formatted("main", "vendor/docs")));
    List<Desired> desired =
        complete(new clockwork.resources.GitRepoResource("docs").description("the docs site"));
    assertThat(server.requests().get(1).messages().getLast())
        .contains("dest \"/etc/docs\" is outside the project");
    assertThat(server.requests().get(2).messages().getLast())
        .contains("branch \"gh-pages\" is not on \"" + remote + "\"; it has main");
    assertThat(desired.getFirst().spec().toString()).contains("vendor/docs", "main");
  }

  /** A bare repository on this file system with one commit on a branch, by file:// URL. */
  private String bareRepository(String branch) throws Exception {
    Path work = Files.createDirectories(dir.resolve("remote-work"));
    Path bare = dir.resolve("remote.git");
    try (var git = Git.init().setInitialBranch(branch).setDirectory(work.toFile()).call()) {
      Files.writeString(work.resolve("README"), "docs");
      git.add().addFilepattern("README").call();
      git.commit()
          .setMessage("first")
          .setAuthor("t", "t@example.com")
          .setCommitter("t", "t@example.com")
          .setSign(false)
          .call();
    }
    Git.cloneRepository()
        .setURI(work.toUri().toString())
        .setDirectory(bare.toFile())
        .setBare(true)
        .call()
        .close();
    return bare.toUri().toString();
  }

  @Test
  void answersAndTheirValues_areBounded_andAWorldWritableMode_isRefused() {
    String huge = "x".repeat(Answer.LONGEST_ANSWER + 1);
    server.script(
        "notes",
        answer(huge),
        answer("{\"content\": \"" + "y".repeat(200 * 1024) + "\", \"mode\": \"644\"}"),
        answer("{\"content\": \"hi\", \"mode\": \"777\"}"),
        answer("{\"content\": \"hi\", \"mode\": \"644\"}"));

    List<Desired> desired = complete(new FileResource("notes").description("notes"));

    var requests = server.requests();
    assertThat(requests.get(1).messages())
        .contains("(an answer of " + huge.length() + " characters, too long to repeat)")
        .anySatisfy(m -> assertThat(m).contains("more than the 524288 an answer may be"));
    assertThat(requests.get(1).body().toString().length()).isLessThan(64 * 1024);
    assertThat(requests.get(2).messages().getLast())
        .contains("content has a value of 204800 characters, more than the 131072 it may have");
    assertThat(requests.get(3).messages().getLast())
        .contains("mode \"777\" lets anyone write the file");
    assertThat(desired.getFirst().spec().toString()).contains("644");
  }

  @Test
  void aTemplate_getsItsVariablesFromTheModel() {
    server.script("motd", answer("{\"variables\": [\"who=world\"]}"));
    List<Desired> desired =
        complete(
            new clockwork.resources.TemplateFileResource("motd")
                .template("hello {{ who }}")
                .description("greets the world"));
    assertThat(
            server
                .requests()
                .getFirst()
                .prompt()
                .path("resource")
                .path("given")
                .path("template")
                .asText())
        .isEqualTo("hello {{ who }}");
    assertThat(desired.getFirst().spec().toString()).contains("hello world");
  }

  @Test
  void aHandEditedLockIsCheckedLikeAnAnswer() throws IOException {
    server.script("notes", answer("{\"content\": \"hi\", \"mode\": \"644\"}"));
    complete(new FileResource("notes").description("notes"));
    Path lock = dir.resolve("clockwork.lock");
    Files.writeString(lock, Files.readString(lock).replace("\"644\"", "\"999\""));
    assertThatThrownBy(() -> complete(new FileResource("notes").description("notes")))
        .isInstanceOf(ClockworkException.class)
        .hasMessageContaining("clockwork.lock holds values that are refused (mode \"999\"")
        .hasMessageContaining("--refresh-ai notes");
  }
}
