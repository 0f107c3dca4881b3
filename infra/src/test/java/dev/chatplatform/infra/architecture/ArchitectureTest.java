package dev.chatplatform.infra.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The module graph of the style guide ("Architecture tests"), checked on the main classes of every module
 * (infra sees them all on its test classpath). Every rule refuses to pass on an empty selection, so
 * a renamed package fails here instead of silently switching a rule off.
 */
@AnalyzeClasses(packages = "dev.chatplatform", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String DOMAIN = "dev.chatplatform.domain..";
    private static final String APPLICATION = "dev.chatplatform.application..";
    private static final String IN_PORTS = "dev.chatplatform.application.port.in..";
    private static final String OUT_PORTS = "dev.chatplatform.application.port.out..";
    private static final String SERVICES = "dev.chatplatform.application.service..";
    private static final String REST = "dev.chatplatform.adapters.rest..";
    private static final String PERSISTENCE = "dev.chatplatform.adapters.persistence..";
    private static final String SEARCH = "dev.chatplatform.adapters.search..";
    private static final String WORKER = "dev.chatplatform.worker..";
    private static final String INFRA = "dev.chatplatform.infra..";
    private static final String COMPOSITION_ROOT = "dev.chatplatform.infra.config..";

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
                    "org.springframework.amqp..")
            .because("Spring, JPA, Elasticsearch, Redis and AMQP types belong to the adapters")
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
            .that().resideInAnyPackage(REST, PERSISTENCE, SEARCH, WORKER, INFRA)
            .and().resideOutsideOfPackage(COMPOSITION_ROOT)
            .should().dependOnClassesThat().resideInAPackage(SERVICES)
            .because("adapters call in-ports and implement out-ports; only the composition root wires services")
            .allowEmptyShould(false);

    /**
     * domain <- application <- each adapter module <- infra. No adapter module sees another one, and
     * nothing sees infra. Every dev.chatplatform package is in a layer, and no layer may be empty.
     */
    @ArchTest
    static final ArchRule modulesFormAHexagon = layeredArchitecture()
            .consideringAllDependencies()
            .layer("Domain").definedBy(DOMAIN)
            .layer("Application").definedBy(APPLICATION)
            .layer("Rest").definedBy(REST)
            .layer("Persistence").definedBy(PERSISTENCE)
            .layer("Search").definedBy(SEARCH)
            .layer("Worker").definedBy(WORKER)
            .layer("Infra").definedBy(INFRA)
            .whereLayer("Infra").mayNotBeAccessedByAnyLayer()
            .whereLayer("Rest").mayOnlyBeAccessedByLayers("Infra")
            .whereLayer("Persistence").mayOnlyBeAccessedByLayers("Infra")
            .whereLayer("Search").mayOnlyBeAccessedByLayers("Infra")
            .whereLayer("Worker").mayOnlyBeAccessedByLayers("Infra")
            .whereLayer("Application").mayOnlyBeAccessedByLayers("Rest", "Persistence", "Search", "Worker", "Infra")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "Rest", "Persistence", "Search", "Worker", "Infra")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule everyClassIsInALayer = classes()
            .that().resideInAPackage("dev.chatplatform..")
            .should().resideInAnyPackage(DOMAIN, APPLICATION, REST, PERSISTENCE, SEARCH, WORKER, INFRA)
            .because("a class outside every layer would escape the hexagon rule above")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule entitiesLiveInAdapters = classes()
            .that().areAnnotatedWith("jakarta.persistence.Entity")
            .should().resideInAPackage("dev.chatplatform.adapters..")
            .because("JPA entities are the persistence adapter's private shape of the data")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule mapStructMappersLiveInAdapters = classes()
            .that().areAnnotatedWith("org.mapstruct.Mapper")
            .should().resideInAPackage("dev.chatplatform.adapters..")
            .because("mapping stays inside the adapter that needs it")
            .allowEmptyShould(false);
}
