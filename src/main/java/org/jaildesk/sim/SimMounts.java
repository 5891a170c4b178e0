package org.jaildesk.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Python iocage's {@code fstab} (reference §3.14): {@code -l [-h] J} lists a jail's fstab with an index per line,
 * {@code -a J SRC DST TYPE OPTIONS DUMP PASS} adds a line (DST inside the jail; iocage puts it under the jail's root)
 * and {@code -r J INDEX} removes one; a running jail has the folder mounted or unmounted at once. The demo host has
 * no file system: every absolute source is taken to exist.
 */
final class SimMounts {

    private final SimState state;

    SimMounts(SimState state) {
        this.state = state;
    }

    boolean fstab(List<String> f, SimOutput o) {
        List<String> operands = new ArrayList<>();
        String action = null;
        boolean tabs = false;
        for (String a : f) {
            switch (a) {
                case "-l", "--list" -> action = "list";
                case "-a", "--add" -> action = "add";
                case "-r", "--remove" -> action = "remove";
                case "-h", "-H", "--header" -> tabs = true;
                default -> operands.add(a);
            }
        }
        if (operands.isEmpty()) {
            o.err("Usage: iocage fstab [OPTIONS] JAIL [FSTAB_STRING]...");
            o.exit = 2;
            return false;
        }
        synchronized (state) {
            SimJail j = state.jails.get(operands.get(0));
            if (j == null) {
                o.fail("jail '" + operands.get(0) + "' not found!");
                return false;
            }
            List<String> rest = operands.subList(1, operands.size());
            if ("list".equals(action)) {
                list(j, tabs, o);
                return false;
            }
            if (rest.isEmpty()) {
                o.fail("Please supply an fstab entry or jail!");
                return false;
            }
            if ("add".equals(action)) {
                return add(j, rest, o);
            }
            if ("remove".equals(action)) {
                return remove(j, rest, o);
            }
            o.fail("Type of operation not specified!");
            return false;
        }
    }

    private String root(SimJail j) {
        return "/" + state.activePool + "/iocage/jails/" + j.id + "/root";
    }

    private void list(SimJail j, boolean tabs, SimOutput o) {
        if (tabs) {
            for (int i = 0; i < j.mounts.size(); i++) {
                o.out(i + "\t" + line(j.mounts.get(i)));
            }
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < j.mounts.size(); i++) {
            rows.add(List.of(Integer.toString(i), line(j.mounts.get(i))));
        }
        o.out.append(Formats.textTable(List.of("INDEX", "FSTAB ENTRY"), rows));
    }

    private static String line(SimJail.Mount m) {
        return String.join("\t", m.source, m.destination, m.type, m.options, m.dump, m.pass);
    }

    private boolean add(SimJail j, List<String> f, SimOutput o) {
        if (f.size() != 6) {
            o.fail("Please specify a valid fstab entry!\n\nExample:\n  /the/source /dest FSTYPE FSOPTIONS FSDUMP FSPASS");
            return false;
        }
        String destination = root(j) + f.get(1);
        List<String> errors = new ArrayList<>();
        if (j.mounts.stream().anyMatch(m -> m.destination.equals(destination))) {
            errors.add("Destination: " + destination + " already exists!");
        }
        if (!f.get(0).startsWith("/") && f.get(2).equals("nullfs")) {
            errors.add("Source: " + f.get(0) + " must use an absolute path!");
        }
        if (!f.get(4).matches("\\d")) {
            errors.add("Dump: " + f.get(4) + " must be a digit!");
        }
        if (!f.get(5).matches("\\d")) {
            errors.add("Pass: " + f.get(5) + " must be a digit!");
        }
        if (!errors.isEmpty()) {
            o.fail(String.join("\n", errors));
            return false;
        }
        j.mounts.add(new SimJail.Mount(f.get(0), destination, f.get(2), f.get(3), f.get(4), f.get(5)));
        o.out("Successfully added mount to " + j.id + "'s fstab");
        return true;
    }

    private boolean remove(SimJail j, List<String> f, SimOutput o) {
        int index = -1;
        if (f.size() == 1 && f.get(0).matches("\\d{1,6}")) {
            index = Integer.parseInt(f.get(0));
        }
        if (index < 0 || index >= j.mounts.size()) {
            o.fail("No matching fstab entry.");
            return false;
        }
        j.mounts.remove(index);
        o.out("Successfully removed mount from " + j.id + "'s fstab");
        return true;
    }
}
