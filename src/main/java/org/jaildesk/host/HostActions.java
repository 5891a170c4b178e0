package org.jaildesk.host;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jaildesk.domain.Shown;
import org.jaildesk.host.parse.ListedJail;
import org.jaildesk.domain.HostInterface;
import org.jaildesk.domain.HostPool;
import org.jaildesk.host.parse.IfconfigOutput;
import org.jaildesk.host.parse.IocageParseException;
import org.jaildesk.host.parse.ZpoolList;

/**
 * The actions on the whole host rather than one jail: cleaning iocage's datasets, the pool iocage uses, fetching a
 * release. Each change runs alone on the host ({@link IocageHost#withHost}): no jail action runs beside it.
 */
final class HostActions {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final IocageHost host;
    private final HostOptions options;
    private final Commands commands;
    private final Reads reads;

    HostActions(IocageHost host, HostOptions options, Commands commands, Reads reads) {
        this.host = host;
        this.options = options;
        this.commands = commands;
        this.reads = reads;
    }

    ObjectNode clean(Args a, char what, String done) throws Exception {
        Cli cli = reads.cli();
        List<String> argv = cli.clean(what);
        return host.withHost(() -> {
            refuseProtected(what);
            CommandResult r = commands.longJob(a.jobId(), argv, cli.cleanStdin());
            commands.requireSuccess(cli, r);
            ObjectNode out = JSON.objectNode();
            out.put("success", done);
            host.publish(Commands.jailChanged("clean", ""));
            return out;
        });
    }

    /** Whether {@code j} is among the marks {@code ids}, by its id or (a legacy jail) its tag. */
    static boolean isProtected(java.util.Set<String> ids, ListedJail j) {
        return ids.contains(j.id()) || !j.tag().isEmpty() && ids.contains(j.tag());
    }

    /**
     * Refuses a clean that would destroy a jail or template the server keeps protected ({@code j}: the jails, {@code r}:
     * the releases, which takes the jails made from them along, so any jail counts; {@code t}: the templates,
     * {@code a}: all); a mark of a jail that is gone refuses nothing. Lists nothing when there are no marks.
     */
    private void refuseProtected(char what) throws Exception {
        java.util.Set<String> ids = host.protection().ids();
        if (ids.isEmpty() || what == 'i') {
            return;
        }
        List<ListedJail> goes = new java.util.ArrayList<>();
        if (what != 't') {
            goes.addAll(reads.jails());
        }
        if (what == 't' || what == 'a') {
            goes.addAll(reads.templates());
        }
        List<String> marked = goes.stream().filter(j -> isProtected(ids, j)).map(j -> j.tag().isEmpty() ? j.id() : j.tag())
                .distinct().sorted().toList();
        if (!marked.isEmpty()) {
            throw new ActionFailedException("this clean would destroy " + (marked.size() == 1 ? "a jail" : marked.size() + " jails")
                    + " protected from destroy on this server (" + Shown.of(String.join(", ", marked), 300)
                    + "): remove their protection first (unprotectjail)");
        }
    }

    ObjectNode activate(Args a) throws Exception {
        if (!a.has("pool")) {
            ObjectNode out = JSON.objectNode();
            out.putObject("currently active").put("pool", reads.pool());
            return out;
        }
        String pool = a.required("pool", Validation::pool);
        Cli cli = reads.cli();
        return host.withHost(() -> {
            CommandResult r = host.exec(cli.activate(pool), options.actionTimeout(), "", null);
            commands.requireSuccess(cli, r);
            ObjectNode out = JSON.objectNode();
            out.put("success", "pool " + pool + " activated.");
            host.publish(Commands.jailChanged("activatepool", ""));
            return out;
        });
    }

    ObjectNode deactivate(Args a) throws Exception {
        String pool = a.required("pool", Validation::pool);
        Cli cli = reads.cli();
        List<String> argv = cli.deactivate(pool);
        return host.withHost(() -> {
            CommandResult r = host.exec(argv, options.actionTimeout(), "", null);
            commands.requireSuccess(cli, r);
            ObjectNode out = JSON.objectNode();
            out.put("success", "pool " + pool + " deactivated.");
            host.publish(Commands.jailChanged("deactivatepool", ""));
            return out;
        });
    }

    ObjectNode activateStatus() throws Exception {
        ObjectNode out = JSON.objectNode();
        try {
            String pool = reads.pool();
            out.put("activated", "true");
            out.put("pool", pool);
        } catch (ActionFailedException | IocageParseException e) {
            out.put("activated", "false");
            out.put("reason", e.getMessage());
        }
        return out;
    }

    /** Every pool of the host as {@code zpool list} shows it, in exact bytes, without a header. */
    static final List<String> ZPOOL_LIST = List.of("list", "-Hp", "-o", "name,size,free,health");

    /**
     * The host's ZFS pools, the one iocage uses marked: {@code {"pools":[{"name","size","free","health","active"},…]}}.
     * iocage lists no pools, so the host asks {@code zpool} itself (any dialect). Changes nothing.
     */
    /** The pool iocage is activated on; "" when it has none or its answer cannot be read. */
    private String activePool() throws Exception {
        try {
            return reads.pool();
        } catch (ActionFailedException | IocageParseException e) {
            return "";
        }
    }

    ObjectNode listPools() throws Exception {
        // zpool first, then iocage for the pool it uses (which may have none: then no pool is marked).
        List<HostPool> pools = commands.toolRead(Tool.ZPOOL, ZPOOL_LIST, out -> ZpoolList.read(out, activePool()));
        ObjectNode out = JSON.objectNode();
        ArrayNode rows = out.putArray("pools");
        for (HostPool p : pools) {
            ObjectNode row = rows.addObject();
            row.put("name", p.name());
            row.put("size", p.size() < 0 ? "-" : String.valueOf(p.size()));
            row.put("free", p.free() < 0 ? "-" : String.valueOf(p.free()));
            row.put("health", p.health());
            row.put("active", String.valueOf(p.active()));
        }
        return out;
    }

    /** Every interface, in the format ifconfig has without {@code IFCONFIG_FORMAT} (which the runner leaves out). */
    static final List<String> IFCONFIG_ALL = List.of("-a");

    /**
     * The host's network interfaces, for a jail's network: {@code {"interfaces":[{"name","kind","up","ip4","ip6",
     * "members"},…]}}, addresses and members joined by commas. iocage lists none, so the host asks {@code ifconfig}
     * itself (any dialect). Changes nothing.
     */
    ObjectNode listInterfaces() throws Exception {
        List<HostInterface> all = commands.toolRead(Tool.IFCONFIG, IFCONFIG_ALL, IfconfigOutput::read);
        ObjectNode out = JSON.objectNode();
        ArrayNode rows = out.putArray("interfaces");
        for (HostInterface i : all) {
            ObjectNode row = rows.addObject();
            row.put("name", i.name());
            row.put("kind", i.kind().word());
            row.put("up", String.valueOf(i.up()));
            row.put("ip4", String.join(",", i.ip4()));
            row.put("ip6", String.join(",", i.ip6()));
            row.put("members", String.join(",", i.members()));
        }
        return out;
    }

    ObjectNode fetch(Args a) throws Exception {
        String release = a.required("release", Validation::release);
        Cli cli = reads.cli();
        return host.withHost(() -> {
            CommandResult r = commands.longJob(a.jobId(), cli.fetch(release), "");
            commands.requireSuccess(cli, r);
            ObjectNode out = JSON.objectNode();
            out.put("release", release);
            out.put("success", "release " + release + " fetched.");
            return out;
        });
    }
}
