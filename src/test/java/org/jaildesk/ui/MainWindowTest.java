package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import org.jaildesk.client.IocageClientException;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailState;
import org.jaildesk.sim.SimulatedIocage;
import org.jaildesk.ui.jails.JailFilter;
import org.jaildesk.ui.jails.JailType;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The window against the demo host, driven as a user would: clicks, keys, typing. Headless (Monocle). */
class MainWindowTest extends WindowTest {

    @Test
    void launchesToAPopulatedTableTitledWithTheHost(FxRobot robot) throws Exception {
        open(robot);
        assertEquals("JailDesk \u2014 Demo host (simulated)", stage.getTitle());
        assertEquals(12, page.rows().size());
        assertEquals("12 jails", robot.lookup("#status").queryAs(Label.class).getText());
    }

    /** The status line's "12 jails" is the demo host's: a host still loading does not show it, and back it comes. */
    @Test
    void theStatusLineSpeaksOfTheHostShown(FxRobot robot) throws Exception {
        open(robot);
        Label status = robot.lookup("#status").queryAs(Label.class);
        assertEquals("12 jails", status.getText());
        org.jaildesk.ui.connect.HostEntry silent = WaitForAsyncUtils.asyncFx(
                () -> page.hosts.addRemote("silent", "wss://192.0.2.1:12150", "admin")).get();
        robot.interact(() -> page.hosts.selected().set(silent));
        page.waitFor(() -> stage.getTitle().endsWith("silent"));
        assertEquals("", status.getText());
        robot.interact(() -> page.hosts.selected().set(page.hosts.hosts().get(0)));
        page.waitFor(() -> status.getText().equals("12 jails"));
    }

