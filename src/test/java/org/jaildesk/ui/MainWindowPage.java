package org.jaildesk.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.jaildesk.client.InProcessTransport;
import org.jaildesk.client.IocageClient;
import org.jaildesk.domain.Jail;
import org.jaildesk.host.HostOptions;
import org.jaildesk.host.IocageHost;
import org.jaildesk.sim.SimulatedIocage;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;
import org.jaildesk.ui.connect.ConnectionState;
import org.jaildesk.ui.connect.HostConnector;
import org.jaildesk.ui.connect.HostEntry;
import org.jaildesk.ui.connect.HostStore;
import org.jaildesk.ui.connect.HostsViewModel;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The main window over an instant demo host, and the ways tests reach into it. */
final class MainWindowPage {

    /** The version the window is told it is, for Help ▸ About. */
    static final String VERSION = "9.8.7-test";

    final FxRobot robot;
    MainWindow window;
    final IocageHost host;
    org.jaildesk.ui.jobs.JobsViewModel jobs;
    Notifier notifier;
    org.jaildesk.ui.connect.HostsViewModel hosts;
    final org.jaildesk.client.ProtocolLog log = new org.jaildesk.client.ProtocolLog();

    private MainWindowPage(FxRobot robot, MainWindow window, IocageHost host) {
        this.robot = robot;
        this.window = window;
        this.host = host;
    }

    /** The window as the app wires it: protocol log and jobs on every transport, a language switch that rebuilds. */
    static MainWindowPage open(FxRobot robot, Stage stage, Path config, SimulatedIocage.Config sim) {
        return open(robot, stage, config, sim, Locale.ENGLISH);
    }

    /** The window in {@code locale}'s words. */
    static MainWindowPage open(FxRobot robot, Stage stage, Path config, SimulatedIocage.Config sim, Locale locale) {
        IocageHost host = new IocageHost(new SimulatedIocage(sim), HostOptions.defaults());
        MainWindowPage page = new MainWindowPage(robot, null, host);
        host.onCommand(c -> page.log.command("demo", c.commandLine(), c.exitCode(), c.elapsed().toMillis()));
        page.build(stage, config, locale);
        page.watchNames();
        // The stage is shared by the test classes of one JVM and keeps the size the last one gave it (a 400-pixel
        // high table hid the rows a test clicks on): the window takes the size MainWindow gives it at a first start.
        stage.sizeToScene();
        return page;
    }

    private void build(Stage stage, Path config, Locale locale) {
        Messages msg = new Messages(locale);
        notifier = new Notifier(msg);
        jobs = new org.jaildesk.ui.jobs.JobsViewModel(Platform::runLater, msg, config.resolve("jobs.json"), m -> { });
        HostConnector connector = new HostConnector() {
            @Override
            public IocageClient open(HostEntry h, Prompts prompts, java.util.function.Consumer<ConnectionState> state) {
                state.accept(ConnectionState.CONNECTED);
                if (h.name().startsWith("silent")) {
                    // A host that never answers: its view stays as it is before its first listing.
                    return new IocageClient(new org.jaildesk.client.Transport() {
                        @Override
                        public java.util.concurrent.CompletableFuture<org.jaildesk.protocol.Reply> send(org.jaildesk.protocol.Request r) {
                            return new java.util.concurrent.CompletableFuture<>();
                        }

                        @Override
                        public java.util.concurrent.CompletableFuture<java.util.Set<String>> extensions() {
                            return new java.util.concurrent.CompletableFuture<>();
                        }
                    });
                }
                return new IocageClient(new org.jaildesk.client.JobTransport(new org.jaildesk.client.LoggingTransport(
                        new InProcessTransport(host), log, h.name()), jobs.sinkFor(h.name())));
            }

            @Override
            public void acceptCertificate(HostEntry h, String fingerprint) {
            }

            @Override
            public void close(HostEntry h) {
            }
        };
        hosts = new HostsViewModel(List.of(new HostEntry("demo", SimulatedIocage.DISPLAY_NAME, HostEntry.Kind.DEMO, "", "")),
                new HostStore(config.resolve("hosts.json")), connector, (h, k, e) -> null, Platform::runLater, msg, notifier);
        window = new MainWindow(hosts, msg, notifier, new UiState(config.resolve("ui-state.json")), stage, jobs, log,
                l -> build(stage, config, l), VERSION, config);
        window.show();
    }

    @SuppressWarnings("unchecked")
    TableView<Jail> table() {
        return (TableView<Jail>) robot.lookup("#jailTable").query();
    }

    List<Jail> rows() {
        return List.copyOf(table().getItems());
    }

    Jail row(String name) {
        return rows().stream().filter(j -> j.tag().equals(name)).findFirst().orElseThrow();
    }

    boolean has(String name) {
        return rows().stream().anyMatch(j -> j.tag().equals(name));
    }

    /** The name cell of a jail, to click on. */
    Node cell(String name) {
        return robot.from(table()).lookup((Node n) -> n instanceof TableCell<?, ?> c && name.equals(c.getText())
                && "col-name".equals(c.getTableColumn().getId())).query();
    }

    void select(String... names) {
        robot.clickOn(cell(names[0]));
        for (int i = 1; i < names.length; i++) {
            robot.press(javafx.scene.input.KeyCode.CONTROL).clickOn(cell(names[i])).release(javafx.scene.input.KeyCode.CONTROL);
        }
    }

    /** Opens the create dialog as a user does (Ctrl+N) and waits for it. */
    void openCreateDialog() {
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.N)
                .release(javafx.scene.input.KeyCode.N, javafx.scene.input.KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#createDialog").tryQuery().isPresent());
    }

    void waitFor(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 15 s", e);
        }
    }

    /** Every control a screen reader could not name, in the windows this page showed. */
    private AccessibleNames.Watch names;

    private void watchNames() {
        names = AccessibleNames.watch();
    }

    /**
     * Closes the host; and, since every test of the window goes through here, fails the test if a window it showed had
     * a field, list or table a screen reader could not name.
     */
    void close() {
        host.close();
        if (window != null && window.scene() != null) {
            names.look(window.scene().getRoot());
        }
        names.check();
    }
}
