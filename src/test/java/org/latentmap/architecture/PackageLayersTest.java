package org.latentmap.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages draw the architecture (CONTRIBUTING.md): data -> model -> train -> zoo -> the research
 * packages -> studies -> show -> exercises, each layer using only those below it, no package cycle, and the
 * kernel apart from the research code in both directions.
 */
class PackageLayersTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.latentmap");
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("org.latentmap.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("base")
                .definedBy("org.latentmap", "org.latentmap.engine", "org.latentmap.linalg", "org.latentmap.store")
                .layer("data")
                .definedBy("org.latentmap.data..")
                .layer("model")
                .definedBy("org.latentmap.model..")
                .layer("train")
                .definedBy("org.latentmap.train..")
                .layer("zoo")
                .definedBy("org.latentmap.zoo..")
                .layer("research")
                .definedBy(
                        "org.latentmap.families..",
                        "org.latentmap.metrics..",
                        "org.latentmap.features..",
                        "org.latentmap.support..",
                        "org.latentmap.relocation..",
                        "org.latentmap.similarity..",
                        "org.latentmap.stylegan..")
                .layer("studies")
                .definedBy("org.latentmap.studies..", "org.latentmap.claims..")
                .layer("show")
                .definedBy("org.latentmap.show..")
                .layer("exercises")
                .definedBy("org.latentmap.exercises..")
                .layer("tools")
                .definedBy("org.latentmap.bench..", "org.latentmap.units..")
                .layer("kernel")
                .definedBy("org.latentmap.kernel..")
                .whereLayer("kernel")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("tools")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("exercises")
                .mayOnlyBeAccessedByLayers("tools")
                .whereLayer("show")
                .mayOnlyBeAccessedByLayers("exercises", "tools")
                .whereLayer("studies")
                .mayOnlyBeAccessedByLayers("show", "exercises", "tools")
                .whereLayer("research")
                .mayOnlyBeAccessedByLayers("studies", "show", "exercises", "tools")
                .whereLayer("zoo")
                .mayOnlyBeAccessedByLayers("research", "studies", "show", "exercises", "tools")
                .whereLayer("train")
                .mayOnlyBeAccessedByLayers("zoo", "research", "studies", "show", "exercises", "tools")
                .whereLayer("model")
                .mayOnlyBeAccessedByLayers("train", "zoo", "research", "studies", "show", "exercises", "tools")
                .whereLayer("data")
                .mayOnlyBeAccessedByLayers("model", "train", "zoo", "research", "studies", "show", "exercises", "tools")
                .check(classes);
    }

    @Test
    void theKernelUsesNoResearchCode() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
                .that()
                .resideInAPackage("org.latentmap.kernel..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.latentmap",
                        "org.latentmap.store..",
                        "org.latentmap.data..",
                        "org.latentmap.model..",
                        "org.latentmap.train..",
                        "org.latentmap.zoo..",
                        "org.latentmap.families..",
                        "org.latentmap.metrics..",
                        "org.latentmap.features..",
                        "org.latentmap.support..",
                        "org.latentmap.relocation..",
                        "org.latentmap.similarity..",
                        "org.latentmap.stylegan..",
                        "org.latentmap.studies..",
                        "org.latentmap.claims..",
                        "org.latentmap.show..",
                        "org.latentmap.exercises..")
                .check(classes);
    }
}
