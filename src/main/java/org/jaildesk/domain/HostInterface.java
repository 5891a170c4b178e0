package org.jaildesk.domain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A network interface of the host, as {@code ifconfig -a} shows it: where a jail's shared address can go, or, for a
 * bridge, where a VNET jail's epair can be joined.
 *
 * @param name    its name, {@code em0}, {@code bridge0}, {@code vnet0.3}
 * @param kind    what it is
 * @param up      whether it is up ({@code UP} among its flags)
 * @param ip4     its IPv4 addresses with their prefix length, {@code 192.168.1.5/24}, in ifconfig's order
 * @param ip6     its IPv6 addresses with their prefix length, link-local ones left out
 * @param members for a bridge, the interfaces it joins; none for the others
 */
public record HostInterface(String name, Kind kind, boolean up, List<String> ip4, List<String> ip6, List<String> members) {

    /** What an interface is, as far as a jail's network is concerned. */
    public enum Kind {
        /** A network card or anything else with an Ethernet address (a VLAN, a lagg): a shared address can go on it. */
        ETHERNET,
        /** A bridge ({@code groups: bridge}): VNET jails' epairs are joined on it. */
        BRIDGE,
        /** One end of an epair ({@code groups: epair}), as iocage makes one for each running VNET jail. */
        EPAIR,
        /** The loopback ({@code LOOPBACK} among its flags). */
        LOOPBACK,
        /** Anything else: a tunnel, pflog, pfsync. */
        OTHER;

        /** Its word in the protocol: {@code ethernet}, {@code bridge}, … */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind {@code word} names; empty when it names none. */
        public static Optional<Kind> of(String word) {
            for (Kind k : values()) {
                if (k.word().equals(word)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    public HostInterface {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        ip4 = List.copyOf(ip4);
        ip6 = List.copyOf(ip6);
        members = List.copyOf(members);
    }

    /**
     * Whether a jail's shared address is meant to go on it: a network card, a bridge, or another interface that has an
     * IPv4 address of its own; never the loopback or a VNET jail's epair.
     */
    public boolean takesSharedAddress() {
        return switch (kind) {
            case ETHERNET, BRIDGE -> true;
            case OTHER -> !ip4.isEmpty();
            case EPAIR, LOOPBACK -> false;
        };
    }

    /** Its IPv4 networks in CIDR form ({@code 192.168.1.0/24}), without the single addresses (/32) jails have on it. */
    public List<String> networks() {
        return ip4.stream().map(Ipv4::parse).flatMap(Optional::stream).filter(a -> a.prefix() >= 0 && a.prefix() < 32)
                .map(Ipv4::net).distinct().toList();
    }

    /** Whether {@code address} is in one of its IPv4 networks ({@link #networks}). */
    public boolean holds(Ipv4 address) {
        return ip4.stream().map(Ipv4::parse).flatMap(Optional::stream)
                .anyMatch(a -> a.prefix() >= 0 && a.prefix() < 32 && a.holds(address));
    }

    /** Its IPv6 networks in the shortest form ({@code fd00::/64}), without the single addresses (/128) jails have on it. */
    public List<String> networks6() {
        return ip6.stream().filter(HostInterface::isNetwork6).map(Addresses::ipv6Network).distinct().toList();
    }

    /** Whether the IPv6 address {@code literal} ({@code fd00::50}) is in one of its IPv6 networks ({@link #networks6}). */
    public boolean holds6(String literal) {
        return ip6.stream().filter(HostInterface::isNetwork6).anyMatch(a -> Addresses.ipv6In(literal, a));
    }

    private static boolean isNetwork6(String a) {
        return Addresses.isIpv6WithPrefix(a) && !a.endsWith("/128");
    }
}
