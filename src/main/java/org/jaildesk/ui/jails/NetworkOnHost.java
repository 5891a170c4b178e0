package org.jaildesk.ui.jails;

import java.util.List;
import java.util.Optional;
import org.jaildesk.domain.Addresses;
import org.jaildesk.domain.HostInterface;
import org.jaildesk.domain.Ipv4;
import org.jaildesk.domain.PropertyDef;
import org.jaildesk.ui.common.Messages;

/**
 * A jail's network against the host's: the interface a shared address is suggested on, and what the host's interfaces
 * say against a choice (a warning, never a refusal).
 */
final class NetworkOnHost {

    /**
     * The host interface most of {@code values} (jails' {@code ip4_addr} or listed addresses, {@code em0|192.168.1.21/24})
     * put their addresses on, for a shared address's suggestion; VNET's own ({@code vnet0}, {@code epair0b}) and names
     * that are none are not counted; "" when none is. Of two as common, the first in name order.
     */
    static String usualInterface(java.util.Collection<String> values) {
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
    static String firstUsable(List<HostInterface> host) {
        return host.stream().filter(i -> i.takesSharedAddress() && i.up() && !i.networks().isEmpty())
                .map(HostInterface::name).findFirst().orElse("");
    }

    /**
     * What the host's interfaces ({@code host}, as it listed them) say against the choice {@code n}, in the window's
     * language: an interface it does not have or that is down, an address in none of the interface's networks, a bridge
     * it does not have yet (iocage makes it at the jail's start) or a name that is no bridge there. A warning, never a refusal:
     * the host's interfaces may change before the jail starts. Each is said once what it is about is valid (the
     * dialog's red line says what is not). Empty when nothing is said, or the host listed none.
     */
    static Optional<String> warning(JailNetwork n, List<HostInterface> host, Messages msg) {
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        if (n.mode() == JailNetwork.Mode.SHARED && PropertyDef.isInterfaceName(n.iface())) {
            Optional<HostInterface> on = host.stream().filter(i -> i.name().equals(n.iface())).findFirst();
            if (on.isEmpty()) {
                return Optional.of(msg.get("network.notOnHost", n.iface(), String.join(", ",
                        host.stream().filter(HostInterface::takesSharedAddress).map(HostInterface::name).toList())));
            }
            if (!on.get().up()) {
                return Optional.of(msg.get("network.ifaceDown", n.iface()));
            }
            Optional<Ipv4> a = Ipv4.parse(n.address()).filter(v -> v.bits() != 0);
            List<String> nets = on.get().networks();
            if (a.isPresent() && !nets.isEmpty() && !on.get().holds(a.get())) {
                return Optional.of(msg.get("network.outsideIface", a.get().text(), n.iface(), String.join(", ", nets)));
            }
            int slash = n.address6().indexOf('/');
            String six = slash < 0 ? n.address6() : n.address6().substring(0, slash);
            List<String> nets6 = on.get().networks6();
            boolean isAddress6 = slash < 0 ? Addresses.isIpv6(n.address6()) : Addresses.isIpv6WithPrefix(n.address6());
            if (isAddress6 && !nets6.isEmpty() && !on.get().holds6(six)) {
                return Optional.of(msg.get("network.outsideIface", six, n.iface(), String.join(", ", nets6)));
            }
            return Optional.empty();
        }
        String b = n.bridge().isEmpty() ? JailNetwork.DEFAULT_BRIDGE : n.bridge();
        if ((n.mode() == JailNetwork.Mode.VNET_DHCP || n.mode() == JailNetwork.Mode.VNET_FIXED) && PropertyDef.isInterfaceName(b)) {
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

    private NetworkOnHost() {
    }
}
