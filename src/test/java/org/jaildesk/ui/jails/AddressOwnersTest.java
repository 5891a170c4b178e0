package org.jaildesk.ui.jails;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailState;
import org.jaildesk.ui.common.Messages;
import org.junit.jupiter.api.Test;

/** Which jails have the addresses a dialog would give: every address in use is named, up to four in one warning. */
class AddressOwnersTest {

    private final Messages msg = new Messages(Locale.ENGLISH);
    private final List<Jail> jails = IntStream.rangeClosed(1, 6).mapToObj(i -> new Jail("j" + i, "j" + i, null,
            JailState.DOWN, false, "jail", "14.1-RELEASE", "em0|10.0.0." + i + "/24", "-", "-")).toList();
    private final AddressOwners owners = new AddressOwners(AddressOwners.index(jails), List.of(), msg);

    @Test
    void oneAddressInUseIsNamedWithItsOwner() {
        assertEquals(Optional.of("10.0.0.2 is already the address of j2: two jails with one address do not run at the "
                + "same time."), owners.inUse(List.of("10.0.0.99", "10.0.0.2", "10.0.0.2"), List.of()));
    }

    @Test
    void severalAreNamedEachWithItsOwnerUpToFour() {
        assertEquals(Optional.of("These addresses are already in use: 10.0.0.3 by j3, 10.0.0.1 by j1. Two jails with "
                + "one address do not run at the same time."), owners.inUse(List.of("10.0.0.3", "10.0.0.1"), List.of()));
        assertEquals(Optional.of("These addresses are already in use: 10.0.0.1 by j1, 10.0.0.2 by j2, 10.0.0.3 by j3, "
                + "10.0.0.4 by j4, 2 more. Two jails with one address do not run at the same time."),
                owners.inUse(List.of("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5", "10.0.0.6"), List.of()));
    }

    @Test
    void theJailsOwnAddressesAreNotInUse() {
        assertEquals(Optional.empty(), owners.inUse(List.of("10.0.0.1"), List.of("j1")));
        assertEquals(Optional.of("10.0.0.2 is already the address of j2: two jails with one address do not run at the "
                + "same time."), owners.inUse(List.of("10.0.0.1", "10.0.0.2"), List.of("j1")));
    }
}
