package org.jaildesk.ui.jails;

import java.util.Optional;
import org.jaildesk.domain.Addresses;
import org.jaildesk.domain.Ipv4;
import org.jaildesk.domain.PropertyDef;
import org.jaildesk.domain.Shown;
import org.jaildesk.ui.common.Messages;

/** What is wrong with a network choice as typed, in the window's language: the create and network dialogs' red line. */
final class NetworkProblems {

    /**
     * What is wrong with the choice {@code n}, given the Properties field's {@code typed} text: a field it needs that is
     * empty or not what it should be, a router the jail could not reach, or a property set both here and there.
     */
    static Optional<String> of(JailNetwork n, String typed, Messages msg) {
        if (n.mode() == JailNetwork.Mode.UNSET) {
            return Optional.empty();
        }
        if (typed != null && !typed.isBlank()) {
            for (String token : typed.strip().split("\\s+")) {
                int eq = token.indexOf('=');
                String key = eq > 0 ? token.substring(0, eq) : token;
                if (JailNetwork.KEYS.contains(key)
                        || key.equals("ip6_addr") && !n.address6().isEmpty() && JailNetwork.asksAddress6(n.mode())
                        || n.mode() == JailNetwork.Mode.VNET_NAT && (key.equals("nat") || key.equals("nat_forwards"))
                        || n.slaac() && JailNetwork.asksSlaac(n.mode()) && (key.equals("ip6_addr") || key.equals("rtsold"))) {
                    return Optional.of(msg.get("network.inProps", key));
                }
            }
        }
        if (JailNetwork.asksInterface(n.mode())) {
            if (n.iface().isEmpty()) {
                return Optional.of(msg.get("network.needIface"));
            }
            if (!PropertyDef.isInterfaceName(n.iface())) {
                return Optional.of(msg.get("network.badIface", Shown.of(n.iface())));
            }
        }
        if (JailNetwork.asksBridge(n.mode()) && !n.bridge().isEmpty() && !PropertyDef.isInterfaceName(n.bridge())) {
            return Optional.of(msg.get("network.badBridge", Shown.of(n.bridge())));
        }
        if (JailNetwork.asksForwards(n.mode())) {
            return NatForwards.problem(n.forwards(), msg);
        }
        if (n.slaac() && JailNetwork.asksSlaac(n.mode()) && JailNetwork.asksAddress6(n.mode()) && !n.address6().isEmpty()) {
            return Optional.of(msg.get("network.slaacOrAddress6"));
        }
        if (!JailNetwork.asksAddress(n.mode())) {
            return Optional.empty();
        }
        if (n.address().isEmpty()) {
            return Optional.of(msg.get("network.needAddress"));
        }
        Optional<Ipv4> a = Ipv4.parse(n.address());
        // 0.0.0.0 is no jail's address.
        if (a.isEmpty() || a.get().bits() == 0) {
            return Optional.of(msg.get("network.badAddress", Shown.of(n.address())));
        }
        Ipv4 jail = a.get();
        if (n.mode() == JailNetwork.Mode.VNET_FIXED && jail.prefix() < 0) {
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
        Optional<String> six = problem6(n);
        if (six.isPresent()) {
            return six.map(key -> msg.get(key, Shown.of(n.address6())));
        }
        // iocage's none: no default route at all (a jail that reaches only its own network).
        if (!JailNetwork.asksRouter(n.mode()) || n.router().isEmpty() || n.router().equals(JailNetwork.NO_ROUTER)) {
            return Optional.empty();
        }
        Optional<Ipv4> r = Ipv4.parse(n.router());
        if (r.isEmpty() || r.get().prefix() >= 0 || r.get().bits() == 0) {
            return Optional.of(msg.get("network.badRouter", Shown.of(n.router())));
        }
        if (r.get().bits() == jail.bits()) {
            return Optional.of(msg.get("network.routerIsJail", jail.text()));
        }
        if (!jail.holds(r.get())) {
            return Optional.of(msg.get("network.routerElsewhere", r.get().text(), jail.net()));
        }
        return Optional.empty();
    }

    /** The key of what is wrong with the IPv6 address, if one is given: not an address, or without the prefix VNET needs. */
    private static Optional<String> problem6(JailNetwork n) {
        if (n.address6().isEmpty() || !JailNetwork.asksAddress6(n.mode())) {
            return Optional.empty();
        }
        int slash = n.address6().indexOf('/');
        String bare = slash < 0 ? n.address6() : n.address6().substring(0, slash);
        if (slash >= 0 && !Addresses.isIpv6PrefixLength(n.address6().substring(slash + 1)) || !Addresses.isIpv6(bare)) {
            return Optional.of("network.badAddress6");
        }
        if (n.mode() == JailNetwork.Mode.VNET_FIXED && slash < 0) {
            return Optional.of("network.needPrefix6");
        }
        return Optional.empty();
    }

    private NetworkProblems() {
    }
}
