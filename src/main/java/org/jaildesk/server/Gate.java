package org.jaildesk.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.jaildesk.domain.Shown;
import org.jaildesk.protocol.ErrorCode;
import org.jaildesk.protocol.ErrorReply;
import org.jaildesk.protocol.KeyLogin;
import org.jaildesk.protocol.Protocol;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.protocol.RequestHandler;
import org.jaildesk.protocol.Response;

/**
 * What every request passes through, whatever the transport: {@code rpc} (identify, auth, auth_token, auth_clear,
 * query), {@code events} subscriptions, and {@code sysadm/iocage} for logged-in users only, audited when it changes
 * anything. Nothing but identify and the auth requests works before login; the logins themselves, and whether a
 * session still holds, are {@link Logins}'.
 */
final class Gate {

    private static final Logger LOG = Logger.getLogger(Gate.class.getName());
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final java.util.List<String> EVENT_NAMES = java.util.List.of(Protocol.DISPATCHER_EVENT, Protocol.JAIL_CHANGED_EVENT,
            Protocol.PROTECTED_EVENT);

    private final RequestHandler host;
    private final UserStore users;
    private final TokenStore tokens;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final String hostName;
    private final String version;
    private final ProtectedJails marks;
    private final UserKeys keys;
    private final java.time.Clock clock;
    private final KeySettings keySettings;

    private final Logins logins;

    Gate(RequestHandler host, UserStore users, TokenStore tokens, LoginThrottle throttle, AuditLog audit,
         String hostName, String version, ProtectedJails marks, UserKeys keys, java.time.Clock clock) {
        this.marks = marks;
        this.keys = keys;
        this.clock = clock;
        this.keySettings = new KeySettings(keys, audit, clock);
        this.logins = new Logins(users, tokens, throttle, audit, keys, clock);
        this.host = host;
        this.users = users;
        this.tokens = tokens;
        this.throttle = throttle;
        this.audit = audit;
        this.hostName = hostName;
        this.version = version;
    }

    LoginThrottle throttle() {
        return throttle;
    }

    /** Who is logged in, and how they log in: see {@link Logins}. */
    Logins logins() {
        return logins;
    }

    /** The reply to a request, or null for a request that gets none ({@code auth_clear}). */
    CompletableFuture<Reply> handle(Session s, Request r) {
        String ns = r.namespace().toLowerCase(java.util.Locale.ROOT);
        String name = r.name();
        if (ns.equals(Protocol.RPC) && name.equals("identify")) {
            ObjectNode a = JSON.objectNode();
            a.put("hostname", hostName);
            a.put("type", "server");
            return done(Response.to(r, a));
        }
        if (ns.equals(Protocol.RPC) && (name.equals("auth") || name.equals("auth_token"))) {
            return done(logins.login(s, r));
        }
        if (ns.equals(Protocol.RPC) && name.equals(KeyLogin.AUTH_SSL)) {
            return done(logins.keyLogin(s, r));
        }
        if (ns.equals(Protocol.RPC) && name.equals("auth_clear")) {
            tokens.revoke(s.token);
            s.logOut();
            return null;
        }
        String refusal = logins.refusal(s);
        if (refusal != null) {
            return done(ErrorReply.of(r.id(), ErrorCode.UNAUTHORIZED, refusal));
        }
        if (ns.equals(Protocol.RPC) && name.equals("query")) {
            return done(Response.to(r, query(users.readOnly(s.user))));
        }
        if (ns.equals(Protocol.RPC) && name.equals(KeyLogin.SETTINGS)) {
            return done(keySettings.handle(s.user, s.byKey, s.address, r));
        }
        if (ns.equals(Protocol.EVENTS)) {
            return done(events(s, r));
        }
        if (ns.equals(Protocol.SYSADM) && name.equalsIgnoreCase(Protocol.IOCAGE)) {
            return iocage(s, r);
        }
        return done(ErrorReply.of(r.id(), ErrorCode.NOT_FOUND, "no such class: " + Shown.of(r.namespace()) + "/" + Shown.of(name)));
    }

