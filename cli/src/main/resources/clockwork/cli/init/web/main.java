import clockwork.*;
import clockwork.assertions.*;
import clockwork.resources.*;

// A web server and its database, in containers on the project's network; clockwork apply --assert
// checks that the page answers.
void main() {
  var db =
      new DockerResource("db")
          .image("postgres:16-alpine")
          .envVar("POSTGRES_PASSWORD", Secret.fromEnv("DB_PASSWORD")) // from .env
          .healthcheckExec("pg_isready", "-U", "postgres");

  var page = new FileResource("page").path("site/index.html").content("<h1>{{name}}</h1>\n");

  var web =
      new DockerResource("web")
          .image("nginx:1.27-alpine")
          .ports("8080:80")
          .volumes("./site:/usr/share/nginx/html:ro")
          .connect(db) // db first; web gets DB_HOST and DB_PORT
          .dependsOn(page) // the page is written first
          .assertions(new HealthcheckAssert("http://localhost:8080/", 200, 30));

  Clockwork.declare(new BlankResource("{{name}}").add(db, page, web));
}
