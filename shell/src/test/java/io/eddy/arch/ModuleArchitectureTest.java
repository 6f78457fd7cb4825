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
        .resideInAnyPackage(targets).because("of the module arrows in docs/architecture.md").allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void commonDependsOnNoOtherModule() {
    forbid("io.eddy.common..", "io.eddy.sql..", "io.eddy.log..", "io.eddy.exec..", "io.eddy.planner..",
        "io.eddy.engine..", "io.eddy.jdbc..", "io.eddy.shell..", "io.eddy.bench..", "org.apache.calcite..");
  }

  @Test
  void logKnowsNoSqlAndNoExecutor() {
    forbid("io.eddy.log..", "io.eddy.sql..", "io.eddy.grammar..", "io.eddy.exec..", "io.eddy.planner..",
        "io.eddy.engine..", "io.eddy.jdbc..", "io.eddy.shell..", "io.eddy.bench..", "org.apache.calcite..");
  }

  @Test
  void executorKnowsNothingOfSqlOrCalcite() {
    forbid("io.eddy.exec..", "io.eddy.sql..", "io.eddy.grammar..", "io.eddy.planner..", "io.eddy.engine..",
        "io.eddy.jdbc..", "io.eddy.shell..", "io.eddy.bench..", "org.apache.calcite..");
  }

  @Test
  void parserReachesOnlyGrammarAndCalcite() {
    forbid("io.eddy.sql..", "io.eddy.log..", "io.eddy.exec..", "io.eddy.planner..", "io.eddy.engine..",
        "io.eddy.jdbc..", "io.eddy.shell..", "io.eddy.bench..");
  }

  @Test
  void plannerDoesNotReachUp() {
    forbid("io.eddy.planner..", "io.eddy.engine..", "io.eddy.jdbc..", "io.eddy.shell..", "io.eddy.bench..");
  }

  @Test
  void engineDoesNotReachUp() {
    forbid("io.eddy.engine..", "io.eddy.jdbc..", "io.eddy.shell..", "io.eddy.bench..");
  }

  /** bench -> engine only (the engine's own arrows keep planner/executor/log behind it). */
  @Test
  void benchReachesOnlyTheEngineFacade() {
    forbid("io.eddy.bench..", "io.eddy.shell..", "io.eddy.jdbc..", "io.eddy.engine.internal..", "io.eddy.planner..",
        "io.eddy.exec..", "io.eddy.log..", "io.eddy.sql..", "org.apache.calcite..");
  }

  /** Only the shell (the {@code eddy bench} launcher) may reach the bench module. */
  @Test
  void onlyTheShellReachesBench() {
    noClasses().that().resideOutsideOfPackages("io.eddy.shell..", "io.eddy.bench..").should()
        .dependOnClassesThat().resideInAPackage("io.eddy.bench..")
        .because("of the module arrows in docs/architecture.md").check(classes);
  }

  @Test
  void jdbcDoesNotReachTheShell() {
    forbid("io.eddy.jdbc..", "io.eddy.shell..", "io.eddy.bench..");
  }
}
