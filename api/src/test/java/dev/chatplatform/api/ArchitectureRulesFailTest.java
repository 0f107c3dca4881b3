package dev.chatplatform.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.chatplatform.adapters.persistence.violation.PersistenceStartsTheApi;
import dev.chatplatform.adapters.rest.violation.RestReadsTheDatabase;
import dev.chatplatform.adapters.search.violation.SearchBuildsAService;
import dev.chatplatform.application.port.in.violation.InPortNeedsAStore;
import dev.chatplatform.application.port.out.violation.OutPortNeedsAUseCase;
import dev.chatplatform.application.violation.ApplicationCallsRedis;
import dev.chatplatform.domain.violation.DomainUsesSpring;
import dev.chatplatform.elsewhere.Stray;
import dev.chatplatform.infra.violation.InfraSearches;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each architecture rule fails when broken: the main classes plus one throwaway class (test sources, in the
 * package it would break) that adds a forbidden dependency, and the rule must name that class. The same
 * main classes alone pass, so the failure is the throwaway's.
 */
class ArchitectureRulesFailTest {

    @Test
    void anAdapterThatDependsOnAnotherAdapterFails() {
        assertCaught(ArchitectureTest.modulesFormAHexagon, RestReadsTheDatabase.class);
        assertCaught(ArchitectureTest.modulesFormAHexagon, InfraSearches.class);
    }

    @Test
    void anAdapterThatDependsOnAProcessFails() {
        assertCaught(ArchitectureTest.modulesFormAHexagon, PersistenceStartsTheApi.class);
    }

    @Test
    void theApplicationDependingOnAnAdapterFails() {
        assertCaught(ArchitectureTest.modulesFormAHexagon, ApplicationCallsRedis.class);
    }

    @Test
    void theDomainDependingOnAFrameworkFails() {
        assertCaught(ArchitectureTest.domainDependsOnTheJdkOnly, DomainUsesSpring.class);
        assertCaught(ArchitectureTest.domainAndApplicationSeeNoFramework, DomainUsesSpring.class);
    }

    @Test
    void anAdapterReachingAServiceFails() {
        assertCaught(ArchitectureTest.adaptersNeverSeeServices, SearchBuildsAService.class);
    }

    @Test
    void anInPortSpeakingAnOutPortFails() {
        assertCaught(ArchitectureTest.inPortsDependOnNeitherOutPortsNorServices, InPortNeedsAStore.class);
    }

    @Test
    void anOutPortSpeakingAnInPortFails() {
        assertCaught(ArchitectureTest.outPortsDependOnNeitherInPortsNorServices, OutPortNeedsAUseCase.class);
    }

    @Test
    void aClassOutsideEveryLayerFails() {
        assertCaught(ArchitectureTest.everyClassIsInALayer, Stray.class);
    }

    private static void assertCaught(ArchRule rule, Class<?> violator) {
        assertThatCode(() -> rule.check(mainClassesAnd(null))).doesNotThrowAnyException();
        assertThatThrownBy(() -> rule.check(mainClassesAnd(violator)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(violator.getName());
    }

    private static JavaClasses mainClassesAnd(Class<?> violator) {
        ImportOption mainOnly = new ImportOption.DoNotIncludeTests();
        String violatorFile = violator == null ? null : violator.getName().replace('.', '/') + ".class";
        return new ClassFileImporter()
                .withImportOption(location -> mainOnly.includes(location)
                        || (violatorFile != null && location.contains(violatorFile)))
                .importPackages("dev.chatplatform");
    }
}
