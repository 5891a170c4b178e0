package org.jaildesk.host.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jaildesk.host.Dialect;
import org.junit.jupiter.api.Test;

/** Every legacy sample in reference/iocage-samples, and the legacy pitfalls of reference §8. */
class LegacyOutputTest {

    @Test
    void developListing() throws Exception {
        List<ListedJail> jails = LegacyOutput.list(Samples.legacy("list-legacy-develop.txt"));
        assertEquals(3, jails.size());
        assertEquals(new ListedJail("0bf985de-ca0f-11e5-8d45-d05099728dbf", "www01", "3", "on", "up", "basejail",
                "10.3-RELEASE", "192.168.1.21", "-", "-"), jails.get(0));
        assertEquals("2016-02-09@23:47:04", jails.get(2).tag(), "tags with colons stay whole");
        assertEquals("thickjail", jails.get(2).type());
    }

    @Test
    void masterListingWithMisalignedHeaderStopsAtTheNonIocageSection() throws Exception {
        List<ListedJail> jails = LegacyOutput.list(Samples.legacy("list-legacy-1.7.txt"));
        assertEquals(3, jails.size());
        assertEquals("www01", jails.get(0).tag());
        assertEquals("192.168.1.21", jails.get(0).ip4());
        assertEquals("-", jails.get(1).ip4(), "none means no address");
        assertEquals("10.0.0.5", jails.get(2).ip4());
        assertEquals("tmpl-web", LegacyOutput.list(Samples.legacy("list-legacy-1.7-t.txt")).get(0).tag());
    }

    @Test
    void aDevelopRowWhoseEmptyFieldVanishedIsAnError() {
        String shifted = Samples.legacy("list-legacy-develop.txt")
                + "-    9b8e1033-d065-11e5-8209-d05099728dbf  off   down   basejail  -  10.2-RELEASE\n";
        IocageParseException e = assertThrows(IocageParseException.class, () -> LegacyOutput.list(shifted));
        assertTrue(e.getMessage().contains("line 5"), e.getMessage());
    }

    @Test
    void releasesOfBothBranches() throws Exception {
        assertEquals(List.of("10.1-RELEASE", "10.2-RELEASE", "9.3-RELEASE"), LegacyOutput.releases(Samples.legacy("list-legacy-1.7-r.txt")));
        assertEquals(List.of("10.2-RELEASE", "10.3-RELEASE", "11.0-RELEASE"), LegacyOutput.releases(Samples.legacy("list-legacy-develop-r.txt")));
    }

    @Test
    void dfOfBothBranches() throws Exception {
        DfRow testjail = new DfRow("611c89ae-c43c-11e5-9602-54ee75595566", "testjail", "1.00x", "none", "20G", "512M", "19.5G");
        assertEquals(testjail, LegacyOutput.df(Samples.legacy("df-legacy-1.7.txt")).get(1));
        assertEquals(testjail, LegacyOutput.df(Samples.legacy("df-legacy-develop.txt")).get(1));
    }

    @Test
    void getAllKeepsColonsInValues() throws Exception {
        Map<String, String> all = LegacyOutput.getAll(Samples.legacy("get-all-legacy-1.7.txt"));
        assertEquals("vnet0:bridge0,vnet1:bridge1", all.get("interfaces"));
        assertEquals("8G:log", all.get("memoryuse"));
        assertEquals("2016-02-10_20:15:33", all.get("last_started"));
        assertEquals("https://github.com", all.get("gitlocation"));
        assertEquals("-", all.get("sync_stat"));
    }

    @Test
    void defaultsSplitOnTheFirstEquals() throws Exception {
        Map<String, String> d = LegacyOutput.defaults(Samples.legacy("defaults-legacy-develop.txt"));
        assertEquals("2016-01-29@14:19:49", d.get("tag"));
        assertEquals("vnet0:bridge0,vnet1:bridge1", d.get("interfaces"));
    }

