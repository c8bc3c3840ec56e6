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
}
