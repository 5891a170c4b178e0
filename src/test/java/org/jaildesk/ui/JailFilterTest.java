package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailState;
import org.jaildesk.domain.JailUsage;
import org.jaildesk.ui.jails.JailFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JailFilterTest {

    private static final List<Jail> JAILS = List.of(
            new Jail("db01", "db01", OptionalInt.of(1), JailState.UP, true, "jail", "13.2-RELEASE-p4", "em0|192.168.1.21/24", "", ""),
            new Jail("mail", "mail", OptionalInt.empty(), JailState.DOWN, false, "jail", "13.2-RELEASE-p4", "192.168.1.22", "", ""),
            new Jail("web01", "web01", OptionalInt.of(3), JailState.UP, false, "basejail", "14.1-RELEASE-p2", "192.168.1.30", "", ""),
            new Jail("web02", "web02", OptionalInt.empty(), JailState.DOWN, true, "jail", "14.1-RELEASE-p2", "", "", "tmpl-web"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|db01 mail web01 web02",
        "web|web01 web02",
        "state:up|db01 web01",
        "release:13.*|db01 mail",
        "!boot:on|mail web01",
        "state:up !release:13.*|web01",
        "STATE:UP release:14*|web01",
        "type:basejail|web01",
        "ip:192.168.1.2?|mail",
        "jid:-|mail web02",
        "template:tmpl-*|web02",
        "nosuchfield:x|''",
        "192.168.1.3|web01",
        "name:WEB0?|web01 web02",
        "name:*|db01 mail web01 web02",
        "name:w*1|web01",
        "name:**b0**|db01 web01 web02",
        "release:*p4|db01 mail",
        "name:web0|''",
        "name:?|''"})
    void filters(String query, String expected) {
        List<String> names = JAILS.stream().filter(JailFilter.parse(query)).map(Jail::tag).toList();
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected.split(" ")), names);
    }

    /**
     * Wildcards are matched without backtracking: as a regular expression, {@code *a*a*…x} with 12 stars against a name
     * of 40 letters ran for over a minute on the FX thread. Now any such query answers at once.
     */
    @Test
    void aQueryOfManyStarsAnswersAtOnce() {
        Jail longName = new Jail("a".repeat(40), "a".repeat(40), OptionalInt.empty(), JailState.DOWN, false, "jail", "14.1-RELEASE",
                "", "", "");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertFalse(JailFilter.parse("name:" + "*a".repeat(16) + "x").test(longName));
            assertTrue(JailFilter.parse("name:" + "*a".repeat(16) + "*").test(longName));
            assertFalse(JailFilter.parse("name:" + "*a".repeat(500)).test(longName));
        });
    }

    /** A pasted page: its first 1,000 characters are the query, the rest is not read. */
    @Test
    void aQueryIsReadToItsFirstThousandCharacters() {
        String query = "web" + " ".repeat(JailFilter.MAX_QUERY) + "state:up";
        assertEquals(List.of("web01", "web02"), JAILS.stream().filter(JailFilter.parse(query)).map(Jail::tag).toList());
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> JailFilter.parse("name:" + "y".repeat(10_000_000)));
    }

    /** db01 (JID 1) busy and big, web01 (JID 3) idle and small; the stopped jails have no figures. */
    private static final java.util.Map<Integer, JailUsage> FIGURES = java.util.Map.of(
            1, new JailUsage(1, 9, 75.5, 3L * 1024 * 1024 * 1024),
            3, new JailUsage(3, 2, 0.4, 200L * 1024 * 1024));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cpu:>50|db01",
        "cpu:<1|web01",
        "cpu:>=0.4|db01 web01",
        "cpu:<=0.4|web01",
        "CPU:>0.39 state:up|db01 web01",
        "!cpu:>50|mail web01 web02",
        "mem:>1G|db01",
        "memory:<1g|web01",
        "mem:>=200M|db01 web01",
        "mem:>200MiB|db01",
        "mem:>1.5G|db01",
        "mem:>209715200|db01",
        "mem:<209715201|web01",
        "cpu:>5G|''",
        "cpu:>abc|''",
        "mem:>|''",
        "mem:>-1|''",
        "cpu:>1e3|''",
        "cpu:75.5|''"})
    void comparesARunningJailsFigures(String query, String expected) {
        List<String> names = JAILS.stream().filter(JailFilter.parse(query,
                j -> j.jid().isPresent() ? FIGURES.get(j.jid().getAsInt()) : null)).map(Jail::tag).toList();
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected.split(" ")), names);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"cpu:>50|true", "state:up !mem:<1G|true", "web|false", "cpu:50|false", "xcpu:>5|false",
        "name:cpu:>5|false", "''|false"})
    void knowsWhichQueriesCompareFigures(String query, boolean compares) {
        assertEquals(compares, JailFilter.comparesFigures(query));
    }

    /** What the table shows as property columns: priority and vnet, as the host read them. */
    private static final java.util.Map<String, java.util.Map<String, String>> SHOWN = java.util.Map.of(
            "priority", java.util.Map.of("db01", "10", "mail", "99", "web01", "20", "web02", "-"),
            "vnet", java.util.Map.of("db01", "0", "mail", "0", "web01", "0", "web02", "1"));

    /** A property the table shows as a column is a field: matched as text, compared as a number; others are free text. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "vnet:1|web02",
        "!vnet:1|db01 mail web01",
        "priority:<20|db01",
        "priority:<=20|db01 web01",
        "priority:>10 state:up|web01",
        "priority:9?|mail",
        "priority:>abc|''",
        "priority:>1e3|''",
        "priority:>-1|''",
        "allow_raw_sockets:1|''",
        "state:up|db01 web01"})
    void matchesThePropertiesShownAsColumns(String query, String expected) {
        List<String> names = JAILS.stream().filter(JailFilter.parse(query, j -> null,
                name -> SHOWN.containsKey(name) ? j -> SHOWN.get(name).get(j.id()) : null)).map(Jail::tag).toList();
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected.split(" ")), names);
    }

    /** Across hosts: host: terms on the host's name (wildcards, negation, any case), the rest as on one host. */
    @Test
    void acrossHostsTheHostIsAFieldToo() {
        record OnHost(String host, Jail jail) { }
        Jail web = new Jail("web", "web", OptionalInt.of(1), JailState.UP, true, "jail", "14.1-RELEASE-p2", "-", "-", "-");
        Jail db = new Jail("db", "db", OptionalInt.empty(), JailState.DOWN, false, "jail", "13.2-RELEASE-p4", "-", "-", "-");
        List<OnHost> all = List.of(new OnHost("nas1", web), new OnHost("nas1", db), new OnHost("Demo host", web));
        java.util.function.Function<String, List<String>> shown = q -> all.stream()
                .filter(JailFilter.acrossHosts(q, OnHost::host, OnHost::jail)).map(o -> o.host() + "/" + o.jail().tag()).toList();
        assertEquals(List.of("nas1/web", "nas1/db", "Demo host/web"), shown.apply(""));
        assertEquals(List.of("nas1/web", "nas1/db"), shown.apply("host:NAS*"));
        assertEquals(List.of("Demo host/web"), shown.apply("!host:nas1"));
        assertEquals(List.of("nas1/web"), shown.apply("host:nas? state:up"));
        assertEquals(List.of("nas1/db"), shown.apply("release:13.* host:nas1"));
        assertEquals(List.of(), shown.apply("host:$(x);-f"));
        assertEquals(List.of("nas1/web", "Demo host/web"), shown.apply("web"), "free text as on one host");
    }
}
