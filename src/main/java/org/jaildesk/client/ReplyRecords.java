package org.jaildesk.client;

import static org.jaildesk.client.ReplyReader.field;
import static org.jaildesk.client.ReplyReader.forEach;
import static org.jaildesk.client.ReplyReader.malformed;
import static org.jaildesk.client.ReplyReader.object;
import static org.jaildesk.client.ReplyReader.optionalText;
import static org.jaildesk.client.ReplyReader.size;
import static org.jaildesk.client.ReplyReader.stringMap;
import static org.jaildesk.client.ReplyReader.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jaildesk.domain.DiskUsage;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailSettings;
import org.jaildesk.domain.JailState;
import org.jaildesk.domain.Shown;

/**
 * The bodies of the documented replies read into domain records, in every shape a host may send them (see
 * {@link IocageClient}); each fails with {@link IocageClientException.Kind#MALFORMED_REPLY} naming the path.
 */
final class ReplyRecords {

    private static final Pattern CREATED = Pattern.compile("(\\S+)(?:\\s+\\((.*?)\\)?)?");

    private ReplyRecords() {
    }

    static List<Jail> readJails(JsonNode body) {
        List<Jail> jails = new ArrayList<>();
        JsonNode newShape = body.get("jails");
        if (newShape != null && newShape.isObject()) {
            // 2017+ servers key by JID; stopped jails collide under "-", so identify by the inner uuid.
            forEach(newShape, "listjails.jails", (jid, row) -> jails.add(jailOf(row.path("uuid").asText(""), row,
                    "listjails.jails.", jid)));
            return List.copyOf(jails);
        }
        forEach(body, "listjails", (key, row) -> {
            // The 2016 server turns legacy's "--- non iocage jails ---" section into bogus rows: skip them.
            if (key.startsWith("/") || key.equals("non") || row.path("jid").asText().startsWith("---")) {
                return;
            }
            jails.add(jailOf(key, row, "listjails.", key));
        });
        return List.copyOf(jails);
    }

    /**
     * The longest value a listing's row may hold. iocage's are short (a name of at most a few dozen characters, some
     * addresses); a host that sends megabytes in one is broken or hostile, and a table cell lays out all of its text.
     */
    static final int LISTED = 4_096;

    /**
     * One row of a listing, at {@code within + key} in the reply. The path is put together only for an error: a
     * refresh reads 10,000 rows of ten values each, and naming every one of them up front was most of its work.
     */
    static Jail jailOf(String id, JsonNode row, String within, String key) {
        Supplier<String> path = () -> within + Shown.of(key);
        if (row == null || !row.isObject()) {
            object(row, path.get());
        }
        if (id.isBlank()) {
            throw malformed(path.get() + " has no uuid");
        }
        if (id.length() > LISTED) {
            throw tooLong(path.get(), id);
        }
        String jid = listed(row, "jid", path);
        String boot = listed(row, "boot", path);
        return new Jail(id.trim(), listed(row, "tag", path), jidOf(jid),
                JailState.parse(listed(row, "state", path)),
                boot.equals("on") || boot.equals("1") || boot.equals("yes"),
                listed(row, "type", path), listed(row, "release", path),
                placeholder(listed(row, "ip4", path)), placeholder(listed(row, "ip6", path)),
                placeholder(listed(row, "template", path)));
    }

