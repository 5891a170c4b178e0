package org.jaildesk.host;

import com.fasterxml.jackson.databind.JsonNode;
import org.jaildesk.protocol.Protocol;
import java.util.Optional;
import java.util.function.Function;
import org.jaildesk.protocol.SysadmCodec;

/** Reads the arguments of one iocage request: required or optional strings, each validated on the way in. */
final class Args {

    private final String action;
    private final JsonNode args;

    Args(String action, JsonNode args) {
        this.action = action;
        this.args = args;
    }

    boolean has(String key) {
        JsonNode v = args.get(key);
        return v != null && !v.isNull();
    }

    /** The {@code process_id} of this request's progress events, should it be a long job ({@link Protocol#jobId}). */
    String jobId() {
        return Protocol.jobId(action, Protocol.target(args));
    }

    JsonNode raw(String key) {
        return args.get(key);
    }

    String required(String key, Function<String, Optional<String>> check) throws BadRequestException {
        if (!has(key)) {
            throw new BadRequestException(action + " needs '" + key + "'");
        }
        return checked(key, check);
    }

    /** The value, or "" when absent. An empty string passes only if the check allows it. */
    String optional(String key, Function<String, Optional<String>> check) throws BadRequestException {
        return has(key) ? checked(key, check) : "";
    }

    String string(String key) throws BadRequestException {
        JsonNode v = args.get(key);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw new BadRequestException("'" + key + "' must be a string, not " + SysadmCodec.kind(v));
        }
        return v.asText();
    }

    private String checked(String key, Function<String, Optional<String>> check) throws BadRequestException {
        String v = string(key);
        Optional<String> problem = check.apply(v);
        if (problem.isPresent()) {
            throw new BadRequestException(problem.get());
        }
        return v;
    }
}
