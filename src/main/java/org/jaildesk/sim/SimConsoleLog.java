package org.jaildesk.sim;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The demo host's console logs: what each jail's rc printed at its starts and stops, as jail(8) writes it to
 * {@code <iocroot>/log/ioc-<name>-console.log} for Python iocage, made up from the jail's name (the services its name
 * suggests; the cache's redis fails to start) and how often it started. Read as JailDesk reads them: the iocage
 * dataset's mountpoint with {@code zfs get}, the log's end with {@code tail -c}.
 */
final class SimConsoleLog {

    private final SimState state;

    SimConsoleLog(SimState state) {
        this.state = state;
    }

    private String iocroot() {
        return "/" + state.activePool + "/iocage";
    }

    /** The iocage dataset's mountpoint for {@code zfs get -H -o value mountpoint <pool>/iocage}; null for other commands. */
    String zfs(List<String> args) {
        return args.equals(List.of("get", "-H", "-o", "value", "mountpoint", state.activePool + "/iocage"))
                ? iocroot() + "\n" : null;
    }

    /**
     * The last bytes of a jail's log for {@code tail -c N <iocroot>/log/ioc-<id>-console.log}: an empty array for a
     * jail that never started (there is no such file), null for any other command.
     */
    byte[] tail(List<String> args) {
        if (args.size() != 3 || !args.get(0).equals("-c") || !args.get(1).matches("[0-9]{1,9}")) {
            return null;
        }
        String prefix = iocroot() + "/log/ioc-";
        String file = args.get(2);
        if (!file.startsWith(prefix) || !file.endsWith("-console.log")) {
            return null;
        }
        SimJail j = state.jails.get(file.substring(prefix.length(), file.length() - "-console.log".length()));
        if (j == null || j.starts == 0) {
            return new byte[0];
        }
        byte[] all = log(j).getBytes(StandardCharsets.UTF_8);
        int n = Integer.parseInt(args.get(1));
        return all.length <= n ? all : Arrays.copyOfRange(all, all.length - n, all.length);
    }

    /** Each start's lines, and a stop's after each but a running jail's last start. */
    static String log(SimJail j) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < j.starts; i++) {
            start(b, j, i);
            if (i < j.starts - 1 || !j.running) {
                stop(b, j);
            }
        }
        return b.toString();
    }

    private static void start(StringBuilder b, SimJail j, int n) {
        b.append("Setting hostname: ").append(j.tag).append(".\n")
                .append("ELF ldconfig path: /lib /usr/lib /usr/lib/compat /usr/local/lib\n")
                .append("32-bit compatibility ldconfig path: /usr/lib32\n")
                .append("Creating and/or trimming log files.\n")
                .append("Starting syslogd.\n");
        String service = service(j.tag);
        if (!service.isEmpty()) {
            b.append("Starting ").append(service).append(".\n");
            if (service.equals("redis")) {
                b.append("/usr/local/etc/rc.d/redis: WARNING: failed to start redis\n");
            }
        }
        b.append("Clearing /tmp (X related).\n")
                .append("Updating motd:.\n")
                .append("Starting cron.\n\n")
                .append(String.format(java.util.Locale.ROOT, "Thu Nov 26 %02d:00:00 UTC 2026%n", 9 + n % 14));
    }

    private static void stop(StringBuilder b, SimJail j) {
        b.append("Stopping cron.\n")
                .append("Waiting for PIDS: ").append(1000 + Math.floorMod(j.tag.hashCode(), 8000)).append(".\n");
        String service = service(j.tag);
        if (!service.isEmpty() && !service.equals("redis")) {
            b.append("Stopping ").append(service).append(".\n");
        }
        b.append("Terminated\n");
    }

    /** The service a jail's name suggests, or "". */
    private static String service(String name) {
        for (String[] s : new String[][] {{"db", "postgresql"}, {"mail", "postfix"}, {"plex", "plexmediaserver"},
                {"web", "nginx"}, {"cache", "redis"}, {"dns", "unbound"}, {"git", "gitea"}, {"monitoring", "prometheus"},
                {"proxy", "haproxy"}, {"ci", "buildkite-agent"}}) {
            if (name.startsWith(s[0])) {
                return s[1];
            }
        }
        return "";
    }
}
