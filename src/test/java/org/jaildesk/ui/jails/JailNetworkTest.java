package org.jaildesk.ui.jails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jaildesk.domain.HostInterface;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.jails.JailNetwork.Mode;
import org.junit.jupiter.api.Test;

/** The create dialog's network choice: the properties it makes, and what it refuses before anything runs. */
class JailNetworkTest {

    private final Messages msg = new Messages(Locale.ENGLISH);

    private Optional<String> problem(Mode mode, String iface, String address, String router, String typed) {
        return new JailNetwork(mode, iface, address, router).problem(typed, msg);
    }

    private String problem(Mode mode, String iface, String address, String router) {
        return problem(mode, iface, address, router, "").orElse("");
    }

    /** Each of {@code bad}, where {@code at} puts it, is refused with a problem that says {@code says}. */
    private static void refused(List<String> bad, java.util.function.Function<String, String> at, String says) {
        for (String b : bad) {
            String p = at.apply(b);
            assertTrue(p.contains(says), (b.length() > 40 ? b.length() + " characters" : b) + ": " + p);
        }
    }

    @Test
    void eachChoiceBecomesThePropertiesIocageTakes() {
        assertEquals(List.of(), JailNetwork.unset().props());
        assertEquals(List.of("vnet=off", "ip4_addr=em0|192.168.1.50/24"),
                new JailNetwork(Mode.SHARED, " em0 ", "192.168.1.50/24 ", "ignored").props());
        assertEquals(List.of("vnet=off", "ip4_addr=lagg0.100|10.0.0.5"), new JailNetwork(Mode.SHARED, "lagg0.100", "10.0.0.5", "").props());
        assertEquals(List.of("vnet=on", "dhcp=on", "bpf=on", "ip4_addr=none"), new JailNetwork(Mode.VNET_DHCP, "em0", "1.2.3.4", "").props());
        assertEquals(List.of("vnet=on", "ip4_addr=vnet0|192.168.1.60/24", "defaultrouter=192.168.1.1"),
                new JailNetwork(Mode.VNET_FIXED, "", "192.168.1.60/24", "192.168.1.1").props());
        // No router given: iocage's own (defaultrouter=auto), so none is set.
        assertEquals(List.of("vnet=on", "ip4_addr=vnet0|192.168.1.60/24"),
                new JailNetwork(Mode.VNET_FIXED, "", "192.168.1.60/24", " ").props());
        // Another bridge than iocage's bridge0: the jail's epair goes on it.
        assertEquals(List.of("vnet=on", "interfaces=vnet0:bridge1", "ip4_addr=vnet0|10.1.0.5/24"),
                new JailNetwork(Mode.VNET_FIXED, "", "10.1.0.5/24", "", " bridge1 ").props());
        assertEquals(List.of("vnet=on", "interfaces=vnet0:bridge7", "dhcp=on", "bpf=on", "ip4_addr=none"),
                new JailNetwork(Mode.VNET_DHCP, "", "", "", "bridge7").props());
        assertEquals(List.of("vnet=on", "dhcp=on", "bpf=on", "ip4_addr=none"),
                new JailNetwork(Mode.VNET_DHCP, "", "", "", "bridge0").props());
        // A shared address has no bridge.
        assertEquals(List.of("vnet=off", "ip4_addr=em0|10.1.0.5"), new JailNetwork(Mode.SHARED, "em0", "10.1.0.5", "", "bridge1").props());
        // After what the Properties field says, which keeps its own.
        assertEquals("boot=on vnet=on dhcp=on bpf=on ip4_addr=none", new JailNetwork(Mode.VNET_DHCP, "", "", "").withProps(" boot=on "));
        assertEquals("vnet=on dhcp=on bpf=on ip4_addr=none", new JailNetwork(Mode.VNET_DHCP, "", "", "").withProps(null));
        assertEquals("boot=on", JailNetwork.unset().withProps("boot=on"));
    }

    @Test
    void whatEachChoiceAsksFor() {
        assertTrue(JailNetwork.asksInterface(Mode.SHARED) && !JailNetwork.asksInterface(Mode.VNET_FIXED));
        assertTrue(JailNetwork.asksAddress(Mode.SHARED) && JailNetwork.asksAddress(Mode.VNET_FIXED)
                && !JailNetwork.asksAddress(Mode.VNET_DHCP) && !JailNetwork.asksAddress(Mode.UNSET));
        assertTrue(JailNetwork.asksRouter(Mode.VNET_FIXED) && !JailNetwork.asksRouter(Mode.SHARED));
        assertTrue(JailNetwork.asksBridge(Mode.VNET_FIXED) && JailNetwork.asksBridge(Mode.VNET_DHCP)
                && !JailNetwork.asksBridge(Mode.SHARED) && !JailNetwork.asksBridge(Mode.UNSET));
    }

