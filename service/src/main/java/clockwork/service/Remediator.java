package clockwork.service;

import clockwork.Policy;
import clockwork.engine.Engine;
import clockwork.engine.apply.ApplyResult;
import clockwork.engine.complete.CompletionLock;
import clockwork.engine.complete.Remedy;
import clockwork.engine.state.StateLock;
import clockwork.engine.state.StateLockedException;
import clockwork.engine.verify.AssertionResult;
import clockwork.spi.Sensitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * AI remediation ({@link Policy.OnFailure#REMEDIATE_AI}): for a resource whose assertions keep
 * failing, collects what a person would look at (the engine's diagnostics, the failing assertions,
 * the policy's context, what was tried before), asks the model for the smallest change to the
 * values it chose, and, when the answer passes completion's own checks and changes nothing the
 * service never changes by itself, pins it in {@code clockwork.lock} as a remediation, applies that
 * resource and re-runs its assertions, under the project's lock. A remedy that works stays pinned,
 * so that the next apply deploys the same; one that does not is rolled back to the values before.
 * An answer that would change published ports or mounts is recorded as a proposal instead; one that
 * completion refuses (a host path outside the project, say) as a proposal that cannot be approved.
 */
final class Remediator {
  private final Healer healer;

  Remediator(Healer healer) {
    this.healer = healer;
  }

  /**
   * @return the state serial afterwards
   */
  long remediate(Healer.Round round, Check.Resource resource, long serial) {
    String id = resource.id();
    Engine engine = round.engine();
    Policy policy = round.policies.getOrDefault(id, Policy.DEFAULTS);
    String failing = Healer.failures(resource);
    Remedy remedy;
    try {
      remedy = engine.remedy(id, trouble(engine, resource, policy, round.care(id)));
    } catch (RuntimeException e) {
      healer.failed(
          round,
          id,
          Policy.Event.REMEDIATION_FAILED,
          "the model could not be asked: " + Sensitive.redact(String.valueOf(e.getMessage())));
      return serial;
    }
    if (!remedy.refused().isEmpty()) {
      String why = String.join("; ", remedy.refused());
      if (remedy.answered()) {
        round.propose(id, "the model's repair of " + id + ", for " + failing, why, null);
        healer.fixed(round, id, List.of());
      } else {
        healer.failed(round, id, Policy.Event.REMEDIATION_FAILED, why);
      }
      return serial;
    }
    String changes = describe(remedy.changes());
    List<String> never =
        remedy.changes().keySet().stream().filter(Healer.NEVER_AUTOMATIC::contains).toList();
    if (!never.isEmpty()) {
      round.propose(
          id,
          "the model proposes "
              + changes
              + " to end: "
              + failing
              + " ("
              + String.join(", ", never)
              + " the service never changes by itself)",
          null,
          remedy.entry());
      healer.fixed(round, id, List.of());
      return serial;
    }
    try (StateLock lock = engine.lock("clockwork service")) {
      CompletionLock.Entry before = engine.pinned(id);
      engine.pin(id, remedy.marked(round.now.toString(), failing));
      ApplyResult result =
          engine.apply(Healer.narrowed(engine.plan(lock), Set.of(id), Set.of()), lock);
      List<AssertionResult> verified =
          result.failed().isEmpty() ? engine.verify(id::equals, null) : List.of();
      String seen = unseen(result, verified);
      healer.fixed(round, id, List.of());
      if (seen == null) {
        round.care.put(id, round.care(id).withRemedy("tried " + changes + ": it worked"));
        round.event(
            id,
            Policy.Event.REMEDIATED,
            changes
                + ": its assertions pass; pinned in "
                + CompletionLock.FILE
                + " as a remediation");
      } else {
        engine.pin(id, before);
        ApplyResult back =
            engine.apply(Healer.narrowed(engine.plan(lock), Set.of(id), Set.of()), lock);
        round.care.put(
            id, round.care(id).withRemedy("tried " + changes + ": it did not work: " + seen));
        round.event(
            id,
            Policy.Event.REMEDIATION_FAILED,
            changes
                + " did not work ("
                + seen
                + "): "
                + (back.failed().isEmpty()
                    ? "rolled back to the values before"
                    : "rolling back failed too: "
                        + Sensitive.redact(back.failed().getFirst().message())));
      }
    } catch (StateLockedException e) {
      round.event(
          id,
          Policy.Event.DEFERRED,
          "a clockwork command holds the project's lock ("
              + e.holder()
              + "): the repair waits for the next check");
      return -1;
    } catch (RuntimeException e) {
      healer.failed(
          round,
          id,
          Policy.Event.REMEDIATION_FAILED,
          Sensitive.redact(String.valueOf(e.getMessage())));
    }
    return Healer.serial(round.project);
  }

  /** What the model is told: what fails, what is seen, what the policy says, what was tried. */
  private static String trouble(
      Engine engine, Check.Resource resource, Policy policy, Healer.Care care) {
    var text = new StringBuilder("Failing assertions:\n");
    for (Check.Assertion assertion : resource.assertions()) {
      if (!assertion.passed()) {
        text.append("- ")
            .append(assertion.description())
            .append(": ")
            .append(assertion.observation())
            .append('\n');
      }
    }
    text.append("What is seen of it now:\n");
    for (Map.Entry<String, Object> fact : engine.diagnose(resource.id()).entrySet()) {
      text.append("- ").append(fact.getKey()).append(": ").append(fact.getValue()).append('\n');
    }
    if (!policy.remediationContext().isEmpty()) {
      text.append("Its owner says:\n");
      policy.remediationContext().forEach(fact -> text.append("- ").append(fact).append('\n'));
    }
    if (!care.remedies().isEmpty()) {
      text.append("Tried before, oldest first:\n");
      care.remedies().forEach(outcome -> text.append("- ").append(outcome).append('\n'));
    }
    return text.toString();
  }

  /** Why a tried remedy does not work; {@code null} when it does. */
  private static String unseen(ApplyResult result, List<AssertionResult> verified) {
    var problems = new ArrayList<String>();
    result
        .failed()
        .forEach(f -> problems.add(f.id() + " failed: " + Sensitive.redact(f.message())));
    result.skipped().forEach(s -> problems.add(s.id() + " skipped"));
    verified.stream()
        .filter(a -> !a.passed())
        .forEach(a -> problems.add(a.description() + ": " + Sensitive.redact(a.observation())));
    return problems.isEmpty() ? null : String.join("; ", problems);
  }

  private static String describe(Map<String, String> changes) {
    return changes.entrySet().stream()
        .map(c -> c.getKey() + " " + c.getValue())
        .collect(Collectors.joining(", "));
  }
}
