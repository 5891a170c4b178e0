package org.jaildesk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jaildesk.domain.DiskUsage;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailSettings;
import org.jaildesk.domain.JailState;
import org.jaildesk.domain.Size;
import org.jaildesk.protocol.Protocol;
import org.jaildesk.protocol.Response;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every JSON block of the sysadm iocage API page (extracted to {@code src/test/resources/seed} by
 * {@code scripts/extract-seed-blocks.py}): the client must build each documented request exactly, and read each
 * documented response into the records the page describes.
 */
class SeedConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One documented example: the call that makes it and what its response must parse into. */
    private record Example(String action, Function<IocageClient, CompletableFuture<?>> call, Consumer<Object> check) {
    }

    @SuppressWarnings("unchecked")
    private static <T> Consumer<Object> expect(Consumer<T> c) {
        return o -> c.accept((T) o);
    }

    /** Keyed by the number of the first request block of each example on the page. */
    private static final Map<Integer, Example> EXAMPLES = new TreeMap<>(Map.ofEntries(
            Map.entry(1, new Example("getdefaultsettings", IocageClient::getDefaultSettings, expect((JailSettings s) -> {
                assertEquals("2016-01-29@14:19:49", s.get("tag"), "colons in values are kept");
                assertEquals("8G:log", s.get("memoryuse"));
                assertEquals("426G", s.get("available"));
                assertEquals(109, s.values().size());
            }))),
            Map.entry(5, new Example("listjails", IocageClient::listJails, expect((List<Jail> jails) -> {
                assertEquals(1, jails.size());
                Jail j = jails.get(0);
                assertEquals("611c89ae-c43c-11e5-9602-54ee75595566", j.id());
                assertEquals("testjail", j.tag());
                assertEquals(JailState.DOWN, j.state());
                assertFalse(j.jid().isPresent());
                assertFalse(j.boot());
                assertEquals("basejail", j.type());
                assertEquals("", j.ip4(), "'-' means no address");
            }))),
            Map.entry(9, new Example("getjailsettings", c -> c.getJailSetting("test", "vnet"),
                    expect((String v) -> assertEquals("off", v)))),
            Map.entry(12, new Example("getjailsettings", c -> c.getSettingOfAllJails("vnet"),
                    expect((List<PropertyRow> rows) -> {
                        assertEquals(2, rows.size());
                        assertTrue(rows.contains(new PropertyRow("b67065a9-cfb9-11e5-8209-d05099728dbf",
                                "2016-02-09@23:47:04", "off")));
                    }))),
            Map.entry(15, new Example("getjailsettings", c -> c.getAllJailSettings("test"), expect((JailSettings s) -> {
                assertEquals("test", s.jail());
                assertEquals("10.2-RELEASE", s.get("release"));
                assertEquals("1.76M", s.get("used"));
                assertEquals("https", s.get("gitlocation"), "the 2016 server's cut value is read as sent");
            }))),
            Map.entry(18, new Example("df", IocageClient::df, expect((List<DiskUsage> rows) -> {
                assertEquals(2, rows.size());
                DiskUsage d = rows.stream().filter(r -> r.tag().equals("test")).findFirst().orElseThrow();
                assertEquals("f250ab25-d062-11e5-8209-d05099728dbf", d.id());
                assertEquals(Size.Kind.RATIO, d.compressRatio().kind());
                assertEquals(2.30, d.compressRatio().amount(), 1e-9);
                assertTrue(d.quota().isNone());
                assertEquals(Size.parse("83.4G"), d.available());
                assertTrue(d.used().bytes() > 1_700_000 && d.used().bytes() < 1_800_000);
            }))),
            Map.entry(21, new Example("startjail", c -> c.startJail("test"), expect((JobOutput out) -> {
                assertEquals("test", out.jail());
                // The page's REST example shows the steps; its WebSocket example shows "already up".
                if (out.alreadyInState()) {
                    assertTrue(out.lines().get(0).contains("is already up"));
                } else {
                    assertEquals(3, out.lines().size());
                    assertTrue(out.lines().contains("+ Started (shared IP mode) OK"));
                }
            }))),
            Map.entry(25, new Example("stopjail", c -> c.stopJail("test"), expect((JobOutput out) -> {
                if (out.alreadyInState()) {
                    assertTrue(out.lines().get(0).contains("is already down"));
                } else {
                    assertEquals(5, out.lines().size());
                }
            }))),
            Map.entry(29, new Example("capjail", c -> c.capJail("test"),
                    expect((String s) -> assertEquals("jail test capped.", s)))),
            Map.entry(32, new Example("clonejail", c -> c.cloneJail("test", "tag=newtest"),
                    expect((CreatedJail j) -> assertEquals(
                            new CreatedJail("5e1fe97e-cfba-11e5-8209-d05099728dbf", "newtest"), j)))),
            Map.entry(35, new Example("clonejail", c -> c.cloneJail("test", ""),
                    expect((CreatedJail j) -> assertEquals(
                            new CreatedJail("89e78032-cfba-11e5-8209-d05099728dbf", "2016-02-09@23"), j)))),
            Map.entry(38, new Example("createjail", c -> c.createJail("tag=test release=10.2-RELEASE", ""),
                    expect((CreatedJail j) -> assertEquals(
                            new CreatedJail("3030c554-d05e-11e5-8209-d05099728dbf", "test"), j)))),
            Map.entry(41, new Example("createjail", c -> c.createJail("tag=emptytest", "-e"),
                    expect((CreatedJail j) -> assertEquals("1325b8bc-d05e-11e5-8209-d05099728dbf", j.id())))),
            Map.entry(44, new Example("destroyjail", c -> c.destroyJail("test"),
                    expect((String id) -> assertEquals("3030c554-d05e-11e5-8209-d05099728dbf", id)))),
            Map.entry(47, new Example("execjail", c -> c.execJail("test", "root", "echo hi"),
                    expect((JobOutput out) -> assertEquals(List.of("hi"), out.lines())))),
            Map.entry(50, new Example("cleanjails", IocageClient::cleanJails,
                    expect((String s) -> assertEquals("All jails have been cleaned.", s)))),
            Map.entry(53, new Example("cleanreleases", IocageClient::cleanReleases,
                    expect((String s) -> assertEquals("All RELEASEs have been cleaned.", s)))),
            Map.entry(56, new Example("cleantemplates", IocageClient::cleanTemplates,
                    expect((String s) -> assertEquals("All templates have been cleaned.", s)))),
            Map.entry(59, new Example("cleanall", IocageClient::cleanAll,
                    expect((String s) -> assertEquals("All iocage datasets have been cleaned.", s)))),
            Map.entry(62, new Example("activatepool", c -> c.activatePool("tank"),
                    expect((String s) -> assertEquals("pool tank activated.", s)))),
            Map.entry(66, new Example("activatepool", IocageClient::currentPool,
                    expect((Optional<String> p) -> assertEquals(Optional.of("tank"), p)))),
            Map.entry(70, new Example("deactivatepool", c -> c.deactivatePool("tank"),
                    expect((String s) -> assertEquals("pool tank deactivated.", s))))));

    private record Block(int number, String action, String kind, JsonNode json) {
        boolean isRequest() {
            return kind.endsWith("request");
        }
    }

    private static List<Block> blocks() {
        try {
            Path dir = Paths.get(SeedConformanceTest.class.getResource("/seed").toURI());
            List<Block> out = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.sorted().toList()) {
                    String name = p.getFileName().toString().replace(".json", "");
                    String[] parts = name.split("-", 3);
                    try (InputStream in = Files.newInputStream(p)) {
                        out.add(new Block(Integer.parseInt(parts[0]), parts[1], parts[2], JSON.readTree(in)));
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The example a block belongs to: the one with the greatest first number not after it. */
    private static Example exampleOf(Block b) {
        Map.Entry<Integer, Example> e = ((TreeMap<Integer, Example>) EXAMPLES).floorEntry(b.number());
        assertEquals(b.action(), e.getValue().action(), "block " + b.number() + " is mapped to the wrong example");
        return e.getValue();
    }

    @Test
    void everyActionOfThePageHasAnExample() {
        assertEquals(Protocol.SEED_ACTIONS.stream().sorted().toList(),
                blocks().stream().map(Block::action).distinct().sorted().toList());
        assertEquals(73, blocks().size());
    }

    @TestFactory
    Stream<DynamicTest> clientBuildsEveryDocumentedRequest() {
        return blocks().stream().filter(Block::isRequest).map(b -> DynamicTest.dynamicTest(
                b.number() + " " + b.action() + " " + b.kind(), () -> {
                    ScriptedTransport t = new ScriptedTransport(r -> new Response("sysadm", "response", r.id(),
                            JSON.createObjectNode()));
                    exampleOf(b).call().apply(new IocageClient(t));
                    assertEquals(1, t.sent.size());
                    JsonNode expected = b.kind().equals("ws-request") ? b.json().get("args") : b.json();
                    assertEquals(expected, t.sent.get(0).args());
                    assertEquals("sysadm", t.sent.get(0).namespace());
                    assertEquals("iocage", t.sent.get(0).name());
                }));
    }

    @TestFactory
    Stream<DynamicTest> clientReadsEveryDocumentedResponse() {
        return blocks().stream().filter(b -> !b.isRequest()).map(b -> DynamicTest.dynamicTest(
                b.number() + " " + b.action() + " " + b.kind(), () -> {
                    Example ex = exampleOf(b);
                    // A REST response body carries only args; the WebSocket one is a whole envelope.
                    ScriptedTransport t = new ScriptedTransport(r -> new Response("sysadm", "response", r.id(),
                            b.json().get("args")));
                    Object result = ex.call().apply(new IocageClient(t)).join();
                    ex.check().accept(result);
                }));
    }
}
