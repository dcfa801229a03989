package com.gridcare.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Dependencies between the packages point one way, down the layers README's "Layout" lists. */
class PackageDependencyTests {

    private static final String BASE = "com.gridcare.";

    /** From the bottom up: a package may use those before it, never one after it. */
    private static final List<String> LAYERS = List.of("common", "identity", "notify", "sms", "email", "voice", "auth",
            "staff", "binding", "billing", "risk", "consumption", "outage", "repair", "outagenotice", "intent", "escalation",
            "fieldtask", "channel", "reminder", "faq", "wechat", "dashboard", "console", "dataset", "importer", "ops");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.gridcare");

    @Test
    void shouldHaveNoCycleBetweenPackages() {
        slices().matching("com.gridcare.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void shouldOnlyDependOnLowerLayers() {
        Set<String> upward = new TreeSet<>();
        Set<String> unlisted = new TreeSet<>();
        for (JavaClass type : MAIN) {
            String from = layerOf(type);
            if (!LAYERS.contains(from)) {
                unlisted.add(from);
                continue;
            }
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass();
                if (!target.getPackageName().startsWith(BASE)) {
                    continue;
                }
                String to = layerOf(target);
                if (LAYERS.indexOf(to) > LAYERS.indexOf(from)) {
                    upward.add(from + " -> " + to + " (" + dependency.getDescription() + ")");
                }
            }
        }
        assertThat(unlisted).as("packages missing from LAYERS (and README's layout)").isEmpty();
        assertThat(upward).as("dependencies on a higher layer").isEmpty();
    }

    private static String layerOf(JavaClass type) {
        String rest = type.getPackageName().substring(BASE.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
