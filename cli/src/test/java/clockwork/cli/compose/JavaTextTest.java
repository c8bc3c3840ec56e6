package clockwork.cli.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How compose's values are written as Java, checked by compiling what is written. */
class JavaTextTest {
  @TempDir Path dir;

  /** The value of a Java expression, compiled by javac and run. */
  private String evaluate(String expression) throws Exception {
    Path source = dir.resolve("Probe.java");
    Files.writeString(
        source,
        "public class Probe {\n"
            + "  static String env(String name, String fallback) { return \"<\" + name + \"|\" +"
            + " fallback + \">\"; }\n"
            + "  public static String value() {\n    return "
            + expression
            + ";\n  }\n}\n");
    int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, source.toString());
    assertThat(compiled).as("compiles: %s", expression).isZero();
    try (var loader = new URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, null)) {
      return (String) loader.loadClass("Probe").getMethod("value").invoke(null);
    }
  }

  @Test
  void aTextBlock_givesBackTheContentByteForByte() throws Exception {
    for (String content :
        List.of(
            "server {\n    listen 80;\n}\n",
            "no newline at the end",
            "trailing spaces   \n\ttab and trailing tab\t\n",
            "  indented first\nthen not\n",
            "quotes \"\"\" and \\backslashes\\ and \\u0041 and \\s\n",
            "\n\nblank lines first\n\n\n",
            "",
            "   \n")) {
      String block = JavaText.textBlock(content, 12);
      assertThat(evaluate(block)).as("content %s as %s", content, block).isEqualTo(content);
    }
    assertThat(JavaText.textBlock("windows\r\nline ends", 12)).isNull();
  }

  @Test
  void aString_readsComposesVariablesFromTheEnvironmentWhenMainJavaRuns() throws Exception {
    var java = new JavaText();
    assertThat(evaluate(java.string("plain \"quoted\" \\ text")))
        .isEqualTo("plain \"quoted\" \\ text");
    assertThat(java.readsEnvironment()).isFalse();
    assertThat(evaluate(java.string("${PORT:-8080}:80"))).isEqualTo("<PORT|8080>:80");
    assertThat(evaluate(java.string("$HOST and ${USER} cost $$5")))
        .isEqualTo("<HOST|> and <USER|> cost $5");
    assertThat(evaluate(java.string("${NEEDED:?set it}"))).isEqualTo("<NEEDED|>");
    assertThat(java.readsEnvironment()).isTrue();
  }

  @Test
  void identifiers_areJavaNames_freshEachTime() {
    var java = new JavaText();
    assertThat(java.identifier("db-data", "volume")).isEqualTo("dbData");
    assertThat(java.identifier("db_data", "volume")).isEqualTo("dbData2");
    assertThat(java.identifier("class", "service")).isEqualTo("classService");
    assertThat(java.identifier("2fa", "service")).isEqualTo("service2fa");
    assertThat(java.identifier("env", "service")).isEqualTo("envService");
    assertThat(java.identifier("---", "network")).isEqualTo("network");
  }

  @Test
  void durationsAndWords_areReadAsComposeReadsThem() {
    assertThat(JavaText.millis("1m30s")).isEqualTo(90_000L);
    assertThat(JavaText.millis("500ms")).isEqualTo(500L);
    assertThat(JavaText.millis("1h")).isEqualTo(3_600_000L);
    assertThat(JavaText.millis("10")).isEqualTo(10_000L);
    assertThat(JavaText.millis("soon")).isNull();
    assertThat(JavaText.millis("10s later")).isNull();
    assertThat(JavaText.duration(90_000)).isEqualTo("Duration.ofSeconds(90)");
    assertThat(JavaText.duration(500)).isEqualTo("Duration.ofMillis(500)");

    assertThat(JavaText.words("sh -c 'echo \"hi there\"; exit 0'"))
        .containsExactly("sh", "-c", "echo \"hi there\"; exit 0");
    assertThat(JavaText.words("npm  run \"dev server\" a\\ b"))
        .containsExactly("npm", "run", "dev server", "a b");
    assertThat(JavaText.words("echo 'unclosed")).isNull();
  }
}
