package org.jaildesk.host;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jaildesk.domain.Shown;
import org.jaildesk.host.parse.DfRow;
import org.jaildesk.host.parse.IocageParseException;
import org.jaildesk.host.parse.LegacyOutput;
import org.jaildesk.host.parse.Lines;
import org.jaildesk.host.parse.ListedJail;
import org.jaildesk.host.parse.PropRow;
import org.jaildesk.host.parse.PythonOutput;

/** The actions that only read: listings, settings, disk usage, releases; each in the host's dialect. */
final class Reads {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final IocageHost host;
    private final HostOptions options;
    private final Commands commands;
    /** Python {@code list -h} crashes on some versions; once seen, go straight to the table. */
    private final AtomicBoolean headerFlagBroken = new AtomicBoolean();

    Reads(IocageHost host, HostOptions options, Commands commands) {
        this.host = host;
        this.options = options;
        this.commands = commands;
    }

    Cli cli() throws Exception {
        return new Cli(host.dialect());
    }

    /** The pool iocage uses now; an {@link ActionFailedException} when none is active. */
    String pool() throws Exception {
        Cli cli = cli();
        CommandResult r = commands.readOk(cli, cli.currentPool());
        return cli.dialect().isPython() ? PythonOutput.pool(r.stdout()) : LegacyOutput.pool(r.stdout());
    }

    List<ListedJail> jails() throws Exception {
        Cli cli = cli();
        return listing(cli, cli.list(), cli.listTable(), false).jails();
    }

    /** The listed jail that {@code ref} names: by id, or by tag when exactly one jail has it. */
    ListedJail find(String ref) throws Exception {
        return find(ref, jails());
    }

    /** {@link #find(String)} among jails already listed. */
    static ListedJail find(String ref, List<ListedJail> all) throws ActionFailedException {
        for (ListedJail j : all) {
            if (j.id().equals(ref)) {
                return j;
            }
        }
        List<ListedJail> byTag = all.stream().filter(j -> j.tag().equals(ref)).toList();
        if (byTag.size() == 1) {
            return byTag.get(0);
        }
        throw new ActionFailedException(byTag.isEmpty() ? "jail '" + ref + "' not found" : "more than one jail is tagged '" + ref + "'");
    }

    /** The jails of a listing, and their reply if it was built as soon as they were read (see {@link Streamed}). */
    private record Listed(List<ListedJail> jails, ObjectNode early) {
        ObjectNode reply() {
            return early != null ? early : ListingReply.of(jails);
        }
    }

    private Listed listing(Cli cli, List<String> args, List<String> table, boolean reply) throws Exception {
        if (cli.dialect().isPython() && headerFlagBroken.get()) {
            args = table;
        }
        if (cli.dialect().isLegacy()) {
            CommandResult r = commands.readOk(cli, args);
            return new Listed(LegacyOutput.list(r.stdout()), null);
        }
        // Python: read the rows while iocage writes them (a runner that streams; the demo host does not).
        Streamed listing = new Streamed(reply);
        CommandResult r = Commands.complete(host.exec(new CommandSpec(args, options.readTimeout(), "", null, listing)));
        boolean crashed = crashed(r, listing);
        if (crashed && !args.equals(table)) {
            // iocage master after 2020 and freebsd/iocage 1.2.1–1.3 crash on list -h as soon as a jail exists.
            headerFlagBroken.set(true);
            listing = new Streamed(reply);
            r = Commands.complete(host.exec(new CommandSpec(table, options.readTimeout(), "", null, listing)));
            crashed = crashed(r, listing);
        }
        Optional<String> failed = commands.failure(cli, r, crashed);
        if (failed.isPresent()) {
            throw new ActionFailedException(failed.get());
        }
        return new Listed(listing.reader.jails(r::stdout), listing.reply);
    }

    /**
     * {@link CommandResult#crashed()}, without searching a long listing for a traceback when it was read cleanly as
     * it arrived: a line starting with one is never a row, so a clean listing has none.
     */
    private static boolean crashed(CommandResult r, Streamed listing) {
        return listing.reader.readCleanly() ? CommandResult.hasTraceback(r.stderr()) : r.crashed();
    }

    /**
     * A Python listing read as it arrives; trusted only if the runner handed all of it over before returning. Asked
     * to, it builds the reply as soon as the output has ended cleanly: a streaming runner ends it on the thread that
     * then waits for iocage to exit, so the reply is made while iocage exits instead of after (docs/performance.md).
     * The reply is used only if the listing then turns out to have succeeded.
     */
    private static final class Streamed implements OutputSink {
        private final PythonOutput.ListReader reader = new PythonOutput.ListReader();
        private final boolean buildReply;
        private volatile ObjectNode reply;

        Streamed(boolean buildReply) {
            this.buildReply = buildReply;
        }

        @Override
        public void accept(byte[] bytes, int offset, int length) {
            reader.feed(bytes, offset, length);
        }

        @Override
        public void end() {
            reader.finish();
            if (buildReply) {
                reader.cleanJails().ifPresent(jails -> reply = ListingReply.of(jails));
            }
        }
    }

    ObjectNode listJails() throws Exception {
        Cli cli = cli();
        return listing(cli, cli.list(), cli.listTable(), true).reply();
    }

