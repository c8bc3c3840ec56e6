package clockwork.engine.provider.file;

/**
 * A file as it should be.
 *
 * @param path relative to the project directory when inside it (so state survives moving the
 *     project), absolute otherwise
 * @param content the content, written as UTF-8
 * @param mode three octal digits, such as {@code 644}
 */
public record FileSpec(String path, String content, String mode) {}
