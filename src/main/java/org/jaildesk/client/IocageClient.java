package org.jaildesk.client;

import static org.jaildesk.client.ReplyReader.field;
import static org.jaildesk.client.ReplyReader.forEach;
import static org.jaildesk.client.ReplyReader.malformed;
import static org.jaildesk.client.ReplyReader.optionalText;
import static org.jaildesk.client.ReplyReader.stringMap;
import static org.jaildesk.client.ReplyReader.text;
import static org.jaildesk.client.ReplyRecords.created;
import static org.jaildesk.client.ReplyRecords.jailOf;
import static org.jaildesk.client.ReplyRecords.linesOf;
import static org.jaildesk.client.ReplyRecords.settingsOf;
import static org.jaildesk.client.ReplyRecords.stepsOf;
import static org.jaildesk.client.ReplyRecords.successText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jaildesk.domain.DiskUsage;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailMount;
import org.jaildesk.domain.JailSettings;
import org.jaildesk.domain.JailSnapshot;
import org.jaildesk.domain.HostImage;
import org.jaildesk.domain.HostInterface;
import org.jaildesk.domain.HostPool;
import org.jaildesk.domain.JailUsage;
import org.jaildesk.domain.OtherJail;
import org.jaildesk.protocol.Protocol;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;

/**
 * Typed calls for the sysadm {@code iocage} class. Each method sends exactly the {@code args} the API page documents
 * and turns the reply into domain records, or fails the future with an {@link IocageClientException}.
 *
 * <p>Replies are read in every shape a host may send: our clean values, the 2016 server's quirks (values cut at a
 * second colon, leading spaces, {@code {}} replies, {@code "error"} inside a normal reply, {@code INFO} lines for
 * jails already up) and the 2017+ {@code listjails} shape {@code {"jails":{"<jid>":{…}}}}.
 */
public final class IocageClient {

    private final Transport transport;
    private final AtomicLong ids = new AtomicLong();

    public IocageClient(Transport transport) {
        this.transport = transport;
    }

    public Transport transport() {
        return transport;
    }

    /** Runs {@code r} whenever the host says a jail changed (any client's action); the handle stops it. */
    public AutoCloseable onJailsChanged(Runnable r) {
        return onJailChanged(jail -> r.run());
    }

    /**
     * Tells {@code told} the jail the host says changed, whenever it says one did (any client's action); "" where the
     * change named none (a clean of many). The handle stops it.
     */
    public AutoCloseable onJailChanged(java.util.function.Consumer<String> told) {
        return transport.onEvent(e -> {
            if (Protocol.JAIL_CHANGED_EVENT.equals(e.name())) {
                com.fasterxml.jackson.databind.JsonNode jail = e.args() == null ? null : e.args().get("jail");
                told.accept(jail != null && jail.isTextual() ? jail.asText() : "");
            }
        });
    }

    /**
     * Runs {@code r} whenever the host says the jails it keeps protected changed (any client's {@code protectjail} or
     * {@code unprotectjail}, or a rename that moved a mark: {@code jaildesk serve} only); the handle stops it.
     */
    public AutoCloseable onProtectionChanged(Runnable r) {
        return transport.onEvent(e -> {
            if (Protocol.PROTECTED_EVENT.equals(e.name())) {
                r.run();
            }
        });
    }

    private volatile CompletableFuture<java.util.Set<String>> extensions;

    /**
     * What the host advertises beyond the 17 actions. The host's answer is kept for the client's life; a failure to
     * ask (no connection yet, a certificate not accepted yet, a login refused) fails the future and is not kept, so
     * the next call asks again instead of treating a host that was merely unreachable as one without extensions, and
     * a caller does not go on to ask the unreachable host something else (which would ask for the password again).
     */
    public CompletableFuture<java.util.Set<String>> extensions() {
        CompletableFuture<java.util.Set<String>> e = extensions;
        if (e == null || e.isCompletedExceptionally()) {
            e = transport.extensions();
            extensions = e;
        }
        return e;
    }

    /**
     * Says that {@code action} on the jail {@code jail} will be asked for once the ones before it have ended (jails
     * updated one after another): the jobs panel shows it waiting. Nothing is sent.
     */
    public Queued queued(String action, String jail) {
        return transport.queued(action, jail);
    }

    // ---- listing and settings -------------------------------------------------------------------------------

    public CompletableFuture<List<Jail>> listJails() {
        return call(args("listjails"), ReplyRecords::readJails);
    }