    @Test
    void goodChoicesPass() {
        assertEquals("", problem(Mode.UNSET, "", "", ""));
        assertEquals("", problem(Mode.SHARED, "em0", "192.168.1.50/24", ""));
        assertEquals("", problem(Mode.SHARED, "vtnet1", "192.168.1.50", ""));
        assertEquals("", problem(Mode.VNET_DHCP, "", "", ""));
        assertEquals("", problem(Mode.VNET_FIXED, "", "192.168.1.60/24", "192.168.1.1"));
        assertEquals("", problem(Mode.VNET_FIXED, "", "10.1.2.3/8", ""));
        assertEquals("", problem(Mode.VNET_FIXED, "", "192.168.1.61/31", "192.168.1.60"));
        // What the Properties field says besides is its own check's (PropsField) affair.
        assertEquals(Optional.empty(), problem(Mode.VNET_DHCP, "", "", "", "boot=on priority=5"));
    }

    @Test
    void aFieldItNeedsMustBeThere() {
        assertEquals("Enter the host interface the address goes on (e.g. em0).", problem(Mode.SHARED, " ", "1.2.3.4", ""));
        assertEquals("Enter the jail's address with its prefix length (e.g. 192.168.1.50/24).",
                problem(Mode.SHARED, "em0", "", ""));
        assertEquals("Enter the jail's address with its prefix length (e.g. 192.168.1.50/24).",
                problem(Mode.VNET_FIXED, "", "", "192.168.1.1"));
        assertEquals("Give the address its prefix length (e.g. 192.168.1.60/24): the jail's own interface needs its netmask.",
                problem(Mode.VNET_FIXED, "", "192.168.1.60", ""));
    }

    @Test
    void badInputIsRefusedWithItsReasonAndNeverReachesAProperty() {
        String huge = "a".repeat(10 * 1024 * 1024);
        refused(List.of("-f", "a;b", "$(x)", "em0\nboot=on", "em0|x", "em 0", "0em", "e".repeat(17), huge),
                iface -> problem(Mode.SHARED, iface, "192.168.1.50/24", ""), "is not an interface name");
        refused(List.of("-f", "a;b", "$(x)", "192.168.1.50/24\nvnet=on", "192.168.1.50/24 vnet=on", "256.1.1.1", "010.0.0.1",
                "1.2.3", "1.2.3.4/33", "1.2.3.4/08", "1.2.3.4/", "em0|1.2.3.4", "fd00::5/64", "0.0.0.0", huge),
                address -> problem(Mode.VNET_FIXED, "", address, ""), "is not an IPv4 address");
        refused(List.of("-f", "a;b", "$(x)", "bridge1\nvnet=on", "bridge1:x", "b".repeat(17), huge),
                bridge -> new JailNetwork(Mode.VNET_DHCP, "", "", "", bridge).problem("", msg).orElse(""),
                "is not a bridge's interface name");
        refused(List.of("-f", "$(x)", "192.168.1.1/24", "192.168.1.256", "0.0.0.0", "a;b", huge),
                router -> problem(Mode.VNET_FIXED, "", "192.168.1.60/24", router), "is not an IPv4 address (the router's");
        // What is shown of bad input is written out, not a line of its own.
        assertEquals("'em0\\u000aboot=on' is not an interface name (a letter, then letters, digits, _ or ., at most 16 in all).",
                problem(Mode.SHARED, "em0\nboot=on", "1.2.3.4", ""));
    }

    @Test
    void anAddressOrRouterThatCouldNotWorkIsRefused() {
        assertEquals("192.168.1.0 is the address of the network 192.168.1.0/24 itself: choose another.",
                problem(Mode.VNET_FIXED, "", "192.168.1.0/24", ""));
        assertEquals("192.168.1.255 is the broadcast address of 192.168.1.0/24: choose another.",
                problem(Mode.SHARED, "em0", "192.168.1.255/24", ""));
        assertEquals("The default router cannot be the jail's own address (192.168.1.60).",
                problem(Mode.VNET_FIXED, "", "192.168.1.60/24", "192.168.1.60"));
        assertEquals("The default router 10.0.0.1 is not in the jail's network 192.168.1.0/24: the jail could not reach it.",
                problem(Mode.VNET_FIXED, "", "192.168.1.60/24", "10.0.0.1"));
        assertEquals("The default router 172.16.0.1 is not in the jail's network 172.16.64.0/18: the jail could not reach it.",
                problem(Mode.VNET_FIXED, "", "172.16.100.7/18", "172.16.0.1"));
    }

    @Test
    void aPropertyTheChoiceSetsIsNotAlsoTypedInProperties() {
        for (String key : List.of("ip4_addr", "vnet", "dhcp", "bpf", "defaultrouter", "interfaces")) {
            assertEquals(Optional.of(key + " is set by the Network choice above: take it out of Properties."),
                    problem(Mode.VNET_DHCP, "", "", "", "boot=on " + key + "=1"), key);
        }
        assertEquals(Optional.of("vnet is set by the Network choice above: take it out of Properties."),
                problem(Mode.SHARED, "em0", "1.2.3.4", "", "vnet"));
        // Without a choice here, the Properties field may set them as before.
        assertEquals(Optional.empty(), problem(Mode.UNSET, "", "", "", "vnet=on ip4_addr=vnet0|1.2.3.4/24"));
    }

