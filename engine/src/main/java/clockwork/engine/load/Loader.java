package clockwork.engine.load;

import clockwork.Clockwork;
import clockwork.Resource;
import clockwork.engine.event.Event;
import clockwork.engine.event.EventListener;
import clockwork.spi.Values;
import com.sun.source.util.JavacTask;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles a project's {@code main.java} against the API module and runs it, collecting what it
 * declares.
 *
 * <p>Compiled classes are cached in a directory named by a hash of everything the compilation
 * depended on (the source, the API classes, the Java version), so an unchanged project is compiled
 * once. Only the newest cache entry is kept.
 *
 * <p>main.java runs inside Clockwork's own process, so it must not end it: as it is compiled, every
 * call it makes to {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt} is rewritten
 * (with the JDK's ClassFile API) into one that throws {@link Clockwork.ExitAttempt}, reported with
 * its line. And it must not hang it: declaring may take up to a timeout, then stops with an error.
 */
public final class Loader {
  private static final String MAIN_CLASS = "main-class";
  private static final String MAIN_SOURCE = "main.java";
  private static final String INPUTS = "inputs.properties";

  private static final ClassDesc CLOCKWORK = ClassDesc.of(Clockwork.class.getName());
  private static final ClassDesc RUNTIME = ClassDesc.of(Runtime.class.getName());
  private static final MethodTypeDesc EXIT_STATIC =
      MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_int);
  private static final MethodTypeDesc EXIT_VIRTUAL =
      MethodTypeDesc.of(ConstantDescs.CD_void, RUNTIME, ConstantDescs.CD_int);

  private final Path cacheDir;
  private final List<Path> classpath;
  private final Duration timeout;
  private final Map<String, String> environment;
  private final EventListener events;

  /**
   * @param cacheDir where compiled classes are kept, created when missing
   * @param declarations the declaration classes of the kinds main.java may use besides the API's,
   *     such as those of a provider another module adds
   * @param timeout how long main.java may take to declare its resources ({@code CW_LOAD_TIMEOUT})
   */
  public Loader(
      Path cacheDir,
      Collection<Class<? extends Resource>> declarations,
      Duration timeout,
      Map<String, String> environment,
      EventListener events) {
    this.cacheDir = cacheDir;
    this.environment = Map.copyOf(environment);
    var locations = new LinkedHashSet<Path>();
    locations.add(location(Resource.class));
    declarations.forEach(type -> locations.add(location(type)));
    this.classpath = List.copyOf(locations);
    this.timeout = timeout;
    this.events = events;
  }

  /**
   * Compiles (unless cached) and runs a main.java.
   *
   * @return what it declared: its resources, in declaration order (never none), and its policy
   * @throws LoadException when it is missing, does not compile, fails, or declares nothing
   */
  public Clockwork.Declared load(Path source) {
    requireSource(source);
    try {
      Inputs inputs =
          new Inputs(sourcesDigest(source), classesFingerprint(), Runtime.version().toString());
      Path classes = cacheDir.resolve(inputs.key());
      if (!Files.exists(classes.resolve(MAIN_CLASS))) {
        events.on(new Event.Compiling(source.getFileName().toString(), reasonToCompile(inputs)));
        compile(source, inputs, classes);
      }
      return run(source, classes, Files.readString(classes.resolve(MAIN_CLASS)).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot load " + source + ": " + e.getMessage(), e);
    }
  }

  /**
   * Fails, saying how to start, when there is no main.java.
   *
   * @throws LoadException when there is none
   */
  public static void requireSource(Path source) {
    if (!Files.isRegularFile(source)) {
      throw new LoadException(source, 0, missingMessage(source), null);
    }
  }

  private static String missingMessage(Path source) {
    if (!Files.isDirectory(source.getParent())) {
      return "The project directory "
          + source.getParent()
          + " does not exist: point --dir at the directory that holds your main.java, or create"
          + " it and start a main.java there";
    }
    return "No main.java in "
        + source.getParent()
        + ". Start one there, such as:\n\n"
        + "    import clockwork.*;\n"
        + "    import clockwork.resources.*;\n\n"
        + "    void main() {\n"
        + "        Clockwork.declare(new FileResource(\"hello.txt\").content(\"Hello\\n\"));\n"
        + "    }\n\n"
        + "or point --dir at the directory that holds your main.java.";
  }

  /** What a compilation depended on; its hash names the cache directory. */
  private record Inputs(String source, String api, String java) {
    String key() {
      return Values.sha256((source + "\n" + api + "\n" + java).getBytes(StandardCharsets.UTF_8))
          .substring(0, 24);
    }

    Properties toProperties() {
      var properties = new Properties();
      properties.setProperty("source", source);
      properties.setProperty("api", api);
      properties.setProperty("java", java);
      return properties;
    }
  }

  /** Why there is no cached compilation: said to the user, as JBang does. */
  private String reasonToCompile(Inputs now) throws IOException {
    Properties before = null;
    if (Files.isDirectory(cacheDir)) {
      try (Stream<Path> entries = Files.list(cacheDir)) {
        for (Path entry : entries.filter(p -> Files.exists(p.resolve(INPUTS))).toList()) {
          before = new Properties();
          try (var in = Files.newInputStream(entry.resolve(INPUTS))) {
            before.load(in);
          }
        }
      }
    }
    if (before == null) return "not compiled before";
    if (!now.source().equals(before.getProperty("source"))) {
      return changed(files(before.getProperty("source", "")), files(now.source()));
    }
    if (!now.api().equals(before.getProperty("api"))) return "Clockwork changed";
    if (!now.java().equals(before.getProperty("java"))) return "Java changed to " + now.java();
    return "the cached classes are incomplete";
  }

  /**
   * The project's own source path: its directory, and its {@code src/} when there is one. As with
   * {@code java main.java} since Java 22, a class main.java uses is compiled from there when it is
   * needed.
   */
  private static List<Path> sourcePath(Path source) {
    Path dir = source.toAbsolutePath().getParent();
    Path src = dir.resolve("src");
    return Files.isDirectory(src) ? List.of(dir, src) : List.of(dir);
  }

  /**
   * Every .java file on the source path with its digest, as {@code main.java=sha256;...}, so that a
   * change to any compiles again.
   */
  private static String sourcesDigest(Path source) throws IOException {
    var all = new StringBuilder();
    List<Path> roots = sourcePath(source);
    for (Path root : roots) {
      // the directory's own files only; src/ whole
      int depth = root.equals(roots.getFirst()) ? 1 : Integer.MAX_VALUE;
      try (Stream<Path> files = Files.walk(root, depth)) {
        for (Path file :
            files
                .filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f))
                .sorted()
                .toList()) {
          all.append(roots.getFirst().relativize(file)).append('=');
          all.append(Values.sha256(Files.readAllBytes(file))).append(';');
        }
      }
    }
    return all.toString();
  }

  private static Map<String, String> files(String digest) {
    var files = new TreeMap<String, String>();
    for (String entry : digest.split(";")) {
      int equals = entry.lastIndexOf('=');
      if (equals > 0) files.put(entry.substring(0, equals), entry.substring(equals + 1));
    }
    return files;
  }

  /** Which source changed, for the reason to compile: main.java first. */
  private static String changed(Map<String, String> before, Map<String, String> now) {
    var names = new ArrayList<String>(List.of(MAIN_SOURCE));
    names.addAll(now.keySet());
    names.addAll(before.keySet());
    for (String name : names) {
      if (Objects.equals(before.get(name), now.get(name))) continue;
      if (!before.containsKey(name)) return name + " was added";
      if (!now.containsKey(name)) return name + " was removed";
      return name + " changed";
    }
    return "its sources changed";
  }

  private void compile(Path source, Inputs inputs, Path classes) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new LoadException(
          source,
          0,
          "Compiling main.java needs a JDK, but Clockwork runs on a Java runtime without a"
              + " compiler ("
              + System.getProperty("java.home")
              + "). Run it with a JDK 25.",
          null);
    }
    Files.createDirectories(cacheDir);
    Path building = Files.createTempDirectory(cacheDir, "compiling-");
    try {
      var diagnostics = new DiagnosticCollector<JavaFileObject>();
      String mainClass;
      try (var files =
          javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
        List<String> options =
            List.of(
                "--release",
                Integer.toString(Runtime.version().feature()),
                "-classpath",
                classpath.stream()
                    .map(Path::toString)
                    .collect(Collectors.joining(File.pathSeparator)),
                "-sourcepath",
                sourcePath(source).stream()
                    .map(Path::toString)
                    .collect(Collectors.joining(File.pathSeparator)),
                "-d",
                building.toString(),
                "-encoding",
                "UTF-8",
                "-proc:none",
                "-g");
        var task =
            (JavacTask)
                javac.getTask(
                    new PrintWriter(Writer.nullWriter()),
                    files,
                    diagnostics,
                    options,
                    null,
                    files.getJavaFileObjects(source));
        Iterable<? extends Element> analyzed = task.analyze();
        failOnErrors(source, diagnostics);
        // The launched class is the first one in the file, as with `java main.java`.
        var declaredClasses = analyzed.iterator();
        if (!declaredClasses.hasNext()) {
          throw new LoadException(
              source,
              0,
              source
                  + " holds no class and no main method: start it with void main() {"
                  + " Clockwork.declare(...); }",
              null);
        }
        mainClass =
            task.getElements().getBinaryName((TypeElement) declaredClasses.next()).toString();
        task.generate();
        failOnErrors(source, diagnostics);
      }
      refuseExits(building);
      Files.writeString(building.resolve(MAIN_CLASS), mainClass);
      try (var out = Files.newOutputStream(building.resolve(INPUTS))) {
        inputs.toProperties().store(out, "what these classes were compiled from");
      }
      publish(building, classes);
    } finally {
      deleteTree(building);
    }
  }

  /**
   * Rewrites main.java's calls that would end the process into calls to {@link
   * Clockwork#refuseExit}, which throw.
   */
  private static void refuseExits(Path classes) throws IOException {
    var classFile = ClassFile.of();
    CodeTransform refuse =
        (code, element) -> {
          if (element instanceof InvokeInstruction call && ends(call)) {
            boolean halt = call.name().equalsString("halt");
            code.invokestatic(
                CLOCKWORK,
                halt ? "refuseHalt" : "refuseExit",
                call.opcode() == Opcode.INVOKESTATIC ? EXIT_STATIC : EXIT_VIRTUAL);
          } else {
            code.with(element);
          }
        };
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        ClassModel model = classFile.parse(Files.readAllBytes(file));
        Files.write(
            file, classFile.transformClass(model, ClassTransform.transformingMethodBodies(refuse)));
      }
    }
  }

  /** Whether a call is {@code System.exit(int)}, {@code Runtime.exit(int)} or {@code halt(int)}. */
  private static boolean ends(InvokeInstruction call) {
    String owner = call.owner().asInternalName();
    String name = call.name().stringValue();
    String type = call.typeSymbol().descriptorString();
    if (!type.equals("(I)V")) return false;
    return owner.equals("java/lang/System") && name.equals("exit")
        || owner.equals("java/lang/Runtime") && (name.equals("exit") || name.equals("halt"));
  }

  /** Moves a finished compilation into place and drops the stale ones. */
  private void publish(Path building, Path classes) throws IOException {
    try {
      Files.move(building, classes, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (!Files.exists(classes.resolve(MAIN_CLASS))) throw e; // else another process won the race
    }
    try (Stream<Path> entries = Files.list(cacheDir)) {
      for (Path stale : entries.filter(p -> !p.equals(classes)).toList()) {
        if (!stale.getFileName().toString().startsWith("compiling-")) deleteTree(stale);
      }
    }
  }

  private static void failOnErrors(Path source, DiagnosticCollector<JavaFileObject> diagnostics)
      throws IOException {
    List<Diagnostic<? extends JavaFileObject>> errors =
        diagnostics.getDiagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .toList();
    if (errors.isEmpty()) return;
    var message = new StringBuilder();
    var files = new java.util.LinkedHashSet<String>();
    for (var error : errors) {
      if (!message.isEmpty()) message.append('\n');
      long line = error.getLineNumber();
      JavaFileObject file = error.getSource();
      String name =
          file == null
              ? source.getFileName().toString()
              : Path.of(file.toUri()).getFileName().toString();
      files.add(name);
      message
          .append(name)
          .append(':')
          .append(line > 0 ? line + ": " : " ")
          .append("error: ")
          .append(error.getMessage(Locale.ROOT));
      List<String> lines =
          file == null ? List.of() : file.getCharContent(true).toString().lines().toList();
      if (line > 0 && line <= lines.size() && error.getColumnNumber() > 0) {
        message.append('\n').append(lines.get((int) line - 1));
        message.append('\n').append(" ".repeat((int) error.getColumnNumber() - 1)).append('^');
      }
    }
    message
        .append('\n')
        .append(errors.size())
        .append(errors.size() == 1 ? " error" : " errors")
        .append(" in ")
        .append(
            files.size() == 1 && files.contains(source.getFileName().toString())
                ? source.toString()
                : String.join(", ", files))
        .append("; fix ")
        .append(errors.size() == 1 ? "it" : "them")
        .append(" and run the command again.");
    throw new LoadException(
        source, (int) errors.getFirst().getLineNumber(), message.toString(), null);
  }

  private Clockwork.Declared run(Path source, Path classes, String mainClass)
      throws MalformedURLException {
    var loader =
        new URLClassLoader(
            "main.java", new URL[] {classes.toUri().toURL()}, Resource.class.getClassLoader());
    Clockwork.Declared declared;
    try {
      Class<?> launched = loader.loadClass(mainClass);
      Runnable main = mainMethod(source, launched);
      declared =
          withDeadline(
              source,
              timeout,
              () ->
                  Clockwork.collect(
                      environment,
                      () -> {
                        main.run();
                        return null;
                      }));
    } catch (ClassNotFoundException e) {
      throw new LoadException(
          source, 0, "The compiled classes of " + source + " are incomplete: " + e, e);
    } catch (MainFailed e) {
      throw threw(source, e.getCause());
    }
    if (declared.resources().isEmpty()) {
      throw new LoadException(
          source,
          0,
          source
              + " declares no resources: call Clockwork.declare(...) with the resources it should"
              + " make, such as Clockwork.declare(new FileResource(\"hello.txt\").content(\"Hi\"))",
          null);
    }
    return declared;
  }

  /**
   * Runs main.java's main in a thread of its own, waiting up to the timeout. A main that does not
   * end is left to the daemon thread it runs in, which ends with the command.
   */
  private static Clockwork.Declared withDeadline(
      Path source, Duration timeout, Supplier<Clockwork.Declared> main) {
    var declared = new CompletableFuture<Clockwork.Declared>();
    Thread.ofPlatform()
        .name("main.java")
        .daemon()
        .start(
            () -> {
              try {
                declared.complete(main.get());
              } catch (Throwable e) {
                declared.completeExceptionally(e);
              }
            });
    try {
      return declared.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new LoadException(
          source,
          0,
          source
              + " did not finish declaring its resources within "
              + timeout.toSeconds()
              + " s (CW_LOAD_TIMEOUT): main runs only to declare them, so make it end (a loop, or"
              + " a wait for something that does not come?), or raise CW_LOAD_TIMEOUT",
          null);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) throw runtime;
      throw new MainFailed(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LoadException(source, 0, "interrupted while running " + source, e);
    }
  }

  /** The user's main threw: point at the line in main.java it came from. */
  private static LoadException threw(Path source, Throwable failure) {
    String file = source.getFileName().toString();
    int line = 0;
    for (StackTraceElement frame : failure.getStackTrace()) {
      if (file.equals(frame.getFileName())) {
        line = frame.getLineNumber();
        break;
      }
    }
    String where = file + (line > 0 ? ":" + line : "");
    if (failure instanceof Clockwork.ExitAttempt exit) {
      return new LoadException(
          source,
          line,
          where
              + ": main calls "
              + exit.getMessage()
              + ", which would end Clockwork itself: main.java runs inside the clockwork command"
              + " only to declare resources, so remove the call (throw an exception to stop"
              + " with an error)",
          failure);
    }
    return new LoadException(
        source,
        line,
        where
            + ": main failed with "
            + failure.getClass().getSimpleName()
            + (failure.getMessage() == null ? "" : ": " + failure.getMessage()),
        failure);
  }

  /** Thrown out of the launched main, to be unwrapped by {@link #run}. */
  private static final class MainFailed extends RuntimeException {
    MainFailed(Throwable cause) {
      super(cause);
    }
  }

  /**
   * Finds main as the {@code java} launcher does (JEP 512): {@code main(String[])} before {@code
   * main()}, static or not, inherited or not, but not private; an instance main gets an instance
   * made with the no-argument constructor.
   */
  private static Runnable mainMethod(Path source, Class<?> launched) {
    Method main = findMain(launched, String[].class);
    if (main == null) main = findMain(launched);
    if (main == null) {
      throw new LoadException(
          source,
          0,
          source
              + " has no main method in its first class, "
              + launched.getName()
              + ": add void main() { Clockwork.declare(...); }",
          null);
    }
    Method chosen = main;
    chosen.setAccessible(true);
    Object[] arguments =
        chosen.getParameterCount() == 1 ? new Object[] {new String[0]} : new Object[0];
    return () -> {
      try {
        Object target = null;
        if (!Modifier.isStatic(chosen.getModifiers())) {
          Constructor<?> constructor = launched.getDeclaredConstructor();
          constructor.setAccessible(true);
          target = constructor.newInstance();
        }
        chosen.invoke(target, arguments);
      } catch (InvocationTargetException e) {
        throw new MainFailed(e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new MainFailed(e);
      }
    };
  }

  private static Method findMain(Class<?> type, Class<?>... parameters) {
    for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
      try {
        Method method = k.getDeclaredMethod("main", parameters);
        if (!Modifier.isPrivate(method.getModifiers())) return method;
      } catch (NoSuchMethodException e) {
        // look in the superclass
      }
    }
    return null;
  }

  /** Where a class was loaded from: a jar when installed, a directory in a development build. */
  private static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
    }
  }

  /**
   * Changes whenever the declaration classes change, so main.java is recompiled against them: the
   * name, size and time of each file, as the JVM checks its own class caches (digesting the jar
   * cost every command milliseconds).
   */
  private String classesFingerprint() throws IOException {
    var listing = new StringBuilder();
    for (Path location : classpath) {
      try (Stream<Path> files = Files.walk(location)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          listing
              .append(location.getFileName())
              .append('/')
              .append(location.relativize(file))
              .append(' ')
              .append(Files.size(file))
              .append(' ')
              .append(Files.getLastModifiedTime(file).toMillis())
              .append('\n');
        }
      }
    }
    return Values.sha256(listing.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
