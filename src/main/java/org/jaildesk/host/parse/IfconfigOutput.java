package org.jaildesk.host.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jaildesk.domain.Addresses;
import org.jaildesk.domain.HostInterface;
import org.jaildesk.domain.Ipv4;
import org.jaildesk.domain.PropertyDef;
import org.jaildesk.domain.Shown;

/**
 * FreeBSD's {@code ifconfig -a} in its default format: a line per interface,
 * {@code em0: flags=8863<UP,BROADCAST,RUNNING,SIMPLEX,MULTICAST> metric 0 mtu 1500}, then lines indented by a TAB that
 * say more of it. Of those only these are read: {@code inet 192.168.1.5 netmask 0xffffff00 broadcast 192.168.1.255}
 * (a point-to-point link has {@code --> 10.0.0.2} after the address), {@code inet6 2001:db8::5 prefixlen 64},
 * {@code ether 58:9c:fc:…}, {@code groups: bridge} and a bridge's {@code member: em0 flags=143<…>}; the others
 * ({@code options=}, {@code media:}, {@code status:}, {@code nd6}, a member's second line) differ from driver to
 * driver and FreeBSD to FreeBSD, and say nothing a jail's network needs. An interface whose name a jail's properties
 * cannot hold (FreeBSD lets {@code ifconfig … name} give it a {@code -} or stranger; iocage's {@code ip4_addr} and
 * {@code interfaces} take letters, digits, {@code _} and {@code .}) is left out, as a bridge member so named is: it
 * could not be chosen for a jail, and its name is never handed on.
 */
public final class IfconfigOutput {

    private static final Pattern HEADER = Pattern.compile("([^\\s:]+): flags=[0-9a-fA-F]+<([A-Z0-9_,]*)>(?: .*)?");
    /** ifconfig prints the mask with {@code 0x%lx}: eight digits for any prefix but 0, which is {@code 0x0}. */
    private static final Pattern MASK = Pattern.compile("0x[0-9a-fA-F]{1,8}");

    private IfconfigOutput() {
    }

    /** Every interface in ifconfig's order. Output that is not ifconfig's fails, naming the line. */
    public static List<HostInterface> read(String output) throws IocageParseException {
        List<HostInterface> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Building current = null;
        int number = 0;
        for (String line : output.split("\n", -1)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            if (line.charAt(0) == '\t' || line.charAt(0) == ' ') {
                if (current == null) {
                    throw new IocageParseException("line " + number + " says more of no interface: " + Shown.of(line, 120));
                }
                current.read(line.strip(), number);
                continue;
            }
            Matcher m = HEADER.matcher(line);
            if (!m.matches()) {
                throw new IocageParseException("line " + number + " is not an interface's first line: " + Shown.of(line, 120));
            }
            String name = m.group(1);
            if (!seen.add(name)) {
                throw new IocageParseException("line " + number + " lists " + Shown.of(name, 40) + " a second time");
            }
            if (current != null && current.named()) {
                out.add(current.done());
            }
            current = new Building(name, Set.of(m.group(2).split(",")));
        }
        if (current != null && current.named()) {
            out.add(current.done());
        }
        return out;
    }

    /** An interface while its lines are read. */
    private static final class Building {
        private final String name;
        private final Set<String> flags;
        private final List<String> ip4 = new ArrayList<>();
        private final List<String> ip6 = new ArrayList<>();
        private final Set<String> members = new LinkedHashSet<>();
        private final Set<String> groups = new HashSet<>();
        private boolean ether;

        Building(String name, Set<String> flags) {
            this.name = name;
            this.flags = flags;
        }

        /** Whether a jail's properties can name it; one that cannot is read past and left out. */
        boolean named() {
            return PropertyDef.isInterfaceName(name);
        }

        void read(String line, int number) throws IocageParseException {
            if (!named()) {
                return;
            }
            String[] t = line.split("\\s+");
            switch (t[0]) {
                case "inet" -> ip4.add(inet(t, line, number));
                case "inet6" -> inet6(t, line, number).ifPresent(ip6::add);
                case "ether" -> ether = true;
                case "groups:" -> groups.addAll(List.of(t).subList(1, t.length));
                case "member:" -> {
                    if (t.length < 2) {
                        throw bad(number, "names no member of " + name, line);
                    }
                    if (PropertyDef.isInterfaceName(t[1])) {
                        members.add(t[1]);
                    }
                }
                default -> {
                    // Said about the interface, not needed for a jail's network.
                }
            }
        }

        /** {@code inet A [--> B] netmask 0xMASK …}: {@code A/prefix}. */
        private String inet(String[] t, String line, int number) throws IocageParseException {
            Optional<Ipv4> a = t.length > 1 ? Ipv4.parse(t[1]).filter(v -> v.prefix() < 0) : Optional.empty();
            if (a.isEmpty()) {
                throw bad(number, "has no IPv4 address of " + name, line);
            }
            for (int i = 2; i + 1 < t.length; i++) {
                if (t[i].equals("netmask") && MASK.matcher(t[i + 1]).matches()) {
                    int mask = Integer.parseUnsignedInt(t[i + 1].substring(2), 16);
                    Optional<Integer> prefix = Ipv4.prefixOfMask(mask);
                    if (prefix.isEmpty()) {
                        throw bad(number, "has a mask that is no prefix", line);
                    }
                    return a.get().withPrefix(prefix.get()).toString();
                }
            }
            throw bad(number, "has no netmask 0x… for " + a.get().text(), line);
        }

        /** {@code inet6 A[%zone] [--> B] prefixlen N …}: {@code A/N}; empty for a link-local address (of no use to a jail). */
        private Optional<String> inet6(String[] t, String line, int number) throws IocageParseException {
            if (t.length < 2) {
                throw bad(number, "has no IPv6 address of " + name, line);
            }
            if (t[1].indexOf('%') >= 0 || t[1].regionMatches(true, 0, "fe80:", 0, 5)) {
                return Optional.empty();
            }
            if (!Addresses.isIpv6(t[1])) {
                throw bad(number, "has no IPv6 address of " + name, line);
            }
            for (int i = 2; i + 1 < t.length; i++) {
                if (t[i].equals("prefixlen")) {
                    if (!Addresses.isIpv6PrefixLength(t[i + 1])) {
                        throw bad(number, "has no prefix length 0 to 128", line);
                    }
                    return Optional.of(t[1] + "/" + t[i + 1]);
                }
            }
            throw bad(number, "has no prefixlen for " + Shown.of(t[1], 60), line);
        }

        HostInterface done() {
            HostInterface.Kind kind = flags.contains("LOOPBACK") ? HostInterface.Kind.LOOPBACK
                    : groups.contains("bridge") ? HostInterface.Kind.BRIDGE
                    : groups.contains("epair") ? HostInterface.Kind.EPAIR
                    : ether ? HostInterface.Kind.ETHERNET
                    : HostInterface.Kind.OTHER;
            return new HostInterface(name, kind, flags.contains("UP"), ip4, ip6, List.copyOf(members));
        }
    }

    private static IocageParseException bad(int number, String what, String line) {
        return new IocageParseException("line " + number + " " + what + ": " + Shown.of(line, 120));
    }
}
