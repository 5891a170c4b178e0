package org.jaildesk.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jaildesk.domain.Size;
import org.jaildesk.protocol.ErrorReply;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Response;
import org.jaildesk.protocol.SysadmCodec;

/**
 * Strict access to reply JSON: every step checks the type it expects and fails with a
 * {@link IocageClientException.Kind#MALFORMED_REPLY} naming the path, never with a NullPointerException.
 */
final class ReplyReader {

    private ReplyReader() {
    }

    static JsonNode object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw malformed(path + " should be an object but is " + SysadmCodec.kind(node));
        }
        return node;
    }

    static JsonNode field(JsonNode object, String key, String path) {
        JsonNode v = object(object, path).get(key);
        if (v == null) {
            throw malformed(path + "." + key + " is missing");
        }
        return v;
    }

    /** A text value, trimmed: the 2016 server keeps a leading space on most values. */
    static String text(JsonNode node, String path) {
        if (node == null || !(node.isTextual() || node.isNumber() || node.isBoolean())) {
            throw malformed(path + " should be a string but is " + SysadmCodec.kind(node));
        }
        return node.asText().trim();
    }

    static String optionalText(JsonNode object, String key, String path) {
        JsonNode v = object.get(key);
        return v == null || v.isNull() ? "" : text(v, path + "." + key);
    }

    /** The fields of an object in their order, values required to be strings. */
    static Map<String, String> stringMap(JsonNode node, String path) {
        Map<String, String> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = object(node, path).fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), text(e.getValue(), path + "." + e.getKey()));
        }
        return out;
    }

    static IocageClientException malformed(String what) {
        return new IocageClientException(IocageClientException.Kind.MALFORMED_REPLY, "unexpected reply: " + what);
    }

    static Size size(JsonNode row, String key, String path) {
        String v = text(field(row, key, path), path + "." + key);
        try {
            return Size.parse(v);
        } catch (IllegalArgumentException e) {
            throw malformed(path + "." + key + ": " + e.getMessage());
        }
    }

    interface EntryConsumer {
        void accept(String key, JsonNode value);
    }

    static void forEach(JsonNode node, String path, EntryConsumer consumer) {
        Iterator<Map.Entry<String, JsonNode>> it = object(node, path).fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            consumer.accept(e.getKey(), e.getValue());
        }
    }

    /** The object under {@code args.<action>}, after turning error envelopes and inner errors into failures. */
    static JsonNode actionBody(Reply reply, String action) {
        if (reply instanceof ErrorReply e) {
            throw new IocageClientException(IocageClientException.Kind.PROTOCOL_ERROR,
                    e.message().isEmpty() ? "the host refused " + action + " (" + e.code() + ")" : e.message(), e.code(), null);
        }
        Response r = (Response) reply;
        JsonNode body = field(r.args(), action, "args");
        object(body, action);
        JsonNode error = body.get("error");
        if (error != null) {
            String message = error.isTextual() ? error.asText().trim() : error.toString();
            List<String> printed = new ArrayList<>();
            JsonNode output = body.get("output");
            if (output != null && output.isArray()) {
                output.forEach(n -> printed.add(n.isTextual() ? n.asText() : n.toString()));
            }
            IocageClientException.Kind kind = body.path("unsupported").asText().equals("true")
                    ? IocageClientException.Kind.UNSUPPORTED : IocageClientException.Kind.ACTION_FAILED;
            throw new IocageClientException(kind, message.isEmpty() ? action + " failed" : message, printed);
        }
        return body;
    }
}
