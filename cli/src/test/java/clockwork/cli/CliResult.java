package clockwork.cli;

/** What a run of the clockwork command printed, and how it exited. */
record CliResult(int exitCode, String out, String err) {
  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
  }
}
