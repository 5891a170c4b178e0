package org.jaildesk.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;

/** Names used on the wire: namespaces, classes, actions. */
public final class Protocol {

    public static final String SYSADM = "sysadm";
    public static final String IOCAGE = "iocage";
    public static final String RPC = "rpc";
    public static final String EVENTS = "events";
    public static final String RESPONSE = "response";
    public static final String ERROR = "error";

    /** The 17 actions of the 2016 sysadm iocage API (the seed page). */
    public static final List<String> SEED_ACTIONS = List.of(
            "activatepool", "capjail", "cleanall", "cleanjails", "cleanreleases", "cleantemplates", "clonejail",
            "createjail", "deactivatepool", "destroyjail", "df", "execjail", "getdefaultsettings", "getjailsettings",
            "listjails", "startjail", "stopjail");

    /** JailDesk's extensions, advertised through {@code rpc/query}; a client uses them only where advertised. */
    public static final List<String> EXTENSION_ACTIONS = List.of(
            "setjailsettings", "restartjail", "activatestatus", "listpools", "listreleases", "listremotereleases", "listtemplates",
            "fetchrelease", "listsnapshots", "snapshotjail", "rollbackjail", "removesnapshot", "renamejail", "updatejail",
            "upgradejail", "exportjail", "importjail", "listimages", "cleanimages", "listmounts", "addmount", "removemount", "jailusage",
            "listotherjails", "listinterfaces", "consolelog");

    /**
     * JailDesk's server's own action in {@code sysadm/iocage}, advertised with the extensions:
     * {@code {"action":"cancel","id":"<id of a change this connection sent>"}} stops that change while it runs (its
     * iocage is killed with its children, and its reply says {@code cancelled}). A connection can stop only its own.
     */
    public static final String CANCEL = "cancel";

    /**
     * JailDesk's server's own read of its audit log in {@code sysadm/iocage}, advertised with the extensions:
     * {@code {"action":"listaudit"}} answers the newest entries first (who changed what, from where, and how it went).
     * Only a server keeps one: an in-process host's changes are the desktop's own jobs.
     */
    public static final String LIST_AUDIT = "listaudit";

    /** The audit log's action of a login (JailDesk's server writes one for each, failed ones too). */
    public static final String AUDIT_LOGIN = "login";

    /**
     * JailDesk's server's own marks of jails protected from destroy, in {@code sysadm/iocage}, advertised with the
     * extensions: {@code {"action":"listprotected"}} answers {@code {"jails":[…]}}; {@code protectjail} and
     * {@code unprotectjail} with {@code jail} add and take away a mark and answer the marks after. The server's host
     * refuses {@code destroyjail} of a marked jail and every clean that would destroy one.
     */
    public static final String LIST_PROTECTED = "listprotected";
    public static final String PROTECT_JAIL = "protectjail";
    public static final String UNPROTECT_JAIL = "unprotectjail";

    /**
     * How a 401 to {@code auth} starts when the password was right and the user's login also needs the one-time code of
     * their authenticator app: sent again with {@code "otp":"123456"}. {@link #CODE_WRONG}: the code sent did not hold.
     */
    public static final String CODE_NEEDED = "one-time code needed";
    public static final String CODE_WRONG = "wrong one-time code";

    /**
     * How a 401 to a request starts when its session began with a login key that was revoked since (JailDesk's server):
     * the key will not pass again, so a client forgets it and asks the password rather than try it once more (a failed
     * login, counted against its address: several desktops behind one address whose keys were revoked at once would
     * block it).
     */
    public static final String KEY_REVOKED = "login key revoked";

    /**
     * How JailDesk's server's refusal of a login starts while the address is blocked after too many failed logins:
     * nothing was checked, so a client keeps its login key (it will pass again once the block is over).
     */
    public static final String LOGINS_BLOCKED = "too many failed logins";

    /**
     * How JailDesk's server's refusal of a key login's answer starts when no challenge was waiting for it on the
     * connection (none asked, or it lapsed): the key was not checked, and a client keeps it.
     */
    public static final String NO_CHALLENGE = "no challenge is waiting";

    /**
     * Not an action: put among a host's extensions by the client where the login may only read there, as
     * {@code rpc/query} says it ({@code "sysadm/iocage":"read"}); the desktop then offers no change.
     */
    public static final String READ_ONLY = "jaildesk:read-only";

    /**
     * A header in the server's WebSocket handshake reply: the connection is refused and is about to be closed, for
     * the reason it gives (the close frame carries it too, but can be lost to the TCP close; see protocol.md).
     */
    public static final String REFUSED_HEADER = "X-JailDesk-Refused";

    /** Actions that change the host; they are serialized per jail and audited. */
    public static final List<String> MUTATING_ACTIONS = List.of(
            "activatepool", "capjail", "cleanall", "cleanjails", "cleanreleases", "cleantemplates", "clonejail",
            "createjail", "deactivatepool", "destroyjail", "execjail", "startjail", "stopjail", "setjailsettings",
            "restartjail", "fetchrelease", "snapshotjail", "rollbackjail", "removesnapshot", "renamejail", "updatejail",
            "upgradejail", "exportjail", "importjail", "cleanimages", "addmount", "removemount");

