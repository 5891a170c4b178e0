package org.jaildesk.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;

/**
 * Reads and writes sysadm envelopes. Reading is as tolerant as the real server where that is safe (a request without
 * {@code args} uses the whole object) and strict where guessing would be wrong (a non-string {@code id} is refused).
 * Thread-safe.
 */
public final class SysadmCodec {

    /** Nesting deeper than this is refused before any handler sees it. */
    public static final int MAX_DEPTH = 32;

    private final ObjectMapper mapper;

    public SysadmCodec() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .build();
        this.mapper = new ObjectMapper(factory);
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Parses a request sent by a client. */
    public Request readRequest(String text) throws ProtocolException {
        JsonNode root = parseObject(text);
        String namespace = requireString(root, "namespace");
        String name = requireString(root, "name");
        String id = optionalString(root, "id");
        JsonNode args = root.has("args") ? root.get("args") : root;
        return new Request(namespace, name, id, args);
    }

    /**
     * Parses a REST body: either the bare args ({@code {"action":"listjails"}}) or a full envelope; namespace and
     * name come from the URL.
     */
    public Request readRestBody(String namespace, String name, String body) throws ProtocolException {
        JsonNode root = parseObject(body);
        String id = optionalString(root, "id");
        JsonNode args = root.has("args") ? root.get("args") : root;
        return new Request(namespace, name, id, args);
    }

    /** Parses anything a server sends: a response, an error envelope or an event. */
    public Message readIncoming(String text) throws ProtocolException {
        JsonNode root = parseObject(text);
        String namespace = optionalString(root, "namespace");
        String name = optionalString(root, "name");
        String id = optionalString(root, "id");
        JsonNode args = root.get("args");
        if (Protocol.ERROR.equals(name) || Protocol.ERROR.equals(namespace)) {
            String code = "";
            String message = "";
            if (args != null && args.isObject()) {
                JsonNode c = args.get("code");
                code = c == null ? "" : c.asText();
                JsonNode m = args.get("message");
                message = m == null ? "" : m.asText();
            }
            return new ErrorReply(id, code, message);
        }
        if (Protocol.EVENTS.equals(namespace) && id.isEmpty() && !Protocol.RESPONSE.equals(name)) {
            return new Event(name, args);
        }
        return new Response(namespace, name, id, args);
    }

    /** Writes a message compactly, keys in the order the real server uses (args, id, name, namespace). */
    public String write(Message message) {
        return toJson(tree(message));
    }

    /** A message as the object {@link #write} writes; its {@code args} is the message's own node, not a copy. */
    public ObjectNode tree(Message message) {
        ObjectNode out = mapper.createObjectNode();
        if (message instanceof ErrorReply e) {
            ObjectNode args = out.putObject("args");
            args.put("code", e.code());
            args.put("message", e.message());
            out.put("id", e.id());
            out.put("name", Protocol.ERROR);
            out.put("namespace", Protocol.ERROR);
        } else if (message instanceof Event e) {
            out.set("args", e.args());
            out.put("id", "");
            out.put("name", e.name());
            out.put("namespace", Protocol.EVENTS);
        } else if (message instanceof Request r) {
            envelope(out, r.args(), r.id(), r.name(), r.namespace());
        } else if (message instanceof Response r) {
            envelope(out, r.args(), r.id(), r.name(), r.namespace());
        }
        return out;
    }

    private static void envelope(ObjectNode out, JsonNode args, String id, String name, String namespace) {
        out.set("args", args);
        out.put("id", id);
        out.put("name", name);
        out.put("namespace", namespace);
    }

    public String toJson(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Writes {@code node} indented to {@code out}, as {@link #toPrettyJson} does. */
    public void writePretty(JsonNode node, Writer out) throws IOException {
        mapper.writerWithDefaultPrettyPrinter().writeValue(out, node);
    }

    public String toPrettyJson(JsonNode node) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private JsonNode parseObject(String text) throws ProtocolException {
        if (text == null || text.isBlank()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "empty message");
        }
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "a message must be a JSON object");
        }
        return root;
    }

    private static String requireString(JsonNode root, String field) throws ProtocolException {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "'" + field + "' is missing");
        }
        if (!v.isTextual()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "'" + field + "' must be a string, not " + kind(v));
        }
        if (v.asText().isEmpty()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "'" + field + "' is empty");
        }
        return v.asText();
    }

    private static String optionalString(JsonNode root, String field) throws ProtocolException {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "'" + field + "' must be a string, not " + kind(v));
        }
        return v.asText();
    }

    /** A plain word for a JSON value's type, for error messages. */
    public static String kind(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "missing";
        }
        return switch (v.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "an unknown value";
        };
    }
}
