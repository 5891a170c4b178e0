package org.jaildesk.ui;

import java.util.Map;
import java.util.WeakHashMap;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Window;

/** The light, dark or high-contrast theme, kept in {@code ui-state.json}, on every window the app opens. */
public final class Theme {

    /** The themes, in the order View ▸ Theme lists them and *Next theme* goes through them. */
    public enum Kind {
        LIGHT("light"), DARK("dark"), CONTRAST("contrast");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** Its word in {@code ui-state.json} ("theme") and in its menu item's message key ({@code theme.<key>}). */
        public String key() {
            return key;
        }

        /** Dark-based: dark and high contrast (a notification, say, takes its dark style then). */
        public boolean darkBased() {
            return this != LIGHT;
        }

        Kind next() {
            return values()[(ordinal() + 1) % values().length];
        }

        /** The theme a {@code ui-state.json} value names; light for anything else (a hand-edited file's typo). */
        static Kind of(String key) {
            for (Kind k : values()) {
                if (k.key.equals(key)) {
                    return k;
                }
            }
            return LIGHT;
        }
    }

    private final UiState uiState;
    private ListChangeListener<Window> onWindow;
    /** The listener this theme put on each window's scene, taken off again when it closes. */
    private final Map<Window, ChangeListener<Scene>> watched = new WeakHashMap<>();

    /** The theme now: set through {@link #set}, followed by View ▸ Theme's mark (the palette sets it too). */
    private final ObjectProperty<Kind> kind;

    Theme(UiState uiState) {
        this.uiState = uiState;
        this.kind = new SimpleObjectProperty<>(of(uiState));
    }

    /** The theme on every window the app opens (dialogs and consoles too), from one stylesheet. */
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
        // The high-contrast theme builds on the dark one's rules: its root carries both classes.
        sc.getRoot().getStyleClass().removeAll("dark", "contrast");
        Kind kind = kind();
        if (kind.darkBased()) {
            sc.getRoot().getStyleClass().add("dark");
        }
        if (kind == Kind.CONTRAST) {
            sc.getRoot().getStyleClass().add("contrast");
        }
    }

    Kind kind() {
        return kind.get();
    }

    ObservableValue<Kind> kindProperty() {
        return kind;
    }

    /** The theme {@code ui-state.json} holds (light when none). */
    public static Kind of(UiState uiState) {
        return Kind.of(uiState.setting("theme", Kind.LIGHT.key()));
    }

    void set(Kind chosen) {
        uiState.putSetting("theme", chosen.key());
        uiState.save();
        kind.set(chosen);
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
