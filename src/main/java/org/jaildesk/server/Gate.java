package org.jaildesk.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
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
 * anything. Nothing but identify and the auth requests works before login.
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

    /** How long a key login's challenge may be answered, as the sysadm server has it. */
    static final java.time.Duration CHALLENGE_LIFE = java.time.Duration.ofSeconds(30);
    /** The longest answer to a challenge read: an 8192-bit signature in Base64 is 1,368 characters. */
    private static final int MAX_ANSWER = 2_048;

    Gate(RequestHandler host, UserStore users, TokenStore tokens, LoginThrottle throttle, AuditLog audit,
         String hostName, String version, ProtectedJails marks, UserKeys keys, java.time.Clock clock) {
        this.marks = marks;
        this.keys = keys;
        this.clock = clock;
        this.keySettings = new KeySettings(keys, audit, clock);
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
            return done(login(s, r));
        }
        if (ns.equals(Protocol.RPC) && name.equals(KeyLogin.AUTH_SSL)) {
            return done(keyLogin(s, r));
        }
        if (ns.equals(Protocol.RPC) && name.equals("auth_clear")) {
            tokens.revoke(s.token);
            s.logOut();
            return null;
        }
        if (!checkSession(s)) {
            return done(ErrorReply.of(r.id(), ErrorCode.UNAUTHORIZED, "not logged in, or the session expired, or its user was removed or given a new password"));
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

    /** For REST: every request carries Basic credentials; this logs the session in for that one request. */
    Optional<ErrorReply> basic(Session s, String user, char[] password, String id) {
        if (throttle.isBlocked(s.address)) {
            return Optional.of(ErrorReply.of(id, ErrorCode.UNAUTHORIZED, "too many failed logins from " + s.address + "; try again later"));
        }
        if (!users.verify(user, password)) {
            failed(s, user, "rest", "wrong password");
            return Optional.of(ErrorReply.of(id, ErrorCode.UNAUTHORIZED, "wrong user name or password"));
        }
        if (users.needsCode(user)) {
            // Basic credentials carry no one-time code: such a user logs in over WebSocket (or with a key).
            failed(s, user, "rest", "one-time code needed");
            return Optional.of(ErrorReply.of(id, ErrorCode.UNAUTHORIZED, Protocol.CODE_NEEDED + ": REST cannot carry it"));
        }
        throttle.succeed(s.address);
        s.user = user;
        return Optional.empty();
    }

    private boolean checkSession(Session s) {
        if (!s.loggedIn()) {
            return false;
        }
        if (s.token == null) {
            return true; // REST: logged in for this request by Basic credentials
        }
        if (current(s.token).isEmpty()) {
            tokens.revoke(s.token);
            s.logOut();
            return false;
        }
        return true;
    }

    /**
     * Whether {@code s}'s session holds as {@link #current} says, without pushing its expiry forward: events go only to
     * such sessions (one whose user was removed or given a new password hears nothing more).
     */
    boolean holds(Session s) {
        String token = s.token;
        if (!s.loggedIn() || token == null) {
            return false;
        }
        return tokens.peek(token).filter(this::unchanged).isPresent();
    }

    /** Whether the user of a session is still there with what they logged in with. */
    private boolean unchanged(TokenStore.Held h) {
        return users.credentials(h.user()).equals(Optional.of(h.credentials()));
    }

    /**
     * Whose {@code token} is while its session holds: not expired, and its user still there with what they logged in
     * with (removed from the users file, given a new password, or one-time codes turned on or off since: it ends).
     */
    private Optional<TokenStore.Held> current(String token) {
        Optional<TokenStore.Held> held = tokens.use(token);
        if (held.isPresent() && !unchanged(held.get())) {
            LOG.info(() -> "a session of '" + held.get().user() + "' ended: the user was removed or their password or"
                    + " one-time codes changed");
            return Optional.empty();
        }
        return held;
    }

    /** A new token for {@code user}, who has just logged in (with a key: {@code byKey}). */
    private String issue(String user, boolean byKey) {
        return tokens.issue(new TokenStore.Held(user, byKey, users.credentials(user).orElse("")));
    }

    private Reply login(Session s, Request r) {
        // Any auth request first ends the connection's current session, as the sysadm server does.
        tokens.revoke(s.token);
        s.logOut();
        if (throttle.isBlocked(s.address)) {
            return ErrorReply.of(r.id(), ErrorCode.UNAUTHORIZED, "too many failed logins from " + s.address + "; try again later");
        }
        JsonNode a = r.args();
        if (!a.isObject()) {
            return ErrorReply.of(r.id(), ErrorCode.BAD_REQUEST, "args must be an object");
        }
        String user;
        String how;
        if (r.name().equals("auth")) {
            JsonNode u = a.get("username");
            JsonNode p = a.get("password");
            if (u == null || p == null || !u.isTextual() || !p.isTextual()) {
                return ErrorReply.of(r.id(), ErrorCode.BAD_REQUEST, "auth needs 'username' and 'password' strings");
            }
            char[] password = p.asText().toCharArray();
            boolean ok = users.verify(u.asText(), password);
            java.util.Arrays.fill(password, '\0');
            if (!ok) {
                failed(s, u.asText(), "password", "wrong password");
                return ErrorReply.of(r.id(), ErrorCode.UNAUTHORIZED, "wrong user name or password");
            }
            if (users.needsCode(u.asText())) {
                // The second factor: the code of their authenticator app, each taken once; a wrong one is a failed login.
                // A missing one is not: a desktop learns that a code is needed only by trying without, and people behind
                // one address would otherwise block it for each other. The password was right, and wrong passwords
                // count before this point, so nothing can be guessed here without limit.
                JsonNode otp = a.get("otp");
                if (otp == null || !otp.isTextual() || otp.asText().isEmpty()) {
                    return ErrorReply.of(r.id(), ErrorCode.UNAUTHORIZED, Protocol.CODE_NEEDED
                            + ": send auth again with 'otp', the six digits of the user's authenticator app");
                }
                if (!users.takeCode(u.asText(), otp.asText(), clock.instant().getEpochSecond())) {
                    failed(s, u.asText(), "password+code", "wrong one-time code");
                    return ErrorReply.of(r.id(), ErrorCode.UNAUTHORIZED, Protocol.CODE_WRONG
                            + ": it is not the code of now, or it was used already");
                }
            }
            user = u.asText();
            how = users.needsCode(user) ? "password+code" : "password";
            s.token = issue(user, false);
        } else {
            JsonNode t = a.get("token");
            if (t == null || !t.isTextual()) {
                return ErrorReply.of(r.id(), ErrorCode.BAD_REQUEST, "auth_token needs a 'token' string");
            }
            Optional<TokenStore.Held> owner = current(t.asText());
            if (owner.isEmpty()) {
                tokens.revoke(t.asText());
                failed(s, null, "token", "unknown or expired token");
                return ErrorReply.of(r.id(), ErrorCode.UNAUTHORIZED, "the token is unknown or expired");
            }
            user = owner.get().user();
            s.token = t.asText();
            s.byKey = owner.get().byKey();
            how = "token";
        }
        return loggedIn(s, r, user, how);
    }

    private Reply loggedIn(Session s, Request r, String user, String how) {
        throttle.succeed(s.address);
        auditLogin(user, s.address, how, "ok");
        s.user = user;
        s.everLoggedIn = true;
        ArrayNode out = JSON.arrayNode();
        out.add(s.token);
        out.add(tokens.lifetime().toSeconds());
        return Response.to(r, out);
    }

    /**
     * sysadm's key login: without {@code encrypted_string} (args {@code ""} or {@code {}}), a new challenge for this
     * connection ({@code test_string}); with it, the answer to that challenge, once, within {@link #CHALLENGE_LIFE}:
     * logged in as the owner of the registered key it was signed with. A wrong or late answer counts as a failed login.
     */
    private Reply keyLogin(Session s, Request r) {
        String challenge = s.challenge;
        java.time.Instant until = s.challengeUntil;
        tokens.revoke(s.token);
        s.logOut(); // and the challenge with it: each is answered once
        if (throttle.isBlocked(s.address)) {
            return ErrorReply.of(r.id(), ErrorCode.UNAUTHORIZED, "too many failed logins from " + s.address + "; try again later");
        }
        JsonNode a = r.args();
        if (a.isObject() && a.has("encrypted_string")) {
            JsonNode answer = a.get("encrypted_string");
            if (!answer.isTextual() || answer.asText().length() > MAX_ANSWER) {
                return ErrorReply.of(r.id(), ErrorCode.BAD_REQUEST, "auth_ssl's 'encrypted_string' is the challenge signed, in Base64");
            }
            if (challenge == null || !clock.instant().isBefore(until)) {
                failed(s, null, "key", "no challenge waiting");
                return ErrorReply.of(r.id(), ErrorCode.UNAUTHORIZED,
                        "no challenge is waiting for an answer on this connection: ask for one first (auth_ssl without args)");
            }
            Optional<String> owner = keys.owner(challenge, answer.asText(), users.names());
            if (owner.isEmpty()) {
                failed(s, null, "key", "no such key");
                return ErrorReply.of(r.id(), ErrorCode.UNAUTHORIZED, "the answer was signed with no key registered here");
            }
            s.token = issue(owner.get(), true);
            s.byKey = true;
            return loggedIn(s, r, owner.get(), "key");
        }
        if (a.isObject() && a.has("md5_key")) {
            return ErrorReply.of(r.id(), ErrorCode.BAD_REQUEST, "this server has no bridge: auth_ssl takes no 'md5_key'");
        }
        if (!(a.isTextual() && a.asText().isEmpty()) && !(a.isObject() && a.isEmpty())) {
            return ErrorReply.of(r.id(), ErrorCode.BAD_REQUEST,
                    "auth_ssl takes \"\" (for a challenge) or {\"encrypted_string\": the challenge signed}");
        }
        s.challenge = KeyLogin.challenge();
        s.challengeUntil = clock.instant().plus(CHALLENGE_LIFE);
        ObjectNode out = JSON.objectNode();
        out.put("test_string", s.challenge);
        return Response.to(r, out);
    }

    /**
     * A login that failed: counted against the address, logged, and written to the audit log ({@code how}: password,
     * password+code, key, token or rest; {@code why} in a few words). A name that is no user's is written as "-": people
     * type their password into the name now and then, and the audit log is read by every user.
     */
    private void failed(Session s, String user, String how, String why) {
        boolean blocked = throttle.fail(s.address);
        LOG.info(() -> "failed login for '" + Shown.of(user == null ? "-" : user) + "' from " + s.address
                + (blocked ? "; address blocked" : ""));
        auditLogin(user != null && users.exists(user) ? user : "-", s.address, how,
                "error:" + why + (blocked ? "; address blocked" : ""));
    }

    /**
     * A login in the audit log, as action {@code login} with how it was made as the target. One that cannot be written
     * is in the server's log (see AuditLog.record) and does not stop the login: a change is refused then, a login not.
     */
    private void auditLogin(String user, String from, String how, String result) {
        try {
            audit.record(user, from, LOGIN, how, result);
        } catch (java.io.UncheckedIOException e) {
            // Logged by the audit log already.
        }
    }

    /** The audit log's action for a login (see {@link #auditLogin}). */
    static final String LOGIN = "login";

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
            audit.record(s.user, s.address, action, named.isEmpty() ? "-" : named, resultOf(refused, null, action));
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
        return reply.whenComplete((rep, err) -> audit.record(s.user, s.address, action, target, resultOf(rep, err, action)));
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
        audit.record(s.user, s.address, action, name == null ? "-" : name, resultOf(reply, null, action));
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