    /** A long status line gives way in a narrow window: the host, its pool and its figures stay whole. */
    @Test
    void aLongStatusLineIsCutBeforeTheHostAndItsPool(FxRobot robot) throws Exception {
        open(robot);
        robot.interact(() -> {
            stage.setWidth(900);
            page.notifier.info("nas will log you in with this desktop's key from now on, and this line goes on and on and on");
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : java.util.List.of("#hostLabel", "#poolLabel", "#hostLoad")) {
            Label l = robot.lookup(id).queryAs(Label.class);
            page.waitFor(() -> l.getWidth() >= l.prefWidth(-1) - 0.5);
            assertFalse(l.getText().isEmpty(), id);
        }
        Label status = robot.lookup("#status").queryAs(Label.class);
        page.waitFor(() -> status.getWidth() < status.prefWidth(-1));
        assertEquals(status.getText(), status.getTooltip().getText(), "whole in its tooltip");
    }

    /**
     * Typing a search keeps the selected jails that it still shows (the table let go of its whole selection when its
     * rows were filtered, seen under Xvfb); one that it hides is let go; a refresh that changes a selected jail's row
     * keeps it selected.
     */
    @Test
    void theSelectionOutlivesASearchThatStillShowsItAndARefresh(FxRobot robot) throws Exception {
        open(robot);
        TableView<?> table = robot.lookup("#jailTable").queryAs(TableView.class);
        page.select("mail", "web02");
        robot.clickOn("#search").write("m");
        page.waitFor(() -> page.rows().size() < 12);
        assertEquals(List.of("mail"), selected(table), "mail is still shown and still selected; web02 is hidden");
        assertEquals("mail", robot.lookup("#detailsTitle").queryAs(Label.class).getText());
        robot.eraseText(1);
        page.waitFor(() -> page.rows().size() == 12);
        assertEquals(List.of("mail"), selected(table), "a jail the search hid is not selected when it comes back");
        robot.clickOn("#tb-start");
        page.waitFor(() -> page.rows().stream().anyMatch(j -> j.tag().equals("mail") && j.isRunning()));
        assertEquals(List.of("mail"), selected(table), "the refresh that shows mail running keeps it selected");
    }

    /** Several jails selected: the details pane sums them up instead of asking for a selection that is there. */
    @Test
    void severalSelectedJailsAreSummedUpInTheDetails(FxRobot robot) throws Exception {
        open(robot);
        page.select("db01", "mail", "web02");
        page.waitFor(() -> "3 jails selected".equals(robot.lookup("#detailsTitle").queryAs(Label.class).getText()));
        List<String> shown = robot.lookup("#details").queryAs(javafx.scene.layout.VBox.class).lookupAll(".details-value")
                .stream().map(n -> ((Label) n).getText()).toList();
        assertEquals("1: db01", shown.get(0));
        assertTrue(shown.get(1).startsWith("2: ") && shown.get(1).contains("mail") && shown.get(1).contains("web02"), shown.toString());
        assertEquals("13.2-RELEASE-p4 (3)", shown.get(2));
        assertTrue(robot.lookup("#detailsManyHint").queryAs(Label.class).getText().startsWith("Start, Stop, Restart"));
        page.select("mail");
        page.waitFor(() -> "mail".equals(robot.lookup("#detailsTitle").queryAs(Label.class).getText()));
        robot.interact(() -> page.table().getSelectionModel().clearSelection());
        page.waitFor(() -> "Select a jail to see its details.".equals(robot.lookup("#detailsTitle").queryAs(Label.class).getText()));
    }

    private static List<String> selected(TableView<?> table) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().getSelectedItems().stream()
                .map(j -> ((org.jaildesk.domain.Jail) j).tag()).sorted().toList()).get();
    }

    /** Help ▸ About says which JailDesk this is, on what, and where its files are; Copy takes it all for a report. */
    @Test
    void aboutTellsTheVersionTheRuntimeAndTheFilesAndCopiesThem(FxRobot robot) throws Exception {
        open(robot);
        robot.interact(() -> MenuItems.byId(robot, "menu-about").fire());
        page.waitFor(() -> robot.lookup("#aboutDialog").tryQuery().isPresent());
        assertEquals("JailDesk 9.8.7-test", robot.lookup("#about-0").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#about-2").queryAs(Label.class).getText().startsWith("Java " + System.getProperty("java.version")));
        assertEquals("Settings, hosts and job history: " + config, robot.lookup("#about-3").queryAs(Label.class).getText());
        robot.clickOn("#aboutCopy");
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        assertTrue(copied.startsWith("JailDesk 9.8.7-test\n") && copied.endsWith("job history: " + config), copied);
        assertTrue(robot.lookup("#aboutDialog").tryQuery().isPresent(), "Copy leaves the dialog open");
        robot.interact(() -> ((javafx.scene.control.DialogPane) robot.lookup("#aboutDialog").query()).getScene().getWindow().hide());
    }

    /** A jail's addresses in the details pane, one a line, so that the narrow pane never breaks inside one. */
    @Test
    void theDetailsShowEachAddressOnItsOwnLine(FxRobot robot) throws Exception {
        open(robot);
        page.select("mail");
        page.waitFor(() -> robot.lookup(".details-value").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("10.0.0.22/24")));
        Label ip4 = robot.lookup(".details-value").queryAllAs(Label.class).stream()
                .filter(l -> l.getText().contains("10.0.0.22/24")).findFirst().orElseThrow();
        assertEquals("em0|192.168.1.22/24\nem0|10.0.0.22/24", ip4.getText());
        assertTrue(robot.lookup(".details-key").queryAllAs(Label.class).stream().noneMatch(l -> l.getText().equals("UUID / name")),
                "a Python jail's id is its name, the title");
        // In the table, where the column cuts the list, its tooltip has them the same way.
        javafx.scene.control.TableCell<?, ?> cell = robot.lookup((Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && "em0|192.168.1.22/24,em0|10.0.0.22/24".equals(c.getText())).query();
        assertEquals("em0|192.168.1.22/24\nem0|10.0.0.22/24", cell.getTooltip().getText());
    }

    @Test
    void searchAndFieldFiltersNarrowTheTable(FxRobot robot) throws Exception {
        open(robot);
        Label matching = robot.lookup("#matching").queryAs(Label.class);
        assertFalse(matching.isVisible(), "without a search the status line has no count of its own");
        robot.clickOn("#search").write("state:up");
        page.waitFor(() -> page.rows().stream().allMatch(j -> j.state() == JailState.UP) && page.rows().size() == 6);
        page.waitFor(() -> matching.isVisible() && matching.getText().equals("The search shows 6 of 12 jails"));
        robot.eraseText(8).write("release:13.* !boot:on");
        page.waitFor(() -> page.rows().size() == 3);
        assertTrue(page.rows().stream().noneMatch(j -> j.boot()));
        robot.eraseText(21).write("nothing-like-this");
        page.waitFor(() -> page.rows().isEmpty());
        assertTrue(robot.lookup("#emptyState").queryAs(Label.class).getText().contains("No jail matches"));
        assertEquals("The search shows 0 of 12 jails", matching.getText());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        page.waitFor(() -> page.rows().size() == 12 && !matching.isVisible());
    }

    /** A pasted page goes into the search as its first 1,000 characters, which is all the filter reads. */
    @Test
    void aPastedPageInTheSearchIsCutToWhatTheFilterReads(FxRobot robot) throws Exception {
        open(robot);
        TextField search = robot.lookup("#search").queryAs(TextField.class);
        robot.interact(() -> search.setText("web0" + "x".repeat(10_000_000)));
        assertEquals(JailFilter.MAX_QUERY, search.getText().length());
        page.waitFor(() -> page.rows().isEmpty());
        robot.interact(() -> search.setText("web0"));
        page.waitFor(() -> page.rows().size() == 2);
        robot.clickOn("#search").write("1");
        page.waitFor(() -> page.rows().size() == 1);
    }

    @Test
    void startsAndStopsSeveralSelectedJails(FxRobot robot) throws Exception {
        open(robot);
        page.select("mail", "web02");
        assertFalse(robot.lookup("#tb-start").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#tb-stop").queryAs(Button.class).isDisabled());
        robot.clickOn("#tb-start");
        page.waitFor(() -> page.row("mail").isRunning() && page.row("web02").isRunning());
        page.waitFor(() -> !robot.lookup("#tb-stop").queryAs(Button.class).isDisabled());
        robot.clickOn("#tb-stop");
        page.waitFor(() -> !page.row("mail").isRunning() && !page.row("web02").isRunning());
    }

    @Test
    void destroyAsksForTheJailNameAndToStopItFirst(FxRobot robot) throws Exception {
        open(robot);
        page.select("db01");
        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        page.waitFor(() -> robot.lookup("#destroyDialog").tryQuery().isPresent());
        Button ok = robot.lookup("#destroyOk").queryAs(Button.class);
        assertTrue(ok.isDisabled());
        // The keyboard is in the name field when the dialog opens: typing needs no click first.
        page.waitFor(() -> robot.lookup("#destroyConfirm").query().isFocused());
        robot.clickOn("#destroyConfirm").write("db0");
        assertTrue(ok.isDisabled(), "a partial name does not enable it");
        robot.write("1");
        assertTrue(ok.isDisabled(), "db01 is running: not without stopping it first");
        robot.clickOn("#destroyStopFirst");
        assertTrue(robot.lookup("#destroyStopFirst").queryAs(CheckBox.class).isSelected());
        assertFalse(ok.isDisabled());
        robot.clickOn(ok);
        page.waitFor(() -> !page.has("db01"));
        assertEquals(11, page.rows().size());
    }

    /** Before the name is typed, the dialog says what goes with the jail: its data, as df says, and its snapshots. */
    @Test
    void destroySaysWhatGoesWithTheJail(FxRobot robot) throws Exception {
        open(robot);
        org.jaildesk.client.IocageClient client = page.hosts.session(page.hosts.hosts().get(0)).jails().client();
        client.takeSnapshot("mail", "before-upgrade").get();
        client.takeSnapshot("mail", "clean").get();
        page.select("mail");
        robot.clickOn("#tb-destroy");
        page.waitFor(() -> robot.lookup("#destroyDialog").tryQuery().isPresent());
        Label goes = robot.lookup("#destroyGoes").queryAs(Label.class);
        page.waitFor(() -> goes.getText().equals("Destroying it also removes 3.40G of data and its 2 snapshots (before-upgrade, clean)."));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        page.waitFor(() -> robot.lookup("#destroyDialog").tryQuery().isEmpty());
        // A jail without snapshots: its data only.
        page.select("web02");
        robot.clickOn("#tb-destroy");
        page.waitFor(() -> robot.lookup("#destroyDialog").tryQuery().isPresent());
        Label other = robot.lookup("#destroyGoes").queryAs(Label.class);
        page.waitFor(() -> other.getText().matches("Destroying it also removes [0-9.]+[KMGT] of data\\."));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        assertTrue(page.has("mail") && page.has("web02"));
    }

    @Test
    void cancellingDestroyDestroysNothing(FxRobot robot) throws Exception {
        open(robot);
        page.select("mail");
        robot.clickOn("#tb-destroy");
        page.waitFor(() -> robot.lookup("#destroyDialog").tryQuery().isPresent());
        robot.clickOn("#destroyConfirm").write("mail");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        page.waitFor(() -> robot.lookup("#destroyDialog").tryQuery().isEmpty());
        robot.clickOn("#tb-refresh");
        page.waitFor(() -> robot.lookup("#stale").queryAs(Label.class).isVisible() || page.has("mail"));
        page.waitFor(() -> !robot.lookup("#stale").queryAs(Label.class).isVisible());
        assertTrue(page.has("mail"));
        assertEquals(12, page.rows().size());
    }

    @Test
    void aSlowRefreshMarksTheRowsStaleUntilItIsDone(FxRobot robot) throws Exception {
        // Every iocage command takes 1.5 s: long enough to see the marking.
        SimulatedIocage.Config slow = new SimulatedIocage.Config(SimulatedIocage.Flavor.PYTHON, 0, Duration.ofMillis(1500),
                Duration.ZERO, null);
        open(robot, slow);
        Node table = robot.lookup("#jailTable").query();
        Label stale = robot.lookup("#stale").queryAs(Label.class);
        Label listed = robot.lookup("#listedAt").queryAs(Label.class);
        assertFalse(stale.isVisible());
        assertEquals(1.0, table.getOpacity());
        page.waitFor(listed::isVisible);
        robot.clickOn("#tb-refresh");
        page.waitFor(() -> stale.isVisible() && table.getOpacity() < 1.0);
        assertEquals("Refreshing \u2014 showing the last known state", stale.getText());
        assertFalse(listed.isVisible(), "the note about old rows in the place of the time they were listed");
        assertEquals(12, page.rows().size(), "the last known rows stay while the refresh runs");
        page.waitFor(() -> !stale.isVisible() && table.getOpacity() == 1.0);
        assertTrue(listed.isVisible());
    }

    /**
     * A quick refresh (here the one after starting a jail) changes the rows it changes and nothing else: the table
     * does not blink dimmed and back, and the status bar says nothing about old rows.
     */
    @Test
    void aQuickRefreshNeitherDimsTheRowsNorSaysTheyAreOld(FxRobot robot) throws Exception {
        open(robot);
        Node table = robot.lookup("#jailTable").query();
        Label stale = robot.lookup("#stale").queryAs(Label.class);
        Label listed = robot.lookup("#listedAt").queryAs(Label.class);
        page.waitFor(listed::isVisible);
        List<Object> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> {
            table.opacityProperty().addListener((o, was, is) -> seen.add("opacity " + is));
            stale.visibleProperty().addListener((o, was, is) -> seen.add("stale label " + is));
            listed.visibleProperty().addListener((o, was, is) -> seen.add("listed label " + is));
        });
        page.select("mail");
        robot.clickOn("#tb-start");
        page.waitFor(() -> page.rows().stream().anyMatch(j -> j.tag().equals("mail") && j.isRunning()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), seen);
        assertEquals(1.0, table.getOpacity());
        // What the bar says instead: when the rows were listed, the time of this listing.
        assertTrue(listed.getText().matches("Listed at \\d\\d:\\d\\d:\\d\\d"), listed.getText());
        java.time.LocalTime shown = java.time.LocalTime.parse(listed.getText().substring("Listed at ".length()));
        long off = Math.abs(java.time.Duration.between(shown, java.time.LocalTime.now()).toSeconds());
        assertTrue(Math.min(off, 86_400 - off) < 60, "listed at " + shown + ", now " + java.time.LocalTime.now());
    }

    @Test
    void createValidatesAsYouTypeThenAddsTheJail(FxRobot robot) throws Exception {
        open(robot);
        page.openCreateDialog();
        Button ok = robot.lookup("#createOk").queryAs(Button.class);
        robot.clickOn("#createName").write("-bad");
        page.waitFor(() -> robot.lookup("#createError").queryAs(Label.class).getText().contains("option"));
        assertTrue(ok.isDisabled());
        robot.eraseText(4).write("mail");
        page.waitFor(() -> robot.lookup("#createError").queryAs(Label.class).getText()
                .equals("A jail named mail is already on this host."));
        assertTrue(ok.isDisabled());
        robot.eraseText(4).write("shop");
        robot.clickOn("#createProps").write("priority=500");
        page.waitFor(() -> robot.lookup("#createError").queryAs(Label.class).getText().contains("priority"));
        robot.eraseText(3).write("5");
        page.waitFor(() -> !ok.isDisabled());
        robot.clickOn(ok);
        page.waitFor(() -> page.has("shop"));
        // The new jail is selected (and scrolled to), as one expects after making it.
        page.waitFor(() -> page.table().getSelectionModel().getSelectedItems().stream().map(Jail::tag).toList().equals(List.of("shop")));
    }

    /** Ctrl+C in the table copies the selected rows as shown, TAB between cells, in the table's order. */
    @Test
    void theSelectedRowsCopyAsText(FxRobot robot) throws Exception {
        open(robot);
        page.select("web02", "mail");
        robot.push(KeyCode.CONTROL, KeyCode.C);
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        // Stopped jails: no JID, CPU or memory.
        assertEquals("down\tmail\t\t\t\toff\tjail\t13.2-RELEASE-p4\tem0|192.168.1.22/24,em0|10.0.0.22/24\n"
                + "down\tweb02\t\t\t\toff\tjail\t13.2-RELEASE-p4\tvnet0|192.168.1.31/24\n", copied);
        // The context menu says the same, and is off without a selection.
        javafx.scene.control.MenuItem copy = page.table().getContextMenu().getItems().stream()
                .filter(i -> "ctx-copy".equals(i.getId())).findFirst().orElseThrow();
        assertEquals("Copy rows", copy.getText());
        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        robot.interact(copy::fire);
        assertEquals(copied, WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get());
    }

    /**
     * The jail table exported as CSV: the columns' titles, then every jail the table lists as it shows them, the search
     * applied, a state in the window's words; a value a spreadsheet would run is written as text. The context menu
     * and the File menu offer it.
     */
    @Test
    void theJailTableExportsAsShown(FxRobot robot) throws Exception {
        open(robot);
        robot.interact(() -> robot.lookup("#search").queryAs(javafx.scene.control.TextField.class).setText("web"));
        page.waitFor(() -> page.rows().size() == 2);
        JailTableFiles files = new JailTableFiles(new org.jaildesk.ui.common.Messages(java.util.Locale.ENGLISH), page.notifier,
                stage, () -> null);
        java.nio.file.Path file = config.resolve("out").resolve("jails.csv");
        Files.createDirectories(file.getParent());
        int written = WaitForAsyncUtils.asyncFx(() -> files.exportTo(((org.jaildesk.ui.jails.JailTableView) page.table())
                .shownAsCells(), file)).get().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(2, written);
        List<String> lines = Files.readAllLines(file);
        assertEquals("State,Name,JID,CPU,Memory,Boot,Type,Release,IPv4", lines.get(0));
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).matches("up,web01,3,[0-9.]+ %,[0-9.]+M,on,basejail,14.1-RELEASE-p2,em0\\|192.168.1.30/24"),
                lines.get(1));
        assertEquals("down,web02,,,,off,jail,13.2-RELEASE-p4,vnet0|192.168.1.31/24", lines.get(2));
        assertEquals(java.util.Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(file));
        page.waitFor(() -> page.notifier.notices().stream().anyMatch(n -> n.message().equals(
                "2 jails written to " + file + ", with the table's columns as it shows them.")));
        // With no jail table shown, nothing is asked: the notice says why.
        robot.interact(files::ask);
        page.waitFor(() -> page.notifier.notices().stream().anyMatch(n -> n.message().equals(
                "No host's jail table is shown: pick a host first.")));
        // A formula in a cell (a host's value) is text in the file.
        assertEquals("'=cmd|' /C calc'!A0", org.jaildesk.ui.common.Csv.cell("=cmd|' /C calc'!A0"));
        // Offered in the table's context menu and the File menu.
        assertTrue(page.table().getContextMenu().getItems().stream().anyMatch(i -> "ctx-export".equals(i.getId())));
        assertTrue(robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).anyMatch(i -> "menu-exportJails".equals(i.getId())));
    }

    /** A jail made from one of the host's templates: the template takes the release's place, and must be chosen. */
    @Test
    void createMakesAJailFromATemplate(FxRobot robot) throws Exception {
        open(robot);
        page.openCreateDialog();
        Button ok = robot.lookup("#createOk").queryAs(Button.class);
        robot.clickOn("#createName").write("shop");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<JailType> type = robot.lookup("#createType").queryAs(javafx.scene.control.ChoiceBox.class);
        assertEquals("From a template", type.getConverter().toString(JailType.TEMPLATE));
        robot.interact(() -> type.setValue(JailType.TEMPLATE));
        page.waitFor(() -> robot.lookup((javafx.scene.Node n) -> n instanceof Label l && "Te_mplate".equals(l.getText())).tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> template = robot.lookup("#createTemplate").queryAs(javafx.scene.control.ComboBox.class);
        page.waitFor(() -> template.isVisible() && !robot.lookup("#createRelease").query().isVisible());
        assertEquals("Choose a template.", robot.lookup("#createError").queryAs(Label.class).getText());
        assertTrue(ok.isDisabled());
        page.waitFor(() -> template.getItems().contains("tmpl-web"));
        robot.interact(() -> template.setValue("tmpl-web"));
        page.waitFor(() -> !ok.isDisabled());
        robot.clickOn(ok);
        page.waitFor(() -> page.has("shop"));
        assertEquals("tmpl-web", page.row("shop").template());
    }

    @Test
    void aLongErrorInADialogIsShownWholeAndItsButtonsStayInView(FxRobot robot) throws Exception {
        open(robot);
        page.openCreateDialog();
        Label error = robot.lookup("#createError").queryAs(Label.class);
        Button cancel = (Button) robot.lookup("#createDialog").queryAs(javafx.scene.control.DialogPane.class)
                .lookupButton(javafx.scene.control.ButtonType.CANCEL);
        robot.clickOn("#createName").write("bad;name");
        page.waitFor(() -> error.getText().startsWith("invalid jail name") && error.getHeight() > 2 * error.getFont().getSize());
        page.waitFor(() -> error.getHeight() >= error.prefHeight(error.getWidth()) - 0.5
                && cancel.localToScene(cancel.getBoundsInLocal()).getMaxY() <= cancel.getScene().getHeight());
        // Put right, the dialog keeps its size: the fields do not narrow under the cursor while one types.
        javafx.stage.Window dialog = cancel.getScene().getWindow();
        double width = dialog.getWidth();
        double field = robot.lookup("#createName").queryAs(javafx.scene.control.TextField.class).getWidth();
        robot.interact(() -> robot.lookup("#createName").queryAs(javafx.scene.control.TextField.class).setText("shop"));
        page.waitFor(() -> error.getText().isEmpty());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(width, dialog.getWidth(), 0.5);
        assertEquals(field, robot.lookup("#createName").queryAs(javafx.scene.control.TextField.class).getWidth(), 0.5);
        robot.clickOn(cancel);
    }

    @Test
    void aLongNoticeWrapsKeepsItsButtonsWholeAndIsReplacedByTheNextOfItsKind(FxRobot robot) throws Exception {
        open(robot);
        String fingerprint = "76:D9:4A:D6:FA:F4:4E:88:28:B8:85:F1:03:FA:B8:52:89:42:25:31:26:51:20:95:2A:F2:30:08:54:74:AD:A1";
        String text = ("the certificate of 127.0.0.1:13150 is not known yet; its SHA-256 fingerprint is " + fingerprint
                + ". Compare it with the one 'jaildesk serve' printed, then accept it. ").repeat(3);
        robot.interact(() -> page.notifier.failure("Refresh", new IocageClientException(IocageClientException.Kind.TRANSPORT, text)));
        page.waitFor(() -> robot.lookup("#notice-copy-0").tryQuery().isPresent());
        Button copy = robot.lookup("#notice-copy-0").queryAs(Button.class);
        Button dismiss = robot.lookup("#notice-dismiss-0").queryAs(Button.class);
        page.waitFor(() -> copy.getWidth() >= copy.prefWidth(-1) - 0.5 && dismiss.getWidth() >= dismiss.prefWidth(-1) - 0.5);
        Label shown = robot.lookup("#notice-0").queryAs(Label.class);
        assertTrue(shown.getHeight() > 2 * shown.getFont().getSize(), "the message wraps onto several lines");

        robot.interact(() -> page.notifier.failure("Refresh", new IocageClientException(IocageClientException.Kind.TRANSPORT, "connection refused")));
        page.waitFor(() -> robot.lookup(".notice").queryAll().size() == 1
                && robot.lookup("#notice-0").queryAs(Label.class).getText().equals("Refresh: connection refused"));
        robot.interact(() -> page.notifier.refusal("type the jail's name to confirm"));
        robot.interact(() -> page.notifier.succeeded("Refresh"));
        page.waitFor(() -> robot.lookup(".notice").queryAll().size() == 1
                && robot.lookup("#notice-0").queryAs(Label.class).getText().equals("type the jail's name to confirm"));
    }

    @Test
    void cloneMakesACopyOfAStoppedJail(FxRobot robot) throws Exception {
        open(robot);
        page.select("mail");
        robot.clickOn("#tb-clone");
        page.waitFor(() -> robot.lookup("#cloneDialog").tryQuery().isPresent());
        robot.clickOn("#cloneOk");
        page.waitFor(() -> page.has("mail-clone"));
    }

    @Test
    void hoveringAGreyedOutButtonSaysWhyItIsOff(FxRobot robot) throws Exception {
        open(robot);
        page.select("db01");
        assertTrue(robot.lookup("#tb-clone").queryAs(Button.class).isDisabled());
        robot.moveTo("#tb-clone");
        page.waitFor(() -> shownTooltip(robot).equals("Clone\u2026 (Ctrl+D)\ndb01 is running: iocage clones only a stopped jail. Stop it first."));
        // Once the jail is stopped the button is on, and its own tooltip names it without a reason.
        robot.moveTo("#search");
        page.waitFor(() -> shownTooltip(robot).isEmpty());
        page.select("mail");
        assertFalse(robot.lookup("#tb-clone").queryAs(Button.class).isDisabled());
        robot.moveTo("#tb-clone");
        page.waitFor(() -> shownTooltip(robot).equals("Clone\u2026 (Ctrl+D)"));
    }

    /**
     * A greyed-out item of the Jail menu says why beside it, for the pointer and for the arrow keys alike, and an item
     * that is on says nothing; so does the table's context menu. The row's help text carries the reason to a screen
     * reader.
     */
    @Test
    void aGreyedOutMenuItemSaysWhyItIsOff(FxRobot robot) throws Exception {
        open(robot);
        page.select("db01");
        robot.clickOn("Jail");
        javafx.scene.control.MenuItem clone = MenuItems.byId(robot, "menu-clone");
        page.waitFor(() -> clone.getStyleableNode() != null && clone.getStyleableNode().isVisible());
        assertTrue(clone.isDisable());
        robot.moveTo(clone.getStyleableNode());
        String why = "db01 is running: iocage clones only a stopped jail. Stop it first.";
        page.waitFor(() -> shownTooltip(robot).equals(why));
        assertEquals(why, clone.getStyleableNode().getAccessibleHelp());
        // Stop is on for a running jail: its row says nothing, and the reason beside Clone has gone.
        robot.moveTo(MenuItems.byId(robot, "menu-stop").getStyleableNode());
        page.waitFor(() -> shownTooltip(robot).isEmpty());
        // Start is greyed out too; the arrow keys reach it from Stop (Start comes first).
        robot.push(KeyCode.UP);
        page.waitFor(() -> shownTooltip(robot).equals("db01 is already running."));
        robot.push(KeyCode.ESCAPE);
        page.waitFor(() -> shownTooltip(robot).isEmpty());
        // The table's context menu: the same items, the same reasons.
        // (Monocle sends no context-menu request for a right click: the menu is shown as the table would show it.)
        javafx.scene.control.ContextMenu menu = page.table().getContextMenu();
        robot.interact(() -> menu.show(page.cell("db01"), javafx.geometry.Side.BOTTOM, 0, 0));
        javafx.scene.control.MenuItem ctxClone = menu.getItems().stream()
                .filter(i -> "menu-clone".equals(i.getId())).findFirst().orElseThrow();
        page.waitFor(() -> ctxClone.getStyleableNode() != null && ctxClone.getStyleableNode().isVisible());
        robot.moveTo(ctxClone.getStyleableNode());
        page.waitFor(() -> shownTooltip(robot).equals(why));
        robot.push(KeyCode.ESCAPE);
        page.waitFor(() -> shownTooltip(robot).isEmpty());
    }

    /**
     * A shortcut pressed while its action is off says why on the status line, instead of nothing (which reads as a key
     * the window did not take); Rename's F2, which the table takes first, too. A shortcut that can run still runs.
     */
    @Test
    void aShortcutThatCannotRunSaysWhyOnTheStatusLine(FxRobot robot) throws Exception {
        open(robot);
        page.select("db01");
        Label status = robot.lookup("#status").queryAs(Label.class);
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S);
        page.waitFor(() -> status.getText().equals("Start (Ctrl+Shift+S) cannot run now: db01 is already running."));
        page.select("db01", "mail");
        robot.push(KeyCode.F2);
        page.waitFor(() -> status.getText().equals(
                "Rename (F2) cannot run now: 2 jails are selected; this works on one jail at a time."));
        page.select("mail");
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S);
        page.waitFor(() -> page.rows().stream().anyMatch(j -> j.tag().equals("mail") && j.isRunning()));
        assertFalse(status.getText().contains("cannot run now"), status.getText());
    }

    /** Host ▸ Action log… on a host that keeps none (the demo host, as this machine): it says so, and where to look. */
    @Test
    void aHostWithoutAnActionLogSaysSo(FxRobot robot) throws Exception {
        open(robot);
        robot.interact(() -> MenuItems.byId(robot, "menu-actionLog").fire());
        page.waitFor(() -> robot.lookup("#actionLogSaid").tryQuery().isPresent());
        Label said = robot.lookup("#actionLogSaid").queryAs(Label.class);
        page.waitFor(() -> said.getText().startsWith("This host keeps no action log: only a JailDesk server (jaildesk serve) does."));
        assertTrue(robot.lookup("#actionLogTable").queryAs(TableView.class).getItems().isEmpty());
        assertTrue(robot.lookup("#actionLogExport").queryAs(javafx.scene.control.Button.class).isDisabled(), "nothing to export");
        assertEquals("Action log \u2014 Demo host (simulated)", ((javafx.stage.Stage) said.getScene().getWindow()).getTitle());
        robot.interact(() -> ((javafx.stage.Stage) said.getScene().getWindow()).close());
    }

    /** The text of the tooltip on screen, or "" when none is. */
    private static String shownTooltip(FxRobot robot) {
        return robot.listWindows().stream().filter(w -> w instanceof javafx.scene.control.Tooltip && w.isShowing())
                .map(w -> ((javafx.scene.control.Tooltip) w).getText()).findFirst().orElse("");
    }

    @Test
    void aFailureIsShownCalmlyWithCopyDetails(FxRobot robot) throws Exception {
        open(robot);
        page.select("test-empty");
        robot.clickOn("#tb-start");
        page.waitFor(() -> robot.lookup("#notice-0").tryQuery().isPresent());
        String text = robot.lookup("#notice-0").queryAs(Label.class).getText();
        assertTrue(text.startsWith("Start test-empty:"), text);
        assertTrue(robot.lookup("#notice-copy-0").tryQuery().isPresent());
        robot.clickOn("#notice-dismiss-0");
        page.waitFor(() -> robot.lookup("#notice-0").tryQuery().isEmpty());
    }

    /** ui-state.json is a file people edit: nonsense in it falls back to the defaults instead of stopping the window. */
    @Test
    void aDamagedSettingsFileStillOpensTheWindow(FxRobot robot) throws Exception {
        Files.writeString(config.resolve("ui-state.json"),
                "{\"settings\":{\"refreshSeconds\":\"soon\",\"jobsVisible\":\"perhaps\"},\"layouts\":{\"demo\":{\"width\":\"wide\"}}}");
        open(robot);
        assertEquals(30, new UiState(config.resolve("ui-state.json")).intSetting("refreshSeconds", 30));
        var thirty = MenuItems.byId(robot, "menu-refresh-30");
        assertTrue(((javafx.scene.control.RadioMenuItem) thirty).isSelected(), "the default interval is the one chosen");
    }

    /** The clone dialog opens with the keyboard in its name, the suggestion selected: typing replaces it. */
    @Test
    void cloneOpensReadyToTypeTheNewName(FxRobot robot) throws Exception {
        open(robot);
        page.select("mail");
        robot.clickOn("#tb-clone");
        page.waitFor(() -> robot.lookup("#cloneName").tryQuery().isPresent()
                && robot.lookup("#cloneName").query().isFocused());
        javafx.scene.control.TextField name = robot.lookup("#cloneName").queryAs(javafx.scene.control.TextField.class);
        assertEquals("mail-clone", name.getSelectedText());
        robot.interact(() -> name.replaceSelection("mail2"));
        robot.clickOn("#cloneOk");
        page.waitFor(() -> page.has("mail2"));
        // The clone, not its source, is selected now.
        page.waitFor(() -> page.table().getSelectionModel().getSelectedItems().stream().map(Jail::tag).toList().equals(List.of("mail2")));
    }

    /**
     * A window replaced by another on the same stage (a language switch in the app; the next test here) is let go:
     * each window's theme left a listener on the stage's scene that held it and everything it showed, 79 windows and
     * most of a 1 GB heap over one run of the tests.
     */
    @Test
    void aWindowReplacedOnTheSameStageIsLetGo(FxRobot robot) throws Exception {
        open(robot);
        java.lang.ref.WeakReference<MainWindow> first = new java.lang.ref.WeakReference<>(page.window);
        page.close();
        open(robot);
        page.waitFor(() -> {
            System.gc();
            return first.get() == null;
        });
    }
}
