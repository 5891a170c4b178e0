package org.jaildesk.ui;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;

/** A submenu of choices with one selected: the language, the refresh interval, how iocage runs on this machine. */
final class ChoiceMenu {

    private ChoiceMenu() {
    }

    /**
     * @param itemId   each item's node id ({@code menu-…}), for tests and accessibility tools
     * @param chosen   called when the user picks an item, the selected one included
     */
    static <T> Menu of(String text, String id, List<T> choices, Function<T, String> label, Function<T, String> itemId,
                       T selected, Consumer<T> chosen) {
        Menu menu = new Menu(text);
        if (id != null) {
            menu.setId(id);
        }
        ToggleGroup group = new ToggleGroup();
        for (T choice : choices) {
            RadioMenuItem r = new RadioMenuItem(label.apply(choice));
            r.setId(itemId.apply(choice));
            r.setToggleGroup(group);
            r.setSelected(choice.equals(selected));
            r.setOnAction(e -> chosen.accept(choice));
            menu.getItems().add(r);
        }
        return menu;
    }
}
