package clockwork.assertions;

import clockwork.Assertion;
import clockwork.Check;
import clockwork.Target;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Steps that must succeed in order, such as "create an item over HTTP, then find it in the
 * database"; the first step that fails is reported and the steps after it are not run:
 *
 * <pre>{@code
 * new WorkflowAssert("an order is stored")
 *     .post("http://localhost:8000/orders", "{\"item\":\"tea\"}", 201)
 *     .sql(DB_URL, "SELECT item FROM orders ORDER BY id DESC LIMIT 1", "tea")
 * }</pre>
 */
public final class WorkflowAssert extends Assertion {
  private interface Step {
    String describe();

    /** {@code null} when it passed, else what went wrong. */
    String run() throws Exception;
  }

  private final String name;
  private final List<Step> steps = new ArrayList<>();

  public WorkflowAssert(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("WorkflowAssert needs a name saying what it checks");
    }
    this.name = name;
  }

  /** A GET that must answer with this status. */
  public WorkflowAssert get(String url, int expectedStatus) {
    return http("GET", url, null, expectedStatus);
  }

  /** A POST of a JSON body that must answer with this status. */
  public WorkflowAssert post(String url, String jsonBody, int expectedStatus) {
    return http("POST", url, Objects.requireNonNull(jsonBody, "jsonBody"), expectedStatus);
  }

  private WorkflowAssert http(String method, String url, String body, int expectedStatus) {
    URI uri = Http.url("WorkflowAssert \"" + name + "\"", url);
    steps.add(
        new Step() {
          @Override
          public String describe() {
            return method + " " + uri + " → " + expectedStatus;
          }

          @Override
          public String run() throws Exception {
            int status = Http.send(uri, method, body, true, attemptTimeout()).statusCode();
            return status == expectedStatus
                ? null
                : "expected status " + expectedStatus + ", got " + status;
          }
        });
    return this;
  }

  /**
   * A query whose first column of the first row must be this text; {@code null} expects only that
   * it runs.
   */
  public WorkflowAssert sql(String url, String query, String expectedFirstValue) {
    String jdbc = Jdbc.url("WorkflowAssert \"" + name + "\"", url);
    steps.add(
        new Step() {
          @Override
          public String describe() {
            return query;
          }

          @Override
          public String run() throws Exception {
            try (var connection = Jdbc.connect(jdbc, attemptTimeout());
                var statement = connection.createStatement()) {
              boolean rows = statement.execute(query);
              if (expectedFirstValue == null) return null;
              if (!rows)
                return "expected \"" + expectedFirstValue + "\", the query returned no rows";
              try (var result = statement.getResultSet()) {
                String value = result.next() ? result.getString(1) : null;
                return expectedFirstValue.equals(value)
                    ? null
                    : "expected \""
                        + expectedFirstValue
                        + "\", got "
                        + (value == null ? "no row" : "\"" + value + "\"");
              }
            }
          }
        });
    return this;
  }

  @Override
  public String describe() {
    return name + " (" + steps.size() + " steps)";
  }

  @Override
  public Check check(Target target) throws Exception {
    if (steps.isEmpty())
      return Check.fail("it has no steps: add .get(...), .post(...) or .sql(...)");
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      String failure;
      try {
        failure = step.run();
      } catch (Exception e) {
        failure =
            e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      }
      if (failure != null) {
        return Check.fail("step " + (i + 1) + " (" + step.describe() + "): " + failure);
      }
    }
    return Check.pass(steps.size() + " steps passed");
  }
}
