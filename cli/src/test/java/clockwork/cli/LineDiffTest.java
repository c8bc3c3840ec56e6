package clockwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineDiffTest {
  @TempDir Path dir;

  @Test
  void unified_isWhatDiffUShows_forChangesFarApartAndClose() throws Exception {
    List<String> before = numbered(1, 30);
    List<String> after = new ArrayList<>(before);
    after.set(1, "2 changed");
    after.remove(5);
    after.add(20, "inserted");
    after.set(28, "29 changed");

    assertThat(LineDiff.unified(before, after)).isEqualTo(diffU(before, after));
  }

  @Test
  void unified_turnsTheOldLinesIntoTheNew_forRandomEdits() {
    var random = new Random(14);
    for (int trial = 0; trial < 200; trial++) {
      List<String> before = new ArrayList<>();
      for (int i = random.nextInt(30); i > 0; i--) before.add("l" + random.nextInt(6));
      List<String> after = new ArrayList<>(before);
      for (int i = random.nextInt(6); i > 0; i--) {
        int at = after.isEmpty() ? 0 : random.nextInt(after.size());
        switch (random.nextInt(3)) {
          case 0 -> after.add(at, "new" + random.nextInt(6));
          case 1 -> {
            if (!after.isEmpty()) after.remove(at);
          }
          default -> {
            if (!after.isEmpty()) after.set(at, "set" + random.nextInt(6));
          }
        }
      }

      List<String> diff = LineDiff.unified(before, after);

      assertThat(patch(before, diff)).as("trial %d: %s", trial, diff).isEqualTo(after);
      assertThat(diff.isEmpty()).isEqualTo(before.equals(after));
    }
  }

  /** Applies a unified diff's hunks, checking each kept and removed line is where it says. */
  private static List<String> patch(List<String> before, List<String> diff) {
    var after = new ArrayList<String>();
    int next = 0;
    for (String line : diff) {
      if (line.startsWith("@@")) {
        String old = line.split(" ")[1].substring(1);
        int start = Integer.parseInt(old.split(",")[0]);
        int count = old.contains(",") ? Integer.parseInt(old.split(",")[1]) : 1;
        int from = count == 0 ? start : start - 1;
        while (next < from) after.add(before.get(next++));
      } else if (line.charAt(0) == '+') {
        after.add(line.substring(1));
      } else {
        assertThat(before.get(next)).isEqualTo(line.substring(1));
        if (line.charAt(0) == ' ') after.add(before.get(next));
        next++;
      }
    }
    while (next < before.size()) after.add(before.get(next++));
    return after;
  }

  /** What GNU diff -u says, without its two file headers. */
  private List<String> diffU(List<String> before, List<String> after)
      throws IOException, InterruptedException {
    Path a = Files.write(dir.resolve("a"), before);
    Path b = Files.write(dir.resolve("b"), after);
    Process diff = new ProcessBuilder("diff", "-u", a.toString(), b.toString()).start();
    List<String> lines = new String(diff.getInputStream().readAllBytes()).lines().toList();
    diff.waitFor();
    return lines.subList(2, lines.size());
  }

  private static List<String> numbered(int from, int to) {
    var lines = new ArrayList<String>();
    for (int i = from; i <= to; i++) lines.add(String.valueOf(i));
    return lines;
  }
}
