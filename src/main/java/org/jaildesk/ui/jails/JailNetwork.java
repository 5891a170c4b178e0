package org.jaildesk.ui.jails;

import java.util.ArrayList;
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
import org.jaildesk.ui.common.Messages;

/**
 * The network a new jail is to have, as the create dialog asks for it: the choice iocage's users find hardest (shared
 * address or VNET, DHCP, the default route) made once, checked as it is typed, and turned into the properties iocage
 * takes ({@code ip4_addr}, {@code ip6_addr}, {@code vnet}, {@code dhcp}, {@code bpf}, {@code defaultrouter},
 * {@code interfaces}, {@code nat}, {@code nat_forwards}). One address of each family; anything else stays for the
 * Properties field.
 *
 * @param forwards for a jail behind the host's NAT, its port forwards as iocage's {@code nat_forwards} writes them
 *                 ({@code tcp(80:8080),udp(53)}: the jail's port, then the host's), spaces after the commas allowed
 * @param slaac    for a VNET jail, whether its IPv6 address comes from its network's router advertisements
 *                 ({@code ip6_addr=vnet0|accept_rtadv}, {@code rtsold=on}) instead of a fixed one
 */
public record JailNetwork(Mode mode, String iface, String address, String router, String bridge, String address6,
                          String forwards, boolean slaac) {

    /** How the jail reaches the network. */
    public enum Mode {
        /** Nothing chosen here: iocage's defaults, or what the Properties field says. */
        UNSET,
        /** An address on one of the host's interfaces, in the host's network stack (an alias while the jail runs). */
        SHARED,
        /** A network stack of its own (an epair on the host's bridge), its address from DHCP. */
        VNET_DHCP,
        /** A network stack of its own, a fixed address and a default router. */
        VNET_FIXED,
        /**
         * A network stack of its own behind the host's NAT: iocage gives it an address of its {@code nat_prefix} network
         * at each start, and forwards the host's ports named in {@code nat_forwards} to it (Python iocage).
         */
        VNET_NAT
    }

    /** The properties a choice other than {@link Mode#UNSET} sets; the Properties field must then leave them alone. */
    /** The router field's word for no default route, as iocage's {@code defaultrouter=none}. */
    static final String NO_ROUTER = "none";
    static final Set<String> KEYS = Set.of("ip4_addr", "vnet", "dhcp", "bpf", "defaultrouter", "interfaces");

    /** The jail's end of its epair, as iocage names it (its {@code interfaces} default, {@code vnet0:bridge0}). */
    static final String VNET_IFACE = "vnet0";
    /** The host's end of a VNET jail's epair goes on this bridge unless another is named. */
    static final String DEFAULT_BRIDGE = "bridge0";

    /** A port forward as iocage's nat_forwards takes it: a protocol, the jail's port or range, and the host's after ':'. */
    private static final Pattern FORWARD = Pattern.compile("(tcp|udp|tcp/udp)\\((\\d{1,5}(?:-\\d{1,5})?)(?::(\\d{1,5}(?:-\\d{1,5})?))?\\)");
    /** A port alone, which iocage takes as tcp. */
    private static final Pattern BARE_PORT = Pattern.compile("\\d{1,5}");

    public JailNetwork {
        iface = iface == null ? "" : iface.strip();
        address = address == null ? "" : address.strip();
        router = router == null ? "" : router.strip();
        bridge = bridge == null ? "" : bridge.strip();
        address6 = address6 == null ? "" : address6.strip();
        forwards = forwards == null ? "" : forwards.strip();
    }

    /** A choice without router advertisements. */
    public JailNetwork(Mode mode, String iface, String address, String router, String bridge, String address6,
                       String forwards) {
        this(mode, iface, address, router, bridge, address6, forwards, false);
    }

    /** A choice without port forwards. */
    public JailNetwork(Mode mode, String iface, String address, String router, String bridge, String address6) {
        this(mode, iface, address, router, bridge, address6, "");
    }

    /** A choice without an IPv6 address. */
    public JailNetwork(Mode mode, String iface, String address, String router, String bridge) {
        this(mode, iface, address, router, bridge, "");
    }

    /** A choice on iocage's bridge ({@code bridge0}), without an IPv6 address. */
    public JailNetwork(Mode mode, String iface, String address, String router) {
        this(mode, iface, address, router, "", "");
    }

    /** Nothing chosen. */
    public static JailNetwork unset() {
        return new JailNetwork(Mode.UNSET, "", "", "", "", "");
    }

    /** Whether the choice asks for the host's interface, the jail's address, a default router. */
    public static boolean asksInterface(Mode m) {
        return m == Mode.SHARED;
    }

    public static boolean asksAddress(Mode m) {
        return m == Mode.SHARED || m == Mode.VNET_FIXED;
    }

    /** Whether the choice takes an IPv6 address beside the IPv4 one (optional). */
    public static boolean asksAddress6(Mode m) {
        return asksAddress(m);
    }

    /** Whether the choice asks for the host's bridge a VNET jail's epair goes on. */
    public static boolean asksBridge(Mode m) {
        return m == Mode.VNET_DHCP || m == Mode.VNET_FIXED;
    }

    public static boolean asksRouter(Mode m) {
        return m == Mode.VNET_FIXED;
    }

    /** Whether the choice can take its IPv6 address from router advertisements (a VNET jail on a bridge). */
    public static boolean asksSlaac(Mode m) {
        return m == Mode.VNET_DHCP || m == Mode.VNET_FIXED;
    }

    /** IPv6 from the router advertisements, as iocage's start reads it (rtsold in the jail answers them). */
    private static final String RTADV = VNET_IFACE + "|accept_rtadv";

    /** Whether the choice takes port forwards (optional). */
    public static boolean asksForwards(Mode m) {
        return m == Mode.VNET_NAT;
    }

    /** The {@code key=value} tokens this choice adds to the create's properties (none when unset). */
    public List<String> props() {
        List<String> out = new ArrayList<>();
        switch (mode) {
            case SHARED -> {
                // Off whatever the host's defaults or a clone's source say: an address on a host interface is no VNET's.
                out.add("vnet=off");
                out.add("ip4_addr=" + iface + "|" + address);
                if (!address6.isEmpty()) {
                    out.add("ip6_addr=" + iface + "|" + address6);
                }
            }
            case VNET_DHCP -> {
                // iocage would turn vnet and bpf on for dhcp by itself, and say so; set here, the request says it. No
                // fixed address beside it (a clone would keep its source's).
                out.add("vnet=on");
                otherBridge(out);
                out.add("dhcp=on");
                out.add("bpf=on");
                out.add("ip4_addr=none");
                slaac(out);
            }
            case VNET_FIXED -> {
                out.add("vnet=on");
                otherBridge(out);
                out.add("ip4_addr=" + VNET_IFACE + "|" + address);
                if (!address6.isEmpty()) {
                    out.add("ip6_addr=" + VNET_IFACE + "|" + address6);
                }
                if (!router.isEmpty()) {
                    out.add("defaultrouter=" + router);
                }
                slaac(out);
            }
            case VNET_NAT -> {
                // Its address and router are iocage's, given at each start; no DHCP, and no bpf beside NAT.
                out.add("vnet=on");
                out.add("nat=on");
                out.add("dhcp=off");
                out.add("bpf=off");
                out.add("ip4_addr=none");
                out.add("nat_forwards=" + (forwards.isEmpty() ? "none" : String.join(",", forwardList())));
            }
            case UNSET -> {
            }
        }
        return out;
    }

    /** {@code ip6_addr=vnet0|accept_rtadv rtsold=on} when the IPv6 address is to come from router advertisements. */
    private void slaac(List<String> out) {
        if (slaac && address6.isEmpty()) {
            out.add("ip6_addr=" + RTADV);
            out.add("rtsold=on");
        }
    }

    /** The port forwards one by one, without spaces ({@code tcp(80:8080)}; a bare port is iocage's tcp). */
    private List<String> forwardList() {
        List<String> out = new ArrayList<>();
        for (String f : forwards.split(",")) {
            String t = f.strip();
            out.add(BARE_PORT.matcher(t).matches() ? "tcp(" + t + ")" : t);
        }
        return out;
    }

    /** {@code interfaces=vnet0:<bridge>} for a bridge other than iocage's own. */
    private void otherBridge(List<String> out) {
        if (!bridge.isEmpty() && !bridge.equals(DEFAULT_BRIDGE)) {
            out.add("interfaces=" + VNET_IFACE + ":" + bridge);
        }
    }

    /**
     * The choice that says a jail's network as its settings {@code now} have it, where one does: DHCP, one VNET address
     * or one address on a host interface; else {@link Mode#UNSET} (none, several, or what the choice cannot say).
     */
    public static JailNetwork of(java.util.Map<String, String> now) {
        String bridge = bridgeOf(now.getOrDefault("interfaces", ""));
        if (PropertyDef.isOn(now.get("vnet")) && PropertyDef.isOn(now.get("nat"))) {
            String fwd = now.getOrDefault("nat_forwards", "none");
            return new JailNetwork(Mode.VNET_NAT, "", "", "", "", "", fwd.equals("none") ? "" : fwd);
        }
        if (PropertyDef.isOn(now.get("nat"))) {
            // Behind the NAT without a network stack of its own (iocage's address on nat_interface): no choice here says
            // so, and taking one would turn nat off. Kept as it is unless another is chosen.
            return unset();
        }
        boolean rtadv = PropertyDef.isOn(now.get("vnet")) && RTADV.equals(now.get("ip6_addr"));
        if (PropertyDef.isOn(now.get("dhcp"))) {
            return new JailNetwork(Mode.VNET_DHCP, "", "", "", bridge, "", "", rtadv);
        }
        String[] four = single(now.get("ip4_addr"));
        String[] six = single(now.get("ip6_addr"));
        if (four == null) {
            return unset();
        }
        String router = now.getOrDefault("defaultrouter", "");
        router = router.equals("auto") || router.equals("none") ? "" : router;
        if (PropertyDef.isOn(now.get("vnet"))) {
            return four[0].equals(VNET_IFACE) && (six == null || six[0].equals(VNET_IFACE))
                    ? new JailNetwork(Mode.VNET_FIXED, "", four[1], router, bridge, six == null ? "" : six[1], "", rtadv)
                    : unset();
        }
        return six == null || six[0].equals(four[0])
                ? new JailNetwork(Mode.SHARED, four[0], four[1], "", "", six == null ? "" : six[1]) : unset();
    }

    /**
     * The host interface most of {@code values} (jails' {@code ip4_addr} or listed addresses, {@code em0|192.168.1.21/24})
     * put their addresses on, for a shared address's suggestion; VNET's own ({@code vnet0}, {@code epair0b}) and names
     * that are none are not counted; "" when none is. Of two as common, the first in name order.
     */
    public static String usualInterface(java.util.Collection<String> values) {
        java.util.Map<String, Integer> count = new java.util.TreeMap<>();
        for (String value : values) {
            if (value == null || value.length() > 4_096) {
                continue;
            }
            for (String item : value.split("[,\\s]+")) {
                int bar = item.indexOf('|');
                String name = bar > 0 ? item.substring(0, bar) : "";
                if (PropertyDef.isInterfaceName(name) && !name.startsWith("vnet") && !name.startsWith("epair")
                        && !name.equals("DEFAULT")) {
                    count.merge(name, 1, Integer::sum);
                }
            }
        }
        String best = "";
        int most = 0;
        for (java.util.Map.Entry<String, Integer> e : count.entrySet()) {
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }

    /**
     * The host interface a shared address is suggested on when the host's jails say none ({@link #usualInterface}): the
     * first of {@code host}'s that takes one, is up and has an IPv4 network; "" when none has.
     */
    public static String firstUsable(List<HostInterface> host) {
        return host.stream().filter(i -> i.takesSharedAddress() && i.up() && !i.networks().isEmpty())
                .map(HostInterface::name).findFirst().orElse("");
    }

    /**
     * What the host's interfaces ({@code host}, as it listed them) say against this choice, in the window's language:
     * an interface it does not have or that is down, an address in none of the interface's networks, a bridge it does
     * not have yet (iocage makes it at the jail's start) or a name that is no bridge there. A warning, never a refusal:
     * the host's interfaces may change before the jail starts. Each is said once what it is about is valid (the
     * dialog's red line says what is not). Empty when nothing is said, or the host listed none.
     */
    public Optional<String> hostWarning(List<HostInterface> host, Messages msg) {
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        if (mode == Mode.SHARED && PropertyDef.isInterfaceName(iface)) {
            Optional<HostInterface> on = host.stream().filter(i -> i.name().equals(iface)).findFirst();
            if (on.isEmpty()) {
                return Optional.of(msg.get("network.notOnHost", iface, String.join(", ",
                        host.stream().filter(HostInterface::takesSharedAddress).map(HostInterface::name).toList())));
            }
            if (!on.get().up()) {
                return Optional.of(msg.get("network.ifaceDown", iface));
            }
            Optional<Ipv4> a = Ipv4.parse(address).filter(v -> v.bits() != 0);
            List<String> nets = on.get().networks();
            if (a.isPresent() && !nets.isEmpty() && !on.get().holds(a.get())) {
                return Optional.of(msg.get("network.outsideIface", a.get().text(), iface, String.join(", ", nets)));
            }
            int slash = address6.indexOf('/');
            String six = slash < 0 ? address6 : address6.substring(0, slash);
            List<String> nets6 = on.get().networks6();
            boolean isAddress6 = slash < 0 ? Addresses.isIpv6(address6) : Addresses.isIpv6WithPrefix(address6);
            if (isAddress6 && !nets6.isEmpty() && !on.get().holds6(six)) {
                return Optional.of(msg.get("network.outsideIface", six, iface, String.join(", ", nets6)));
            }
            return Optional.empty();
        }
        String b = bridge.isEmpty() ? DEFAULT_BRIDGE : bridge;
        if ((mode == Mode.VNET_DHCP || mode == Mode.VNET_FIXED) && PropertyDef.isInterfaceName(b)) {
            Optional<HostInterface> on = host.stream().filter(i -> i.name().equals(b)).findFirst();
            if (on.isEmpty()) {
                return Optional.of(msg.get("network.bridgeMade", b));
            }
            if (on.get().kind() != HostInterface.Kind.BRIDGE) {
                return Optional.of(msg.get("network.notBridge", b));
            }
        }
        return Optional.empty();
    }

    /** {@code iface|address} of a value that holds exactly one, else null ({@code none}, several, DHCP, no interface). */
    private static String[] single(String value) {
        if (value == null || value.isBlank() || value.contains(",")) {
            return null;
        }
        int bar = value.indexOf('|');
        if (bar <= 0 || bar == value.length() - 1) {
            return null;
        }
        String address = value.substring(bar + 1);
        return address.equalsIgnoreCase("dhcp") || address.equals("accept_rtadv") ? null
                : new String[] {value.substring(0, bar), address};
    }

    /** The bridge of vnet0 in an {@code interfaces} value ({@code vnet0:bridge0,vnet1:bridge1}), or "". */
    private static String bridgeOf(String interfaces) {
        for (String pair : interfaces.split(",")) {
            if (pair.startsWith(VNET_IFACE + ":")) {
                return pair.substring(VNET_IFACE.length() + 1);
            }
        }
        return "";
    }

    /**
     * The settings to change so that a jail whose settings are {@code now} gets this choice: its properties, DHCP off
     * where it was on and the choice is not DHCP, and vnet0's bridge set in {@code interfaces} (its other pairs kept).
     * Nothing for {@link Mode#UNSET}.
     */
    public java.util.Map<String, String> edits(java.util.Map<String, String> now) {
        // An empty router is not sent: the jail's defaultrouter stays as it is (routerNow says what that is).
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        if (mode == Mode.UNSET) {
            return out;
        }
        for (String token : props()) {
            int eq = token.indexOf('=');
            out.put(token.substring(0, eq), token.substring(eq + 1));
        }
        if (mode != Mode.VNET_DHCP && PropertyDef.isOn(now.get("dhcp"))) {
            out.put("dhcp", "off");
        }
        if (asksSlaac(mode) && !slaac && String.valueOf(now.get("ip6_addr")).contains("accept_rtadv")) {
            // Router advertisements no longer: rtsold needs them (iocage refuses to start it without).
            out.putIfAbsent("ip6_addr", "none");
            if (PropertyDef.isOn(now.get("rtsold"))) {
                out.put("rtsold", "off");
            }
        }
        if (mode == Mode.VNET_NAT && PropertyDef.isOn(now.get("nat"))) {
            // Already behind the NAT: its address is iocage's, given at each start; nothing to change there.
            out.remove("ip4_addr");
        }
        if (mode != Mode.VNET_NAT && PropertyDef.isOn(now.get("nat"))) {
            // Else iocage would give it a NAT address at its next start, over the one chosen here.
            out.put("nat", "off");
        }
        if (asksBridge(mode)) {
            String was = now.getOrDefault("interfaces", "");
            String want = VNET_IFACE + ":" + (bridge.isEmpty() ? DEFAULT_BRIDGE : bridge);
            List<String> pairs = new ArrayList<>();
            boolean placed = false;
            for (String pair : was.isBlank() ? new String[0] : was.split(",")) {
                if (pair.startsWith(VNET_IFACE + ":")) {
                    pairs.add(want);
                    placed = true;
                } else {
                    pairs.add(pair);
                }
            }
            if (!placed) {
                pairs.add(0, want);
            }
            String joined = String.join(",", pairs);
            out.remove("interfaces");
            if (!joined.equals(was)) {
                out.put("interfaces", joined);
            }
        }
        return out;
    }

    /**
     * What an empty router means for a jail whose settings are {@code now}, in the window's language: its
     * {@code defaultrouter} stays as it is ({@link #edits} sends none), which is iocage's {@code auto} unless it says
     * otherwise ({@code none}, an address).
     */
    public static String routerNow(java.util.Map<String, String> now, Messages msg) {
        String was = now.getOrDefault("defaultrouter", "auto");
        return was.isBlank() || was.equals("auto") ? msg.get("network.routerAuto")
                : was.equals("none") ? msg.get("network.routerNoneNow") : msg.get("network.routerAsNow", Shown.of(was, 40));
    }

    /** The Properties field's text with this choice's properties after it. */
    public String withProps(String typed) {
        return withProps(typed, false);
    }

    /**
     * {@link #withProps(String)} for a clone of a jail behind the host's NAT, or a new jail on a host whose defaults put
     * it there ({@code natBefore}): a choice other than NAT also turns {@code nat} off, else iocage would give the jail
     * a NAT address at its start, over the chosen one. (Only then: legacy iocage, which has no {@code nat}, refuses the
     * property.)
     */
    public String withProps(String typed, boolean natBefore) {
        String t = typed == null ? "" : typed.strip();
        List<String> mine = new ArrayList<>(props());
        if (mine.isEmpty()) {
            return t;
        }
        if (natBefore && mode != Mode.VNET_NAT) {
            mine.add("nat=off");
        }
        return (t.isEmpty() ? "" : t + " ") + String.join(" ", mine);
    }

    /**
     * What is wrong with the choice, given the Properties field's {@code typed} text: a field it needs that is empty or
     * not what it should be, a router the jail could not reach, or a property set both here and there.
     */
    public Optional<String> problem(String typed, Messages msg) {
        if (mode == Mode.UNSET) {
            return Optional.empty();
        }
        if (typed != null && !typed.isBlank()) {
            for (String token : typed.strip().split("\\s+")) {
                int eq = token.indexOf('=');
                String key = eq > 0 ? token.substring(0, eq) : token;
                if (KEYS.contains(key) || key.equals("ip6_addr") && !address6.isEmpty() && asksAddress6(mode)
                        || mode == Mode.VNET_NAT && (key.equals("nat") || key.equals("nat_forwards"))
                        || slaac && asksSlaac(mode) && (key.equals("ip6_addr") || key.equals("rtsold"))) {
                    return Optional.of(msg.get("network.inProps", key));
                }
            }
        }
        if (asksInterface(mode)) {
            if (iface.isEmpty()) {
                return Optional.of(msg.get("network.needIface"));
            }
            if (!PropertyDef.isInterfaceName(iface)) {
                return Optional.of(msg.get("network.badIface", Shown.of(iface)));
            }
        }
        if (asksBridge(mode) && !bridge.isEmpty() && !PropertyDef.isInterfaceName(bridge)) {
            return Optional.of(msg.get("network.badBridge", Shown.of(bridge)));
        }
        if (asksForwards(mode)) {
            return forwardsProblem(msg);
        }
        if (slaac && asksSlaac(mode) && asksAddress6(mode) && !address6.isEmpty()) {
            return Optional.of(msg.get("network.slaacOrAddress6"));
        }
        if (!asksAddress(mode)) {
            return Optional.empty();
        }
        if (address.isEmpty()) {
            return Optional.of(msg.get("network.needAddress"));
        }
        Optional<Ipv4> a = Ipv4.parse(address);
        // 0.0.0.0 is no jail's address.
        if (a.isEmpty() || a.get().bits() == 0) {
            return Optional.of(msg.get("network.badAddress", Shown.of(address)));
        }
        Ipv4 jail = a.get();
        if (mode == Mode.VNET_FIXED && jail.prefix() < 0) {
            return Optional.of(msg.get("network.needPrefix", jail.text()));
        }
        if (jail.prefix() >= 0 && jail.prefix() <= 30) {
            if (jail.bits() == jail.network()) {
                return Optional.of(msg.get("network.networkAddress", jail.text(), jail.net()));
            }
            if (jail.bits() == jail.broadcast()) {
                return Optional.of(msg.get("network.broadcastAddress", jail.text(), jail.net()));
            }
        }
        Optional<String> six = problem6();
        if (six.isPresent()) {
            return six.map(key -> msg.get(key, Shown.of(address6)));
        }
        // iocage's none: no default route at all (a jail that reaches only its own network).
        if (!asksRouter(mode) || router.isEmpty() || router.equals(NO_ROUTER)) {
            return Optional.empty();
        }
        Optional<Ipv4> r = Ipv4.parse(router);
        if (r.isEmpty() || r.get().prefix() >= 0 || r.get().bits() == 0) {
            return Optional.of(msg.get("network.badRouter", Shown.of(router)));
        }
        if (r.get().bits() == jail.bits()) {
            return Optional.of(msg.get("network.routerIsJail", jail.text()));
        }
        if (!jail.holds(r.get())) {
            return Optional.of(msg.get("network.routerElsewhere", r.get().text(), jail.net()));
        }
        return Optional.empty();
    }

    /**
     * What is wrong with the port forwards, if any are given: one that is no forward, a port outside 1 to 65535 or a
     * range that runs backwards, or one host port forwarded twice for one protocol (iocage would refuse to start).
     */
    private Optional<String> forwardsProblem(Messages msg) {
        if (forwards.isEmpty()) {
            return Optional.empty();
        }
        if (forwards.length() > 1_024) {
            return Optional.of(msg.get("network.badForward", Shown.of(forwards)));
        }
        List<HostPorts> seen = new ArrayList<>();
        for (String f : forwards.split(",", -1)) {
            String t = f.strip();
            String proto;
            String jail;
            String host;
            Matcher m = FORWARD.matcher(t);
            if (BARE_PORT.matcher(t).matches()) {
                proto = "tcp";
                jail = t;
                host = t;
            } else if (m.matches()) {
                proto = m.group(1);
                jail = m.group(2);
                host = m.group(3) == null ? jail : m.group(3);
            } else {
                return Optional.of(msg.get("network.badForward", Shown.of(t)));
            }
            for (String ports : List.of(jail, host)) {
                if (!isPortOrRange(ports)) {
                    return Optional.of(msg.get("network.badPort", Shown.of(t)));
                }
            }
            for (HostPorts p : HostPorts.of(proto, host)) {
                for (HostPorts before : seen) {
                    if (before.overlaps(p)) {
                        return Optional.of(msg.get("network.forwardTwice", p.text(), p.proto()));
                    }
                }
                seen.add(p);
            }
        }
        return Optional.empty();
    }

    /** Host ports one forward takes for one protocol: {@code low} to {@code high} (one port: both the same). */
    private record HostPorts(String proto, int low, int high) {

        /** {@code tcp/udp} takes the ports for both. */
        static List<HostPorts> of(String proto, String ports) {
            String[] ends = ports.split("-");
            int low = Integer.parseInt(ends[0]);
            int high = Integer.parseInt(ends[ends.length - 1]);
            return java.util.Arrays.stream(proto.split("/")).map(p -> new HostPorts(p, low, high)).toList();
        }

        boolean overlaps(HostPorts o) {
            return proto.equals(o.proto) && low <= o.high && o.low <= high;
        }

        String text() {
            return low == high ? String.valueOf(low) : low + "-" + high;
        }
    }

    /** The host ports of a {@code nat_forwards} value; what is not a forward (or {@code none}) takes none. */
    private static List<HostPorts> hostPortsOf(String forwards) {
        List<HostPorts> out = new ArrayList<>();
        if (forwards == null || forwards.length() > 4_096) {
            return out;
        }
        for (String f : forwards.split(",")) {
            String t = f.strip();
            Matcher m = FORWARD.matcher(t);
            if (BARE_PORT.matcher(t).matches() && isPortOrRange(t)) {
                out.addAll(HostPorts.of("tcp", t));
            } else if (m.matches()) {
                String host = m.group(3) == null ? m.group(2) : m.group(3);
                if (isPortOrRange(host)) {
                    out.addAll(HostPorts.of(m.group(1), host));
                }
            }
        }
        return out;
    }

    /**
     * Which other jail of the host forwards a host port this choice forwards too, in the window's language; empty when
     * none does. {@code others} are the host's jails' {@code nat_forwards} (by id and name), {@code self} the jail this
     * choice is for (its own forwards are no conflict; "" for a new jail). iocage refuses to start a jail behind the
     * NAT whose forwards a running one has: a warning, as the two may be meant never to run at once.
     */
    public Optional<String> forwardsInUse(List<org.jaildesk.client.PropertyRow> others, String self, Messages msg) {
        if (mode != Mode.VNET_NAT || forwards.isEmpty() || forwardsProblem(msg).isPresent() || others == null) {
            return Optional.empty();
        }
        List<HostPorts> mine = hostPortsOf(forwards);
        for (org.jaildesk.client.PropertyRow row : others) {
            if (row.id().equals(self) || row.tag().equals(self)) {
                continue;
            }
            for (HostPorts theirs : hostPortsOf(row.value())) {
                for (HostPorts m : mine) {
                    if (m.overlaps(theirs)) {
                        return Optional.of(msg.get("network.forwardInUse", m.text(), m.proto(), Shown.of(row.tag(), 40)));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** {@code 80} or {@code 8000-8010}: ports 1 to 65535, a range from low to high. */
    private static boolean isPortOrRange(String s) {
        String[] ends = s.split("-");
        int low = Integer.parseInt(ends[0]);
        int high = Integer.parseInt(ends[ends.length - 1]);
        return low >= 1 && high <= 65_535 && low <= high && (ends.length == 1 || low < high);
    }

    /** The key of what is wrong with the IPv6 address, if one is given: not an address, or without the prefix VNET needs. */
    private Optional<String> problem6() {
        if (address6.isEmpty() || !asksAddress6(mode)) {
            return Optional.empty();
        }
        int slash = address6.indexOf('/');
        String bare = slash < 0 ? address6 : address6.substring(0, slash);
        if (slash >= 0 && !Addresses.isIpv6PrefixLength(address6.substring(slash + 1)) || !Addresses.isIpv6(bare)) {
            return Optional.of("network.badAddress6");
        }
        if (mode == Mode.VNET_FIXED && slash < 0) {
            return Optional.of("network.needPrefix6");
        }
        return Optional.empty();
    }

    /**
     * What the jail's network will be, in words, for the line under the choice: where its address is, and for VNET
     * the epair, the bridge and the route iocage sets up. Empty when nothing is chosen. An empty router is iocage's
     * {@code auto}, as for a new jail.
     */
    public String outline(Messages msg) {
        return outline(msg, msg.get("network.routerAuto"));
    }

    /**
     * {@link #outline(Messages)}, saying {@code emptyRouter} of an empty router: for a jail that exists, where an empty
     * router leaves its {@code defaultrouter} as it is ({@link #edits}), what that is.
     */
    public String outline(Messages msg, String emptyRouter) {
        String six = address6.isEmpty() || !asksAddress6(mode) ? ""
                : " " + msg.get("network.outline.six", Shown.of(address6), (mode == Mode.SHARED ? shown(iface) : VNET_IFACE));
        return switch (mode) {
            case UNSET -> "";
            case SHARED -> msg.get("network.outline.shared", shown(iface), shown(address)) + six;
            case VNET_DHCP -> vnetOutline(msg) + " " + msg.get("network.outline.dhcp") + rtadvOutline(msg);
            case VNET_FIXED -> vnetOutline(msg) + " " + msg.get("network.outline.fixed",
                    shown(address), router.isEmpty() ? emptyRouter : router.equals(NO_ROUTER) ? msg.get("network.routerNone")
                            : shown(router)) + six + rtadvOutline(msg);
            case VNET_NAT -> msg.get("network.outline.nat") + " " + (forwards.isEmpty() ? msg.get("network.outline.noForwards")
                    : msg.get("network.outline.forwards", Shown.of(String.join(", ", forwardList().stream()
                            .map(JailNetwork::forwardWords).toList()), 300)));
        };
    }

    /** {@code tcp(80:8080)} as the outline says it: {@code tcp 8080 → 80} (the host's port, then the jail's). */
    private static String forwardWords(String forward) {
        Matcher m = FORWARD.matcher(forward);
        if (!m.matches()) {
            return forward;
        }
        return m.group(1) + " " + (m.group(3) == null ? m.group(2) : m.group(3)) + " \u2192 " + m.group(2);
    }

    private String rtadvOutline(Messages msg) {
        return slaac && address6.isEmpty() ? " " + msg.get("network.outline.slaac") : "";
    }

    private String vnetOutline(Messages msg) {
        return msg.get("network.outline.vnet", bridge.isEmpty() ? DEFAULT_BRIDGE : Shown.of(bridge));
    }

    /** A field's text as the outline shows it while it is typed: cut short and written out, "…" while empty. */
    private static String shown(String field) {
        return field.isEmpty() ? "…" : Shown.of(field);
    }
}
