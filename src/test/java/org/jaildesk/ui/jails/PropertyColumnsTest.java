package org.jaildesk.ui.jails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jaildesk.client.InProcessTransport;
import org.jaildesk.client.IocageClient;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailState;
import org.jaildesk.host.HostOptions;
import org.jaildesk.host.IocageHost;
import org.jaildesk.protocol.ErrorCode;
import org.jaildesk.protocol.ErrorReply;
import org.jaildesk.protocol.Request;
import org.jaildesk.sim.SimulatedIocage;
import org.jaildesk.ui.common.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which properties the table can show as columns, their values for every jail, and what a failed read leaves. */
class PropertyColumnsTest {

    private final Messages msg = new Messages(Locale.ENGLISH);
    private final IocageHost host = new IocageHost(new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON)),
            HostOptions.defaults());
    private final List<Request> sent = new ArrayList<>();
    private final PropertyColumns columns = new PropertyColumns(new IocageClient(r -> {
        sent.add(r);
        return new InProcessTransport(host).send(r);
    }), Runnable::run, msg);

    @AfterEach
    void close() {
        host.close();
    }

    private static Jail jail(String id) {
        return new Jail(id, id, null, JailState.DOWN, false, "jail", "13.2-RELEASE", "-", "-", "-");
    }

    @Test
    void aPropertyIsReadForEveryJailInOneRequest() {
        columns.add("priority").join();
        assertEquals(List.of("priority"), columns.shown());
        assertEquals("1", columns.value("priority", jail("dns")));
        assertEquals("20", columns.value("priority", jail("web01")));
        assertEquals("", columns.value("priority", jail("gone")), "a jail the read did not list");
        assertEquals(1, sent.size());
        assertEquals("-r", sent.get(0).args().path("switches").asText());
        columns.readAll().join();
        assertEquals(2, sent.size(), "one request a property and refresh, whatever the number of jails");
        columns.remove("priority");
        assertEquals("", columns.value("priority", jail("dns")));
        columns.readAll().join();
        assertEquals(2, sent.size(), "nothing read for no columns");
    }

    @Test
    void onlyKnownPropertiesOnceEachAndNotTooMany() {
        assertEquals(Optional.of("Choose a property."), columns.whyNot(" "));
        for (String bad : List.of("a;b", "-f", "$(x)", "prio\nrity", "x".repeat(10_000_000))) {
            assertTrue(columns.whyNot(bad).orElse("").endsWith("is not an iocage property JailDesk knows."),
                    bad.length() > 40 ? "10 MB" : bad);
            columns.add(bad).join();
        }
        assertEquals(List.of(), columns.shown());
        assertEquals(List.of(), sent, "nothing asked of the host for a name it would refuse");
        columns.add("boot").join();
        assertEquals(Optional.of("The table shows boot already."), columns.whyNot("boot"));
        columns.setAll(List.of("boot", "vnet", "boot", "nonsense", "priority"));
        assertEquals(List.of("boot", "vnet", "priority"), columns.shown(), "a saved layout's unknown names and repeats left out");
        List<String> many = new ArrayList<>(List.of("boot", "vnet", "priority", "notes", "ip4_addr", "ip6_addr", "defaultrouter",
                "allow_raw_sockets", "allow_mount", "children_max", "host_hostname", "memoryuse", "quota"));
        columns.setAll(many);
        assertEquals(PropertyColumns.MOST, columns.shown().size());
        assertEquals(Optional.of("The table shows 12 property columns, the most it shows: remove one first."),
                columns.whyNot("exec_start"));
    }

    @Test
    void aFailedReadShowsNoValuesAndSaysWhy() {
        PropertyColumns failing = new PropertyColumns(new IocageClient(r -> CompletableFuture.completedFuture(
                ErrorReply.of(r.id(), ErrorCode.INTERNAL, "zfs: pool tank is suspended\n" + "x".repeat(10_000)))), Runnable::run, msg);
        failing.add("priority").join();
        assertEquals("", failing.value("priority", jail("dns")));
        String why = failing.problem("priority");
        assertTrue(why.startsWith("The values of priority could not be read: ") && why.contains("zfs: pool tank is suspended"), why);
        assertTrue(why.length() < 1_000 && !why.contains("\n"), "one short line: " + why.length());
    }
}
