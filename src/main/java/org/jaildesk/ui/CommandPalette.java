package org.jaildesk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;
import org.jaildesk.domain.Jail;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.jails.JailsViewModel;

/**
 * Ctrl+K: type to find any action, jail or saved search; Enter runs it. Every word typed must appear in the entry.
 */
final class CommandPalette {

    private static final PseudoClass UNAVAILABLE = PseudoClass.getPseudoClass("unavailable");

    /**
     * One thing the palette can do, or an action that cannot run now: shown greyed with why (so the keyboard gets what
     * the toolbar's tooltip says), and Enter on it does nothing.
     */
    record Entry(String text, Runnable run, String whyNot) {
        Entry(String text, Runnable run) {
            this(text, run, "");
        }

        boolean enabled() {
            return whyNot.isEmpty();
        }

        @Override
        public String toString() {
            return enabled() ? text : text + "  \u2014  " + whyNot;
        }
    }

    private CommandPalette() {
    }

    /**
     * Every item of the menu bar that can run now, named by its path ("View ▸ Theme ▸ High contrast"), but the Jail
     * menu's (the actions, listed above with why one cannot run) and the saved searches (listed below by name). A
     * choice among several (a theme, a language, the refresh interval) is marked as chosen, as a click would.
     */
    static List<Entry> menuEntries(MenuBar bar) {
        List<Entry> entries = new ArrayList<>();
        if (bar != null) {
            for (Menu m : bar.getMenus()) {
                if (!"menu-jail".equals(m.getId())) {
                    walk(shown(m), m.getItems(), entries);
                }
            }
        }
        return entries;
    }

    /** An item's text as the menu shows it: without the underscore that marks its mnemonic (Alt+F for _File). */
    private static String shown(MenuItem item) {
        return item.isMnemonicParsing() ? item.getText().replaceFirst("_(?=[^_])", "").replace("__", "_") : item.getText();
    }

    private static void walk(String path, List<MenuItem> items, List<Entry> into) {
        for (MenuItem item : items) {
            if (item instanceof SeparatorMenuItem || item.isDisable() || item.getText() == null
                    || "menu-searches".equals(item.getId())) {
                continue;
            }
            String here = path + " \u25b8 " + shown(item).replace("\u2026", "");
            if (item instanceof Menu sub) {
                walk(here, sub.getItems(), into);
            } else {
                into.add(new Entry(here + (item.getAccelerator() == null ? "" : "   " + item.getAccelerator().getDisplayText()), () -> {
                    if (item instanceof RadioMenuItem r) {
                        r.setSelected(true);
                    }
                    item.fire();
                }));
            }
        }
    }

    static Stage open(Window owner, Messages msg, List<UiAction> actions, JailsViewModel vm, Runnable selectInTable,
                      List<UiState.SavedSearch> searches, java.util.function.Consumer<String> search, MenuBar menus) {
        List<Entry> all = new ArrayList<>();
        List<Entry> off = new ArrayList<>();
        for (UiAction a : actions) {
            String text = a.text().replace("\u2026", "") + (a.shortcut() == null ? "" : "   " + a.shortcut().getDisplayText());
            (a.enabled() ? all : off).add(new Entry(text, a.run(), a.whyNot().get()));
        }
        all.addAll(off);
        if (vm != null) {
            for (Jail j : vm.jails()) {
                all.add(new Entry(msg.get("palette.select", j.displayName()), () -> {
                    vm.selection().setAll(List.of(j));
                    selectInTable.run();
                }));
                if (j.isRunning()) {
                    all.add(new Entry(msg.get("palette.stop", j.displayName()), () -> {
                        vm.selection().setAll(List.of(j));
                        vm.stopSelected();
                    }));
                } else {
                    all.add(new Entry(msg.get("palette.start", j.displayName()), () -> {
                        vm.selection().setAll(List.of(j));
                        vm.startSelected();
                    }));
                }
            }
        }
        // The rest of the menus (View ▸ All hosts, a theme, File ▸ Export hosts…, Help ▸ About), by their place in them.
        all.addAll(menuEntries(menus));
        // The saved searches (View ▸ Saved searches), by name: Enter puts one into the search field.
        for (UiState.SavedSearch s : searches) {
            all.add(new Entry(msg.get("palette.search", s.name(), org.jaildesk.domain.Shown.cut(s.query(), 50)),
                    () -> search.accept(s.query())));
        }
        FilteredList<Entry> shown = new FilteredList<>(FXCollections.observableArrayList(all), e -> true);
        TextField query = new TextField();
        query.setId("paletteQuery");
        query.setAccessibleText(msg.get("palette.title"));
        query.setPromptText(msg.get("palette.prompt"));
        ListView<Entry> list = new ListView<>(shown);
        list.setId("paletteList");
        list.setAccessibleText(msg.get("palette.listName"));
        list.setPrefHeight(320);
        list.setCellFactory(v -> new ListCell<>() {
            {
                // A long reason wraps inside the list instead of widening it past the window.
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(Entry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.toString());
                pseudoClassStateChanged(UNAVAILABLE, !empty && e != null && !e.enabled());
            }
        });
        query.textProperty().addListener((o, a, b) -> {
            String[] words = b.toLowerCase(Locale.ROOT).trim().split("\\s+");
            shown.setPredicate(e -> {
                String t = e.text().toLowerCase(Locale.ROOT);
                for (String w : words) {
                    if (!t.contains(w)) {
                        return false;
                    }
                }
                return true;
            });
            list.getSelectionModel().selectFirst();
        });
        Stage stage = new Stage(StageStyle.UTILITY);
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(msg.get("palette.title"));
        Runnable runSelected = () -> {
            Entry e = list.getSelectionModel().getSelectedItem();
            if (e == null && !shown.isEmpty()) {
                e = shown.get(0);
            }
            if (e != null && !e.enabled()) {
                return;
            }
            Entry chosen = e;
            // Closed, and the entry run, once the key that chose it is done with: on Linux, a window closed while
            // GTK still delivers that key to it crashed the whole JVM (glass's process_key on the freed window).
            Platform.runLater(() -> {
                stage.close();
                if (chosen != null) {
                    chosen.run().run();
                }
            });
        };
        query.setOnKeyPressed(k -> {
            switch (k.getCode()) {
                case ENTER -> {
                    k.consume();
                    runSelected.run();
                }
                case ESCAPE -> {
                    k.consume();
                    Platform.runLater(stage::close);
                }
                case DOWN -> list.getSelectionModel().selectNext();
                case UP -> list.getSelectionModel().selectPrevious();
                default -> { }
            }
        });
        list.setOnMouseClicked(m -> {
            if (m.getClickCount() == 2) {
                runSelected.run();
            }
        });
        list.setOnKeyPressed(k -> {
            if (k.getCode() == KeyCode.ENTER) {
                k.consume();
                runSelected.run();
            }
        });
        VBox box = new VBox(6, query, list);
        box.setPadding(new Insets(8));
        Scene scene = new Scene(box, 520, 380);
        if (owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            scene.getRoot().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
        }
        stage.setScene(scene);
        stage.show();
        query.requestFocus();
        list.getSelectionModel().selectFirst();
        return stage;
    }
}
