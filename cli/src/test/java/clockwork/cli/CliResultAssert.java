package clockwork.cli;

import clockwork.engine.error.ExitCode;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a run of the clockwork command: {@code assertThat(run).succeeded()...}. */
final class CliResultAssert extends AbstractAssert<CliResultAssert, CliResult> {
  private CliResultAssert(CliResult actual) {
    super(actual, CliResultAssert.class);
  }

  static CliResultAssert assertThat(CliResult actual) {
    return new CliResultAssert(actual);
  }

  CliResultAssert succeeded() {
    return exitedWith(ExitCode.OK);
  }

  CliResultAssert exitedWith(ExitCode code) {
    isNotNull();
    if (actual.exitCode() != code.code()) {
      failWithMessage("expected exit %s (%s) but got:%n%s", code.code(), code, actual);
    }
    return this;
  }

  CliResultAssert outContains(String... texts) {
    for (String text : texts) {
      if (!actual.out().contains(text)) {
        failWithMessage("expected standard output to contain%n  %s%nbut got:%n%s", text, actual);
      }
    }
    return this;
  }

  CliResultAssert outDoesNotContain(String text) {
    if (actual.out().contains(text)) {
      failWithMessage("expected standard output not to contain%n  %s%nbut got:%n%s", text, actual);
    }
    return this;
  }

  CliResultAssert errContains(String... texts) {
    for (String text : texts) {
      if (!actual.err().contains(text)) {
        failWithMessage("expected standard error to contain%n  %s%nbut got:%n%s", text, actual);
      }
    }
    return this;
  }

  CliResultAssert errDoesNotContain(String text) {
    if (actual.err().contains(text)) {
      failWithMessage("expected standard error not to contain%n  %s%nbut got:%n%s", text, actual);
    }
    return this;
  }
}
