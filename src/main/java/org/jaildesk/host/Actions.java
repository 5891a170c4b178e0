package org.jaildesk.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jaildesk.domain.PropertyCatalog;
import org.jaildesk.domain.PropertyDef;
import org.jaildesk.host.parse.CommonOutput;
import org.jaildesk.host.parse.DfRow;
import org.jaildesk.host.parse.IocageParseException;
import org.jaildesk.host.parse.LegacyOutput;
import org.jaildesk.host.parse.Lines;
import org.jaildesk.host.parse.ListedJail;
import org.jaildesk.host.parse.Progress;
import org.jaildesk.host.parse.PropRow;
import org.jaildesk.host.parse.PythonOutput;
import org.jaildesk.protocol.Event;
import org.jaildesk.protocol.Protocol;

/** One method per action: validate, build the argv for the host's dialect, run, parse, answer in the seed's shape. */
final class Actions {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> CREATE_SWITCHES = Set.of("-e", "-b", "-c", "-T");

    private final IocageHost host;
    private final HostOptions options;
    /** Python {@code list -h} crashes on some versions; once seen, go straight to the table. */
    private final AtomicBoolean headerFlagBroken = new AtomicBoolean();

    Actions(IocageHost host, HostOptions options) {
        this.host = host;
        this.options = options;
    }

    ObjectNode run(String action, Args a) throws Exception {
        return switch (action) {
            case "listjails" -> listJails();
            case "listtemplates" -> listTemplates();
            case "listreleases" -> listReleases();
            case "getdefaultsettings" -> defaults();
            case "getjailsettings" -> jailSettings(a);
            case "df" -> df();
            case "startjail" -> startStop(a, true);
            case "stopjail" -> startStop(a, false);
            case "restartjail" -> restart(a);
            case "capjail" -> cap(a);
            case "clonejail" -> cloneJail(a);
            case "createjail" -> createJail(a);
            case "destroyjail" -> destroy(a);
            case "execjail" -> execJail(a);
            case "cleanall" -> clean(a, 'a', "All iocage datasets have been cleaned.");
            case "cleanjails" -> clean(a, 'j', "All jails have been cleaned.");
            case "cleanreleases" -> clean(a, 'r', "All RELEASEs have been cleaned.");
            case "cleantemplates" -> clean(a, 't', "All templates have been cleaned.");
            case "activatepool" -> activate(a);
            case "deactivatepool" -> deactivate(a);
            case "activatestatus" -> activateStatus();
            case "setjailsettings" -> setSettings(a);
            case "fetchrelease" -> fetch(a);
            default -> throw new BadRequestException("unknown action '" + action + "'");
        };
    }

    // ---- reads ----------------------------------------------------------------------------------------------

    private Cli cli() throws Exception {
        return new Cli(host.dialect());
    }

    List<ListedJail> jails() throws Exception {
        Cli cli = cli();
        return listing(cli, cli.list(), cli.listTable());
    }

    private List<ListedJail> listing(Cli cli, List<String> args, List<String> table) throws Exception {
        if (cli.dialect().isPython() && headerFlagBroken.get()) {
            args = table;
        }
        if (cli.dialect().isLegacy()) {
            CommandResult r = read(args);
            requireSuccess(cli, r);
            return LegacyOutput.list(r.stdout());
        }
        // Python: read the rows while iocage writes them (a runner that streams; the demo host does not).
        Streamed listing = new Streamed();
        CommandResult r = complete(host.exec(new CommandSpec(args, options.readTimeout(), "", null, listing)));
        boolean crashed = crashed(r, listing);
        if (crashed && !args.equals(table)) {
            // iocage master after 2020 and freebsd/iocage 1.2.1–1.3 crash on list -h as soon as a jail exists.
            headerFlagBroken.set(true);
            listing = new Streamed();
            r = complete(host.exec(new CommandSpec(table, options.readTimeout(), "", null, listing)));
            crashed = crashed(r, listing);
        }
        Optional<String> failed = failure(cli, r, crashed);
        if (failed.isPresent()) {
            throw new ActionFailedException(failed.get());
        }
        return listing.jails(r.stdout());
    }

