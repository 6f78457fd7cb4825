package io.eddy.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module arrows of docs/architecture.md, checked on the compiled classes of every module (the
 * shell module sees them all on its class path). A class reaching where its module must not
 * fails the build.
 */
class ModuleArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.eddy");
  }

  private static void forbid(String module, String... targets) {
    noClasses().that().resideInAPackage(module).should().dependOnClassesThat()
        .resideInAnyPackage(targets).because("of the module arrows in docs/architecture.md")
        .check(classes);
  }

  @Test
  void commonDependsOnNoOtherModule() {
    forbid("io.eddy.common..", "io.eddy.sql..", "io.eddy.log..", "io.eddy.exec..", "io.eddy.planner..",
        "io.eddy.engine..", "io.eddy.jdbc..", "io.eddy.shell..", "org.apache.calcite..");
  }

  @Test
  void logKnowsNoSqlAndNoExecutor() {
    forbid("io.eddy.log..", "io.eddy.sql..", "io.eddy.grammar..", "io.eddy.exec..", "io.eddy.planner..",
        "io.eddy.engine..", "io.eddy.jdbc..", "io.eddy.shell..", "org.apache.calcite..");
  }

  @Test
  void executorKnowsNothingOfSqlOrCalcite() {
    forbid("io.eddy.exec..", "io.eddy.sql..", "io.eddy.grammar..", "io.eddy.planner..", "io.eddy.engine..",
        "io.eddy.jdbc..", "io.eddy.shell..", "org.apache.calcite..");
  }

  @Test
  void parserReachesOnlyGrammarAndCalcite() {
    forbid("io.eddy.sql..", "io.eddy.log..", "io.eddy.exec..", "io.eddy.planner..", "io.eddy.engine..",
        "io.eddy.jdbc..", "io.eddy.shell..");
  }

  @Test
  void plannerDoesNotReachUp() {
    forbid("io.eddy.planner..", "io.eddy.engine..", "io.eddy.jdbc..", "io.eddy.shell..");
  }

  @Test
  void engineDoesNotReachUp() {
    forbid("io.eddy.engine..", "io.eddy.jdbc..", "io.eddy.shell..");
  }

  @Test
  void jdbcDoesNotReachTheShell() {
    forbid("io.eddy.jdbc..", "io.eddy.shell..");
  }
}