    public CompletableFuture<JailSettings> getDefaultSettings() {
        return call(args("getdefaultsettings"),
                body -> new JailSettings("default", stringMap(field(body, "defaults", "getdefaultsettings"),
                        "getdefaultsettings.defaults")));
    }

    /** Every property of one jail ({@code jail} only). */
    public CompletableFuture<JailSettings> getJailSettings(String jail) {
        return call(args("getjailsettings", "jail", jail), body -> settingsOf(body, jail));
    }

    /** Every property of one jail, asked for as {@code prop=all} (the page's second form; same answer). */
    public CompletableFuture<JailSettings> getAllJailSettings(String jail) {
        return call(args("getjailsettings", "jail", jail, "prop", "all"), body -> settingsOf(body, jail));
    }

    /** One property of one jail. */
    public CompletableFuture<String> getJailSetting(String jail, String prop) {
        return call(args("getjailsettings", "jail", jail, "prop", prop), body -> {
            JailSettings s = settingsOf(body, jail);
            String v = s.get(prop);
            if (v == null) {
                throw malformed("getjailsettings." + jail + "." + prop + " is missing");
            }
            return v;
        });
    }

    /** One property across every jail ({@code switches=-r}). */
    public CompletableFuture<List<PropertyRow>> getSettingOfAllJails(String prop) {
        return call(args("getjailsettings", "switches", "-r", "prop", prop),
                body -> ReplyRecords.propertyRows(body, prop));
    }

    public CompletableFuture<List<DiskUsage>> df() {
        return call(args("df"), ReplyRecords::diskUsage);
    }

    // ---- jail actions ---------------------------------------------------------------------------------------

    public CompletableFuture<JobOutput> startJail(String jail) {
        return call(args("startjail", "jail", jail), body -> stepsOf(body, jail, "startjail"));
    }

    public CompletableFuture<JobOutput> stopJail(String jail) {
        return call(args("stopjail", "jail", jail), body -> stepsOf(body, jail, "stopjail"));
    }

    /** Re-applies resource limits; returns the host's confirmation, "" when an old host gave none. */
    public CompletableFuture<String> capJail(String jail) {
        return call(args("capjail", "jail", jail), body -> optionalText(body, "success", "capjail"));
    }

    /** Clones {@code jail}; {@code props} may be "" (iocage then picks the new name). */
    public CompletableFuture<CreatedJail> cloneJail(String jail, String props) {
        ObjectNode a = args("clonejail", "jail", jail);
        if (props != null && !props.isEmpty()) {
            a.put("props", props);
        }
        return call(a, body -> created(body, "clonejail"));
    }

    /** Creates a jail; {@code switches} is left out of the request when empty, as the API advises. */
    public CompletableFuture<CreatedJail> createJail(String props, String switches) {
        ObjectNode a = args("createjail");
        if (switches != null && !switches.isEmpty()) {
            a.put("switches", switches);
        }
        a.put("props", props == null ? "" : props);
        return call(a, body -> created(body, "createjail"));
    }

    /** Destroys a jail; returns the id the host reports. */
    public CompletableFuture<String> destroyJail(String jail) {
        return call(args("destroyjail", "jail", jail), body -> {
            JsonNode success = field(body, "success", "destroyjail");
            if (success.isTextual()) {
                return success.asText().trim();
            }
            Map<String, String> lines = stringMap(success, "destroyjail.success");
            String id = lines.get("Destroying");
            return id == null ? jail : id;
        });
    }

    /** Runs {@code command} inside the jail as {@code user}; returns its output lines. */
    public CompletableFuture<JobOutput> execJail(String jail, String user, String command) {
        ObjectNode a = args("execjail", "jail", jail);
        a.put("command", command);
        a.put("user", user);
        return call(a, body -> {
            // Our hosts add "output", which keeps order and repeated lines; the 2016 server had only "success".
            JsonNode output = body.get("output");
            JsonNode lines = output != null && output.isArray() ? output : field(body, "success", "execjail");
            return new JobOutput(jail, linesOf(lines, "execjail.output"), false);
        });
    }

    public CompletableFuture<String> cleanAll() {
        return call(args("cleanall"), body -> successText(body, "cleanall"));
    }

    public CompletableFuture<String> cleanJails() {
        return call(args("cleanjails"), body -> successText(body, "cleanjails"));
    }

    public CompletableFuture<String> cleanReleases() {
        return call(args("cleanreleases"), body -> successText(body, "cleanreleases"));
    }

    public CompletableFuture<String> cleanTemplates() {
        return call(args("cleantemplates"), body -> successText(body, "cleantemplates"));
    }

