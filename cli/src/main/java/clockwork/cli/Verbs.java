package clockwork.cli;

import clockwork.spi.Action;

/** How actions read in output. */
final class Verbs {
  private Verbs() {}

  static String ing(Action action) {
    return switch (action) {
      case CREATE -> "creating";
      case UPDATE -> "updating";
      case REPLACE -> "replacing";
      case DELETE -> "deleting";
      case SAME -> "checking";
    };
  }

  static String ed(Action action) {
    return switch (action) {
      case CREATE -> "created";
      case UPDATE -> "updated";
      case REPLACE -> "replaced";
      case DELETE -> "deleted";
      case SAME -> "unchanged";
    };
  }

  static String base(Action action) {
    return switch (action) {
      case CREATE -> "create";
      case UPDATE -> "update";
      case REPLACE -> "replace";
      case DELETE -> "delete";
      case SAME -> "keep";
    };
  }
}
