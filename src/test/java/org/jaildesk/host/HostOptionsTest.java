package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HostOptionsTest {

    @Test
    void aListThatTakesMinutesOnALargePoolIsNotStoppedByDefault() {
        // iocage users report `iocage list` taking 10-90 s on large pools; a refresh must not be killed half-way.
        HostOptions d = HostOptions.defaults();
        assertTrue(d.readTimeout().compareTo(Duration.ofSeconds(90).multipliedBy(3)) >= 0, d.toString());
        assertTrue(d.longTimeout().compareTo(d.actionTimeout()) >= 0, d.toString());
    }
}
