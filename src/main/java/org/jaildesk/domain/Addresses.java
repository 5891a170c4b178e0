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