    @Test
    void theOutlineSaysWhatTheJailGets() {
        assertEquals("", JailNetwork.unset().outline(msg));
        assertEquals("The jail shares the host's network stack: 192.168.1.50/24 is added to the host's em0 while the jail runs"
                + " (vnet=off ip4_addr=em0|192.168.1.50/24).", new JailNetwork(Mode.SHARED, "em0", "192.168.1.50/24", "").outline(msg));
        String fixed = new JailNetwork(Mode.VNET_FIXED, "", "192.168.1.60/24", "").outline(msg);
        assertTrue(fixed.startsWith("The jail gets a network stack of its own: vnet0 in the jail"), fixed);
        assertTrue(fixed.endsWith("vnet0 gets 192.168.1.60/24; the default route goes to the host's default router"
                + " (defaultrouter=auto)."), fixed);
        assertTrue(new JailNetwork(Mode.VNET_DHCP, "", "", "").outline(msg).endsWith("iocage stops it again if none comes."));
        assertTrue(new JailNetwork(Mode.VNET_DHCP, "", "", "").outline(msg).contains("the other end of its epair on the host's bridge0"));
        assertTrue(new JailNetwork(Mode.VNET_DHCP, "", "", "", "bridge2").outline(msg).contains("on the host's bridge2 with"));
        // What is typed is shown cut short and written out while it is typed, however long or odd it is.
        assertEquals("The jail shares the host's network stack: … is added to the host's " + "e".repeat(40) + "… while the jail"
                + " runs (vnet=off ip4_addr=" + "e".repeat(40) + "…|…).",
                new JailNetwork(Mode.SHARED, "e".repeat(10 * 1024 * 1024), "", "").outline(msg));
        assertTrue(new JailNetwork(Mode.VNET_FIXED, "", "1.2.3.4/24\nvnet=on", "").outline(msg).contains("vnet0 gets 1.2.3.4/24\\u000avnet=on;"));
        String de = new JailNetwork(Mode.VNET_FIXED, "", "192.168.1.60/24", "192.168.1.1").outline(new Messages(Locale.GERMAN));
        assertTrue(de.endsWith("vnet0 bekommt 192.168.1.60/24; die Standardroute geht an 192.168.1.1."), de);
    }

    @Test
    void anIpv6AddressMayGoBesideTheIpv4One() {
        assertEquals(List.of("vnet=off", "ip4_addr=em0|192.168.1.50/24", "ip6_addr=em0|fd00::50/64"),
                new JailNetwork(Mode.SHARED, "em0", "192.168.1.50/24", "", "", " fd00::50/64 ").props());
        assertEquals(List.of("vnet=on", "ip4_addr=vnet0|192.168.1.60/24", "ip6_addr=vnet0|2001:db8::60/64", "defaultrouter=192.168.1.1"),
                new JailNetwork(Mode.VNET_FIXED, "", "192.168.1.60/24", "192.168.1.1", "", "2001:db8::60/64").props());
        // DHCP takes none: the field is not there, and a leftover text is not sent.
        assertEquals(List.of("vnet=on", "dhcp=on", "bpf=on", "ip4_addr=none"),
                new JailNetwork(Mode.VNET_DHCP, "", "", "", "", "fd00::9/64").props());
        assertTrue(JailNetwork.asksAddress6(Mode.SHARED) && JailNetwork.asksAddress6(Mode.VNET_FIXED)
                && !JailNetwork.asksAddress6(Mode.VNET_DHCP) && !JailNetwork.asksAddress6(Mode.UNSET));

        assertEquals(Optional.empty(), new JailNetwork(Mode.SHARED, "em0", "1.2.3.4", "", "", "fd00::50").problem("", msg));
        assertEquals(Optional.empty(), new JailNetwork(Mode.VNET_FIXED, "", "1.2.3.4/24", "", "", "2001:db8:0:0:0:0:0:5/128").problem("", msg));
        assertEquals(Optional.of("Give the IPv6 address its prefix length (e.g. fd00::50/64): the jail's own interface needs it."),
                new JailNetwork(Mode.VNET_FIXED, "", "1.2.3.4/24", "", "", "fd00::50").problem("", msg));
        String huge = "a".repeat(10 * 1024 * 1024);
        refused(List.of("-f", "a;b", "$(x)", "fd00::50/64\nvnet=on", "fd00::50/129", "fd00::50/064", "fd00::/", "::", "::/0",
                "fd00:::50", "1.2.3.4", "localhost", "em0|fd00::50", "fd00::50%em0", "fd00::50/64 vnet=on", huge),
                bad -> new JailNetwork(Mode.SHARED, "em0", "1.2.3.4", "", "", bad).problem("", msg).orElse(""),
                "is not an IPv6 address");
        // Given here, ip6_addr may not be typed in Properties too; not given, it may.
        assertEquals(Optional.of("ip6_addr is set by the Network choice above: take it out of Properties."),
                new JailNetwork(Mode.SHARED, "em0", "1.2.3.4", "", "", "fd00::50").problem("ip6_addr=em0|fd00::51", msg));
        assertEquals(Optional.empty(), new JailNetwork(Mode.SHARED, "em0", "1.2.3.4", "", "", "").problem("ip6_addr=em0|fd00::51", msg));

        assertTrue(new JailNetwork(Mode.SHARED, "em0", "1.2.3.4", "", "", "fd00::50/64").outline(msg)
                .endsWith(" It has fd00::50/64 on em0 as well (ip6_addr=em0|fd00::50/64)."));
        assertTrue(new JailNetwork(Mode.VNET_FIXED, "", "1.2.3.4/24", "", "", "fd00::50/64").outline(msg)
                .endsWith(" It has fd00::50/64 on vnet0 as well (ip6_addr=vnet0|fd00::50/64)."));
    }

