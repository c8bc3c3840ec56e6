import clockwork.*;
import clockwork.resources.*;

// Fast: a description only; the model decides the rest.
void main() {
    Clockwork.declare(
        new DockerResource("web").description("a static web server on host port 8080"),
        new FileResource("robots.txt").description("allow every crawler, except on /admin"));
}
