package org.jaildesk.host;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jaildesk.domain.PropertyCatalog;
import org.jaildesk.domain.PropertyDef;
import org.jaildesk.domain.Shown;
import org.jaildesk.domain.Wording;
import org.jaildesk.host.parse.CommonOutput;
import org.jaildesk.host.parse.LegacyOutput;
import org.jaildesk.host.parse.Lines;
import org.jaildesk.host.parse.ListedJail;
import org.jaildesk.host.parse.PythonOutput;

/**
 * One method per action that changes the host: validate, build the argv for the host's dialect, run, parse, answer in
 * the seed's shape. Those on the whole host (pools, releases, cleaning) are in {@link HostActions}, the reads in
 * {@link Reads}, running iocage and judging its output in {@link Commands}.
 */
final class Actions {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> CREATE_SWITCHES = Set.of("-e", "-b", "-c", "-T");

    private final IocageHost host;
    private final HostOptions options;
    private final Commands commands;
    private final Reads reads;
    private final HostActions whole;
    private final Snapshots snapshots;
    private final Upkeep upkeep;
    private final Images images;
    private final Mounts mounts;
    private final Usage usage;
    private final OtherJails others;
    private final ConsoleLogs logs;

    Actions(IocageHost host, HostOptions options) {
        this.host = host;
        this.options = options;
        this.commands = new Commands(host, options);
        this.reads = new Reads(host, options, commands);
        this.whole = new HostActions(host, options, commands, reads);
        this.snapshots = new Snapshots(host, options, commands, reads);
        this.upkeep = new Upkeep(host, options, commands, reads);
        this.images = new Images(host, commands, reads);
        this.mounts = new Mounts(host, options, commands, reads);
        this.usage = new Usage(commands);
        this.others = new OtherJails(commands);
        this.logs = new ConsoleLogs(host, options, commands, reads);
    }

    ObjectNode run(String action, Args a) throws Exception {
        return switch (action) {
            case "listjails" -> reads.listJails();
            case "listtemplates" -> reads.listTemplates();
            case "listreleases" -> reads.listReleases();
            case "listremotereleases" -> reads.listRemoteReleases();
            case "getdefaultsettings" -> reads.defaults();
            case "getjailsettings" -> reads.jailSettings(a);
            case "df" -> reads.df();
            case "startjail" -> startStop(a, true);
            case "stopjail" -> startStop(a, false);
            case "restartjail" -> restart(a);
            case "capjail" -> cap(a);
            case "clonejail" -> cloneJail(a);
            case "createjail" -> createJail(a);
            case "destroyjail" -> destroy(a);
            case "execjail" -> execJail(a);
            case "cleanall" -> whole.clean(a, 'a', "All iocage datasets have been cleaned.");
            case "cleanjails" -> whole.clean(a, 'j', "All jails have been cleaned.");
            case "cleanreleases" -> whole.clean(a, 'r', "All RELEASEs have been cleaned.");
            case "cleantemplates" -> whole.clean(a, 't', "All templates have been cleaned.");
            case "cleanimages" -> whole.clean(a, 'i', "All images have been cleaned.");
            case "activatepool" -> whole.activate(a);
            case "deactivatepool" -> whole.deactivate(a);
            case "activatestatus" -> whole.activateStatus();
            case "listpools" -> whole.listPools();
            case "setjailsettings" -> setSettings(a);
            case "renamejail" -> upkeep.rename(a);
            case "updatejail" -> upkeep.update(a);
            case "upgradejail" -> upkeep.upgrade(a);
            case "exportjail" -> images.export(a);
            case "importjail" -> images.importImage(a);
            case "listimages" -> images.list();
            case "listmounts" -> mounts.list(a);
            case "addmount" -> mounts.add(a);
            case "removemount" -> mounts.remove(a);
            case "jailusage" -> usage.list();
            case "listotherjails" -> others.list();
            case "listinterfaces" -> whole.listInterfaces();
            case "consolelog" -> logs.read(a);
            case "fetchrelease" -> whole.fetch(a);
            case "listsnapshots" -> snapshots.list(a);
            case "snapshotjail" -> snapshots.take(a);
            case "rollbackjail" -> snapshots.rollback(a);
            case "removesnapshot" -> snapshots.remove(a);
            default -> throw new BadRequestException("unknown action '" + action + "'");
        };
    }

    // ---- jail actions ---------------------------------------------------------------------------------------

    private ObjectNode startStop(Args a, boolean start) throws Exception {
        String jail = a.required("jail", v -> Validation.jail(v, false));
        return host.withJail(jail, () -> {
            ObjectNode out = JSON.objectNode();
            startOrStop(jail, start, out.putObject(jail), out);
            host.publish(Commands.jailChanged(start ? "startjail" : "stopjail", jail));
            return out;
        });
    }

