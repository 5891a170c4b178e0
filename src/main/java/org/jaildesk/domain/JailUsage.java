package org.jaildesk.domain;

/**
 * What the processes of one running jail use now, as {@code ps} sees them from the host.
 *
 * @param jid         the jail's kernel id (what joins it to the listing's row)
 * @param processes   how many processes it runs
 * @param cpuPercent  their CPU use, in percent of one CPU (so above 100 on a jail busy on several), as top shows it
 * @param memoryBytes their resident memory added up (pages two processes share are counted for each)
 */
public record JailUsage(int jid, int processes, double cpuPercent, long memoryBytes) {

    public JailUsage {
        if (jid <= 0 || processes < 0 || cpuPercent < 0 || memoryBytes < 0) {
            throw new IllegalArgumentException("not a jail's usage: jid " + jid + ", " + processes + " processes, "
                    + cpuPercent + "% CPU, " + memoryBytes + " bytes");
        }
    }
}
