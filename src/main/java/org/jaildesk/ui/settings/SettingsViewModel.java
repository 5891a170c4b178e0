package org.jaildesk.ui.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.jaildesk.client.IocageClient;
import org.jaildesk.domain.JailSettings;
import org.jaildesk.domain.PropertyCatalog;
import org.jaildesk.domain.PropertyDef;
import org.jaildesk.domain.SnapshotNames;
import org.jaildesk.domain.Wording;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;

/**
 * The settings inspector of one jail (or of the defaults): every property with its default, override and read-only
 * marks, edits that validate as typed, a diff to preview, and apply through {@code setjailsettings} when the host
 * has it. No scene-graph imports.
 */
public final class SettingsViewModel {

    /** One change to preview: on which jail, which property, from what, to what. */
    public record Change(String jail, String key, String from, String to) {
    }

    public static final String DEFAULTS = "default";

    private final IocageClient client;
    private final Executor fx;
    private final Messages msg;
    private final Notifier notifier;
    private final boolean forDefaults;
    private final ObservableList<Setting> settings = FXCollections.observableArrayList();
    private final ObservableMap<String, String> edits = FXCollections.observableHashMap();
    private final ObservableMap<String, String> invalid = FXCollections.observableMap(new java.util.LinkedHashMap<>());
    private final ReadOnlyStringWrapper subject = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper readOnlyReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private Map<String, String> defaults = Map.of();
    private int generation;

    public SettingsViewModel(IocageClient client, Executor fx, Messages msg, Notifier notifier, boolean forDefaults) {
        this.client = client;
        this.fx = fx;
        this.msg = msg;
        this.notifier = notifier;
        this.forDefaults = forDefaults;
    }

    public ObservableList<Setting> settings() {
        return settings;
    }

    /** Pending edits: property → new value (valid ones only). */
    public ObservableMap<String, String> edits() {
        return edits;
    }

    /** Properties whose edit is currently not valid, with what is wrong, in the order typed (apply stays off while any is). */
    public ObservableMap<String, String> invalid() {
        return invalid;
    }

