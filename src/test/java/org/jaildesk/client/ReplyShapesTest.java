package org.jaildesk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailState;
import org.jaildesk.domain.HostImage;
import org.jaildesk.domain.HostInterface;
import org.jaildesk.domain.HostPool;
import org.jaildesk.domain.JailUsage;
import org.jaildesk.domain.OtherJail;
import org.jaildesk.protocol.ErrorReply;
import org.jaildesk.protocol.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Replies outside the seed: the real servers' quirks, and replies of the wrong shape. */
class ReplyShapesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static IocageClient answering(String argsJson) {
        return new IocageClient(new ScriptedTransport(r -> {
            try {
                JsonNode args = JSON.readTree(argsJson);
                return new Response("sysadm", "response", r.id(), args);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    private static IocageClientException failure(CompletableFuture<?> f) {
        CompletionException e = assertThrows(CompletionException.class, f::join);
        return assertInstanceOf(IocageClientException.class, e.getCause());
    }

    /** A reply the client refuses as malformed, its message naming {@code where} in the reply. */
    private static void assertMalformedAt(CompletableFuture<?> f, String where) {
        IocageClientException e = failure(f);
        assertEquals(IocageClientException.Kind.MALFORMED_REPLY, e.kind());
        assertTrue(e.getMessage().startsWith("unexpected reply: " + where), e.getMessage());
    }

    @Test
    void readsThe2017ListShapeKeyedByJid() {
        List<Jail> jails = answering("""
                {"listjails":{"jails":{
                  "3":{"jid":"3","uuid":"db01","boot":"on","state":"up","tag":"db01","type":"jail",
                       "release":"13.2-RELEASE","ip4":"192.168.1.21","ip6":"-","template":"-"},
                  "-":{"jid":"-","uuid":"mail","boot":"off","state":"down","tag":"mail","type":"jail",
                       "release":"13.2-RELEASE","ip4":"-","ip6":"-","template":"-"}}}}""").listJails().join();
        assertEquals(2, jails.size());
        Jail db01 = jails.stream().filter(j -> j.id().equals("db01")).findFirst().orElseThrow();
        assertEquals(3, db01.jid().getAsInt());
        assertTrue(db01.boot());
        assertEquals("13.2-RELEASE", db01.release());
        assertEquals("", db01.ip6());
    }

    @Test
    void skipsTheBogusRowsThe2016ServerMakesOfNonIocageJails() {
        List<Jail> jails = answering("""
                {"listjails":{
                  "0bf985de-ca0f-11e5-8d45-d05099728dbf":{"boot":"on","ip4":"192.168.1.21","jid":"3","state":"up","tag":"www01","type":"basejail"},
                  "non":{"boot":"iocage","ip4":"","jid":"---","state":"jails","tag":"currently","type":"active"},
                  "/usr/jails/oldjail":{"boot":"192.168.1.99","ip4":"","jid":"7","state":"oldjail.example.org","tag":"","type":""}}}
                """).listJails().join();
        assertEquals(1, jails.size());
        assertEquals(JailState.UP, jails.get(0).state());
    }

    @Test
    void trimsTheLeadingSpacesOfThe2016Server() {
        assertEquals(Optional.of("tank"), answering("{\"activatepool\":{\"currently active\":{\"pool\":\" tank\"}}}")
                .currentPool().join());
    }

    @Test
    void anEmptyActivateReplyMeansThePoolIsNotKnown() {
        assertEquals(Optional.empty(), answering("{\"activatepool\":{}}").currentPool().join());
    }

    @Test
    void anErrorInsideANormalReplyIsAnActionFailureWithTheHostsMessage() {
        IocageClientException e = failure(answering("{\"destroyjail\":{\"error\":\"  ERROR: jail foo not found!\"}}")
                .destroyJail("foo"));
        assertEquals(IocageClientException.Kind.ACTION_FAILED, e.kind());
        assertEquals("ERROR: jail foo not found!", e.getMessage());
    }

    @Test
    void anErrorLineFromStartIsAnActionFailure() {
        IocageClientException e = failure(answering("{\"startjail\":{\"foo\":{\"ERROR\":\" foo not found\"}}}")
                .startJail("foo"));
        assertEquals(IocageClientException.Kind.ACTION_FAILED, e.kind());
    }

    @Test
    void anEmptyCleanReplyIsNotTakenAsSuccess() {
        assertEquals(IocageClientException.Kind.ACTION_FAILED,
                failure(answering("{\"cleanall\":{}}").cleanAll()).kind());
    }

    @Test
    void theErrorEnvelopeBecomesAProtocolErrorWithItsCode() {
        IocageClient client = new IocageClient(new ScriptedTransport(r -> new ErrorReply(r.id(), "401", "Unauthorized")));
        IocageClientException e = failure(client.listJails());
        assertEquals(IocageClientException.Kind.PROTOCOL_ERROR, e.kind());
        assertEquals("401", e.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"listjails\":\"not an object\"}",
        "{\"somethingelse\":{}}",
        "{\"listjails\":{\"x\":\"a string where a jail belongs\"}}",
        "{\"listjails\":{\"x\":{\"state\":[1,2]}}}",
        "[]",
        "\"text\"",
        "null"
    })
    void aListReplyOfTheWrongShapeIsAMalformedReplyNamingWhatWasWrong(String args) {
        IocageClientException e = failure(answering(args).listJails());
        assertEquals(IocageClientException.Kind.MALFORMED_REPLY, e.kind());
        assertTrue(e.getMessage().startsWith("unexpected reply: "), e.getMessage());
        assertFalse(e.getMessage().contains("NullPointer"));
    }

    @Test
    void aJailsUsageIsReadByJid() {
        Map<Integer, JailUsage> usage = answering("""
                {"jailusage":{"usage":[{"jid":"3","processes":"14","cpu":"112.5","memory":"123456789"},
                                       {"jid":"12","processes":"1","cpu":"0","memory":"0"}]}}""").jailUsage().join();
        assertEquals(new JailUsage(3, 14, 112.5, 123_456_789L), usage.get(3));
        assertEquals(new JailUsage(12, 1, 0.0, 0L), usage.get(12));
        assertEquals(2, usage.size());
    }

    /** A host's figures that are not numbers (or the host's own JID 0) are a malformed reply, not a zero in a cell. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"jid\":\"-\",\"processes\":\"1\",\"cpu\":\"0\",\"memory\":\"0\"}",
        "{\"jid\":\"0\",\"processes\":\"1\",\"cpu\":\"0\",\"memory\":\"0\"}",
        "{\"jid\":\"3\",\"processes\":\"-1\",\"cpu\":\"0\",\"memory\":\"0\"}",
        "{\"jid\":\"3\",\"processes\":\"1\",\"cpu\":\"NaN\",\"memory\":\"0\"}",
        "{\"jid\":\"3\",\"processes\":\"1\",\"cpu\":\"1e400\",\"memory\":\"0\"}",
        "{\"jid\":\"3\",\"processes\":\"1\",\"cpu\":\"0\",\"memory\":\"99999999999999999999\"}",
        "{\"jid\":\"3\",\"processes\":\"1\",\"cpu\":\"0\"}",
        "\"3\""
    })
    void aUsageRowThatIsNotFiguresIsAMalformedReply(String row) {
        assertMalformedAt(answering("{\"jailusage\":{\"usage\":[" + row + "]}}").jailUsage(), "jailusage.usage[0]");
    }

    @Test
    void theOtherJailsAreReadWithTheirAddresses() {
        List<OtherJail> others = answering("""
                {"listotherjails":{"jails":[
                  {"jid":"7","name":"www","hostname":"www.example.lan","path":"/usr/local/bastille/jails/www/root",
                   "ip4":"10.0.0.5,10.0.0.6","ip6":"fd00::5"},
                  {"jid":"902","name":"ns1","hostname":"","path":"/usr/local/jails/containers/ns1","ip4":"","ip6":""}]}}""")
                .listOtherJails().join();
        assertEquals(List.of(new OtherJail(7, "www", "www.example.lan", "/usr/local/bastille/jails/www/root",
                        List.of("10.0.0.5", "10.0.0.6"), List.of("fd00::5")),
                new OtherJail(902, "ns1", "", "/usr/local/jails/containers/ns1", List.of(), List.of())), others);
    }

    /** A row without a running jail's id, a name or a root is a malformed reply, never a row of blanks. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"jid\":\"-f\",\"name\":\"w\",\"path\":\"/j\"}",
        "{\"jid\":\"0\",\"name\":\"w\",\"path\":\"/j\"}",
        "{\"jid\":\"7\",\"name\":\"\",\"path\":\"/j\"}",
        "{\"jid\":\"7\",\"name\":\"w\",\"path\":\"j;rm\"}",
        "{\"jid\":\"7\",\"name\":\"w\"}",
        "{\"jid\":\"7\",\"name\":[\"w\"],\"path\":\"/j\"}",
        "\"7\""
    })
    void anOtherJailRowThatIsNotAJailIsAMalformedReply(String row) {
        assertMalformedAt(answering("{\"listotherjails\":{\"jails\":[" + row + "]}}").listOtherJails(), "listotherjails.jails[0]");
    }

    @Test
    void theHostsInterfacesAreReadWithWhatTheyAre() {
        List<HostInterface> all = answering("""
                {"listinterfaces":{"interfaces":[
                  {"name":"em0","kind":"ethernet","up":"true","ip4":"192.168.1.5/24,192.168.1.21/32","ip6":"fd00::5/64","members":""},
                  {"name":"bridge0","kind":"bridge","up":"true","ip4":"","ip6":"","members":"em0,vnet0.3"}]}}""")
                .listInterfaces().join();
        assertEquals(List.of(new HostInterface("em0", HostInterface.Kind.ETHERNET, true, List.of("192.168.1.5/24", "192.168.1.21/32"),
                        List.of("fd00::5/64"), List.of()),
                new HostInterface("bridge0", HostInterface.Kind.BRIDGE, true, List.of(), List.of(), List.of("em0", "vnet0.3"))), all);
    }

    /**
     * A name, member or address that is not one is a malformed reply: a chosen interface goes into a jail's properties,
     * so nothing the host sends is offered unchecked.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"name\":\"-f\",\"kind\":\"ethernet\",\"up\":\"true\",\"ip4\":\"\",\"ip6\":\"\",\"members\":\"\"}",
        "{\"name\":\"a;b\",\"kind\":\"ethernet\",\"up\":\"true\",\"ip4\":\"\",\"ip6\":\"\",\"members\":\"\"}",
        "{\"name\":\"em0\",\"kind\":\"wifi\",\"up\":\"true\",\"ip4\":\"\",\"ip6\":\"\",\"members\":\"\"}",
        "{\"name\":\"em0\",\"kind\":\"ethernet\",\"up\":\"yes\",\"ip4\":\"\",\"ip6\":\"\",\"members\":\"\"}",
        "{\"name\":\"em0\",\"kind\":\"ethernet\",\"up\":\"true\",\"ip4\":\"192.168.1.5\",\"ip6\":\"\",\"members\":\"\"}",
        "{\"name\":\"em0\",\"kind\":\"ethernet\",\"up\":\"true\",\"ip4\":\"$(x)/24\",\"ip6\":\"\",\"members\":\"\"}",
        "{\"name\":\"em0\",\"kind\":\"ethernet\",\"up\":\"true\",\"ip4\":\"\",\"ip6\":\"fd00::5\",\"members\":\"\"}",
        "{\"name\":\"em0\",\"kind\":\"ethernet\",\"up\":\"true\",\"ip4\":\"\",\"ip6\":\"em0|fd00::5/64\",\"members\":\"\"}",
        "{\"name\":\"bridge0\",\"kind\":\"bridge\",\"up\":\"true\",\"ip4\":\"\",\"ip6\":\"\",\"members\":\"em0,,x\"}",
        "{\"name\":\"bridge0\",\"kind\":\"bridge\",\"up\":\"true\",\"ip4\":\"\",\"ip6\":\"\",\"members\":\"em0\\nx\"}",
        "{\"kind\":\"ethernet\",\"up\":\"true\",\"ip4\":\"\",\"ip6\":\"\",\"members\":\"\"}",
        "{\"name\":[\"em0\"],\"kind\":\"ethernet\",\"up\":\"true\",\"ip4\":\"\",\"ip6\":\"\",\"members\":\"\"}",
        "\"em0\""
    })
    void anInterfaceRowThatIsNotOneIsAMalformedReply(String row) {
        assertMalformedAt(answering("{\"listinterfaces\":{\"interfaces\":[" + row + "]}}").listInterfaces(),
                "listinterfaces.interfaces[0]");
    }

    /** An audit entry without a time it can read, or with a field that is not text, is a malformed reply. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"time\":\"yesterday\",\"user\":\"admin\",\"action\":\"startjail\"}",
        "{\"user\":\"admin\",\"action\":\"startjail\"}",
        "{\"time\":\"2026-11-28T10:00:00Z\",\"user\":[\"admin\"]}",
        "\"2026-11-28T10:00:00Z admin startjail\""
    })
    void anAuditEntryThatIsNotOneIsAMalformedReply(String row) {
        assertMalformedAt(answering("{\"listaudit\":{\"entries\":[" + row + "]}}").listAudit(), "listaudit.entries[0]");
    }

    /** Where an audit log's older entries start is a number the server gave; anything else is a malformed reply. */
    @ParameterizedTest
    @ValueSource(strings = {"\"-1\"", "\"$(x)\"", "\"1e3\"", "12", "[\"5\"]", "\"1234567890123456789\""})
    void anAuditPagesOlderThatIsNoNumberIsAMalformedReply(String older) {
        assertMalformedAt(answering("{\"listaudit\":{\"entries\":[],\"older\":" + older + "}}").listAuditPage(""), "listaudit.older");
        assertEquals("1048576", answering("{\"listaudit\":{\"entries\":[],\"older\":\"1048576\"}}").listAuditPage("").join().older());
        assertEquals("", answering("{\"listaudit\":{\"entries\":[]}}").listAuditPage("").join().older());
        assertEquals("1048576-0a1b2c3d", answering("{\"listaudit\":{\"entries\":[],\"older\":\"1048576-0a1b2c3d\"}}")
                .listAuditPage("").join().older());
        assertTrue(answering("{\"listaudit\":{\"entries\":[],\"rotated\":\"true\"}}").listAuditPage("5-0a1b2c3d").join().rotated());
    }

    /** A log's mark that is not eight small hexadecimal digits, or a "rotated" that is not "true": malformed. */
    @ParameterizedTest
    @ValueSource(strings = {"\"older\":\"5-0A1B2C3D\"", "\"older\":\"5-$(x)\"", "\"older\":\"5-\"", "\"older\":\"5-0a1b2c3d4\"",
            "\"rotated\":\"yes\"", "\"rotated\":true", "\"rotated\":\"\"", "\"rotated\":[\"true\"]"})
    void anAuditPagesMarkOrRotationThatIsNotAsSentIsAMalformedReply(String field) {
        assertMalformedAt(answering("{\"listaudit\":{\"entries\":[]," + field + "}}").listAuditPage(""),
                field.startsWith("\"older") ? "listaudit.older" : "listaudit.rotated");
    }

    /** A protected jail's name the server sends is read strictly: one that is none is a malformed reply. */
    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"web 01\"", "\"a\\nb\"", "7", "null", "[\"mail\"]", "{\"jail\":\"mail\"}"})
    void aProtectedNameThatIsNoneIsAMalformedReply(String name) {
        assertMalformedAt(answering("{\"listprotected\":{\"jails\":[" + name + "]}}").listProtected(), "listprotected.jails[0]");
        assertMalformedAt(answering("{\"protectjail\":{\"jails\":[\"mail\"," + name + "]}}").setProtected("mail", true),
                "protectjail.jails[1]");
    }

    @Test
    void protectedNamesAreReadAndAListThatIsNoneIsAMalformedReply() {
        assertEquals(List.of("mail", "web_01"), answering("{\"listprotected\":{\"jails\":[\"mail\",\"web_01\"]}}")
                .listProtected().join());
        assertMalformedAt(answering("{\"listprotected\":{\"jails\":\"mail\"}}").listProtected(), "listprotected.jails");
        assertMalformedAt(answering("{\"listprotected\":{}}").listProtected(), "listprotected.jails");
        assertMalformedAt(answering("{\"listprotected\":{\"jails\":[\"" + "x".repeat(256) + "\"]}}").listProtected(),
                "listprotected.jails[0]");
    }

    @Test
    void theHostsImagesAreReadInTheirOrder() {
        List<HostImage> images = answering("""
                {"listimages":{"folder":"/tank/iocage/images","images":[
                  {"image":"mail_2026-11-27.zip","jail":"mail","size":"431298560","modified":"2026-11-27T21:30:12Z"},
                  {"image":"wiki_2024-09-22.tar.xz","jail":"wiki","size":"0","modified":"2024-09-22T08:00:00Z"}]}}""")
                .listImages().join();
        assertEquals(List.of(new HostImage("mail_2026-11-27.zip", 431_298_560L, java.time.Instant.parse("2026-11-27T21:30:12Z")),
                new HostImage("wiki_2024-09-22.tar.xz", 0, java.time.Instant.parse("2024-09-22T08:00:00Z"))), images);
        assertEquals("mail", images.get(0).jail());
    }

    @Test
    void theHostsPoolsAreReadWithUnknownSizesAsMinusOne() {
        List<HostPool> pools = answering("""
                {"listpools":{"pools":[{"name":"tank","size":"996432412672","free":"442000000000","health":"ONLINE","active":"true"},
                                       {"name":"zroot","size":"-","free":"-","health":"FAULTED","active":"false"}]}}""")
                .listPools().join();
        assertEquals(List.of(new HostPool("tank", 996_432_412_672L, 442_000_000_000L, "ONLINE", true),
                new HostPool("zroot", -1, -1, "FAULTED", false)), pools);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"name\":\"-f\",\"size\":\"1\",\"free\":\"1\",\"health\":\"ONLINE\",\"active\":\"true\"}",
        "{\"name\":\"tank\",\"size\":\"1G\",\"free\":\"1\",\"health\":\"ONLINE\",\"active\":\"true\"}",
        "{\"name\":\"tank\",\"size\":\"1\",\"free\":\"1\",\"health\":\"ok;rm\",\"active\":\"true\"}",
        "{\"name\":\"tank\",\"size\":\"1\",\"free\":\"1\",\"health\":\"ONLINE\",\"active\":\"yes\"}",
        "{\"name\":\"tank\",\"size\":\"1\",\"free\":\"1\",\"health\":\"ONLINE\"}",
        "\"tank\""
    })
    void aPoolRowThatIsNotAPoolIsAMalformedReply(String row) {
        assertMalformedAt(answering("{\"listpools\":{\"pools\":[" + row + "]}}").listPools(), "listpools.pools[0]");
    }

    /** An image row the import could not be given as it is (a name that is no image's, a size or time that is none). */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"image\":\"a;b_2026-11-27.zip\",\"size\":\"1\",\"modified\":\"2026-11-27T21:30:12Z\"}",
        "{\"image\":\"-f_2026-11-27.zip\",\"size\":\"1\",\"modified\":\"2026-11-27T21:30:12Z\"}",
        "{\"image\":\"mail_2026-11-27\",\"size\":\"1\",\"modified\":\"2026-11-27T21:30:12Z\"}",
        "{\"image\":\"mail_2026-11-27.zip\",\"size\":\"-1\",\"modified\":\"2026-11-27T21:30:12Z\"}",
        "{\"image\":\"mail_2026-11-27.zip\",\"size\":\"1\",\"modified\":\"yesterday\"}",
        "{\"image\":\"mail_2026-11-27.zip\",\"size\":\"1\"}",
        "\"mail_2026-11-27.zip\""
    })
    void anImageRowThatIsNotAnImageFileIsAMalformedReply(String row) {
        assertMalformedAt(answering("{\"listimages\":{\"images\":[" + row + "]}}").listImages(), "listimages.images[0]");
    }

    /** The message names where in the reply the wrong value sits, in both shapes and for templates. */
    @Test
    void aListingValueOfTheWrongKindIsNamedByItsPath() {
        assertEquals("unexpected reply: listjails.x.state should be a string but is an array",
                failure(answering("{\"listjails\":{\"x\":{\"state\":[1,2]}}}").listJails()).getMessage());
        assertEquals("unexpected reply: listjails.jails.3.tag should be a string but is an object",
                failure(answering("{\"listjails\":{\"jails\":{\"3\":{\"uuid\":\"db01\",\"tag\":{}}}}}").listJails()).getMessage());
        assertEquals("unexpected reply: listjails.jails.a\\u000ab has no uuid",
                failure(answering("{\"listjails\":{\"jails\":{\"a\\nb\":{\"tag\":\"x\"}}}}").listJails()).getMessage());
        assertEquals("unexpected reply: listtemplates.templates.t1.ip4 should be a string but is an object",
                failure(answering("{\"listtemplates\":{\"templates\":{\"t1\":{\"ip4\":{}}}}}").listTemplates()).getMessage());
    }

    /** A JID is one to nine ASCII digits; anything else (a stopped jail's "-", a sign, other digits) is none. */
    @ParameterizedTest
    @CsvSource(value = {"3,3", "0,0", "123456789,123456789", "-,", "'',", "1234567890,", "+1,", "1a,", "' 7',7", "\u0663,", "12.5,"},
            nullValues = "")
    void aJidIsReadOnlyWhenItIsANumber(String jid, Integer expected) {
        String row = "{\"listjails\":{\"web\":{\"jid\":\"" + jid + "\",\"state\":\"up\"}}}";
        Jail web = answering(row).listJails().join().get(0);
        assertEquals(expected == null ? OptionalInt.empty() : OptionalInt.of(expected), web.jid(), jid);
    }

    /**
     * A host that sends megabytes in a listing's value (a name, an address) is refused with a short message naming the
     * field: a table cell would lay all of it out on the FX thread. iocage's values are far under the limit.
     */
    @Test
    void aListingValueOfMegabytesIsAMalformedReplyWithAShortMessage() {
        String row = "{\"jid\":\"-\",\"state\":\"down\",\"tag\":\"%s\",\"ip4\":\"%s\"}";
        String big = "x".repeat(5_000_000);
        IocageClientException e = failure(answering("{\"listjails\":{\"web\":" + String.format(row, "web", big) + "}}").listJails());
        assertEquals(IocageClientException.Kind.MALFORMED_REPLY, e.kind());
        assertTrue(e.getMessage().startsWith("unexpected reply: listjails.web.ip4 is 5,000,000 characters long (xxx"), e.getMessage());
        assertTrue(e.getMessage().length() < 200, e.getMessage().length() + " characters");
        // Jackson itself refuses a name over 50,000 characters; one under that is ours to refuse.
        String bigKey = "k".repeat(40_000);
        e = failure(answering("{\"listjails\":{\"" + bigKey + "\":" + String.format(row, "web", "-") + "}}").listJails());
        assertTrue(e.getMessage().contains(" is 40,000 characters long"), e.getMessage().substring(0, 100));
        assertTrue(e.getMessage().length() < 200, e.getMessage().length() + " characters");
        String longest = "a".repeat(ReplyRecords.LISTED);
        List<Jail> jails = answering("{\"listjails\":{\"web\":" + String.format(row, longest, "-") + "}}").listJails().join();
        assertEquals(longest, jails.get(0).tag(), "a value at the limit is read");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"df\":{\"a\":{\"crt\":\"1.0x\"}}}",
        "{\"df\":{\"a\":{\"crt\":\"1.0x\",\"res\":\"none\",\"qta\":\"none\",\"use\":\"lots\",\"ava\":\"1G\"}}}",
        "{\"df\":[]}"
    })
    void aDfReplyOfTheWrongShapeNamesTheField(String args) {
        IocageClientException e = failure(answering(args).df());
        assertEquals(IocageClientException.Kind.MALFORMED_REPLY, e.kind());
        assertTrue(e.getMessage().contains("df"), e.getMessage());
    }

    @Test
    void aMountsReplyWithAnIndexThatIsNoNumberNamesTheRow() {
        IocageClientException e = failure(answering("{\"listmounts\":{\"jail\":\"a\",\"mounts\":[{\"index\":\"0\","
                + "\"source\":\"/x\",\"destination\":\"/y\",\"path\":\"/p/y\",\"type\":\"nullfs\",\"options\":\"ro\"},"
                + "{\"index\":\"-1\"}]}}").listMounts("a"));
        assertEquals(IocageClientException.Kind.MALFORMED_REPLY, e.kind());
        assertEquals("unexpected reply: listmounts.mounts[1].index should be a number but is '-1'", e.getMessage());
    }

    @Test
    void everyCallWithAWrongTypedReplyFailsTypedNeverWithAnNpe() {
        List<Function<IocageClient, CompletableFuture<?>>> calls = List.of(
                IocageClient::listJails, IocageClient::getDefaultSettings, c -> c.getJailSettings("a"),
                c -> c.getJailSetting("a", "vnet"), c -> c.getSettingOfAllJails("vnet"), IocageClient::df,
                c -> c.startJail("a"), c -> c.stopJail("a"), c -> c.capJail("a"), c -> c.cloneJail("a", ""),
                c -> c.createJail("tag=a", ""), c -> c.destroyJail("a"), c -> c.execJail("a", "root", "ls"),
                IocageClient::cleanAll, IocageClient::cleanJails, IocageClient::cleanReleases,
                IocageClient::cleanTemplates, c -> c.activatePool("tank"), IocageClient::currentPool,
                c -> c.deactivatePool("tank"), c -> c.listSnapshots("a"), c -> c.listMounts("a"), c -> c.exportJail("a"),
                c -> c.importJail("a_2026-11-27"), c -> c.addMount("a", "/x", "/y", true),
                c -> c.removeMount("a", new org.jaildesk.domain.JailMount(0, "/x", "/y", "/p/y", "nullfs", "ro")));
        for (String shape : List.of("{}", "{\"%s\":\"x\"}", "{\"%s\":{\"a\":7,\"defaults\":[],\"success\":{\"q\":[]}}}",
                "{\"%s\":{\"a\":[],\"success\":[],\"currently active\":\"x\",\"defaults\":\"x\"}}")) {
            for (Function<IocageClient, CompletableFuture<?>> call : calls) {
                IocageClient probe = new IocageClient(new ScriptedTransport(r -> {
                    try {
                        return new Response("sysadm", "response", r.id(), JSON.readTree(shape.formatted(r.action())));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
                CompletableFuture<?> f = call.apply(probe);
                try {
                    f.join();
                } catch (CompletionException e) {
                    IocageClientException typed = assertInstanceOf(IocageClientException.class, e.getCause(),
                            () -> "untyped failure for shape " + shape + ": " + e.getCause());
                    assertTrue(typed.kind() == IocageClientException.Kind.MALFORMED_REPLY
                            || typed.kind() == IocageClientException.Kind.ACTION_FAILED, typed::getMessage);
                }
            }
        }
    }

    /** A console log read strictly: its lines one each, the flags "true" only; anything else a malformed reply. */
    @Test
    void aConsoleLogIsReadStrictly() {
        org.jaildesk.domain.ConsoleLog log = answering("{\"consolelog\":{\"jail\":\"db01\",\"file\":\"/tank/iocage/log/ioc-db01-console.log\","
                + "\"lines\":[\"Starting cron.\",\"\\tx\"],\"cut\":\"true\"}}").consoleLog("db01").join();
        assertEquals(List.of("Starting cron.", "\tx"), log.lines());
        assertTrue(log.cut());
        assertEquals("/tank/iocage/log/ioc-db01-console.log", log.file());
        assertFalse(answering("{\"consolelog\":{\"jail\":\"db01\",\"file\":\"f\",\"lines\":[],\"none\":\"true\"}}")
                .consoleLog("db01").join().cut());
        for (String bad : List.of("\"lines\":[\"a\\nb\"]", "\"lines\":[7]", "\"lines\":\"x\"", "\"lines\":[[\"x\"]]",
                "\"lines\":[],\"cut\":true", "\"lines\":[],\"none\":\"yes\"")) {
            IocageClientException e = failure(answering("{\"consolelog\":{\"jail\":\"db01\",\"file\":\"f\"," + bad + "}}")
                    .consoleLog("db01"));
            assertEquals(IocageClientException.Kind.MALFORMED_REPLY, e.kind(), bad);
            assertTrue(e.getMessage().contains("consolelog."), e.getMessage());
        }
        StringBuilder many = new StringBuilder("{\"consolelog\":{\"jail\":\"db01\",\"file\":\"f\",\"lines\":[");
        for (int i = 0; i <= 200_000; i++) {
            many.append(i == 0 ? "" : ",").append("\"x\"");
        }
        assertEquals(IocageClientException.Kind.MALFORMED_REPLY,
                failure(answering(many.append("]}}").toString()).consoleLog("db01")).kind(), "more lines than any log's end holds");
    }

    /** list_ssl_certs as the sysadm server words it; anything but an object of objects of text is malformed. */
    @Test
    void loginKeysAreReadFromTheirDetailsTextAndAnythingElseIsMalformed() throws Exception {
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        java.security.PublicKey k = g.generateKeyPair().getPublic();
        String pub = org.jaildesk.protocol.KeyLogin.pubKey(k);
        java.util.List<org.jaildesk.domain.LoginKey> keys = ExtensionReplies.loginKeys(JSON.readTree("{\"admin\":{\"" + pub
                + "\":\"Nickname: laptop\\nEmail: a@example.org\\nDate Registered: 2026-11-29T10:00:00Z\",\"AAAA\":\"Nickname: old\"}}"));
        assertEquals(new org.jaildesk.domain.LoginKey("admin", pub, "laptop", "a@example.org", "2026-11-29T10:00:00Z",
                org.jaildesk.protocol.KeyLogin.fingerprint(k)), keys.get(0));
        assertEquals(new org.jaildesk.domain.LoginKey("admin", "AAAA", "old", "", "", ""), keys.get(1), "a key JailDesk cannot read");
        for (String bad : java.util.List.of("[]", "{\"admin\":[]}", "{\"admin\":{\"AAAA\":5}}", "\"x\"")) {
            IocageClientException e = org.junit.jupiter.api.Assertions.assertThrows(IocageClientException.class,
                    () -> ExtensionReplies.loginKeys(JSON.readTree(bad)), bad);
            assertEquals(IocageClientException.Kind.MALFORMED_REPLY, e.kind(), bad);
        }
    }
}
