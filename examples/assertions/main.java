import clockwork.*;
import clockwork.resources.*;
import clockwork.assertions.*;

// What must hold once deployed: clockwork assert (or apply --assert) checks it, waiting for readiness.
void main() {
    var db = new DockerResource("db")
        .image("postgres:15-alpine")
        .ports("5433:5432")
        .envVar("POSTGRES_PASSWORD", "example")
        .assertions(new PortAccessibleAssert(5433), new LogContainsAssert("ready to accept connections"));

    var api = new DockerResource("api")
        .image("ghcr.io/example/api:1")
        .ports("8000:8000")
        .connect(db);
    api.assertions(                                      // after the declaration: it names api itself
        new HealthcheckAssert("http://localhost:8000/health", 200, 20),
        new ServiceConnectivityAssert(api, db, 5432));

    var config = new FileResource("app.yaml")
        .directory("config")
        .content("port: 8000\n")
        .mode("600")
        .assertions(
            new FilePermissionsAssert("config/app.yaml", "600"),
            new CustomAssert("names the port", target ->
                Check.of(Files.readString(target.path("config/app.yaml")).contains("port:"), "read it")));

    Clockwork.declare(db, api, config);
}
