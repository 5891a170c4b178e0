package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.jaildesk.client.InProcessTransport;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.ProtocolLog;
import org.jaildesk.sim.SimulatedIocage;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.jobs.JobRow;
import org.jaildesk.ui.jobs.JobsViewModel;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Jobs, live refresh, the protocol log, theme, language and the command palette. */
class EverydayFeaturesTest extends WindowTest {

    @Test
    void aLongJobShowsProgressAndLandsInHistory(FxRobot robot) throws Exception {
        JobRow job = startACreateThatDownloads(robot, "fresh", Duration.ofMillis(25));
        assertEquals("createjail", job.action());
        javafx.scene.control.TableView<?> jobsTable = robot.lookup("#jobsTable").queryAs(javafx.scene.control.TableView.class);
        assertEquals("Create", jobsTable.getColumns().stream().filter(c -> c.getText().equals("Action")).findFirst()
                .orElseThrow().getCellData(0), "the job says what it does in words, not by its protocol action");
        AtomicBoolean partway = new AtomicBoolean();
        page.waitFor(() -> {
            double p = job.progress().get();
            if (p > 0 && p < 1) {
                partway.set(true);
            }
            return job.state().get() != JobRow.State.RUNNING;
        });
        assertTrue(partway.get(), "the progress bar moved while the release downloaded");
        assertEquals(JobRow.State.DONE, job.state().get());
        assertTrue(job.output().stream().anyMatch(l -> l.startsWith("Downloading: base.txz")), job.output().toString());
        page.waitFor(() -> page.has("fresh"));
        page.jobs.flush().get(10, java.util.concurrent.TimeUnit.SECONDS);
        JobsViewModel reloaded = new JobsViewModel(Runnable::run, new Messages(Locale.ENGLISH), config.resolve("jobs.json"), m -> { });
        assertEquals("createjail", reloaded.jobs().get(0).action(), "the history survives a restart");
        assertTrue(Files.readString(config.resolve("jobs.json")).contains("fresh"));
    }

    /**
     * Opens the window over a demo host whose downloads advance one step per {@code step}, and creates jail
     * {@code name} from a release that is not fetched yet; returns its job as soon as it is listed.
     */
    private JobRow startACreateThatDownloads(FxRobot robot, String name, Duration step) throws Exception {
        open(robot, new SimulatedIocage.Config(SimulatedIocage.Flavor.PYTHON, 0, Duration.ZERO, step, null));
        page.openCreateDialog();
        robot.clickOn("#createName").write(name);
        robot.interact(() -> robot.lookup("#createRelease").queryAs(javafx.scene.control.ComboBox.class).getItems().add("13.4-RELEASE"));
        robot.interact(() -> robot.lookup("#createRelease").queryAs(javafx.scene.control.ComboBox.class).setValue("13.4-RELEASE"));
        robot.clickOn("#createOk");
        page.waitFor(() -> !page.jobs.jobs().isEmpty());
        return page.jobs.jobs().get(0);
    }

    /** A create that downloads slowly (one step every 500 ms), still running when returned. */
    private JobRow startASlowCreate(FxRobot robot) throws Exception {
        JobRow job = startACreateThatDownloads(robot, "slow", Duration.ofMillis(500));
        assertEquals(JobRow.State.RUNNING, job.state().get());
        return job;
    }

    private void stopSlowJob(JobRow job) {
        robot().interact(() -> page.jobs.cancel(job));
        page.waitFor(() -> job.state().get() != JobRow.State.RUNNING);
    }

