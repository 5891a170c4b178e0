package org.jaildesk.ui;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.jaildesk.ui.common.Messages;

/**
 * The View menu: find, the saved searches, the command palette, all hosts' jails, jobs, the protocol log, the refresh interval, a property as a column of the
 * table, the theme (light, dark, high contrast) and language.
 */
final class ViewMenu {

    /** What the menu asks of the window. */
    record Window(Runnable focusSearch, Runnable openPalette, Runnable toggleJobs, Runnable showLog,
                  Consumer<String> switchLanguage, Runnable refreshIntervalChanged, Runnable addPropertyColumn,
                  javafx.beans.value.ObservableBooleanValue hasTable, Menu searches, Runnable allHosts) {
    }

    /** View ▸ All hosts, also offered by the command palette. */
    static final KeyCombination ALL_HOSTS = new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private ViewMenu() {
    }

    static Menu of(Messages msg, Theme themes, UiState uiState, Window window) {
        Menu view = new Menu(msg.get("menu.view"));
        MenuItem find = item(null, msg.get("menu.find"), new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                window.focusSearch());
        MenuItem palette = item("menu-palette", msg.get("menu.palette"),
                new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), window.openPalette());
        MenuItem allHosts = item("menu-allHosts", msg.get("allHosts.button"), ALL_HOSTS, window.allHosts());
        MenuItem jobs = item("menu-jobs", msg.get("menu.jobs"), new KeyCodeCombination(KeyCode.J, KeyCombination.SHORTCUT_DOWN),
                window.toggleJobs());
        MenuItem log = item("menu-log", msg.get("menu.log"),
                new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), window.showLog());
        MenuItem property = item("menu-propertyColumn", msg.get("propertyColumn.add"), null, window.addPropertyColumn());
        property.disableProperty().bind(javafx.beans.binding.Bindings.not(window.hasTable()));
        Menu theme = themeMenu(msg, themes);
        Menu language = ChoiceMenu.of(msg.get("menu.language"), null, List.of("en", "de"), tag -> msg.get("language." + tag),
                tag -> "menu-lang-" + tag, msg.locale().getLanguage(), tag -> {
                    if (!msg.locale().getLanguage().equals(tag)) {
                        window.switchLanguage().accept(tag);
                    }
                });
        Menu interval = ChoiceMenu.of(msg.get("menu.refreshEvery"), "menu-refreshEvery", List.of(0, 15, 30, 60, 300),
                seconds -> seconds == 0 ? msg.get("refresh.off")
                        : seconds < 60 ? msg.get("refresh.seconds", seconds) : msg.get("refresh.minutes", seconds / 60),
                seconds -> "menu-refresh-" + seconds, uiState.intSetting("refreshSeconds", 30), seconds -> {
                    uiState.putSetting("refreshSeconds", String.valueOf(seconds));
                    uiState.save();
                    window.refreshIntervalChanged().run();
                });
        view.getItems().addAll(find, window.searches(), palette, allHosts, new SeparatorMenuItem(), jobs, log, interval, property, new SeparatorMenuItem(), theme,
                language);
        return view;
    }

    /**
     * View ▸ Theme: light, dark or high contrast, and *Next theme* (Ctrl+Shift+T), which goes on to the next one and
     * moves the menu's mark with it.
     */
    private static Menu themeMenu(Messages msg, Theme themes) {
        Menu menu = ChoiceMenu.of(msg.get("menu.theme"), "menu-theme", List.of(Theme.Kind.values()),
                k -> msg.get("theme." + k.key()), k -> "menu-theme-" + k.key(), themes.kind(), themes::set);
        MenuItem next = item("menu-theme-next", msg.get("menu.nextTheme"),
                new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> themes.set(themes.kind().next()));
        // The mark follows the theme whoever changed it (this item, the command palette).
        themes.kindProperty().addListener((o, a, kind) -> menu.getItems().stream()
                .filter(i -> ("menu-theme-" + kind.key()).equals(i.getId()))
                .forEach(i -> ((javafx.scene.control.RadioMenuItem) i).setSelected(true)));
        menu.getItems().addAll(new SeparatorMenuItem(), next);
        return menu;
    }

    private static MenuItem item(String id, String text, KeyCombination shortcut, Runnable run) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        m.setAccelerator(shortcut);
        m.setOnAction(e -> run.run());
        return m;
    }
}
