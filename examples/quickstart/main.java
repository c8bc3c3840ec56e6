import clockwork.*;
import clockwork.resources.*;

// The smallest Clockwork project: two files, in directories Clockwork creates and removes again.
void main() {
    var readme = new FileResource("README.md")
        .directory("scratch")
        .content("# My Project\n\nMade by Clockwork.\n");

    var config = new FileResource("app-config")
        .path("scratch/config/app.properties")
        .content("greeting=hello\n")
        .mode("600");

    Clockwork.declare(readme, config);
}
