package org.jaildesk.ui;

import java.util.stream.Stream;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import org.testfx.api.FxRobot;

/** For TestFX tests: an item of the main window's menu bar by its id, at any depth (View ▸ Language ▸ Deutsch). */
public final class MenuItems {

    private MenuItems() {
    }

    public static MenuItem byId(FxRobot robot, String id) {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        return bar.getMenus().stream().flatMap(MenuItems::withItems).filter(i -> id.equals(i.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no menu item " + id));
    }

    /** What a greyed-out item of the window's menus says why it is off ("" when it is on). */
    public static String whyOff(FxRobot robot, String id) {
        javafx.scene.control.Tooltip why = GreyedMenuItems.reason(byId(robot, id));
        return why == null ? "" : why.getText();
    }

    private static Stream<MenuItem> withItems(MenuItem item) {
        return item instanceof Menu menu
                ? Stream.concat(Stream.of(item), menu.getItems().stream().flatMap(MenuItems::withItems)) : Stream.of(item);
    }
}
