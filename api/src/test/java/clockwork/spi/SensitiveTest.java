package clockwork.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What looks secret, and how it is kept out of sight. */
class SensitiveTest {
  @Test
  void name_isSecretForEveryCommonWayOfNamingOne() {
    for (String name :
        List.of(
            "POSTGRES_PASSWORD",
            "DB_PASS",
            "PGPASS",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AUTH_KEY",
            "SESSION_KEY",
            "API_KEY",
            "apikey",
            "GITHUB_TOKEN",
            "JWT_SECRET",
            "PRIVATE_KEY",
            "SMTP_CREDENTIALS",
            "MYSQL_PWD")) {
      assertThat(Sensitive.name(name)).as(name).isTrue();
    }
    for (String name : List.of("MODE", "PORT", "HOST", "MONKEY_COUNT", "KEYBOARD", "LOG_LEVEL")) {
      assertThat(Sensitive.name(name)).as(name).isFalse();
    }
  }

  @Test
  void value_isSecretWhenAUrlCarriesAPassword() {
    assertThat(Sensitive.value("postgres://app:pw@db:5432/app")).isTrue();
    assertThat(Sensitive.value("https://bob:s3cr3t@git.example.com/x.git")).isTrue();
    assertThat(Sensitive.value("postgres://app@db:5432/app")).isFalse();
    assertThat(Sensitive.value("http://host/a:b@c")).isFalse();
    assertThat(Sensitive.value("production")).isFalse();
  }

  @Test
  void redact_hidesThePasswordOfEveryUrlInAMessage() {
    assertThat(Sensitive.redact("cannot clone https://bob:s3cr3t@git.example.com/x.git: refused"))
        .isEqualTo("cannot clone https://bob:(sensitive)@git.example.com/x.git: refused");
  }

  @Test
  void redactUrl_keepsADigestThatChangesWithThePassword() {
    String one = Sensitive.redactUrl("https://bob:one@host/x.git", value -> "digest-of-" + value);
    String two = Sensitive.redactUrl("https://bob:two@host/x.git", value -> "digest-of-" + value);

    assertThat(one).isEqualTo("https://bob:sensitive:digest-of-one@host/x.git").isNotEqualTo(two);
    assertThat(Sensitive.show(Sensitive.stored("abc"))).isEqualTo("(sensitive)");
  }
}
