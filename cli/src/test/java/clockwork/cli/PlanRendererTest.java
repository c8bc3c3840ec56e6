package clockwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.apply.ApplyResult;
import clockwork.engine.plan.Change;
import clockwork.engine.plan.Plan;
import clockwork.spi.Action;
import clockwork.spi.Diff;
import clockwork.spi.FieldChange;
import clockwork.spi.Project;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanRendererTest {
  private static final Project PROJECT = new Project("p", null, Path.of("/p"));

  private static Change change(
      String id, Action action, boolean drift, String note, FieldChange... fields) {
    return new Change(
        id,
        "file",
        new Diff(action, List.of(fields), drift, note),
        null,
        null,
        List.of(),
        List.of(),
        false,
        null);
  }

  @Test
  void render_showsEachChangeWithAlignedFields_andTheSummary() {
    var plan =
        new Plan(
            PROJECT,
            List.of(),
            List.of(
                change("same", Action.SAME, false, null),
                change(
                    "new.txt",
                    Action.CREATE,
                    false,
                    null,
                    FieldChange.added("path", "\"new.txt\""),
                    FieldChange.added("content", "\"hi\"")),
                change(
                    "edited",
                    Action.UPDATE,
                    true,
                    null,
                    FieldChange.changed("mode", "\"777\"", "\"644\"")),
                change(
                    "moved",
                    Action.REPLACE,
                    false,
                    null,
                    FieldChange.replacing("path", "\"a\"", "\"b\"")),
                change("gone", Action.DELETE, false, "kept in place; Clockwork forgets it")));

    assertThat(PlanRenderer.render(plan, "nothing"))
        .isEqualTo(
            """
              + new.txt (file)
                  path:    "new.txt"
                  content: "hi"

              ~ edited (file)  # changed outside Clockwork
                  mode: "777" → "644"

              -/+ moved (file)
                  path: "a" → "b"  # forces replacement

              - gone (file)  # kept in place; Clockwork forgets it

            Plan: 1 to create, 1 to update, 1 to replace, 1 to delete.
            """);
  }

  @Test
  void render_showsChangesInsideTheTreeOfTheirComposites() {
    var db =
        new Change(
            "site.backend.db",
            "docker",
            new Diff(Action.CREATE, List.of(FieldChange.added("image", "\"db:1\"")), false, null),
            null,
            null,
            List.of(),
            List.of("site", "site.backend"),
            false,
            null);
    var web =
        new Change(
            "site.web",
            "docker",
            new Diff(Action.CREATE, List.of(), false, null),
            null,
            null,
            List.of(),
            List.of("site"),
            false,
            null);
    var notes = change("notes.txt", Action.CREATE, false, null);

    assertThat(
            PlanRenderer.render(
                new Plan(PROJECT, List.of("Engine: here"), List.of(db, web, notes)), "-"))
        .isEqualTo(
            """
            Engine: here

              site
                backend
                  + db (docker)
                      image: "db:1"

                + web (docker)

              + notes.txt (file)

            Plan: 3 to create, 0 to update, 0 to replace, 0 to delete.
            """);
  }

  @Test
  void render_saysSo_whenThereIsNothingToDo() {
    assertThat(
            PlanRenderer.render(
                new Plan(PROJECT, List.of(), List.of(change("a", Action.SAME, false, null))),
                "No changes."))
        .isEqualTo("No changes.\n");
  }

  @Test
  void resultRenderer_summarisesAFailedApply_listingEachFailure() {
    var result =
        new ApplyResult(
            List.of(new ApplyResult.Done("a", Action.CREATE, false)),
            List.of(new ApplyResult.Failed("b", Action.UPDATE, "permission denied: /x/b")),
            List.of(new ApplyResult.Skipped("c", Action.CREATE, "b")));

    assertThat(ResultRenderer.render("Apply", result))
        .isEqualTo(
            """

            Apply failed: 1 created, 0 updated, 0 replaced, 0 deleted; 1 failed, 1 skipped.
              b: could not update: permission denied: /x/b
            State holds every change that succeeded; fix the problem and run apply again.
            """);
  }

  @Test
  void resultRenderer_countsForgottenFilesApartOnDestroy() {
    var result =
        new ApplyResult(
            List.of(
                new ApplyResult.Done("a", Action.DELETE, false),
                new ApplyResult.Done("b", Action.DELETE, true)),
            List.of(),
            List.of());

    assertThat(ResultRenderer.render("Destroy", result))
        .isEqualTo("\nDestroy complete: 1 deleted, 1 kept in place and forgotten.\n");
  }
}
