import clockwork.*;
import clockwork.resources.*;

// Mixed: each resource chooses its own level, inside one composite.
void main() {
    var db = new DockerResource("db")                  // full control
        .image("postgres:15-alpine")
        .ports("5433:5432")                     // the host may run its own PostgreSQL on 5432
        .envVar("POSTGRES_PASSWORD", "example");

    var api = new DockerResource("api")                // hybrid: the model picks the image
        .description("HTTP API backed by the database")
        .ports("8000:8000")
        .connect(db);                                  // the model sees db's image, ports, variable names

    var config = new FileResource("api.yaml")          // fast: generated content
        .directory("config")
        .description("settings for the API: log level info, request timeout 30 s")
        .size(FileResource.Size.SMALL);

    Clockwork.declare(new BlankResource("shop").add(db, api, config));
}