    List<ListedJail> templates() throws Exception {
        Cli cli = cli();
        return listing(cli, cli.listTemplates(), cli.listTemplatesTable(), false).jails();
    }

    ObjectNode listTemplates() throws Exception {
        Cli cli = cli();
        ObjectNode out = JSON.objectNode();
        out.set("templates", listing(cli, cli.listTemplates(), cli.listTemplatesTable(), true).reply());
        return out;
    }

    List<String> releases() throws Exception {
        Cli cli = cli();
        CommandResult r = commands.readOk(cli, cli.releases());
        return cli.dialect().isPython() ? PythonOutput.releases(r.stdout()) : LegacyOutput.releases(r.stdout());
    }

    ObjectNode listReleases() throws Exception {
        ObjectNode out = JSON.objectNode();
        ArrayNode local = out.putArray("local");
        releases().forEach(local::add);
        return out;
    }

    /** What the mirror offers to fetch ({@code iocage list -R}, which reads the mirror's index over the network). */
    ObjectNode listRemoteReleases() throws Exception {
        Cli cli = cli();
        CommandResult r = commands.readOk(cli, cli.remoteReleases());
        ObjectNode out = JSON.objectNode();
        ArrayNode remote = out.putArray("remote");
        PythonOutput.remoteReleases(r.stdout()).forEach(remote::add);
        return out;
    }

    ObjectNode defaults() throws Exception {
        Cli cli = cli();
        CommandResult r = commands.readOk(cli, cli.defaults());
        Map<String, String> values = cli.dialect().isPython() ? PythonOutput.getAll(r.stdout())
                : LegacyOutput.defaults(r.stdout());
        ObjectNode out = JSON.objectNode();
        out.set("defaults", clean(values));
        return out;
    }

    ObjectNode jailSettings(Args a) throws Exception {
        String switches = a.optional("switches", v -> v.equals("-r") ? Optional.empty()
                : Optional.of("getjailsettings takes only the switch -r, not '" + Shown.of(v) + "'"));
        String prop = a.optional("prop", Validation::propertyToRead);
        boolean across = !switches.isEmpty();
        if (across) {
            if (a.has("jail")) {
                throw new BadRequestException("getjailsettings with -r lists every jail: leave out 'jail'");
            }
            if (prop.isEmpty() || prop.equals("all")) {
                throw new BadRequestException("getjailsettings with -r needs one 'prop' (not all)");
            }
            return across(prop);
        }
        if (!a.has("jail")) {
            throw new BadRequestException("getjailsettings needs 'jail', or 'prop' with switches '-r'");
        }
        String jail = a.required("jail", v -> Validation.jail(v, true));
        Cli cli = cli();
        ObjectNode out = JSON.objectNode();
        if (prop.isEmpty() || prop.equals("all")) {
            CommandResult r = commands.readOk(cli, cli.getAll(jail));
            Map<String, String> values = cli.dialect().isPython() ? PythonOutput.getAll(r.stdout())
                    : LegacyOutput.getAll(r.stdout());
            out.set(jail, clean(values));
            return out;
        }
        CommandResult r = commands.readOk(cli, cli.get(prop, jail));
        List<Lines.Line> lines = Lines.meaningful(r.stdout());
        if (lines.size() != 1) {
            throw new IocageParseException("expected one value for " + prop + ", got " + lines.size() + " lines");
        }
        ObjectNode values = out.putObject(jail);
        values.put(prop, cleanValue(lines.get(0).text().trim()));
        return out;
    }

    private ObjectNode across(String prop) throws Exception {
        Cli cli = cli();
        CommandResult r = commands.readOk(cli, cli.getAcross(prop));
        List<PropRow> rows = cli.dialect().isPython() ? PythonOutput.getAcross(r.stdout(), prop)
                : LegacyOutput.getAcross(r.stdout(), prop);
        ObjectNode out = JSON.objectNode();
        for (PropRow row : rows) {
            ObjectNode o = out.putObject(row.id());
            o.put("TAG", row.tag());
            o.put(prop, cleanValue(row.value()));
        }
        return out;
    }

    ObjectNode df() throws Exception {
        Cli cli = cli();
        CommandResult r = commands.readOk(cli, cli.df());
        List<DfRow> rows = cli.dialect().isPython() ? PythonOutput.df(r.stdout()) : LegacyOutput.df(r.stdout());
        ObjectNode out = JSON.objectNode();
        for (DfRow d : rows) {
            ObjectNode o = out.putObject(d.id());
            o.put("ava", d.ava());
            o.put("crt", d.crt());
            o.put("qta", d.qta());
            o.put("res", d.res());
            o.put("tag", d.tag());
            o.put("use", d.use());
        }
        return out;
    }

    /** Python prints {@code readonly} for ZFS statistics it does not compute; say "-" rather than pass that on. */
    private static ObjectNode clean(Map<String, String> values) {
        ObjectNode o = JSON.objectNode();
        values.forEach((k, v) -> o.put(k, cleanValue(v)));
        return o;
    }

    private static String cleanValue(String v) {
        return v.equals("readonly") ? "-" : v;
    }
}
