package org.jaildesk.domain;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jaildesk.domain.Wording.Phrase;

/** The rule for a FreeBSD release name ({@code 14.2-RELEASE}, {@code 13.3-RELEASE-p4}, {@code 15.0-BETA2}…), shared by the dialogs and the host. */
public final class ReleaseNames {

    private static final Pattern RELEASE = Pattern.compile(
            "[0-9]{1,3}\\.[0-9]{1,2}-(RELEASE|STABLE|CURRENT|PRERELEASE|BETA[0-9]{0,2}|RC[0-9]{0,2}|ALPHA[0-9]{0,2})(-p[0-9]{1,3})?");

    private static final Pattern PATCH = Pattern.compile("-p[0-9]+$");

    /** Valid release names by their major and minor number, the newest first; names alike by their text. */
    public static final Comparator<String> NEWEST_FIRST = Comparator.<String>comparingInt(r -> version(r)[0])
            .thenComparingInt(r -> version(r)[1]).reversed().thenComparing(Comparator.naturalOrder());

    private ReleaseNames() {
    }

    public static boolean isValid(String name) {
        return name != null && RELEASE.matcher(name).matches();
    }

    /**
     * Why {@code jail}, at release {@code from}, cannot be upgraded to {@code to}: {@code to} must be a release name
     * without a patch level (what freebsd-update's {@code -r} takes) and newer than {@code from} in its major or minor
     * number ({@code 13.2-RELEASE-p4} to {@code 13.3-RELEASE} or {@code 14.1-RELEASE}); an update, not an upgrade,
     * brings a newer patch level. Empty when it can.
     */
    public static Optional<Wording> checkUpgrade(String jail, String from, String to) {
        Optional<Wording> target = checkUpgradeTarget(to);
        if (target.isPresent()) {
            return target;
        }
        if (!isValid(from)) {
            return Optional.of(Wording.of(Phrase.UPGRADE_NO_RELEASE, jail, Shown.of(from)));
        }
        int[] a = version(from);
        int[] b = version(to);
        if (b[0] < a[0] || b[0] == a[0] && b[1] <= a[1]) {
            return Optional.of(Wording.of(Phrase.UPGRADE_NOT_NEWER, jail, from, to));
        }
        return Optional.empty();
    }

    /** Why {@code to} is no release to upgrade to (see {@link #checkUpgrade}); empty when it is one. */
    public static Optional<Wording> checkUpgradeTarget(String to) {
        if (!isValid(to) || PATCH.matcher(to).find()) {
            return Optional.of(Wording.of(Phrase.UPGRADE_INVALID, Shown.of(to == null ? "" : to)));
        }
        return Optional.empty();
    }

    /** Major and minor number of a valid release name. */
    private static int[] version(String release) {
        int dot = release.indexOf('.');
        return new int[] {Integer.parseInt(release.substring(0, dot)), Integer.parseInt(release.substring(dot + 1, release.indexOf('-')))};
    }
}
