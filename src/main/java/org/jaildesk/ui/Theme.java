package org.jaildesk.ui;

import java.util.Map;
import java.util.WeakHashMap;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Window;

/** The light or dark theme, kept in {@code ui-state.json}, on every window the app opens. */
final class Theme {

    private final UiState uiState;
    private ListChangeListener<Window> onWindow;
    /** The listener this theme put on each window's scene, taken off again when it closes. */
    private final Map<Window, ChangeListener<Scene>> watched = new WeakHashMap<>();

    Theme(UiState uiState) {
        this.uiState = uiState;
    }

    /** Light or dark on every window the app opens (dialogs and consoles too), from one stylesheet. */
    void applyToEveryWindow() {
        String css = Theme.class.getResource("theme.css").toExternalForm();
        onWindow = c -> {
            while (c.next()) {
                for (Window w : c.getAddedSubList()) {
                    styleWindow(w, css);
                }
            }
        };
        Window.getWindows().addListener(onWindow);
        Window.getWindows().forEach(w -> styleWindow(w, css));
    }

    /** Styles the window's scene now and whichever scene it shows later. */
    private void styleWindow(Window w, String css) {
        style(w.getScene(), css);
        ChangeListener<Scene> restyle = (o, a, b) -> style(b, css);
        w.sceneProperty().addListener(restyle);
        watched.put(w, restyle);
    }

    private void style(Scene sc, String css) {
        if (sc == null) {
            return;
        }
        if (!sc.getStylesheets().contains(css)) {
            sc.getStylesheets().add(css);
        }
        sc.getRoot().getStyleClass().remove("dark");
        if (dark()) {
            sc.getRoot().getStyleClass().add("dark");
        }
    }

    boolean dark() {
        return "dark".equals(uiState.setting("theme", "light"));
    }

    void setDark(boolean dark) {
        uiState.putSetting("theme", dark ? "dark" : "light");
        uiState.save();
        // The windows are watched already: restyle their scenes, without watching them once more.
        String css = Theme.class.getResource("theme.css").toExternalForm();
        Window.getWindows().forEach(w -> style(w.getScene(), css));
    }

    /**
     * Stops styling windows (this theme's window was replaced by a new one). The listeners on the windows' scenes go
     * too: the main stage outlives its windows, and its listener held this theme and, through it, the whole old window.
     */
    void close() {
        if (onWindow != null) {
            Window.getWindows().removeListener(onWindow);
            onWindow = null;
        }
        watched.forEach((w, restyle) -> w.sceneProperty().removeListener(restyle));
        watched.clear();
    }
}
