package org.jaildesk.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.logging.Logger;
import org.jaildesk.domain.Shown;
import org.jaildesk.protocol.ErrorCode;
import org.jaildesk.protocol.ErrorReply;
import org.jaildesk.protocol.KeyLogin;
import org.jaildesk.protocol.Protocol;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.protocol.Response;

/**
 * Logging in, for {@link Gate}: {@code auth} (the password, and the one-time code of a user who has them),
 * {@code auth_token}, {@code auth_ssl} (a registered key signs a challenge) and REST's Basic credentials; whether a
 * session still holds (its token live, its user there with what they logged in with); failures counted against the
 * address, and every login written to the audit log.
 */
final class Logins {

    private static final Logger LOG = Logger.getLogger(Logins.class.getName());
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** How long a key login's challenge may be answered, as the sysadm server has it. */
    static final java.time.Duration CHALLENGE_LIFE = java.time.Duration.ofSeconds(30);
    /** The longest answer to a challenge read: an 8192-bit signature in Base64 is 1,368 characters. */
    private static final int MAX_ANSWER = 2_048;

    private final UserStore users;
    private final TokenStore tokens;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final UserKeys keys;
    private final java.time.Clock clock;

    Logins(UserStore users, TokenStore tokens, LoginThrottle throttle, AuditLog audit, UserKeys keys, java.time.Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.throttle = throttle;
        this.audit = audit;
        this.keys = keys;
        this.clock = clock;
    }

    /** For REST: every request carries Basic credentials; this logs the session in for that one request. */
    Optional<ErrorReply> basic(Session s, String user, char[] password, String id) {
        if (throttle.isBlocked(s.address)) {
            return Optional.of(blocked(s, id));
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

    /** Why {@code s} may not make a request (the 401's words), or null when its session holds. */
    String refusal(Session s) {
        if (!s.loggedIn()) {
            return NOT_LOGGED_IN;
        }
        if (s.token == null) {
            return null; // REST: logged in for this request by Basic credentials
        }
        Optional<TokenStore.Held> before = tokens.peek(s.token);
        if (current(s.token).isPresent()) {
            return null;
        }
        tokens.revoke(s.token);
        s.logOut();
        return before.filter(h -> sameCredentials(h) && keyRevoked(h)).isPresent()
                ? Protocol.KEY_REVOKED + ": the login key this session began with was revoked; log in with the password"
                : NOT_LOGGED_IN;
    }

    private static final String NOT_LOGGED_IN = "not logged in, or the session expired, or its user was removed or given a"
            + " new password";

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

    /**
     * Whether the user of a session is still there with what they logged in with, and a key they logged in with is
     * still registered to them.
     */
    private boolean unchanged(TokenStore.Held h) {
        return sameCredentials(h) && !keyRevoked(h);
    }

    /** Whether the user of a session is still there with what they logged in with. */
    private boolean sameCredentials(TokenStore.Held h) {
        return users.credentials(h.user()).equals(Optional.of(h.credentials()));
    }

    /** Whether the session began with a key that is no longer registered to its user. */
    private boolean keyRevoked(TokenStore.Held h) {
        return h.byKey() && !keys.holds(h.user(), h.key());
    }

    /**
     * Whose {@code token} is while its session holds: not expired, its user still there with what they logged in
     * with (removed from the users file, given a new password, or one-time codes turned on or off since: it ends), and
     * the key it began with not revoked.
     */
    private Optional<TokenStore.Held> current(String token) {
        Optional<TokenStore.Held> held = tokens.use(token);
        if (held.isPresent() && !unchanged(held.get())) {
            LOG.info(() -> "a session of '" + held.get().user() + "' ended: the user was removed, their password or"
                    + " one-time codes changed, or the key it began with was revoked");
            tokens.end(token);
            return Optional.empty();
        }
        return held;
    }

    /** A new token for {@code user}, who has just logged in (with a key: {@code key}, else null). */
    private String issue(String user, java.security.interfaces.RSAPublicKey key) {
        return tokens.issue(new TokenStore.Held(user, key, users.credentials(user).orElse("")));
    }

    Reply login(Session s, Request r) {
        // Any auth request first ends the connection's current session, as the sysadm server does.
        tokens.revoke(s.token);
        s.logOut();
        if (throttle.isBlocked(s.address)) {
            return blocked(s, r.id());
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
            s.token = issue(user, null);
        } else {
            JsonNode t = a.get("token");
            if (t == null || !t.isTextual()) {
                return ErrorReply.of(r.id(), ErrorCode.BAD_REQUEST, "auth_token needs a 'token' string");
            }
            Optional<TokenStore.Held> owner = current(t.asText());
            if (owner.isEmpty() && tokens.lapsed(t.asText())) {
                // A client back after its session lapsed or ended (a desktop asleep overnight): no guess, so not
                // counted against its address; several such desktops behind one address would block it otherwise.
                auditLogin("-", s.address, "token", "error:session ended");
                return ErrorReply.of(r.id(), ErrorCode.UNAUTHORIZED, "the token's session has ended: log in again");
            }
            if (owner.isEmpty() && tokens.fromEarlierStart(t.asText())) {
                // The same after the server restarted: every desktop that was connected comes back with its token.
                auditLogin("-", s.address, "token", "error:server restarted");
                return ErrorReply.of(r.id(), ErrorCode.UNAUTHORIZED,
                        "the token's session ended when the server restarted: log in again");
            }
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
    Reply keyLogin(Session s, Request r) {
        String challenge = s.challenge;
        java.time.Instant until = s.challengeUntil;
        tokens.revoke(s.token);
        s.logOut(); // and the challenge with it: each is answered once
        if (throttle.isBlocked(s.address)) {
            return blocked(s, r.id());
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
                        Protocol.NO_CHALLENGE + " for an answer on this connection: ask for one first (auth_ssl without args)");
            }
            Optional<UserKeys.Key> signer = keys.signer(challenge, answer.asText(), users.names());
            if (signer.isEmpty()) {
                failed(s, null, "key", "no such key");
                return ErrorReply.of(r.id(), ErrorCode.UNAUTHORIZED, "the answer was signed with no key registered here");
            }
            s.token = issue(signer.get().user(), signer.get().key());
            s.byKey = true;
            return loggedIn(s, r, signer.get().user(), "key");
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

    /** The answer to a login from an address blocked after too many failures: nothing is checked. */
    private static ErrorReply blocked(Session s, String id) {
        return ErrorReply.of(id, ErrorCode.UNAUTHORIZED, Protocol.LOGINS_BLOCKED + " from " + s.address
                + "; try again later");
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
            audit.record(user, from, Protocol.AUDIT_LOGIN, how, result);
        } catch (java.io.UncheckedIOException e) {
            // Logged by the audit log already.
        }
    }
}
