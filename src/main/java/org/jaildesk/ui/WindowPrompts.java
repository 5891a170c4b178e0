package org.jaildesk.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;
import org.jaildesk.ui.connect.HostConnector;
import org.jaildesk.ui.connect.HostEntry;

/**
 * What the connector asks the user, from a connection's thread: the window's dialogs, answered on the FX thread while
 * that thread waits (or at once, when asked on the FX thread); a key made or not is said in the status line or a notice.
 */
final class WindowPrompts implements HostConnector.Prompts {

    private final Stage stage;
    private final HostDialogs dialogs;
    private final Messages msg;
    private final Notifier notifier;

    WindowPrompts(Stage stage, HostDialogs dialogs, Messages msg, Notifier notifier) {
        this.stage = stage;
        this.dialogs = dialogs;
        this.msg = msg;
        this.notifier = notifier;
    }

    @Override
    public HostConnector.Password password(HostEntry host, boolean keyOffered, boolean ended) {
        return onFx(() -> dialogs.password(stage, host, keyOffered, ended));
    }

    @Override
    public String oneTimeCode(HostEntry host, boolean again) {
        return onFx(() -> dialogs.oneTimeCode(stage, host, again));
    }

    @Override
    public void keyMade(HostEntry host, String problem) {
        Platform.runLater(() -> {
            if (problem == null) {
                notifier.info(msg.get("key.made", host.name()));
            } else {
                notifier.tell(msg.get("key.notMade", host.name(), problem));
            }
        });
    }

    /** {@code c}'s answer, asked on the FX thread; null where it could not be asked (the window went meanwhile). */
    private static <T> T onFx(Callable<T> c) {
        if (Platform.isFxApplicationThread()) {
            try {
                return c.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        FutureTask<T> task = new FutureTask<>(c);
        Platform.runLater(task);
        try {
            return task.get();
        } catch (Exception e) {
            return null;
        }
    }
}
