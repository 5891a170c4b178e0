package org.jaildesk.client;

import java.util.List;

/**
 * What a start, stop or exec printed, line by line.
 *
 * @param alreadyInState the jail was already up (start) or down (stop); nothing was done
 */
public record JobOutput(String jail, List<String> lines, boolean alreadyInState) {

    public JobOutput {
        lines = List.copyOf(lines);
    }
}
