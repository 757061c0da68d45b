package org.threadlab;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layers, bottom to top: {@code text} and {@code shared} (memory primitives only), then
 * {@code work}, then {@code worker} (with {@code worker.child}); {@code sample} beside them, knowing
 * only {@code text}; then {@code model}, {@code record}, {@code lab}, {@code lesson}, {@code ui}, {@code cli} and the
 * root. No package imports one above it. Main classes only: a test may reach anywhere.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.threadlab");
    }

    @Test
    void noPackageImportsALayerAboveIt() {
        ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("text").definedBy("org.threadlab.text..")
                .layer("shared").definedBy("org.threadlab.shared..")
                .layer("work").definedBy("org.threadlab.work..")
                .layer("worker").definedBy("org.threadlab.worker..")
                .layer("sample").definedBy("org.threadlab.sample..")
                .layer("model").definedBy("org.threadlab.model..")
                .layer("record").definedBy("org.threadlab.record..")
                .layer("lab").definedBy("org.threadlab.lab..")
                .layer("lesson").definedBy("org.threadlab.lesson..")
                .layer("ui").definedBy("org.threadlab.ui..")
                .layer("bench").definedBy("org.threadlab.bench..")
                .layer("cli").definedBy("org.threadlab.cli..")
                .layer("root").definedBy("org.threadlab")
                .whereLayer("shared").mayOnlyAccessLayers("shared")
                .whereLayer("text").mayOnlyAccessLayers("text")
                .whereLayer("work").mayOnlyAccessLayers("work", "text", "shared")
                .whereLayer("worker").mayOnlyAccessLayers("worker", "work", "text", "shared")
                .whereLayer("sample").mayOnlyAccessLayers("sample", "text")
                .whereLayer("model").mayOnlyAccessLayers("model", "sample", "worker", "work", "text", "shared")
                .whereLayer("record").mayOnlyAccessLayers("record", "model", "sample", "worker", "work", "text", "shared")
                .whereLayer("lab").mayOnlyAccessLayers("lab", "record", "model", "sample", "worker", "work", "text", "shared")
                .whereLayer("lesson").mayOnlyAccessLayers("lesson", "lab", "record", "model", "sample", "worker", "work", "text", "shared")
                .whereLayer("ui").mayOnlyAccessLayers("ui", "lesson", "lab", "record", "model", "sample", "worker", "work", "text", "shared")
                .whereLayer("bench").mayOnlyBeAccessedByLayers("cli", "root")
                .whereLayer("cli").mayOnlyBeAccessedByLayers("root")
                .whereLayer("root").mayNotBeAccessedByAnyLayer()
                .because("data flows one way: a package knows only those below it (issue 10)");
        layers.check(classes);
    }

    @Test
    void theSamplerKnowsNothingOfWorkers() {
        noClasses().that().resideInAPackage("org.threadlab.sample..")
                .should().dependOnClassesThat(resideInAnyPackage("org.threadlab.worker..", "org.threadlab.work.."))
                .because("the sampler measures what it is told to watch; joining with workers is the model's job")
                .check(classes);
    }

    @Test
    void theModelNeverImportsTheScreenOrTheCommandLine() {
        noClasses().that().resideInAPackage("org.threadlab.model..")
                .should().dependOnClassesThat(resideInAnyPackage("org.threadlab.ui..", "org.threadlab.cli.."))
                .because("the screen, a recorder and a replay all read the same model")
                .check(classes);
    }
}
