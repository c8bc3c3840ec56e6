package clockwork.engine.provider.file;

import clockwork.resources.FileResource;
import clockwork.spi.Declaration;
import clockwork.spi.Fillable;
import java.util.List;

/**
 * Files with the given (or generated) content.
 *
 * <p>Artifacts: {@code dir:PATH} for a directory Clockwork created, {@code file:PATH} for a file it
 * created, {@code adopted:PATH} for a file that was already there with exactly the declared content
 * and mode, which Clockwork then manages but never deletes. Paths inside the project are relative
 * to it.
 */
public final class FileProvider extends FileWritingProvider<FileResource> {
  /** How long a file a model writes may be: 128 KiB, far more than a large config file. */
  private static final int LONGEST_CONTENT = 128 * 1024;

  private static final List<Fillable> FILLABLE =
      List.of(
          new Fillable(
              FileResource.CONTENT,
              Fillable.Shape.TEXT,
              "the whole file, as its description says; as long as the size hint says (small: up to"
                  + " about 50 lines, medium: 50 to 200, large: more), short when there is none",
              LONGEST_CONTENT),
          new Fillable(
                  FileResource.MODE,
                  Fillable.Shape.TEXT,
                  "permissions as three octal digits: 644 for most files, 755 for scripts, 600"
                      + " for private ones")
              .heldTo(Fillable.Rule.FILE_MODE));

  public FileProvider() {
    super("file", FileResource.class);
  }

  @Override
  public List<Fillable> fillable() {
    return FILLABLE;
  }

  @Override
  public FileSpec desired(FileResource file, Declaration declaration) {
    return spec(
        declaration,
        file.name(),
        file.directory(),
        file.path(),
        file.mode(),
        file.content(),
        List.of());
  }
}
