package org.jaildesk.domain;

import java.util.regex.Pattern;

/** The rule for a FreeBSD release name ({@code 14.2-RELEASE}, {@code 13.3-RELEASE-p4}, {@code 15.0-BETA2}…), shared by the dialogs and the host. */
public final class ReleaseNames {

    private static final Pattern RELEASE = Pattern.compile(
            "[0-9]{1,3}\\.[0-9]{1,2}-(RELEASE|STABLE|CURRENT|PRERELEASE|BETA[0-9]{0,2}|RC[0-9]{0,2}|ALPHA[0-9]{0,2})(-p[0-9]{1,3})?");

    private ReleaseNames() {
    }

    public static boolean isValid(String name) {
        return name != null && RELEASE.matcher(name).matches();
    }
}
