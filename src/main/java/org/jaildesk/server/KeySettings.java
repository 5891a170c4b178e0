package org.jaildesk.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.logging.Logger;
import org.jaildesk.domain.Shown;
import org.jaildesk.protocol.ErrorCode;
import org.jaildesk.protocol.ErrorReply;
import org.jaildesk.protocol.KeyLogin;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.protocol.Response;

/**
 * {@code rpc/settings} as the server answers it for a logged-in user: their login keys registered, listed and revoked
 * ({@link UserKeys}), each change audited. The key login itself ({@code auth_ssl}) is the {@link Gate}'s.
 */
final class KeySettings {

    private static final Logger LOG = Logger.getLogger(KeySettings.class.getName());
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final UserKeys keys;
    private final AuditLog audit;
    private final java.time.Clock clock;

    KeySettings(UserKeys keys, AuditLog audit, java.time.Clock clock) {
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The answer to {@code r} for {@code user} (logged in from {@code from}; {@code byKey}: with a key, or a token of
     * such a login). A session begun with a key may list and revoke keys but not register one: a stolen key, once
     * revoked, leaves nothing behind.
     */
    Reply handle(String user, boolean byKey, String from, Request r) {
        String action = r.action();
        JsonNode a = r.args();
        switch (action) {
            case KeyLogin.LIST -> {
                ObjectNode out = JSON.objectNode();
                ObjectNode mine = out.putObject(user);
                for (UserKeys.Key k : keys.of(user)) {
                    mine.put(k.pubKey(), "Nickname: " + k.nickname() + "\nEmail: " + k.email() + "\nDate Registered: "
                            + k.registered());
                }
                return Response.to(r, out);
            }
            case KeyLogin.REGISTER, KeyLogin.REVOKE -> {
                boolean register = action.equals(KeyLogin.REGISTER);
                // Which key: the nickname given, or the one the revoked key was registered with.
                String nickname = register ? a.path("nickname").asText("") : nicknameOf(user, a.path("pub_key").asText(""));
                Reply reply;
                if (register && byKey) {
                    reply = ErrorReply.of(r.id(), ErrorCode.FORBIDDEN,
                            "a session begun with a key cannot register keys: log in with the password");
                } else if (!register && a.has("user") && !a.path("user").asText().equals(user)) {
                    reply = ErrorReply.of(r.id(), ErrorCode.BAD_REQUEST, "a user may revoke only their own keys");
                } else {
                    reply = changeKeys(user, r, register);
                }
                audit.record(user, from, action, nickname.isEmpty() ? "-" : Shown.of(nickname),
                        Gate.resultOf(reply, null, action));
                return reply;
            }
            default -> {
                return ErrorReply.of(r.id(), ErrorCode.BAD_REQUEST, "rpc/settings takes the action " + KeyLogin.REGISTER
                        + ", " + KeyLogin.LIST + " or " + KeyLogin.REVOKE);
            }
        }
    }

    /** The nickname {@code user} registered {@code pubKey} with; "" when they have no such key. */
    private String nicknameOf(String user, String pubKey) {
        java.security.interfaces.RSAPublicKey k = KeyLogin.publicKeyOrNull(pubKey);
        return keys.of(user).stream().filter(key -> key.key().equals(k)).map(UserKeys.Key::nickname).findFirst().orElse("");
    }

    private Reply changeKeys(String user, Request r, boolean register) {
        JsonNode a = r.args();
        JsonNode pub = a.get("pub_key");
        try {
            String pubKey = pub != null && pub.isTextual() ? pub.asText() : null;
            if (register) {
                JsonNode nick = a.path("nickname");
                JsonNode mail = a.path("email");
                if (!nick.isMissingNode() && !nick.isTextual() || !mail.isMissingNode() && !mail.isTextual()) {
                    throw new IllegalArgumentException("'nickname' and 'email' are strings");
                }
                keys.register(user, pubKey, nick.asText(""), mail.asText(""), clock.instant());
            } else if (!keys.revoke(user, pubKey)) {
                return ErrorReply.of(r.id(), ErrorCode.BAD_REQUEST, "no such key of " + user);
            }
            return Response.to(r, JSON.objectNode());
        } catch (IllegalArgumentException e) {
            return ErrorReply.of(r.id(), ErrorCode.BAD_REQUEST, e.getMessage());
        } catch (java.io.IOException e) {
            LOG.warning("cannot keep the login keys in " + keys.file() + ": " + e.getMessage());
            return ErrorReply.of(r.id(), ErrorCode.INTERNAL, "the login keys cannot be saved on this server");
        }
    }
}
