package clockwork.service;

import java.time.Instant;
import java.util.List;

/**
 * One check of a project: what its plan found changed outside Clockwork, and how its assertions
 * came out. Values are as plans show them: secrets as digests.
 *
 * @param at when it started
 * @param tookMillis how long it took
 * @param health {@code ok}, {@code drifted}, {@code failing} (an assertion failed), {@code pending}
 *     (main.java changed since the last apply) or {@code error} (it could not be checked)
 * @param resources each resource's part
 * @param error why it could not be checked; {@code null} when it could
 */
record Check(Instant at, long tookMillis, String health, List<Resource> resources, String error) {
  Check {
    resources = List.copyOf(resources);
  }

  /**
   * @param id the resource's id
   * @param kind its kind
   * @param health {@code ok}, {@code drifted}, {@code failing} or {@code pending}
   * @param drift each field found other than declared
   * @param assertions how its assertions came out
   */
  record Resource(
      String id, String kind, String health, List<Drift> drift, List<Assertion> assertions) {
    Resource {
      drift = List.copyOf(drift);
      assertions = List.copyOf(assertions);
    }
  }

  /**
   * A field changed outside Clockwork.
   *
   * @param field its name ({@code exists} for a resource removed outside Clockwork)
   * @param expected what main.java and state say
   * @param actual what is there
   * @param firstSeen the first check that saw it so, of those in a row
   * @param lastSeen the last check that saw it so
   */
  record Drift(String field, String expected, String actual, Instant firstSeen, Instant lastSeen) {}

  /** How one assertion came out. */
  record Assertion(String assertion, String description, boolean passed, String observation) {}
}
