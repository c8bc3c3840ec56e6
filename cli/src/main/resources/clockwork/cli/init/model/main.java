import clockwork.*;
import clockwork.resources.*;

// The model fills in what main.java leaves out: the image, its settings, a file's content. The plan
// marks each value it chose (# chosen by MODEL); clockwork.lock pins them, so commit it.
void main() {
  var cache =
      new DockerResource("cache").description("Redis cache for session data").ports("6379:6379");

  var notes =
      new FileResource("notes")
          .path("out/NOTES.md")
          .description("how to connect to the cache on localhost:6379, in three lines");

  Clockwork.declare(cache, notes);
}