    /** The window's close button, as a user presses it, while a job runs: the quit question shows. */
    private void closeAndWaitForTheQuestion(FxRobot robot) {
        javafx.application.Platform.runLater(() -> stage.fireEvent(
                new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        page.waitFor(() -> robot.lookup("#quitDialog").tryQuery().isPresent());
    }

    private FxRobot robot() {
        return page.robot;
    }

    @Test
    void closingTheWindowWhileAJobRunsAsksFirst(FxRobot robot) throws Exception {
        JobRow job = startASlowCreate(robot);
        closeAndWaitForTheQuestion(robot);
        // Named as the jobs panel names it, not by its protocol action (createjail).
        assertEquals("Create slow on Demo host (simulated)", robot.lookup("#quitJobs").queryAs(javafx.scene.control.Label.class).getText());
        assertFalse(robot.lookup("#quitAnyway").queryButton().isDefaultButton(), "Enter does not stop the jobs");
        robot.clickOn("Cancel");
        page.waitFor(() -> robot.lookup("#quitDialog").tryQuery().isEmpty());
        assertTrue(stage.isShowing(), "the window stays open");
        assertEquals(JobRow.State.RUNNING, job.state().get(), "the job goes on");

        // File ▸ Quit (Ctrl+Q) asks the same.
        javafx.scene.control.MenuItem quit = robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class).getMenus().get(0)
                .getItems().stream().filter(i -> "menu-quit".equals(i.getId())).findFirst().orElseThrow();
        javafx.application.Platform.runLater(quit::fire);
        page.waitFor(() -> robot.lookup("#quitDialog").tryQuery().isPresent());
        robot.clickOn("Cancel");
        page.waitFor(() -> robot.lookup("#quitDialog").tryQuery().isEmpty());
        assertTrue(stage.isShowing());
        assertEquals(JobRow.State.RUNNING, job.state().get());

        stopSlowJob(job);
        javafx.application.Platform.runLater(() -> stage.fireEvent(
                new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        page.waitFor(() -> !stage.isShowing());
        assertTrue(robot.lookup("#quitDialog").tryQuery().isEmpty(), "nothing running: no question");
    }

    /**
     * Quitting anyway: the demo host's job ends as cancelled, saying why, and stays in the history (it was left out,
     * as if it had never run); its own end, coming after, does not overwrite that.
     */
    @Test
    void quittingAnywayKeepsTheStoppedJobInTheHistory(FxRobot robot) throws Exception {
        JobRow job = startASlowCreate(robot);
        closeAndWaitForTheQuestion(robot);
        robot.clickOn("#quitAnyway");
        page.waitFor(() -> !stage.isShowing());
        assertEquals(JobRow.State.CANCELLED, job.state().get());
        assertEquals("Stopped: JailDesk was closed while it ran", job.result().get());
        page.jobs.flush().get(10, java.util.concurrent.TimeUnit.SECONDS);
        String saved = Files.readString(config.resolve("jobs.json"));
        assertTrue(saved.contains("CANCELLED") && saved.contains("Stopped: JailDesk was closed while it ran"), saved);
    }

    @Test
    void theLanguageWaitsForTheNextStartWhileAJobRuns(FxRobot robot) throws Exception {
        JobRow job = startASlowCreate(robot);
        javafx.scene.control.MenuItem german = MenuItems.byId(robot, "menu-lang-de");
        robot.interact(german::fire);
        page.waitFor(() -> page.notifier.notices().stream().anyMatch(n -> n.message().startsWith("Deutsch from the next start")));
        assertEquals(JobRow.State.RUNNING, job.state().get(), "the job was not stopped");
        assertEquals("_File", robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class).getMenus().get(0).getText(),
                "the window was not rebuilt in German");
        assertTrue(Files.readString(config.resolve("ui-state.json")).contains("\"language\" : \"de\""));
        stopSlowJob(job);
    }

    /** The dialogs check names and values as one types in the window's language, not only in English. */
    @Test
    void inGermanTheCreateDialogSaysWhatIsWrongInGerman(FxRobot robot) throws Exception {
        open(robot);
        javafx.scene.control.MenuItem german = MenuItems.byId(robot, "menu-lang-de");
        robot.interact(german::fire);
        page.waitFor(() -> "_Datei".equals(robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class).getMenus().get(0).getText()));
        page.openCreateDialog();
        javafx.scene.control.Label error = robot.lookup("#createError").queryAs(javafx.scene.control.Label.class);
        robot.clickOn("#createName").write("bad;name");
        page.waitFor(() -> error.getText().startsWith("ungültiger Jail-Name 'bad;name'"));
        robot.interact(() -> robot.lookup("#createName").queryAs(javafx.scene.control.TextField.class).setText("shop"));
        robot.clickOn("#createProps").write("priority=500");
        page.waitFor(() -> error.getText().equals("'500' ist kein gültiger Wert für priority: eine ganze Zahl von 1 bis 99"));
        robot.interact(() -> robot.lookup("#createProps").queryAs(javafx.scene.control.TextField.class).setText("priority"));
        page.waitFor(() -> error.getText().equals("'priority' ist nicht Schlüssel=Wert"));
    }

    @Test
    void aReleaseIsFetchedFromTheHostMenuAndThenOfferedForNewJails(FxRobot robot) throws Exception {
        open(robot);
        javafx.scene.control.MenuItem fetch = MenuItems.byId(robot, "menu-fetchRelease");
        assertEquals("Fetch a release\u2026", fetch.getText());
        robot.interact(fetch::fire);
        page.waitFor(() -> robot.lookup("#fetchReleaseName").tryQuery().isPresent());
        // The name field has the focus when the dialog opens.
        page.waitFor(() -> robot.lookup("#fetchReleaseName").query().isFocused());
        robot.clickOn("#fetchReleaseName").write("13.4");
        assertEquals("Enter a FreeBSD release such as 14.2-RELEASE.", robot.lookup("#fetchError").queryAs(javafx.scene.control.Label.class).getText());
        assertTrue(robot.lookup("#fetchOk").queryButton().isDisabled());
        robot.write("-RELEASE; touch x");
        assertTrue(robot.lookup("#fetchOk").queryButton().isDisabled());
        robot.interact(() -> robot.lookup("#fetchReleaseName").queryAs(javafx.scene.control.TextField.class).setText("13.4-RELEASE"));
        assertEquals("", robot.lookup("#fetchError").queryAs(javafx.scene.control.Label.class).getText());
        robot.clickOn("#fetchOk");
        page.waitFor(() -> !page.jobs.jobs().isEmpty());
        JobRow job = page.jobs.jobs().get(0);
        assertEquals("fetchrelease", job.action());
        assertEquals("13.4-RELEASE", job.target());
        page.waitFor(() -> job.state().get() == JobRow.State.DONE);

        page.openCreateDialog();
        page.waitFor(() -> robot.lookup("#createRelease").queryAs(javafx.scene.control.ComboBox.class).getItems().contains("13.4-RELEASE"));
        robot.clickOn("Cancel");
    }

    /**
     * The fetch dialog lists what the host's mirror offers (iocage list -R), oldest first, with the releases already
     * fetched marked; a click takes a name, a double click fetches it.
     */
    @Test
    void theFetchDialogOffersTheMirrorsReleases(FxRobot robot) throws Exception {
        open(robot);
        robot.interact(MenuItems.byId(robot, "menu-fetchRelease")::fire);
        page.waitFor(() -> robot.lookup("#fetchOffered").tryQuery().isPresent());
        javafx.scene.control.ListView<String> offered = robot.lookup("#fetchOffered").queryListView();
        page.waitFor(() -> offered.getItems().size() == 8);
        assertEquals(List.of("12.4-RELEASE", "13.2-RELEASE", "13.3-RELEASE", "13.4-RELEASE", "14.0-RELEASE", "14.1-RELEASE",
                "14.2-RELEASE", "15.0-RELEASE"), offered.getItems());
        page.waitFor(() -> robot.lookup(".list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .anyMatch(c -> "14.1-RELEASE   (already fetched)".equals(c.getText())));
        javafx.scene.control.TextField name = robot.lookup("#fetchReleaseName").queryAs(javafx.scene.control.TextField.class);
        robot.clickOn("13.4-RELEASE");
        assertEquals("13.4-RELEASE", name.getText());
        robot.doubleClickOn("14.2-RELEASE");
        page.waitFor(() -> !page.jobs.jobs().isEmpty());
        assertEquals("14.2-RELEASE", page.jobs.jobs().get(0).target());
        page.waitFor(() -> robot.lookup("#fetchOffered").tryQuery().isEmpty());
    }

    @Test
    void anotherClientsChangeUpdatesTheTableByItself(FxRobot robot) throws Exception {
        open(robot);
        new IocageClient(new InProcessTransport(page.host)).startJail("mail").join();
        page.waitFor(() -> page.row("mail").isRunning());
    }

    @Test
    void theProtocolLogShowsRequestsRepliesAndTheIocageArgv(FxRobot robot) throws Exception {
        open(robot);
        robot.clickOn("View").clickOn("Protocol log");
        page.waitFor(() -> robot.lookup("#logTable").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<ProtocolLog.Entry> table = (TableView<ProtocolLog.Entry>) robot.lookup("#logTable").query();
        List<ProtocolLog.Entry> entries = List.copyOf(table.getItems());
        // The entry pane says what goes there while it is empty.
        assertEquals("Select an entry to see it whole. While none is selected, Copy takes every entry shown.",
                robot.lookup("#logText").queryAs(javafx.scene.control.TextArea.class).getPromptText());
        ProtocolLog.Entry request = entries.stream().filter(e -> e.kind() == ProtocolLog.Entry.Kind.REQUEST
                && e.summary().startsWith("sysadm/iocage listjails")).findFirst().orElseThrow();
        String id = request.summary().substring(request.summary().indexOf('#') + 1);
        assertTrue(entries.stream().anyMatch(e -> e.kind() == ProtocolLog.Entry.Kind.REPLY && e.summary().endsWith("#" + id)));
        assertTrue(entries.stream().anyMatch(e -> e.kind() == ProtocolLog.Entry.Kind.COMMAND && e.summary().startsWith("iocage list -l -h")));
        robot.clickOn("#logFilter").write("list -l");
        page.waitFor(() -> table.getItems().stream().allMatch(e -> e.kind() == ProtocolLog.Entry.Kind.COMMAND));
    }

    @Test
    void theHighContrastThemeIsChosenKeptAndGoneThroughWithCtrlShiftT(FxRobot robot) throws Exception {
        open(robot);
        javafx.collections.ObservableList<String> root = stage.getScene().getRoot().getStyleClass();
        javafx.scene.control.MenuItem contrast = MenuItems.byId(robot, "menu-theme-contrast");
        assertEquals("High contrast", contrast.getText());
        robot.interact(contrast::fire);
        // Built on the dark theme's rules: the root carries both classes.
        page.waitFor(() -> root.contains("contrast") && root.contains("dark"));
        page.waitFor(() -> {
            try {
                return Files.readString(config.resolve("ui-state.json")).contains("\"theme\" : \"contrast\"");
            } catch (java.io.IOException e) {
                return false;
            }
        });
        // A dialog opened now wears it too.
        robot.clickOn("#tb-create");
        page.waitFor(() -> javafx.stage.Window.getWindows().stream().anyMatch(w -> w != stage && w.getScene() != null
                && w.getScene().getRoot().getStyleClass().contains("contrast")));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        // Ctrl+Shift+T goes on to the next theme (light after high contrast), and the menu's mark goes with it.
        page.waitFor(() -> stage.isFocused());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T)
                .release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);
        page.waitFor(() -> !root.contains("contrast") && !root.contains("dark"));
        javafx.scene.control.Menu themes = (javafx.scene.control.Menu) MenuItems.byId(robot, "menu-theme");
        assertEquals(List.of("menu-theme-light"), themes.getItems().stream()
                .filter(i -> i instanceof javafx.scene.control.RadioMenuItem r && r.isSelected()).map(i -> i.getId()).toList());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T)
                .release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);
        page.waitFor(() -> root.contains("dark") && !root.contains("contrast"));
        assertEquals(List.of("menu-theme-dark"), themes.getItems().stream()
                .filter(i -> i instanceof javafx.scene.control.RadioMenuItem r && r.isSelected()).map(i -> i.getId()).toList());
        // From the keyboard: the command palette has the three, and the menu's mark follows.
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        page.waitFor(() -> robot.lookup("#paletteQuery").tryQuery().isPresent());
        robot.clickOn("#paletteQuery").write("high contrast");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        page.waitFor(() -> root.contains("contrast"));
        assertEquals(List.of("menu-theme-contrast"), themes.getItems().stream()
                .filter(i -> i instanceof javafx.scene.control.RadioMenuItem r && r.isSelected()).map(i -> i.getId()).toList());
        // Any other menu item too, by its place in the menus: here the protocol log.
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        page.waitFor(() -> robot.lookup("#paletteQuery").tryQuery().isPresent());
        robot.clickOn("#paletteQuery").write("protocol log");
        javafx.scene.control.ListView<?> list = robot.lookup("#paletteList").queryAs(javafx.scene.control.ListView.class);
        assertEquals("View \u25b8 Protocol log   Ctrl+Shift+P", list.getItems().get(0).toString());
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        page.waitFor(() -> robot.lookup("#logTable").tryQuery().isPresent());
    }

