import clockwork.*;
import clockwork.resources.*;

// Hybrid: the ports are yours; the model picks the image (and anything else left out),
// and clockwork.lock pins its choice until something it depended on changes.
void main() {
    var cache = new DockerResource("cache")
        .description("Redis cache for session data")
        .ports("6379:6379")
        .envVars(Map.of());                // given empty: no environment, not the model's to fill

    Clockwork.declare(cache);
}
