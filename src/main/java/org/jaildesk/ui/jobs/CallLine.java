package org.jaildesk.ui.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A job's request as a {@code jaildesk call} command line ("show your work"): to send the same request again from a
 * script or a terminal. Every argument is quoted for a POSIX shell, so a value with spaces, quotes, {@code $(…)} or
 * {@code ;} stays one argument and runs nothing.
 */
public final class CallLine {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a shell takes as it is, unquoted. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private CallLine() {
    }

    /**
     * {@code prefix} (how {@code jaildesk call} reaches the host), the action, then each argument as
     * {@code key=value}; empty when {@code request} is no request's args object or has a value that is not text (the
     * settings of {@code setjailsettings} sent as an object), which {@code jaildesk call} cannot give.
     */
    static Optional<String> of(String prefix, String request) {
        JsonNode args;
        try {
            args = request == null || request.isEmpty() ? null : JSON.readTree(request);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (args == null || !args.isObject() || !args.path("action").isTextual()) {
            return Optional.empty();
        }
        List<String> words = new ArrayList<>(List.of(prefix, quoted(args.get("action").textValue())));
        for (Iterator<Map.Entry<String, JsonNode>> it = args.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("action")) {
                continue;
            }
            if (!e.getValue().isTextual()) {
                return Optional.empty();
            }
            words.add(quoted(e.getKey() + "=" + e.getValue().textValue()));
        }
        return Optional.of(String.join(" ", words));
    }

    /**
     * How {@code jaildesk call} reaches {@code host}: the demo host, this machine (through {@code privilege} unless it
     * is {@code NONE}), or a server by its address and user, the password read from a file the user names.
     */
    public static String prefix(org.jaildesk.ui.connect.HostEntry host, String privilege) {
        return prefix(host, privilege, Optional.empty());
    }

    /**
     * {@link #prefix(org.jaildesk.ui.connect.HostEntry, String)}, and for a server whose certificate this desktop has
     * accepted, that certificate's {@code fingerprint}: the line then reaches it from a machine that has not met it yet,
     * and refuses a server that shows another certificate.
     */
    public static String prefix(org.jaildesk.ui.connect.HostEntry host, String privilege, Optional<String> fingerprint) {
        return switch (host.kind()) {
            case DEMO -> "jaildesk call --demo";
            case LOCAL -> "jaildesk call --local" + (privilege == null || privilege.equals("NONE") ? "" : " --privilege " + quoted(privilege));
            case REMOTE -> "jaildesk call --url " + quoted(host.url()) + " --user " + quoted(host.user())
                    + " --password-file PASSWORD_FILE" + fingerprint.map(f -> " --accept-fingerprint " + quoted(f)).orElse("");
        };
    }

    /** {@code s} as one word for a POSIX shell: as it is when plain, else in single quotes ({@code '} as {@code '\''}). */
    static String quoted(String s) {
        return PLAIN.matcher(s).matches() ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