    /** What this server offers; {@code readOnly}: to a user who may only read ({@code "sysadm/iocage":"read"}, as sysadm says it). */
    private ObjectNode query(boolean readOnly) {
        ObjectNode q = JSON.objectNode();
        q.put("rpc/query", "read");
        q.put("rpc/settings", "read/write");
        q.put("events/dispatcher", "read");
        q.put("sysadm/iocage", readOnly ? "read" : "read/write");
        ObjectNode ours = q.putObject("jaildesk");
        ours.put("version", version);
        ArrayNode ext = ours.putArray("extensions");
        Protocol.EXTENSION_ACTIONS.forEach(ext::add);
        ext.add(Protocol.CANCEL);
        ext.add(Protocol.LIST_AUDIT);
        ext.add(Protocol.LIST_PROTECTED);
        ext.add(Protocol.PROTECT_JAIL);
        ext.add(Protocol.UNPROTECT_JAIL);
        ext.add(KeyLogin.AUTH_SSL);
        ArrayNode ev = ours.putArray("events");
        EVENT_NAMES.forEach(ev::add);
        return q;
    }

    private Reply events(Session s, Request r) {
        boolean sub = r.name().equals("subscribe");
        if (!sub && !r.name().equals("unsubscribe")) {
            return ErrorReply.of(r.id(), ErrorCode.BAD_REQUEST, "events takes subscribe or unsubscribe");
        }
        java.util.List<String> names = new java.util.ArrayList<>();
        JsonNode a = r.args();
        if (a.isTextual()) {
            names.add(a.asText());
        } else if (a.isArray()) {
            a.forEach(n -> names.add(n.asText()));
        }
        if (names.isEmpty()) {
            return ErrorReply.of(r.id(), ErrorCode.BAD_REQUEST, "name at least one event: " + EVENT_NAMES);
        }
        ObjectNode out = JSON.objectNode();
        for (String n : names) {
            if (EVENT_NAMES.contains(n)) {
                if (sub) {
                    s.subscriptions.add(n);
                } else {
                    s.subscriptions.remove(n);
                }
                out.put(r.name(), n);
            }
        }
        return Response.to(r, out);
    }

    private CompletableFuture<Reply> iocage(Session s, Request r) {
        String action = r.action();
        boolean changes = Protocol.changesHost(action, r.args()) || Protocol.CANCEL.equals(action)
                || Protocol.PROTECT_JAIL.equals(action) || Protocol.UNPROTECT_JAIL.equals(action);
        if (changes && users.readOnly(s.user)) {
            // Refused before the host sees it, and audited as a refused change.
            Reply refused = ErrorReply.of(r.id(), ErrorCode.FORBIDDEN, "user " + s.user + " may only read on this server: "
                    + action + " changes the host");
            String named = Protocol.target(r.args());
            audit.record(s.user, s.address, action, named.isEmpty() ? "-" : named, resultOf(refused, null, action), r.id());
            return done(refused);
        }
        if (Protocol.CANCEL.equals(action)) {
            return done(cancel(s, r));
        }
        if (Protocol.LIST_AUDIT.equals(action)) {
            return done(listAudit(r));
        }
        if (Protocol.LIST_PROTECTED.equals(action)) {
            return done(protectedJails(r, Protocol.LIST_PROTECTED, java.util.List.copyOf(marks.ids())));
        }
        if (Protocol.PROTECT_JAIL.equals(action) || Protocol.UNPROTECT_JAIL.equals(action)) {
            return done(protect(s, r, Protocol.PROTECT_JAIL.equals(action)));
        }
        boolean mutating = Protocol.changesHost(action, r.args());
        // The host sees this connection's ids only (see Session.requestPrefix); the reply goes back under the id sent.
        CompletableFuture<Reply> reply = r.id().isEmpty() ? host.handle(r)
                : host.handle(r.withId(s.requestPrefix + r.id())).thenApply(rep -> Reply.readdressed(rep, r));
        if (!mutating) {
            return reply;
        }
        String named = Protocol.target(r.args());
        String target = named.isEmpty() ? "-" : named;
        // Who asked, as of asking: the session may have logged out (a desktop that quits) before the change ends. The
        // request's id goes with the line: a desktop that quit meanwhile looks its change's end up by it.
        String user = s.user;
        return reply.whenComplete((rep, err) -> audit.record(user, s.address, action, target, resultOf(rep, err, action), r.id()));
    }


    /** Stops a change this connection sent and the host still runs; audited, as it undoes what a user asked for. */
    private Reply cancel(Session s, Request r) {
        JsonNode id = r.args().get("id");
        if (id == null || !id.isTextual() || id.asText().isEmpty()) {
            return ErrorReply.of(r.id(), ErrorCode.BAD_REQUEST, "cancel needs 'id': the id of a request this connection sent");
        }
        String which = id.asText();
        boolean stopped = host.cancel(s.requestPrefix + which);
        audit.record(s.user, s.address, Protocol.CANCEL, which, stopped ? "ok" : "error:not running");
        ObjectNode out = JSON.objectNode();
        ObjectNode body = out.putObject(Protocol.CANCEL);
        body.put("id", which);
        if (stopped) {
            body.put("cancelled", "true");
        } else {
            body.put("error", "no change with id '" + Shown.of(which) + "' is running on this connection");
        }
        return Response.to(r, out);
    }

