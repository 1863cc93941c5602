package org.saraban.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * STYLE.md "Layout": only {@code org.saraban.api..} (the published language) crosses from command-side
 * into other modules; the command side knows nothing of the query side or the web; the published
 * language and the signing core carry no framework. Production classes of every module on the web-ui
 * class path are checked (command-side, query-side, signing, web-ui), test classes and test jars not.
 */
class ArchitectureTest {

    private static JavaClasses saraban;

    @BeforeAll
    static void importProductionClasses() {
        saraban = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // command-side's test-jar
                .importPackages("org.saraban");
    }

    @Test
    void the_import_sees_every_module() {
        // guards the rules below against passing on an empty or partial import
        assertThat(saraban.containPackage("org.saraban.api.letter")).isTrue();
        assertThat(saraban.containPackage("org.saraban.command.letter")).isTrue();
        assertThat(saraban.containPackage("org.saraban.query.letter")).isTrue();
        assertThat(saraban.containPackage("org.saraban.web.letter")).isTrue();
        assertThat(saraban.stream().noneMatch(c -> c.getSimpleName().endsWith("Test"))).as("no test classes").isTrue();
    }

    @Test
    void the_query_side_depends_on_the_command_side_only_through_the_published_api() {
        ArchRule rule = noClasses().that().resideInAPackage("org.saraban.query..")
                .should().dependOnClassesThat().resideInAPackage("org.saraban.command..")
                .because("projections read events and ids from org.saraban.api, never aggregates or stores");
        rule.check(saraban);
    }

    @Test
    void the_published_api_and_the_command_side_know_nothing_of_the_web_or_the_query_side() {
        ArchRule rule = noClasses().that().resideInAnyPackage("org.saraban.api..", "org.saraban.command..")
                .should().dependOnClassesThat().resideInAnyPackage("org.saraban.web..", "org.saraban.query..")
                .because("the write model is the core; adapters and read models depend on it, not the reverse");
        rule.check(saraban);
    }

    @Test
    void the_published_api_does_not_depend_on_spring() {
        ArchRule rule = noClasses().that().resideInAPackage("org.saraban.api..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .because("commands, events and domain exceptions are plain records any client can use");
        rule.check(saraban);
    }

    @Test
    void the_signing_module_has_no_axon_or_spring_dependency() {
        ArchRule rule = noClasses().that().resideInAPackage("org.saraban.signing..")
                .should().dependOnClassesThat().resideInAnyPackage("org.axonframework..", "org.springframework..")
                .because("signing is standard logic that must run without the application frameworks (STYLE.md)")
                .allowEmptyShould(true); // the module has no classes yet
        rule.check(saraban);
    }
}
