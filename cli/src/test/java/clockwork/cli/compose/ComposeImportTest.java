package clockwork.cli.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code clockwork import compose} writes, without an engine: ComposeImportIT compiles, plans
 * and applies the test projects; this checks the forms the corpus uses, one by one.
 */
class ComposeImportTest {
  @TempDir Path dir;

  private String imported(String compose) throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), compose);
    return ComposeImport.convert(dir.resolve("compose.yaml"), dir).mainJava();
  }

  @Test
  void servicesAreDeclaredAfterWhatTheyDependOn_withJavaNamesAndUniqueResourceNames()
      throws IOException {
    String main =
        imported(
            """
            services:
              class:
                image: app:1
                depends_on: [cache-db]
              cache-db:
                image: redis:7
                volumes: [cache-db:/data]
            volumes:
              cache-db:
            """);

    assertThat(main)
        .contains(
            "var cacheDb = new DockerVolumeResource(\"cache-db\");",
            "var cacheDb2 = new DockerResource(\"cache-db-service\")",
            ".volume(cacheDb, \"/data\");",
            "var classService = new DockerResource(\"class\")",
            ".dependsOn(cacheDb2);",
            "Clockwork.declare(cacheDb, cacheDb2, classService);");
    assertThat(main.indexOf("cacheDb2 = ")).isLessThan(main.indexOf("classService = "));
  }

  @Test
  void settingsTheApiCannotSay_stayAsCommentsWhereTheyWere() throws IOException {
    String main =
        imported(
            """
            services:
              web:
                image: nginx
                privileged: true
                tty: false
                x-team: shop
                healthcheck:
                  test: ["NONE"]
                depends_on:
                  setup:
                    condition: service_completed_successfully
                mem_limit: 1.5G
                volumes:
                  - ~/site:/site:ro
              setup:
                image: busybox
            secrets:
              token:
                environment: TOKEN
            """);

    assertThat(main)
        .contains(
            "// not carried over: privileged: true (Clockwork does not run privileged containers;"
                + " use `capAdd`)",
            "// not carried over: healthcheck.test: [NONE]",
            "// not carried over: depends_on.setup: {condition=service_completed_successfully}",
            ".memory(\"1536m\")",
            ".volumes(System.getProperty(\"user.home\") + \"/site:/site:ro\")")
        .doesNotContain("tty", "x-team");
  }

  @Test
  void aFileThatCannotBeImported_isRefusedQuotingIt() throws IOException {
    assertThatThrownBy(() -> imported("services: [unclosed"))
        .isInstanceOf(ComposeException.class)
        .hasMessageStartingWith(
            "compose file \"" + dir.resolve("compose.yaml") + "\" is not YAML:");
    assertThatThrownBy(() -> imported("name: shop\n"))
        .hasMessage(
            "compose file \""
                + dir.resolve("compose.yaml")
                + "\" has no services: a compose file maps \"services\" to the containers it runs");
    assertThatThrownBy(() -> ComposeImport.convert(dir.resolve("none.yaml"), dir))
        .hasMessageContaining("cannot read compose file \"" + dir.resolve("none.yaml") + "\"");
  }

  @Test
  void docsComposeMd_showsTheTableOfFeatures() throws IOException {
    String docs = Files.readString(Path.of("../docs/compose.md"));
    assertThat(docs)
        .as("docs/compose.md holds ComposeFeatures.markdown() between its markers")
        .contains(
            "<!-- features: generated from ComposeFeatures -->\n"
                + ComposeFeatures.markdown()
                + "<!-- /features -->");
  }

  @Test
  void theTestProjects_useEveryCarriedSetting() throws IOException {
    var compose = new StringBuilder();
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources/compose"))) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().equals("compose.yaml")).toList()) {
        compose.append(Files.readString(file));
      }
    }
    for (ComposeFeatures.Feature feature : ComposeFeatures.ALL) {
      if (!feature.carried()) continue;
      assertThat(compose.toString())
          .as("a test compose project uses %s", feature.key())
          .containsPattern("(?m)^\\s*(- )?" + feature.key() + ":");
    }
  }
}
