package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.jaildesk.protocol.Protocol;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;

/** Which iocage runs may take hours: exactly those of {@link Protocol#LONG_ACTIONS}, which clients wait longer for. */
class TimeoutClassTest {

    private static final Duration READ = Duration.ofSeconds(61);
    private static final Duration ACTION = Duration.ofSeconds(62);
    private static final Duration LONG = Duration.ofSeconds(63);

    @Test
    void theLongActionsAndOnlyThemLetIocageRunForTheLongLimit() {
        List<CommandSpec> seen = new CopyOnWriteArrayList<>();
        SimulatedIocage sim = new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON));
        CommandRunner recording = spec -> {
            seen.add(spec);
            return sim.run(spec);
        };
        // Every action that runs iocage on the demo host, each with arguments it accepts, in an order that works.
        Map<String, String[]> requests = new LinkedHashMap<>();
        requests.put("listjails", new String[0]);
        requests.put("df", new String[0]);
        requests.put("getdefaultsettings", new String[0]);
        requests.put("getjailsettings", new String[] {"jail", "mail"});
        requests.put("activatestatus", new String[0]);
        requests.put("activatepool", new String[0]);
        requests.put("listreleases", new String[0]);
        requests.put("listremotereleases", new String[0]);
        requests.put("listtemplates", new String[0]);
        requests.put("startjail", new String[] {"jail", "mail"});
        requests.put("restartjail", new String[] {"jail", "mail"});
        requests.put("stopjail", new String[] {"jail", "mail"});
        requests.put("execjail", new String[] {"jail", "plex", "user", "root", "command", "echo hi"});
        requests.put("setjailsettings", new String[] {"jail", "mail", "props", "notes=x"});
        requests.put("clonejail", new String[] {"jail", "mail", "props", "tag=mail2"});
        requests.put("exportjail", new String[] {"jail", "mail2"});
        requests.put("createjail", new String[] {"props", "tag=web09 release=13.2-RELEASE"});
        requests.put("fetchrelease", new String[] {"release", "14.1-RELEASE"});
        requests.put("destroyjail", new String[] {"jail", "mail2"});
        // The image the export wrote (named for the day it ran), once the jail it holds is gone.
        String[] importArgs = {"image", ""};
        requests.put("importjail", importArgs);
        requests.put("snapshotjail", new String[] {"jail", "mail", "snapshot", "s1"});
        requests.put("listsnapshots", new String[] {"jail", "mail"});
        requests.put("updatejail", new String[] {"jail", "mail"});
        requests.put("upgradejail", new String[] {"jail", "mail", "release", "14.1-RELEASE"});
        requests.put("rollbackjail", new String[] {"jail", "mail", "snapshot", "s1"});
        requests.put("removesnapshot", new String[] {"jail", "mail", "snapshot", "s1"});
        requests.put("renamejail", new String[] {"jail", "mail", "name", "post"});
        requests.put("cleantemplates", new String[0]);
        requests.put("cleanjails", new String[0]);
        requests.put("cleanreleases", new String[0]);
        requests.put("cleanimages", new String[0]);
        requests.put("cleanall", new String[0]);
        assertTrue(requests.keySet().containsAll(Protocol.LONG_ACTIONS));
        try (HostHarness h = new HostHarness(recording, new HostOptions(READ, ACTION, LONG, 4))) {
            for (Map.Entry<String, String[]> r : requests.entrySet()) {
                seen.clear();
                JsonNode body = h.body(r.getKey(), r.getValue());
                assertFalse(body.has("error"), r.getKey() + ": " + body);
                if (r.getKey().equals("exportjail")) {
                    importArgs[1] = java.nio.file.Path.of(body.get("image").asText()).getFileName().toString();
                }
                Set<Duration> timeouts = seen.stream().map(CommandSpec::timeout).collect(Collectors.toSet());
                assertFalse(seen.isEmpty(), r.getKey() + " ran no iocage");
                assertEquals(Protocol.isLong(r.getKey()), timeouts.contains(LONG), r.getKey() + " ran with " + timeouts);
            }
        }
    }
}