    /** Destroys the images folder's dataset with every image file in it (extension {@code cleanimages}, Python iocage). */
    public CompletableFuture<String> cleanImages() {
        return call(args("cleanimages"), body -> successText(body, "cleanimages"));
    }

    // ---- pools ----------------------------------------------------------------------------------------------

    public CompletableFuture<String> activatePool(String pool) {
        return call(args("activatepool", "pool", pool), body -> successText(body, "activatepool"));
    }

    /**
     * The active pool, asked for with {@code activatepool} and no pool. Empty when the host does not say: the 2016
     * server answers {@code {}} there.
     */
    public CompletableFuture<Optional<String>> currentPool() {
        return call(args("activatepool"), body -> {
            JsonNode current = body.get("currently active");
            if (current == null) {
                return Optional.empty();
            }
            String pool = text(field(current, "pool", "activatepool.currently active"), "activatepool.currently active.pool");
            return pool.isEmpty() ? Optional.empty() : Optional.of(pool);
        });
    }

    public CompletableFuture<String> deactivatePool(String pool) {
        return call(args("deactivatepool", "pool", pool), body -> successText(body, "deactivatepool"));
    }

    // ---- JailDesk extensions (use only where the host advertises them) ----------------------------------------

    /** Sets properties on a jail (or on {@code default}); returns what the host reports per property. */
    public CompletableFuture<SettingsChange> setJailSettings(String jail, Map<String, String> props) {
        ObjectNode a = args("setjailsettings", "jail", jail);
        ObjectNode p = a.putObject("props");
        props.forEach(p::put);
        return call(a, body -> ReplyRecords.settingsChange(body, jail));
    }

    public CompletableFuture<JobOutput> restartJail(String jail) {
        return call(args("restartjail", "jail", jail), body -> stepsOf(body, jail, "restartjail"));
    }

    /** The active pool, or empty when none is active. */
    public CompletableFuture<Optional<String>> activateStatus() {
        return call(args("activatestatus"), body -> "true".equals(optionalText(body, "activated", "activatestatus"))
                ? Optional.of(text(field(body, "pool", "activatestatus"), "activatestatus.pool")) : Optional.empty());
    }

    /** The host's ZFS pools, the one iocage uses marked (extension {@code listpools}). */
    public CompletableFuture<List<HostPool>> listPools() {
        return call(args("listpools"), ExtensionReplies::pools);
    }

    /** The releases fetched on the host. */
    public CompletableFuture<List<String>> listReleases() {
        return call(args("listreleases"), body -> ReplyRecords.names(body, "local", "listreleases"));
    }

    /** The releases the FreeBSD mirror offers to fetch, as the host's iocage reads them ({@code iocage list -R}). */
    public CompletableFuture<List<String>> listRemoteReleases() {
        return call(args("listremotereleases"), body -> ReplyRecords.names(body, "remote", "listremotereleases"));
    }

    /** Renames a stopped jail (extension {@code renamejail}); its id and name afterwards (a legacy jail keeps its UUID). */
    public CompletableFuture<CreatedJail> renameJail(String jail, String name) {
        return call(args("renamejail", "jail", jail, "name", name), body -> new CreatedJail(
                text(field(body, "id", "renamejail"), "renamejail.id"), text(field(body, "name", "renamejail"), "renamejail.name")));
    }

    /**
     * Updates the jail to its release's latest patch level (extension {@code updatejail}: iocage's {@code update},
     * which takes a snapshot first), and with {@code packages} its packages too (Python iocage only); what the host says
     * of it ("web updated from 13.2-RELEASE-p4 to …-p6").
     */
    public CompletableFuture<String> updateJail(String jail, boolean packages) {
        ObjectNode a = packages ? args("updatejail", "jail", jail, "packages", "yes") : args("updatejail", "jail", jail);
        return call(a, body -> successText(body, "updatejail"));
    }

    /**
     * Upgrades a jail to a newer release (extension {@code upgradejail}: Python iocage's {@code upgrade -r}, after a
     * snapshot the host takes); the host's word of it, which names the releases and the snapshot.
     */
    public CompletableFuture<String> upgradeJail(String jail, String release) {
        return call(args("upgradejail", "jail", jail, "release", release), body -> successText(body, "upgradejail"));
    }

    /**
     * Exports a stopped jail to an image file on its host (extension {@code exportjail}: Python iocage's {@code export});
     * the image's path on the host ({@code /tank/iocage/images/mail_2026-11-27.zip}), empty if iocage did not say it.
     */
    public CompletableFuture<String> exportJail(String jail) {
        return call(args("exportjail", "jail", jail), body -> {
            successText(body, "exportjail");
            JsonNode image = body.get("image");
            return image != null && image.isTextual() ? image.asText() : "";
        });
    }

