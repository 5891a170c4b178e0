package org.jaildesk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The addresses in iocage's and jls's words for a jail's network, each in one form, to tell who shares one. */
class AddressesTest {

    @Test
    void theAddressesOfPropertyValuesAndListings() {
        assertEquals(List.of("192.168.1.21", "10.0.0.21"), Addresses.of("em0|192.168.1.21/24,em0|10.0.0.21/24"));
        assertEquals(List.of("192.168.1.140"), Addresses.of("epair0b|192.168.1.140"));
        assertEquals(List.of("10.0.0.5", "10.0.0.6"), Addresses.of("10.0.0.5, 10.0.0.6"));
        assertEquals(List.of("192.168.1.21"), Addresses.of("192.168.1.21,em0|192.168.1.21/24"), "once");
        assertEquals(List.of("fd00:0:0:0:0:0:0:5"), Addresses.of("vnet0|fd00::5/64"));
        assertEquals(Addresses.of("fd00::5"), Addresses.of("FD00:0000::0005"), "one form for IPv6");
        assertEquals(List.of("10.1.2.3"), Addresses.of("DEFAULT|10.1.2.3"));
    }

    @Test
    void wordsAndWhatIsNoAddressAreSkipped() {
        for (String v : List.of("none", "DHCP", "dhcp", "DHCP(Network Issue)", "DHCP (not running)", "-", "", "accept_rtadv",
                "vnet0|accept_rtadv", "300.1.1.1", "1.2.3", "0.0.0.0", "::", "$(x)", "a;b", "-f", "localhost", "example.org",
                "x".repeat(10_000_000))) {
            assertEquals(List.of(), Addresses.of(v), v.length() > 40 ? "10 MB" : v);
        }
        assertEquals(List.of(), Addresses.of(null));
        // A name with a colon is not looked up as a host name.
        assertEquals(List.of(), Addresses.of("host.example.org:80"));
    }

    @Test
    void anIpv6NetworkInItsShortestFormAndWhatItHolds() {
        assertEquals("fd00::/64", Addresses.ipv6Network("fd00::5/64"));
        assertEquals("2001:db8:1::/48", Addresses.ipv6Network("2001:DB8:1:ff::1/48"));
        assertEquals("2001:db8:0:10::/60", Addresses.ipv6Network("2001:db8:0:1f::1/60"), "a prefix inside a group");
        assertEquals("::/0", Addresses.ipv6Network("2001:db8::1/0"));
        assertEquals("0:0:1::/48", Addresses.ipv6Network("0:0:1:0:5::/48"), "the longest run of zeros is the one left out");
        assertEquals("2001:db8::1:0:0:1/128", Addresses.ipv6Network("2001:db8:0:0:1:0:0:1/128"), "the first of two runs alike");
        assertEquals("2001:db8:0:1:1:1:1:1/128", Addresses.ipv6Network("2001:db8:0:1:1:1:1:1/128"), "one zero group stays");

        assertTrue(Addresses.ipv6In("fd00::50", "fd00::5/64"));
        assertTrue(Addresses.ipv6In("2001:db8:0:1f::9", "2001:db8:0:10::1/60"));
        assertFalse(Addresses.ipv6In("2001:db8:0:20::9", "2001:db8:0:10::1/60"), "just past the /60");
        assertFalse(Addresses.ipv6In("fd01::50", "fd00::5/64"));
        assertTrue(Addresses.ipv6In("2001:db8::9", "fd00::5/0"), "/0 holds every address");
    }

    @Test
    void whatIsNoIpv6NetworkHasNoneAndHoldsNothing() {
        for (String v : List.of("", "fd00::5", "fd00::5/129", "fd00::5/064", "10.0.0.1/24", "::ffff:10.0.0.1/96", "$(x)/64",
                "-f", "em0|fd00::5/64", "fd00::5%em0/64", "x".repeat(10_000_000) + "/64")) {
            assertEquals("", Addresses.ipv6Network(v), v.length() > 40 ? "10 MB" : v);
            assertFalse(Addresses.ipv6In("fd00::50", v), v.length() > 40 ? "10 MB" : v);
        }
        for (String v : List.of("", "fd00::50/64", "::", "::ffff:10.0.0.1", "10.0.0.1", "fd00::50%em0", "$(x)", "-f", "a;b",
                "fd00::50\n", "x".repeat(10_000_000))) {
            assertFalse(Addresses.ipv6In(v, "fd00::5/64"), v.length() > 40 ? "10 MB" : v);
        }
        assertEquals("", Addresses.ipv6Network(null));
        assertFalse(Addresses.ipv6In(null, "fd00::5/64"));
    }
}
