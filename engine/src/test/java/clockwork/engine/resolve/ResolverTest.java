package clockwork.engine.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clockwork.engine.resolve.ResourceGraph.Node;
import clockwork.resources.BlankResource;
import clockwork.resources.DockerResource;
import clockwork.resources.FileResource;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolverTest {
  private final Resolver resolver = new Resolver();

  private static FileResource file(String name) {
    return new FileResource(name).content(name);
  }

  @Test
  void resolve_putsDependenciesFirst_andIncludesConnectedResources() {
    var db = file("db");
    var cache = file("cache");
    var api = file("api").connect(db, cache);

    ResourceGraph graph = resolver.resolve(List.of(api));

    assertThat(graph.nodes()).extracting(Node::id).containsExactly("db", "cache", "api");
    assertThat(graph.nodes().getLast().dependsOn()).containsExactly("db", "cache");
  }

  @Test
  void resolve_ordersByDependsOn_andMarksItForTheOrderAlone_unlessAlsoConnected() {
    var db = file("db");
    var cache = file("cache");
    var both = file("both");
    var api = file("api").dependsOn(db, both);
    api.connect(cache, both);

    ResourceGraph.Node node = resolver.resolve(List.of(api)).node("api");

    assertThat(node.dependsOn()).containsExactlyInAnyOrder("db", "both", "cache");
    assertThat(node.orderOnly()).containsExactly("db");
  }

  @Test
  void resolve_countsAResourceDeclaredTwiceOnce() {
    var a = file("a");

    assertThat(resolver.resolve(List.of(a, file("b").connect(a))).nodes())
        .extracting(Node::id)
        .containsExactly("a", "b");
  }

  @Test
  void resolve_refusesDuplicateNames_namingEveryDeclaration() {
    var first = file("notes.txt");
    var second = file("notes.txt");

    assertThatThrownBy(() -> resolver.resolve(List.of(first, second)))
        .isInstanceOf(ResolveException.class)
        .hasMessage(
            "FileResource \"notes.txt\" ("
                + first.declaredAt()
                + "): 2 resources have this name (declared at "
                + first.declaredAt()
                + ", "
                + second.declaredAt()
                + "): a name is an identity, so rename all but one (a FileResource keeps its"
                + " file name with .path(\"dir/notes.txt\"))");
  }

  @Test
  void resolve_refusesACycle_withItsPath() {
    var a = file("a");
    var b = file("b").connect(a);
    a.connect(b);

    assertThatThrownBy(() -> resolver.resolve(List.of(a)))
        .isInstanceOfSatisfying(
            ResolveException.class, e -> assertThat(e.cycle()).containsExactly("a", "b", "a"))
        .hasMessageContaining("its connections form a cycle, a → b → a");
  }

  @Test
  void resolve_refusesNamesThatCannotBeIdentities_listingEach() {
    assertThatThrownBy(
            () -> resolver.resolve(List.of(file(""), file(" x"), file("a/b"), file(".."))))
        .isInstanceOf(ResolveException.class)
        .hasMessageContaining("4 problems:")
        .hasMessageContaining("FileResource \"\" (")
        .hasMessageContaining("the name is empty")
        .hasMessageContaining("FileResource \" x\"")
        .hasMessageContaining("spaces at its start or end")
        .hasMessageContaining("FileResource \"a/b\"")
        .hasMessageContaining("a name is an identity, not a path")
        .hasMessageContaining("a name cannot be \"..\"");
  }

  @Test
  void resolve_flattensNestedComposites_intoQualifiedIds_withConnectionsAcrossThem() {
    var db = file("db");
    var cache = file("cache");
    var api = file("api");
    var data = new BlankResource("data").add(db, cache);
    var backend = new BlankResource("backend").add(data, api);
    var web = file("web").connect(api);
    api.connect(data); // a connection to a composite is one to everything in it
    var site = new BlankResource("site").add(backend, web);

    ResourceGraph graph = resolver.resolve(List.of(site));

    assertThat(graph.nodes())
        .extracting(Node::id)
        .containsExactly(
            "site.backend.data.db", "site.backend.data.cache", "site.backend.api", "site.web");
    assertThat(graph.node("site.backend.api").dependsOn())
        .containsExactly("site.backend.data.db", "site.backend.data.cache");
    assertThat(graph.node("site.web").dependsOn()).containsExactly("site.backend.api");
    assertThat(graph.idOf(data)).isEqualTo("site.backend.data");
  }

  @Test
  void resolve_letsAConnectedCompositeMakeEverythingInItDepend() {
    var db = file("db");
    var app = new BlankResource("app").add(file("a"), file("b")).connect(db);

    ResourceGraph graph = resolver.resolve(List.of(app));

    assertThat(graph.node("app.a").dependsOn()).containsExactly("db");
    assertThat(graph.node("app.b").dependsOn()).containsExactly("db");
  }

  @Test
  void resolve_allowsTheSameNameInDifferentComposites_butNotAmongSiblings() {
    var ok =
        resolver.resolve(
            List.of(
                new BlankResource("a").add(file("db")), new BlankResource("b").add(file("db"))));
    assertThat(ok.nodes()).extracting(Node::id).containsExactly("a.db", "b.db");

    assertThatThrownBy(
            () -> resolver.resolve(List.of(new BlankResource("a").add(file("db"), file("db")))))
        .hasMessageContaining("FileResource \"a.db\"")
        .hasMessageContaining("2 resources have this name");
  }

  @Test
  void resolve_refusesAResourceInTwoComposites() {
    var shared = file("shared");

    assertThatThrownBy(
            () ->
                resolver.resolve(
                    List.of(
                        new BlankResource("a").add(shared), new BlankResource("b").add(shared))))
        .hasMessageContaining("it is in two composites, \"a\" and \"b\"");
  }

  @Test
  void resolve_refusesACompositeInsideItself() {
    var outer = new BlankResource("outer");
    var inner = new BlankResource("inner").add(outer);
    outer.add(inner);

    assertThatThrownBy(() -> resolver.resolve(List.of(outer)))
        .hasMessageContaining("it is inside itself");
  }

  @Test
  void resolve_refusesACycleAcrossComposites_withQualifiedIds() {
    var a = file("a");
    var b = file("b").connect(a);
    a.connect(b);

    assertThatThrownBy(
            () ->
                resolver.resolve(
                    List.of(new BlankResource("x").add(a), new BlankResource("y").add(b))))
        .isInstanceOfSatisfying(
            ResolveException.class,
            e -> assertThat(e.cycle()).containsExactly("x.a", "y.b", "x.a"));
  }

  @Test
  void children_getByName_saysWhatThereIs_whenTheNameOrTypeIsWrong() {
    var webapp = new BlankResource("webapp").add(file("db"), file("api"));

    assertThat(webapp.children().get("db", FileResource.class).content()).isEqualTo("db");
    assertThatThrownBy(() -> webapp.children().get("cache"))
        .hasMessage(
            "BlankResource \"webapp\" has no child named \"cache\"; its children are: \"db\","
                + " \"api\"");
    assertThatThrownBy(() -> webapp.children().get("db", DockerResource.class))
        .hasMessage(
            "the child \"db\" of BlankResource \"webapp\" is a FileResource, not a DockerResource");
  }
}