    /**
     * {@link CommandResult#crashed()}, without searching a long listing for a traceback when it was read cleanly as
     * it arrived: a line starting with one is never a row, so a clean listing has none.
     */
    private static boolean crashed(CommandResult r, Streamed listing) {
        return listing.reader.readCleanly() ? CommandResult.hasTraceback(r.stderr()) : r.crashed();
    }

    /** A Python listing read as it arrives; trusted only if the runner handed all of it over before returning. */
    private static final class Streamed implements OutputSink {
        private final PythonOutput.ListReader reader = new PythonOutput.ListReader();

        @Override
        public void accept(byte[] bytes, int offset, int length) {
            reader.feed(bytes, offset, length);
        }

        @Override
        public void end() {
            reader.finish();
        }

        List<ListedJail> jails(String stdout) throws IocageParseException {
            return reader.jails(stdout);
        }
    }

    private ObjectNode listJails() throws Exception {
        List<ListedJail> jails = jails();
        ObjectNode out = new ObjectNode(JSON, new LinkedHashMap<>(capacityFor(jails.size())));
        Releases releases = new Releases();
        for (ListedJail j : jails) {
            out.set(j.id(), jailJson(j, releases));
        }
        return out;
    }

    private static int capacityFor(int entries) {
        return Math.max(16, (int) (entries / 0.75f) + 1);
    }

    private ObjectNode listTemplates() throws Exception {
        Cli cli = cli();
        ObjectNode templates = JSON.objectNode();
        for (ListedJail j : listing(cli, cli.listTemplates(), cli.listTemplatesTable())) {
            templates.set(j.id(), jailJson(j, new Releases()));
        }
        ObjectNode out = JSON.objectNode();
        out.set("templates", templates);
        return out;
    }

    /** The seed's six fields, plus release, ip6 and template (our additions; old clients ignore them). */
    private static final RowMap.Names JAIL_FIELDS =
            new RowMap.Names("boot", "ip4", "jid", "state", "tag", "type", "release", "ip6", "template");

    /**
     * The values most rows repeat, one node each: a listing of 5,000 jails makes some 30,000 nodes fewer. The
     * parsers hand these out as the literals themselves, so an identity test finds them; any other string, equal or
     * not, simply gets its own node. Indexed by length, so a value is compared with at most two of them.
     */
    private static final TextNode[][] COMMON = new TextNode[9][];

    static {
        Map<Integer, List<TextNode>> byLength = new java.util.HashMap<>();
        for (String s : List.of("-", "on", "off", "up", "down", "jail", "basejail", "template")) {
            byLength.computeIfAbsent(s.length(), k -> new ArrayList<>()).add(new TextNode(s));
        }
        for (int n = 0; n < COMMON.length; n++) {
            COMMON[n] = byLength.getOrDefault(n, List.of()).toArray(TextNode[]::new);
        }
    }

    private static TextNode text(String value) {
        if (value.length() < COMMON.length) {
            for (TextNode common : COMMON[value.length()]) {
                if (common.textValue() == value) {
                    return common;
                }
            }
        }
        return new TextNode(value);
    }

    private static ObjectNode jailJson(ListedJail j, Releases releases) {
        return new ObjectNode(JSON, new RowMap(JAIL_FIELDS, new JsonNode[] {
            text(j.boot()), text(j.ip4()), text(j.jid()), text(j.state()), text(j.tag()), text(j.type()),
            releases.node(j.release()), text(j.ip6()), text(j.template())}));
    }

    /** The release of a reply's rows: the parsers repeat the row before's string, so its node is repeated too. */
    private static final class Releases {
        private String last;
        private TextNode node;

        TextNode node(String release) {
            if (release != last) {
                last = release;
                node = text(release);
            }
            return node;
        }
    }

    List<String> releases() throws Exception {
        Cli cli = cli();
        CommandResult r = read(cli.releases());
        requireSuccess(cli, r);
        return cli.dialect().isPython() ? PythonOutput.releases(r.stdout()) : LegacyOutput.releases(r.stdout());
    }

    private ObjectNode listReleases() throws Exception {
        ObjectNode out = JSON.objectNode();
        ArrayNode local = out.putArray("local");
        releases().forEach(local::add);
        return out;
    }

