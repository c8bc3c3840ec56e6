package clockwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clockwork.resources.DockerResource;
import clockwork.resources.FileResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a declaration holds: given or not given, never given null. */
class ResourceTest {
  @Test
  void aNullValue_isAnErrorNamingTheProperty_neverAQuietlyMissingOne() {
    assertThatThrownBy(() -> new DockerResource("web").image(System.getenv("CW_NOT_SET_HERE")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "DockerResource \"web\": image(...) was given null: give a value, or leave"
                + " .image(...) out for its default or the model's choice");
    assertThatThrownBy(() -> new FileResource("a").content(null))
        .hasMessageStartingWith("FileResource \"a\": content(...) was given null");
    assertThatThrownBy(() -> new DockerResource("web").ports((String[]) null))
        .hasMessageStartingWith("DockerResource \"web\": ports(...) was given null");
    assertThatThrownBy(() -> new DockerResource("web").envVars(null))
        .hasMessageStartingWith("DockerResource \"web\": envVars(...) was given null");
    assertThatThrownBy(() -> new DockerResource("web").envVar("MODE", (String) null))
        .hasMessage(
            "DockerResource \"web\": envVars entry \"MODE\" was given a null value: give a value,"
                + " or leave the entry out");
  }

  @Test
  void aPropertyLeftOut_isMissing_andAnEmptyOneIsGiven() {
    var web = new DockerResource("web").envVars(Map.of());

    assertThat(web.missingFields()).containsExactly("image");
    assertThat(web.fields()).containsEntry("envVars", Map.of());
  }

  @Test
  void completed_isAReadOnlySnapshot_andTheDeclarationStaysAsWritten() {
    var declared = new DockerResource("web").ports("8080:80");
    var snapshot = (DockerResource) declared.completed(Map.of("image", "nginx:1"));

    assertThat(snapshot.image()).isEqualTo("nginx:1");
    assertThat(snapshot.ports()).containsExactly("8080:80");
    assertThat(snapshot.filledFields()).containsExactly("image");
    assertThat(snapshot.missingFields()).isEmpty();
    assertThat(declared.image()).isNull();
    assertThat(declared.filledFields()).isEmpty();
    assertThat(declared.missingFields()).containsExactly("image");
    assertThatThrownBy(() -> snapshot.image("evil:1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "DockerResource \"web\" is a completed snapshot, which cannot change: .image(...)"
                + " belongs in main.java, on the resource declared there");
    assertThatThrownBy(() -> snapshot.connect(declared)).isInstanceOf(IllegalStateException.class);
    assertThat(declared.connections()).isEmpty();
    assertThat(snapshot.image()).isEqualTo("nginx:1");
  }

  @Test
  void completed_neverReplacesAValueTheUserGave() {
    var declared = new DockerResource("web").image("nginx:1");

    assertThatThrownBy(() -> declared.completed(Map.of("image", "evil:1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DockerResource \"web\": image was given in main.java and is not filled");
    assertThat(declared.image()).isEqualTo("nginx:1");
  }
}