    /** Alt and a menu's underlined letter opens it, as in any desktop app (Alt+V: View). */
    @Test
    void altAndAMenusLetterOpensIt(FxRobot robot) throws Exception {
        open(robot);
        robot.clickOn(page.cell("mail"));
        javafx.scene.control.MenuBar bar = robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.Menu view = bar.getMenus().get(3);
        robot.press(KeyCode.ALT, KeyCode.V).release(KeyCode.V, KeyCode.ALT);
        page.waitFor(view::isShowing);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        page.waitFor(() -> !view.isShowing());
    }

    @Test
    void switchingThemeAndLanguageChangesTheWindow(FxRobot robot) throws Exception {
        open(robot);
        assertTrue(!stage.getScene().getRoot().getStyleClass().contains("dark"));
        // A submenu's item is fired, not clicked: Monocle closes nested popups in an order JavaFX then trips over.
        javafx.scene.control.MenuItem dark = MenuItems.byId(robot, "menu-theme-dark");
        assertEquals("Dark", dark.getText());
        robot.interact(dark::fire);
        page.waitFor(() -> stage.getScene().getRoot().getStyleClass().contains("dark"));
        assertFalse(stage.getScene().getRoot().getStyleClass().contains("contrast"));
        MainWindow english = page.window;
        assertTrue(english.backgroundRunning());
        robot.clickOn("View").clickOn("Language").clickOn("Deutsch");
        page.waitFor(() -> robot.lookup("#tb-start").tryQuery().map(n -> ((Button) n).getText().equals("Starten")).orElse(false));
        // The English window that was replaced stops its background refresh; the new one has its own. One set of icons.
        assertFalse(english.backgroundRunning());
        assertTrue(page.window.backgroundRunning());
        assertEquals(5, stage.getIcons().size());
        page.waitFor(() -> page.rows().size() == 12);
        assertTrue(stage.getScene().getRoot().getStyleClass().contains("dark"), "the theme stays");
        assertEquals("JailDesk \u2014 Demo host (simulated)", stage.getTitle());
        robot.clickOn("Ansicht").clickOn("Sprache").clickOn("English");
        page.waitFor(() -> robot.lookup("#tb-start").tryQuery().map(n -> ((Button) n).getText().equals("Start")).orElse(false));
    }