    @Test
    void aJailsSettingsNowGiveTheChoiceToStartFrom() {
        assertEquals(new JailNetwork(Mode.SHARED, "em0", "192.168.1.21/24", "", "", ""),
                JailNetwork.of(java.util.Map.of("vnet", "0", "ip4_addr", "em0|192.168.1.21/24", "ip6_addr", "none")));
        assertEquals(new JailNetwork(Mode.SHARED, "em0", "192.168.1.21/24", "", "", "fd00::21/64"),
                JailNetwork.of(java.util.Map.of("ip4_addr", "em0|192.168.1.21/24", "ip6_addr", "em0|fd00::21/64")));
        assertEquals(new JailNetwork(Mode.VNET_FIXED, "", "192.168.1.31/24", "192.168.1.1", "bridge0", ""),
                JailNetwork.of(java.util.Map.of("vnet", "1", "ip4_addr", "vnet0|192.168.1.31/24", "defaultrouter", "192.168.1.1",
                        "interfaces", "vnet0:bridge0")));
        assertEquals(new JailNetwork(Mode.VNET_FIXED, "", "10.0.0.5/8", "", "bridge3", ""),
                JailNetwork.of(java.util.Map.of("vnet", "on", "ip4_addr", "vnet0|10.0.0.5/8", "defaultrouter", "auto",
                        "interfaces", "vnet1:bridge1,vnet0:bridge3")));
        assertEquals(new JailNetwork(Mode.VNET_DHCP, "", "", "", "bridge0", ""),
                JailNetwork.of(java.util.Map.of("vnet", "1", "dhcp", "1", "ip4_addr", "DHCP", "interfaces", "vnet0:bridge0")));
        // What the choice cannot say starts as it is now: several addresses, none, DHCP without the property, a shared
        // address on vnet0's jail, two interfaces.
        for (java.util.Map<String, String> now : List.of(
                java.util.Map.of("ip4_addr", "em0|192.168.1.22/24,em0|10.0.0.22/24"),
                java.util.Map.of("ip4_addr", "none"),
                java.util.Map.<String, String>of(),
                java.util.Map.of("ip4_addr", "em0|DHCP"),
                java.util.Map.of("ip4_addr", "192.168.1.9"),
                java.util.Map.of("vnet", "1", "ip4_addr", "em0|192.168.1.9/24"),
                java.util.Map.of("ip4_addr", "em0|192.168.1.9/24", "ip6_addr", "em1|fd00::9/64"))) {
            assertEquals(Mode.UNSET, JailNetwork.of(now).mode(), now.toString());
        }
    }

    @Test
    void theEditsForAJailThatExistsLeaveNothingThatContradictsTheChoice() {
        java.util.Map<String, String> dhcp = java.util.Map.of("vnet", "1", "dhcp", "1", "bpf", "1", "ip4_addr", "DHCP",
                "interfaces", "vnet0:bridge0");
        // From DHCP to a fixed VNET address: DHCP off, the bridge as it was (no edit).
        assertEquals(java.util.Map.of("vnet", "on", "ip4_addr", "vnet0|192.168.1.50/24", "defaultrouter", "192.168.1.1", "dhcp", "off"),
                new JailNetwork(Mode.VNET_FIXED, "", "192.168.1.50/24", "192.168.1.1", "", "").edits(dhcp));
        // To a shared address: VNET and DHCP off.
        assertEquals(java.util.Map.of("vnet", "off", "ip4_addr", "em0|192.168.1.50/24", "dhcp", "off"),
                new JailNetwork(Mode.SHARED, "em0", "192.168.1.50/24", "", "", "").edits(dhcp));
        // Another bridge: vnet0's pair replaced, the others kept (legacy iocage's default has two).
        assertEquals("vnet0:bridge2,vnet1:bridge1", new JailNetwork(Mode.VNET_DHCP, "", "", "", "bridge2", "")
                .edits(java.util.Map.of("interfaces", "vnet0:bridge0,vnet1:bridge1")).get("interfaces"));
        assertEquals("vnet0:bridge0,vnet1:bridge1", new JailNetwork(Mode.VNET_DHCP, "", "", "", "bridge0", "")
                .edits(java.util.Map.of("interfaces", "vnet1:bridge1")).get("interfaces"));
        assertEquals(null, new JailNetwork(Mode.VNET_DHCP, "", "", "", "", "")
                .edits(java.util.Map.of("interfaces", "vnet0:bridge0")).get("interfaces"));
        // Left as it is now: nothing.
        assertEquals(java.util.Map.of(), JailNetwork.unset().edits(dhcp));
    }