    /** A running jail's JID (one to nine digits); none for {@code -} or anything else. */
    static OptionalInt jidOf(String jid) {
        int n = jid.length();
        if (n == 0 || n > 9) {
            return OptionalInt.empty();
        }
        for (int i = 0; i < n; i++) {
            char c = jid.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(Integer.parseInt(jid));
    }

    /** A value of a listing's row: a string, empty if missing, at most {@link #LISTED} characters. */
    static String listed(JsonNode row, String field, String path) {
        return listed(row, field, () -> path);
    }

    /** The same, with the row's path put together only for an error. */
    static String listed(JsonNode row, String field, Supplier<String> path) {
        JsonNode node = row.get(field);
        if (node == null || node.isNull()) {
            return "";
        }
        // A value of another kind goes to text(), which refuses it naming the path.
        String v = node.isTextual() || node.isNumber() || node.isBoolean() ? node.asText().trim()
                : text(node, path.get() + "." + field);
        if (v.length() > LISTED) {
            throw tooLong(path.get() + "." + field, v);
        }
        return v;
    }

    private static IocageClientException tooLong(String path, String value) {
        return malformed(String.format(Locale.ROOT, "%s is %,d characters long (%s); a listing's values have at most %,d",
                path, value.length(), Shown.of(value), LISTED));
    }

    static String placeholder(String v) {
        return v.equals("-") || v.equals("none") || v.equals("None") ? "" : v;
    }

    static JailSettings settingsOf(JsonNode body, String jail) {
        JsonNode values = body.get(jail);
        if (values == null && body.size() == 1) {
            // A host may key by the jail's canonical id rather than the name we sent.
            values = body.elements().next();
        }
        if (values == null) {
            throw malformed("getjailsettings." + jail + " is missing");
        }
        return new JailSettings(jail, stringMap(values, "getjailsettings." + jail));
    }

    static JobOutput stepsOf(JsonNode body, String jail, String action) {
        JsonNode steps = body.get(jail);
        if (steps == null && body.size() == 1) {
            steps = body.elements().next();
        }
        if (steps == null) {
            throw malformed(action + "." + jail + " is missing");
        }
        object(steps, action + "." + jail);
        JsonNode error = steps.get("ERROR");
        if (error == null) {
            error = steps.get("error");
        }
        if (error != null) {
            throw new IocageClientException(IocageClientException.Kind.ACTION_FAILED, text(error, action + ".ERROR"));
        }
        List<String> lines = linesOf(steps, action + "." + jail);
        boolean already = steps.has("INFO") && steps.get("INFO").asText().contains("is already");
        return new JobOutput(jail, lines, already);
    }

    /** Output lines from the 2016 "line → key:value" objects, or from an array of lines. */
    static List<String> linesOf(JsonNode node, String path) {
        List<String> lines = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode n : node) {
                lines.add(text(n, path + "[]"));
            }
            return List.copyOf(lines);
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        for (Map.Entry<String, String> e : stringMap(node, path).entrySet()) {
            lines.add(e.getValue().isEmpty() ? e.getKey() : e.getKey() + ": " + e.getValue());
        }
        return List.copyOf(lines);
    }

    static CreatedJail created(JsonNode body, String action) {
        JsonNode success = field(body, "success", action);
        Map<String, String> fields = stringMap(success, action + ".success");
        String uuid = fields.get("uuid");
        if (uuid != null) {
            return new CreatedJail(uuid, uuid);
        }
        String line = fields.get("Successfully created");
        if (line == null) {
            throw malformed(action + ".success has neither 'Successfully created' nor 'uuid'");
        }
        Matcher m = CREATED.matcher(line.trim());
        if (!m.matches()) {
            throw malformed(action + ".success 'Successfully created' is '" + line + "'");
        }
        return new CreatedJail(m.group(1), m.group(2) == null ? m.group(1) : m.group(2));
    }

    static String successText(JsonNode body, String action) {
        JsonNode success = body.get("success");
        if (success == null) {
            // The 2016 server answers {} when iocage printed something it did not understand.
            throw new IocageClientException(IocageClientException.Kind.ACTION_FAILED,
                    "the host did not confirm " + action);
        }
        return text(success, action + ".success");
    }

    /** One property across every jail ({@code getjailsettings} with {@code switches=-r}). */
    static List<PropertyRow> propertyRows(JsonNode body, String prop) {
        List<PropertyRow> rows = new ArrayList<>();
        forEach(body, "getjailsettings", (id, row) -> {
            String path = "getjailsettings." + id;
            rows.add(new PropertyRow(id, optionalText(object(row, path), "TAG", path),
                    text(field(row, prop, path), path + "." + prop)));
        });
        return List.copyOf(rows);
    }

    /** {@code df}: each jail's sizes, by id. */
    static List<DiskUsage> diskUsage(JsonNode body) {
        List<DiskUsage> rows = new ArrayList<>();
        forEach(body, "df", (id, row) -> {
            String p = "df." + id;
            object(row, p);
            rows.add(new DiskUsage(id, optionalText(row, "tag", p), size(row, "crt", p), size(row, "res", p),
                    size(row, "qta", p), size(row, "use", p), size(row, "ava", p)));
        });
        return List.copyOf(rows);
    }

    /** What {@code setjailsettings} reports per property, and the properties that take effect at a restart. */
    static SettingsChange settingsChange(JsonNode body, String jail) {
        Map<String, String> changed = stringMap(field(body, "success", "setjailsettings"), "setjailsettings.success");
        List<String> restart = new ArrayList<>();
        JsonNode r = body.get("restart");
        if (r != null) {
            if (!r.isArray()) {
                throw malformed("setjailsettings.restart should be an array");
            }
            r.forEach(n -> restart.add(text(n, "setjailsettings.restart[]")));
        }
        return new SettingsChange(jail, changed, List.copyOf(restart));
    }

    /** The array of names under {@code key}, empty ones left out. */
    static List<String> names(JsonNode body, String key, String action) {
        JsonNode list = field(body, key, action);
        if (!list.isArray()) {
            throw malformed(action + "." + key + " should be an array but is " + org.jaildesk.protocol.SysadmCodec.kind(list));
        }
        List<String> out = new ArrayList<>();
        list.forEach(n -> {
            String r = text(n, action + "." + key + "[]");
            if (!r.isEmpty()) {
                out.add(r);
            }
        });
        return List.copyOf(out);
    }

}
