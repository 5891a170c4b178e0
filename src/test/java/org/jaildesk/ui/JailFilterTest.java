package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalInt;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailState;
import org.jaildesk.ui.jails.JailFilter;
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
        "192.168.1.3|web01"})
    void filters(String query, String expected) {
        List<String> names = JAILS.stream().filter(JailFilter.parse(query)).map(Jail::tag).toList();
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected.split(" ")), names);
    }
}