    @Test
    void theSuggestedInterfaceIsTheOneTheHostsJailsUseMost() {
        java.util.List<String> ip4s = new java.util.ArrayList<>(List.of("em0|192.168.1.21/24", "em0|192.168.1.22/24,em0|10.0.0.22/24",
                "vnet0|192.168.1.31/24", "DHCP", "epair0b|192.168.1.140", "igb1|10.1.1.1", "", "-"));
        ip4s.add(null);
        assertEquals("em0", NetworkOnHost.usualInterface(ip4s));
        assertEquals("em0", NetworkOnHost.usualInterface(List.of("igb1|10.0.0.1", "em0|10.0.0.2")), "a tie: the first by name");
        assertEquals("", NetworkOnHost.usualInterface(List.of("DHCP", "-", "vnet0|10.0.0.1/24", "epair0b|192.168.1.140",
                "DEFAULT|10.0.0.3", "192.168.1.9")));
        // What is no interface name is not suggested, however often it comes.
        assertEquals("igb0", NetworkOnHost.usualInterface(List.of("$(x)|1.2.3.4", "$(x)|1.2.3.5", "-f|1.2.3.6", "igb0|1.2.3.7",
                "a".repeat(10 * 1024 * 1024) + "|1.2.3.8")));
    }

    /** The demo host's kind of interfaces: a card on 192.168.1.0/24 with a jail's address, one down, the loopback, a bridge. */
    private static final List<HostInterface> HOST = List.of(
            new HostInterface("em0", HostInterface.Kind.ETHERNET, true, List.of("192.168.1.5/24", "192.168.1.21/32"),
                    List.of("fd00::5/64", "2001:db8:0:10::5/60", "fd00::21/128"), List.of()),
            new HostInterface("igb1", HostInterface.Kind.ETHERNET, false, List.of(), List.of(), List.of()),
            new HostInterface("lo0", HostInterface.Kind.LOOPBACK, true, List.of("127.0.0.1/8"), List.of(), List.of()),
            new HostInterface("bridge0", HostInterface.Kind.BRIDGE, true, List.of(), List.of(), List.of("em0", "vnet0.3")),
            new HostInterface("vnet0.3", HostInterface.Kind.EPAIR, true, List.of(), List.of(), List.of()));

    private String warning(JailNetwork n) {
        return n.hostWarning(HOST, msg).orElse("");
    }

    @Test
    void theHostsInterfacesSayWhatDoesNotFitTheChoice() {
        assertEquals("", warning(new JailNetwork(Mode.SHARED, "em0", "192.168.1.50/24", "")));
        assertEquals("em1 is not an interface of this host; it has em0, igb1, bridge0.",
                warning(new JailNetwork(Mode.SHARED, "em1", "192.168.1.50/24", "")));
        assertEquals("em1 is not an interface of this host; it has em0, igb1, bridge0.",
                warning(new JailNetwork(Mode.SHARED, "em1", "", "")), "said before the address is typed");
        assertTrue(warning(new JailNetwork(Mode.SHARED, "igb1", "10.0.0.5/24", "")).startsWith("igb1 is down on this host"));
        assertEquals("192.168.2.50 is in none of em0's networks (192.168.1.0/24): the host reaches it only where a route says so.",
                warning(new JailNetwork(Mode.SHARED, "em0", "192.168.2.50/24", "")));
        assertEquals("", warning(new JailNetwork(Mode.SHARED, "em0", "192.168.1.21", "")), "a /32 on it is no network of its own");
        assertEquals("", warning(new JailNetwork(Mode.SHARED, "em0", "192.168.2.", "")), "the red line says what is wrong");
        assertEquals("", warning(new JailNetwork(Mode.VNET_DHCP, "", "", "")), "bridge0 is there");
        assertEquals("bridge3 is not on this host yet: iocage makes it when the jail starts.",
                warning(new JailNetwork(Mode.VNET_FIXED, "", "192.168.1.50/24", "", "bridge3")));
        assertEquals("em0 is an interface of this host but no bridge: iocage cannot join the jail's epair to it.",
                warning(new JailNetwork(Mode.VNET_DHCP, "", "", "", "em0")));
        assertEquals("", warning(new JailNetwork(Mode.SHARED, "em0", "192.168.1.50/24", "", "", "fd00::50/64")));
        assertEquals("", warning(new JailNetwork(Mode.SHARED, "em0", "192.168.1.50/24", "", "", "2001:db8:0:1f::50")));
        assertEquals("fd01::50 is in none of em0's networks (fd00::/64, 2001:db8:0:10::/60): the host reaches it only where"
                + " a route says so.", warning(new JailNetwork(Mode.SHARED, "em0", "192.168.1.50/24", "", "", "fd01::50/64")));
        assertEquals("fd01::50 is in none of em0's networks (fd00::/64, 2001:db8:0:10::/60): the host reaches it only where"
                + " a route says so.", warning(new JailNetwork(Mode.SHARED, "em0", "", "", "", "fd01::50")), "without IPv4");
        assertEquals("", warning(new JailNetwork(Mode.SHARED, "bridge0", "", "", "", "fd01::50")), "an interface without IPv6 networks");
        assertEquals("", warning(new JailNetwork(Mode.SHARED, "em0", "", "", "", "fd01::50/129")), "no address: the field's own line says so");
        assertEquals("", warning(JailNetwork.unset()));
        assertEquals("", new JailNetwork(Mode.SHARED, "em1", "1.2.3.4/24", "").hostWarning(List.of(), msg).orElse(""),
                "a host that listed none says nothing");
    }

