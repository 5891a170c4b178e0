package org.jaildesk.ui.logs;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.jaildesk.client.IocageClient;
import org.jaildesk.domain.ConsoleLog;
import org.jaildesk.ui.common.JailListModel;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;

/**
 * One jail's console log (Jail ▸ Console log…): what its rc printed at each start and stop, as the host keeps it
 * (extension {@code consolelog}), a line a row, read when the window opens, on Refresh, and again whenever the host
 * says the jail changed (a start or stop adds to it).
 */
public final class ConsoleLogViewModel extends JailListModel<String> {

    /** The extension a host must offer: Python iocage's log, through JailDesk's own server or an in-process host. */
    static final String EXTENSION = "consolelog";

    /** A line that says something went wrong: rc's warnings, a service that failed, an error, a refusal. */
    private static final Pattern PROBLEM = Pattern.compile(
            "warning|fail|error|cannot|can't|refus|denied|not found|no such|unable|fatal|panic", Pattern.CASE_INSENSITIVE);

    private final Executor fx;
    private final ReadOnlyStringWrapper about = new ReadOnlyStringWrapper("");

    public ConsoleLogViewModel(IocageClient client, Executor fx, Messages msg, Notifier notifier) {
        super(client, fx, msg, notifier, EXTENSION, "consoleLog");
        this.fx = fx;
    }

    @Override
    protected CompletableFuture<List<String>> list(IocageClient client, String jail) {
        return client.consoleLog(jail).thenApplyAsync(log -> {
            if (jail.equals(subject().get())) {
                about.set(describe(log));
            }
            return log.lines();
        }, fx);
    }

    private String describe(ConsoleLog log) {
        return msg().get(log.cut() ? "consoleLog.aboutCut" : "consoleLog.about", log.jail(), log.file());
    }

    /** Where the host keeps the log, and whether these are its last lines only; "" until it was read. */
    public ReadOnlyStringProperty about() {
        return about.getReadOnlyProperty();
    }

    /** Whether {@code line} says something went wrong (a warning, a failure, an error). */
    public static boolean problem(String line) {
        return PROBLEM.matcher(line).find();
    }

    /** Whether {@code line} holds {@code query} (any case); every line for a blank query. */
    public static boolean matches(String line, String query) {
        return query.isBlank() || line.toLowerCase(Locale.ROOT).contains(query.strip().toLowerCase(Locale.ROOT));
    }
}
