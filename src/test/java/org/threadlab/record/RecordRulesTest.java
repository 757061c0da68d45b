package org.threadlab.record;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where recordings may reach: record/ sees the model and below, never the screen, the commands or
 * the lab; and Jackson stays out of the child JVM, whose start-up is measured (docs/PERFORMANCE.md).
 */
class RecordRulesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.threadlab");
    }

    @Test
    void recordImportsNothingAboveTheModel() {
        noClasses().that().resideInAPackage("org.threadlab.record..")
                .should().dependOnClassesThat().resideInAnyPackage("org.threadlab.ui..", "org.threadlab.cli..", "org.threadlab.lab..")
                .check(classes);
    }

    @Test
    void theChildJvmNeverTouchesRecordingsOrJackson() {
        noClasses().that().resideInAnyPackage("org.threadlab.worker.child..", "org.threadlab.work..", "org.threadlab.shared..", "org.threadlab.text..")
                .should().dependOnClassesThat().resideInAnyPackage("org.threadlab.record..", "tools.jackson..")
                .check(classes);
    }

    @Test
    void onlyRecordAndLessonFilesUseJackson() {
        noClasses().that().resideOutsideOfPackages("org.threadlab.record..", "org.threadlab.lesson..")
                .should().dependOnClassesThat().resideInAPackage("tools.jackson..")
                .check(classes);
    }
}
