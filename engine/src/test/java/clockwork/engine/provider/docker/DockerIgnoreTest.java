package clockwork.engine.provider.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code .dockerignore} as Docker reads it. */
class DockerIgnoreTest {
  private static final DockerIgnore IGNORE =
      DockerIgnore.parse(
          """
          # comments and blank lines are nothing

          *.log
          !keep.log
          **/node_modules
          /secret.txt
          build
          !build/keep
          docs/?.md
          cache[0-9]
          ./tmp/../scratch
          """);

  @Test
  void excludes_whatAPatternMatches_orIsInside() {
    assertThat(IGNORE.excludes("app.log")).isTrue();
    assertThat(IGNORE.excludes("secret.txt")).isTrue();
    assertThat(IGNORE.excludes("node_modules/x/index.js")).isTrue();
    assertThat(IGNORE.excludes("web/node_modules/x.js")).isTrue();
    assertThat(IGNORE.excludes("build/out.bin")).isTrue();
    assertThat(IGNORE.excludes("docs/a.md")).isTrue();
    assertThat(IGNORE.excludes("cache7")).isTrue();
    assertThat(IGNORE.excludes("scratch/notes")).isTrue();
  }

  @Test
  void keeps_whatNoPatternMatches_andTheExceptions() {
    assertThat(IGNORE.excludes("keep.log")).as("the later exception wins").isFalse();
    assertThat(IGNORE.excludes("build/keep")).isFalse();
    assertThat(IGNORE.excludes("src/app.py")).isFalse();
    assertThat(IGNORE.excludes("logs/app.log")).as("* stays within one element").isFalse();
    assertThat(IGNORE.excludes("docs/ab.md")).as("? is one character").isFalse();
    assertThat(IGNORE.excludes("sub/secret.txt")).isFalse();
    assertThat(IGNORE.excludes("cachex")).isFalse();
    assertThat(DockerIgnore.parse(null).excludes("anything")).isFalse();
  }
}
