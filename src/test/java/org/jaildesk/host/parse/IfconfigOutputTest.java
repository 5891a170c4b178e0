package org.jaildesk.host.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jaildesk.domain.HostInterface;
import org.jaildesk.domain.HostInterface.Kind;
import org.jaildesk.domain.Ipv4;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** FreeBSD's {@code ifconfig -a}: the interfaces a jail's network can use, read from its default format. */
public class IfconfigOutputTest {

    /** A FreeBSD 14 host with a card, a second one down, the loopback, a bridge with a jail's epair, and the epair. */
    public static final String HOST = """
            em0: flags=1008843<UP,BROADCAST,RUNNING,SIMPLEX,MULTICAST,LOWER_UP> metric 0 mtu 1500
            \toptions=4e527bb<RXCSUM,TXCSUM,VLAN_MTU,VLAN_HWTAGGING,JUMBO_MTU,VLAN_HWCSUM,TSO4,TSO6,LRO,WOL_MAGIC>
            \tether 58:9c:fc:0a:41:07
            \tinet 192.168.1.5 netmask 0xffffff00 broadcast 192.168.1.255
            \tinet 192.168.1.21 netmask 0xffffffff broadcast 192.168.1.21
            \tinet6 fe80::5a9c:fcff:fe0a:4107%em0 prefixlen 64 scopeid 0x1
            \tinet6 2001:db8::5 prefixlen 64
            \tmedia: Ethernet autoselect (1000baseT <full-duplex>)
            \tstatus: active
            \tnd6 options=21<PERFORMNUD,AUTO_LINKLOCAL>
            igb1: flags=8802<BROADCAST,SIMPLEX,MULTICAST> metric 0 mtu 1500
            \tether 58:9c:fc:0a:41:08
            \tstatus: no carrier
            lo0: flags=1008049<UP,LOOPBACK,RUNNING,MULTICAST,LOWER_UP> metric 0 mtu 16384
            \tinet 127.0.0.1 netmask 0xff000000
            \tinet6 ::1 prefixlen 128
            \tinet6 fe80::1%lo0 prefixlen 64 scopeid 0x2
            \tgroups: lo
            bridge0: flags=1008843<UP,BROADCAST,RUNNING,SIMPLEX,MULTICAST,LOWER_UP> metric 0 mtu 1500
            \tether 58:9c:fc:10:ff:b6
            \tid 00:00:00:00:00:00 priority 32768 hellotime 2 fwddelay 15
            \tmember: vnet0.3 flags=143<LEARNING,DISCOVER,AUTOEDGE,AUTOPTP>
            \t        ifmaxaddr 0 port 5 priority 128 path cost 2000
            \tmember: em0 flags=143<LEARNING,DISCOVER,AUTOEDGE,AUTOPTP>
            \t        ifmaxaddr 0 port 1 priority 128 path cost 20000
            \tgroups: bridge
            \tnd6 options=9<PERFORMNUD,IFDISABLED>
            vnet0.3: flags=1008943<UP,BROADCAST,RUNNING,PROMISC,SIMPLEX,MULTICAST,LOWER_UP> metric 0 mtu 1500
            \tdescription: associated with jail: web02 as nic: vnet0
            \tether 02:ac:6d:00:00:0a
            \tgroups: epair
            \tstatus: active
            tun0: flags=8051<UP,POINTOPOINT,RUNNING,MULTICAST> metric 0 mtu 1500
            \tinet 10.8.0.1 --> 10.8.0.2 netmask 0xffffffff
            \tgroups: tun
            pflog0: flags=100<PROMISC> metric 0 mtu 33152
            \tgroups: pflog
            """;

    @Test
    void eachInterfaceWithWhatItIsItsAddressesAndABridgesMembers() throws Exception {
        List<HostInterface> all = IfconfigOutput.read(HOST);
        assertEquals(List.of(
                new HostInterface("em0", Kind.ETHERNET, true, List.of("192.168.1.5/24", "192.168.1.21/32"),
                        List.of("2001:db8::5/64"), List.of()),
                new HostInterface("igb1", Kind.ETHERNET, false, List.of(), List.of(), List.of()),
                new HostInterface("lo0", Kind.LOOPBACK, true, List.of("127.0.0.1/8"), List.of("::1/128"), List.of()),
                new HostInterface("bridge0", Kind.BRIDGE, true, List.of(), List.of(), List.of("vnet0.3", "em0")),
                new HostInterface("vnet0.3", Kind.EPAIR, true, List.of(), List.of(), List.of()),
                new HostInterface("tun0", Kind.OTHER, true, List.of("10.8.0.1/32"), List.of(), List.of()),
                new HostInterface("pflog0", Kind.OTHER, false, List.of(), List.of(), List.of())), all);
    }

