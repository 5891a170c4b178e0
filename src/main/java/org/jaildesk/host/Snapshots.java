package org.jaildesk.host;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jaildesk.domain.SnapshotNames;
import org.jaildesk.host.parse.LegacyOutput;
import org.jaildesk.host.parse.ListedJail;
import org.jaildesk.host.parse.PythonOutput;
import org.jaildesk.host.parse.Snapshot;

/**
 * A jail's ZFS snapshots (JailDesk's extensions {@code listsnapshots}, {@code snapshotjail}, {@code rollbackjail},
 * {@code removesnapshot}): list, take, roll back to, remove. Each change runs alone on its jail.
 */
final class Snapshots {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Python iocage's own default name for a snapshot, in UTC; the host always names it, so the reply can say it. */

    private final IocageHost host;
    private final HostOptions options;
    private final Commands commands;
    private final Reads reads;

    Snapshots(IocageHost host, HostOptions options, Commands commands, Reads reads) {
        this.host = host;
        this.options = options;
        this.commands = commands;
        this.reads = reads;
    }

    /**
     * {@code {"jail": J, "snapshots": [{"name", "created", "rsize", "used"}, …]}} in iocage's order. Python lists a
     * {@code NAME/root} row beside each snapshot, for the jail's root dataset, which holds its files: the snapshot
     * shows that row's sizes.
     */
    ObjectNode list(Args a) throws Exception {
        String jail = a.required("jail", v -> Validation.jail(v, false));
        Cli cli = reads.cli();
        CommandResult r = commands.readOk(cli, cli.snapshots(ref(cli, jail)));
        List<Snapshot> rows = cli.dialect().isPython() ? PythonOutput.snapshots(r.stdout()) : LegacyOutput.snapshots(r.stdout());
        Map<String, Snapshot> byName = new LinkedHashMap<>();
        for (Snapshot s : rows) {
            if (s.name().endsWith("/root") && byName.containsKey(s.name().substring(0, s.name().length() - 5))) {
                String name = s.name().substring(0, s.name().length() - 5);
                byName.put(name, new Snapshot(name, byName.get(name).created(), s.rsize(), s.used()));
            } else {
                byName.put(s.name(), s);
            }
        }
        ObjectNode out = JSON.objectNode();
        out.put("jail", jail);
        ArrayNode list = out.putArray("snapshots");
        for (Snapshot s : byName.values()) {
            list.addObject().put("name", s.name()).put("created", s.created()).put("rsize", s.rsize()).put("used", s.used());
        }
        return out;
    }

    /** {@code snapshot} (optional): the name; without it, the time in UTC, as Python iocage would name it. */
    ObjectNode take(Args a) throws Exception {
        String jail = a.required("jail", v -> Validation.jail(v, false));
        String name = a.has("snapshot") ? a.required("snapshot", Validation::snapshot) : SnapshotNames.at(Instant.now());
        return change("snapshotjail", jail, name, "snapshot " + jail + "@" + name + " taken", (cli, ref) -> cli.snapshot(ref, name));
    }

    /** The jail must be stopped; iocage destroys the snapshots taken after this one (ZFS cannot roll back past them). */
    ObjectNode rollback(Args a) throws Exception {
        String jail = a.required("jail", v -> Validation.jail(v, false));
        String name = a.required("snapshot", Validation::snapshot);
        return change("rollbackjail", jail, name, jail + " rolled back to " + name, (cli, ref) -> {
            ListedJail j = reads.find(jail);
            if (j.running()) {
                throw new ActionFailedException("jail " + jail + " is running: stop it before rolling it back");
            }
            return cli.rollback(ref, name);
        });
    }

    ObjectNode remove(Args a) throws Exception {
        String jail = a.required("jail", v -> Validation.jail(v, false));
        String name = a.required("snapshot", Validation::snapshot);
        return change("removesnapshot", jail, name, "snapshot " + jail + "@" + name + " removed", (cli, ref) -> cli.removeSnapshot(ref, name));
    }

    private interface Argv {
        List<String> of(Cli cli, String ref) throws Exception;
    }

    /** Runs the change alone on its jail; the reply names the jail and snapshot, and says what was done. */
    private ObjectNode change(String action, String jail, String name, String done, Argv argv) throws Exception {
        return host.withJail(jail, () -> {
            Cli cli = reads.cli();
            CommandResult r = host.exec(argv.of(cli, ref(cli, jail)), options.actionTimeout(), "", null);
            commands.requireSuccess(cli, r);
            ObjectNode out = JSON.objectNode();
            out.put("jail", jail);
            out.put("snapshot", name);
            out.put("success", done);
            host.publish(Commands.jailChanged(action, jail));
            return out;
        });
    }

    /**
     * How iocage is to name the jail: Python by its name; legacy by its UUID (a legacy tag may hold '@'), looked up in
     * a listing unless the jail was given by it (as the desktop does).
     */
    private String ref(Cli cli, String jail) throws Exception {
        return cli.dialect().isPython() || UUID.matcher(jail).matches() ? jail : reads.find(jail).id();
    }
}
