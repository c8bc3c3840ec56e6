import clockwork.*;
import clockwork.resources.*;
import java.time.Duration;

// Kept as declared by the service: clockwork service register --dir examples/healing
void main() {
    // every resource of the project: checked every 10 s, drift reported and not healed
    Clockwork.policy(Policy.watch().checkEvery(Duration.ofSeconds(10)));

    var config = new FileResource("app.conf")
        .directory("scratch")
        .content("mode=production\n")
        // written back when edited by hand, at most 3 times an hour
        .policy(Policy.autoCorrect().fixesPerHour(3));

    var notes = new FileResource("notes.txt")
        .directory("scratch")
        .content("edit me\n")
        // the service leaves it alone
        .policy(Policy.watch().reconcile(false));

    Clockwork.declare(config, notes);
}