    @Test
    void whereASharedAddressCanGoAndTheNetworksThere() throws Exception {
        List<HostInterface> all = IfconfigOutput.read(HOST);
        assertEquals(List.of("em0", "igb1", "bridge0", "tun0"),
                all.stream().filter(HostInterface::takesSharedAddress).map(HostInterface::name).toList());
        HostInterface em0 = all.get(0);
        assertEquals(List.of("192.168.1.0/24"), em0.networks(), "a jail's /32 on it is no network");
        assertTrue(em0.holds(Ipv4.parse("192.168.1.77").orElseThrow()));
        assertFalse(em0.holds(Ipv4.parse("192.168.2.77").orElseThrow()));
        assertFalse(all.get(5).holds(Ipv4.parse("10.8.0.1").orElseThrow()), "a point-to-point link's /32 holds nothing");
    }

    /** FreeBSD's ifconfig prints the mask with 0x%lx: a /0 is 0x0, not eight digits. */
    @Test
    void aMaskIsReadAsIfconfigPrintsIt() throws Exception {
        assertEquals(List.of("10.1.2.3/0", "10.1.2.4/8", "10.1.2.5/32"), IfconfigOutput.read("""
                tun1: flags=8051<UP,POINTOPOINT,RUNNING,MULTICAST> metric 0 mtu 1500
                \tinet 10.1.2.3 --> 10.1.2.1 netmask 0x0
                \tinet 10.1.2.4 netmask 0xff000000
                \tinet 10.1.2.5 netmask 0xffffffff
                """).get(0).ip4());
    }

    @Test
    void nothingPrintedIsNoInterface() throws Exception {
        assertEquals(List.of(), IfconfigOutput.read(""));
        assertEquals(List.of(), IfconfigOutput.read("\n"));
    }

    /** Output that is not ifconfig's, and names or addresses that would go into a jail's properties, fail the read. */
    @ParameterizedTest
    @ValueSource(strings = {
        "\tinet 10.0.0.1 netmask 0xffffff00\n",
        "ifconfig: unknown interface\n",
        "em0: flags=8843<UP> metric 0 mtu 1500\nem0: flags=8843<UP> metric 0 mtu 1500\n",
        "em0: flags=8843<UP> metric 0 mtu 1500\n\tinet 010.0.0.1 netmask 0xffffff00\n",
        "em0: flags=8843<UP> metric 0 mtu 1500\n\tinet 10.0.0.1/24 netmask 0xffffff00\n",
        "em0: flags=8843<UP> metric 0 mtu 1500\n\tinet 10.0.0.1 netmask 0xff00ff00\n",
        "em0: flags=8843<UP> metric 0 mtu 1500\n\tinet 10.0.0.1 netmask 0xfff\n",
        "em0: flags=8843<UP> metric 0 mtu 1500\n\tinet 10.0.0.1 netmask 0x1ffffffff\n",
        "em0: flags=8843<UP> metric 0 mtu 1500\n\tinet 10.0.0.1 netmask 255.255.255.0\n",
        "em0: flags=8843<UP> metric 0 mtu 1500\n\tinet 10.0.0.1\n",
        "em0: flags=8843<UP> metric 0 mtu 1500\n\tinet6 2001:db8::5 prefixlen 129\n",
        "em0: flags=8843<UP> metric 0 mtu 1500\n\tinet6 2001:db8::5\n",
        "em0: flags=8843<UP> metric 0 mtu 1500\n\tinet6 localhost prefixlen 64\n",
        "em0: flags=8843<UP> metric 0 mtu 1500\n\tinet6 em0|2001:db8::5 prefixlen 64\n",
        "bridge0: flags=8843<UP> metric 0 mtu 1500\n\tmember:\n",
    })
    void outputThatIsNotIfconfigsFailsNamingTheLine(String output) {
        IocageParseException e = assertThrows(IocageParseException.class, () -> IfconfigOutput.read(output));
        assertTrue(e.getMessage().startsWith("line "), e.getMessage());
    }

    /**
     * An interface a jail's properties cannot name (FreeBSD lets one be renamed to nearly anything) is left out with
     * its lines, as a bridge member so named is; nothing of its name is handed on.
     */
    @Test
    void anInterfaceNoJailCanNameIsLeftOut() throws Exception {
        List<HostInterface> all = IfconfigOutput.read("""
                -f: flags=8843<UP> metric 0 mtu 1500
                \tinet 10.9.9.9 netmask 0xffffff00
                a;b: flags=8843<UP> metric 0 mtu 1500
                $(x): flags=8843<UP> metric 0 mtu 1500
                \tinet whatever
                wg-home: flags=8051<UP,POINTOPOINT,RUNNING,MULTICAST> metric 0 mtu 1420
                bridge0: flags=8843<UP> metric 0 mtu 1500
                \tmember: a;b flags=143<LEARNING>
                \tmember: em0 flags=143<LEARNING>
                \tgroups: bridge
                """);
        assertEquals(List.of(new HostInterface("bridge0", Kind.BRIDGE, true, List.of(), List.of(), List.of("em0"))), all);
    }

    /** A line of megabytes is named short. */
    @Test
    void aHugeLineIsNamedShort() {
        IocageParseException e = assertThrows(IocageParseException.class, () -> IfconfigOutput.read("x".repeat(10_000_000)));
        assertTrue(e.getMessage().length() < 300, e.getMessage().length() + " characters");
    }
}
