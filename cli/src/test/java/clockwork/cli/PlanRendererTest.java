package clockwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.apply.ApplyResult;
import clockwork.engine.plan.Change;
import clockwork.engine.plan.Plan;
import clockwork.engine.provider.container.ContainerFields;
import clockwork.spi.Action;
import clockwork.spi.Diff;
import clockwork.spi.FieldChange;
import clockwork.spi.Project;
import clockwork.spi.Sensitive;
import clockwork.spi.Values;
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

  private static Plan plan(Change... changes) {
    return new Plan(PROJECT, List.of(), List.of(changes));
  }

  @Test
  void render_showsEachChangeWithAlignedFields_andTheSummary() {
    var plan =
        plan(
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
            change("gone", Action.DELETE, false, "kept in place; Clockwork forgets it"));

    assertThat(PlanRenderer.PLAIN.render(plan, "nothing"))
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
            PlanRenderer.PLAIN.render(
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
            PlanRenderer.PLAIN.render(plan(change("a", Action.SAME, false, null)), "No changes."))
        .isEqualTo("No changes.\n");
  }

  @Test
  void render_showsLongValuesInFull_wrappedAtTheWidth_andListsOneItemPerLine() {
    String script = "echo " + "starting the server and waiting for it ".repeat(3) + "to answer";
    var plan =
        plan(
            change(
                "web",
                Action.CREATE,
                false,
                null,
                FieldChange.added("command", ContainerFields.show(List.of("sh", "-c", script))),
                FieldChange.added("image", Values.show("registry.example/" + "a".repeat(70))),
                FieldChange.added("ports", ContainerFields.show(List.of()))));

    assertThat(new PlanRenderer(Colours.NONE, 60, false).render(plan, "-"))
        .isEqualTo(
            """
              + web (file)
                  command:
                    "sh"
                    "-c"
                    "echo starting the server and waiting for it starting the server and waiting for it starting the server and waiting for it to answer"
                  image: "registry.example/aaaaaaaaaaaaaaaaaaaaaaaaaaaaa
                         aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                  ports: []

            Plan: 1 to create, 0 to update, 0 to replace, 0 to delete.
            """);
  }

  @Test
  void render_showsAContentUpdateAsAUnifiedLineDiff_withThreeLinesOfContext() {
    String before = "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\n";
    String after = "one\ntwo\nthree\nfour\nFIVE\nsix\nseven\neight\nnine\n";
    var plan =
        plan(
            change(
                "notes.txt",
                Action.UPDATE,
                false,
                null,
                FieldChange.changed("content", Values.show(before), Values.show(after))));

    assertThat(PlanRenderer.PLAIN.render(plan, "-"))
        .isEqualTo(
            """
              ~ notes.txt (file)
                  content:
                    @@ -2,7 +2,8 @@
                     two
                     three
                     four
                    -five
                    +FIVE
                     six
                     seven
                     eight
                    +nine

            Plan: 0 to create, 1 to update, 0 to replace, 0 to delete.
            """);
  }

  @Test
  void render_showsTheFirstLinesOfWhatIsMade_andEveryLineWhenFull() {
    var lines = new StringBuilder();
    for (int i = 1; i <= PlanRenderer.FIRST_LINES + 2; i++)
      lines.append("line ").append(i).append('\n');
    var plan =
        plan(
            change(
                "big.txt",
                Action.CREATE,
                false,
                null,
                FieldChange.added("content", Values.show(lines.toString()))));

    String cut = PlanRenderer.PLAIN.render(plan, "-");
    String full = new PlanRenderer(Colours.NONE, 100, true).render(plan, "-");

    assertThat(cut)
        .contains("        line 40\n        … 2 more lines (--full shows every line)\n")
        .doesNotContain("line 41");
    assertThat(full).contains("        line 40\n        line 41\n        line 42\n");
  }

  @Test
  void render_hidesOnlySecrets_asSensitive() {
    var env = new java.util.TreeMap<String, String>();
    env.put("API_TOKEN", Sensitive.stored("0123abcd"));
    env.put("MODE", "production");
    var plan =
        plan(
            change(
                "web",
                Action.CREATE,
                false,
                null,
                FieldChange.added("envVars", ContainerFields.show(env))));

    assertThat(PlanRenderer.PLAIN.render(plan, "-"))
        .contains(
            """
                  envVars:
                    "API_TOKEN=(sensitive)"
                    "MODE=production"
            """)
        .doesNotContain("0123abcd");
  }

  @Test
  void render_coloursTheActionsAndTheDiff_onlyWhenAsked() {
    var plan =
        plan(
            change("new", Action.CREATE, false, null),
            change(
                "notes",
                Action.UPDATE,
                false,
                null,
                FieldChange.changed("content", "a\nb\n", "a\nc\n")),
            change("gone", Action.DELETE, false, null));

    String coloured = new PlanRenderer(new Colours(true), 100, false).render(plan, "-");

    assertThat(coloured)
        .contains("\u001b[32m+ new\u001b[0m")
        .contains("\u001b[33m~ notes\u001b[0m")
        .contains("\u001b[31m- gone\u001b[0m")
        .contains("\u001b[31m-b\u001b[0m")
        .contains("\u001b[32m+c\u001b[0m");
    assertThat(PlanRenderer.PLAIN.render(plan, "-")).doesNotContain("\u001b[");
  }

  @Test
  void render_showsADestroy_asThePlanShowsACreate_insideItsComposites() {
    var db =
        new Change(
            "site.db",
            "docker",
            new Diff(
                Action.DELETE,
                List.of(
                    new FieldChange("image", "\"postgres:17\"", null, false),
                    new FieldChange("ports", "\"5432:5432/tcp\"\n", null, false),
                    new FieldChange("deletes", "container clockwork-p-site-db", null, false)),
                false,
                null),
            null,
            null,
            List.of(),
            List.of("site"),
            false,
            null);

    assertThat(PlanRenderer.PLAIN.render(plan(db), "-"))
        .isEqualTo(
            """
              site
                - db (docker)
                    image:   "postgres:17"
                    ports:
                      "5432:5432/tcp"
                    deletes: container clockwork-p-site-db

            Plan: 0 to create, 0 to update, 0 to replace, 1 to delete.
            """);
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