    @Test
    void theCommandPaletteStartsAJail(FxRobot robot) throws Exception {
        open(robot);
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        page.waitFor(() -> robot.lookup("#paletteQuery").tryQuery().isPresent());
        robot.clickOn("#paletteQuery").write("start mail");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        page.waitFor(() -> page.row("mail").isRunning());
    }

    @Test
    void theCommandPaletteListsAnActionThatCannotRunWithWhyAndEnterLeavesItOpen(FxRobot robot) throws Exception {
        open(robot);
        page.select("db01");
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        page.waitFor(() -> robot.lookup("#paletteQuery").tryQuery().isPresent());
        robot.clickOn("#paletteQuery").write("clone");
        javafx.scene.control.ListView<?> list = robot.lookup("#paletteList").queryAs(javafx.scene.control.ListView.class);
        page.waitFor(() -> list.getItems().size() == 1);
        assertEquals("Clone   Ctrl+D  \u2014  db01 is running: iocage clones only a stopped jail. Stop it first.",
                list.getItems().get(0).toString());
        page.waitFor(() -> robot.lookup(".list-cell:unavailable").tryQuery().isPresent());
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#paletteQuery").tryQuery().isPresent(), "Enter on an action that cannot run keeps the palette open");
        assertTrue(robot.lookup("#cloneDialog").tryQuery().isEmpty());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        page.waitFor(() -> robot.lookup("#paletteQuery").tryQuery().isEmpty());
    }

