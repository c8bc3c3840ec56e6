import clockwork.*;
import clockwork.resources.*;

// Files Clockwork makes, and removes again: clockwork plan shows what apply will do, clockwork
// apply
// does it, clockwork destroy removes exactly what it made.
void main() {
  var readme =
      new FileResource("readme")
          .path("out/README.md")
          .content("# {{name}}\n\nMade by Clockwork.\n");

  var settings =
      new EnvFileResource("settings")
          .path("out/app.env")
          .var("GREETING", "hello")
          .secret("API_TOKEN", Secret.fromEnv("API_TOKEN")); // from .env, never shown in a plan

  Clockwork.declare(readme, settings);
}
