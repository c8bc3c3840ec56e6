package clockwork.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/** The rules of the layout that the compiler does not enforce. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
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
