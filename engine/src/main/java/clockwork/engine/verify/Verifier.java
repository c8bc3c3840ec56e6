package clockwork.engine.verify;

import clockwork.Assertion;
import clockwork.Check;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Checks assertions, all at the same time: each is checked until it passes or its timeout runs out,
 * and reported with the last thing it saw. Never throws for a failing or broken assertion: an
 * exception in a check is a failed check.
 */
public final class Verifier {
  private final Duration longest;

  /** A verifier that gives each assertion its own timeout. */
  public Verifier() {
    this(null);
  }

  /**
   * A verifier that gives each assertion its timeout, but no longer than {@code longest}: the
   * service checks on an interval and must not wait out a timeout meant for a deploy.
   */
  public Verifier(Duration longest) {
    this.longest = longest;
  }

  /**
   * @return one result per assertion, in the order of the subjects and their assertions
   */
  public List<AssertionResult> verify(List<Subject> subjects) {
    var futures = new ArrayList<Future<AssertionResult>>();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Subject subject : subjects) {
        for (Assertion assertion : subject.assertions()) {
          futures.add(executor.submit(() -> verify(subject, assertion)));
        }
      }
    }
    return futures.stream().map(Future::resultNow).toList();
  }

  private AssertionResult verify(Subject subject, Assertion assertion) throws InterruptedException {
    String id = subject.target().id();
    if (subject.notApplied() != null) {
      return new AssertionResult(
          id, assertion.name(), describe(assertion), false, subject.notApplied(), Duration.ZERO, 0);
    }
    long start = System.nanoTime();
    Duration timeout = Duration.ofSeconds(assertion.timeoutSeconds());
    if (longest != null && longest.compareTo(timeout) < 0) timeout = longest;
    long deadline = start + timeout.toNanos();
    for (int checks = 1; ; checks++) {
      Check check = check(subject, assertion);
      long now = System.nanoTime();
      Duration took = Duration.ofNanos(now - start);
      if (check.passed() || now >= deadline) {
        return new AssertionResult(
            id,
            assertion.name(),
            describe(assertion),
            check.passed(),
            check.passed() ? check.observation() : check.observation() + " after " + seconds(took),
            took,
            checks);
      }
      Thread.sleep(Duration.ofNanos(Math.min(assertion.interval().toNanos(), deadline - now)));
    }
  }

  private static Check check(Subject subject, Assertion assertion) {
    try {
      Check check = assertion.check(subject.target());
      return check == null ? Check.fail("the check returned nothing") : check;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Check.fail("interrupted");
    } catch (Exception e) {
      return Check.fail(explain(e));
    }
  }

  private static String describe(Assertion assertion) {
    try {
      return assertion.describe();
    } catch (RuntimeException e) {
      return assertion.name();
    }
  }

  /** An exception from a check, as an observation: the first cause that says something. */
  static String explain(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      String known =
          switch (cause) {
            case ConnectException c -> "connection refused";
            case HttpTimeoutException t -> "no answer in time";
            case SocketTimeoutException t -> "no answer in time";
            case UnknownHostException u -> "unknown host " + u.getMessage();
            case NoSuchFileException n -> "does not exist";
            case AccessDeniedException a -> "permission denied";
            default -> null;
          };
      if (known != null) return known;
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      String message = cause.getMessage();
      if (message != null && !message.isBlank()) return message.lines().findFirst().orElse(message);
    }
    return e.getClass().getSimpleName();
  }

  static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}
