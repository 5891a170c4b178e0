package org.jaildesk.ui.jails;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jaildesk.client.PropertyRow;
import org.jaildesk.domain.Shown;
import org.jaildesk.ui.common.Messages;

/**
 * The port forwards of a jail behind the host's NAT as iocage's {@code nat_forwards} writes them
 * ({@code tcp(80:8080),udp(53)}: the jail's port, then the host's; a bare port is tcp): checked, written out without
 * spaces, said in words, and held against the other jails' forwards.
 */
final class NatForwards {

    /** A port forward as iocage's nat_forwards takes it: a protocol, the jail's port or range, and the host's after ':'. */
    private static final Pattern FORWARD = Pattern.compile("(tcp|udp|tcp/udp)\\((\\d{1,5}(?:-\\d{1,5})?)(?::(\\d{1,5}(?:-\\d{1,5})?))?\\)");
    /** A port alone, which iocage takes as tcp. */
    private static final Pattern BARE_PORT = Pattern.compile("\\d{1,5}");

    /** {@code forwards} one by one, without spaces ({@code tcp(80:8080)}; a bare port is iocage's tcp). */
    static List<String> list(String forwards) {
        List<String> out = new ArrayList<>();
        for (String f : forwards.split(",")) {
            String t = f.strip();
            out.add(BARE_PORT.matcher(t).matches() ? "tcp(" + t + ")" : t);
        }
        return out;
    }

    /**
     * What is wrong with {@code forwards}, if any are given: one that is no forward, a port outside 1 to 65535 or a
     * range that runs backwards, or one host port forwarded twice for one protocol (iocage would refuse to start).
     */
    static Optional<String> problem(String forwards, Messages msg) {
        if (forwards.isEmpty()) {
            return Optional.empty();
        }
        if (forwards.length() > 1_024) {
            return Optional.of(msg.get("network.badForward", Shown.of(forwards)));
        }
        List<HostPorts> seen = new ArrayList<>();
        for (String f : forwards.split(",", -1)) {
            String t = f.strip();
            String proto;
            String jail;
            String host;
            Matcher m = FORWARD.matcher(t);
            if (BARE_PORT.matcher(t).matches()) {
                proto = "tcp";
                jail = t;
                host = t;
            } else if (m.matches()) {
                proto = m.group(1);
                jail = m.group(2);
                host = m.group(3) == null ? jail : m.group(3);
            } else {
                return Optional.of(msg.get("network.badForward", Shown.of(t)));
            }
            for (String ports : List.of(jail, host)) {
                if (!isPortOrRange(ports)) {
                    return Optional.of(msg.get("network.badPort", Shown.of(t)));
                }
            }
            for (HostPorts p : HostPorts.of(proto, host)) {
                for (HostPorts before : seen) {
                    if (before.overlaps(p)) {
                        return Optional.of(msg.get("network.forwardTwice", p.text(), p.proto()));
                    }
                }
                seen.add(p);
            }
        }
        return Optional.empty();
    }

    /** Host ports one forward takes for one protocol: {@code low} to {@code high} (one port: both the same). */
    private record HostPorts(String proto, int low, int high) {

        /** {@code tcp/udp} takes the ports for both. */
        static List<HostPorts> of(String proto, String ports) {
            String[] ends = ports.split("-");
            int low = Integer.parseInt(ends[0]);
            int high = Integer.parseInt(ends[ends.length - 1]);
            return java.util.Arrays.stream(proto.split("/")).map(p -> new HostPorts(p, low, high)).toList();
        }

        boolean overlaps(HostPorts o) {
            return proto.equals(o.proto) && low <= o.high && o.low <= high;
        }

        String text() {
            return low == high ? String.valueOf(low) : low + "-" + high;
        }
    }

    /** The host ports of a {@code nat_forwards} value; what is not a forward (or {@code none}) takes none. */
    private static List<HostPorts> hostPortsOf(String forwards) {
        List<HostPorts> out = new ArrayList<>();
        if (forwards == null || forwards.length() > 4_096) {
            return out;
        }
        for (String f : forwards.split(",")) {
            String t = f.strip();
            Matcher m = FORWARD.matcher(t);
            if (BARE_PORT.matcher(t).matches() && isPortOrRange(t)) {
                out.addAll(HostPorts.of("tcp", t));
            } else if (m.matches()) {
                String host = m.group(3) == null ? m.group(2) : m.group(3);
                if (isPortOrRange(host)) {
                    out.addAll(HostPorts.of(m.group(1), host));
                }
            }
        }
        return out;
    }

    /**
     * Which other jail of the host forwards a host port {@code forwards} forwards too, in the window's language; empty when
     * none does. {@code others} are the host's jails' {@code nat_forwards} (by id and name), {@code self} the jail they
     * are for (its own forwards are no conflict; "" for a new jail). iocage refuses to start a jail behind the
     * NAT whose forwards a running one has: a warning, as the two may be meant never to run at once.
     */
    static Optional<String> inUse(String forwards, List<PropertyRow> others, String self, Messages msg) {
        if (forwards.isEmpty() || problem(forwards, msg).isPresent() || others == null) {
            return Optional.empty();
        }
        List<HostPorts> mine = hostPortsOf(forwards);
        for (PropertyRow row : others) {
            if (row.id().equals(self) || row.tag().equals(self)) {
                continue;
            }
            for (HostPorts theirs : hostPortsOf(row.value())) {
                for (HostPorts m : mine) {
                    if (m.overlaps(theirs)) {
                        return Optional.of(msg.get("network.forwardInUse", m.text(), m.proto(), Shown.of(row.tag(), 40)));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** {@code 80} or {@code 8000-8010}: ports 1 to 65535, a range from low to high. */
    private static boolean isPortOrRange(String s) {
        String[] ends = s.split("-");
        int low = Integer.parseInt(ends[0]);
        int high = Integer.parseInt(ends[ends.length - 1]);
        return low >= 1 && high <= 65_535 && low <= high && (ends.length == 1 || low < high);
    }

    /** {@code tcp(80:8080)} as the outline says it: {@code tcp 8080 → 80} (the host's port, then the jail's). */
    static String words(String forward) {
        Matcher m = FORWARD.matcher(forward);
        if (!m.matches()) {
            return forward;
        }
        return m.group(1) + " " + (m.group(3) == null ? m.group(2) : m.group(3)) + " \u2192 " + m.group(2);
    }

    private NatForwards() {
    }
}
