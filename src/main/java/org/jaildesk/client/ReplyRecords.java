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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jaildesk.domain.Addresses;
import org.jaildesk.domain.DiskUsage;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailMount;
import org.jaildesk.domain.JailSettings;
import org.jaildesk.domain.JailSnapshot;
import org.jaildesk.domain.JailState;
import org.jaildesk.domain.HostImage;
import org.jaildesk.domain.HostInterface;
import org.jaildesk.domain.HostPool;
import org.jaildesk.domain.ImageNames;
import org.jaildesk.domain.Ipv4;
import org.jaildesk.domain.JailUsage;
import org.jaildesk.domain.OtherJail;
import org.jaildesk.domain.PropertyDef;
import org.jaildesk.domain.Shown;

/**
 * The bodies of the documented replies read into domain records, in every shape a host may send them (see
 * {@link IocageClient}); each fails with {@link IocageClientException.Kind#MALFORMED_REPLY} naming the path.
 */
final class ReplyRecords {

    private static final Pattern COUNT = Pattern.compile("\\d{1,9}");
    private static final Pattern PERCENT = Pattern.compile("\\d{1,9}(\\.\\d{1,3})?");
    private static final Pattern BYTES = Pattern.compile("\\d{1,18}");
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
    private static String listed(JsonNode row, String field, String path) {
        return listed(row, field, () -> path);
    }

    /** The same, with the row's path put together only for an error. */
    private static String listed(JsonNode row, String field, Supplier<String> path) {
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

    /** {@code jailusage}: {@code {"usage": [{"jid", "processes", "cpu", "memory"}, …]}}, by JID. */
    static Map<Integer, JailUsage> usage(JsonNode body) {
        Map<Integer, JailUsage> byJid = new java.util.TreeMap<>();
        for (JailUsage u : rows(body, "usage", "jailusage", (row, path) -> {
            OptionalInt jid = jidOf(listed(row, "jid", path));
            String processes = listed(row, "processes", path);
            String cpu = listed(row, "cpu", path);
            String memory = listed(row, "memory", path);
            if (jid.isEmpty() || jid.getAsInt() == 0 || !COUNT.matcher(processes).matches() || !PERCENT.matcher(cpu).matches()
                    || !BYTES.matcher(memory).matches()) {
                throw malformed(path + " is not a running jail's usage: " + Shown.of(row.toString(), 200));
            }
            return new JailUsage(jid.getAsInt(), Integer.parseInt(processes), Double.parseDouble(cpu), Long.parseLong(memory));
        })) {
            byJid.put(u.jid(), u);
        }
        return byJid;
    }

    /**
     * {@code listotherjails}: {@code {"jails": [{"jid", "name", "hostname", "path", "ip4", "ip6"}, …]}}, the addresses
     * joined by commas.
     */
    static List<OtherJail> otherJails(JsonNode body) {
        return rows(body, "jails", "listotherjails", (row, path) -> {
            OptionalInt jid = jidOf(listed(row, "jid", path));
            String name = listed(row, "name", path);
            String where = listed(row, "path", path);
            if (jid.isEmpty() || jid.getAsInt() == 0 || name.isEmpty() || !where.startsWith("/")) {
                throw malformed(path + " is not a running jail: " + Shown.of(row.toString(), 200));
            }
            return new OtherJail(jid.getAsInt(), name, listed(row, "hostname", path), where,
                    addresses(listed(row, "ip4", path)), addresses(listed(row, "ip6", path)));
        });
    }

    /**
     * {@code listinterfaces}: {@code {"interfaces": [{"name", "kind", "up", "ip4", "ip6", "members"}, …]}}, addresses
     * (with their prefix) and members joined by commas. Each name, member and address is checked, as it goes into a
     * jail's properties when chosen.
     */
    static List<HostInterface> interfaces(JsonNode body) {
        return rows(body, "interfaces", "listinterfaces", (row, path) -> {
            String name = listed(row, "name", path);
            java.util.Optional<HostInterface.Kind> kind = HostInterface.Kind.of(listed(row, "kind", path));
            String up = listed(row, "up", path);
            List<String> ip4 = addresses(listed(row, "ip4", path));
            List<String> ip6 = addresses(listed(row, "ip6", path));
            List<String> members = addresses(listed(row, "members", path));
            if (!PropertyDef.isInterfaceName(name) || kind.isEmpty() || !(up.equals("true") || up.equals("false"))
                    || !members.stream().allMatch(PropertyDef::isInterfaceName)
                    || !ip4.stream().allMatch(a -> Ipv4.parse(a).filter(v -> v.prefix() >= 0).isPresent())
                    || !ip6.stream().allMatch(Addresses::isIpv6WithPrefix)) {
                throw malformed(path + " is not a network interface: " + Shown.of(row.toString(), 200));
            }
            return new HostInterface(name, kind.get(), up.equals("true"), ip4, ip6, members);
        });
    }

    private static List<String> addresses(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(",", -1));
    }

