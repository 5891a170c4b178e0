package org.jaildesk.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The demo host's {@code jls --libxo json -v}: its running iocage jails under iocage's kernel names, and three jails
 * iocage did not make, as a host shared with other tools has them (Bastille's, one of {@code jail.conf} in the
 * handbook's folder, a VNET jail of pot's).
 */
final class SimJls {

    static final List<String> ARGS = List.of("--libxo", "json", "-v");

    /** The jails of other tools: name, hostname, root, IPv4 addresses, IPv6 addresses (comma-joined). */
    private static final String[][] OTHERS = {
        {"www", "www.example.lan", "/usr/local/bastille/jails/www/root", "192.168.1.180", ""},
        {"ns1", "ns1.example.lan", "/usr/local/jails/containers/ns1", "192.168.1.153", "fd00::53"},
        {"pg-build", "pg-build", "/opt/pot/jails/pg-build/m", "", ""},
    };
    /** Where their kernel ids start: far from the demo's own, as jails started at boot before iocage's would not be. */
    private static final int FIRST_OTHER_JID = 901;

    private SimJls() {
    }

    static String output(SimState state) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("__version", "2");
        ArrayNode list = root.putObject("jail-information").putArray("jail");
        Set<Integer> taken = new HashSet<>();
        for (SimJail j : state.jails.values()) {
            if (j.running) {
                taken.add(j.jid);
                add(list, j.jid, "ioc-" + j.id.replace('.', '_'), j.id,
                        "/" + state.activePool + "/iocage/jails/" + j.id + "/root", "", "");
            }
        }
        int jid = FIRST_OTHER_JID;
        for (String[] o : OTHERS) {
            while (taken.contains(jid)) {
                jid++;
            }
            add(list, jid++, o[0], o[1], o[2], o[3], o[4]);
        }
        return root + "\n";
    }

    private static void add(ArrayNode list, int jid, String name, String hostname, String path, String ip4, String ip6) {
        ObjectNode j = list.addObject();
        j.put("jid", jid);
        j.put("hostname", hostname);
        j.put("path", path);
        j.put("name", name);
        j.put("state", "ACTIVE");
        j.put("cpusetid", jid + 1);
        ArrayNode v4 = j.putArray("ipv4_addrs");
        ArrayNode v6 = j.putArray("ipv6_addrs");
        for (String a : ip4.isEmpty() ? new String[0] : ip4.split(",")) {
            v4.add(a);
        }
        for (String a : ip6.isEmpty() ? new String[0] : ip6.split(",")) {
            v6.add(a);
        }
    }
}
