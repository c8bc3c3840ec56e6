package clockwork.engine.provider.docker;

import clockwork.spi.Context;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.PullResponseItem;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The images on a Docker engine, and pulling those it lacks: which references the engine answers to
 * (normalised, so that {@code nginx} and {@code docker.io/library/nginx:latest} are one), and a
 * pull that reports its progress and fails with what Docker said. Observing, checking a model's
 * choice and preparing an apply all need them.
 */
final class ImagePulls {
  private ImagePulls() {}

  /** Every reference the engine's images answer to, normalised. */
  static Set<String> references(DockerClient docker) {
    var references = new HashSet<String>();
    for (Image image : docker.listImagesCmd().exec()) {
      references.add(image.getId());
      if (image.getRepoTags() != null)
        for (String tag : image.getRepoTags()) references.add(normalise(tag));
      if (image.getRepoDigests() != null)
        for (String digest : image.getRepoDigests()) references.add(normalise(digest));
    }
    return references;
  }

  /** An image reference as the engine lists it: no default registry, a tag unless a digest. */
  static String normalise(String reference) {
    String r = reference;
    for (String prefix :
        List.of("docker.io/library/", "docker.io/", "index.docker.io/library/", "library/")) {
      if (r.startsWith(prefix)) {
        r = r.substring(prefix.length());
        break;
      }
    }
    if (r.startsWith("sha256:") || r.contains("@")) return r;
    int slash = r.lastIndexOf('/');
    return r.indexOf(':', slash + 1) < 0 ? r + ":latest" : r;
  }

  static void pull(DockerClient docker, String image, Context context) {
    String reference = normalise(image);
    int at = reference.indexOf('@');
    int colon = reference.lastIndexOf(':');
    String repository = at >= 0 ? reference.substring(0, at) : reference.substring(0, colon);
    String tag = at >= 0 ? reference.substring(at + 1) : reference.substring(colon + 1);
    context.report("pulling image " + image);
    var progress = new PullProgress(image, context);
    try {
      docker
          .pullImageCmd(repository)
          .withTag(tag)
          .exec(progress)
          .awaitCompletion(30, TimeUnit.MINUTES);
      progress.throwFailure();
    } catch (DockerException | DockerClientException e) {
      String reason =
          e instanceof DockerException d ? DockerEngine.dockerMessage(d) : e.getMessage();
      throw new PullFailed(image, reason.replaceFirst("^Could not pull image: ", ""), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while pulling " + image, e);
    }
    context.report("pulled image " + image);
  }

  /** An image is not on the engine and cannot be pulled. */
  static final class PullFailed extends IllegalStateException {
    final String reason;

    PullFailed(String image, String reason, Exception cause) {
      super(
          "image \""
              + image
              + "\" is not on the Docker engine and cannot be pulled ("
              + reason
              + "): build or load it there (docker build, docker load), or correct its name",
          cause);
      this.reason = reason;
    }
  }

  /**
   * Reports a pull's progress in steps of a tenth, adding up the layers' bytes. A failure is kept
   * for the pull to report, rather than logged with its stack trace as docker-java's callbacks do.
   */
  private static final class PullProgress extends PullImageResultCallback {
    private final String image;
    private final Context context;
    private final Map<String, long[]> layers = new HashMap<>();
    private int reportedTenths;
    private volatile RuntimeException failure;

    @Override
    public void onError(Throwable throwable) {
      failure =
          throwable instanceof RuntimeException runtime
              ? runtime
              : new DockerClientException(throwable.getMessage(), throwable);
      try {
        close();
      } catch (IOException e) {
        // the stream is gone already
      }
    }

    void throwFailure() {
      if (failure != null) throw failure;
    }

    PullProgress(String image, Context context) {
      this.image = image;
      this.context = context;
    }

    @Override
    public void onNext(PullResponseItem item) {
      super.onNext(item);
      var detail = item.getProgressDetail();
      if (item.getId() == null
          || detail == null
          || detail.getTotal() == null
          || detail.getTotal() <= 0) return;
      layers.put(
          item.getId(),
          new long[] {detail.getCurrent() == null ? 0 : detail.getCurrent(), detail.getTotal()});
      long current = layers.values().stream().mapToLong(l -> l[0]).sum();
      long total = layers.values().stream().mapToLong(l -> l[1]).sum();
      int tenths = (int) (10 * current / total);
      if (tenths > reportedTenths) {
        reportedTenths = tenths;
        context.report("pulling image " + image + ": " + (tenths * 10) + "%");
      }
    }
  }
}