    /** {@code listimages}: {@code {"folder", "images": [{"image", "jail", "size", "modified"}, …]}}, newest first. */
    static List<HostImage> images(JsonNode body) {
        return rows(body, "images", "listimages", (row, path) -> {
            String image = listed(row, "image", path);
            String size = listed(row, "size", path);
            String modified = listed(row, "modified", path);
            if (!ImageNames.isFile(image) || !BYTES.matcher(size).matches()) {
                throw malformed(path + " is not an image file: " + Shown.of(row.toString(), 200));
            }
            try {
                return new HostImage(image, Long.parseLong(size), java.time.Instant.parse(modified));
            } catch (java.time.format.DateTimeParseException e) {
                throw malformed(path + ".modified should be a time such as 2026-11-27T21:30:12Z but is '" + Shown.of(modified) + "'");
            }
        });
    }

    /** {@code listpools}: {@code {"pools": [{"name", "size", "free", "health", "active"}, …]}}, sizes in bytes or "-". */
    static List<HostPool> pools(JsonNode body) {
        return rows(body, "pools", "listpools", (row, path) -> {
            String name = listed(row, "name", path);
            String size = listed(row, "size", path);
            String free = listed(row, "free", path);
            String health = listed(row, "health", path);
            String active = listed(row, "active", path);
            if (!name.matches("[A-Za-z][A-Za-z0-9_.:-]{0,254}") || !(size.equals("-") || BYTES.matcher(size).matches())
                    || !(free.equals("-") || BYTES.matcher(free).matches()) || !health.matches("[A-Z]{1,20}")
                    || !(active.equals("true") || active.equals("false"))) {
                throw malformed(path + " is not a pool: " + Shown.of(row.toString(), 200));
            }
            return new HostPool(name, size.equals("-") ? -1 : Long.parseLong(size), free.equals("-") ? -1 : Long.parseLong(free),
                    health, active.equals("true"));
        });
    }

    /** {@code listmounts}: {@code {"jail", "mounts": [{"index", "source", "destination", "path", "type", "options"}, …]}}. */
    static List<JailMount> mounts(JsonNode body) {
        return rows(body, "mounts", "listmounts", (row, path) -> {
            String index = listed(row, "index", path);
            if (!index.matches("\\d{1,4}")) {
                throw malformed(path + ".index should be a number but is '" + Shown.of(index) + "'");
            }
            return new JailMount(Integer.parseInt(index), listed(row, "source", path), listed(row, "destination", path),
                    listed(row, "path", path), listed(row, "type", path), listed(row, "options", path));
        });
    }

    /** {@code listaudit}: {@code {"entries": [{"time", "user", "from", "action", "target", "result"}, …]}}, newest first. */
    static List<org.jaildesk.domain.AuditEntry> auditEntries(JsonNode body) {
        return rows(body, "entries", "listaudit", (row, path) -> {
            String time = listed(row, "time", path);
            java.time.Instant at;
            try {
                at = java.time.Instant.parse(time);
            } catch (java.time.format.DateTimeParseException e) {
                throw malformed(path + ".time is not a time: " + org.jaildesk.domain.Shown.of(time));
            }
            return new org.jaildesk.domain.AuditEntry(at, listed(row, "user", path), listed(row, "from", path),
                    listed(row, "action", path), listed(row, "target", path), listed(row, "result", path));
        });
    }

    /**
     * {@code listprotected}, {@code protectjail}, {@code unprotectjail}: {@code {"jails": ["web01", …]}}, the jails the
     * server keeps protected from destroy; a name with a space, a control character or over 255 characters is none.
     */
    static List<String> protectedJails(JsonNode body, String action) {
        JsonNode list = body.path("jails");
        if (!list.isArray()) {
            throw malformed(action + ".jails should be an array but is " + org.jaildesk.protocol.SysadmCodec.kind(list));
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : list) {
            String name = n.isTextual() ? n.asText() : "";
            if (name.isEmpty() || name.length() > 255 || name.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                throw malformed(action + ".jails[" + out.size() + "] is no jail name: '" + org.jaildesk.domain.Shown.of(n.toString()) + "'");
            }
            out.add(name);
        }
        return List.copyOf(out);
    }

    /**
     * {@code listaudit} with where the entries before these start, {@code {"entries": […], "older": "1048576-0a1b2c3d"}},
     * and {@code "rotated":"true"} where the log was rotated since the page asked before.
     */
    static org.jaildesk.domain.AuditPage auditPage(JsonNode body) {
        List<org.jaildesk.domain.AuditEntry> entries = auditEntries(body);
        boolean rotated = flag(body, "rotated", "listaudit");
        JsonNode older = body.path("older");
        if (older.isMissingNode()) {
            return new org.jaildesk.domain.AuditPage(entries, "", rotated);
        }
        if (!older.isTextual() || !older.asText().matches("[0-9]{1,18}(-[0-9a-f]{8})?")) {
            throw malformed("listaudit.older should be a number of up to 18 digits and the log's mark but is '"
                    + org.jaildesk.domain.Shown.of(older.asText()) + "'");
        }
        return new org.jaildesk.domain.AuditPage(entries, older.asText(), rotated);
    }

