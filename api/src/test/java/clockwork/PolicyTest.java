package clockwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clockwork.resources.DockerResource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A resource's policy for the service: what it leaves out comes from the project's, then the
 * defaults.
 */
class PolicyTest {
  @Test
  void whatAPolicyLeavesOut_comesFromTheProjects_thenFromTheDefaults() {
    Policy project = Policy.watch().checkEvery(Duration.ofSeconds(10)).fixesPerHour(5);
    Policy own = Policy.watch().onDrift(Policy.OnDrift.AUTO_CORRECT);

    Policy effective = own.over(project).over(Policy.DEFAULTS);

    assertThat(effective.onDrift()).isEqualTo(Policy.OnDrift.AUTO_CORRECT);
    assertThat(effective.onFailure()).isEqualTo(Policy.OnFailure.ALERT);
    assertThat(effective.checkEvery()).isEqualTo(Duration.ofSeconds(10));
    assertThat(effective.fixesPerHour()).isEqualTo(5);
    assertThat(effective.reconcile()).isTrue();
    assertThat(Policy.watch().over(Policy.DEFAULTS)).isEqualTo(Policy.DEFAULTS);
    assertThat(Policy.autoCorrect().over(Policy.DEFAULTS).onFailure())
        .isEqualTo(Policy.OnFailure.AUTO_CORRECT);
  }

  @Test
  void aPolicyIsImmutable_andBadValuesAreRefusedSayingWhatToGive() {
    Policy watch = Policy.watch();
    watch.reconcile(false);
    assertThat(watch.reconcile()).isNull();
    assertThatThrownBy(() -> Policy.watch().checkEvery(Duration.ofMillis(500)))
        .hasMessage(
            "checkEvery(PT0.5S) is shorter than a second: give Duration.ofSeconds(1) or more");
    assertThatThrownBy(() -> Policy.watch().fixesPerHour(-1))
        .hasMessage("fixesPerHour(-1) is negative: give 0 or more");
  }

  @Test
  void aResourceKeepsItsPolicy_inItsChainAndInItsCompletedSnapshot() {
    var web = new DockerResource("web").policy(Policy.autoCorrect()).image("nginx:1");
    assertThat(web.policy()).isEqualTo(Policy.autoCorrect());
    assertThat(new DockerResource("db").completed(java.util.Map.of("image", "x:1")).policy())
        .isNull();
    Resource snapshot = web.completed(java.util.Map.of());
    assertThat(snapshot.policy()).isEqualTo(Policy.autoCorrect());
    assertThatThrownBy(() -> snapshot.policy(Policy.watch()))
        .isInstanceOf(IllegalStateException.class);
  }
}