    /** Bad input is never quoted whole nor looked up: a name that is no interface's gets no host warning at all. */
    @Test
    void badNamesGetNoHostWarning() {
        for (String bad : List.of("-f", "a;b", "$(x)", "em0\nem1", "x".repeat(10_000_000))) {
            assertEquals("", warning(new JailNetwork(Mode.SHARED, bad, "192.168.1.50/24", "")), bad.length() + " characters");
            assertEquals("", warning(new JailNetwork(Mode.VNET_DHCP, "", "", "", bad)), bad.length() + " characters");
        }
    }

    @Test
    void theSuggestedCardIsTheFirstThatIsUpWithANetwork() {
        assertEquals("em0", NetworkOnHost.firstUsable(HOST));
        assertEquals("", NetworkOnHost.firstUsable(HOST.subList(1, 5)), "igb1 is down, lo0 the loopback, bridge0 has no network");
    }

    /** For a jail that exists an empty router leaves its defaultrouter as it is; the outline says what that is. */
    @Test
    void anEmptyRouterOfAJailThatExistsIsSaidAsItIsNow() {
        JailNetwork n = new JailNetwork(Mode.VNET_FIXED, "", "192.168.1.31/24", "");
        assertTrue(!n.edits(java.util.Map.of("vnet", "1", "ip4_addr", "vnet0|192.168.1.31/24", "defaultrouter", "none",
                "interfaces", "vnet0:bridge0")).containsKey("defaultrouter"), "the router is left alone");
        assertTrue(n.outline(msg).endsWith("the default route goes to the host's default router (defaultrouter=auto)."));
        assertEquals("the host's default router (defaultrouter=auto)",
                JailNetwork.routerNow(java.util.Map.of("defaultrouter", "auto"), msg));
        assertEquals("the host's default router (defaultrouter=auto)", JailNetwork.routerNow(java.util.Map.of(), msg));
        String none = JailNetwork.routerNow(java.util.Map.of("defaultrouter", "none"), msg);
        assertTrue(n.outline(msg, none).endsWith(
                "the default route goes to nowhere, as now (defaultrouter=none): the jail has no default route."), n.outline(msg, none));
        assertEquals("the jail's router as it is set now (defaultrouter=10.0.0.1)",
                JailNetwork.routerNow(java.util.Map.of("defaultrouter", "10.0.0.1"), msg));
        assertTrue(JailNetwork.routerNow(java.util.Map.of("defaultrouter", "x".repeat(10_000_000)), msg).length() < 120,
                "a host's long value is cut short");
    }

    /** "none" in the router field is iocage's defaultrouter=none: no default route; any other word is no router. */
    @Test
    void noneInTheRouterFieldIsNoDefaultRoute() {
        JailNetwork n = new JailNetwork(Mode.VNET_FIXED, "", "192.168.1.31/24", "none");
        assertEquals(Optional.empty(), n.problem("", msg));
        assertTrue(n.props().contains("defaultrouter=none"), n.props().toString());
        assertTrue(n.outline(msg).endsWith("the default route goes to nowhere (defaultrouter=none): the jail has no default route."),
                n.outline(msg));
        assertEquals("none", n.edits(java.util.Map.of("vnet", "1", "ip4_addr", "vnet0|192.168.1.31/24", "defaultrouter", "auto",
                "interfaces", "vnet0:bridge0")).get("defaultrouter"));
        for (String bad : List.of("None", "auto", "nowhere", "-f", "$(x)")) {
            assertEquals(Optional.of("'" + bad + "' is not an IPv4 address (the router's, without a prefix length)."),
                    new JailNetwork(Mode.VNET_FIXED, "", "192.168.1.31/24", bad).problem("", msg), bad);
        }
    }

    private static JailNetwork nat(String forwards) {
        return new JailNetwork(Mode.VNET_NAT, "", "", "", "", "", forwards);
    }

    @Test
    void behindTheHostsNatTheJailGetsNatAndItsForwards() {
        assertEquals(List.of("vnet=on", "nat=on", "dhcp=off", "bpf=off", "ip4_addr=none", "nat_forwards=none"), nat("").props());
        assertEquals(List.of("vnet=on", "nat=on", "dhcp=off", "bpf=off", "ip4_addr=none",
                "nat_forwards=tcp(80:8080),udp(53),tcp(443),tcp/udp(6000-6010)"),
                nat(" tcp(80:8080), udp(53),443 ,tcp/udp(6000-6010) ").props());
        assertEquals(Optional.empty(), nat("tcp(80:8080), udp(53), 443").problem("boot=on", msg));
        assertTrue(nat("tcp(80:8080), udp(53)").outline(msg).endsWith(
                "Forwarded from the host to the jail: tcp 8080 \u2192 80, udp 53 \u2192 53."), nat("tcp(80:8080)").outline(msg));
        assertTrue(nat("").outline(msg).endsWith("No port is forwarded (nat_forwards=none)."));
        assertTrue(JailNetwork.asksForwards(Mode.VNET_NAT) && !JailNetwork.asksBridge(Mode.VNET_NAT)
                && !JailNetwork.asksAddress(Mode.VNET_NAT) && !JailNetwork.asksRouter(Mode.VNET_NAT));
    }

