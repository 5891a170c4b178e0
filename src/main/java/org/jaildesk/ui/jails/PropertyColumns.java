package org.jaildesk.ui.jails;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.PropertyRow;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.PropertyCatalog;
import org.jaildesk.domain.Shown;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;

/**
 * iocage properties shown as columns of the jail table (iocage #1179: one property across every jail): each one's value
 * for every jail, from the seed's {@code getjailsettings} with {@code -r} (iocage's {@code get -r}), read when the
 * column is added and after each listing, one read a property at a time. A property whose read failed shows no
 * values; {@link #problem} says why. All on the FX thread.
 */
public final class PropertyColumns {

    /** The table column ids of property columns start so. */
    public static final String PREFIX = "col-prop-";
    /** At most this many: each is one more iocage run per refresh. */
    public static final int MOST = 12;

    private final IocageClient client;
    private final Executor fx;
    private final Messages msg;
    private final ObservableList<String> shown = FXCollections.observableArrayList();
    /** One view for all listeners: an unmodifiable view holds its listeners weakly, so a view made per call loses them. */
    private final ObservableList<String> shownView = FXCollections.unmodifiableObservableList(shown);
    /** Property, then jail id, then value; replaced as a whole by each read. */
    private final ReadOnlyObjectWrapper<Map<String, Map<String, String>>> values = new ReadOnlyObjectWrapper<>(Map.of());
    private final Map<String, String> problems = new HashMap<>();
    private final Set<String> reading = new HashSet<>();

    PropertyColumns(IocageClient client, Executor fx, Messages msg) {
        this.client = client;
        this.fx = fx;
        this.msg = msg;
    }

    public static String columnId(String property) {
        return PREFIX + property;
    }

    /** The properties shown, in the order they were added. */
    public ObservableList<String> shown() {
        return shownView;
    }

    /** Each shown property's values by jail id; replaced as a whole by each read. */
    public ReadOnlyObjectProperty<Map<String, Map<String, String>>> values() {
        return values.getReadOnlyProperty();
    }

    /** {@code jail}'s value of {@code property}; empty while it is not known. */
    public String value(String property, Jail jail) {
        return values.get().getOrDefault(property, Map.of()).getOrDefault(jail.id(), "");
    }

    /** A shown property's value of each jail, for the search ({@code priority:>10}); null for a property not shown. */
    public java.util.function.Function<Jail, String> field(String property) {
        return shown.contains(property) ? j -> value(property, j) : null;
    }

    /** Why {@code property}'s values are not shown, in the window's language; empty while they are (or are coming). */
    public String problem(String property) {
        return problems.getOrDefault(property, "");
    }

    /** Why {@code property} cannot be added as a column: not an iocage property JailDesk knows, shown already, or too many. */
    public Optional<String> whyNot(String property) {
        String p = property == null ? "" : property.trim();
        if (p.isEmpty()) {
            return Optional.of(msg.get("propertyColumn.needName"));
        }
        if (PropertyCatalog.standard().find(p).isEmpty()) {
            return Optional.of(msg.get("propertyColumn.unknown", Shown.of(p)));
        }
        if (shown.contains(p)) {
            return Optional.of(msg.get("propertyColumn.shown", p));
        }
        return shown.size() >= MOST ? Optional.of(msg.get("propertyColumn.tooMany", MOST)) : Optional.empty();
    }

    /** Adds a column for {@code property} and reads its values; one it cannot add is left out. */
    public CompletableFuture<Void> add(String property) {
        String p = property == null ? "" : property.trim();
        if (whyNot(p).isPresent()) {
            return CompletableFuture.completedFuture(null);
        }
        shown.add(p);
        return read(p);
    }

    public void remove(String property) {
        shown.remove(property);
        problems.remove(property);
        Map<String, Map<String, String>> now = new HashMap<>(values.get());
        now.remove(property);
        values.set(Map.copyOf(now));
    }

    /** The columns a saved layout had (unknown names and repeats left out); read at the next listing. */
    public void setAll(List<String> properties) {
        List<String> kept = new ArrayList<>();
        for (String p : properties == null ? List.<String>of() : properties) {
            if (p != null && PropertyCatalog.standard().find(p).isPresent() && !kept.contains(p) && kept.size() < MOST) {
                kept.add(p);
            }
        }
        if (!kept.equals(shown)) {
            shown.setAll(kept);
        }
    }

    /** Reads every shown property again (after a listing). */
    CompletableFuture<Void> readAll() {
        return CompletableFuture.allOf(shown.stream().map(this::read).toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> read(String property) {
        if (!reading.add(property)) {
            return CompletableFuture.completedFuture(null);
        }
        return client.getSettingOfAllJails(property).handleAsync((rows, error) -> {
            reading.remove(property);
            if (!shown.contains(property)) {
                return null; // removed meanwhile
            }
            Map<String, Map<String, String>> now = new HashMap<>(values.get());
            if (error == null) {
                Map<String, String> byId = new HashMap<>();
                for (PropertyRow r : rows) {
                    byId.put(r.id(), r.value());
                }
                now.put(property, Map.copyOf(byId));
                problems.remove(property);
            } else {
                now.remove(property);
                problems.put(property, msg.get("propertyColumn.failed", property,
                        Notifier.oneLine(String.valueOf(Notifier.unwrap(error).getMessage()))));
            }
            values.set(Map.copyOf(now));
            return null;
        }, fx);
    }
}
