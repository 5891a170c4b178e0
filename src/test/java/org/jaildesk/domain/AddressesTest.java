package org.jaildesk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
