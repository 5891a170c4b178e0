package org.jaildesk.ui.jails;

import java.util.List;
import java.util.function.Predicate;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailState;
import org.jaildesk.domain.ReleaseNames;
import org.jaildesk.ui.common.Messages;

/**
 * The actions on the jails selected in the table, each with what it needs of the selection, and, where the
 * selection does not have it, why not in a sentence the window can show beside the greyed-out action.
 */
public enum JailAction {
    /** Any stopped jail among the selected: the others are left as they are. */
    START,
    /** Any running jail among the selected. */
    STOP,
    /** Any running jail among the selected. */
    RESTART,
    /** Any running jail among the selected: one jail's console, or for several, the command run in each running one. */
    EXEC,
    /**
     * One running jail: a login in it, in a terminal ({@code iocage console}: {@code jexec … login}); on this machine's
     * host only, which the window says where it is another.
     */
    CONSOLE,
    /** One jail, in any state: its console log, what its rc printed at its starts and stops, in a window. */
    LOG,
    /** One stopped jail: iocage refuses to clone a running one ("must not be running to be cloned"). */
    CLONE,
    /** One jail at a time, not one protected from destroy ({@link ProtectedJails}): the dialog asks for its name typed. */
    DESTROY,
    /** Any running jail among the selected: limits are applied to a running jail. */
    CAP,
    /** Every selected jail, in any state: one snapshot of each, of one name (a rollback, in its tab, is of one). */
    SNAPSHOT,
    /** One stopped jail: Python iocage would stop a running one to rename it, so the host refuses those. */
    RENAME,
    /**
     * Every selected jail that has a release (an empty jail has nothing to update), in any state, one after another
     * (Python iocage starts a stopped one for it).
     */
    UPDATE,
    /**
     * Every selected jail that has a release (not an empty jail), one after another, to the one release chosen; the
     * dialog leaves out those it is no upgrade for.
     */
    UPGRADE,
    /**
     * Every stopped jail among the selected, one after another: iocage exports a stopped jail only (its datasets are
     * sent from a snapshot).
     */
    EXPORT,
    /** Every selected jail not protected from destroy yet, in any state. */
    PROTECT,
    /** Every selected jail protected from destroy. */
    UNPROTECT;

    /** Whether this action changes the host (what a login that may only read may not do): all but the console and its log. */
    public boolean changes() {
        return this != CONSOLE && this != LOG;
    }

    /** Why this action cannot run on {@code selection} now, with no jail protected; empty when it can. */
    public String whyNot(List<Jail> selection, Messages msg) {
        return whyNot(selection, j -> false, msg);
    }

    /**
     * Why this action cannot run on {@code selection} now, in the window's language, the jails {@code isProtected}
     * holds being protected from destroy; empty when it can.
     */
    public String whyNot(List<Jail> selection, Predicate<Jail> isProtected, Messages msg) {
        if (selection.isEmpty()) {
            return msg.get("why.noSelection");
        }
        return switch (this) {
            case START -> selection.stream().anyMatch(j -> j.state() == JailState.DOWN) ? "" : notStopped(selection, msg);
            case STOP, RESTART, CAP -> selection.stream().anyMatch(Jail::isRunning) ? "" : notRunning(selection, msg);
            case EXEC -> selection.stream().anyMatch(Jail::isRunning) ? ""
                    : selection.size() > 1 ? msg.get("why.noneRunning", Integer.toString(selection.size()))
                    : msg.get("why.execNotRunning", selection.get(0).displayName());
            case CONSOLE -> selection.size() > 1 ? oneAtATime(selection, msg)
                    : selection.get(0).isRunning() ? "" : msg.get("why.consoleNotRunning", selection.get(0).displayName());
            case LOG -> selection.size() > 1 ? oneAtATime(selection, msg) : "";
            case CLONE -> selection.size() > 1 ? oneAtATime(selection, msg)
                    : selection.get(0).isRunning() ? msg.get("why.cloneRunning", selection.get(0).displayName()) : "";
            case DESTROY -> selection.size() > 1 ? oneAtATime(selection, msg)
                    : isProtected.test(selection.get(0)) ? msg.get("why.protected", selection.get(0).displayName()) : "";
            case SNAPSHOT -> "";
            case UPDATE -> selection.stream().anyMatch(j -> ReleaseNames.isValid(j.release())) ? ""
                    : selection.size() > 1 ? msg.get("why.noneUpdatable", Integer.toString(selection.size()))
                    : msg.get("why.noReleaseToUpdate", selection.get(0).displayName());
            case UPGRADE -> selection.stream().anyMatch(j -> ReleaseNames.isValid(j.release())) ? ""
                    : selection.size() > 1 ? msg.get("why.noneUpgradable", Integer.toString(selection.size()))
                    : msg.get("why.noRelease", selection.get(0).displayName());
            case RENAME -> selection.size() > 1 ? oneAtATime(selection, msg)
                    : selection.get(0).isRunning() ? msg.get("why.renameRunning", selection.get(0).displayName()) : "";
            case EXPORT -> selection.stream().anyMatch(j -> !j.isRunning()) ? ""
                    : selection.size() > 1 ? msg.get("why.noneStopped", Integer.toString(selection.size()))
                    : msg.get("why.exportRunning", selection.get(0).displayName());
            case PROTECT -> selection.stream().anyMatch(isProtected.negate()) ? ""
                    : selection.size() > 1 ? msg.get("why.allProtected", Integer.toString(selection.size()))
                    : msg.get("why.alreadyProtected", selection.get(0).displayName());
            case UNPROTECT -> selection.stream().anyMatch(isProtected) ? ""
                    : selection.size() > 1 ? msg.get("why.noneProtected", Integer.toString(selection.size()))
                    : msg.get("why.notProtected", selection.get(0).displayName());
        };
    }

    private static String oneAtATime(List<Jail> selection, Messages msg) {
        return msg.get("why.oneAtATime", Integer.toString(selection.size()));
    }

    private static String notRunning(List<Jail> selection, Messages msg) {
        return selection.size() == 1 ? msg.get("why.notRunning", selection.get(0).displayName())
                : msg.get("why.noneRunning", Integer.toString(selection.size()));
    }

    /** None of the selected is stopped: running, or in a state iocage could not tell. */
    private static String notStopped(List<Jail> selection, Messages msg) {
        if (selection.size() > 1) {
            return msg.get("why.noneStopped", Integer.toString(selection.size()));
        }
        Jail j = selection.get(0);
        return switch (j.state()) {
            case UP -> msg.get("why.alreadyRunning", j.displayName());
            case CORRUPT -> msg.get("why.corrupt", j.displayName());
            default -> msg.get("why.stateUnknown", j.displayName());
        };
    }
}