    private ObjectNode defaults() throws Exception {
        Cli cli = cli();
        CommandResult r = read(cli.defaults());
        requireSuccess(cli, r);
        Map<String, String> values = cli.dialect().isPython() ? PythonOutput.getAll(r.stdout())
                : LegacyOutput.defaults(r.stdout());
        ObjectNode out = JSON.objectNode();
        out.set("defaults", clean(values));
        return out;
    }

    private ObjectNode jailSettings(Args a) throws Exception {
        String switches = a.optional("switches", v -> v.equals("-r") ? Optional.empty()
                : Optional.of("getjailsettings takes only the switch -r, not '" + Validation.shown(v) + "'"));
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
            CommandResult r = read(cli.getAll(jail));
            requireSuccess(cli, r);
            Map<String, String> values = cli.dialect().isPython() ? PythonOutput.getAll(r.stdout())
                    : LegacyOutput.getAll(r.stdout());
            out.set(jail, clean(values));
            return out;
        }
        CommandResult r = read(cli.get(prop, jail));
        requireSuccess(cli, r);
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
        CommandResult r = read(cli.getAcross(prop));
        requireSuccess(cli, r);
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

    private ObjectNode df() throws Exception {
        Cli cli = cli();
        CommandResult r = read(cli.df());
        requireSuccess(cli, r);
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

    // ---- jail actions ---------------------------------------------------------------------------------------

    private ObjectNode startStop(Args a, boolean start) throws Exception {
        String jail = a.required("jail", v -> Validation.jail(v, false));
        return host.withJail(jail, () -> {
            ObjectNode out = JSON.objectNode();
            startOrStop(jail, start, out.putObject(jail), out);
            host.publish(jailChanged(start ? "startjail" : "stopjail", jail));
            return out;
        });
    }

    /** Runs start or stop; puts the step lines (or an INFO line when nothing was needed) into {@code steps}. */
    private void startOrStop(String jail, boolean start, ObjectNode steps, ObjectNode out) throws Exception {
        Cli cli = cli();
        CommandResult r = host.exec(start ? cli.start(jail) : cli.stop(jail), options.actionTimeout(), "", null);
        String all = r.stdout() + "\n" + r.stderr();
        String word = start ? "up" : "down";
        // Python: "<j> is already running!" (exit 1) / "<j> is not running!" (exit 0);
        // legacy: "* <uuid>: is already up" (1.7, stdout) / "  INFO: <uuid> (<tag>) is already up" (develop, stderr).
        if (all.contains("is already " + word) || all.contains(start ? "is already running!" : "is not running!")) {
            steps.put("INFO", jail + " is already " + word);
            return;
        }
        for (String line : CommonOutput.steps(r.stdout())) {
            steps.put(line, "");
        }
        Optional<String> failure = failure(cli, r);
        if (failure.isEmpty() && all.contains("FAILED")) {
            failure = Optional.of((start ? "starting " : "stopping ") + jail + " failed: " + firstLineWith(all, "FAILED"));
        }
        failure.ifPresent(f -> out.put("error", f));
    }

    private ObjectNode restart(Args a) throws Exception {
        String jail = a.required("jail", v -> Validation.jail(v, false));
        return host.withJail(jail, () -> {
            ObjectNode out = JSON.objectNode();
            ObjectNode steps = out.putObject(jail);
            ObjectNode stopSteps = JSON.objectNode();
            startOrStop(jail, false, stopSteps, out);
            if (out.has("error")) {
                steps.setAll(stopSteps);
                return out;
            }
            stopSteps.remove("INFO");
            steps.setAll(stopSteps);
            startOrStop(jail, true, steps, out);
            host.publish(jailChanged("restartjail", jail));
            return out;
        });
    }

    private ObjectNode cap(Args a) throws Exception {
        String jail = a.required("jail", v -> Validation.jail(v, false));
        Cli cli = cli();
        List<String> argv = cli.cap(jail);
        return host.withJail(jail, () -> {
            CommandResult r = host.exec(argv, options.actionTimeout(), "", null);
            requireSuccess(cli, r);
            ObjectNode out = JSON.objectNode();
            out.put("success", "jail " + jail + " capped.");
            host.publish(jailChanged("capjail", jail));
            return out;
        });
    }

    /** A {@code props} argument: the API's space-separated string, or (ours) a JSON object for values with spaces. */
    private static List<Validation.Assignment> props(Args a, boolean forDefaults) throws BadRequestException {
        JsonNode raw = a.raw("props");
        List<Validation.Assignment> list = new ArrayList<>();
        if (raw == null || raw.isNull()) {
            return list;
        }
        if (raw.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = raw.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) {
                    throw new BadRequestException("props." + Validation.shown(e.getKey()) + " must be a string");
                }
                list.add(new Validation.Assignment(e.getKey(), e.getValue().asText()));
            }
        } else if (raw.isTextual()) {
            try {
                list = Validation.splitProps(raw.asText());
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(e.getMessage());
            }
        } else {
            throw new BadRequestException("'props' must be a string or an object");
        }
        Set<String> seen = new HashSet<>();
        for (Validation.Assignment p : list) {
            if (!seen.add(p.key())) {
                throw new BadRequestException("props names " + p.key() + " twice");
            }
        }
        return list;
    }

    private static void checkProperty(Validation.Assignment p, boolean forDefaults) throws BadRequestException {
        Optional<String> problem = PropertyCatalog.standard().check(p.key(), p.value(), forDefaults);
        if (problem.isPresent()) {
            throw new BadRequestException(problem.get());
        }
    }

    private ObjectNode cloneJail(Args a) throws Exception {
        String source = a.required("jail", v -> Validation.jail(v, false));
        String name = "";
        List<String> rest = new ArrayList<>();
        for (Validation.Assignment p : props(a, false)) {
            if (p.key().equals("tag")) {
                name = check(Validation.newName(p.value()), p.value());
            } else {
                checkProperty(p, false);
                rest.add(p.argument());
            }
        }
        Cli cli = cli();
        List<String> argv = cli.clone(source, name, rest);
        String wanted = name;
        return host.withJail(source, () -> {
            List<ListedJail> before = cli.dialect().kind() == Dialect.Kind.LEGACY_MASTER ? jails() : List.of();
            CommandResult r = host.exec(argv, options.longTimeout(), "", null);
            requireSuccess(cli, r);
            String[] made = created(cli, r, "cloned", before, wanted);
            ObjectNode out = JSON.objectNode();
            out.put("jail", source);
            out.put("props", a.string("props"));
            out.putObject("success").put("Successfully created", made[0] + " (" + made[1] + ")");
            host.publish(jailChanged("clonejail", made[0]));
            return out;
        });
    }

    private ObjectNode createJail(Args a) throws Exception {
        boolean switchesGiven = a.has("switches");
        String switches = a.string("switches").trim();
        List<String> flags = switches.isEmpty() ? List.of() : List.of(switches.split("\\s+"));
        for (String f : flags) {
            if (!CREATE_SWITCHES.contains(f)) {
                throw new BadRequestException("createjail takes the switches " + CREATE_SWITCHES + ", not '"
                        + Validation.shown(f) + "'");
            }
        }
        String name = "";
        String release = "";
        String template = "";
        List<String> properties = new ArrayList<>();
        for (Validation.Assignment p : props(a, false)) {
            switch (p.key()) {
                case "tag" -> name = check(Validation.newName(p.value()), p.value());
                case "release" -> release = check(Validation.release(p.value()), p.value());
                case "template" -> template = check(Validation.jail(p.value(), false), p.value());
                default -> {
                    checkProperty(p, false);
                    properties.add(p.argument());
                }
            }
        }
        boolean empty = flags.contains("-e");
        Cli cli = cli();
        if (cli.dialect().isPython() && !empty && release.isEmpty() && template.isEmpty()) {
            throw new BadRequestException("createjail needs release=… (or template=…) in props, or the switch -e");
        }
        List<String> pyFlags = new ArrayList<>();
        if (flags.contains("-b")) {
            pyFlags.add("-b");
        }
        if (flags.contains("-T")) {
            pyFlags.add("-T");
        }
        List<String> legacy = new ArrayList<>(flags);
        legacy.remove("-T");
        Cli.CreateArgs args = new Cli.CreateArgs(name, release, template, empty, pyFlags, legacy, properties);
        List<String> argv = cli.create(args);
        String job = a.jobId();
        String wanted = name;
        IocageHost.Work<ObjectNode> work = () -> {
            List<ListedJail> before = cli.dialect().kind() == Dialect.Kind.LEGACY_MASTER ? jails() : List.of();
            CommandResult r = longJob(job, argv, "");
            requireSuccess(cli, r);
            String[] made = created(cli, r, "created", before, wanted);
            ObjectNode out = JSON.objectNode();
            out.put("props", a.string("props"));
            ObjectNode success = out.putObject("success");
            if (switchesGiven) {
                success.put("uuid", made[0]);
            } else {
                success.put("Successfully created", made[0] + " (" + made[1] + ")");
            }
            out.put("switches", switches);
            host.publish(jailChanged("createjail", made[0]));
            return out;
        };
        // Legacy 1.7 prints no id: the new jail is found by comparing listings, so nothing else may change meanwhile.
        return cli.dialect().kind() == Dialect.Kind.LEGACY_MASTER || name.isEmpty() ? host.withHost(work)
                : host.withJail(name, work);
    }

    /** The id and tag of a jail just made: from iocage's words, or (legacy 1.7, which says nothing) a listing diff. */
    private String[] created(Cli cli, CommandResult r, String verb, List<ListedJail> before, String wanted)
            throws Exception {
        if (cli.dialect().isPython()) {
            String n = PythonOutput.createdNames(r.stdout(), verb).get(0);
            return new String[] {n, n};
        }
        List<String[]> said = LegacyOutput.created(r.stdout());
        if (!said.isEmpty()) {
            return said.get(0);
        }
        Set<String> old = new HashSet<>();
        before.forEach(j -> old.add(j.id()));
        for (ListedJail j : jails()) {
            if (!old.contains(j.id()) && (wanted.isEmpty() || j.tag().equals(wanted))) {
                return new String[] {j.id(), j.tag()};
            }
        }
        throw new ActionFailedException("iocage finished but no new jail appeared in the listing");
    }

    private ObjectNode destroy(Args a) throws Exception {
        String jail = a.required("jail", v -> Validation.jail(v, false));
        return host.withJail(jail, () -> {
            ListedJail j = find(jail);
            if (j.running()) {
                throw new ActionFailedException("jail " + jail + " is running: stop it first");
            }
            Cli cli = cli();
            CommandResult r = host.exec(cli.destroy(j.id()), options.actionTimeout(), "", null);
            requireSuccess(cli, r);
            ObjectNode out = JSON.objectNode();
            out.putObject("success").put("Destroying", j.id());
            host.publish(jailChanged("destroyjail", j.id()));
            return out;
        });
    }

    /** The listed jail that {@code ref} names: by id, or by tag when exactly one jail has it. */
    private ListedJail find(String ref) throws Exception {
        List<ListedJail> all = jails();
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

    private ObjectNode execJail(Args a) throws Exception {
        String jail = a.required("jail", v -> Validation.jail(v, false));
        String user = a.required("user", Validation::user);
        String command = a.required("command", Validation::command);
        Cli cli = cli();
        CommandResult r = host.exec(cli.exec(jail, user, command), options.actionTimeout(), "", null);
        ObjectNode out = JSON.objectNode();
        ObjectNode success = JSON.objectNode();
        ArrayNode output = JSON.arrayNode();
        for (Lines.Line line : Lines.of(r.stdout())) {
            success.put(line.text(), "");
            output.add(line.text());
        }
        Optional<String> failure = failure(cli, r);
        if (failure.isPresent()) {
            out.put("error", failure.get());
        } else {
            out.set("success", success);
        }
        out.set("output", output);
        return out;
    }

    private ObjectNode clean(Args a, char what, String done) throws Exception {
        Cli cli = cli();
        List<String> argv = cli.clean(what);
        return host.withHost(() -> {
            CommandResult r = longJob(a.jobId(), argv, cli.cleanStdin());
            requireSuccess(cli, r);
            ObjectNode out = JSON.objectNode();
            out.put("success", done);
            host.publish(jailChanged("clean", ""));
            return out;
        });
    }

    // ---- pools ----------------------------------------------------------------------------------------------

    private ObjectNode activate(Args a) throws Exception {
        if (!a.has("pool")) {
            ObjectNode out = JSON.objectNode();
            out.putObject("currently active").put("pool", currentPool());
            return out;
        }
        String pool = a.required("pool", Validation::pool);
        Cli cli = cli();
        return host.withHost(() -> {
            CommandResult r = host.exec(cli.activate(pool), options.actionTimeout(), "", null);
            requireSuccess(cli, r);
            ObjectNode out = JSON.objectNode();
            out.put("success", "pool " + pool + " activated.");
            host.publish(jailChanged("activatepool", ""));
            return out;
        });
    }

    private String currentPool() throws Exception {
        Cli cli = cli();
        CommandResult r = read(cli.currentPool());
        requireSuccess(cli, r);
        return cli.dialect().isPython() ? PythonOutput.pool(r.stdout()) : LegacyOutput.pool(r.stdout());
    }

    private ObjectNode deactivate(Args a) throws Exception {
        String pool = a.required("pool", Validation::pool);
        Cli cli = cli();
        List<String> argv = cli.deactivate(pool);
        return host.withHost(() -> {
            CommandResult r = host.exec(argv, options.actionTimeout(), "", null);
            requireSuccess(cli, r);
            ObjectNode out = JSON.objectNode();
            out.put("success", "pool " + pool + " deactivated.");
            host.publish(jailChanged("deactivatepool", ""));
            return out;
        });
    }

    private ObjectNode activateStatus() throws Exception {
        ObjectNode out = JSON.objectNode();
        try {
            String pool = currentPool();
            out.put("activated", "true");
            out.put("pool", pool);
        } catch (ActionFailedException | IocageParseException e) {
            out.put("activated", "false");
            out.put("reason", e.getMessage());
        }
        return out;
    }

    // ---- extensions -----------------------------------------------------------------------------------------

    private ObjectNode setSettings(Args a) throws Exception {
        String jail = a.required("jail", v -> Validation.jail(v, true));
        boolean defaults = jail.equals("default");
        List<Validation.Assignment> list = props(a, defaults);
        if (list.isEmpty()) {
            throw new BadRequestException("setjailsettings needs 'props'");
        }
        for (Validation.Assignment p : list) {
            checkProperty(p, defaults);
        }
        Cli cli = cli();
        List<String> assignments = list.stream().map(Validation.Assignment::argument).toList();
        return host.withJail(jail, () -> {
            ObjectNode out = JSON.objectNode();
            out.put("jail", jail);
            ObjectNode success = out.putObject("success");
            Map<String, String> changes = new java.util.LinkedHashMap<>();
            for (List<String> argv : cli.set(assignments, jail)) {
                CommandResult r = host.exec(argv, options.actionTimeout(), "", null);
                requireSuccess(cli, r);
                changes.putAll(PythonOutput.setChanges(r.stdout()));
            }
            ArrayNode restart = out.putArray("restart");
            for (Validation.Assignment p : list) {
                // Python says "key: old -> new"; legacy says nothing, so report the value set.
                success.put(p.key(), changes.getOrDefault(p.key(), p.value()));
                PropertyCatalog.standard().find(p.key())
                        .filter(d -> d.apply() == PropertyDef.Apply.RESTART)
                        .ifPresent(d -> restart.add(d.key()));
            }
            host.publish(jailChanged("setjailsettings", jail));
            return out;
        });
    }

    private ObjectNode fetch(Args a) throws Exception {
        String release = a.required("release", Validation::release);
        Cli cli = cli();
        return host.withHost(() -> {
            CommandResult r = longJob(a.jobId(), cli.fetch(release), "");
            requireSuccess(cli, r);
            ObjectNode out = JSON.objectNode();
            out.put("release", release);
            out.put("success", "release " + release + " fetched.");
            return out;
        });
    }

    // ---- running commands -----------------------------------------------------------------------------------

    /** Runs a read: its output is the answer, so output cut at the runner's cap is a failure, not a shorter answer. */
    private CommandResult read(List<String> args) throws CommandException, ActionFailedException {
        return complete(host.exec(args, options.readTimeout(), "", null));
    }

    private static CommandResult complete(CommandResult r) throws ActionFailedException {
        if (r.truncated() && !r.timedOut()) {
            throw new ActionFailedException("iocage printed more output than JailDesk reads ("
                    + ProcessRunner.DEFAULT_OUTPUT_CAP / (1024 * 1024) + " MiB); the answer would be incomplete, so it is not used");
        }
        return r;
    }

    /** Runs a long job and sends dispatcher events: start, each output line (with percent where known), end. */
    private CommandResult longJob(String id, List<String> argv, String stdin) throws CommandException {
        host.publish(dispatcher(id, "running", null, -1));
        CommandResult r = host.exec(argv, options.longTimeout(), stdin, line -> {
            String text = Progress.clean(line);
            if (!text.isEmpty()) {
                host.publish(dispatcher(id, "running", text, Progress.parse(line).map(Progress::percent).orElse(-1)));
            }
        });
        ObjectNode end = dispatcherArgs(id, "finished", null, -1);
        end.put("exit_code", String.valueOf(r.exitCode()));
        host.publish(new Event(Protocol.DISPATCHER_EVENT, end));
        return r;
    }

    private static Event dispatcher(String id, String state, String line, int percent) {
        return new Event(Protocol.DISPATCHER_EVENT, dispatcherArgs(id, state, line, percent));
    }

    private static ObjectNode dispatcherArgs(String id, String state, String line, int percent) {
        ObjectNode o = JSON.objectNode();
        o.put("process_id", id);
        o.put("state", state);
        if (line != null) {
            o.put("line", line);
        }
        if (percent >= 0) {
            o.put("percent", percent);
        }
        return o;
    }

    private static Event jailChanged(String action, String jail) {
        ObjectNode o = JSON.objectNode();
        o.put("action", action);
        o.put("jail", jail);
        return new Event(Protocol.JAIL_CHANGED_EVENT, o);
    }

    private void requireSuccess(Cli cli, CommandResult r) throws ActionFailedException {
        Optional<String> f = failure(cli, r);
        if (f.isPresent()) {
            throw new ActionFailedException(f.get());
        }
    }

    /**
     * Whether a command failed, and why, in iocage's words. Python: a traceback or a non-zero exit. Legacy: exit
     * codes are unreliable, so any {@code ERROR} line also counts (reference §2.1).
     */
    private Optional<String> failure(Cli cli, CommandResult r) {
        return failure(cli, r, r.crashed());
    }

    /** {@link #failure(Cli, CommandResult)} for a caller that has looked for a traceback already (a long scan). */
    private Optional<String> failure(Cli cli, CommandResult r, boolean crashed) {
        if (r.timedOut()) {
            Duration t = r.elapsed();
            return Optional.of("iocage did not finish in time (" + Math.max(1, t.toSeconds()) + " s) and was stopped");
        }
        if (crashed) {
            return Optional.of("iocage crashed: " + lastLine(r.stderr().isBlank() ? r.stdout() : r.stderr()));
        }
        if (cli.dialect().isLegacy()) {
            String err = firstLineWith(r.stdout() + "\n" + r.stderr(), "ERROR");
            if (!err.isEmpty()) {
                return Optional.of(err);
            }
        }
        if (r.exitCode() != 0) {
            String said = Lines.meaningful(r.stderr()).stream().map(l -> l.text().trim()).reduce((x, y) -> x + "; " + y)
                    .orElse("");
            String last = lastLine(r.stdout());
            String message = !said.isEmpty() ? said : "iocage exited with status " + r.exitCode()
                    + (r.exitCode() > 128 ? " (killed by signal " + (r.exitCode() - 128) + ")" : "")
                    + (last.isEmpty() ? "" : "; its last output: " + last);
            return Optional.of(message.length() > 2000 ? message.substring(0, 2000) + "…" : message);
        }
        return Optional.empty();
    }

    private static String firstLineWith(String text, String word) {
        for (String l : text.split("\n")) {
            if (l.contains(word)) {
                return l.trim();
            }
        }
        return "";
    }

    private static String lastLine(String text) {
        List<Lines.Line> lines = Lines.meaningful(text);
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).text().trim();
    }

    private static String check(Optional<String> problem, String value) throws BadRequestException {
        if (problem.isPresent()) {
            throw new BadRequestException(problem.get());
        }
        return value;
    }
}
