package org.jaildesk.ui;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.jaildesk.domain.Shown;
import org.jaildesk.ui.UiState.SavedSearch;
import org.jaildesk.ui.common.Dialogs;
import org.jaildesk.ui.common.Messages;

/**
 * <i>View ▸ Saved searches</i>: searches saved under a name, put back into the search field with a click or, the
 * first nine, Ctrl+1 to Ctrl+9, on whichever host is shown; <i>Save this search…</i> and <i>Remove a saved search</i>.
 * Kept in {@code ui-state.json}.
 */
final class SearchMenu {

    /** The saved searches that get a shortcut, Ctrl+1 to Ctrl+9. */
    static final int WITH_SHORTCUT = 9;

    private final Messages msg;
    private final UiState uiState;
    private final TextField search;
    private final Window owner;
    private final Menu menu;

    private SearchMenu(Messages msg, UiState uiState, TextField search, Window owner) {
        this.msg = msg;
        this.uiState = uiState;
        this.search = search;
        this.owner = owner;
        this.menu = new Menu(msg.get("menu.searches"));
        menu.setId("menu-searches");
        fill();
    }

    static Menu of(Messages msg, UiState uiState, TextField search, Window owner) {
        return new SearchMenu(msg, uiState, search, owner).menu;
    }

    /** The items for the searches saved now (again after each change: the shortcuts are the items'). */
    private void fill() {
        List<SavedSearch> saved = uiState.searches();
        menu.getItems().clear();
        for (int i = 0; i < saved.size(); i++) {
            SavedSearch s = saved.get(i);
            MenuItem item = new MenuItem(msg.get("searches.item", s.name(), Shown.cut(s.query(), 50)));
            item.setMnemonicParsing(false);
            item.setId("menu-search-" + i);
            if (i < WITH_SHORTCUT) {
                item.setAccelerator(new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(i + 1)),
                        KeyCombination.SHORTCUT_DOWN));
            }
            item.setOnAction(e -> {
                search.setText(s.query());
                search.end();
            });
            menu.getItems().add(item);
        }
        if (saved.isEmpty()) {
            MenuItem none = new MenuItem(msg.get("searches.none"));
            none.setDisable(true);
            menu.getItems().add(none);
        }
        MenuItem save = new MenuItem(msg.get("searches.save"));
        save.setId("menu-search-save");
        save.disableProperty().bind(Bindings.createBooleanBinding(() -> search.getText().isBlank(), search.textProperty()));
        save.setOnAction(e -> save());
        Menu remove = new Menu(msg.get("searches.remove"));
        remove.setId("menu-search-remove");
        remove.setDisable(saved.isEmpty());
        for (int i = 0; i < saved.size(); i++) {
            String name = saved.get(i).name();
            MenuItem item = new MenuItem(name);
            item.setMnemonicParsing(false);
            item.setId("menu-search-remove-" + i);
            item.setOnAction(e -> keep(SavedSearches.without(uiState.searches(), name)));
            remove.getItems().add(item);
        }
        menu.getItems().addAll(new SeparatorMenuItem(), save, remove);
    }

    private void keep(List<SavedSearch> saved) {
        uiState.putSearches(saved);
        uiState.save();
        fill();
    }

    /** Asks for a name and saves the search field's query under it. */
    private void save() {
        String query = search.getText();
        Dialog<ButtonType> d = Dialogs.titled(owner, "saveSearchDialog", msg.get("searches.title"));
        TextField name = Dialogs.field("saveSearchName", msg.get("searches.namePrompt"));
        name.setText(Shown.cut(query.strip(), SavedSearches.NAME_LENGTH - 1));
        Label error = Dialogs.errorLabel("saveSearchError");
        Label replaces = new Label();
        replaces.setId("saveSearchReplaces");
        replaces.setWrapText(true);
        replaces.setMaxWidth(460);
        error.textProperty().bind(Bindings.createStringBinding(
                () -> SavedSearches.whyNot(uiState.searches(), name.getText(), msg).orElse(""), name.textProperty()));
        replaces.textProperty().bind(Bindings.createStringBinding(() -> SavedSearches.find(uiState.searches(), name.getText())
                .map(s -> msg.get("searches.replaces", s.name(), Shown.cut(s.query(), 80))).orElse(""), name.textProperty()));
        GridPane g = Dialogs.form();
        g.add(Dialogs.explanation(msg.get("searches.explain", Shown.cut(query, 80))), 0, 0, 2, 1);
        g.addRow(1, Dialogs.label(msg.get("searches.name"), name), name);
        g.add(replaces, 0, 2, 2, 1);
        g.add(error, 0, 3, 2, 1);
        d.getDialogPane().setContent(g);
        ButtonType ok = Dialogs.confirmButton(d, msg.get("searches.ok"), "saveSearchOk", false);
        d.getDialogPane().lookupButton(ok).disableProperty().bind(error.textProperty().isNotEmpty());
        d.setResultConverter(b -> {
            if (b == ok && SavedSearches.whyNot(uiState.searches(), name.getText(), msg).isEmpty()) {
                keep(SavedSearches.with(uiState.searches(), name.getText(), query));
            }
            return b;
        });
        Dialogs.focusWhenShown(d, name);
        d.show();
    }
}
