package org.jaildesk.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 address as jails' settings and the host's interfaces have them, with its prefix length ({@code -1} when none
 * was given): {@code 192.168.1.20/24}. Read strictly: four decimal numbers without leading zeros, a prefix of 0 to 32.
 *
 * @param bits   the address, most significant octet first
 * @param prefix the length of its network's prefix, or -1 for an address written without one
 */
public record Ipv4(int bits, int prefix) {

    private static final Pattern DOTTED = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?:/(\\d{1,2}))?");
    /** Longer input is no address; it is not looked through. */
    private static final int LONGEST = 64;

    public Ipv4 {
        if (prefix < -1 || prefix > 32) {
            throw new IllegalArgumentException("an IPv4 prefix is 0 to 32, not " + prefix);
        }
    }

    /** {@code s} as an address, with or without {@code /prefix}; empty when it is not one. */
    public static Optional<Ipv4> parse(String s) {
        if (s == null || s.length() > LONGEST) {
            return Optional.empty();
        }
        Matcher m = DOTTED.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        int bits = 0;
        for (int i = 1; i <= 4; i++) {
            String octet = m.group(i);
            // 010 would be read as 8 by some tools and as 10 by others: refused rather than guessed.
            if (octet.length() > 1 && octet.charAt(0) == '0') {
                return Optional.empty();
            }
            int v = Integer.parseInt(octet);
            if (v > 255) {
                return Optional.empty();
            }
            bits = bits << 8 | v;
        }
        int prefix = -1;
        if (m.group(5) != null) {
            prefix = Integer.parseInt(m.group(5));
            if (prefix > 32 || m.group(5).length() > 1 && m.group(5).charAt(0) == '0') {
                return Optional.empty();
            }
        }
        return Optional.of(new Ipv4(bits, prefix));
    }

    /**
     * The prefix length of a network mask such as ifconfig prints ({@code 0xffffff00}: 24); empty for a mask whose ones
     * are not all in front.
     */
    public static Optional<Integer> prefixOfMask(int mask) {
        int ones = Integer.bitCount(mask);
        return Optional.of(ones).filter(n -> mask == (n == 0 ? 0 : -1 << (32 - n)));
    }

    /** This address with {@code prefix} instead of its own. */
    public Ipv4 withPrefix(int prefix) {
        return new Ipv4(bits, prefix);
    }

    private int mask() {
        return prefix <= 0 ? 0 : -1 << (32 - prefix);
    }

    /** The first address of its network. */
    public int network() {
        return bits & mask();
    }

    /** The last address of its network. */
    public int broadcast() {
        return network() | ~mask();
    }

    /** Whether {@code other} is in this address's network (any address is, without a prefix). */
    public boolean holds(Ipv4 other) {
        return prefix < 0 || (other.bits() & mask()) == network();
    }

    /** The address alone, {@code 192.168.1.20}. */
    public String text() {
        return dotted(bits);
    }

    /** The network in CIDR form, {@code 192.168.1.0/24}. */
    public String net() {
        return dotted(network()) + "/" + prefix;
    }

    /** As it was written: {@code 192.168.1.20/24}, or {@code 192.168.1.20} without a prefix. */
    @Override
    public String toString() {
        return prefix < 0 ? text() : text() + "/" + prefix;
    }

    private static String dotted(int v) {
        return (v >>> 24) + "." + (v >>> 16 & 0xff) + "." + (v >>> 8 & 0xff) + "." + (v & 0xff);
    }
}
