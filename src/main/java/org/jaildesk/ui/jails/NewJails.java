package org.jaildesk.ui.jails;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jaildesk.client.CreatedJail;
import org.jaildesk.client.IocageClient;
import org.jaildesk.domain.Addresses;
import org.jaildesk.domain.HostImage;
import org.jaildesk.domain.HostInterface;
import org.jaildesk.domain.ImageNames;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailNames;
import org.jaildesk.domain.OtherJail;
import org.jaildesk.ui.common.Messages;

/**
 * Making jails on a host: the names it can still take, its releases and templates to make them from, create and
 * clone, and the jail just made, which the table then shows. Part of a host's {@link JailsViewModel}.
 */
public final class NewJails {

    private final IocageClient client;
    private final Executor fx;
    private final Messages msg;
    private final ObservableList<Jail> listed;
    private final After after;
    private final ObservableList<String> exportedImages = FXCollections.observableArrayList();
    /** {@link #addressIndex}, until the listing changes. */
    private java.util.Map<String, List<Jail>> addresses;

    /** Reports a change named {@code what} and refreshes the table once it is done, handing its result on. */
    interface After {
        <T> CompletableFuture<T> apply(CompletableFuture<T> change, String what);
    }
    private final StringProperty reveal = new SimpleStringProperty("");
    private final ProtectedJails protection;

    /**
     * {@code listed} is the host's last listing; {@code after} reports a change and refreshes the table once it is
     * done, handing its result on.
     */
    NewJails(IocageClient client, Executor fx, Messages msg, ObservableList<Jail> listed,
             After after, ProtectedJails protection) {
        this.client = client;
        this.protection = protection;
        this.fx = fx;
        this.msg = msg;
        this.listed = listed;
        this.after = after;
        listed.addListener((javafx.collections.ListChangeListener<Jail>) c -> addresses = null);
    }

    /**
     * The id of a jail just made here (created or cloned) that the table selects and scrolls to once a listing has
     * it, then empties; "" when there is none.
     */
    public StringProperty reveal() {
        return reveal;
    }

    public CompletableFuture<List<String>> releases() {
        return client.listReleases().exceptionally(e -> List.of());
    }

    /** The names of the host's templates, for a jail made from one; none where the host cannot list them. */
    public CompletableFuture<List<String>> templates() {
        return client.listTemplates().thenApply(l -> l.stream().map(Jail::displayName).toList()).exceptionally(e -> List.of());
    }

    /**
     * Why {@code name} cannot name a new jail here, in the window's language; empty when it can. Besides what iocage
     * refuses in any name, a jail of this host (as last listed) may already have it.
     */
    public Optional<String> whyNotNewName(String name) {
        return JailNames.checkNew(name).map(msg::get).or(() -> listed.stream()
                .filter(j -> j.displayName().equals(name) || j.id().equals(name)).findFirst()
                .map(j -> msg.get("create.nameTaken", name)));
    }

    /**
     * The host's running jails that iocage did not make, for the addresses they hold; none where the host cannot list
     * them (a server without {@code listotherjails}, or a failure: the check they serve only warns).
     */
    public CompletableFuture<List<OtherJail>> otherJails() {
        return ActionCalls.offered(client, msg, "listotherjails", "others.unsupported", client::listOtherJails)
                .exceptionally(e -> List.of());
    }

    /**
     * The host's network interfaces and bridges, for the Network choice's menus; fails where the host cannot list them
     * (a server without {@code listinterfaces}: the interface and bridge are typed then).
     */
    public CompletableFuture<List<HostInterface>> interfaces() {
        return interfaces(client, msg);
    }

    /** {@link #interfaces()} of the host {@code client} talks to. */
    public static CompletableFuture<List<HostInterface>> interfaces(IocageClient client, Messages msg) {
        return ActionCalls.offered(client, msg, "listinterfaces", "network.unsupported", client::listInterfaces);
    }

    /** The {@code nat_forwards} of the jails behind this host's NAT, for the Network choice's NAT; none where they cannot be read. */
    public CompletableFuture<List<org.jaildesk.client.PropertyRow>> forwardsOnHost() {
        return forwardsOnHost(client);
    }