    @Test
    void theBackgroundRefreshIntervalIsChosenAndRemembered(FxRobot robot) throws Exception {
        open(robot);
        javafx.scene.control.MenuItem every = MenuItems.byId(robot, "menu-refresh-60");
        assertEquals("Every 1 min", every.getText());
        robot.interact(every::fire);
        page.waitFor(() -> {
            try {
                return Files.readString(config.resolve("ui-state.json")).contains("\"refreshSeconds\" : \"60\"");
            } catch (java.io.IOException e) {
                return false;
            }
        });
    }

    /** A search saved under a name comes back from the View menu, and with Ctrl+1; it is kept, and removed again. */
    @Test
    void aSavedSearchComesBackFromTheMenuAndItsShortcut(FxRobot robot) throws Exception {
        open(robot);
        javafx.scene.control.TextField search = robot.lookup("#search").queryAs(javafx.scene.control.TextField.class);
        assertTrue(MenuItems.byId(robot, "menu-search-save").isDisable(), "nothing to save in an empty field");
        robot.clickOn("#search").write("state:up !type:basejail");
        page.waitFor(() -> page.rows().size() == 4);
        robot.interact(MenuItems.byId(robot, "menu-search-save")::fire);
        page.waitFor(() -> robot.lookup("#saveSearchDialog").tryQuery().isPresent());
        javafx.scene.control.TextField name = robot.lookup("#saveSearchName").queryAs(javafx.scene.control.TextField.class);
        assertEquals("state:up !type:basejail", name.getText(), "the query itself until named");
        robot.interact(() -> name.setText(""));
        assertEquals("Give the search a name.", robot.lookup("#saveSearchError").queryAs(javafx.scene.control.Label.class).getText());
        assertTrue(robot.lookup("#saveSearchOk").queryButton().isDisabled());
        robot.interact(() -> name.setText("Running, not basejails"));
        robot.clickOn("#saveSearchOk");
        page.waitFor(() -> robot.lookup("#saveSearchDialog").tryQuery().isEmpty());
        page.waitFor(() -> {
            try {
                return Files.readString(config.resolve("ui-state.json")).contains("\"Running, not basejails\"");
            } catch (java.io.IOException e) {
                return false;
            }
        });
        javafx.scene.control.MenuItem saved = MenuItems.byId(robot, "menu-search-0");
        assertEquals("Running, not basejails   (state:up !type:basejail)", saved.getText());

        robot.interact(search::clear);
        page.waitFor(() -> page.rows().size() == 12);
        robot.interact(saved::fire);
        assertEquals("state:up !type:basejail", search.getText());
        page.waitFor(() -> page.rows().size() == 4);
        robot.interact(search::clear);
        page.waitFor(() -> page.rows().size() == 12);
        robot.clickOn(page.cell("mail"));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1)
                .release(KeyCode.DIGIT1, KeyCode.CONTROL);
        page.waitFor(() -> search.getText().equals("state:up !type:basejail") && page.rows().size() == 4);

        // The command palette offers it by name too.
        robot.interact(search::clear);
        page.waitFor(() -> page.rows().size() == 12);
        robot.clickOn(page.cell("mail"));
        robot.press(KeyCode.CONTROL, KeyCode.K)
                .release(KeyCode.K, KeyCode.CONTROL);
        page.waitFor(() -> robot.lookup("#paletteQuery").tryQuery().isPresent());
        robot.clickOn("#paletteQuery").write("not basejails").push(KeyCode.ENTER);
        page.waitFor(() -> search.getText().equals("state:up !type:basejail") && page.rows().size() == 4);

        robot.interact(MenuItems.byId(robot, "menu-search-remove-0")::fire);
        page.waitFor(() -> MenuItems.byId(robot, "menu-search-remove").isDisable());
        assertTrue(robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).noneMatch(i -> "menu-search-0".equals(i.getId())));
    }
}
