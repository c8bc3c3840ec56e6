import clockwork.*;
import clockwork.resources.*;

// Full control: every field given, so no model is ever asked and no API key is needed.
void main() {
    var site = new FileResource("index.html")
        .directory("site")
        .content("<h1>Hello from Clockwork</h1>\n");

    var web = new DockerResource("web")
        .image("nginx:1.27-alpine")
        .ports("8080:80")
        .volumes("./site:/usr/share/nginx/html:ro")
        .connect(site);

    Clockwork.declare(site, web);
}