    /** Runs start or stop; puts the step lines (or an INFO line when nothing was needed) into {@code steps}. */
    private void startOrStop(String jail, boolean start, ObjectNode steps, ObjectNode out) throws Exception {
        Cli cli = reads.cli();
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
        Optional<String> failure = commands.failure(cli, r);
        if (failure.isEmpty() && all.contains("FAILED")) {
            failure = Optional.of((start ? "starting " : "stopping ") + jail + " failed: " + Commands.firstLineWith(all, "FAILED"));
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
            host.publish(Commands.jailChanged("restartjail", jail));
            return out;
        });
    }

    private ObjectNode cap(Args a) throws Exception {
        String jail = a.required("jail", v -> Validation.jail(v, false));
        Cli cli = reads.cli();
        List<String> argv = cli.cap(jail);
        return host.withJail(jail, () -> {
            CommandResult r = host.exec(argv, options.actionTimeout(), "", null);
            commands.requireSuccess(cli, r);
            ObjectNode out = JSON.objectNode();
            out.put("success", "jail " + jail + " capped.");
            host.publish(Commands.jailChanged("capjail", jail));
            return out;
        });
    }

    private static void checkProperty(Validation.Assignment p, boolean forDefaults) throws BadRequestException {
        Optional<Wording> problem = PropertyCatalog.standard().check(p.key(), p.value(), forDefaults);
        if (problem.isPresent()) {
            throw new BadRequestException(problem.get().english());
        }
    }

    private ObjectNode cloneJail(Args a) throws Exception {
        String source = a.required("jail", v -> Validation.jail(v, false));
        String name = "";
        List<String> rest = new ArrayList<>();
        for (Validation.Assignment p : a.props()) {
            if (p.key().equals("tag")) {
                name = check(Validation.newName(p.value()), p.value());
            } else {
                checkProperty(p, false);
                rest.add(p.argument());
            }
        }
        Cli cli = reads.cli();
        List<String> argv = cli.clone(source, name, rest);
        String wanted = name;
        return host.withJail(source, () -> {
            List<ListedJail> before = cli.dialect().kind() == Dialect.Kind.LEGACY_MASTER ? reads.jails() : List.of();
            CommandResult r = host.exec(argv, options.longTimeout(), "", null);
            commands.requireSuccess(cli, r);
            String[] made = created(cli, r, "cloned", before, wanted);
            ObjectNode out = JSON.objectNode();
            out.put("jail", source);
            out.put("props", a.string("props"));
            out.putObject("success").put("Successfully created", made[0] + " (" + made[1] + ")");
            host.publish(Commands.jailChanged("clonejail", made[0]));
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
                        + Shown.of(f) + "'");
            }
        }
        String name = "";
        String release = "";
        String template = "";
        List<String> properties = new ArrayList<>();
        for (Validation.Assignment p : a.props()) {
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
        Cli cli = reads.cli();
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
            List<ListedJail> before = cli.dialect().kind() == Dialect.Kind.LEGACY_MASTER ? reads.jails() : List.of();
            CommandResult r = commands.longJob(job, argv, "");
            commands.requireSuccess(cli, r);
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
            host.publish(Commands.jailChanged("createjail", made[0]));
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
        for (ListedJail j : reads.jails()) {
            if (!old.contains(j.id()) && (wanted.isEmpty() || j.tag().equals(wanted))) {
                return new String[] {j.id(), j.tag()};
            }
        }
        throw new ActionFailedException("iocage finished but no new jail appeared in the listing");
    }

    private ObjectNode destroy(Args a) throws Exception {
        String jail = a.required("jail", v -> Validation.jail(v, false));
        return host.withJail(jail, () -> {
            ListedJail j = reads.find(jail);
            if (HostActions.isProtected(host.protection().ids(), j)) {
                throw new ActionFailedException("jail " + jail + " is protected from destroy on this server: remove its"
                        + " protection first (unprotectjail)");
            }
            if (j.running()) {
                throw new ActionFailedException("jail " + jail + " is running: stop it first");
            }
            Cli cli = reads.cli();
            CommandResult r = host.exec(cli.destroy(j.id()), options.actionTimeout(), "", null);
            commands.requireSuccess(cli, r);
            ObjectNode out = JSON.objectNode();
            out.putObject("success").put("Destroying", j.id());
            host.publish(Commands.jailChanged("destroyjail", j.id()));
            return out;
        });
    }

    private ObjectNode execJail(Args a) throws Exception {
        String jail = a.required("jail", v -> Validation.jail(v, false));
        String user = a.required("user", Validation::user);
        String command = a.required("command", Validation::command);
        Cli cli = reads.cli();
        CommandResult r = host.exec(cli.exec(jail, user, command), options.actionTimeout(), "", null);
        ObjectNode out = JSON.objectNode();
        ObjectNode success = JSON.objectNode();
        ArrayNode output = JSON.arrayNode();
        for (Lines.Line line : Lines.of(r.stdout())) {
            success.put(line.text(), "");
            output.add(line.text());
        }
        Optional<String> failure = commands.failure(cli, r);
        if (failure.isPresent()) {
            out.put("error", failure.get());
        } else {
            out.set("success", success);
        }
        out.set("output", output);
        return out;
    }

    // ---- extensions -----------------------------------------------------------------------------------------

    private ObjectNode setSettings(Args a) throws Exception {
        String jail = a.required("jail", v -> Validation.jail(v, true));
        boolean defaults = jail.equals("default");
        List<Validation.Assignment> list = a.props();
        if (list.isEmpty()) {
            throw new BadRequestException("setjailsettings needs 'props'");
        }
        for (Validation.Assignment p : list) {
            checkProperty(p, defaults);
        }
        Cli cli = reads.cli();
        List<String> assignments = list.stream().map(Validation.Assignment::argument).toList();
        return host.withJail(jail, () -> {
            ObjectNode out = JSON.objectNode();
            out.put("jail", jail);
            ObjectNode success = out.putObject("success");
            Map<String, String> changes = new LinkedHashMap<>();
            for (List<String> argv : cli.set(assignments, jail)) {
                CommandResult r = host.exec(argv, options.actionTimeout(), "", null);
                commands.requireSuccess(cli, r);
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
            host.publish(Commands.jailChanged("setjailsettings", jail));
            return out;
        });
    }

    private static String check(Optional<String> problem, String value) throws BadRequestException {
        if (problem.isPresent()) {
            throw new BadRequestException(problem.get());
        }
        return value;
    }
}
