package clockwork.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified line diff, as {@code diff -u} shows one: hunks of changed lines with three lines of
 * context around them, under {@code @@ -a,b +c,d @@} headers.
 */
final class LineDiff {
  private static final int CONTEXT = 3;

  /** Past this many cells the longest common subsequence is too dear: every line changes. */
  private static final long MOST_CELLS = 4_000_000;

  private LineDiff() {}

  /** The diff's lines: headers, then lines marked {@code ' '}, {@code '-'} or {@code '+'}. */
  static List<String> unified(List<String> before, List<String> after) {
    List<String> edits = edits(before, after);
    var out = new ArrayList<String>();
    int i = 0;
    while (i < edits.size()) {
      if (edits.get(i).charAt(0) == ' ') {
        i++;
        continue;
      }
      // a hunk: from CONTEXT lines before this change to CONTEXT lines after the last change
      // that is no more than 2 * CONTEXT unchanged lines from the one before it
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      int quiet = 0;
      for (int j = i; j < edits.size() && quiet <= 2 * CONTEXT; j++) {
        if (edits.get(j).charAt(0) == ' ') {
          quiet++;
        } else {
          quiet = 0;
          end = j;
        }
      }
      int stop = Math.min(edits.size(), end + 1 + CONTEXT);
      out.add(header(edits, start, stop));
      out.addAll(edits.subList(start, stop));
      i = stop;
    }
    return out;
  }

  private static String header(List<String> edits, int start, int stop) {
    int oldLine = 1;
    int newLine = 1;
    for (String edit : edits.subList(0, start)) {
      if (edit.charAt(0) != '+') oldLine++;
      if (edit.charAt(0) != '-') newLine++;
    }
    int oldCount = 0;
    int newCount = 0;
    for (String edit : edits.subList(start, stop)) {
      if (edit.charAt(0) != '+') oldCount++;
      if (edit.charAt(0) != '-') newCount++;
    }
    return "@@ -" + range(oldLine, oldCount) + " +" + range(newLine, newCount) + " @@";
  }

  private static String range(int line, int count) {
    return count == 1 ? String.valueOf(line) : (count == 0 ? line - 1 : line) + "," + count;
  }

  /**
   * Every line of both, marked: kept, removed or added, in order (a longest common subsequence).
   */
  private static List<String> edits(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    var edits = new ArrayList<String>();
    if ((long) n * m > MOST_CELLS) {
      a.forEach(line -> edits.add("-" + line));
      b.forEach(line -> edits.add("+" + line));
      return edits;
    }
    int[][] common = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        common[i][j] =
            a.get(i).equals(b.get(j))
                ? common[i + 1][j + 1] + 1
                : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        edits.add(" " + a.get(i++));
        j++;
      } else if (j < m && (i == n || common[i][j + 1] > common[i + 1][j])) {
        edits.add("+" + b.get(j++));
      } else {
        edits.add("-" + a.get(i++));
      }
    }
    return edits;
  }
}