    /**
     * Actions that may run for hours (a release download, a full copy of a jail): the host lets their iocage run for
     * {@link #LONG_ACTION_LIMIT}, the others for minutes, and a client waits for their reply at least that long.
     */
    public static final List<String> LONG_ACTIONS = List.of(
            "cleanall", "cleanjails", "cleanreleases", "cleantemplates", "clonejail", "createjail", "fetchrelease",
            "updatejail", "upgradejail", "exportjail", "importjail", "cleanimages");

    /** How long a host lets iocage run one of the {@link #LONG_ACTIONS}. */
    public static final Duration LONG_ACTION_LIMIT = Duration.ofHours(2);

    public static boolean isLong(String action) {
        return LONG_ACTIONS.contains(action);
    }

    /**
     * Whether a request changes the host: one of {@link #MUTATING_ACTIONS}, except {@code activatepool} without a
     * pool, which only asks which pool is active (the seed's way to read it).
     */
    public static boolean changesHost(String action, JsonNode args) {
        if (!MUTATING_ACTIONS.contains(action)) {
            return false;
        }
        return !"activatepool".equals(action) || args != null && args.hasNonNull("pool");
    }

    /**
     * What a request acts on, for jobs and the audit log: its jail, pool or release, or the name of the jail that
     * {@code createjail} makes ({@code tag=} in its props); empty when there is none.
     */
    public static String target(JsonNode args) {
        for (String k : List.of("jail", "pool", "release", "image")) {
            if (args.hasNonNull(k) && args.get(k).isTextual()) {
                return args.get(k).asText();
            }
        }
        String named = namedInProps(args);
        if (!named.isEmpty()) {
            return named;
        }
        JsonNode props = args.get("props");
        return props != null && props.isTextual() ? props.asText() : "";
    }

    /**
     * The jail that {@code createjail} or {@code clonejail} makes, as its props name it: {@code "tag=web03
     * release=14.1-RELEASE"} (or, ours, {@code {"tag":"web03",…}}); empty when they name none (iocage then names it).
     */
    public static String namedInProps(JsonNode args) {
        JsonNode props = args.get("props");
        if (props != null && props.isObject() && props.path("tag").isTextual()) {
            return props.get("tag").asText();
        }
        if (props == null || !props.isTextual()) {
            return "";
        }
        for (String word : props.asText().trim().split("\\s+")) {
            if (word.startsWith("tag=") && word.length() > 4) {
                return word.substring(4);
            }
        }
        return "";
    }

    /**
     * The {@code process_id} of the {@code dispatcher} events a long job sends while it runs:
     * {@code jaildesk_iocage_create_<jail>}, {@code …_fetch_<release>}, {@code …_clean_<a|j|r|t>}. Made from the
     * action and its {@link #target} alone, so that a client knows its job's id before the first event and takes
     * only that job's lines: the events go to every subscribed client, for every job on the host.
     */
    public static String jobId(String action, String target) {
        String job = switch (action) {
            case "createjail" -> "create_" + (target.isEmpty() ? "jail" : target);
            case "fetchrelease" -> "fetch_" + target;
            case "cleanall" -> "clean_a";
            case "cleanjails" -> "clean_j";
            case "cleanreleases" -> "clean_r";
            case "cleantemplates" -> "clean_t";
            case "cleanimages" -> "clean_i";
            default -> action + (target.isEmpty() ? "" : "_" + target);
        };
        return "jaildesk_iocage_" + job;
    }

    /**
     * Whether a host runs this request once at a time: a long job that sends progress under its {@link #jobId} and
     * whose id names what it acts on. A second one with the same id, sent while the first is running or waiting its
     * turn, is answered at once with an error and nothing runs: it would only repeat the first (a second download of
     * one release, a second clean) or fail once it did (a second create of one name, a second export of one jail on
     * one day), and a client could not tell the two jobs' progress apart. Not {@code clonejail}, which sends no
     * progress, nor a create that names no jail: iocage names each such jail itself, so two may well run at once.
     */
    public static boolean oneAtATime(String action, JsonNode args) {
        return switch (action) {
            case "cleanall", "cleanjails", "cleanreleases", "cleantemplates", "cleanimages" -> true;
            case "createjail" -> !namedInProps(args).isEmpty();
            case "clonejail" -> false;
            default -> isLong(action) && !target(args).isEmpty();
        };
    }

    /**
     * Whether a change's error says the user cancelled it: a host answers a cancelled change with an error that starts
     * "cancelled" ("cancelled: iocage was stopped").
     */
    public static boolean saysCancelled(String error) {
        return error != null && error.startsWith("cancelled");
    }

    /** Event name for our jail-change notification. */
    public static final String JAIL_CHANGED_EVENT = "jaildesk-jails";
    public static final String DISPATCHER_EVENT = "dispatcher";
    /**
     * Event name for a change of the jails a server keeps protected from destroy ({@code protectjail},
     * {@code unprotectjail}, a rename that moved a mark): clients read {@code listprotected} again. Apart from
     * {@link #JAIL_CHANGED_EVENT}, on which every client lists the jails again.
     */
    public static final String PROTECTED_EVENT = "jaildesk-protected";

    private Protocol() {
    }
}
