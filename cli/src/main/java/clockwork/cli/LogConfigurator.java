package clockwork.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOP_FallbackServiceProvider;

/**
 * Logging for the libraries Clockwork uses (docker-java, its HTTP client): to standard error, at
 * {@code CW_LOG_LEVEL} (default OFF, so a normal run prints only Clockwork's own output: no
 * library's warning or stack trace reaches the terminal unless asked for), from the environment at
 * first and from every place settings come from once they are read. Set in code rather than an XML
 * file, which costs start-up time.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {
  private static final String DOCKER_COMMANDS = "com.github.dockerjava.core.command";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    var encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%level %logger{24}: %msg%n");
    encoder.start();
    var appender = new ConsoleAppender<ILoggingEvent>();
    appender.setContext(context);
    appender.setTarget("System.err");
    appender.setEncoder(encoder);
    appender.start();
    var root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.addAppender(appender);
    apply(context, Level.toLevel(System.getenv("CW_LOG_LEVEL"), Level.OFF));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /**
   * Sets the level once the settings are known, which may come from a flag or {@code .env}. When
   * nothing is to be logged (the default), the libraries get SLF4J's no-op logger rather than
   * logback, whose start (its status printer reads the time-zone database) costs every command tens
   * of milliseconds; that holds as long as nothing has logged yet, which is so on every path.
   */
  static void setLevel(String level) {
    Level wanted = Level.toLevel(level, Level.OFF);
    if (wanted == Level.OFF) {
      System.setProperty("slf4j.provider", NOP_FallbackServiceProvider.class.getName());
      System.setProperty("slf4j.internal.verbosity", "WARN"); // not a line saying it was chosen
    }
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) apply(context, wanted);
  }

  /**
   * docker-java logs every command whole at DEBUG, a container's environment included, so its
   * commands are never logged below INFO, whatever the level.
   */
  private static void apply(LoggerContext context, Level level) {
    context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(level);
    context
        .getLogger(DOCKER_COMMANDS)
        .setLevel(level.isGreaterOrEqual(Level.INFO) ? null : Level.INFO);
  }
}
