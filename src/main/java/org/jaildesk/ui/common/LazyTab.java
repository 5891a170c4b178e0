package org.jaildesk.ui.common;

import java.util.Objects;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * A tab whose content is built the first time the tab is selected, or when the window asks for it: a window of many
 * tabs shows sooner when the ones behind others wait (their nodes would be styled and laid out before the window's
 * first paint). The content is built once and kept. FX thread only.
 */
public final class LazyTab<T extends Node> {

    private final Tab tab;
    private final Supplier<T> build;
    private T content;

    public LazyTab(String id, String title, Supplier<T> build) {
        this.build = Objects.requireNonNull(build);
        tab = new Tab(title);
        tab.setId(id);
        tab.setClosable(false);
        tab.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                content();
            }
        });
    }

    public Tab tab() {
        return tab;
    }

    /** The tab's content, built now if it was not yet. */
    public T content() {
        if (content == null) {
            content = Objects.requireNonNull(build.get());
            tab.setContent(content);
        }
        return content;
    }

    /** Whether the content has been built. */
    public boolean built() {
        return content != null;
    }
}
