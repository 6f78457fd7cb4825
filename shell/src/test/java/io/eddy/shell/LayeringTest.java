package io.eddy.shell;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The shell reaches the engine only through the JDBC driver. The exception is
 * {@code io.eddy.shell.server}: {@code eddy server} hosts the engine that remote JDBC serves.
 */
class LayeringTest {

  @Test
  void shellUsesJdbcNotTheEngineApi() {
    JavaClasses shell = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.eddy.shell");
    noClasses().that().resideOutsideOfPackage("io.eddy.shell.server..").should().dependOnClassesThat()
        .resideInAnyPackage("io.eddy.engine..", "io.eddy.executor..", "io.eddy.planner..",
            "io.eddy.log..")
        .because("every shell feature is a JDBC feature")
        .check(shell);
  }
}
