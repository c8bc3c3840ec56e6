package clockwork.cli;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clockwork.engine.state.LocalStateStore;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/** The rules of the layout that the compiler does not enforce. */
class ArchitectureTest {
  private static final String CONTAINER_CORE = "clockwork.engine.provider.container..";

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          // the engine's test classes, which the CLI's tests share, as a jar
          .withImportOption(location -> !location.contains("-tests.jar"))
          .importPackages("clockwork");

  @Test
  void packagesHaveNoCycles() {
    slices()
        .assignedFrom(
            new SliceAssignment() {
              @Override
              public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                return SliceIdentifier.of(javaClass.getPackageName());
              }

              @Override
              public String getDescription() {
                return "every package";
              }
            })
        .should()
        .beFreeOfCycles()
        .check(CLASSES);
  }

  @Test
  void theApiKnowsNothingOfTheEngineOrTheCli() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "clockwork", "clockwork.resources", "clockwork.assertions", "clockwork.spi")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("clockwork.engine..", "clockwork.cli..")
        .check(CLASSES);
  }

  @Test
  void theEngineNeverPrints_itEmitsEvents() {
    noClasses()
        .that()
        .resideInAPackage("clockwork.engine..")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .check(CLASSES);
  }

  /**
   * A provider package may use the container core, never another provider's: what two targets share
   * belongs in the core, so that a third target does not copy it.
   */
  static final ArchRule PROVIDERS_DO_NOT_KNOW_EACH_OTHER =
      slices()
          .matching("clockwork.engine.provider.(*)..")
          .should()
          .notDependOnEachOther()
          .ignoreDependency(alwaysTrue(), resideInAPackage(CONTAINER_CORE))
          .as("provider packages use the container core, never each other");

  @Test
  void providersDoNotKnowEachOther_onlyTheContainerCore() {
    PROVIDERS_DO_NOT_KNOW_EACH_OTHER.check(CLASSES);
  }

  @Test
  void theProviderRule_failsForAProviderThatImportsAnother() {
    JavaClasses fixture =
        new ClassFileImporter()
            .importPackages(
                "clockwork.engine.provider.fixturealpha", "clockwork.engine.provider.fixturebeta");
    assertThatThrownBy(() -> PROVIDERS_DO_NOT_KNOW_EACH_OTHER.check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("fixturealpha")
        .hasMessageContaining("fixturebeta");
  }

  @Test
  void theEngineCoreNamesNoConcreteProviderOrStore() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "clockwork.engine",
            "clockwork.engine.load..",
            "clockwork.engine.resolve..",
            "clockwork.engine.complete..",
            "clockwork.engine.plan..",
            "clockwork.engine.apply..",
            "clockwork.engine.verify..",
            "clockwork.engine.event..",
            "clockwork.engine.settings..",
            "clockwork.engine.model..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("clockwork.engine.provider.*..")
                .or(assignableTo(LocalStateStore.class)))
        .as("the engine core reaches providers through Providers and state through StateStore")
        .check(CLASSES);
  }

  @Test
  void theCliTalksToTheEnginesApi_notToItsProvidersLoaderResolverOrModel() {
    noClasses()
        .that()
        .resideInAPackage("clockwork.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "clockwork.engine.provider..",
            "clockwork.engine.load..",
            "clockwork.engine.resolve..",
            "clockwork.engine.model..")
        .check(CLASSES);
  }

  @Test
  void theEngineDoesNotKnowTheCli() {
    noClasses()
        .that()
        .resideInAPackage("clockwork.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("clockwork.cli..")
        .check(CLASSES);
  }
}
