package org.jaildesk.host;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which iocage a host runs, read once from {@code iocage --version} (reference iocage-cli.md §1).
 *
 * @param kind    the command-line family
 * @param version the version text iocage printed, for messages ("not supported by iocage 1.2")
 */
public record Dialect(Kind kind, String version) {

    /** The command-line families JailDesk drives. */
    public enum Kind {
        /** Python iocage 0.9–1.2 and freebsd/iocage 1.2.1–1.13: jails by NAME. */
        PYTHON,
        /** Legacy shell iocage 1.7.x (prints 1.7.4 for 1.7.4–1.7.6). */
        LEGACY_MASTER,
        /** Legacy shell iocage, develop branch (the dialect the sysadm API page was produced from). */
        LEGACY_DEVELOP
    }

    private static final Pattern PYTHON = Pattern.compile("Version\t(.+)");
    private static final Pattern PY_099 = Pattern.compile("(0\\.9\\.9) \\d\\d/\\d\\d/\\d{4}");
    private static final Pattern MASTER = Pattern.compile("iocage (1\\.[0-7](?:\\.\\d+)?) \\(.*\\)");
    private static final Pattern DEVELOP = Pattern.compile("iocage DEVELOP \\((.*)\\)");

    /** Reads the output of {@code iocage --version}; throws when it is none of the known forms. */
    public static Dialect detect(String output) throws IllegalArgumentException {
        String text = output == null ? "" : output.strip();
        for (String line : text.split("\n")) {
            String l = line.strip();
            Matcher m;
            if ((m = PYTHON.matcher(line.stripTrailing())).matches()) {
                return new Dialect(Kind.PYTHON, m.group(1).trim());
            }
            if ((m = PY_099.matcher(l)).matches()) {
                return new Dialect(Kind.PYTHON, m.group(1));
            }
            if ((m = MASTER.matcher(l)).matches()) {
                return new Dialect(Kind.LEGACY_MASTER, m.group(1));
            }
            if ((m = DEVELOP.matcher(l)).matches()) {
                return new Dialect(Kind.LEGACY_DEVELOP, "DEVELOP " + m.group(1));
            }
        }
        String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        throw new IllegalArgumentException("'iocage --version' printed '" + shown + "', which is no iocage version JailDesk knows");
    }

    public boolean isPython() {
        return kind == Kind.PYTHON;
    }

    public boolean isLegacy() {
        return kind != Kind.PYTHON;
    }

    /** For messages: {@code iocage 1.2}, {@code iocage DEVELOP (2016-12-22)}. */
    public String label() {
        return "iocage " + version;
    }
}
