package org.jaildesk.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The IP addresses in what iocage and jls say of a jail's network: a property's value ({@code ip4_addr},
 * {@code ip6_addr}: {@code em0|192.168.1.21/24,em0|10.0.0.21/24}) or a listing's IP column ({@code DHCP},
 * {@code epair0b|192.168.1.140}, {@code -}), in one canonical form each, to tell which jails share one.
 */
public final class Addresses {

    private static final Pattern V4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    /** What an IPv6 literal may hold; anything else is never handed to {@link InetAddress} (no name is looked up). */
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    /** A listing's or a property's value is short; a longer one is not looked through. */
    private static final int LONGEST = 4_096;

    private Addresses() {
    }

    /**
     * Each address in {@code value}, once, in order: an interface before {@code |} and a prefix length after {@code /}
     * left out, words ({@code none}, {@code DHCP}, {@code accept_rtadv}, {@code -}) and anything not an address
     * skipped.
     */
    public static List<String> of(String value) {
        List<String> out = new ArrayList<>();
        if (value == null || value.length() > LONGEST) {
            return out;
        }
        for (String part : value.split("[,\\s]+")) {
            String a = canonical(part);
            if (!a.isEmpty() && !out.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }

    /** 0 to 128, without a leading zero. */
    private static final Pattern PREFIX6 = Pattern.compile("0|[1-9]\\d?|1[01]\\d|12[0-8]");

    /**
     * Whether {@code literal} is one IPv6 address as written: hex digits, colons and dots only (no interface before it,
     * no prefix, no zone), never looked up as a name; not {@code ::}, and not an IPv4-mapped one, which is the IPv4
     * address it holds.
     */
    public static boolean isIpv6(String literal) {
        return literal != null && V6.matcher(literal).matches() && canonical(literal).indexOf(':') >= 0;
    }

    /** Whether {@code digits} is an IPv6 prefix length, 0 to 128 without a leading zero. */
    public static boolean isIpv6PrefixLength(String digits) {
        return digits != null && PREFIX6.matcher(digits).matches();
    }

    /** Whether {@code s} is an IPv6 address with its prefix length, {@code fd00::5/64}. */
    public static boolean isIpv6WithPrefix(String s) {
        int slash = s == null ? -1 : s.indexOf('/');
        return slash > 0 && isIpv6(s.substring(0, slash)) && isIpv6PrefixLength(s.substring(slash + 1));
    }

    /**
     * The network of an IPv6 address with its prefix length ({@code fd00::5/64}) in the shortest form, {@code fd00::/64};
     * "" when {@code withPrefix} is not such an address.
     */
    public static String ipv6Network(String withPrefix) {
        if (!isIpv6WithPrefix(withPrefix)) {
            return "";
        }
        int slash = withPrefix.indexOf('/');
        int prefix = Integer.parseInt(withPrefix.substring(slash + 1));
        byte[] net = masked(ipv6Bytes(withPrefix.substring(0, slash)), prefix);
        return shortest(net) + "/" + prefix;
    }

    /** Whether the IPv6 address {@code literal} is in the network of {@code withPrefix} ({@code fd00::5/64}). */
    public static boolean ipv6In(String literal, String withPrefix) {
        if (!isIpv6(literal) || !isIpv6WithPrefix(withPrefix)) {
            return false;
        }
        int slash = withPrefix.indexOf('/');
        int prefix = Integer.parseInt(withPrefix.substring(slash + 1));
        return java.util.Arrays.equals(masked(ipv6Bytes(literal), prefix),
                masked(ipv6Bytes(withPrefix.substring(0, slash)), prefix));
    }

    /** The 16 bytes of a literal that {@link #isIpv6} took. */
    private static byte[] ipv6Bytes(String literal) {
        try {
            // Hex digits, colons and dots with a colon: read as a literal, never looked up (isIpv6 has checked).
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv6 literal", e);
        }
    }

    private static byte[] masked(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - 8 * i));
            out[i] &= (byte) (0xff00 >> keep);
        }
        return out;
    }

    /** RFC 5952's text: lower-case groups without leading zeros, the longest run of two or more zero groups as {@code ::}. */
    private static String shortest(byte[] address) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (address[2 * i] & 0xff) << 8 | address[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append("::");
                i += bestLength - 1;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
                b.append(':');
            }
            b.append(Integer.toHexString(groups[i]));
        }
        return b.toString();
    }

    /** One item's address in canonical form ({@code 192.168.1.21}, {@code fd00::5}); "" when it holds none. */
    static String canonical(String item) {
        String s = item.strip();
        int bar = s.lastIndexOf('|');
        if (bar >= 0) {
            s = s.substring(bar + 1);
        }
        int slash = s.indexOf('/');
        if (slash >= 0) {
            s = s.substring(0, slash);
        }
        java.util.regex.Matcher m = V4.matcher(s);
        if (m.matches()) {
            StringBuilder b = new StringBuilder();
            for (int i = 1; i <= 4; i++) {
                int octet = Integer.parseInt(m.group(i));
                if (octet > 255) {
                    return "";
                }
                b.append(i > 1 ? "." : "").append(octet);
            }
            // 0.0.0.0 is no jail's own address.
            return b.toString().equals("0.0.0.0") ? "" : b.toString();
        }
        if (s.indexOf(':') >= 0 && V6.matcher(s).matches()) {
            try {
                // A string of hex digits, colons and dots with a colon is read as an IPv6 literal, never looked up.
                String text = InetAddress.getByName(s).getHostAddress().toLowerCase(Locale.ROOT);
                return text.equals("0:0:0:0:0:0:0:0") ? "" : text;
            } catch (UnknownHostException | SecurityException e) {
                return "";
            }
        }
        return "";
    }
}
