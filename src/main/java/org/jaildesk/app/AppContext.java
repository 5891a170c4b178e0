package org.jaildesk.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.jaildesk.client.KnownHosts;
import org.jaildesk.client.ProtocolLog;
import org.jaildesk.client.SavedFile;
import org.jaildesk.host.ProcessRunner;
import org.jaildesk.sim.SimulatedIocage;
import org.jaildesk.ui.MainWindow;
import org.jaildesk.ui.UiState;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;
import org.jaildesk.ui.connect.HostConnector;
import org.jaildesk.ui.connect.HostEntry;
import org.jaildesk.ui.connect.HostStore;
import org.jaildesk.ui.connect.HostsViewModel;
import org.jaildesk.ui.jobs.EndedJobs;
import org.jaildesk.ui.jails.UsageArchive;
import org.jaildesk.ui.jobs.JobsViewModel;

/** The one place that wires the desktop app together (STYLE: one composition root, constructor injection). */
public final class AppContext {

    /** JavaFX's own logger; held here, as the JDK keeps a logger's filter only while the logger is referenced. */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");
    /** How long quitting waits for the iocage commands it stopped to be gone. */
    private static final java.time.Duration QUIT_GRACE = java.time.Duration.ofSeconds(10);

    private final Path configDir;
    private final SimulatedIocage.Config demo;
    private final Optional<Path> iocage;
    /** Set on the FX thread, read by the quitting thread. */
    private volatile DesktopConnector connector;
    /** The jails' last day of figures, read once and kept across the windows of a language switch. */
    private UsageArchive usage;
    /** The window's notifier, for a usage history set aside while it is read (after the window shows). */
    private volatile Notifier shownNotifier;
    private volatile Messages shownMsg;

    /** libsecret's secret-tool, where remote hosts' login keys are kept; empty: no key login on this desktop. */
    private final Optional<Path> secretTool;

    public AppContext(Path configDir, SimulatedIocage.Config demo, Optional<Path> iocage) {
        this(configDir, demo, iocage, Optional.empty());
    }

    public AppContext(Path configDir, SimulatedIocage.Config demo, Optional<Path> iocage, Optional<Path> secretTool) {
        this.configDir = configDir;
        this.demo = demo;
        this.iocage = iocage;
        this.secretTool = secretTool;
    }

    /**
     * The default: the user's config folder, the demo host as iocage would feel, iocage from PATH if there is one, and
     * the keyring's secret-tool from PATH if there is one.
     */
    public static AppContext standard() {
        return new AppContext(AppDirs.config(), SimulatedIocage.Config.demo(), HostOptionsMixin.findOnPath("iocage"),
                HostOptionsMixin.findOnPath("secret-tool"));
    }

    /** Hosts in the sidebar: the local host first where iocage exists, then the demo host, then saved remotes. */
    public List<HostEntry> builtInHosts(Messages msg) {
        List<HostEntry> out = new ArrayList<>();
        iocage.ifPresent(p -> out.add(new HostEntry("local", msg.get("host.local"), HostEntry.Kind.LOCAL, "", "")));
        // In the window's language (a server's demo host calls itself SimulatedIocage.DISPLAY_NAME).
        out.add(new HostEntry("demo", msg.get("host.demo"), HostEntry.Kind.DEMO, "", ""));
        return out;
    }

    private final ProtocolLog protocolLog = new ProtocolLog();

