package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jaildesk.host.parse.IfconfigOutputTest;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code listinterfaces} extension: one {@code ifconfig -a}, in its default format, for a jail's network. */
class InterfacesTest {

    @TempDir
    Path dir;

    private HostHarness over(Path ifconfig, ProcessRunner.Privilege privilege) {
        return HostHarness.overTool(dir, Tool.IFCONFIG, ifconfig, privilege);
    }

    @Test
    void theHostsIfconfigIsRunOnceWithoutPrivilegeAndEachInterfaceAnswered() throws Exception {
        Path ifconfig = FakeTool.write(dir, "ifconfig", IfconfigOutputTest.HOST, null, 0);
        List<ExecutedCommand> ran = new ArrayList<>();
        try (HostHarness h = over(ifconfig, ProcessRunner.Privilege.SUDO)) {
            h.host.onCommand(ran::add);
            JsonNode all = h.body("listinterfaces").get("interfaces");
            assertEquals(7, all.size(), all.toString());
            JsonNode em0 = all.get(0);
            assertEquals("em0", em0.get("name").asText());
            assertEquals("ethernet", em0.get("kind").asText());
            assertEquals("true", em0.get("up").asText());
            assertEquals("192.168.1.5/24,192.168.1.21/32", em0.get("ip4").asText());
            assertEquals("2001:db8::5/64", em0.get("ip6").asText());
            assertEquals("", em0.get("members").asText());
            JsonNode bridge = all.get(3);
            assertEquals("bridge", bridge.get("kind").asText());
            assertEquals("vnet0.3,em0", bridge.get("members").asText());
            assertEquals("epair", all.get(4).get("kind").asText());
            assertEquals("loopback", all.get(2).get("kind").asText());
            assertEquals("false", all.get(1).get("up").asText());
        }
        assertEquals(List.of("LC_ALL=C", "-a"), FakeTool.noted(dir, "ifconfig"));
        assertEquals(1, ran.size());
        assertEquals(List.of("ifconfig", "-a"), ran.get(0).commandLine(), "the protocol log shows what ran");
    }

    /** ifconfig takes another format from IFCONFIG_FORMAT; the server's own is not handed on, so the default is read. */
    @Test
    void theFormatOfTheServersEnvironmentIsNotHandedOn() {
        java.util.Map<String, String> env = new java.util.HashMap<>(java.util.Map.of("IFCONFIG_FORMAT", "inet:cidr",
                "LC_ALL", "de_DE.UTF-8", "PATH", "/bin"));
        ProcessRunner.toolEnvironment(env);
        assertEquals(java.util.Map.of("LC_ALL", "C", "PATH", "/bin"), env);
    }

    @Test
    void aFailingIfconfigIsAnErrorWithWhatItSaid() throws Exception {
        try (HostHarness h = over(FakeTool.write(dir, "ifconfig", "", "ifconfig: illegal option -- a", 1), ProcessRunner.Privilege.NONE)) {
            assertEquals("ifconfig failed (exit 1): ifconfig: illegal option -- a", h.body("listinterfaces").get("error").asText());
        }
    }

    /** Output it cannot read is an error naming the line, never a short list that would leave an interface out. */
    @Test
    void outputThatIsNotIfconfigsIsAnError() throws Exception {
        Path ifconfig = FakeTool.write(dir, "ifconfig", IfconfigOutputTest.HOST + "em1 is here\n", null, 0);
        try (HostHarness h = over(ifconfig, ProcessRunner.Privilege.NONE)) {
            String error = h.body("listinterfaces").get("error").asText();
            assertTrue(error.equals("ifconfig printed output JailDesk cannot read: line 38 is not an interface's first line: em1 is here"), error);
        }
    }

    @Test
    void tenMegabytesOfOutputAreRefusedShort() throws Exception {
        Path ifconfig = FakeTool.write(dir, "ifconfig", "", null, 0);
        Files.writeString(ifconfig, "#!/bin/sh\nhead -c 10000000 /dev/zero | tr '\\0' x\nexit 0\n");
        try (HostHarness h = over(ifconfig, ProcessRunner.Privilege.NONE)) {
            String error = h.body("listinterfaces").get("error").asText();
            assertTrue(error.length() < 500, error.length() + " characters");
        }
    }

