package org.jaildesk.host;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jaildesk.domain.HostImage;
import org.jaildesk.domain.ImageNames;
import org.jaildesk.host.parse.ImageFiles;
import org.jaildesk.host.parse.IocageParseException;
import org.jaildesk.host.parse.ListedJail;

/**
 * A jail as a file and back (JailDesk's extensions {@code exportjail} and {@code importjail}): Python iocage's
 * {@code export}, which writes a stopped jail to {@code <iocroot>/images/<name>_<date>.zip}, and {@code import},
 * which receives such an image as the jail it holds. Both are long jobs whose lines come as progress events.
 */
final class Images {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final IocageHost host;
    private final Commands commands;
    private final Reads reads;

    Images(IocageHost host, Commands commands, Reads reads) {
        this.host = host;
        this.commands = commands;
        this.reads = reads;
    }

    /** Exports a stopped jail; the reply names the image file iocage wrote. */
    ObjectNode export(Args a) throws Exception {
        String jail = a.required("jail", v -> Validation.jail(v, false));
        String job = a.jobId();
        Cli cli = reads.cli();
        cli.export(jail); // a dialect without it refuses now, not after waiting for the jail's turn
        return host.withJail(jail, () -> {
            ListedJail j = reads.find(jail);
            if (j.running()) {
                throw new ActionFailedException("jail " + jail + " is running: stop it before exporting it");
            }
            CommandResult r = commands.longJob(job, cli.export(j.id()), "");
            commands.requireSuccess(cli, r);
            String image = lastAfter(r.stdout(), "Exported: ");
            ObjectNode out = JSON.objectNode();
            out.put("jail", jail);
            out.put("image", image);
            out.put("success", image.isEmpty() ? j.tag() + " exported" : j.tag() + " exported to " + image);
            return out;
        });
    }

    /**
     * Imports an image by its whole name. iocage receives it with {@code zfs recv -F}, which would overwrite a jail
     * of the same name, so an image whose jail is on the host is refused before iocage runs. iocage finds the file
     * by a pattern ({@code <name>.*(zip|tar.xz)}, matched from the start, where a '.' of the name matches any
     * character): every jail or template whose image that pattern could find is such a jail.
     */
    ObjectNode importImage(Args a) throws Exception {
        String image = a.required("image", Validation::image);
        String job = a.jobId();
        Cli cli = reads.cli();
        String base = ImageNames.base(image);
        cli.importImage(base);
        String jail = ImageNames.jail(image);
        return host.withJail(jail, () -> {
            List<ListedJail> all = new ArrayList<>(reads.jails());
            all.addAll(reads.templates());
            Pattern sameJail = Pattern.compile(jail);
            Pattern found = Pattern.compile(base);
            for (ListedJail o : all) {
                if (sameJail.matcher(o.id()).matches() || found.matcher(o.id()).lookingAt()) {
                    throw new ActionFailedException("a jail or template named " + o.id() + " is on this host: importing "
                            + image + " would overwrite it (iocage receives the image over it); destroy or rename it first");
                }
            }
            CommandResult r = commands.longJob(job, cli.importImage(base), "");
            commands.requireSuccess(cli, r);
            String imported = lastAfter(r.stdout(), "Imported: ");
            String id = imported.isEmpty() ? jail : imported;
            ObjectNode out = JSON.objectNode();
            out.put("image", image);
            out.put("jail", id);
            out.put("success", "jail " + id + " imported from " + image);
            host.publish(Commands.jailChanged("importjail", id));
            return out;
        });
    }

    /**
     * The images in the host's images folder, newest first: {@code {"folder","images":[{"image","jail","size",
     * "modified"},…]}}. iocage lists no images, so the host asks {@code zfs} where its images dataset is mounted and
     * {@code find} for the files there. Changes nothing; two commands whatever the number of images.
     */
    ObjectNode list() throws Exception {
        Cli cli = reads.cli();
        cli.imagesListed(); // a dialect without it refuses now, before iocage is asked for the pool
        String folder = commands.mountpoint(cli.imagesFolder(reads.pool()), "the images dataset");
        List<HostImage> found = commands.toolRead(Tool.FIND, Cli.imageFiles(folder), out -> ImageFiles.read(out, folder));
        ObjectNode out = JSON.objectNode();
        out.put("folder", folder);
        ArrayNode rows = out.putArray("images");
        for (HostImage i : found) {
            ObjectNode row = rows.addObject();
            row.put("image", i.image());
            row.put("jail", i.jail());
            row.put("size", String.valueOf(i.size()));
            row.put("modified", i.modified().toString());
        }
        return out;
    }

    /** What follows {@code prefix} on the last line that starts with it, or "". */
    private static String lastAfter(String output, String prefix) {
        String found = "";
        for (String line : output.split("\r?\n")) {
            if (line.startsWith(prefix)) {
                found = line.substring(prefix.length()).strip();
            }
        }
        return found;
    }
}
