package horde;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's directions (docs/design.md; style.md): a stage uses the stages before it, never one
 * after it nor an edge (the command line, the servers, the cluster, the history), and the packages
 * use one another without a cycle. Read from the compiled classes, so a fully qualified name in the
 * code counts as an import does.
 */
class PipelineDirectionsTest {
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("horde");

  /** Each stage and the other packages of Horde's it may use. */
  private static final Map<String, String[]> MAY_USE = new LinkedHashMap<>();

  static {
    MAY_USE.put("template", new String[] {});
    MAY_USE.put("scenario", new String[] {"template"});
    MAY_USE.put("feed", new String[] {"scenario"});
    MAY_USE.put("plan", new String[] {"scenario", "template", "feed"});
    MAY_USE.put("protocol", new String[] {});
    MAY_USE.put("engine", new String[] {"scenario", "template", "feed", "plan", "protocol", "record"});
    MAY_USE.put("record", new String[] {"scenario"});
    MAY_USE.put("stats", new String[] {"scenario", "record"});
    MAY_USE.put("criteria", new String[] {"scenario", "record", "stats"});
    MAY_USE.put("result", new String[] {"scenario", "record", "stats", "criteria"});
    MAY_USE.put("compare", new String[] {"scenario", "stats", "result"});
    MAY_USE.put("report", new String[] {"scenario", "record", "stats", "criteria", "result", "compare"});
    MAY_USE.put("simulator", new String[] {});
  }

  @Test
  void eachStageUsesOnlyTheStagesBeforeIt() {
    MAY_USE.forEach((stage, allowed) -> {
      String[] own = Arrays.stream(allowed).map(p -> "horde." + p + "..").toArray(String[]::new);
      noClasses().that().resideInAPackage("horde." + stage + "..")
          .should().dependOnClassesThat(resideInAPackage("horde..")
              .and(not(resideInAPackage("horde." + stage + "..")))
              .and(not(resideInAnyPackage(own))))
          .because("a stage uses only the stages before it in the pipeline")
          .check(MAIN);
    });
  }

  @Test
  void thePackagesUseOneAnotherWithoutACycle() {
    slices().matching("horde.(*)..").should().beFreeOfCycles().check(MAIN);
  }
}
