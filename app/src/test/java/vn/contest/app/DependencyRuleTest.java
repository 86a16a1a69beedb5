package vn.contest.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The engine knows no web framework, HTTP client or platform, and its packages depend on each other without
 * cycles; a channel adapter knows no other channel.
 */
class DependencyRuleTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.contest");

    @Test
    void botCoreDependsOnNoFrameworkOrPlatform() {
        noClasses().that().resideInAPackage("vn.contest.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.javalin..", "okhttp3..", "org.telegram..", "com.vng.zalo..", "jakarta.servlet..", "org.eclipse.jetty..",
                        "vn.contest.web..", "vn.contest.telegram..", "vn.contest.zalo..", "vn.contest.messenger..", "vn.contest.admin..",
                        "vn.contest.app..")
                .check(CLASSES);
    }

    /** Each package of the engine can be read (and changed) without the ones that depend on it. */
    @Test
    void botCorePackagesFormNoCycle() {
        // The test helpers shipped in bot-core's test jar are not the engine.
        slices().matching("vn.contest.core.(*)..").should().beFreeOfCycles()
                .check(CLASSES.that(JavaClass.Predicates.resideOutsideOfPackage("vn.contest.core.testing..")));
    }

    /** The dialogue table checks every move of a chat, so nothing else may set a chat's state. */
    @Test
    void onlyTheDialogueTableMovesAChat() {
        noClasses().that().doNotHaveFullyQualifiedName("vn.contest.core.dialogue.DialogueTable")
                .should().callMethod("vn.contest.core.dialogue.ChatAccount", "moveTo", "vn.contest.core.dialogue.State")
                .check(CLASSES);
    }

    @Test
    void theTelegramAdapterReachesIntoNoOtherAdapter() {
        noClasses().that().resideInAPackage("vn.contest.telegram..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.contest.web..", "vn.contest.zalo..", "vn.contest.messenger..", "vn.contest.admin..",
                        "vn.contest.app..")
                .check(CLASSES);
    }

    @Test
    void theZaloAdapterReachesIntoNoOtherAdapter() {
        noClasses().that().resideInAPackage("vn.contest.zalo..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.contest.web..", "vn.contest.telegram..", "vn.contest.messenger..", "vn.contest.admin..",
                        "vn.contest.app..")
                .check(CLASSES);
    }

    @Test
    void theMessengerAdapterReachesIntoNoOtherAdapter() {
        noClasses().that().resideInAPackage("vn.contest.messenger..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.contest.web..", "vn.contest.telegram..", "vn.contest.zalo..",
                        "vn.contest.admin..", "vn.contest.app..")
                .check(CLASSES);
    }

    @Test
    void theAdminWebReachesIntoNoChannel() {
        noClasses().that().resideInAPackage("vn.contest.admin..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.contest.web..", "vn.contest.telegram..", "vn.contest.zalo..", "vn.contest.messenger..",
                        "vn.contest.app..")
                .check(CLASSES);
    }

    @Test
    void theWebAdapterReachesIntoNoOtherAdapter() {
        noClasses().that().resideInAPackage("vn.contest.web..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.contest.telegram..", "vn.contest.zalo..", "vn.contest.messenger..", "vn.contest.admin..",
                        "vn.contest.app..")
                .check(CLASSES);
    }
}