    @Test
    void extraArgumentsRunNothingElse() throws Exception {
        Path ifconfig = FakeTool.write(dir, "ifconfig", IfconfigOutputTest.HOST, null, 0);
        try (HostHarness h = over(ifconfig, ProcessRunner.Privilege.NONE)) {
            assertEquals(7, h.body("listinterfaces", "jail", "$(x);-f").get("interfaces").size());
        }
        assertEquals(List.of("LC_ALL=C", "-a"), FakeTool.noted(dir, "ifconfig"));
    }

    /**
     * The demo host has its card with its running jails' shared addresses on it, a card that is down, and bridge0 with
     * the card and the epair of its running VNET jail; ifconfig is not iocage.
     */
    @Test
    void theDemoHostHasItsCardItsBridgeAndItsVnetJailsEpair() {
        SimulatedIocage sim = new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON));
        try (HostHarness h = new HostHarness(sim)) {
            long before = sim.commandCount();
            JsonNode all = h.body("listinterfaces").get("interfaces");
            assertEquals(before, sim.commandCount(), "ifconfig is not counted as iocage");
            List<String> names = new ArrayList<>();
            all.forEach(i -> names.add(i.get("name").asText() + " " + i.get("kind").asText()));
            assertTrue(names.containsAll(List.of("em0 ethernet", "igb1 ethernet", "lo0 loopback", "bridge0 bridge")), names.toString());
            JsonNode em0 = all.get(0);
            assertTrue(em0.get("ip4").asText().startsWith("192.168.1.5/24,"), em0.toString());
            assertTrue(em0.get("ip4").asText().contains("192.168.1.21/24"), "db01 runs with its address on em0: " + em0);
            assertTrue(!em0.get("ip4").asText().contains("192.168.1.22"), "mail is stopped: " + em0);
            JsonNode bridge = all.get(3);
            assertTrue(bridge.get("members").asText().startsWith("em0,vnet0."), bridge.toString());
            String epair = bridge.get("members").asText().split(",")[1];
            assertTrue(names.contains(epair + " epair"), names.toString());
        }
    }

    /**
     * As Python iocage does at the start of a jail behind the host's NAT, the demo host gives it a /30 of 172.16 no other
     * running jail has (.2 its address, .1 its router on the host's end of its epair), which ifconfig then shows.
     */
    @Test
    void aDemoJailBehindTheNatGetsItsAddressAtItsStart() {
        SimulatedIocage sim = new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON));
        try (HostHarness h = new HostHarness(sim)) {
            for (String name : List.of("gate1", "gate2")) {
                h.body("createjail", "props", "tag=" + name + " release=14.1-RELEASE vnet=on nat=on bpf=off ip4_addr=none");
                h.body("startjail", "jail", name);
            }
            assertEquals("vnet0|172.16.0.2/30", h.body("getjailsettings", "jail", "gate1", "prop", "ip4_addr").get("gate1").get("ip4_addr").asText());
            assertEquals("172.16.0.1", h.body("getjailsettings", "jail", "gate1", "prop", "defaultrouter").get("gate1").get("defaultrouter").asText());
            assertEquals("vnet0|172.16.0.6/30", h.body("getjailsettings", "jail", "gate2", "prop", "ip4_addr").get("gate2").get("ip4_addr").asText());
            List<String> nat = new ArrayList<>();
            List<String> natNames = new ArrayList<>();
            h.body("listinterfaces").get("interfaces").forEach(i -> {
                if (i.get("ip4").asText().startsWith("172.16.")) {
                    nat.add(i.get("kind").asText() + " " + i.get("ip4").asText());
                    natNames.add(i.get("name").asText());
                }
            });
            assertEquals(List.of("epair 172.16.0.1/30", "epair 172.16.0.5/30"), nat);
            JsonNode bridge = h.body("listinterfaces").get("interfaces").get(3);
            assertEquals("bridge0", bridge.get("name").asText());
            List<String> members = List.of(bridge.get("members").asText().split(","));
            assertTrue(natNames.stream().noneMatch(members::contains), "on no bridge: " + bridge + " " + natNames);
        }
    }

    @Test
    void theLegacyDemoHostToo() {
        SimulatedIocage sim = new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.LEGACY));
        try (HostHarness h = new HostHarness(sim)) {
            assertEquals("em0", h.body("listinterfaces").get("interfaces").get(0).get("name").asText());
        }
    }
}
