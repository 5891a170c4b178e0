package org.jaildesk.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of DESIGN.md: each layer imports only what its row allows. */
@AnalyzeClasses(packages = "org.jaildesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String DOMAIN = "org.jaildesk.domain..";
    private static final String PROTOCOL = "org.jaildesk.protocol..";
    private static final String CLIENT = "org.jaildesk.client..";
    private static final String HOST = "org.jaildesk.host..";
    private static final String SIM = "org.jaildesk.sim..";
    private static final String SERVER = "org.jaildesk.server..";
    private static final String UI = "org.jaildesk.ui..";
    private static final String APP = "org.jaildesk.app..";

    @ArchTest
    static final ArchRule domainImportsNothingOfOurs = noClasses().that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(PROTOCOL, CLIENT, HOST, SIM, SERVER, UI, APP);

    @ArchTest
    static final ArchRule protocolImportsOnlyDomain = noClasses().that().resideInAPackage(PROTOCOL)
            .should().dependOnClassesThat().resideInAnyPackage(CLIENT, HOST, SIM, SERVER, UI, APP);

    @ArchTest
    static final ArchRule clientNeverImportsTheHost = noClasses().that().resideInAPackage(CLIENT)
            .should().dependOnClassesThat().resideInAnyPackage(HOST, SIM, SERVER, UI, APP);

    @ArchTest
    static final ArchRule hostImportsOnlyProtocolAndDomain = noClasses().that().resideInAPackage(HOST)
            .should().dependOnClassesThat().resideInAnyPackage(CLIENT, SIM, SERVER, UI, APP);

    @ArchTest
    static final ArchRule simImportsOnlyTheHostSeamAndDomain = noClasses().that().resideInAPackage(SIM)
            .should().dependOnClassesThat().resideInAnyPackage(CLIENT, SERVER, UI, APP);

    @ArchTest
    static final ArchRule serverImportsHostAndProtocol = noClasses().that().resideInAPackage(SERVER)
            .should().dependOnClassesThat().resideInAnyPackage(CLIENT, SIM, UI, APP);

    @ArchTest
    static final ArchRule uiImportsOnlyClientAndDomain = noClasses().that().resideInAPackage(UI)
            .should().dependOnClassesThat().resideInAnyPackage(HOST, SIM, SERVER, APP);

    @ArchTest
    static final ArchRule nothingButJavaFxCodeTouchesJavaFx = noClasses().that()
            .resideInAnyPackage(DOMAIN, PROTOCOL, CLIENT, HOST, SIM, SERVER)
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule viewModelsDoNotImportTheSceneGraph = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..");
}
