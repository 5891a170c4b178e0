package org.jaildesk.ui.common;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jaildesk.client.IocageClientException;

/**
 * Where view models put what the user should know. Failures stay in a list until dismissed; successes only set the
 * status line, never a dialog. Call on the FX thread.
 */
public final class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class.getName());
    private final ObservableList<Notice> notices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final Messages messages;

    public Notifier(Messages messages) {
        this.messages = messages;
    }

    public ObservableList<Notice> notices() {
        return notices;
    }

    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    public void info(String message) {
        status.set(message);
    }

    /** Something the user should read once, not a failure: stays until dismissed. */
    public void tell(String message) {
        notices.add(new Notice(Notice.Kind.INFO, "", message, message));
    }

    /**
     * A failure of {@code what}: expected ones read calmly, others are logged once with their stack trace. It
     * replaces an earlier notice about {@code what} (a refresh that keeps failing shows one notice, the latest).
     */
    public void failure(String what, Throwable error) {
        failure(what, error, "");
    }

    /**
     * {@link #failure(String, Throwable)}, with {@code hint} after the host's words where the failure is one a host
     * answered (where to look next); "" for none.
     */
    public void failure(String what, Throwable error, String hint) {
        Throwable e = unwrap(error);
        String details = what + "\n" + stackTrace(e);
        Notice notice;
        if (e instanceof IocageClientException ice) {
            notice = new Notice(Notice.Kind.FAILURE, what, what + ": " + oneLine(text(messages, ice)) + hint, details);
        } else {
            LOG.log(Level.SEVERE, what, e);
            notice = new Notice(Notice.Kind.FAILURE, what, messages.get("notice.unexpected", what), details);
        }
        int at = indexOf(what);
        if (at >= 0) {
            notices.set(at, notice);
        } else {
            notices.add(notice);
        }
        failedQuietly(what);
    }

    /** {@code what} failed, said in the status line only (the user is being asked about it another way). */
    public void failedQuietly(String what) {
        status.set(what + ": " + messages.get("status.failed"));
    }

    /** {@code what} worked this time: a notice of its earlier failure is out of date and goes. */
    public void succeeded(String what) {
        notices.removeIf(n -> about(n, what));
    }

    private int indexOf(String subject) {
        for (int i = 0; i < notices.size(); i++) {
            if (about(notices.get(i), subject)) {
                return i;
            }
        }
        return -1;
    }

    /** The longest a notice's line quotes what a host said; "Copy details" has all of it. */
    static final int LINE = 300;

    /**
     * What a host said, as one line of the notice bar: its first line, at most {@link #LINE} characters, "…" where
     * anything was left out. A host may say anything, up to megabytes over many lines (a foreign server, a traceback),
     * and the bar's line wraps: whole, 100,000 characters fill the window, and 8 MB take the FX thread 1.5 s to lay out.
     */
    public static String oneLine(String said) {
        int nl = said.indexOf('\n');
        String first = (nl < 0 ? said : said.substring(0, nl)).stripTrailing();
        boolean cut = nl >= 0 && !said.substring(nl).isBlank();
        if (first.length() > LINE) {
            first = first.substring(0, LINE);
            cut = true;
        }
        return cut ? first + " \u2026" : first;
    }

    /** Refusals have no subject: nothing replaces or removes them but the user. */
    private static boolean about(Notice n, String subject) {
        return !n.subject().isEmpty() && n.subject().equals(subject);
    }

    /** A failure that is the user's to fix (a typed name that does not match, a missing field). */
    public void refusal(String message) {
        notices.add(new Notice(Notice.Kind.FAILURE, "", message, message));
    }

    /**
     * Follows an action: says it started, then (on {@code fx}) that it finished or why it failed, and runs
     * {@code then} either way: iocage may have changed something before it failed. Returns the action's future.
     */
    public <T> CompletableFuture<T> follow(CompletableFuture<T> call, String what, Executor fx, Runnable then) {
        info(messages.get("status.started", what));
        return call.whenCompleteAsync((ok, error) -> {
            if (error != null) {
                failure(what, error);
            } else {
                succeeded(what);
                info(messages.get("status.finished", what));
            }
            then.run();
        }, fx);
    }

    public void dismiss(Notice n) {
        notices.remove(n);
    }

    /**
     * Logs a failure inside a view model's own handler (a bug, not a host's answer), which would otherwise vanish
     * in an unobserved future; returns the same future.
     */
    public static <T> CompletableFuture<T> logged(CompletableFuture<T> f, String where) {
        f.whenComplete((ok, e) -> {
            if (e != null) {
                LOG.log(Level.SEVERE, "unexpected failure in " + where, unwrap(e));
            }
        });
        return f;
    }

    /**
     * What went wrong, for the user: in their language where JailDesk words it itself (a connection trouble), in the
     * host's or iocage's own words otherwise.
     */
    public static String text(Messages messages, Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof IocageClientException ice && ice.trouble() != null) {
            return messages.get(ice.trouble().key(), ice.troubleArgs().toArray());
        }
        return explained(messages, String.valueOf(e.getMessage()));
    }

    /** The host's or iocage's words, with what to do where JailDesk knows it (iocage not run as root). */
    public static String explained(Messages messages, String said) {
        return needsRoot(said) ? said + " \u2014 " + messages.get("hint.root") : said;
    }

    /** iocage refused because it was not run as root (Python and legacy wording). */
    static boolean needsRoot(String message) {
        return message.contains("You need to have root privileges") || message.contains("needs root credentials");
    }

    public static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static String stackTrace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
