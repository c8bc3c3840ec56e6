// Checks or rewrites the Java sources under the given folders with google-java-format.
// Run by the root pom on the JDK 25 toolchain: `check` fails the build on an unformatted file,
// `replace` (mvn validate -Dformat=replace) rewrites them.
import com.google.googlejavaformat.java.Formatter;
import com.google.googlejavaformat.java.FormatterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

void main(String[] args) throws IOException, FormatterException {
    boolean replace = switch (args[0]) {
        case "check" -> false;
        case "replace" -> true;
        default -> throw new IllegalArgumentException("format must be check or replace, not " + args[0]);
    };
    var formatter = new Formatter();
    List<Path> unformatted = new ArrayList<>();
    for (String root : List.of(args).subList(1, args.length)) {
        if (!Files.isDirectory(Path.of(root))) continue;
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(Path.of(root))) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path source : sources) {
            String text = Files.readString(source);
            // a second pass can reflow what the first one joined: format until nothing changes
            String formatted = formatter.formatSourceAndFixImports(text);
            for (String again; !(again = formatter.formatSourceAndFixImports(formatted)).equals(formatted); ) {
                formatted = again;
            }
            if (formatted.equals(text)) continue;
            unformatted.add(source);
            if (replace) Files.writeString(source, formatted);
        }
    }
    if (replace) {
        IO.println("Formatted " + unformatted.size() + " file(s).");
    } else if (!unformatted.isEmpty()) {
        unformatted.forEach(p -> IO.println("Not formatted: " + p));
        IO.println("Run `mvn validate -Dformat=replace` to format them.");
        System.exit(1);
    }
}
