package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;

/** Legacy iocage has no NAT: its properties are refused before iocage runs, whichever action carries them. */
class LegacyNatTest {

    private static final String SAYS = "is not supported by iocage ";

    @Test
    void createCloneAndSetWithNatRunNothingOnLegacyIocage() {
        SimulatedIocage sim = new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.LEGACY));
        try (HostHarness h = new HostHarness(sim)) {
            long jails = h.body("listjails").size();
            long before = sim.commandCount();
            for (List<String> request : List.of(
                    List.of("createjail", "props", "tag=gate release=14.1-RELEASE vnet=on nat=on"),
                    List.of("createjail", "props", "tag=gate release=14.1-RELEASE nat_forwards=tcp(80)"),
                    List.of("clonejail", "jail", "mail", "props", "tag=mail2 vnet=off nat=off ip4_addr=em0|192.168.1.88/24"),
                    List.of("setjailsettings", "jail", "mail", "props", "nat=1"),
                    List.of("setjailsettings", "jail", "default", "props", "nat_interface=em0"))) {
                String error = h.body(request.get(0), request.subList(1, request.size()).toArray(String[]::new))
                        .get("error").asText();
                assertTrue(error.startsWith("nat") && error.contains(SAYS), request + ": " + error);
            }
            assertEquals(before, sim.commandCount(), "iocage was not run");
            assertEquals(jails, h.body("listjails").size());
        }
    }

    @Test
    void pythonIocageTakesThem() {
        SimulatedIocage sim = new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON));
        try (HostHarness h = new HostHarness(sim)) {
            assertTrue(h.body("createjail", "props", "tag=gate release=14.1-RELEASE vnet=on nat=on").has("success"));
        }
    }
}
