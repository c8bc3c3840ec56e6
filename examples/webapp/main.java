import clockwork.*;
import clockwork.resources.*;

// A database and an API as one composite, on the project's network.
void main() {
    var db = new DockerResource("db")
        .image("postgres:15-alpine")
        .ports("5432:5432")
        .envVar("POSTGRES_PASSWORD", "example");

    var api = new DockerResource("api")
        .image("ghcr.io/example/api:1")
        .ports("8000:8000")
        .connect(db);                      // db first; api gets DB_HOST=webapp.db and DB_PORT=5432

    var webapp = new BlankResource("webapp").add(db, api);
    webapp.children().get("db", DockerResource.class).ports("5433:5432");   // change a child later

    Clockwork.declare(webapp);
}
