package dev.opsdeck.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layout of ../shared/STYLE.md as rules the build checks: business components with boundary, control and entity,
 * depending one way. Each rule's reason says what to do instead.
 */
@AnalyzeClasses(packages = "dev.opsdeck", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule controlAndEntityNeverUseABoundary = noClasses()
            .that().resideInAnyPackage("..control..", "..entity..")
            .should().dependOnClassesThat().resideInAPackage("..boundary..")
            .because("a boundary is a way in: move what control or entity code needs from it down into control or entity");

    @ArchTest
    static final ArchRule entityNeverUsesControl = noClasses()
            .that().resideInAPackage("..entity..")
            .should().dependOnClassesThat().resideInAPackage("..control..")
            .because("entities are data: logic they seem to need belongs in control, which may use the entity");

    @ArchTest
    static final ArchRule noGrabBagPackages = noClasses()
            .should().resideInAnyPackage("..util..", "..utils..", "..common..", "..helpers..", "..impl..", "..dto..")
            .because("a package is named for the domain it serves: put the class in the component that owns what it does");

    @ArchTest
    static final ArchRule restResourcesLiveInABoundary = classes()
            .that().areAnnotatedWith(jakarta.ws.rs.Path.class)
            .should().resideInAPackage("..boundary..")
            .because("a REST resource is a way in: it lives in its component's boundary and delegates to control");

    @ArchTest
    static final ArchRule messageDrivenBeansLiveInABoundary = classes()
            .that().areAnnotatedWith(jakarta.ejb.MessageDriven.class)
            .should().resideInAPackage("..boundary..")
            .because("a consumer is a way in: it lives in its component's boundary and delegates to control");

    @ArchTest
    static final ArchRule consoleBeansLiveInABoundary = classes()
            .that().areAnnotatedWith(jakarta.inject.Named.class)
            .should().resideInAPackage("..boundary..")
            .because("a JSF backing bean is a way in: it lives in its component's boundary");

    @ArchTest
    static final ArchRule componentsAreFreeOfCycles = slices()
            .matching("dev.opsdeck.(*)..").should().beFreeOfCycles()
            .because("components depend one way: what two components both need moves into a component underneath both, "
                    + "and a lower component that must tell an upper one fires a CDI event that the upper one observes");
}
