package org.jaildesk.ui.jails;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jaildesk.domain.HostInterface;
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

    /** The router field's word for no default route, as iocage's {@code defaultrouter=none}. */
    static final String NO_ROUTER = "none";
    /** The properties a choice other than {@link Mode#UNSET} sets; the Properties field must then leave them alone. */
    static final Set<String> KEYS = Set.of("ip4_addr", "vnet", "dhcp", "bpf", "defaultrouter", "interfaces");

    /** The jail's end of its epair, as iocage names it (its {@code interfaces} default, {@code vnet0:bridge0}). */
    static final String VNET_IFACE = "vnet0";
    /** The host's end of a VNET jail's epair goes on this bridge unless another is named. */
    static final String DEFAULT_BRIDGE = "bridge0";

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
                out.add("nat_forwards=" + (forwards.isEmpty() ? "none" : String.join(",", NatForwards.list(forwards))));
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
     * What the host's interfaces ({@code host}, as it listed them) say against this choice, in the window's language
     * ({@link NetworkOnHost#warning}); empty when nothing is said, or the host listed none.
     */
    public Optional<String> hostWarning(List<HostInterface> host, Messages msg) {
        return NetworkOnHost.warning(this, host, msg);
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
     * What is wrong with the choice, given the Properties field's {@code typed} text ({@link NetworkProblems#of}): a
     * field it needs that is empty or not what it should be, a router the jail could not reach, or a property set both
     * here and there.
     */
    public Optional<String> problem(String typed, Messages msg) {
        return NetworkProblems.of(this, typed, msg);
    }

    /**
     * Which other jail of the host forwards a host port this choice forwards too, in the window's language; empty when
     * none does. {@code others} are the host's jails' {@code nat_forwards} (by id and name), {@code self} the jail this
     * choice is for (its own forwards are no conflict; "" for a new jail). iocage refuses to start a jail behind the
     * NAT whose forwards a running one has: a warning, as the two may be meant never to run at once.
     */
    public Optional<String> forwardsInUse(List<org.jaildesk.client.PropertyRow> others, String self, Messages msg) {
        return mode == Mode.VNET_NAT ? NatForwards.inUse(forwards, others, self, msg) : Optional.empty();
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
                    : msg.get("network.outline.forwards", Shown.of(String.join(", ", NatForwards.list(forwards).stream()
                            .map(NatForwards::words).toList()), 300)));
        };
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