    /**
     * {@link #forwardsOnHost()} of the host {@code client} talks to: the {@code nat_forwards} of the jails behind its NAT
     * ({@code nat} on); a jail not behind it keeps forwards iocage does nothing with (a NAT jail's clone that left it).
     */
    public static CompletableFuture<List<org.jaildesk.client.PropertyRow>> forwardsOnHost(IocageClient client) {
        CompletableFuture<List<org.jaildesk.client.PropertyRow>> nat = client.getSettingOfAllJails("nat");
        return client.getSettingOfAllJails("nat_forwards").thenCombine(nat, (forwards, on) -> {
            java.util.Set<String> behind = on.stream().filter(r -> org.jaildesk.domain.PropertyDef.isOn(r.value()))
                    .map(org.jaildesk.client.PropertyRow::id).collect(java.util.stream.Collectors.toSet());
            return forwards.stream().filter(r -> behind.contains(r.id())).toList();
        }).exceptionally(e -> List.of());
    }

    /**
     * Whether {@code jail} is behind the host's NAT ({@code nat} on), for its clone's network; false where its settings
     * cannot be read (legacy iocage has no {@code nat}).
     */
    public CompletableFuture<Boolean> behindNat(Jail jail) {
        return client.getJailSetting(jail.id(), "nat").thenApply(org.jaildesk.domain.PropertyDef::isOn).exceptionally(e -> false);
    }

    /**
     * Whether the host's defaults put a new jail behind its NAT ({@code nat} on in {@code iocage get all default}), for a
     * new jail's network; false where they cannot be read or have no {@code nat} (legacy iocage).
     */
    public CompletableFuture<Boolean> behindNatByDefault() {
        return client.getDefaultSettings().thenApply(d -> org.jaildesk.domain.PropertyDef.isOn(d.get("nat"))).exceptionally(e -> false);
    }

    /**
     * Which jail already has an address the new one is to have, in the window's language; empty when none does. The
     * addresses are those of {@code ip4_addr} and {@code ip6_addr} in {@code props}; for a clone ({@code source} not
     * null) a kind {@code props} does not set is the source's, which a clone keeps. Those already in use are the
     * listed jails' (Python iocage lists a stopped jail's configured ones; legacy iocage only a running jail's) and
     * {@code others}'. Two jails with one address do not run at once, but a jail may be meant to stand in for another:
     * this warns, and refuses nothing.
     */
    public Optional<String> addressInUse(String props, Jail source, List<OtherJail> others) {
        String ip4 = propValue(props, "ip4_addr");
        String ip6 = propValue(props, "ip6_addr");
        // What a clone keeps of its source: the kinds of address the dialog does not set.
        List<String> kept = new java.util.ArrayList<>();
        List<String> toGive = new java.util.ArrayList<>();
        if (source != null) {
            for (String[] kind : new String[][] {{"ip4_addr", ip4, source.ip4()}, {"ip6_addr", ip6, source.ip6()}}) {
                List<String> its = kind[1] == null ? Addresses.of(kind[2]) : List.of();
                kept.addAll(its);
                if (!its.isEmpty()) {
                    toGive.add(kind[0] + "=\u2026");
                }
            }
        }
        if (!kept.isEmpty()) {
            return Optional.of(msg.get(kept.size() == 1 ? "clone.addressKept" : "clone.addressesKept",
                    String.join(", ", kept), source.displayName(), String.join(", ", toGive)));
        }
        List<String> wanted = new java.util.ArrayList<>(Addresses.of(ip4));
        wanted.addAll(Addresses.of(ip6));
        return new AddressOwners(addressIndex(), others, msg).inUse(wanted, List.of());
    }

    /**
     * Which jail already has an address that settings {@code edits} (of {@code ip4_addr} or {@code ip6_addr}) give
     * the jails {@code targets}, in the window's language; empty when none does. The same address given to several
     * jails at once is said too. A warning, as for a new jail.
     */
    public Optional<String> addressInUse(java.util.Map<String, String> edits, List<String> targets, List<OtherJail> others) {
        List<String> wanted = new java.util.ArrayList<>();
        for (String key : List.of("ip4_addr", "ip6_addr")) {
            if (edits.containsKey(key)) {
                wanted.addAll(Addresses.of(edits.get(key)));
            }
        }
        if (!wanted.isEmpty() && targets.size() > 1) {
            return Optional.of(msg.get("settings.addressForMany", wanted.get(0), targets.size()));
        }
        return new AddressOwners(addressIndex(), others, msg).inUse(wanted, targets);
    }

    /** The listed jails by address, made again only after the listing changed (on the FX thread, as the list is). */
    private java.util.Map<String, List<Jail>> addressIndex() {
        if (addresses == null) {
            addresses = AddressOwners.index(listed);
        }
        return addresses;
    }

