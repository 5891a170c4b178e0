package org.jaildesk.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jaildesk.domain.Ipv4;

/**
 * The demo host's {@code ifconfig -a}, in FreeBSD's default format: its network card {@code em0} on 192.168.1.0/24
 * with the shared addresses of its running jails on it, a second card {@code igb1} that is down, the loopback, and for
 * each bridge a running VNET jail is on (iocage's {@code bridge0} unless its {@code interfaces} name another) the
 * bridge with {@code em0} and the host's end of each jail's epair, {@code vnet0.<jid>}, as iocage names it (a jail behind
 * the host's NAT has its epair on no bridge, with its router's address on the host's end).
 */
final class SimIfconfig {

    static final List<String> ARGS = List.of("-a");

    private SimIfconfig() {
    }

    static String output(SimState state) {
        Map<String, List<Ipv4>> aliases = new LinkedHashMap<>();
        Map<String, List<String>> bridges = new LinkedHashMap<>();
        bridges.put("bridge0", new ArrayList<>(List.of("em0")));
        Map<String, SimJail> epairs = new LinkedHashMap<>();
        for (SimJail j : state.jails.values()) {
            if (!j.running) {
                continue;
            }
            if (SimDialect.on(j.props.get("vnet")) && SimDialect.on(j.props.get("nat"))) {
                // Behind the host's NAT: no bridge; the host's end of the epair has the jail's router address.
                epairs.put("vnet0." + j.jid, j);
                continue;
            }
            if (SimDialect.on(j.props.get("vnet"))) {
                String bridge = bridgeOf(j.props.getOrDefault("interfaces", "vnet0:bridge0"));
                String epair = "vnet0." + j.jid;
                bridges.computeIfAbsent(bridge, b -> new ArrayList<>(List.of("em0"))).add(epair);
                epairs.put(epair, j);
                continue;
            }
            for (String item : j.props.getOrDefault("ip4_addr", "none").split(",")) {
                int bar = item.indexOf('|');
                if (bar > 0) {
                    Ipv4.parse(item.substring(bar + 1)).ifPresent(a -> aliases.computeIfAbsent(item.substring(0, bar),
                            k -> new ArrayList<>()).add(a.prefix() < 0 ? a.withPrefix(32) : a));
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("em0: flags=1008843<UP,BROADCAST,RUNNING,SIMPLEX,MULTICAST,LOWER_UP> metric 0 mtu 1500\n")
                .append("\toptions=4e527bb<RXCSUM,TXCSUM,VLAN_MTU,VLAN_HWTAGGING,JUMBO_MTU,VLAN_HWCSUM,TSO4,TSO6,LRO,WOL_MAGIC>\n")
                .append("\tether 58:9c:fc:0a:41:07\n");
        inet(out, Ipv4.parse("192.168.1.5/24").orElseThrow());
        for (Ipv4 a : aliases.getOrDefault("em0", List.of())) {
            inet(out, a);
        }
        out.append("\tinet6 fe80::5a9c:fcff:fe0a:4107%em0 prefixlen 64 scopeid 0x1\n")
                .append("\tinet6 fd00::5 prefixlen 64\n")
                .append("\tmedia: Ethernet autoselect (1000baseT <full-duplex>)\n")
                .append("\tstatus: active\n")
                .append("\tnd6 options=21<PERFORMNUD,AUTO_LINKLOCAL>\n");
        out.append("igb1: flags=8802<BROADCAST,SIMPLEX,MULTICAST> metric 0 mtu 1500\n")
                .append("\tether 58:9c:fc:0a:41:08\n")
                .append("\tmedia: Ethernet autoselect\n")
                .append("\tstatus: no carrier\n");
        out.append("lo0: flags=1008049<UP,LOOPBACK,RUNNING,MULTICAST,LOWER_UP> metric 0 mtu 16384\n")
                .append("\tinet 127.0.0.1 netmask 0xff000000\n")
                .append("\tinet6 ::1 prefixlen 128\n")
                .append("\tinet6 fe80::1%lo0 prefixlen 64 scopeid 0x3\n")
                .append("\tgroups: lo\n");
        int n = 0;
        for (Map.Entry<String, List<String>> b : bridges.entrySet()) {
            out.append(b.getKey()).append(": flags=1008843<UP,BROADCAST,RUNNING,SIMPLEX,MULTICAST,LOWER_UP> metric 0 mtu 1500\n")
                    .append("\tether 58:9c:fc:10:ff:").append(String.format("%02x", 0xb0 + n++)).append('\n')
                    .append("\tid 00:00:00:00:00:00 priority 32768 hellotime 2 fwddelay 15\n")
                    .append("\tmaxage 20 holdcnt 6 proto rstp maxaddr 2000 timeout 1200\n");
            int port = 1;
            for (String m : b.getValue()) {
                out.append("\tmember: ").append(m).append(" flags=143<LEARNING,DISCOVER,AUTOEDGE,AUTOPTP>\n")
                        .append("\t        port ").append(port++).append(" priority 128 path cost 2000\n");
            }
            out.append("\tgroups: bridge\n").append("\tnd6 options=9<PERFORMNUD,IFDISABLED>\n");
        }
        for (Map.Entry<String, SimJail> e : epairs.entrySet()) {
            out.append(e.getKey()).append(": flags=1008943<UP,BROADCAST,RUNNING,PROMISC,SIMPLEX,MULTICAST,LOWER_UP> metric 0 mtu 1500\n")
                    .append("\tdescription: associated with jail: ").append(e.getValue().id).append(" as nic: vnet0\n")
                    .append("\tether 02:ac:6d:00:").append(String.format("%02x:%02x", e.getValue().jid >> 8 & 0xff,
                            e.getValue().jid & 0xff)).append('\n')
                    .append(natRouter(e.getValue()))
                    .append("\tgroups: epair\n")
                    .append("\tmedia: Ethernet 10Gbase-T (10Gbase-T <full-duplex>)\n")
                    .append("\tstatus: active\n");
        }
        return out.toString();
    }

    private static void inet(StringBuilder out, Ipv4 a) {
        int mask = a.prefix() == 0 ? 0 : -1 << (32 - a.prefix());
        out.append("\tinet ").append(a.text()).append(" netmask 0x").append(String.format("%08x", mask));
        if (a.prefix() < 32) {
            Ipv4 b = new Ipv4(a.broadcast(), -1);
            out.append(" broadcast ").append(b.text());
        }
        out.append('\n');
    }

    /** The inet line of a NAT jail's epair on the host (its router, /30); "" for a bridged one. */
    private static String natRouter(SimJail j) {
        if (!SimDialect.on(j.props.get("nat"))) {
            return "";
        }
        return Ipv4.parse(j.props.getOrDefault("defaultrouter", "")).map(r -> {
            StringBuilder b = new StringBuilder();
            inet(b, r.withPrefix(30));
            return b.toString();
        }).orElse("");
    }


    /** The bridge of {@code interfaces}' first pair ({@code vnet0:bridge1}); iocage's own when it names none. */
    private static String bridgeOf(String interfaces) {
        String first = interfaces.split(",")[0];
        int colon = first.indexOf(':');
        String b = colon < 0 ? "" : first.substring(colon + 1);
        return b.isEmpty() || b.equals("none") ? "bridge0" : b;
    }
}
