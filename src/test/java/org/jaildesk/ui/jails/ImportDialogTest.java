package org.jaildesk.ui.jails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.Transport;
import org.jaildesk.protocol.ErrorReply;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.protocol.Response;
import org.jaildesk.ui.ListCells;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Jail ▸ Import jail…: its list holds the image files of the host's images folder, or says why it cannot. */
@ExtendWith(ApplicationExtension.class)
class ImportDialogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the host answers to listimages: its body, or an error message. */
    private volatile String images = "{\"folder\":\"/tank/iocage/images\",\"images\":[]}";
    private volatile String error;
    private volatile boolean offersImages = true;
    /** Completed by a test that holds the host's answer back; the answer waits for it. */
    private volatile CompletableFuture<Void> answer = CompletableFuture.completedFuture(null);
    private Stage stage;
    private JailsViewModel vm;
    private Messages msg;
    private Dialog<ButtonType> dialog;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Transport host = new Transport() {
            @Override
            public CompletableFuture<Reply> send(Request r) {
                try {
                    if (!r.action().equals("listimages")) {
                        return CompletableFuture.completedFuture(ErrorReply.of(r.id(), org.jaildesk.protocol.ErrorCode.BAD_REQUEST, "no"));
                    }
                    ObjectNode body = JSON.createObjectNode();
                    if (error != null) {
                        body.putObject("listimages").put("error", error);
                    } else {
                        body.set("listimages", JSON.readTree(images));
                    }
                    return answer.thenApply(v -> new Response("sysadm", "response", r.id(), body));
                } catch (Exception e) {
                    return CompletableFuture.failedFuture(e);
                }
            }

            @Override
            public CompletableFuture<Set<String>> extensions() {
                return CompletableFuture.completedFuture(offersImages ? Set.of("listimages", "importjail") : Set.of("importjail"));
            }
        };
        msg = new Messages(Locale.ENGLISH);
        vm = new JailsViewModel(new IocageClient(host), Platform::runLater, msg, new Notifier(msg));
        stage.setScene(new Scene(new javafx.scene.layout.Pane(), 300, 200));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        if (dialog != null) {
            WaitForAsyncUtils.asyncFx(dialog::close).get(10, TimeUnit.SECONDS);
        }
    }

    private void open() throws Exception {
        dialog = WaitForAsyncUtils.asyncFx(() -> {
            Dialog<ButtonType> d = new JailDialogs(vm, msg).importImage(stage);
            d.show();
            return d;
        }).get(10, TimeUnit.SECONDS);
    }

    /** Waits until the list's line says {@code expected}; fails with what it says instead. */
    private void waitForListed(FxRobot robot, java.util.function.Predicate<String> expected) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> expected.test(listed(robot))).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the list's line says: " + WaitForAsyncUtils.asyncFx(() -> listed(robot)).get(), e);
        }
    }

    private String listed(FxRobot robot) {
        return robot.lookup("#importListed").queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> choice(FxRobot robot) {
        return robot.lookup("#importImageChoice").queryAs(ComboBox.class);
    }

    @Test
    void theHostsImagesAreOfferedNewestFirstWithTheirSizesAndTimes(FxRobot robot) throws Exception {
        images = """
                {"folder":"/tank/iocage/images","images":[
                  {"image":"mail_2026-11-27.zip","jail":"mail","size":"431298560","modified":"2026-11-27T21:30:12Z"},
                  {"image":"wiki_2024-09-22.tar.xz","jail":"wiki","size":"120","modified":"2024-09-22T08:00:00Z"}]}""";
        open();
        waitForListed(robot, "The list holds the 2 images of the host's images folder, newest first."::equals);
        ComboBox<String> choice = choice(robot);
        assertEquals(List.of("mail_2026-11-27.zip", "wiki_2024-09-22.tar.xz"), List.copyOf(choice.getItems()));
        String time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault())
                .format(Instant.parse("2026-11-27T21:30:12Z"));
        assertEquals("mail_2026-11-27.zip   411M, " + time, ListCells.shown(choice, "mail_2026-11-27.zip"));
        assertEquals("typed_2026-01-01.zip", ListCells.shown(choice, "typed_2026-01-01.zip"), "a name the host did not list is just its name");
    }

    @Test
    void aNameTypedBeforeTheHostAnswersIsKept(FxRobot robot) throws Exception {
        answer = new CompletableFuture<>();
        images = """
                {"folder":"/tank/iocage/images","images":[
                  {"image":"mail_2026-11-27.zip","jail":"mail","size":"431298560","modified":"2026-11-27T21:30:12Z"}]}""";
        open();
        assertEquals("Looking for the images in the host's images folder\u2026", WaitForAsyncUtils.asyncFx(() -> listed(robot)).get());
        robot.clickOn("#importImage").write("wiki_2024-09-22.tar.xz");
        answer.complete(null);
        waitForListed(robot, "The list holds the one image of the host's images folder, newest first."::equals);
        assertEquals("wiki_2024-09-22.tar.xz", robot.lookup("#importImage").queryAs(javafx.scene.control.TextField.class).getText());
        assertEquals(List.of("mail_2026-11-27.zip"), List.copyOf(choice(robot).getItems()));
    }

    @Test
    void anEmptyFolderIsSaidSo(FxRobot robot) throws Exception {
        open();
        waitForListed(robot, "The host's images folder holds no images yet."::equals);
        assertTrue(choice(robot).getItems().isEmpty());
    }

    @Test
    void aHostThatCannotListItsImagesSaysWhyInOneLine(FxRobot robot) throws Exception {
        error = "zfs failed (exit 1): cannot open 'tank/iocage/images': dataset does not exist\n" + "x".repeat(10_000_000);
        open();
        waitForListed(robot, l -> l.startsWith("The host's images could not be listed (zfs failed (exit 1): cannot open "
                + "'tank/iocage/images': dataset does not exist \u2026); the list holds those exported"));
        assertTrue(listed(robot).length() < 500, "10 MB from a host are one short line");
    }

    @Test
    void aHostWhoseServerDoesNotListImagesSaysSo(FxRobot robot) throws Exception {
        offersImages = false;
        open();
        waitForListed(robot, l -> l.startsWith("The host's images could not be listed (this host does not list its images"));
    }
}
