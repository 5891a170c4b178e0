package org.jaildesk.client;

import static org.jaildesk.client.ReplyReader.field;
import static org.jaildesk.client.ReplyReader.malformed;
import static org.jaildesk.client.ReplyReader.object;
import static org.jaildesk.client.ReplyReader.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.jaildesk.domain.Addresses;
import org.jaildesk.domain.JailMount;
import org.jaildesk.domain.JailSnapshot;
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
 * The bodies of JailDesk's extension replies (beyond the documented iocage API: usage, other jails, interfaces, images,
 * pools, mounts, snapshots, the action log, protected jails, login keys, console logs) read into domain records, as
 * {@link ReplyRecords} reads the documented ones; each fails with {@link IocageClientException.Kind#MALFORMED_REPLY}
 * naming the path.
 */
final class ExtensionReplies {

    private static final Pattern COUNT = Pattern.compile("\\d{1,9}");
    private static final Pattern PERCENT = Pattern.compile("\\d{1,9}(\\.\\d{1,3})?");
    private static final Pattern BYTES = Pattern.compile("\\d{1,18}");

    private ExtensionReplies() {
    }

    /** {@code jailusage}: {@code {"usage": [{"jid", "processes", "cpu", "memory"}, …]}}, by JID. */
    static Map<Integer, JailUsage> usage(JsonNode body) {
        Map<Integer, JailUsage> byJid = new java.util.TreeMap<>();
        for (JailUsage u : rows(body, "usage", "jailusage", (row, path) -> {
            OptionalInt jid = ReplyRecords.jidOf(ReplyRecords.listed(row, "jid", path));
            String processes = ReplyRecords.listed(row, "processes", path);
            String cpu = ReplyRecords.listed(row, "cpu", path);
            String memory = ReplyRecords.listed(row, "memory", path);
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
            OptionalInt jid = ReplyRecords.jidOf(ReplyRecords.listed(row, "jid", path));
            String name = ReplyRecords.listed(row, "name", path);
            String where = ReplyRecords.listed(row, "path", path);
            if (jid.isEmpty() || jid.getAsInt() == 0 || name.isEmpty() || !where.startsWith("/")) {
                throw malformed(path + " is not a running jail: " + Shown.of(row.toString(), 200));
            }
            return new OtherJail(jid.getAsInt(), name, ReplyRecords.listed(row, "hostname", path), where,
                    addresses(ReplyRecords.listed(row, "ip4", path)), addresses(ReplyRecords.listed(row, "ip6", path)));
        });
    }

    /**
     * {@code listinterfaces}: {@code {"interfaces": [{"name", "kind", "up", "ip4", "ip6", "members"}, …]}}, addresses
     * (with their prefix) and members joined by commas. Each name, member and address is checked, as it goes into a
     * jail's properties when chosen.
     */
    static List<HostInterface> interfaces(JsonNode body) {
        return rows(body, "interfaces", "listinterfaces", (row, path) -> {
            String name = ReplyRecords.listed(row, "name", path);
            java.util.Optional<HostInterface.Kind> kind = HostInterface.Kind.of(ReplyRecords.listed(row, "kind", path));
            String up = ReplyRecords.listed(row, "up", path);
            List<String> ip4 = addresses(ReplyRecords.listed(row, "ip4", path));
            List<String> ip6 = addresses(ReplyRecords.listed(row, "ip6", path));
            List<String> members = addresses(ReplyRecords.listed(row, "members", path));
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
            String image = ReplyRecords.listed(row, "image", path);
            String size = ReplyRecords.listed(row, "size", path);
            String modified = ReplyRecords.listed(row, "modified", path);
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
            String name = ReplyRecords.listed(row, "name", path);
            String size = ReplyRecords.listed(row, "size", path);
            String free = ReplyRecords.listed(row, "free", path);
            String health = ReplyRecords.listed(row, "health", path);
            String active = ReplyRecords.listed(row, "active", path);
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
            String index = ReplyRecords.listed(row, "index", path);
            if (!index.matches("\\d{1,4}")) {
                throw malformed(path + ".index should be a number but is '" + Shown.of(index) + "'");
            }
            return new JailMount(Integer.parseInt(index), ReplyRecords.listed(row, "source", path), ReplyRecords.listed(row, "destination", path),
                    ReplyRecords.listed(row, "path", path), ReplyRecords.listed(row, "type", path), ReplyRecords.listed(row, "options", path));
        });
    }

    /**
     * {@code listaudit}: {@code {"entries": [{"time", "user", "from", "action", "target", "result"[, "request"]}, …]}},
     * newest first.
     */
    static List<org.jaildesk.domain.AuditEntry> auditEntries(JsonNode body) {
        return rows(body, "entries", "listaudit", (row, path) -> {
            String time = ReplyRecords.listed(row, "time", path);
            java.time.Instant at;
            try {
                at = java.time.Instant.parse(time);
            } catch (java.time.format.DateTimeParseException e) {
                throw malformed(path + ".time is not a time: " + org.jaildesk.domain.Shown.of(time));
            }
            // The request's id: "" on a line without one, and from a server older than this one.
            return new org.jaildesk.domain.AuditEntry(at, ReplyRecords.listed(row, "user", path), ReplyRecords.listed(row, "from", path),
                    ReplyRecords.listed(row, "action", path), ReplyRecords.listed(row, "target", path), ReplyRecords.listed(row, "result", path),
                    ReplyRecords.listed(row, "request", path));
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
            String name = ReplyRecords.listed(row, "name", path);
            if (name.isBlank()) {
                throw malformed(path + ".name is missing or empty");
            }
            return new JailSnapshot(name, ReplyRecords.listed(row, "created", path), ReplyReader.size(row, "rsize", path),
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