    /**
     * {@code list_ssl_certs}: {@code {"<user>":{"<pub_key>":"Nickname: …\nEmail: …\nDate Registered: …"}}}, the keys of
     * the user (of every user, for a sysadm server's full-access user), oldest first as the host keeps them.
     */
    static List<org.jaildesk.domain.LoginKey> loginKeys(JsonNode args) {
        if (!args.isObject()) {
            throw malformed("list_ssl_certs should be an object but is " + org.jaildesk.protocol.SysadmCodec.kind(args));
        }
        List<org.jaildesk.domain.LoginKey> out = new ArrayList<>();
        args.fields().forEachRemaining(user -> {
            if (!user.getValue().isObject()) {
                throw malformed("list_ssl_certs." + org.jaildesk.domain.Shown.of(user.getKey()) + " should be an object");
            }
            user.getValue().fields().forEachRemaining(key -> {
                if (!key.getValue().isTextual()) {
                    throw malformed("list_ssl_certs." + org.jaildesk.domain.Shown.of(user.getKey()) + " holds a key whose details are no text");
                }
                Map<String, String> details = new HashMap<>();
                key.getValue().asText().lines().forEach(line -> {
                    int colon = line.indexOf(": ");
                    if (colon > 0) {
                        details.put(line.substring(0, colon), line.substring(colon + 2).strip());
                    }
                });
                java.security.interfaces.RSAPublicKey k = org.jaildesk.protocol.KeyLogin.publicKeyOrNull(key.getKey());
                String fingerprint = k == null ? "" : org.jaildesk.protocol.KeyLogin.fingerprint(k);
                out.add(new org.jaildesk.domain.LoginKey(user.getKey(), key.getKey(), details.getOrDefault("Nickname", ""),
                        details.getOrDefault("Email", ""), details.getOrDefault("Date Registered", ""), fingerprint));
            });
        });
        return List.copyOf(out);
    }

    /** A flag of a JailDesk reply: {@code "true"} where it holds, absent where not; anything else is malformed. */
    private static boolean flag(JsonNode body, String key, String action) {
        JsonNode f = body.path(key);
        if (f.isMissingNode()) {
            return false;
        }
        if (!(f.isTextual() && f.asText().equals("true"))) {
            throw malformed(action + "." + key + " should be \"true\" but is '" + org.jaildesk.domain.Shown.of(f.toString()) + "'");
        }
        return true;
    }

    /** The most lines of a console log taken: more than the host's 128 KB hold. */
    static final int CONSOLE_LINES = 200_000;

    /**
     * {@code consolelog}: {@code {"jail", "file", "lines": ["…", …]}}, with {@code "cut":"true"} where it is the log's end
     * and {@code "none":"true"} where there is no log; each line a string without a line break.
     */
    static org.jaildesk.domain.ConsoleLog consoleLog(JsonNode body) {
        String jail = text(body.get("jail"), "consolelog.jail");
        String file = text(body.get("file"), "consolelog.file");
        boolean cut = flag(body, "cut", "consolelog");
        flag(body, "none", "consolelog"); // said by lines being none; read so that a malformed one is told
        JsonNode lines = body.path("lines");
        if (!lines.isArray() || lines.size() > CONSOLE_LINES) {
            throw malformed("consolelog.lines should be a list of at most " + CONSOLE_LINES + " lines");
        }
        List<String> out = new ArrayList<>(lines.size());
        for (JsonNode l : lines) {
            if (!l.isTextual() || l.asText().indexOf('\n') >= 0) {
                throw malformed("consolelog.lines[" + out.size() + "] is not one line: '" + org.jaildesk.domain.Shown.of(l.toString()) + "'");
            }
            out.add(l.asText());
        }
        return new org.jaildesk.domain.ConsoleLog(jail, file, out, cut);
    }

    /** {@code listsnapshots}: {@code {"jail", "snapshots": [{"name", "created", "rsize", "used"}, …]}}. */
    static List<JailSnapshot> snapshots(JsonNode body) {
        return rows(body, "snapshots", "listsnapshots", (row, path) -> {
            String name = listed(row, "name", path);
            if (name.isBlank()) {
                throw malformed(path + ".name is missing or empty");
            }
            return new JailSnapshot(name, listed(row, "created", path), ReplyReader.size(row, "rsize", path),
                    ReplyReader.size(row, "used", path));
        });
    }

    /** The array {@code field} of {@code action}'s reply, each element an object read by {@code row} (with its path). */
    private static <T> List<T> rows(JsonNode body, String field, String action, java.util.function.BiFunction<JsonNode, String, T> row) {
        JsonNode list = field(body, field, action);
        if (!list.isArray()) {
            throw malformed(action + "." + field + " should be an array but is " + org.jaildesk.protocol.SysadmCodec.kind(list));
        }
        List<T> out = new ArrayList<>();
        for (JsonNode r : list) {
            String path = action + "." + field + "[" + out.size() + "]";
            object(r, path);
            out.add(row.apply(r, path));
        }
        return List.copyOf(out);
    }
}