    /**
     * Imports the jail an image of the host's iocage holds, given by the image's whole name as export named it
     * (extension {@code importjail}); the jail imported.
     */
    public CompletableFuture<CreatedJail> importJail(String image) {
        return call(args("importjail", "image", image), body -> {
            String jail = text(field(body, "jail", "importjail"), "importjail.jail");
            return new CreatedJail(jail, jail);
        });
    }

    /** The image files in the host's images folder, newest first: what {@link #importJail} can be given (extension {@code listimages}). */
    public CompletableFuture<List<HostImage>> listImages() {
        return call(args("listimages"), ExtensionReplies::images);
    }

    /**
     * What each running jail's processes use now, by JID (extension {@code jailusage}); join it to {@link #listJails}
     * by {@link Jail#jid()}.
     */
    public CompletableFuture<Map<Integer, JailUsage>> jailUsage() {
        return call(args("jailusage"), ExtensionReplies::usage);
    }

    /**
     * The host's running jails that iocage did not make, by JID (extension {@code listotherjails}): shown read-only,
     * never acted on.
     */
    public CompletableFuture<List<OtherJail>> listOtherJails() {
        return call(args("listotherjails"), ExtensionReplies::otherJails);
    }

    /**
     * The host's network interfaces and bridges, in ifconfig's order (extension {@code listinterfaces}): what a jail's
     * shared address or its VNET bridge can be.
     */
    public CompletableFuture<List<HostInterface>> listInterfaces() {
        return call(args("listinterfaces"), ExtensionReplies::interfaces);
    }

    /**
     * The server's audit log, newest first, at most 500 entries (its own action {@code listaudit}, offered by
     * {@code jaildesk serve} only): who changed what on the host, from where, and how it went.
     */
    public CompletableFuture<List<org.jaildesk.domain.AuditEntry>> listAudit() {
        return call(args(org.jaildesk.protocol.Protocol.LIST_AUDIT), ExtensionReplies::auditEntries);
    }

    /**
     * A page of the server's audit log, newest first: the newest for {@code before} "", else the entries before the
     * {@link org.jaildesk.domain.AuditPage#older} of an earlier page.
     */
    public CompletableFuture<org.jaildesk.domain.AuditPage> listAuditPage(String before) {
        return call(before.isEmpty() ? args(org.jaildesk.protocol.Protocol.LIST_AUDIT)
                : args(org.jaildesk.protocol.Protocol.LIST_AUDIT, "before", before), ExtensionReplies::auditPage);
    }

    /** The jails the server keeps protected from destroy (its own action {@code listprotected}). */
    public CompletableFuture<List<String>> listProtected() {
        String a = org.jaildesk.protocol.Protocol.LIST_PROTECTED;
        return call(args(a), body -> ExtensionReplies.protectedJails(body, a));
    }

    /**
     * Marks {@code jail} protected from destroy on the server ({@code on}) or takes the mark away: the server's host then
     * refuses to destroy it, for every client. Answers the marks after.
     */
    public CompletableFuture<List<String>> setProtected(String jail, boolean on) {
        String a = on ? org.jaildesk.protocol.Protocol.PROTECT_JAIL : org.jaildesk.protocol.Protocol.UNPROTECT_JAIL;
        return call(args(a, "jail", jail), body -> ExtensionReplies.protectedJails(body, a));
    }

    /**
     * The end of the jail's console log, what its rc printed at each start and stop (extension {@code consolelog},
     * Python iocage); no lines where there is none yet.
     */
    public CompletableFuture<org.jaildesk.domain.ConsoleLog> consoleLog(String jail) {
        return call(args("consolelog", "jail", jail), ExtensionReplies::consoleLog);
    }

    /** The host's folders mounted into the jail, its fstab's lines in order (extension {@code listmounts}). */
    public CompletableFuture<List<JailMount>> listMounts(String jail) {
        return call(args("listmounts", "jail", jail), ExtensionReplies::mounts);
    }

    /** Mounts the host's {@code source} on {@code destination} inside the jail (extension {@code addmount}, nullfs). */
    public CompletableFuture<String> addMount(String jail, String source, String destination, boolean readOnly) {
        return call(args("addmount", "jail", jail, "source", source, "destination", destination, "options", readOnly ? "ro" : "rw"),
                body -> successText(body, "addmount"));
    }

