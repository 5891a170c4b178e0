package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import javafx.scene.control.Label;
import org.jaildesk.domain.Jail;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** How the window lays out the jail table, and what of it is remembered: the sort, widths, the id column. */
class TableLayoutTest extends WindowTest {

    @Test
    void theSortIsRememberedForTheHost(FxRobot robot) throws Exception {
        open(robot);
        robot.interact(() -> {
            var name = page.table().getColumns().stream().filter(c -> "col-name".equals(c.getId())).findFirst().orElseThrow();
            name.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
            page.table().getSortOrder().setAll(java.util.List.of(name));
        });
        page.waitFor(() -> page.rows().get(0).tag().equals("web02"));
        robot.interact(() -> stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        String saved = Files.readString(config.resolve("ui-state.json"));
        assertTrue(saved.contains("\"sortColumn\" : \"col-name\""), saved);
        assertTrue(saved.contains("\"sortAscending\" : false"), saved);
    }

    /**
     * A property as a column (iocage #1179): chosen in the View menu, checked as typed, its value shown for every jail
     * and read again at each refresh, remembered for the host, and removed from its header's menu.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aPropertyIsShownAsAColumnForEveryJailAndRemembered(FxRobot robot) throws Exception {
        open(robot);
        // A window narrower than the table's columns: the new one comes beyond its right edge.
        double width = stage.getWidth();
        robot.interact(() -> stage.setWidth(1000));
        try {
            robot.interact(MenuItems.byId(robot, "menu-propertyColumn")::fire);
            page.waitFor(() -> robot.lookup("#propertyColumnDialog").tryQuery().isPresent());
            javafx.scene.control.ComboBox<String> name = robot.lookup("#propertyColumnName").queryAs(javafx.scene.control.ComboBox.class);
            javafx.scene.control.Button ok = robot.lookup("#propertyColumnOk").queryAs(javafx.scene.control.Button.class);
            assertTrue(name.getItems().contains("priority") && name.getItems().contains("boot"), "the catalog's properties");
            for (String[] typed : new String[][] {{"a;b", "a;b is not an iocage property JailDesk knows."},
                {"$(x)", "$(x) is not an iocage property JailDesk knows."}, {"", "Choose a property."}}) {
                robot.interact(() -> name.getEditor().setText(typed[0]));
                page.waitFor(() -> typed[1].equals(robot.lookup("#propertyColumnError").queryAs(Label.class).getText()));
                assertTrue(ok.isDisabled(), typed[0]);
            }
            robot.interact(() -> name.getEditor().setText("priority"));
            page.waitFor(() -> !ok.isDisabled());
            robot.clickOn("#propertyColumnOk");
            page.waitFor(() -> page.table().getColumns().stream().anyMatch(c -> "col-prop-priority".equals(c.getId())));
            javafx.scene.control.TableColumn<Jail, String> column = (javafx.scene.control.TableColumn<Jail, String>) page.table()
                    .getColumns().stream().filter(c -> "col-prop-priority".equals(c.getId())).findFirst().orElseThrow();
            page.waitFor(() -> "1".equals(column.getCellData(page.row("dns"))) && "20".equals(column.getCellData(page.row("web01"))));
            // Drawn, not only there: scrolled to, with a cell in view for the rows shown before it came.
            page.waitFor(() -> robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c
                    && c.getTableColumn() == column && "20".equals(c.getText()) && c.isVisible()
                    && page.table().localToScreen(page.table().getBoundsInLocal()).contains(
                            c.localToScreen(c.getBoundsInLocal()).getCenterX(), c.localToScreen(c.getBoundsInLocal()).getCenterY()))
                    .tryQuery().isPresent());

            // Another client changes it: the host's change event lists the jails again, and the column reads it again.
            new org.jaildesk.client.IocageClient(new org.jaildesk.client.InProcessTransport(page.host))
                    .setJailSettings("web01", java.util.Map.of("priority", "5")).join();
            page.waitFor(() -> "5".equals(column.getCellData(page.row("web01"))));
            // The search takes it as a field, and follows its values as they are read again.
            javafx.scene.control.TextField search = robot.lookup("#search").queryAs(javafx.scene.control.TextField.class);
            robot.interact(() -> search.setText("priority:<10"));
            page.waitFor(() -> page.rows().stream().map(Jail::tag).sorted().toList().equals(java.util.List.of("dns", "web01")));
            new org.jaildesk.client.IocageClient(new org.jaildesk.client.InProcessTransport(page.host))
                    .setJailSettings("web01", java.util.Map.of("priority", "50")).join();
            page.waitFor(() -> page.rows().stream().map(Jail::tag).toList().equals(java.util.List.of("dns")));
            robot.interact(() -> search.setText(""));
            page.waitFor(() -> page.rows().size() == 12);
            // The details pane lists the jail's value too, and follows it as it is read again.
            robot.interact(() -> page.table().getSelectionModel().clearAndSelect(page.rows().indexOf(page.row("web01"))));
            java.util.function.Supplier<String> details = () -> robot.lookup("#details").queryAs(javafx.scene.layout.Pane.class)
                    .lookupAll(".label").stream().map(n -> ((javafx.scene.control.Label) n).getText()).toList().toString();
            page.waitFor(() -> details.get().contains("priority, 50"));
            new org.jaildesk.client.IocageClient(new org.jaildesk.client.InProcessTransport(page.host))
                    .setJailSettings("web01", java.util.Map.of("priority", "60")).join();
            robot.clickOn("#tb-refresh");
            page.waitFor(() -> details.get().contains("priority, 60"));

            // A second one, removed again from its header's menu.
            robot.interact(() -> ((org.jaildesk.ui.jails.JailTableView) page.table()).properties().add("vnet"));
            page.waitFor(() -> page.table().getColumns().stream().anyMatch(c -> "col-prop-vnet".equals(c.getId())));
            var vnet = page.table().getColumns().stream().filter(c -> "col-prop-vnet".equals(c.getId())).findFirst().orElseThrow();
            page.waitFor(() -> "1".equals(vnet.getCellData(page.row("web02"))));
            javafx.scene.control.MenuItem removeVnet = vnet.getContextMenu().getItems().stream()
                    .filter(i -> "removeColumn-vnet".equals(i.getId())).findFirst().orElseThrow();
            assertFalse(removeVnet.isMnemonicParsing(), "a property's underscores (ip4_addr) are shown, not taken for a mnemonic");
            robot.interact(removeVnet::fire);
            page.waitFor(() -> page.table().getColumns().stream().noneMatch(c -> "col-prop-vnet".equals(c.getId())));

            robot.interact(() -> stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
            var saved = new com.fasterxml.jackson.databind.ObjectMapper().readTree(config.resolve("ui-state.json").toFile());
            var layout = saved.at("/layouts").elements().next();
            assertEquals("[\"priority\"]", layout.path("properties").toString(), saved.toString());
            assertTrue(layout.path("columns").toString().contains("col-prop-priority"), saved.toString());
        } finally {
            robot.interact(() -> stage.setWidth(width));
        }
    }

    /** The room a wider window gives goes to the table, where the columns are; the host list and inspector keep theirs. */
    @Test
    void aWiderWindowWidensTheTableNotTheSidePanels(FxRobot robot) throws Exception {
        open(robot);
        javafx.scene.Node hostList = robot.lookup("#hosts").query();
        javafx.scene.Node side = robot.lookup("#sideTabs").query();
        double sideWidth = side.getBoundsInLocal().getWidth();
        assertTrue(sideWidth > 330 && sideWidth < 380, "inspector " + sideWidth);
        double hostWidth = hostList.getBoundsInLocal().getWidth();
        assertTrue(hostWidth > 170 && hostWidth < 215, "host list " + hostWidth);
        double tableWidth = page.table().getWidth();
        double before = stage.getWidth();
        try {
            robot.interact(() -> stage.setWidth(before + 300));
            page.waitFor(() -> page.table().getWidth() > tableWidth + 250);
            assertEquals(sideWidth, side.getBoundsInLocal().getWidth(), 2);
            assertEquals(hostWidth, hostList.getBoundsInLocal().getWidth(), 2);
            // Closed, it remembers the content's size (the window's would grow by its decorations at every start).
            robot.interact(() -> stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
            var saved = new com.fasterxml.jackson.databind.ObjectMapper().readTree(config.resolve("ui-state.json").toFile());
            assertEquals(stage.getScene().getWidth(), saved.at("/layouts").elements().next().path("width").asDouble(), 0.5, saved.toString());
        } finally {
            robot.interact(() -> stage.setWidth(before));
        }
    }

    /**
     * A narrow window (a 1024-pixel screen) keeps the search field in view: inside the buttons' tool bar it went
     * behind the overflow arrow; the buttons go there instead.
     */
    @Test
    void aNarrowWindowKeepsTheSearchInView(FxRobot robot) throws Exception {
        open(robot);
        double before = stage.getWidth();
        try {
            robot.interact(() -> stage.setWidth(900));
            javafx.scene.control.TextField search = robot.lookup("#search").queryAs(javafx.scene.control.TextField.class);
            page.waitFor(() -> stage.getScene().getWidth() <= 900);
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            javafx.geometry.Bounds b = search.localToScene(search.getBoundsInLocal());
            assertTrue(search.isVisible() && search.getScene() == stage.getScene(), "the search is in the window");
            assertTrue(b.getMinX() >= 0 && b.getMaxX() <= stage.getScene().getWidth() && b.getWidth() >= 160, b.toString());
        } finally {
            robot.interact(() -> stage.setWidth(before));
        }
    }

    /**
     * In German the host list's three buttons are wider than a fifth of a 1024-pixel screen: they go onto a second line
     * rather than widen the list (which took a quarter of the window from the table), and a host's name that does not
     * fit ends in "…" instead of giving the list a scroll bar.
     */
    @Test
    void inGermanTheHostListsButtonsWrapInsteadOfWideningIt(FxRobot robot) throws Exception {
        open(robot);
        robot.interact(MenuItems.byId(robot, "menu-lang-de")::fire);
        page.waitFor(() -> "_Datei".equals(robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class).getMenus().get(0).getText()));
        javafx.scene.control.ListView<?> hosts = robot.lookup("#hosts").queryAs(javafx.scene.control.ListView.class);
        javafx.scene.layout.Region pane = (javafx.scene.layout.Region) hosts.getParent();
        javafx.scene.Node n = pane;
        while (!(n instanceof javafx.scene.control.SplitPane)) {
            n = n.getParent();
        }
        javafx.scene.control.SplitPane body = (javafx.scene.control.SplitPane) n;
        robot.interact(() -> body.setDividerPositions(188 / body.getWidth()));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(188, pane.getWidth(), 8, "the list takes the fifth it is given");
        javafx.geometry.Bounds inside = pane.localToScene(pane.getLayoutBounds());
        for (String id : java.util.List.of("#addHost", "#editHost", "#removeHost")) {
            javafx.scene.control.Button b = robot.lookup(id).queryAs(javafx.scene.control.Button.class);
            javafx.geometry.Bounds at = b.localToScene(b.getLayoutBounds());
            assertTrue(at.getMinX() >= inside.getMinX() && at.getMaxX() <= inside.getMaxX() && at.getMaxY() <= inside.getMaxY(),
                    id + " " + at + " is inside the list's " + inside);
            assertTrue(b.getText().equals(((javafx.scene.text.Text) b.lookup(".text")).getText()), "'" + b.getText() + "' whole");
        }
        assertTrue(hosts.lookupAll(".scroll-bar").stream().filter(s -> s instanceof javafx.scene.control.ScrollBar sb
                && sb.getOrientation() == javafx.geometry.Orientation.HORIZONTAL).noneMatch(javafx.scene.Node::isVisible),
                "no scroll bar under the host's name");
    }

    /** On a small screen the inspector and host list take at most a share of the width; on a large one, their pixels. */
    @Test
    void theSidePanelsGiveWayOnASmallScreen(FxRobot robot) throws Exception {
        double[] small = new double[1];
        double[] large = new double[1];
        robot.interact(() -> {
            for (double[] at : new double[][] {{700, 0}, {1400, 1}}) {
                javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(new javafx.scene.layout.Pane(),
                        new javafx.scene.layout.Pane());
                WindowPlacement.placeDivider(split, 360, true, 0.4);
                split.resize(at[0], 400);
                (at[1] == 0 ? small : large)[0] = split.getDividerPositions()[0];
            }
        });
        assertEquals(1 - 280.0 / 700, small[0], 0.001, "the inspector is 40% of 700 pixels");
        assertEquals(1 - 360.0 / 1400, large[0], 0.001, "the inspector keeps its 360 pixels");
    }

    /** Python iocage's ids are the names: the "UUID / name" column would repeat Name, so it starts hidden, and stays so. */
    @Test
    void theIdColumnStartsHiddenWhereItRepeatsTheName(FxRobot robot) throws Exception {
        open(robot);
        javafx.scene.control.TableColumn<?, ?> id = page.table().getColumns().stream()
                .filter(c -> "col-id".equals(c.getId())).findFirst().orElseThrow();
        page.waitFor(() -> !id.isVisible());
        robot.interact(() -> stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        String saved = Files.readString(config.resolve("ui-state.json"));
        assertTrue(saved.contains("\"hidden\" : [ \"col-id\" ]"), saved);
    }

    /**
     * Legacy iocage names its jails by UUID: the column says something there and is shown once the listing shows
     * them; not before (a column of nothing beside Name while the listing is on its way).
     */
    @Test
    void theIdColumnIsShownWhereIdsAreUuids(FxRobot robot) throws Exception {
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> page = MainWindowPage.open(robot, stage, config,
                new SimulatedIocage.Config(SimulatedIocage.Flavor.LEGACY, 0, java.time.Duration.ofMillis(800),
                        java.time.Duration.ZERO, null))).get();
        javafx.scene.control.TableColumn<?, ?> id = page.table().getColumns().stream()
                .filter(c -> "col-id".equals(c.getId())).findFirst().orElseThrow();
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertTrue(page.rows().isEmpty(), "still listing");
        assertFalse(id.isVisible(), "not while the listing is on its way");
        page.waitFor(() -> page.rows().size() == 12);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertTrue(id.isVisible());
        assertTrue(page.rows().stream().anyMatch(j -> !j.id().equals(j.tag())), "legacy ids are UUIDs");
        // The details show the UUID beside the name.
        Jail first = page.rows().get(0);
        page.select(first.tag());
        page.waitFor(() -> robot.lookup(".details-value").queryAllAs(Label.class).stream().anyMatch(l -> l.getText().equals(first.id())));
    }
}