    /** Port forwards that are none, or that iocage would refuse at the start, are refused before anything runs. */
    @Test
    void badForwardsAreRefusedWithTheirReason() {
        refused(List.of("-f", "a;b", "$(x)", "tcp(80", "icmp(1)", "tcp(80:8080)\ntcp(81)", "tcp(80),", ",", "tcp (80)",
                "tcp(80|8080)", "x".repeat(10_000_000)),
                f -> nat(f).problem("", msg).orElse(""), "is not a port forward");
        refused(List.of("tcp(0)", "tcp(70000)", "tcp(80:65536)", "tcp(90-80)", "tcp(80-80)", "99999"),
                f -> nat(f).problem("", msg).orElse(""), "a port is 1 to 65535");
        assertEquals("The host's tcp port 8080 is forwarded twice.",
                nat("tcp(80:8080), tcp(81:8080)").problem("", msg).orElse(""));
        assertEquals("The host's udp port 53 is forwarded twice.", nat("tcp/udp(53), udp(53)").problem("", msg).orElse(""));
        assertEquals("", nat("tcp(53), udp(53)").problem("", msg).orElse(""), "one port, two protocols");
        assertEquals("nat is set by the Network choice above: take it out of Properties.",
                nat("").problem("boot=on nat=off", msg).orElse(""));
        assertEquals("nat_forwards is set by the Network choice above: take it out of Properties.",
                nat("").problem("nat_forwards=tcp(22)", msg).orElse(""));
        assertTrue(nat("x".repeat(10_000_000)).problem("", msg).orElse("").length() < 400, "a long input is quoted short");
    }

    /** A jail behind the NAT is read as such, and another choice for it turns nat off (else iocage would put it back). */
    @Test
    void aJailBehindTheNatIsReadAndLeftWithNatOff() {
        java.util.Map<String, String> now = java.util.Map.of("vnet", "1", "nat", "1", "nat_forwards", "tcp(80:8080)",
                "ip4_addr", "vnet0|172.16.0.2/30", "defaultrouter", "172.16.0.1", "interfaces", "vnet0:bridge0");
        assertEquals(nat("tcp(80:8080)"), JailNetwork.of(now));
        assertEquals(nat(""), JailNetwork.of(java.util.Map.of("vnet", "1", "nat", "1", "nat_forwards", "none")));
        assertEquals(JailNetwork.unset(), JailNetwork.of(java.util.Map.of("vnet", "0", "nat", "1", "ip4_addr", "em0|172.16.0.2/30")),
                "NAT without VNET is no choice of these: kept as it is, not read as a shared address");
        assertEquals("off", new JailNetwork(Mode.SHARED, "em0", "192.168.1.50/24", "").edits(now).get("nat"));
        assertEquals("off", new JailNetwork(Mode.VNET_DHCP, "", "", "").edits(now).get("nat"));
        assertEquals("on", nat("").edits(now).get("nat"));
        assertTrue(!nat("tcp(80:8080)").edits(now).containsKey("ip4_addr"), "the address iocage gave it at its start stays");
        assertEquals("none", nat("").edits(java.util.Map.of("vnet", "1", "ip4_addr", "vnet0|192.168.1.31/24")).get("ip4_addr"),
                "a jail that goes behind the NAT leaves its fixed address");
        assertTrue(!new JailNetwork(Mode.SHARED, "em0", "192.168.1.50/24", "").edits(java.util.Map.of("vnet", "0"))
                .containsKey("nat"), "a jail without nat is not sent one (legacy iocage has none)");
        // A clone of it likewise.
        assertTrue(new JailNetwork(Mode.SHARED, "em0", "192.168.1.50/24", "").withProps("boot=on", true).endsWith(" nat=off"));
        assertTrue(!new JailNetwork(Mode.SHARED, "em0", "192.168.1.50/24", "").withProps("boot=on", false).contains("nat"));
        assertEquals("boot=on", JailNetwork.unset().withProps("boot=on", true), "kept as the source's: nothing added");
        assertTrue(!nat("").withProps("", true).contains("nat=off"));
    }

