package org.jaildesk.host;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jaildesk.domain.Shown;
import org.jaildesk.protocol.Protocol;
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

    /** A {@code props} argument: the API's space-separated string, or (ours) a JSON object for values with spaces. */
    List<Validation.Assignment> props() throws BadRequestException {
        JsonNode raw = raw("props");
        List<Validation.Assignment> list = new ArrayList<>();
        if (raw == null || raw.isNull()) {
            return list;
        }
        if (raw.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = raw.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) {
                    throw new BadRequestException("props." + Shown.of(e.getKey()) + " must be a string");
                }
                list.add(new Validation.Assignment(e.getKey(), e.getValue().asText()));
            }
        } else if (raw.isTextual()) {
            try {
                list = Validation.splitProps(raw.asText());
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(e.getMessage());
            }
        } else {
            throw new BadRequestException("'props' must be a string or an object");
        }
        Set<String> seen = new HashSet<>();
        for (Validation.Assignment p : list) {
            if (!seen.add(p.key())) {
                throw new BadRequestException("props names " + p.key() + " twice");
            }
        }
        return list;
    }
}