    /** The value {@code key} is given in {@code key=value key=value}; null when it is not. */
    private static String propValue(String props, String key) {
        if (props == null) {
            return null;
        }
        for (String token : props.trim().split("\\s+")) {
            if (token.startsWith(key + "=")) {
                return token.substring(key.length() + 1);
            }
        }
        return null;
    }

    /**
     * Creates a jail from {@code source}: a release, or for {@link JailType#TEMPLATE} a template's name (nothing for
     * an empty jail). {@code props} are extra {@code key=value} pairs, already checked by the dialog.
     */
    public CompletableFuture<CreatedJail> create(String name, String source, JailType type, String props) {
        return revealed(after.apply(client.createJail(type.props(name, source, props), type.switches()),
                ActionCalls.verb(msg, "action.create") + " " + name));
    }

    public CompletableFuture<CreatedJail> cloneJail(Jail source, String name, String props) {
        String p = "tag=" + name + (props == null || props.isBlank() ? "" : " " + props.trim());
        return revealed(after.apply(client.cloneJail(source.id(), p),
                ActionCalls.verb(msg, "action.clone") + " " + source.displayName()));
    }

    /**
     * Renames a stopped jail; the table then shows it under its new name, and a protection from destroy goes with it
     * (before the table lists it again).
     */
    public CompletableFuture<CreatedJail> rename(Jail jail, String name) {
        CompletableFuture<CreatedJail> renamed = ActionCalls.offered(client, msg, "renamejail", "rename.unsupported",
                () -> client.renameJail(jail.id(), name)).thenApplyAsync(made -> {
                    protection.moved(jail.id(), made.id());
                    return made;
                }, fx);
        return revealed(after.apply(renamed, ActionCalls.verb(msg, "action.rename") + " " + jail.displayName()));
    }

    /**
     * Why {@code image} cannot be imported here, in the window's language; empty when it can. Besides a name that is
     * not an image's, a jail of this host (as last listed) with the image's jail name would be overwritten by it (the
     * host checks again, with iocage's own pattern, before anything runs).
     */
    public Optional<String> whyNotImage(String image) {
        return ImageNames.check(image).map(msg::get).or(() -> listed.stream()
                .filter(j -> j.id().equals(ImageNames.jail(image)) || j.displayName().equals(ImageNames.jail(image)))
                .findFirst().map(j -> msg.get("import.jailThere", j.displayName())));
    }

    /**
     * iocage's export of one stopped jail to an image file on its host, where the host offers it; the image's name is
     * then among {@link #exportedImages()}.
     */
    public CompletableFuture<String> export(Jail jail) {
        CompletableFuture<String> exported = ActionCalls.offered(client, msg, "exportjail", "export.unsupported",
                () -> client.exportJail(jail.id()));
        return after.apply(exported.thenApplyAsync(path -> {
            String image = path.substring(path.lastIndexOf('/') + 1);
            if (!image.isEmpty() && !exportedImages.contains(image)) {
                exportedImages.add(0, image);
            }
            return path;
        }, fx), ActionCalls.verb(msg, "action.export") + " " + jail.displayName());
    }

    /** Exports the jails one after another, each a job of its own; a cancelled one ends the run. */
    public CompletableFuture<Void> exportAll(List<Jail> jails) {
        return ActionCalls.jailsInTurn(client, "exportjail", jails, this::export);
    }

    /**
     * The images exported to this host in this session, newest first: what the import dialog offers until the host has
     * listed its images folder, and beside that list where the host cannot list it.
     */
    public ObservableList<String> exportedImages() {
        return exportedImages;
    }

    /**
     * The image files in the host's images folder, newest first; a failure says, in the window's language where it is
     * ours, why they could not be listed (a host whose server does not offer it lists none).
     */
    public CompletableFuture<List<HostImage>> hostImages() {
        return ActionCalls.offered(client, msg, "listimages", "import.listUnsupported", client::listImages);
    }

    /** Imports the jail an image holds; the table then shows it. */
    public CompletableFuture<CreatedJail> importImage(String image) {
        CompletableFuture<CreatedJail> imported = ActionCalls.offered(client, msg, "importjail", "import.unsupported",
                () -> client.importJail(image));
        return revealed(after.apply(imported, ActionCalls.verb(msg, "action.import") + " " + image));
    }

    /** The jail {@code made} is shown once listed: {@link #reveal}. */
    private CompletableFuture<CreatedJail> revealed(CompletableFuture<CreatedJail> made) {
        return made.thenApplyAsync(j -> {
            reveal.set(j.id());
            return j;
        }, fx);
    }
}