    /** Unmounts {@code m} and removes its line, if it is still the line listed at its index (extension {@code removemount}). */
    public CompletableFuture<String> removeMount(String jail, JailMount m) {
        return call(args("removemount", "jail", jail, "index", Integer.toString(m.index()), "source", m.source(),
                "destination", m.destination()), body -> successText(body, "removemount"));
    }

    /** The jail's ZFS snapshots, oldest first (extension {@code listsnapshots}). */
    public CompletableFuture<List<JailSnapshot>> listSnapshots(String jail) {
        return call(args("listsnapshots", "jail", jail), ExtensionReplies::snapshots);
    }

    /** Takes a snapshot named {@code name}, or named by the host after the time when empty; its name. */
    public CompletableFuture<String> takeSnapshot(String jail, String name) {
        ObjectNode a = name.isEmpty() ? args("snapshotjail", "jail", jail) : args("snapshotjail", "jail", jail, "snapshot", name);
        return call(a, body -> text(field(body, "snapshot", "snapshotjail"), "snapshotjail.snapshot"));
    }

    /** Rolls the stopped jail back to {@code name}; the host destroys the snapshots taken after it. */
    public CompletableFuture<String> rollbackJail(String jail, String name) {
        return call(args("rollbackjail", "jail", jail, "snapshot", name),
                body -> text(field(body, "snapshot", "rollbackjail"), "rollbackjail.snapshot"));
    }

    public CompletableFuture<String> removeSnapshot(String jail, String name) {
        return call(args("removesnapshot", "jail", jail, "snapshot", name),
                body -> text(field(body, "snapshot", "removesnapshot"), "removesnapshot.snapshot"));
    }

    public CompletableFuture<List<Jail>> listTemplates() {
        return call(args("listtemplates"), body -> {
            List<Jail> out = new ArrayList<>();
            forEach(field(body, "templates", "listtemplates"), "listtemplates.templates",
                    (id, row) -> out.add(jailOf(id, row, "listtemplates.templates.", id)));
            return List.copyOf(out);
        });
    }

    /** Fetches a release; progress arrives as dispatcher events while this runs. */
    public CompletableFuture<String> fetchRelease(String release) {
        return call(args("fetchrelease", "release", release), body -> successText(body, "fetchrelease"));
    }

    /** The logged-in user's login keys on the host ({@code rpc/settings} {@code list_ssl_certs}). */
    public CompletableFuture<List<org.jaildesk.domain.LoginKey>> loginKeys() {
        return settings(args(org.jaildesk.protocol.KeyLogin.LIST)).thenApply(ExtensionReplies::loginKeys);
    }

    /** Takes one of the user's login keys away on the host ({@code revoke_ssl_cert}): it logs in no more. */
    public CompletableFuture<Void> revokeLoginKey(String pubKey) {
        return settings(args(org.jaildesk.protocol.KeyLogin.REVOKE, "pub_key", pubKey)).thenApply(a -> null);
    }

    /** A request of {@code rpc/settings} (the key registration's class): its answer's args, or the host's refusal. */
    private CompletableFuture<JsonNode> settings(ObjectNode args) {
        String action = args.get("action").asText();
        Request request = new Request(Protocol.RPC, org.jaildesk.protocol.KeyLogin.SETTINGS, "jd-" + ids.incrementAndGet(), args);
        CompletableFuture<Reply> sent;
        try {
            sent = transport.send(request);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.thenApply(reply -> {
            if (reply instanceof org.jaildesk.protocol.ErrorReply e) {
                throw new IocageClientException(IocageClientException.Kind.PROTOCOL_ERROR,
                        e.message().isEmpty() ? "the host refused " + action + " (" + e.code() + ")" : e.message(), e.code(), null);
            }
            return ((org.jaildesk.protocol.Response) reply).args();
        });
    }

    // ---- plumbing -------------------------------------------------------------------------------------------

    /** Builds the {@code args} of a request: the action, then string arguments in order. */
    static ObjectNode args(String action, String... keyValues) {
        ObjectNode a = JsonNodeFactory.instance.objectNode();
        a.put("action", action);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            a.put(keyValues[i], keyValues[i + 1]);
        }
        return a;
    }

    <T> CompletableFuture<T> call(ObjectNode args, Function<JsonNode, T> reader) {
        String action = args.get("action").asText();
        Request request = new Request(Protocol.SYSADM, Protocol.IOCAGE, "jd-" + ids.incrementAndGet(), args);
        CompletableFuture<Reply> sent;
        try {
            sent = transport.send(request);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.thenApply(reply -> reader.apply(ReplyReader.actionBody(reply, action)));
    }
}
