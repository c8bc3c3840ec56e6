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

  @Test
  void maxDuration_isReadAsComposeAndTerraformUsersWriteIt_andRefusedOtherwise() {
    assertThat(Policy.watch().maxDuration("1h30m").maxDuration()).isEqualTo(Duration.ofMinutes(90));
    assertThat(Policy.watch().maxDuration("90s").maxDuration()).isEqualTo(Duration.ofSeconds(90));
    assertThat(Policy.watch().maxDuration("2h").over(Policy.DEFAULTS).maxDuration())
        .isEqualTo(Duration.ofHours(2));
    assertThat(Policy.DEFAULTS.maxDuration()).as("nothing expires unless it says so").isNull();
    assertThatThrownBy(() -> Policy.watch().maxDuration("two hours"))
        .hasMessage(
            "maxDuration(\"two hours\") is not a duration: write it as \"2h\", \"30m\", \"90s\" or"
                + " \"1h30m\"");
    assertThatThrownBy(() -> Policy.watch().maxDuration("0s"))
        .hasMessageContaining("is not positive");
  }

  @Test
  void alertsWebhooksAndRemediationContext_comeFromTheProjectsUnlessTheResourceSays() {
    Policy project =
        Policy.watch()
            .webhooks("https://hooks.example.com/ops")
            .remediationContext("max downtime 30 s");
    Policy own =
        Policy.watch()
            .onFailure(Policy.OnFailure.REMEDIATE_AI)
            .alertOn(Policy.Event.FLAPPING, Policy.Event.BUDGET_EXHAUSTED);

    Policy effective = own.over(project).over(Policy.DEFAULTS);

    assertThat(effective.alertOn())
        .containsExactlyInAnyOrder(Policy.Event.FLAPPING, Policy.Event.BUDGET_EXHAUSTED);
    assertThat(effective.webhooks()).containsExactly("https://hooks.example.com/ops");
    assertThat(effective.remediationContext()).containsExactly("max downtime 30 s");
    assertThat(Policy.DEFAULTS.alertOn())
        .as("every event alerts by default")
        .hasSize(Policy.Event.values().length);
    assertThat(Policy.Event.BUDGET_EXHAUSTED.label()).isEqualTo("budget-exhausted");
    assertThatThrownBy(() -> Policy.watch().webhooks("ftp://example.com/x"))
        .hasMessage(
            "webhooks(\"ftp://example.com/x\") is not an http or https URL: give one such as"
                + " \"https://hooks.example.com/clockwork\"");
  }
}
