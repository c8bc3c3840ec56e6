package clockwork.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Tells people: each event goes to the service log and, when its policy lets it alert, as a JSON
 * POST ({@code project}, {@code resource}, {@code event}, {@code detail}, {@code time}) to every
 * webhook of {@code CW_SERVICE_WEBHOOKS} (URLs separated by commas) and of its policy, retried with
 * back-off on a virtual thread of its own, so that a dead webhook never delays a check.
 */
final class Alerts {
  private static final int TRIES = 4;

  private final List<URI> webhooks;
  private final ServiceLog log;
  private final ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Alerts(Map<String, String> environment, ServiceLog log) {
    this.log = log;
    String configured = environment.getOrDefault("CW_SERVICE_WEBHOOKS", "");
    this.webhooks =
        List.of(configured.split(",")).stream()
            .map(String::strip)
            .filter(url -> !url.isEmpty())
            .map(URI::create)
            .toList();
  }

  /**
   * @param alert whether it goes to webhooks, or to the log only
   * @param own the webhooks of the project's or the resource's policy
   */
  void send(Registry.Project project, History.Event event, boolean alert, List<String> own) {
    log.log(
        "project "
            + project.id()
            + ", "
            + event.resource()
            + ": "
            + event.event()
            + ": "
            + event.detail());
    var targets = new LinkedHashSet<>(webhooks);
    own.forEach(url -> targets.add(URI.create(url)));
    if (!alert || targets.isEmpty()) return;
    byte[] body;
    try {
      body =
          ServiceHome.JSON.writeValueAsBytes(
              Api.object(
                  "project", project.id(),
                  "dir", project.dir(),
                  "resource", event.resource(),
                  "event", event.event(),
                  "detail", event.detail(),
                  "time", event.at()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    for (URI webhook : targets) sending.submit(() -> post(webhook, body));
  }

  private void post(URI webhook, byte[] body) {
    long wait = 500;
    for (int attempt = 1; attempt <= TRIES; attempt++) {
      try {
        var response =
            http.send(
                HttpRequest.newBuilder(webhook)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() < 300) return;
        if (attempt == TRIES)
          log.log(
              "webhook "
                  + webhook
                  + " answered "
                  + response.statusCode()
                  + ", "
                  + TRIES
                  + " times: the alert is dropped");
      } catch (java.io.IOException e) {
        if (attempt == TRIES)
          log.log(
              "webhook "
                  + webhook
                  + " cannot be reached ("
                  + e.getMessage()
                  + "), "
                  + TRIES
                  + " times: the alert is dropped");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      wait *= 2;
    }
  }
}
