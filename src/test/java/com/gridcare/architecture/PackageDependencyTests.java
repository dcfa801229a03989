package com.gridcare.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Dependencies between the feature packages point one way: a package cycle is a design bug (see package-info). */
class PackageDependencyTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.gridcare");

    @Test
    void shouldHaveNoCycleBetweenPackages() {
        slices().matching("com.gridcare.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