    @Test
    void getAcrossKeepsTimestampTags() throws Exception {
        List<PropRow> rows = LegacyOutput.getAcross(Samples.legacy("get-r-legacy.txt"), "vnet");
        assertEquals(new PropRow("9b8e1033-d065-11e5-8209-d05099728dbf", "2016-02-09@23:47:04", "on"), rows.get(1));
    }

    @Test
    void poolAndCreated() throws Exception {
        assertEquals("tank", LegacyOutput.pool(Samples.legacy("activate-legacy-query.txt")));
        String[] made = LegacyOutput.created(Samples.legacy("create-legacy-develop.txt")).get(0);
        assertEquals("3030c554-d05e-11e5-8209-d05099728dbf", made[0]);
        assertEquals("www02", made[1]);
    }

    @Test
    void stepLinesAreSqueezedLikeTheSeed() {
        List<String> steps = CommonOutput.steps(Samples.legacy("start-legacy-1.7-sharedip.txt"));
        assertEquals(List.of("* Starting 0bf985de-ca0f-11e5-8d45-d05099728dbf (www01)", "+ Started (shared IP mode) OK",
                "+ Applying resource limits OK", "+ Starting services OK"), steps);
        assertEquals(6, CommonOutput.steps(Samples.legacy("stop-legacy-1.7-vnet.txt")).size());
        assertEquals(3, CommonOutput.steps(Samples.legacy("start-legacy-1.7-vnet.txt")).size() - 1);
        assertTrue(Samples.legacy("start-legacy-1.7-already-up.txt").contains("is already up"));
        assertTrue(Samples.legacy("start-legacy-develop-already-up.stderr.txt").contains("is already up"));
    }

    @Test
    void versions() {
        assertEquals(Dialect.Kind.LEGACY_MASTER, Dialect.detect(Samples.legacy("version-legacy-1.7.4-to-1.7.6.txt")).kind());
        assertEquals(Dialect.Kind.LEGACY_DEVELOP, Dialect.detect(Samples.legacy("version-legacy-develop.txt")).kind());
        assertEquals(Dialect.Kind.PYTHON, Dialect.detect("0.9.9 07/28/2017\n").kind());
        assertThrows(IllegalArgumentException.class, () -> Dialect.detect("bash: iocage: command not found"));
    }

    /**
     * {@code snaplist}: the sample is built from legacy iocage's printf ({@code %-36s  %-21s  %s   %s}, reference
     * §3.13); no recording of it exists. The creation time holds runs of spaces and stays whole.
     */
    @Test
    void snapshotsSplitTheCreationTimeFromTheRight() throws Exception {
        List<Snapshot> snaps = LegacyOutput.snapshots(Samples.legacy("snaplist-legacy.txt"));
        assertEquals(List.of(new Snapshot("ioc-2016-02-09_23:47:04", "Tue Feb  9 23:47 2016", "96K", "0"),
                new Snapshot("before-upgrade", "Sat Mar 12  8:05 2016", "1.2G", "18.5M")), snaps);
        String same = String.format("%-36s  %-21s  %s   %s%n%-36s  %-21s  %s   %s%n", "NAME", "CREATED", "RSIZE", "USED",
                "x", "Mon Dec 12 10:05 2016", "96K", "96K");
        assertEquals(new Snapshot("x", "Mon Dec 12 10:05 2016", "96K", "96K"), LegacyOutput.snapshots(same).get(0),
                "equal sizes are told apart by place");
        assertEquals(List.of(), LegacyOutput.snapshots(""), "a jail without snapshots prints nothing, or only the header");
        assertEquals(List.of(), LegacyOutput.snapshots("NAME  CREATED  RSIZE  USED\n"));
        assertThrows(IocageParseException.class, () -> LegacyOutput.snapshots("NAME CREATED SIZE\nx y 1K\n"));
        assertThrows(IocageParseException.class, () -> LegacyOutput.snapshots("NAME CREATED RSIZE USED\nx 96K 0\n"),
                "a row without its creation time");
        assertThrows(IocageParseException.class, () -> LegacyOutput.snapshots("NAME CREATED RSIZE USED\nx Tue Feb 9 big 0\n"),
                "a size that is not one");
    }
}
