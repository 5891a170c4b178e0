package org.jaildesk.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A tab behind others has no content until it is shown or asked for, and then the same content for good. */
@ExtendWith(ApplicationExtension.class)
class LazyTabTest {

    private final AtomicInteger built = new AtomicInteger();
    private LazyTab<Label> lazy;
    private TabPane pane;
    private Stage own;

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(own::hide);
    }

    @Start
    void start(Stage stage) {
        lazy = new LazyTab<>("tab-later", "Later", () -> new Label("built " + built.incrementAndGet()));
        pane = new TabPane(new Tab("First", new Label("first")), lazy.tab());
        // A window of its own, closed after the test: the primary stage stays as the other tests' windows expect it.
        own = new Stage();
        own.setScene(new Scene(pane, 400, 300));
        own.show();
    }

    @Test
    void theContentIsBuiltWhenTheTabIsFirstSelectedAndKept(FxRobot robot) {
        assertEquals("tab-later", lazy.tab().getId());
        assertFalse(lazy.tab().isClosable());
        assertNull(lazy.tab().getContent(), "nothing built behind the first tab");
        assertFalse(lazy.built());
        assertEquals(0, built.get());

        robot.interact(() -> pane.getSelectionModel().select(lazy.tab()));
        assertTrue(lazy.built());
        Label shown = (Label) lazy.tab().getContent();
        assertEquals("built 1", shown.getText());
        assertTrue(shown.getScene() != null, "the content is in the window");

        robot.interact(() -> {
            pane.getSelectionModel().select(0);
            pane.getSelectionModel().select(lazy.tab());
        });
        assertSame(shown, lazy.tab().getContent(), "shown again, not built again");
        assertSame(shown, lazy.content());
        assertEquals(1, built.get());
    }

    @Test
    void askedForBeforeItIsShownItIsBuiltAndBecomesTheTabsContent(FxRobot robot) {
        Label[] asked = new Label[1];
        robot.interact(() -> asked[0] = lazy.content());
        assertEquals("built 1", asked[0].getText());
        assertSame(asked[0], lazy.tab().getContent());
        robot.interact(() -> pane.getSelectionModel().select(lazy.tab()));
        assertSame(asked[0], lazy.tab().getContent());
        assertEquals(1, built.get());
    }
}
