package clockwork.engine.model;

import clockwork.engine.error.ExitCode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A model behind any OpenAI-compatible chat completions endpoint (OpenRouter, OpenAI, LM Studio,
 * Ollama, llama.cpp), through LangChain4j. Answers are asked for as strict {@code json_schema}
 * output; an endpoint that refuses that is asked again in JSON mode, with the schema in the
 * conversation, for the rest of the run.
 */
public final class OpenAiModelClient implements ModelClient {
  private final OpenAiChatModel chat;
  private final String model;
  private final String baseUrl;
  private final int maxRetries;
  private final Duration backoff;
  private final AtomicBoolean jsonModeOnly = new AtomicBoolean();

  /**
   * @param apiKey {@code null} for endpoints that need none (a local server)
   * @param timeout how long one request may take
   * @param maxRetries how often to retry a rate limit, server error or timeout
   * @param backoff the wait before the first retry, doubled for each next one
   */
  public OpenAiModelClient(
      String baseUrl,
      String apiKey,
      String model,
      Duration timeout,
      int maxRetries,
      Duration backoff) {
    this.model = model;
    this.baseUrl = baseUrl;
    this.maxRetries = maxRetries;
    this.backoff = backoff;
    this.chat =
        OpenAiChatModel.builder()
            .baseUrl(baseUrl)
            .apiKey(apiKey == null ? "none" : apiKey)
            .modelName(model)
            .timeout(timeout)
            .maxRetries(0) // retried here, where the backoff and the messages are ours
            .strictJsonSchema(true)
            .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
            .build();
  }

  @Override
  public String model() {
    return model;
  }

  @Override
  public String ask(List<Message> conversation, AnswerFormat format) {
    for (int attempt = 0; ; attempt++) {
      try {
        return chat(conversation, format);
      } catch (AuthenticationException e) {
        throw failure(
            "the API key was refused ("
                + reason(e)
                + "). Set a valid key in CW_API_KEY (environment or .env) or with --api-key",
            ExitCode.INVALID_INPUT,
            e);
      } catch (ModelNotFoundException e) {
        throw failure(
            "it has no model \""
                + model
                + "\" ("
                + reason(e)
                + "). Set CW_MODEL (or --model) to a model it serves",
            ExitCode.INVALID_INPUT,
            e);
      } catch (RuntimeException e) {
        if (unreachable(e)) {
          throw failure(
              "it cannot be reached ("
                  + rootMessage(e)
                  + "). Check CW_BASE_URL (or --base-url) and that the server is running",
              ExitCode.FAILED,
              e);
        }
        if (!retriable(e)) throw failure(reason(e), ExitCode.FAILED, e);
        if (attempt == maxRetries) {
          throw failure(
              reason(e) + ", " + (maxRetries + 1) + " attempts in all", ExitCode.FAILED, e);
        }
        sleep(backoff.multipliedBy(1L << Math.min(attempt, 5)));
      }
    }
  }

  /** Rate limits, server errors and timeouts, ours included, are worth asking again. */
  private static boolean retriable(RuntimeException e) {
    return e instanceof RetriableException || hasCause(e, HttpTimeoutException.class);
  }

  /** One request; a refused strict schema switches to JSON mode and asks again. */
  private String chat(List<Message> conversation, AnswerFormat format) {
    if (!jsonModeOnly.get()) {
      try {
        return send(conversation, strict(format));
      } catch (InvalidRequestException e) {
        jsonModeOnly.set(true);
      }
    }
    var withSchema = new ArrayList<>(conversation);
    withSchema.add(
        Message.system(
            "Answer with one JSON object that matches this JSON schema:\n" + format.schema()));
    return send(withSchema, ResponseFormat.JSON);
  }

  private String send(List<Message> conversation, ResponseFormat responseFormat) {
    var request =
        ChatRequest.builder()
            .messages(conversation.stream().map(OpenAiModelClient::message).toList())
            .responseFormat(responseFormat)
            .build();
    String text = chat.chat(request).aiMessage().text();
    return text == null ? "" : text;
  }

  private static ResponseFormat strict(AnswerFormat format) {
    return ResponseFormat.builder()
        .type(ResponseFormatType.JSON)
        .jsonSchema(
            JsonSchema.builder()
                .name(format.name())
                .rootElement(JsonRawSchema.from(format.schema().toString()))
                .build())
        .build();
  }

  private static ChatMessage message(Message message) {
    return switch (message.role()) {
      case SYSTEM -> SystemMessage.from(message.text());
      case USER -> UserMessage.from(message.text());
      case ASSISTANT -> AiMessage.from(message.text());
    };
  }

  private ModelException failure(String what, ExitCode exitCode, Throwable cause) {
    return new ModelException(
        "No answer from the model endpoint " + baseUrl + ": " + what + ".", exitCode, cause);
  }

  private String reason(Throwable e) {
    if (hasCause(e, HttpTimeoutException.class)) {
      return "no answer within the timeout; raise CW_COMPLETION_TIMEOUT (seconds) for slow models";
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof HttpException http) {
        return "HTTP " + http.statusCode() + ": " + shorten(http.getMessage());
      }
    }
    return shorten(rootMessage(e));
  }

  private static boolean unreachable(Throwable e) {
    return hasCause(e, ConnectException.class) || hasCause(e, UnresolvedAddressException.class);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) return true;
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) root = root.getCause();
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  private static String shorten(String text) {
    if (text == null) return "";
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() <= 300 ? line : line.substring(0, 300) + "…";
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to ask the model again", e);
    }
  }
}
