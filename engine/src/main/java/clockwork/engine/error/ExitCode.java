package clockwork.engine.error;

/** The exit codes of every command, documented in the README. */
public enum ExitCode {
  /** Done, and nothing failed. */
  OK(0),
  /** Something could not be done: a change failed, reality could not be observed. */
  FAILED(1),
  /** {@code plan --detailed-exitcode} only: the plan has changes. */
  CHANGES(2),
  /** Another command holds the project's state lock. */
  LOCKED(3),
  /** main.java, a resource or a flag is wrong; nothing was changed. */
  INVALID_INPUT(4);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
