package org.jaildesk.ui.jails;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jaildesk.domain.Addresses;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.OtherJail;
import org.jaildesk.ui.common.Messages;

/**
 * Which jails of a host have an address: those listed (Python iocage lists a stopped jail's configured addresses too;
 * legacy iocage only a running jail's) and those iocage did not make. For the warnings of the create, clone and
 * settings dialogs: two jails with one address do not run at the same time.
 */
final class AddressOwners {

    /** The listed jails by each address they have: made once per listing, not per keystroke. */
    private final java.util.Map<String, List<Jail>> listed;
    private final List<OtherJail> others;
    private final Messages msg;

    AddressOwners(java.util.Map<String, List<Jail>> listed, List<OtherJail> others, Messages msg) {
        this.listed = listed;
        this.others = others;
        this.msg = msg;
    }

    /** The listed jails by each address they have (a host of 10,000 jails: looked through once, not per keystroke). */
    static java.util.Map<String, List<Jail>> index(List<Jail> jails) {
        java.util.Map<String, List<Jail>> byAddress = new java.util.HashMap<>();
        for (Jail j : jails) {
            for (String a : Addresses.of(j.ip4() + "," + j.ip6())) {
                byAddress.computeIfAbsent(a, k -> new ArrayList<>(1)).add(j);
            }
        }
        return byAddress;
    }

    /** The names of those that have {@code address}, a listed jail whose id is in {@code except} left out. */
    List<String> of(String address, Collection<String> except) {
        List<String> owners = new ArrayList<>();
        for (Jail j : listed.getOrDefault(address, List.of())) {
            if (!except.contains(j.id())) {
                owners.add(j.displayName());
            }
        }
        for (OtherJail o : others) {
            if (o.ip4().stream().anyMatch(a -> Addresses.of(a).contains(address))
                    || o.ip6().stream().anyMatch(a -> Addresses.of(a).contains(address))) {
                owners.add(msg.get("others.owner", o.name()));
            }
        }
        return owners;
    }

    /**
     * The warning for those of {@code addresses} that others have, in the window's language (each named with its
     * owners, the first four of them); empty when none.
     */
    java.util.Optional<String> inUse(List<String> addresses, Collection<String> except) {
        List<String> taken = new ArrayList<>();
        String first = null;
        for (String address : new java.util.LinkedHashSet<>(addresses)) {
            List<String> owners = of(address, except);
            if (!owners.isEmpty()) {
                first = first == null ? msg.get("create.addressInUse", address, String.join(", ", owners)) : first;
                taken.add(msg.get("create.addressBy", address, String.join(", ", owners)));
            }
        }
        if (taken.size() <= 1) {
            return java.util.Optional.ofNullable(first);
        }
        String named = String.join(", ", taken.subList(0, Math.min(SAID, taken.size())));
        return java.util.Optional.of(msg.get("create.addressesInUse", taken.size() > SAID ? named + ", " + msg.get("create.addressesMore", taken.size() - SAID) : named));
    }

    /** How many addresses in use a warning names: it is one line under a field, not a report. */
    private static final int SAID = 4;
}
