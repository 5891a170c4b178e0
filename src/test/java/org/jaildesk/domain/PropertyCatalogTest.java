package org.jaildesk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PropertyCatalogTest {

    private final PropertyCatalog catalog = PropertyCatalog.standard();

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "boot => on", "boot => 1", "priority => 10", "quota => 20G", "quota => none", "ip4_addr => em0|192.168.1.21/24",
        "ip4_addr => 192.168.1.22,10.0.0.22", "ip4_addr => DHCP", "memoryuse => deny=8G", "memoryuse => 8G:log",
        "cpuset => 0-3", "cpuset => 0,1", "interfaces => vnet0:bridge0,vnet1:bridge1", "login_flags => -f root",
        "notes => postgres 15; runs: nightly", "securelevel => -1", "ip6_addr => em0|fd00::21/64", "depends => db01 cache"})
    void acceptsValidValues(String key, String value) {
        assertEquals(java.util.Optional.empty(), catalog.check(key, value, false));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "boot => maybe", "priority => 100", "priority => ten", "quota => 20K", "ip4_addr => 999.1.1.1", "ip4_addr => em0;rm|1.1.1.1",
        "memoryuse => lots", "cpuset => 0-", "securelevel => 7", "host_hostuuid => x", "used => 1G", "nat_prefix => 10.0",
        "nosuchprop => 1", "-f => 1", "a;b => 1", "depends => a;b"})
    void refusesInvalidValuesWithAReason(String key, String value) {
        assertTrue(catalog.check(key, value, false).isPresent(), key + "=" + value);
    }

    @Test
    void refusesControlCharactersAndHugeValues() {
        assertTrue(catalog.check("notes", "a\nb", false).orElseThrow().english().contains("control character"));
        assertTrue(catalog.check("notes", "x".repeat(2000), false).orElseThrow().english().contains("too long"));
    }

    @Test
    void defaultsOnlyPropertiesAreAllowedOnDefaults() {
        assertEquals(java.util.Optional.empty(), catalog.check("nat_prefix", "10.0", true));
    }

    @Test
    void knowsCategoriesAndWhenChangesApply() {
        PropertyDef vnet = catalog.find("vnet").orElseThrow();
        assertEquals(PropertyDef.Category.NETWORK, vnet.category());
        assertEquals(PropertyDef.Apply.RESTART, vnet.apply());
        assertEquals(PropertyDef.Apply.LIVE, catalog.find("allow_raw_sockets").orElseThrow().apply());
        assertTrue(catalog.find("release").orElseThrow().readOnly());
        assertTrue(catalog.all().size() > 150);
    }
}
