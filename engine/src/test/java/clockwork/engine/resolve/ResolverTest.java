package clockwork.engine.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clockwork.engine.resolve.ResourceGraph.Node;
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
}
