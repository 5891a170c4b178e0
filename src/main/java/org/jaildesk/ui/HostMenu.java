package org.jaildesk.ui;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Window;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.pools.HostAdminViewModel.Clean;

/**
 * The Host menu: the shown host's pool, releases, clean-ups, action log and login keys, each off while no host is
 * shown.
 */
final class HostMenu {

    private HostMenu() {
    }

    /**
     * @param current    the host shown (called only while {@code shown} holds)
     * @param readOnly   why the shown host's login may change nothing, "" while it may: the pool, release and clean
     *                   items are then off
     * @param activePool the shown host's active pool, "" when none or not known: Deactivate is then off, as there is
     *                   nothing to deactivate
     * @param more       items after a separator at the end (this machine's privilege menu), or none
     */
    static Menu of(Messages msg, Window owner, Supplier<HostView> current, BooleanExpression shown,
                   ObservableStringValue readOnly, ObservableStringValue activePool, List<MenuItem> more) {
        Menu m = new Menu(msg.get("menu.host"));
        m.setId("menu-host");
        BooleanExpression off = shown.not();
        // What changes the host is off, too, for a login that may only read there.
        BooleanExpression noChange = off.or(Bindings.isNotEmpty(readOnly));
        m.getItems().addAll(
                item("activatePool", msg.get("menu.activatePool"), noChange, () -> current.get().adminDialogs().activate(owner).show()),
                item("deactivatePool", msg.get("menu.deactivatePool"), noChange.or(Bindings.isEmpty(activePool)),
                        () -> current.get().adminDialogs().deactivate(owner, current.get().admin().activePool().get()).show()),
                item("fetchRelease", msg.get("menu.fetchRelease"), noChange, () -> current.get().adminDialogs().fetch(owner).show()),
                new SeparatorMenuItem(),
                clean("cleanJails", msg.get("menu.cleanJails"), Clean.JAILS, owner, current, noChange),
                clean("cleanReleases", msg.get("menu.cleanReleases"), Clean.RELEASES, owner, current, noChange),
                clean("cleanTemplates", msg.get("menu.cleanTemplates"), Clean.TEMPLATES, owner, current, noChange),
                clean("cleanImages", msg.get("menu.cleanImages"), Clean.IMAGES, owner, current, noChange),
                clean("cleanAll", msg.get("menu.cleanAll"), Clean.ALL, owner, current, noChange),
                new SeparatorMenuItem(),
                item("actionLog", msg.get("menu.actionLog"), off, () -> closedWith(current.get().session(),
                        org.jaildesk.ui.pools.ActionLogWindow.open(owner, msg, current.get().session().host().name(),
                                current.get().session().jails().client()))),
                item("loginKeys", msg.get("menu.loginKeys"), off, () -> closedWith(current.get().session(),
                        org.jaildesk.ui.pools.LoginKeysWindow.open(owner, msg, current.get().session()))));
        if (!more.isEmpty()) {
            m.getItems().add(new SeparatorMenuItem());
            m.getItems().addAll(more);
        }
        return m;
    }

    /** Closes {@code window}, opened for {@code session}'s host, when the session ends (the host removed or reopened). */
    private static void closedWith(org.jaildesk.ui.connect.HostSession session, javafx.stage.Stage window) {
        javafx.beans.value.ChangeListener<Boolean> end = (o, was, now) -> {
            if (now) {
                window.close();
            }
        };
        session.ended().addListener(end);
        window.setOnHidden(e -> session.ended().removeListener(end));
    }

    private static MenuItem clean(String id, String text, Clean kind, Window owner, Supplier<HostView> current,
                                  BooleanExpression off) {
        return item(id, text, off, () -> current.get().adminDialogs().clean(owner, kind));
    }

    private static MenuItem item(String id, String text, BooleanExpression off, Runnable run) {
        MenuItem m = new MenuItem(text);
        m.setId("menu-" + id);
        m.disableProperty().bind(off);
        m.setOnAction(e -> run.run());
        return m;
    }
}
