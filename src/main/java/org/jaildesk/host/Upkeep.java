package org.jaildesk.host;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.util.Optional;
import org.jaildesk.domain.ReleaseNames;
import org.jaildesk.domain.Shown;
import org.jaildesk.domain.SnapshotNames;
import org.jaildesk.domain.Wording;
import org.jaildesk.host.parse.ListedJail;

/**
 * Keeping a jail up: renaming it, updating it to its release's latest patch level, and upgrading it to a newer
 * release (JailDesk's extensions {@code renamejail}, {@code updatejail} and {@code upgradejail}).
 */
final class Upkeep {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final IocageHost host;
    private final HostOptions options;
    private final Commands commands;
    private final Reads reads;

    Upkeep(IocageHost host, HostOptions options, Commands commands, Reads reads) {
        this.host = host;
        this.options = options;
        this.commands = commands;
        this.reads = reads;
    }

    /**
     * A stopped jail gets a new name (its tag, on legacy iocage). A name another jail or template has is refused before
     * iocage runs: legacy iocage would silently give that other jail a timestamp for a tag instead.
     */
    ObjectNode rename(Args a) throws Exception {
        String jail = a.required("jail", v -> Validation.jail(v, false));
        String name = a.required("name", Validation::newName);
        return host.withHost(() -> {
            List<ListedJail> all = new ArrayList<>(reads.jails());
            ListedJail j = Reads.find(jail, all);
            if (j.running()) {
                throw new ActionFailedException("jail " + jail + " is running: stop it before renaming it");
            }
            all.addAll(reads.templates());
            if (all.stream().anyMatch(o -> o.tag().equals(name) || o.id().equals(name))) {
                throw new ActionFailedException("a jail or template named " + name + " exists already");
            }
            Cli cli = reads.cli();
            CommandResult r = host.exec(cli.rename(j.id(), name), options.actionTimeout(), "", null);
            commands.requireSuccess(cli, r);
            String id = cli.dialect().isPython() ? name : j.id();
            // A protection from destroy goes with the jail (a legacy jail keeps its UUID; a mark by its tag moves).
            host.protection().moved(j.id(), id);
            host.protection().moved(j.tag(), name);
            ObjectNode out = JSON.objectNode();
            out.put("jail", jail);
            out.put("name", name);
            out.put("id", id);
            out.put("success", "jail " + j.tag() + " renamed to " + name);
            host.publish(Commands.jailChanged("renamejail", id));
            return out;
        });
    }

    /**
     * iocage's {@code upgrade} to a newer release (Python {@code upgrade -r R J}): freebsd-update's upgrade in the jail,
     * which iocage starts for it if stopped and stops again. iocage itself snapshots only a basejail before it, so the
     * host takes one first whatever the type ({@code before_upgrade_to_<release>_<UTC time>}): a rollback goes back to it. A release
     * that is not newer than the jail's, and a jail without one (empty), are refused before anything runs. A long job:
     * its lines come as progress events; the reply says the release afterwards and the snapshot's name.
     */
    ObjectNode upgrade(Args a) throws Exception {
        String jail = a.required("jail", v -> Validation.jail(v, false));
        String release = a.required("release", Validation::upgradeTarget);
        String job = a.jobId();
        Cli cli = reads.cli();
        cli.upgrade(jail, release); // a dialect without it refuses now, not after waiting for the jail's turn
        return host.withJail(jail, () -> {
            ListedJail before = reads.find(jail);
            Optional<String> why = ReleaseNames.checkUpgrade(before.tag(), before.release(), release).map(Wording::english);
            if (why.isPresent()) {
                throw new ActionFailedException(why.get());
            }
            String snapshot = "before_upgrade_to_" + release + "_" + SnapshotNames.at(Instant.now());
            commands.requireSuccess(cli, host.exec(cli.snapshot(before.id(), snapshot), options.actionTimeout(), "", null));
            CommandResult r = commands.longJob(job, cli.upgrade(before.id(), release), "");
            // iocage may have stopped before changing anything or part-way: the snapshot stays, and the answer says so.
            Optional<String> failed = commands.failure(cli, r);
            if (failed.isPresent()) {
                throw new ActionFailedException(failed.get() + "; the snapshot " + snapshot + " taken before it is kept:"
                        + " roll back to it if the jail does not work, or remove it");
            }
            String now = reads.find(jail).release();
            ObjectNode out = JSON.objectNode();
            out.put("jail", jail);
            out.put("release", now);
            out.put("snapshot", snapshot);
            out.put("success", before.tag() + " upgraded from " + before.release() + " to " + now
                    + "; snapshot " + snapshot + " taken before");
            host.publish(Commands.jailChanged("upgradejail", jail));
            return out;
        });
    }

    /**
     * iocage's {@code update}: freebsd-update in the jail, to its release's latest patch level, after a snapshot iocage
     * takes first (Python names it {@code ioc_update_<release>_<date>}), which a rollback can go back to. Python starts
     * a stopped jail for it; {@code packages=yes} (Python's {@code -P}) upgrades the jail's packages too. A long job: its lines come as progress events (as a fetch's do); the reply says the
     * release afterwards.
     */
    ObjectNode update(Args a) throws Exception {
        String jail = a.required("jail", v -> Validation.jail(v, false));
        boolean packages = a.optional("packages", v -> v.equals("yes") || v.equals("no") ? Optional.empty()
                : Optional.of("packages is yes or no, not '" + Shown.of(v) + "'")).equals("yes");
        String job = a.jobId();
        Cli cli = reads.cli();
        cli.update(jail, packages); // a dialect without -P refuses now, not after waiting for the jail's turn
        return host.withJail(jail, () -> {
            ListedJail before = reads.find(jail);
            CommandResult r = commands.longJob(job, cli.update(before.id(), packages), "");
            commands.requireSuccess(cli, r);
            String release = reads.find(jail).release();
            ObjectNode out = JSON.objectNode();
            out.put("jail", jail);
            out.put("release", release);
            // Legacy iocage lists the release without its patch level: there the listing cannot tell what changed.
            String name = before.tag();
            out.put("success", cli.dialect().isLegacy() ? name + " updated to the latest patch level of " + release
                    : release.equals(before.release()) ? name + " is at " + release + " already"
                    : name + " updated from " + before.release() + " to " + release);
            host.publish(Commands.jailChanged("updatejail", jail));
            return out;
        });
    }
}
