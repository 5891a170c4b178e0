package org.jaildesk.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jaildesk.protocol.ErrorCode;
import org.jaildesk.protocol.ErrorReply;
import org.jaildesk.protocol.ProtocolException;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.protocol.Response;
import org.jaildesk.protocol.SysadmCodec;

/**
 * The server's REST listener: sysadm's {@code /<namespace>/<name>} with a JSON body and Basic authentication on every
 * request, through the same {@link Gate} as the WebSocket (docs/protocol.md).
 */
final class RestEndpoint implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(RestEndpoint.class.getName());

    private final Gate gate;
    private final SysadmCodec codec;
    private final int maxMessageBytes;
    private final ExecutorService workers;

    RestEndpoint(Gate gate, SysadmCodec codec, int maxMessageBytes, ExecutorService workers) {
        this.gate = gate;
        this.codec = codec;
        this.maxMessageBytes = maxMessageBytes;
        this.workers = workers;
    }

    /**
     * One REST request. The reply is written when the host has it, by a REST worker, without holding one while the
     * action runs: a create downloading a release for an hour must not leave the next requests waiting for a worker.
     */
    @Override
    public void handle(HttpExchange ex) throws IOException {
        boolean answered = true;
        try {
            String method = ex.getRequestMethod();
            if (!List.of("GET", "POST", "PUT").contains(method)) {
                respond(ex, 400, ErrorReply.of("", ErrorCode.BAD_REQUEST, "use PUT, POST or GET"));
                return;
            }
            String address = ex.getRemoteAddress().getAddress().getHostAddress();
            Session s = new Session(address, text -> { });
            String[] path = ex.getRequestURI().getPath().replaceAll("^/+|/+$", "").split("/");
            if (path.length < 2) {
                respond(ex, 404, ErrorReply.of("", ErrorCode.NOT_FOUND, "use /<namespace>/<name>, e.g. /sysadm/iocage"));
                return;
            }
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
                unauthorized(ex, NO_CREDENTIALS);
                return;
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                unauthorized(ex, NO_CREDENTIALS);
                return;
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                unauthorized(ex, NO_CREDENTIALS);
                return;
            }
            char[] password = decoded.substring(colon + 1).toCharArray();
            Optional<ErrorReply> refused = gate.logins().basic(s, decoded.substring(0, colon), password, "");
            Arrays.fill(password, '\0');
            if (refused.isPresent()) {
                unauthorized(ex, refused.get().message());
                return;
            }
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readNBytes(maxMessageBytes + 1);
            }
            if (body.length > maxMessageBytes) {
                respond(ex, 400, ErrorReply.of("", ErrorCode.BAD_REQUEST, "body too large (at most " + maxMessageBytes + " bytes)"));
                return;
            }
            Request r;
            try {
                r = codec.readRestBody(path[0], path[path.length - 1], new String(body, StandardCharsets.UTF_8));
            } catch (ProtocolException e) {
                respond(ex, 400, ErrorReply.of("", e.code(), "a JSON object body is required: " + e.getMessage()));
                return;
            }
            CompletableFuture<Reply> reply = gate.handle(s, r);
            if (reply == null) {
                answer(ex, Response.to(r, codec.mapper().createObjectNode()));
                return;
            }
            answered = false;
            reply.orTimeout(3, TimeUnit.HOURS).whenCompleteAsync((rep, error) -> {
                try (ex) {
                    if (error != null) {
                        failed(ex, error);
                    } else {
                        answer(ex, rep);
                    }
                } catch (IOException e) {
                    LOG.fine(() -> "REST client gone before its reply: " + e.getMessage());
                }
            }, this::onRestWorker);
        } catch (Exception e) {
            failed(ex, e);
        } finally {
            if (answered) {
                ex.close();
            }
        }
    }

    /** Runs on a REST worker; inline once the server is closing (the exchange then fails quietly). */
    private void onRestWorker(Runnable task) {
        try {
            workers.execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
        }
    }

    private void answer(HttpExchange ex, Reply rep) throws IOException {
        if (rep instanceof ErrorReply e) {
            respond(ex, statusOf(e.code()), e);
        } else {
            ObjectNode out = codec.mapper().createObjectNode();
            out.set("args", ((Response) rep).args());
            send(ex, 200, codec.toPrettyJson(out));
        }
    }

    private static void failed(HttpExchange ex, Throwable e) {
        LOG.log(Level.WARNING, "REST request failed", e);
        try {
            send(ex, 500, "{\"args\":{}}");
        } catch (IOException ignored) {
            // the client is gone
        }
    }

    private static int statusOf(String code) {
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return 500;
        }
    }

    private static final String NO_CREDENTIALS = "log in with HTTP Basic credentials: the user name and password of a"
            + " user of this server";

    /**
     * 401 with the challenge, and why in the body as every other error has it (a script's author sees "wrong user name
     * or password", the block after too many failures, or that a user with one-time codes cannot log in here).
     */
    private void unauthorized(HttpExchange ex, String why) throws IOException {
        ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"JailDesk\", charset=\"UTF-8\"");
        respond(ex, 401, ErrorReply.of("", ErrorCode.UNAUTHORIZED, why));
    }

    private void respond(HttpExchange ex, int status, ErrorReply e) throws IOException {
        ObjectNode out = codec.mapper().createObjectNode();
        ObjectNode args = out.putObject("args");
        args.put("code", e.code());
        args.put("message", e.message());
        send(ex, status, codec.toPrettyJson(out));
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("Server", "JailDesk");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