    /**
     * Adds or takes away the server's protection of one jail from destroy; audited as the change it is. A name that is
     * no jail's is refused (400) and nothing is kept.
     */
    private Reply protect(Session s, Request r, boolean on) {
        String action = on ? Protocol.PROTECT_JAIL : Protocol.UNPROTECT_JAIL;
        JsonNode jail = r.args().get("jail");
        String name = jail != null && jail.isTextual() ? jail.asText() : null;
        Reply reply;
        try {
            if (name == null) {
                throw new IllegalArgumentException("needs 'jail': the name of the jail");
            }
            reply = protectedJails(r, action, on ? marks.add(name) : marks.remove(name));
        } catch (IllegalArgumentException e) {
            reply = ErrorReply.of(r.id(), ErrorCode.BAD_REQUEST, action + " " + e.getMessage());
        } catch (java.io.IOException e) {
            LOG.warning("cannot keep the protected jails: " + e.getMessage());
            ObjectNode out = JSON.objectNode();
            out.putObject(action).put("error", "the protected jails cannot be saved on this server");
            reply = Response.to(r, out);
        }
        audit.record(s.user, s.address, action, name == null ? "-" : name, resultOf(reply, null, action), r.id());
        return reply;
    }

    private static Reply protectedJails(Request r, String action, java.util.List<String> ids) {
        ObjectNode out = JSON.objectNode();
        ArrayNode jails = out.putObject(action).putArray("jails");
        ids.forEach(jails::add);
        return Response.to(r, out);
    }

    /** listaudit's {@code before}: the byte offset, and the mark of the file it is in (without: not checked). */
    private static final java.util.regex.Pattern AUDIT_BEFORE = java.util.regex.Pattern.compile("([0-9]{1,18})(?:-([0-9a-f]{8}))?");

    /** How many audit entries {@code listaudit} answers at most. */
    static final int AUDIT_ENTRIES = 500;

    /**
     * The audit log's newest entries, newest first, or those before {@code before} (the {@code older} of an earlier
     * answer), with {@code older} where there are more; a read, so not audited itself.
     */
    private Reply listAudit(Request r) {
        JsonNode before = r.args().get("before");
        long from = -1;
        String mark = null;
        if (before != null) {
            java.util.regex.Matcher m = before.isTextual() ? AUDIT_BEFORE.matcher(before.asText()) : null;
            if (m == null || !m.matches()) {
                return ErrorReply.of(r.id(), ErrorCode.BAD_REQUEST,
                        "listaudit's 'before' is the 'older' of an earlier answer: a number of up to 18 digits, then '-' and 8 hexadecimal digits");
            }
            from = Long.parseLong(m.group(1));
            mark = m.group(2);
        }
        ObjectNode out = JSON.objectNode();
        ObjectNode body = out.putObject(Protocol.LIST_AUDIT);
        try {
            ArrayNode entries = body.putArray("entries");
            AuditLog.Page page = audit.page(from, mark, AUDIT_ENTRIES);
            if (page.older() >= 0) {
                body.put("older", page.older() + "-" + page.mark());
            }
            if (page.rotated()) {
                body.put("rotated", "true");
            }
            for (AuditLog.Entry e : page.entries()) {
                ObjectNode o = entries.addObject();
                o.put("time", e.time());
                o.put("user", e.user());
                o.put("from", e.from());
                o.put("action", e.action());
                o.put("target", e.target());
                o.put("result", e.result());
                if (!"-".equals(e.request())) {
                    o.put("request", e.request());
                }
            }
        } catch (java.io.IOException e) {
            LOG.warning("cannot read the audit log " + audit.file() + ": " + e.getMessage());
            body.removeAll();
            body.put("error", "the audit log cannot be read");
        }
        return Response.to(r, out);
    }

    static String resultOf(Reply rep, Throwable err, String action) {
        if (err != null) {
            return "failed:" + err.getClass().getSimpleName();
        }
        if (rep instanceof ErrorReply e) {
            return "refused:" + e.code();
        }
        JsonNode error = ((Response) rep).args().path(action).path("error");
        return error.isMissingNode() ? "ok" : "error:" + error.asText();
    }

    private static CompletableFuture<Reply> done(Reply r) {
        return CompletableFuture.completedFuture(r);
    }
}
