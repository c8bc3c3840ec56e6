package clockwork.engine.provider.container;

import static org.assertj.core.api.Assertions.assertThat;

import clockwork.spi.Sensitive;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerOutputsTest {
  @Test
  void of_publishesTheHostItsPortsTheirHostPorts_andItsEnvironmentWithoutSecrets() {
    Map<String, String> published =
        ContainerOutputs.of(
            "db",
            List.of("5433:5432/tcp", "8000-8001:80-81/tcp", "9000/tcp"),
            Map.of("POSTGRES_USER", "app", "POSTGRES_PASSWORD", Sensitive.stored("0123abcd")));

    assertThat(published)
        .containsEntry("host", "db")
        .containsEntry("containerPorts", "5432,80,81,9000")
        .containsEntry("hostPort:5432", "5433")
        .containsEntry("hostPort:81", "8001")
        .containsEntry("env:POSTGRES_USER", "app")
        .doesNotContainKeys("hostPort:9000", "env:POSTGRES_PASSWORD");
    assertThat(ContainerOutputs.isContainer(published)).isTrue();
    assertThat(ContainerOutputs.containerPorts(published))
        .containsExactly("5432", "80", "81", "9000");
  }

  @Test
  void aResourceThatIsNoContainer_publishesNothingAContainerWould() {
    assertThat(ContainerOutputs.isContainer(Map.of("DATABASE_URL", "postgresql://a@db:5432/x")))
        .isFalse();
  }
}
