package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jaildesk.client.IocageClientException;
import org.jaildesk.client.Trouble;
import org.jaildesk.domain.JailNames;
import org.jaildesk.domain.PropertyCatalog;
import org.jaildesk.domain.Wording;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;
import org.junit.jupiter.api.Test;

/** Every key the code uses exists in English and German, every key in the bundles is used, both bundles match. */
class MessagesTest {

    /** Keys the code builds from a prefix and a value (state, type, category, …). */
    private static final Set<String> BUILT = java.util.stream.Stream.concat(java.util.stream.Stream.of(
            "state.up", "state.down", "state.corrupt", "state.unknown",
            "type.clone", "type.basejail", "type.thick", "type.template", "type.empty",
            "network.mode.unset", "network.mode.shared", "network.mode.vnet_dhcp", "network.mode.vnet_fixed", "network.mode.vnet_nat",
            "category.identity", "category.network", "category.resources", "category.jail", "category.zfs", "category.other",
            "clean.jails.action", "clean.releases.action", "clean.templates.action", "clean.images.action", "clean.all.action",
            "jobs.state.waiting", "jobs.state.running", "jobs.state.done", "jobs.state.failed", "jobs.state.cancelled",
            "jobs.state.left",
            "log.kind.request", "log.kind.reply", "log.kind.event", "log.kind.command",
            "language.en", "language.de", "theme.light", "theme.dark", "theme.contrast", "privilege.none", "privilege.doas", "privilege.sudo",
            "conn.state.not_connected", "conn.state.connecting", "conn.state.connected", "conn.state.failed",
            // The inspector's per-jail lists (JailListModel): their placeholders, by the list's own prefix.
            "snapshots.select", "snapshots.loading", "snapshots.failed", "snapshots.unsupported", "snapshots.none",
            "mounts.select", "mounts.loading", "mounts.failed", "mounts.unsupported", "mounts.none",
            "consoleLog.select", "consoleLog.loading", "consoleLog.failed", "consoleLog.unsupported", "consoleLog.none",
            // The lists read through one action a host may not offer (HostReadList), by the list's own prefix.
            "others.reading", "others.count", "others.failed", "others.unsupported",
            "actionLog.reading", "actionLog.count", "actionLog.failed", "actionLog.unsupported",
            "loginKeys.reading", "loginKeys.count", "loginKeys.failed", "loginKeys.unsupported"),
            // What each job does: every action that changes the host becomes one.
            org.jaildesk.protocol.Protocol.MUTATING_ACTIONS.stream().map(a -> "jobs.action." + a))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/org/jaildesk/ui/" + name)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> usedKeys() throws Exception {
        Set<String> used = new TreeSet<>(BUILT);
        // Connection troubles are worded by key from the client's Trouble (Notifier.text).
        for (Trouble t : Trouble.values()) {
            used.add(t.key());
        }
        // So are JailDesk's own words about names and values (Messages.get(Wording)).
        for (Wording.Phrase p : Wording.Phrase.values()) {
            used.add(p.key());
        }
        Pattern get = Pattern.compile("(?:msg|messages)\\.get\\(\\s*(?:[a-zA-Z.]+\\s*\\?\\s*)?\"([a-zA-Z0-9_.]+)\"");
        Pattern ternary = Pattern.compile("\\?\\s*\"([a-z]+\\.[a-zA-Z0-9_.]+)\"\\s*:\\s*\"([a-z]+\\.[a-zA-Z0-9_.]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                Matcher m = get.matcher(src);
                while (m.find()) {
                    String k = m.group(1);
                    if (k.endsWith(".")) {
                        // A prefix the code completes at run time: its keys are listed in BUILT.
                        assertTrue(BUILT.stream().anyMatch(b -> b.startsWith(k)), "no built keys listed for prefix " + k);
                    } else {
                        used.add(k);
                    }
                }
                Matcher t = ternary.matcher(src);
                while (t.find()) {
                    used.add(t.group(1));
                    used.add(t.group(2));
                }
            }
        }
        return used;
    }

    private static String sources() throws Exception {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                b.append(Files.readString(f));
            }
        }
        return b.toString();
    }

    @Test
    void everyUsedKeyExistsAndEveryKeyIsUsed() throws Exception {
        Properties en = load("messages.properties");
        Set<String> used = usedKeys();
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(en.stringPropertyNames());
        assertEquals(Set.of(), missing, "keys used in the code but missing from messages.properties");
        Set<String> unused = new TreeSet<>(en.stringPropertyNames());
        unused.removeAll(used);
        // Keys handed to a helper (row(r, "column.ip6", …)) count as used when their literal is in the code.
        String code = sources();
        unused.removeIf(k -> code.contains("\"" + k + "\""));
        assertEquals(Set.of(), unused, "keys in messages.properties that no code uses");
    }

    /** The English bundle says exactly what the client says (logs, the command line), so the two cannot drift. */
    @Test
    void connectionTroublesReadTheSameInTheBundleAndInTheClient() throws Exception {
        Properties en = load("messages.properties");
        for (Trouble t : Trouble.values()) {
            assertEquals(t.pattern(), en.getProperty(t.key()), t.name());
        }
    }

    /** The same for the words about names and values: the host answers them in English from the domain's patterns. */
    @Test
    void namesAndValuesReadTheSameInTheBundleAndInTheDomain() throws Exception {
        Properties en = load("messages.properties");
        for (Wording.Phrase p : Wording.Phrase.values()) {
            assertEquals(p.pattern(), en.getProperty(p.key()), p.name());
        }
    }

    /**
     * The dialogs and the inspector check names and values as the user types, in the window's language; the host says
     * the same in English. What a property takes, inside "not a valid value", is said in the same language.
     */
    @Test
    void aProblemWithANameOrValueIsShownInTheUsersLanguage() {
        Messages de = new Messages(java.util.Locale.GERMAN);
        Messages en = new Messages(java.util.Locale.ENGLISH);
        Wording name = JailNames.checkNew("a;b").orElseThrow();
        assertEquals("invalid jail name 'a;b': use letters, digits and . _ - (not first), at most 120 characters", name.english());
        assertEquals(name.english(), en.get(name));
        assertEquals("ungültiger Jail-Name 'a;b': Buchstaben, Ziffern und . _ - (nicht am Anfang), höchstens 120 Zeichen", de.get(name));
        Wording value = PropertyCatalog.standard().check("priority", "500", false).orElseThrow();
        assertEquals("'500' is not a valid value for priority: a whole number from 1 to 99", value.english());
        assertEquals("'500' ist kein gültiger Wert für priority: eine ganze Zahl von 1 bis 99", de.get(value));
        // Numbers are handed over as written, not formatted for the language (1,500 or 1.500).
        Wording tooLong = PropertyCatalog.standard().check("notes", "x".repeat(1500), false).orElseThrow();
        assertEquals("the value of notes is too long (1500 characters, at most 1024)", tooLong.english());
        assertEquals("der Wert von notes ist zu lang (1500 Zeichen, höchstens 1024)", de.get(tooLong));
    }

    @Test
    void aConnectionTroubleIsShownInTheUsersLanguageAndAHostsMessageAsItIs() {
        IocageClientException refused = new IocageClientException(IocageClientException.Kind.PROTOCOL_ERROR,
                Trouble.LOGIN_REFUSED, "401", null, "lab:12150", "wrong user name or password");
        assertEquals("login to lab:12150 refused: wrong user name or password; Refresh asks for the password again",
                refused.getMessage());
        assertEquals("Anmeldung bei lab:12150 abgelehnt: wrong user name or password; Aktualisieren fragt erneut nach dem Passwort",
                Notifier.text(new Messages(java.util.Locale.GERMAN), new java.util.concurrent.CompletionException(refused)));
        assertEquals(refused.getMessage(), Notifier.text(new Messages(java.util.Locale.ENGLISH), refused));
        IocageClientException iocage = new IocageClientException(IocageClientException.Kind.ACTION_FAILED, "jail 'x' not found!");
        assertEquals("jail 'x' not found!", Notifier.text(new Messages(java.util.Locale.GERMAN), iocage));
    }

    @Test
    void countsReadRightInBothLanguages() {
        Messages en = new Messages(java.util.Locale.ENGLISH);
        Messages de = new Messages(java.util.Locale.GERMAN);
        assertEquals("Start: 1 jail\u2026", en.get("status.running", "Start", 1));
        assertEquals("Start: 3 jails\u2026", en.get("status.running", "Start", 3));
        assertEquals("0 jails", en.get("status.jails", 0));
        assertEquals("1 jail", en.get("status.jails", 1));
        assertEquals("10,000 jails", en.get("status.jails", 10_000));
        assertEquals("1 Jail", de.get("status.jails", 1));
        assertEquals("10.000 Jails", de.get("status.jails", 10_000));
        assertEquals("5G used by 1 jail; 9G available in the pool; 2 jails near the quota", en.get("usage.totals", "5G", 1, "9G", 2));
        assertEquals("Done, 1 line of output", en.get("exec.ok", 1));
        assertEquals("Done, no output", en.get("exec.ok", 0));
        assertEquals("1 change pending", en.get("settings.pending", 1));
        assertEquals("3 changes will be applied", en.get("settings.reviewHeader", 3));
        assertEquals("1 Änderung wird angewendet", de.get("settings.reviewHeader", 1));
        assertEquals("Fertig, 2 Zeilen Ausgabe", de.get("exec.ok", 2));
    }

    /**
     * A text with a placeholder is a MessageFormat pattern: a lone apostrophe there starts a quote, which swallowed the
     * apostrophes and the placeholder after it ("The mirrors releases could not be listed ({0})"). It is written
     * doubled; and a text without one is shown as it is, so a doubled one there would show twice.
     */
    @Test
    void apostrophesAndPlaceholdersComeOutAsWritten() throws Exception {
        Pattern placeholder = Pattern.compile("\\{(\\d)");
        Pattern lone = Pattern.compile("(?<!')'(?!')");
        for (String bundle : new String[] {"messages.properties", "messages_de.properties"}) {
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                String text = p.getProperty(key);
                Matcher m = placeholder.matcher(text);
                int highest = -1;
                while (m.find()) {
                    highest = Math.max(highest, Integer.parseInt(m.group(1)));
                }
                if (highest < 0) {
                    assertTrue(!text.contains("''"), bundle + " " + key + " has no placeholder: its '' shows twice");
                    continue;
                }
                assertTrue(!lone.matcher(text).find(), bundle + " " + key + " has a lone apostrophe: " + text);
                // A plain {n} gets a marker that must come out; a {n,number} or {n,choice,…} a number.
                Object[] args = new Object[highest + 1];
                for (int i = 0; i <= highest; i++) {
                    args[i] = text.contains("{" + i + ",") ? (Object) 2 : "<arg" + i + ">";
                }
                String shown = new java.text.MessageFormat(text, java.util.Locale.ROOT).format(args);
                for (int i = 0; i <= highest; i++) {
                    if (text.contains("{" + i + "}")) {
                        assertTrue(shown.contains("<arg" + i + ">"), bundle + " " + key + " lost {" + i + "}: " + shown);
                    }
                }
            }
        }
    }

    /**
     * No key twice in a bundle: the later one silently wins (jobs.notSaved was both the job history's save failure, with
     * its path and reason, and the export's short "Not saved: {0}", so the history's notice lost its sentence).
     */
    @Test
    void noKeyIsDefinedTwice() throws Exception {
        for (String name : List.of("messages.properties", "messages_de.properties")) {
            Properties counted = new Properties() {
                @Override
                public synchronized Object put(Object key, Object value) {
                    assertTrue(!containsKey(key), key + " is defined twice in " + name);
                    return super.put(key, value);
                }
            };
            try (InputStream in = MessagesTest.class.getResourceAsStream("/org/jaildesk/ui/" + name)) {
                counted.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertTrue(counted.size() > 500, name);
        }
    }

    @Test
    void germanIsComplete() throws Exception {
        Properties en = load("messages.properties");
        Properties de = load("messages_de.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(de.stringPropertyNames()));
        for (String k : en.stringPropertyNames()) {
            assertTrue(!de.getProperty(k).isBlank(), k);
            long enArgs = en.getProperty(k).chars().filter(c -> c == '{').count();
            long deArgs = de.getProperty(k).chars().filter(c -> c == '{').count();
            assertEquals(enArgs, deArgs, "placeholders of " + k);
            // A key with a mnemonic in one language has one in the other: a German dialog is used from the keyboard too.
            assertEquals(AccessibleNames.mnemonic(en.getProperty(k)) != null, AccessibleNames.mnemonic(de.getProperty(k)) != null,
                    "mnemonic of " + k);
        }
    }

    /** English chosen on a German system is English: the system's language is no fallback for a missing bundle. */
    @Test
    void theChosenLanguageWinsOverTheSystemsOne() {
        java.util.Locale system = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            Messages en = new Messages(java.util.Locale.ENGLISH);
            assertEquals("_File", en.get("menu.file"));
            assertEquals(java.util.Locale.ENGLISH, en.shown());
            assertEquals("_Datei", new Messages(java.util.Locale.GERMAN).get("menu.file"));
            assertEquals("de", new Messages(java.util.Locale.GERMANY).shown().getLanguage());
            // A language without a translation is shown in English, and said to be.
            assertEquals(java.util.Locale.ENGLISH, new Messages(java.util.Locale.FRENCH).shown());
        } finally {
            java.util.Locale.setDefault(system);
        }
    }

    /**
     * The settings legend names three markers, laid out as one label that wraps in the narrow inspector: it may break
     * only between them (three spaces), never inside one ("(restart) takes effect at the next" / "start").
     */
    @Test
    void theSettingsLegendBreaksOnlyBetweenItsItems() throws Exception {
        for (String bundle : new String[] {"messages.properties", "messages_de.properties"}) {
            String[] items = load(bundle).getProperty("settings.legend").split(" {3}");
            assertEquals(3, items.length, bundle);
            for (String item : items) {
                assertTrue(!item.isBlank() && !item.contains(" "), bundle + ": \"" + item + "\" could break inside");
            }
        }
    }
}
