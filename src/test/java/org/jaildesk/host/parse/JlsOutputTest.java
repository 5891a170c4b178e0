package org.jaildesk.host.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jaildesk.domain.OtherJail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code jls --libxo json -v}: the running jails iocage did not make, in the shape FreeBSD's jls prints them. */
class JlsOutputTest {

    /** As jls prints it: one line, iocage's jails among the others, a jail without a name under its JID. */
    private static final String HOST = "{\"__version\": \"2\", \"jail-information\": {\"jail\": ["
            + "{\"jid\":1,\"hostname\":\"db01\",\"path\":\"/tank/iocage/jails/db01/root\",\"name\":\"ioc-db01\",\"state\":\"ACTIVE\","
            + "\"cpusetid\":2, \"ipv4_addrs\": [\"192.168.1.21\"], \"ipv6_addrs\": []},"
            + "{\"jid\":7,\"hostname\":\"www.example.lan\",\"path\":\"/usr/local/bastille/jails/www/root\",\"name\":\"www\","
            + "\"state\":\"ACTIVE\",\"cpusetid\":8, \"ipv4_addrs\": [\"10.0.0.5\",\"10.0.0.6\"], \"ipv6_addrs\": [\"fd00::5\"]},"
            + "{\"jid\":4,\"hostname\":\"\",\"path\":\"/zroot/basejail\",\"name\":\"4\",\"state\":\"ACTIVE\",\"cpusetid\":5, "
            + "\"ipv4_addrs\": [], \"ipv6_addrs\": []},"
            + "{\"jid\":9,\"hostname\":\"a.b\",\"path\":\"/iocage/jails/0f3c-uuid/root\",\"name\":\"ioc-0f3c-uuid\",\"state\":\"ACTIVE\","
            + "\"cpusetid\":10}"
            + "]}}\n";

    @Test
    void iocagesJailsAreLeftOutAndTheOthersComeByJid() throws Exception {
        List<OtherJail> others = JlsOutput.others(HOST);
        assertEquals(List.of(
                new OtherJail(4, "4", "", "/zroot/basejail", List.of(), List.of()),
                new OtherJail(7, "www", "www.example.lan", "/usr/local/bastille/jails/www/root",
                        List.of("10.0.0.5", "10.0.0.6"), List.of("fd00::5"))), others);
        assertEquals(OtherJail.Maker.BASTILLE, others.get(1).maker());
        assertEquals(OtherJail.Maker.OTHER, others.get(0).maker());
    }

    @Test
    void aHostWithoutJailsOrAJlsWithoutAddressesIsRead() throws Exception {
        assertEquals(List.of(), JlsOutput.others("{\"__version\": \"2\", \"jail-information\": {\"jail\": []}}"));
        // A kernel without INET6: no ipv6_addrs at all.
        assertEquals(List.of(), JlsOutput.others("{\"jail-information\": {\"jail\": [{\"jid\":3,\"hostname\":\"h\","
                + "\"path\":\"/j\",\"name\":\"j\",\"ipv4_addrs\": []}]}}").get(0).ip6());
    }

    @Test
    void theMakerIsGuessedFromTheDefaultFolderOnly() {
        assertEquals(OtherJail.Maker.POT, jail("/opt/pot/jails/pg/m").maker());
        assertEquals(OtherJail.Maker.APPJAIL, jail("/usr/local/appjail/jails/web/jail").maker());
        assertEquals(OtherJail.Maker.CBSD, jail("/usr/jails/jails/cbsd1").maker());
        assertEquals(OtherJail.Maker.OTHER, jail("/usr/local/jails/containers/ns1").maker());
        assertEquals(OtherJail.Maker.OTHER, jail("/srv/usr/local/bastille/jails/x").maker(), "only where the folder starts");
        assertTrue(OtherJail.isIocages("ioc-web_1", "/mnt/x"));
        assertTrue(OtherJail.isIocages("web", "/mnt/tank/iocage/jails/web/root"));
        assertTrue(!OtherJail.isIocages("iocweb", "/jails/iocweb"));
    }

    private static OtherJail jail(String path) {
        return new OtherJail(3, "j", "j", path, List.of(), List.of());
    }

    /** Output that is not jls's JSON is an error naming what was wrong, never an empty list. */
    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "   JID  IP Address      Hostname                      Path\n     1  10.0.0.5        www                           /j\n",
        "{\"__version\": \"2\"}",
        "{\"jail-information\": {\"jail\": {\"jid\":1}}}",
        "{\"jail-information\": {\"jail\": [{\"hostname\":\"h\",\"path\":\"/j\",\"name\":\"j\"}]}}",
        "{\"jail-information\": {\"jail\": [{\"jid\":0,\"hostname\":\"h\",\"path\":\"/j\",\"name\":\"j\"}]}}",
        "{\"jail-information\": {\"jail\": [{\"jid\":\"-f\",\"hostname\":\"h\",\"path\":\"/j\",\"name\":\"j\"}]}}",
        "{\"jail-information\": {\"jail\": [{\"jid\":1.5,\"hostname\":\"h\",\"path\":\"/j\",\"name\":\"j\"}]}}",
        "{\"jail-information\": {\"jail\": [{\"jid\":99999999999,\"hostname\":\"h\",\"path\":\"/j\",\"name\":\"j\"}]}}",
        "{\"jail-information\": {\"jail\": [{\"jid\":1,\"hostname\":\"h\",\"path\":[\"/j\"],\"name\":\"j\"}]}}",
        "{\"jail-information\": {\"jail\": [{\"jid\":1,\"hostname\":\"h\",\"path\":\"/j\",\"name\":\"j\",\"ipv4_addrs\":\"1.2.3.4\"}]}}",
        "{\"jail-information\": {\"jail\": [{\"jid\":1,\"hostname\":\"h\",\"path\":\"/j\",\"name\":\"j\",\"ipv4_addrs\":[1]}]}}",
        "{\"jail-information\": {\"jail\": [\"$(x)\"]}}",
        "[1,2]",
        "null"
    })
    void outputThatIsNotJlssIsRefused(String output) {
        IocageParseException e = assertThrows(IocageParseException.class, () -> JlsOutput.others(output));
        assertTrue(e.getMessage().length() < 400, e.getMessage());
    }
}