    /** A host port another jail forwards too is named in amber: iocage starts the second only while the first is stopped. */
    @Test
    void aHostPortAnotherJailForwardsIsNamed() {
        List<org.jaildesk.client.PropertyRow> host = List.of(
                new org.jaildesk.client.PropertyRow("gate", "gate", "tcp(80:8080),udp(53)"),
                new org.jaildesk.client.PropertyRow("web01", "web01", "none"),
                new org.jaildesk.client.PropertyRow("9b1c-uuid", "ranges", "tcp/udp(9000-9010)"),
                new org.jaildesk.client.PropertyRow("odd", "odd", "$(x);tcp(1"));
        assertEquals("The host's tcp port 8080 is forwarded to gate as well: iocage starts the second of the two behind the"
                + " NAT only while the first is stopped.", nat("tcp(81:8080)").forwardsInUse(host, "", msg).orElse(""));
        assertTrue(nat("udp(5353:53)").forwardsInUse(host, "", msg).orElse("").startsWith("The host's udp port 53 is forwarded to gate"));
        assertTrue(nat("8999-9000").forwardsInUse(host, "", msg).isEmpty(), "a bare range is no forward: refused, not compared");
        assertTrue(nat("tcp(8995-9000)").forwardsInUse(host, "", msg).orElse("").contains("to ranges as well"));
        assertTrue(nat("udp(9010)").forwardsInUse(host, "", msg).orElse("").startsWith("The host's udp port 9010"));
        assertEquals(Optional.empty(), nat("tcp(8081), tcp(53)").forwardsInUse(host, "", msg), "udp 53 is not tcp 53");
        assertEquals(Optional.empty(), nat("tcp(80:8080)").forwardsInUse(host, "gate", msg), "its own forwards");
        assertEquals(Optional.empty(), nat("tcp(81:8080").forwardsInUse(host, "", msg), "the red line says what is wrong");
        assertEquals(Optional.empty(), new JailNetwork(Mode.SHARED, "em0", "192.168.1.5/24", "").forwardsInUse(host, "", msg));
        assertEquals("The host's tcp port 8005 is forwarded twice.", nat("tcp(8000-8010), tcp(8005)").problem("", msg).orElse(""));
    }

    private static JailNetwork slaac(Mode mode, String address, String address6) {
        return new JailNetwork(mode, "", address, "", "", address6, "", true);
    }

    /** A VNET jail's IPv6 address may come from its network's router advertisements, answered by rtsold in the jail. */
    @Test
    void ipv6ByRouterAdvertisementsIsAskedOnlyOfAVnetJail() {
        assertEquals(List.of("vnet=on", "dhcp=on", "bpf=on", "ip4_addr=none", "ip6_addr=vnet0|accept_rtadv", "rtsold=on"),
                slaac(Mode.VNET_DHCP, "", "").props());
        assertEquals(List.of("vnet=on", "ip4_addr=vnet0|192.168.1.60/24", "ip6_addr=vnet0|accept_rtadv", "rtsold=on"),
                slaac(Mode.VNET_FIXED, "192.168.1.60/24", "").props());
        assertEquals(List.of("vnet=off", "ip4_addr=em0|192.168.1.60/24"),
                new JailNetwork(Mode.SHARED, "em0", "192.168.1.60/24", "", "", "", "", true).props(), "no stack of its own");
        assertTrue(slaac(Mode.VNET_DHCP, "", "").outline(msg).endsWith(
                "Its IPv6 address comes from the router advertisements of its network (ip6_addr=vnet0|accept_rtadv rtsold=on)."));
        assertEquals("Give either a fixed IPv6 address or router advertisements, not both.",
                slaac(Mode.VNET_FIXED, "192.168.1.60/24", "fd00::60/64").problem("", msg).orElse(""));
        assertEquals("rtsold is set by the Network choice above: take it out of Properties.",
                slaac(Mode.VNET_DHCP, "", "").problem("rtsold=off", msg).orElse(""));
        assertEquals("", new JailNetwork(Mode.VNET_DHCP, "", "", "").problem("rtsold=on", msg).orElse(""),
                "without it, rtsold is the Properties field's");
    }

    @Test
    void aJailWithRouterAdvertisementsIsReadAndLeftWithoutThem() {
        java.util.Map<String, String> dhcp = java.util.Map.of("vnet", "1", "dhcp", "1", "ip6_addr", "vnet0|accept_rtadv",
                "rtsold", "1");
        assertEquals(slaac(Mode.VNET_DHCP, "", ""), JailNetwork.of(dhcp));
        assertEquals(slaac(Mode.VNET_FIXED, "192.168.1.31/24", ""), JailNetwork.of(java.util.Map.of("vnet", "1",
                "ip4_addr", "vnet0|192.168.1.31/24", "ip6_addr", "vnet0|accept_rtadv")));
        java.util.Map<String, String> off = new JailNetwork(Mode.VNET_DHCP, "", "", "").edits(dhcp);
        assertEquals("none", off.get("ip6_addr"));
        assertEquals("off", off.get("rtsold"), "rtsold without router advertisements keeps iocage from starting the jail");
        java.util.Map<String, String> fixed = new JailNetwork(Mode.VNET_FIXED, "", "192.168.1.31/24", "", "", "fd00::31/64")
                .edits(dhcp);
        assertEquals("vnet0|fd00::31/64", fixed.get("ip6_addr"));
        assertEquals("off", fixed.get("rtsold"));
        assertTrue(!slaac(Mode.VNET_DHCP, "", "").edits(dhcp).containsKey("rtsold") || "on".equals(
                slaac(Mode.VNET_DHCP, "", "").edits(dhcp).get("rtsold")), "kept on");
    }
}