    /** Where a console's terminal is looked for and started: a thread of its own, not the FX thread. */
    private static final java.util.concurrent.Executor CONSOLES = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "jail-console");
        t.setDaemon(true);
        return t;
    });

    /** Builds the main window on the FX thread and shows it (again, after a change of language). */
    public MainWindow start(Stage stage) {
        // Files people edit: one that cannot be used is set aside and the user told once the window is there.
        List<SavedFile.SetAside> setAside = new ArrayList<>();
        UiState uiState = new UiState(new SavedFile(configDir.resolve("ui-state.json"), UiState.LIMIT, setAside::add));
        Messages msg = new Messages(Locale.forLanguageTag(uiState.setting("language", Locale.getDefault().getLanguage())));
        // JavaFX words its own buttons and menus (Cancel, OK, Copy, Paste) in the default locale: make that the
        // window's language, or a German window on an English system has English buttons.
        Locale.setDefault(msg.shown());
        Notifier notifier = new Notifier(msg);
        // A language switch reads the history again: what the previous window still had to write comes first.
        flushHistory();
        JobsViewModel jobs = new JobsViewModel(Platform::runLater, msg,
                new SavedFile(configDir.resolve("jobs.json"), JobsViewModel.LIMIT, setAside::add),
                new EndedJobs(msg, text -> notify(stage, text, org.jaildesk.ui.Theme.of(uiState).darkBased()),
                        AppContext::inAMoment));
        if (connector != null) {
            connector.closeAll();
        }
        KnownHosts knownHosts = new KnownHosts(
                new SavedFile(configDir.resolve("known-hosts.properties"), KnownHosts.LIMIT, setAside::add));
        connector = new DesktopConnector(demo, iocage.orElse(null), knownHosts, protocolLog, jobs,
                () -> privilege(uiState.setting(UiState.LOCAL_PRIVILEGE, "NONE")),
                secretTool.map(SecretToolKeyring::new).orElse(null), uiState.hostsWhere(l -> l.loginKey),
                (hostId, has) -> Platform.runLater(() -> {
                    uiState.layout(hostId).loginKey = has;
                    uiState.save();
                }));
        MainWindow[] window = new MainWindow[1];
        HostStore saved = new HostStore(new SavedFile(configDir.resolve("hosts.json"), HostStore.LIMIT, setAside::add));
        HostsViewModel hosts = new HostsViewModel(builtInHosts(msg), saved, connector, new HostConnector.Prompts() {
            @Override
            public HostConnector.Password password(HostEntry host, boolean keyOffered, boolean ended) {
                return window[0].prompts().password(host, keyOffered, ended);
            }

            @Override
            public void keyMade(HostEntry host, String problem) {
                window[0].prompts().keyMade(host, problem);
            }

            @Override
            public String oneTimeCode(HostEntry host, boolean again) {
                return window[0].prompts().oneTimeCode(host, again);
            }
        }, Platform::runLater, msg, notifier);
        window[0] = new MainWindow(hosts, msg, notifier, uiState, stage, jobs, protocolLog, locale -> start(stage),
                Main.version(), configDir.toAbsolutePath());
        history = jobs;
        shownNotifier = notifier;
        shownMsg = msg;
        if (usage == null) {
            usage = new UsageArchive(new SavedFile(configDir.resolve("usage-history.bin"), UsageArchive.LIMIT,
                    f -> Platform.runLater(() -> tellSetAside(shownNotifier, shownMsg, f))),
                    Platform::runLater, org.jaildesk.ui.common.FileThreads.named("usage-history"));
            usage.load();
        }
        window[0].keepUsage(usage);
        // This machine's jails' consoles where it has iocage; remote hosts' over ssh on any desktop.
        window[0].consoles(new LocalConsoles(iocage.orElse(null),
                () -> privilege(uiState.setting(UiState.LOCAL_PRIVILEGE, "NONE")),
                () -> uiState.setting(UiState.TERMINAL, ""), System.getenv("TERMINAL"), HostOptionsMixin::findOnPath, msg,
                CONSOLES));
        window[0].fingerprints(url -> {
            try {
                return knownHosts.fingerprint(org.jaildesk.client.WebSocketTransport.hostPort(java.net.URI.create(url)));
            } catch (RuntimeException e) {
                return Optional.empty(); // an address the host list would not have kept
            }
        });
        for (SavedFile.SetAside f : setAside) {
            tellSetAside(notifier, msg, f);
        }
        window[0].show();
        stage.setOnHidden(e -> connector.closeAll());
        return window[0];
    }

    private volatile JobsViewModel history;

    /** Says that a file could not be used as it was, and where it now is. */
    private static void tellSetAside(Notifier notifier, Messages msg, SavedFile.SetAside f) {
        notifier.tell(f.keptAs().map(kept -> msg.get("file.setAside", f.file(), kept.getFileName(), f.reason()))
                .orElseGet(() -> msg.get("file.stuck", f.file(), f.reason())));
    }

    /**
     * As the desktop quits: stops what this machine's iocage and the demo host still run (the window has told those jobs
     * that it stopped them) and waits up to 10 s until each iocage has been killed, so that none outlives JailDesk.
     */
    void closeHosts() {
        DesktopConnector c = connector;
        if (c == null) {
            return;
        }
        try {
            int left = c.closeAllAndWait(QUIT_GRACE);
            if (left > 0) {
                Logger.getLogger(AppContext.class.getName()).warning("JailDesk quits with iocage still running for "
                        + left + (left == 1 ? " host" : " hosts") + ": it could not be stopped within "
                        + QUIT_GRACE.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits (up to 5 s) until the job history the window asked to write is on disk. */
    void flushHistory() {
        JobsViewModel h = history;
        if (h == null) {
            return;
        }
        try {
            h.flush().get(5, TimeUnit.SECONDS);
            if (usage != null) {
                usage.flush().get(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            Logger.getLogger(AppContext.class.getName()).warning("the job history may not be saved: " + e);
        }
    }

    /** The saved way of running this machine's iocage; anything unknown (a hand-edited file) means directly. */
    static ProcessRunner.Privilege privilege(String saved) {
        for (ProcessRunner.Privilege p : ProcessRunner.Privilege.values()) {
            if (p.name().equals(saved)) {
                return p;
            }
        }
        return ProcessRunner.Privilege.NONE;
    }

    /** Runs {@code r} on the FX thread a second from now: jobs ending less than that apart are told of in one notification. */
    private static void inAMoment(Runnable r) {
        PauseTransition pause = new PauseTransition(Duration.millis(1_000));
        pause.setOnFinished(e -> r.run());
        pause.play();
    }

    /** A finished job (or several): a small desktop notification, never a modal dialog. */
    private static void notify(Stage owner, String text, boolean dark) {
        try {
            Notifications n = Notifications.create().title("JailDesk").text(text)
                    .owner(owner).hideAfter(Duration.seconds(4));
            // Dark like the window: the light popup under the dark theme's text colours was unreadable.
            (dark ? n.darkStyle() : n).showInformation();
        } catch (RuntimeException e) {
            Logger.getLogger(AppContext.class.getName()).fine("notification: " + e);
        }
    }

    /**
     * JavaFX warns at every start that it was loaded from the class path ("Unsupported JavaFX configuration"): the one
     * jar runs that way by design (ADR 0001), and the warning on every {@code java -jar} start read like a fault. Its
     * other records pass.
     */
    static boolean notAboutTheClassPath(LogRecord r) {
        return r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration");
    }

    /** JavaFX's property for how many separate areas of a window it redraws in one frame (6 unless set), read once. */
    static final String REDRAW_AREAS = "prism.dirtyregioncount";

    /**
     * Has JavaFX redraw, in each frame, one area around all that changed instead of up to six separate ones. Before
     * JavaFX starts; a value given with {@code -Dprism.dirtyregioncount} is kept. JavaFX 21 (the last for Java 17)
     * misjudges what to redraw when several areas change at once over nodes that cover one another: the Disk usage tab's
     * first rows stayed behind the table's "No disk usage yet" on the screen while its chart was drawn beside them, until
     * the window was resized (the scene held the rows; {@code -Dprism.dirtyopts=false}, which redraws the whole window
     * every frame, showed them too). One area is drawn right, and costs no more than the parts of the window between
     * the changes (ADR 0011; it looks like JDK-8322619, mended in JavaFX 23).
     */
    public static void oneRedrawArea() {
        if (System.getProperty(REDRAW_AREAS) == null) {
            System.setProperty(REDRAW_AREAS, "1");
        }
    }

    /**
     * {@code jaildesk} with no arguments: the window. Returns when it is closed (0), or at once (1, the reason on
     * standard error) if the window could not be built: a process without a window must not be left running.
     */
    public static int launchGui(AppContext ctx) {
        JAVAFX_LOG.setFilter(AppContext::notAboutTheClassPath);
        oneRedrawArea();
        CountDownLatch closed = new CountDownLatch(1);
        Throwable[] failed = new Throwable[1];
        Platform.setImplicitExit(true);
        Platform.startup(() -> {
            Stage stage = new Stage();
            try {
                ctx.start(stage);
                stage.setOnHiding(e -> closed.countDown());
            } catch (RuntimeException | Error e) {
                failed[0] = e;
                closed.countDown();
            }
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failed[0] != null) {
            Logger.getLogger(AppContext.class.getName()).log(Level.SEVERE, "the window", failed[0]);
            System.err.println("JailDesk could not open its window: " + failed[0]);
            Platform.exit();
            return 1;
        }
        ctx.closeHosts();
        ctx.flushHistory();
        Platform.exit();
        return 0;
    }
}
