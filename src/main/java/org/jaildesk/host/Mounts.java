package org.jaildesk.host;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.jaildesk.host.parse.FstabEntry;
import org.jaildesk.host.parse.PythonOutput;

/**
 * Folders of the host mounted into a jail, the lines of its fstab (JailDesk's extensions {@code listmounts},
 * {@code addmount}, {@code removemount}): Python iocage's {@code fstab} command, which also mounts or unmounts the
 * folder at once when the jail runs. iocage keeps a destination under the jail's root; the replies give it as the
 * path inside the jail ({@code destination}) and as the host's ({@code path}). Each change runs alone on its jail.
 */
final class Mounts {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final IocageHost host;
    private final HostOptions options;
    private final Commands commands;
    private final Reads reads;

    Mounts(IocageHost host, HostOptions options, Commands commands, Reads reads) {
        this.host = host;
        this.options = options;
        this.commands = commands;
        this.reads = reads;
    }

    /** {@code {"jail", "mounts": [{"index", "source", "destination", "path", "type", "options"}, …]}} in fstab's order. */
    ObjectNode list(Args a) throws Exception {
        String jail = a.required("jail", v -> Validation.jail(v, false));
        ObjectNode out = JSON.objectNode();
        out.put("jail", jail);
        ArrayNode list = out.putArray("mounts");
        for (FstabEntry e : entries(jail)) {
            list.addObject().put("index", Integer.toString(e.index())).put("source", e.source())
                    .put("destination", inJail(e.destination(), jail)).put("path", e.destination())
                    .put("type", e.type()).put("options", e.options());
        }
        return out;
    }

    /** {@code type} is {@code nullfs} and {@code options} {@code ro} unless given. A destination in use is refused. */
    ObjectNode add(Args a) throws Exception {
        String jail = a.required("jail", v -> Validation.jail(v, false));
        String source = a.required("source", Validation::mountSource);
        String destination = a.required("destination", Validation::mountDestination);
        String type = a.has("type") ? a.required("type", Validation::mountType) : "nullfs";
        String opts = a.has("options") ? a.required("options", Validation::mountOptions) : "ro";
        Cli cli = reads.cli();
        cli.fstabAdd(jail, source, destination, type, opts); // a dialect without it refuses now, not after waiting
        return host.withJail(jail, () -> {
            for (FstabEntry e : entries(jail)) {
                if (inJail(e.destination(), jail).equals(destination)) {
                    throw new ActionFailedException(destination + " in " + jail + " has a mount already (" + e.source()
                            + "): remove it first");
                }
            }
            CommandResult r = host.exec(cli.fstabAdd(jail, source, destination, type, opts), options.actionTimeout(), "", null);
            commands.requireSuccess(cli, r);
            String done = source + " mounted on " + destination + " in " + jail + " (" + opts + ")";
            return changed("addmount", jail, done + warning(r, "Mounting entry failed"));
        });
    }

    /**
     * Removes the mount at {@code index}, given with its {@code source} and {@code destination} as listed: if the jail's
     * mounts changed since (another client), nothing is removed, rather than the line that took that index.
     */
    ObjectNode remove(Args a) throws Exception {
        String jail = a.required("jail", v -> Validation.jail(v, false));
        int index = Integer.parseInt(a.required("index", v -> v.matches("\\d{1,4}") ? Optional.empty()
                : Optional.of("index is a number, not '" + org.jaildesk.domain.Shown.of(v) + "'")));
        String source = a.required("source", Validation::mountSource);
        String destination = a.required("destination", Validation::mountDestination);
        Cli cli = reads.cli();
        cli.fstabRemove(jail, index);
        return host.withJail(jail, () -> {
            Optional<FstabEntry> at = entries(jail).stream().filter(e -> e.index() == index).findFirst();
            if (at.isEmpty() || !at.get().source().equals(source) || !inJail(at.get().destination(), jail).equals(destination)) {
                throw new ActionFailedException("the mounts of " + jail + " changed since they were listed: list them again");
            }
            CommandResult r = host.exec(cli.fstabRemove(jail, index), options.actionTimeout(), "", null);
            commands.requireSuccess(cli, r);
            if ((r.stdout() + r.stderr()).contains("No matching fstab entry")) {
                throw new ActionFailedException("iocage found no mount " + index + " in " + jail + "'s fstab");
            }
            String done = source + " unmounted from " + destination + " in " + jail + " and removed";
            return changed("removemount", jail, done + warning(r, "Unmounting entry failed"));
        });
    }

    private List<FstabEntry> entries(String jail) throws Exception {
        Cli cli = reads.cli();
        return PythonOutput.fstab(commands.readOk(cli, cli.fstabList(jail)).stdout());
    }

    private ObjectNode changed(String action, String jail, String success) {
        ObjectNode out = JSON.objectNode();
        out.put("jail", jail);
        out.put("success", success);
        host.publish(Commands.jailChanged(action, jail));
        return out;
    }

    /**
     * iocage changes the fstab even when mounting or unmounting in the running jail fails, and says so as a warning:
     * the reply says it too.
     */
    private static String warning(CommandResult r, String prefix) {
        for (String line : (r.stdout() + "\n" + r.stderr()).split("\r?\n")) {
            int at = line.indexOf(prefix);
            if (at >= 0) {
                return "; but " + line.substring(at).strip();
            }
        }
        return "";
    }

    /**
     * The destination as a path inside the jail: iocage keeps it under {@code <iocroot>/jails/<jail>/root}. A
     * destination elsewhere (written by hand) is given as it is.
     */
    static String inJail(String path, String jail) {
        String root = "/jails/" + jail + "/root";
        int at = path.indexOf(root);
        if (at < 0) {
            return path;
        }
        String rest = path.substring(at + root.length());
        return rest.isEmpty() ? "/" : rest.startsWith("/") ? rest : path;
    }
}
