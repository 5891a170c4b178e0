package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.jaildesk.host.parse.ListedJail;
import org.jaildesk.host.parse.PythonOutput;
import org.junit.jupiter.api.Test;

class ListingReplyTest {

    /** The shared names, rows and nodes give the same JSON as a plain tree, field for field, in the listing's order. */
    @Test
    void theReplyIsThePlainTreeOfTheRows() throws Exception {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            out.append(i % 4 == 0 ? String.valueOf(i + 1) : "-").append("\tj").append(i).append(i % 5 == 0 ? "\ton" : "\toff")
                    .append(i % 4 == 0 ? "\tup" : "\tdown").append("\tjail\t1").append(i % 3).append(".2-RELEASE\t")
                    .append(i % 2 == 0 ? "em0|10.0.0." + i + "/24" : "-").append("\t-\t-\t").append(i % 7 == 0 ? "yes" : "no").append('\n');
        }
        List<ListedJail> jails = PythonOutput.list(out.toString());
        ObjectNode reply = ListingReply.of(jails);

        ObjectNode plain = JsonNodeFactory.instance.objectNode();
        for (ListedJail j : jails) {
            ObjectNode row = plain.putObject(j.id());
            row.put("boot", j.boot()).put("ip4", j.ip4()).put("jid", j.jid()).put("state", j.state()).put("tag", j.tag())
                    .put("type", j.type()).put("release", j.release()).put("ip6", j.ip6()).put("template", j.template());
        }
        assertEquals(plain, reply);
        assertEquals(plain.toString(), reply.toString(), "same order of jails and of fields");

        List<JsonNode> byRelease = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byRelease.add(reply.get("j" + i).get("release"));
        }
        for (int i = 3; i < 60; i++) {
            assertSame(byRelease.get(i % 3), reply.get("j" + i).get("release"), "one node per release, row " + i);
        }
        // The values rows repeat are one node each, whichever field holds them.
        for (String field : List.of("boot", "state", "type", "ip6", "template")) {
            for (int i = 4; i < 60; i++) {
                JsonNode same = reply.get("j" + (i % 4)).get(field);
                if (same.equals(reply.get("j" + i).get(field))) {
                    assertSame(same, reply.get("j" + i).get(field), field + ", row " + i);
                }
            }
        }
        assertSame(reply.get("j1").get("jid"), reply.get("j3").get("ip4"), "one \"-\" for every field");
    }
    /** A runner that streams {@code stdout} to the listing as iocage would, then reports {@code exit} and {@code stderr}. */
    private static CommandRunner streaming(String stdout, int exit, String stderr) {
        return spec -> {
            if (spec.args().contains("--version")) {
                return CommandResult.ok("Version\t1.13\n");
            }
            byte[] bytes = stdout.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            spec.output().accept(bytes, 0, bytes.length);
            spec.output().end();
            return CommandResult.of(exit, stdout, stderr);
        };
    }

    /**
     * The reply is built as soon as the rows are read, before iocage's exit is known: it is used only if iocage then
     * succeeded, and it is the same reply the rows give when built afterwards.
     */
    @Test
    void aReplyBuiltBeforeTheExitIsUsedOnlyIfIocageSucceeded() throws Exception {
        String rows = "1\tdb01\ton\tup\tjail\t13.2-RELEASE-p4\tem0|10.0.0.1/24\t-\t-\tno\n"
                + "-\tmail\toff\tdown\tjail\t14.1-RELEASE\t-\t-\t-\tyes\n";
        try (HostHarness ok = new HostHarness(streaming(rows, 0, ""));
             HostHarness failed = new HostHarness(streaming(rows, 1, "ZFS pool is busy"));
             HostHarness crashed = new HostHarness(streaming(rows, 1, "Traceback (most recent call last):\nKeyError: 'x'\n"))) {
            assertEquals(ListingReply.of(PythonOutput.list(rows)), ok.body("listjails"));
            assertEquals("ZFS pool is busy", failed.body("listjails").path("error").asText());
            assertTrue(crashed.body("listjails").path("error").asText().startsWith("iocage crashed"),
                    crashed.body("listjails").toString());
            assertEquals(ListingReply.of(PythonOutput.list(rows)), ok.body("listtemplates").get("templates"));
        }
    }
}
