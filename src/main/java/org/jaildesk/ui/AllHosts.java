package org.jaildesk.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.jaildesk.domain.Jail;
import org.jaildesk.ui.connect.HostEntry;
import org.jaildesk.ui.connect.HostSession;
import org.jaildesk.ui.connect.HostsViewModel;
import org.jaildesk.ui.jails.JailFilter;

/**
 * The jails of every host opened in this window, in one list with their host: to find a jail on whichever host it is,
 * and compare hosts. Each host's rows are those its own table has (its last listing); a host not opened yet in this
 * window is named, not connected behind the user's back (a remote one may ask for a password). Used on the FX thread;
 * it follows the hosts' listings only while {@link #start()}ed.
 */
final class AllHosts {

    /** A jail and the host it is on. */
    record Row(HostEntry host, Jail jail) {
    }

    /** A host's jails, as listened to: its session (a host reopened gets a new one) and one view of its list. */
    private record Watched(HostSession session, ObservableList<Jail> jails) {
    }

    private final HostsViewModel hosts;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final FilteredList<Row> visible = new FilteredList<>(rows);
    private final ObservableList<HostEntry> notOpened = FXCollections.observableArrayList();
    private final StringProperty query = new SimpleStringProperty("");
    private final Map<String, Watched> watched = new HashMap<>();
    private final ListChangeListener<Jail> listed = c -> rebuild();
    private final ListChangeListener<HostEntry> hostsChanged = c -> follow();
    private boolean started;
    private Runnable beforeRelist = () -> { };
    private Runnable afterRelist = () -> { };

    AllHosts(HostsViewModel hosts) {
        this.hosts = hosts;
        query.addListener((o, was, now) -> visible.setPredicate(
                JailFilter.acrossHosts(now, (Row r) -> r.host().name(), Row::jail)::test));
    }

    /** Told just before and just after the rows are listed again (each row is then a new one). */
    void onRelist(Runnable before, Runnable after) {
        this.beforeRelist = before;
        this.afterRelist = after;
    }

    /** Every row, as the search lets them through. */
    ObservableList<Row> visible() {
        return visible;
    }

    /** How many jails there are on the hosts taken in, whatever the search. */
    int total() {
        return rows.size();
    }

    /** How many hosts the list takes in. */
    int hostsTakenIn() {
        return watched.size();
    }

    /** The tables of the hosts the list takes in while it is shown (for the background refresh); none otherwise. */
    List<org.jaildesk.ui.jails.JailsViewModel> followed() {
        return started ? watched.values().stream().map(w -> w.session().jails()).toList() : List.of();
    }

    /** The hosts not opened in this window yet, whose jails are not in the list. */
    ObservableList<HostEntry> notOpened() {
        return notOpened;
    }

    /** The search over the rows: the table's fields, and {@code host:} for the host's name. */
    StringProperty query() {
        return query;
    }

    /** Follows the hosts' listings from now on, taking in the hosts opened so far. */
    void start() {
        if (!started) {
            started = true;
            hosts.hosts().addListener(hostsChanged);
        }
        follow();
    }

    /** Stops following the listings (the view is not shown): a big host's refresh then costs nothing here. */
    void stop() {
        started = false;
        hosts.hosts().removeListener(hostsChanged);
        watched.values().forEach(w -> w.jails().removeListener(listed));
        watched.clear();
    }

    /** Takes in the hosts opened since, lets go of those removed or reopened, and lists again. */
    void follow() {
        watched.entrySet().removeIf(e -> {
            HostEntry host = hosts.hosts().stream().filter(h -> h.id().equals(e.getKey())).findFirst().orElse(null);
            boolean gone = host == null || !hosts.opened(host) || hosts.session(host) != e.getValue().session();
            if (gone) {
                e.getValue().jails().removeListener(listed);
            }
            return gone;
        });
        for (HostEntry h : hosts.hosts()) {
            if (hosts.opened(h) && !watched.containsKey(h.id())) {
                HostSession s = hosts.session(h);
                // One view kept per host: the list handed out is a new view each time, and a view no one holds
                // goes with its listener.
                ObservableList<Jail> jails = s.jails().jails();
                jails.addListener(listed);
                watched.put(h.id(), new Watched(s, jails));
            }
        }
        rebuild();
    }

    private void rebuild() {
        List<Row> all = new ArrayList<>();
        List<HostEntry> unopened = new ArrayList<>();
        for (HostEntry h : hosts.hosts()) {
            Watched w = watched.get(h.id());
            if (w == null) {
                unopened.add(h);
            } else {
                for (Jail j : w.jails()) {
                    all.add(new Row(h, j));
                }
            }
        }
        beforeRelist.run();
        rows.setAll(all);
        afterRelist.run();
        notOpened.setAll(unopened);
    }
}
