package dev.chatplatform.api;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The module graph of the style guide ("Architecture tests"), checked on the main classes of every module
 * the API process is built from (all of them but the worker: {@code WorkerArchitectureTest} checks that
 * side). Every package rule refuses to pass on an empty selection, so a renamed package fails here instead
 * of silently switching a rule off; {@link ArchitectureRulesFailTest} proves each rule fails when broken.
 */
@AnalyzeClasses(packages = "dev.chatplatform", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String DOMAIN = "dev.chatplatform.domain..";
    static final String APPLICATION = "dev.chatplatform.application..";
    static final String IN_PORTS = "dev.chatplatform.application.port.in..";
    static final String OUT_PORTS = "dev.chatplatform.application.port.out..";
    static final String SERVICES = "dev.chatplatform.application.service..";
    static final String REST = "dev.chatplatform.adapters.rest..";
    static final String PERSISTENCE = "dev.chatplatform.adapters.persistence..";
    static final String SEARCH = "dev.chatplatform.adapters.search..";
    static final String INFRA = "dev.chatplatform.infra..";
    static final String API = "dev.chatplatform.api..";
    static final String WORKER = "dev.chatplatform.worker..";

    @ArchTest
    static final ArchRule domainDependsOnTheJdkOnly = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .because("the domain is plain Java: records and final classes, the JDK only")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule domainAndApplicationSeeNoFramework = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.persistence..", "co.elastic..", "redis.clients..",
                    "org.springframework.amqp..", "com.rabbitmq..", "tools.jackson..", "com.fasterxml..")
            .because("Spring, JPA, Elasticsearch, Redis, AMQP and JSON types belong to the adapters")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule inPortsDependOnNeitherOutPortsNorServices = noClasses()
            .that().resideInAPackage(IN_PORTS)
            .should().dependOnClassesThat().resideInAnyPackage(OUT_PORTS, SERVICES)
            .because("a use case's port speaks the domain, not its implementation's needs")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule outPortsDependOnNeitherInPortsNorServices = noClasses()
            .that().resideInAPackage(OUT_PORTS)
            .should().dependOnClassesThat().resideInAnyPackage(IN_PORTS, SERVICES)
            .because("an out-port is what a service needs from the outside, named for that need")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule adaptersNeverSeeServices = noClasses()
            .that().resideInAnyPackage(REST, PERSISTENCE, SEARCH, INFRA)
            .should().dependOnClassesThat().resideInAPackage(SERVICES)
            .because("adapters call in-ports and implement out-ports; only a process's wiring constructs services")
            .allowEmptyShould(false);

    /**
     * domain <- application <- each adapter module <- the process modules (api, worker). No adapter module
     * sees another one, only a process sees an adapter, and nothing sees a process. The worker's layer is
     * optional here because its classes are not on the API's classpath; WorkerArchitectureTest holds it.
     */
    @ArchTest
    static final ArchRule modulesFormAHexagon = layeredArchitecture()
            .consideringAllDependencies()
            .layer("Domain").definedBy(DOMAIN)
            .layer("Application").definedBy(APPLICATION)
            .layer("Rest").definedBy(REST)
            .layer("Persistence").definedBy(PERSISTENCE)
            .layer("Search").definedBy(SEARCH)
            .layer("Infra").definedBy(INFRA)
            .layer("Api").definedBy(API)
            .optionalLayer("Worker").definedBy(WORKER)
            .whereLayer("Api").mayNotBeAccessedByAnyLayer()
            .whereLayer("Worker").mayNotBeAccessedByAnyLayer()
            .whereLayer("Rest").mayOnlyBeAccessedByLayers("Api")
            .whereLayer("Persistence").mayOnlyBeAccessedByLayers("Api", "Worker")
            .whereLayer("Search").mayOnlyBeAccessedByLayers("Api", "Worker")
            .whereLayer("Infra").mayOnlyBeAccessedByLayers("Api", "Worker")
            .whereLayer("Application").mayOnlyBeAccessedByLayers("Rest", "Persistence", "Search", "Infra", "Api", "Worker")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "Rest", "Persistence", "Search", "Infra", "Api", "Worker")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule everyClassIsInALayer = classes()
            .that().resideInAPackage("dev.chatplatform..")
            .should().resideInAnyPackage(DOMAIN, APPLICATION, REST, PERSISTENCE, SEARCH, INFRA, API, WORKER)
            .because("a class outside every layer would escape the hexagon rule above")
            .allowEmptyShould(false);

    /** May be empty: the rule says where entities live, not that there must be some. */
    @ArchTest
    static final ArchRule entitiesLiveInThePersistenceAdapter = classes()
            .that().areAnnotatedWith("jakarta.persistence.Entity")
            .should().resideInAPackage(PERSISTENCE)
            .because("JPA entities are the persistence adapter's private shape of the data (decision 0010)")
            .allowEmptyShould(true);

    /** May be empty: the rule says where mappers live, not that there must be some. */
    @ArchTest
    static final ArchRule mapStructMappersLiveInAdapters = classes()
            .that().areAnnotatedWith("org.mapstruct.Mapper")
            .should().resideInAPackage("dev.chatplatform.adapters..")
            .because("mapping stays inside the adapter that needs it")
            .allowEmptyShould(true);
}
