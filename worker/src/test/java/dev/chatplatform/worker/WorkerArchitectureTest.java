package dev.chatplatform.worker;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The worker's side of the module graph, on the main classes it is built from: the same rings as the API's
 * ArchitectureTest (which also holds the rules on the domain and the application), with the worker as the
 * process. Its listeners and jobs drive in-ports exactly as a controller does, and its jar carries neither
 * the HTTP adapter nor the API process.
 */
@AnalyzeClasses(packages = "dev.chatplatform", importOptions = ImportOption.DoNotIncludeTests.class)
class WorkerArchitectureTest {

    private static final String DOMAIN = "dev.chatplatform.domain..";
    private static final String APPLICATION = "dev.chatplatform.application..";
    private static final String SERVICES = "dev.chatplatform.application.service..";
    private static final String PERSISTENCE = "dev.chatplatform.adapters.persistence..";
    private static final String SEARCH = "dev.chatplatform.adapters.search..";
    private static final String INFRA = "dev.chatplatform.infra..";
    private static final String WORKER = "dev.chatplatform.worker..";

    @ArchTest
    static final ArchRule modulesFormAHexagon = layeredArchitecture()
            .consideringAllDependencies()
            .layer("Domain").definedBy(DOMAIN)
            .layer("Application").definedBy(APPLICATION)
            .layer("Persistence").definedBy(PERSISTENCE)
            .layer("Search").definedBy(SEARCH)
            .layer("Infra").definedBy(INFRA)
            .layer("Worker").definedBy(WORKER)
            .whereLayer("Worker").mayNotBeAccessedByAnyLayer()
            .whereLayer("Persistence").mayOnlyBeAccessedByLayers("Worker")
            .whereLayer("Search").mayOnlyBeAccessedByLayers("Worker")
            .whereLayer("Infra").mayOnlyBeAccessedByLayers("Worker")
            .whereLayer("Application").mayOnlyBeAccessedByLayers("Persistence", "Search", "Infra", "Worker")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "Persistence", "Search", "Infra", "Worker")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule listenersAndJobsCallInPorts = noClasses()
            .that().resideInAnyPackage("dev.chatplatform.worker.listener..", "dev.chatplatform.worker.job..")
            .should().dependOnClassesThat().resideInAPackage(SERVICES)
            .because("a listener or a job drives a use case through its in-port; only WorkerConfiguration builds services")
            .allowEmptyShould(false);

    @Test
    void theWorkerCarriesNeitherTheHttpAdapterNorTheApi() {
        assertThatThrownBy(() -> Class.forName("dev.chatplatform.adapters.rest.RestConfiguration"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("dev.chatplatform.api.ApiApplication"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