    public ReadOnlyStringProperty subject() {
        return subject.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty editable() {
        return editable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty readOnlyReason() {
        return readOnlyReason.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loading() {
        return loading.getReadOnlyProperty();
    }

    public boolean forDefaults() {
        return forDefaults;
    }

    /** Loads a jail's settings (or the defaults), with the defaults to compare against; drops pending edits. */
    public CompletableFuture<Void> load(String jailId) {
        int mine = ++generation;
        edits.clear();
        invalid.clear();
        loading.set(true);
        String target = forDefaults ? DEFAULTS : jailId;
        subject.set(target == null ? "" : target);
        if (target == null) {
            settings.clear();
            loading.set(false);
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<JailSettings> values = forDefaults ? client.getDefaultSettings() : client.getJailSettings(jailId);
        CompletableFuture<JailSettings> dflt = forDefaults ? values : client.getDefaultSettings();
        CompletableFuture<Set<String>> ext = client.extensions();
        return Notifier.logged(values.thenCombine(dflt, (v, d) -> new JailSettings[] {v, d}).thenCombine(ext, (vd, e) -> {
            return new Object[] {vd[0], vd[1], e};
        }).handleAsync((r, error) -> {
            if (mine != generation) {
                return null;
            }
            loading.set(false);
            if (error != null) {
                settings.clear();
                notifier.failure(msg.get("settings.load", subject.get()), error);
                return null;
            }
            notifier.succeeded(msg.get("settings.load", subject.get()));
            JailSettings v = (JailSettings) r[0];
            defaults = ((JailSettings) r[1]).values();
            @SuppressWarnings("unchecked")
            Set<String> extensions = (Set<String>) r[2];
            boolean readOnlyLogin = extensions.contains(org.jaildesk.protocol.Protocol.READ_ONLY);
            boolean canSet = extensions.contains("setjailsettings") && !readOnlyLogin;
            editable.set(canSet);
            readOnlyReason.set(canSet ? "" : msg.get(readOnlyLogin ? "why.readOnly" : "settings.readOnlyHost"));
            settings.setAll(build(v.values()));
            return null;
        }, fx), "the settings inspector");
    }

    private List<Setting> build(Map<String, String> values) {
        List<Setting> out = new ArrayList<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey();
            PropertyDef def = PropertyCatalog.standard().find(key).orElse(null);
            String value = shown(def, e.getValue());
            String dflt = defaults.containsKey(key) ? shown(def, defaults.get(key)) : "";
            boolean readOnly = def == null || def.readOnly() || (def.defaultsOnly() && !forDefaults);
            boolean override = !forDefaults && defaults.containsKey(key) && !value.equals(dflt) && !readOnly;
            out.add(new Setting(key, value, dflt, def, def == null ? PropertyDef.Category.OTHER : def.category(), override,
                    readOnly, def != null && def.apply() == PropertyDef.Apply.RESTART));
        }
        return out;
    }

    /** Booleans read the same whatever iocage printed (1, on, yes): shown as on/off. */
    static String shown(PropertyDef def, String v) {
        if (def != null && def.type() == PropertyDef.Type.BOOL) {
            return PropertyDef.isOn(v) ? "on" : PropertyDef.isOff(v) ? "off" : v;
        }
        return v;
    }

    /** Checks a value for a property; empty when it may be set. */
    public Optional<String> check(String key, String value) {
        return PropertyCatalog.standard().check(key, value, forDefaults).map(msg::get);
    }

    /**
     * Records an edit as typed: valid and different → pending; equal to the current value → no edit; invalid →
     * remembered as invalid (and returned), so apply stays off.
     */
    public Optional<String> edit(String key, String value) {
        Setting s = settings.stream().filter(x -> x.key().equals(key)).findFirst().orElse(null);
        if (s == null || s.readOnly()) {
            return Optional.of(msg.get(Wording.of(Wording.Phrase.VALUE_READ_ONLY, key)));
        }
        Optional<String> problem = check(key, value);
        if (problem.isPresent()) {
            invalid.put(key, problem.get());
            edits.remove(key);
            return problem;
        }
        invalid.remove(key);
        if (shown(s.def(), value).equals(s.value())) {
            edits.remove(key);
        } else {
            edits.put(key, value);
        }
        return Optional.empty();
    }

    /**
     * Records several edits at once (the Network choice's). One the sheet cannot take (a setting this jail does not have,
     * or one that cannot be changed) is kept among the invalid ones with its reason, so that it is said and Apply stays
     * off, instead of being left out without a word.
     */
    public void editAll(Map<String, String> values) {
        values.forEach((key, value) -> edit(key, value).ifPresent(why -> invalid.put(key, why)));
    }

    public void discard() {
        edits.clear();
        invalid.clear();
    }

    /** The changes apply would make, for each target (the shown jail's values stand for the current ones). */
    public List<Change> diff(List<String> targets) {
        List<Change> out = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        settings.forEach(s -> current.put(s.key(), s.value()));
        for (String t : targets) {
            edits.forEach((k, v) -> out.add(new Change(t, k, current.getOrDefault(k, ""), v)));
        }
        out.sort(java.util.Comparator.comparing(Change::jail).thenComparing(Change::key));
        return out;
    }

    /** Applies the pending edits to every target, one call each, then reloads what is shown. */
    public CompletableFuture<Void> apply(List<String> targets) {
        return apply(targets, false);
    }

    /** The host's jails' port forwards, for the Network choice's NAT; none where they cannot be read. */
    public CompletableFuture<java.util.List<org.jaildesk.client.PropertyRow>> forwardsOnHost() {
        return org.jaildesk.ui.jails.NewJails.forwardsOnHost(client);
    }

    /** The host's interfaces, for the Network choice; fails where the host cannot list them. */
    public CompletableFuture<java.util.List<org.jaildesk.domain.HostInterface>> hostInterfaces() {
        return org.jaildesk.ui.jails.NewJails.interfaces(client, msg);
    }

    /**
     * Whether the host can take a snapshot of a jail before its settings change (JailDesk's own hosts can; the original
     * sysadm server has no snapshots). Never for the defaults, which are no jail's.
     */
    public CompletableFuture<Boolean> canSnapshotFirst() {
        if (forDefaults) {
            return CompletableFuture.completedFuture(false);
        }
        return client.extensions().thenApply(ext -> ext.contains("snapshotjail")).exceptionally(e -> false);
    }

    /** The name of the snapshot taken before a settings change at {@code time}: {@code before_settings_<UTC time>}. */
    public static String snapshotName(java.time.Instant time) {
        return "before_settings_" + SnapshotNames.at(time);
    }

    /**
     * Applies the pending edits to every target, one call each, then reloads what is shown. With {@code snapshotFirst}
     * each jail's snapshot ({@link #snapshotName}) is taken first, and a jail whose snapshot failed keeps its settings:
     * a rollback to that snapshot in the Snapshots tab undoes the change (iocage keeps a jail's settings in its dataset).
     */
    public CompletableFuture<Void> apply(List<String> targets, boolean snapshotFirst) {
        if (!editable.get() || edits.isEmpty() || !invalid.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Map<String, String> changes = Map.copyOf(edits);
        String snapshot = snapshotFirst && !forDefaults ? snapshotName(java.time.Instant.now()) : null;
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (String t : targets) {
            CompletableFuture<String> before = snapshot == null ? CompletableFuture.completedFuture("")
                    : client.takeSnapshot(t, snapshot).exceptionallyCompose(
                            e -> CompletableFuture.failedFuture(new SnapshotFailed(Notifier.unwrap(e))));
            calls.add(before.thenCompose(x -> client.setJailSettings(t, changes)).whenCompleteAsync((ok, err) -> {
                if (err != null && Notifier.unwrap(err) instanceof SnapshotFailed f) {
                    notifier.failure(msg.get("settings.snapshotFailed", t, snapshot), f.getCause());
                } else if (err != null) {
                    notifier.failure(msg.get("settings.apply", t), err);
                } else {
                    notifier.succeeded(msg.get("settings.apply", t));
                    String restart = ok.needRestart().isEmpty() ? "" : msg.get("settings.restartNeeded", String.join(", ", ok.needRestart()));
                    notifier.info(snapshot == null ? msg.get("settings.applied", t, restart)
                            : msg.get("settings.appliedAfterSnapshot", t, restart, snapshot));
                }
            }, fx));
        }
        String shownNow = forDefaults ? null : subject.get();
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).handle((a, b) -> null)
                .thenComposeAsync(x -> load(shownNow), fx);
    }

    /** The snapshot before a settings change failed: the settings were left as they were. */
    private static final class SnapshotFailed extends RuntimeException {
        SnapshotFailed(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
