package clockwork.engine.model;

import java.util.List;

/**
 * A language model behind an OpenAI-compatible endpoint, as Clockwork uses one: asked a
 * conversation, it answers with one JSON object in a given format. Implementations are thread-safe.
 */
public interface ModelClient {
  /** The model's name, as the endpoint knows it; part of what an answer depends on. */
  String model();

  /**
   * Asks for an answer, retrying what the endpoint says is worth retrying (rate limits, server
   * errors, timeouts).
   *
   * @return the answer's text, which is untrusted: the caller checks it
   * @throws ModelException when no answer came, saying why and what to do
   */
  String ask(List<Message> conversation, AnswerFormat format);
}
