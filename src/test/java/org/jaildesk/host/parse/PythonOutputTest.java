package org.jaildesk.host.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jaildesk.host.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every Python sample in reference/iocage-samples, and the pitfalls of reference §8. */
class PythonOutputTest {

    private static final ListedJail DB01 = new ListedJail("db01", "db01", "1", "on", "up", "jail", "13.2-RELEASE-p4",
            "em0|192.168.1.21/24", "-", "-");

    @Test
    void longTabListing() throws Exception {
        List<ListedJail> jails = PythonOutput.list(Samples.py("list-py-lH.txt"));
        assertEquals(5, jails.size());
        assertEquals(DB01, jails.get(0));
        ListedJail mail = jails.get(1);
        assertEquals("-", mail.jid());
        assertEquals("em0|192.168.1.22/24,em0|10.0.0.22/24", mail.ip4());
        assertEquals("tmpl-web", jails.get(3).template());
        assertEquals("EMPTY", jails.get(4).release());
    }

    /**
     * Jails of a few releases come interleaved (in name order): each release is one string for all its rows, not one
     * per row, up to 16 releases; any beyond still read right, each row with its own.
     */
    @Test
    void rowsOfOneReleaseShareItsStringWhereverTheyCome() throws Exception {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            String release = "13." + (i % 20) + "-RELEASE-p4";
            out.append("-\tj").append(i).append("\toff\tdown\tjail\t").append(release).append("\t-\t-\t-\tno\n");
        }
        List<ListedJail> jails = PythonOutput.list(out.toString());
        assertEquals(400, jails.size());
        Map<String, ListedJail> first = new java.util.HashMap<>();
        for (int i = 0; i < 400; i++) {
            ListedJail j = jails.get(i);
            assertEquals("13." + (i % 20) + "-RELEASE-p4", j.release());
            ListedJail earlier = first.putIfAbsent(j.release(), j);
            if (i % 20 < 16) {
                assertSame(earlier == null ? j.release() : earlier.release(), j.release(), "row " + i);
            }
        }
    }

    @Test
    void theBorderedTableGivesTheSameJailsAsTheTabListing() throws Exception {
        assertEquals(PythonOutput.list(Samples.py("list-py-lH.txt")), PythonOutput.list(Samples.py("list-py-l.txt")));
    }

    @Test
    void tableCellsContainingPipesAreCutAtTheBorderNotAtThePipe() throws Exception {
        ListedJail plex = PythonOutput.list(Samples.py("list-py-l.txt")).get(2);
        assertEquals("epair0b|192.168.1.140", plex.ip4());
    }

    @ParameterizedTest
    @CsvSource({"list-py-H.txt", "list-py-H-1.4plus.txt", "list-py.txt", "list-py-after2020.txt"})
    void shortListingsIncludingNoneForStoppedJails(String sample) throws Exception {
        List<ListedJail> jails = PythonOutput.list(Samples.py(sample));
        assertEquals(4, jails.size());
        assertEquals("-", jails.get(1).jid(), "None and - both mean stopped");
        assertEquals("down", jails.get(1).state());
        assertEquals("192.168.1.22,10.0.0.22", jails.get(1).ip4());
        assertEquals("DHCP", jails.get(2).ip4());
    }

    @Test
    void templates() throws Exception {
        assertEquals("template", PythonOutput.list(Samples.py("list-py-t.txt")).get(0).type());
        assertEquals(PythonOutput.list(Samples.py("list-py-t.txt")), PythonOutput.list(Samples.py("list-py-tlH.txt")));
    }

    @Test
    void releasesInBothForms() throws Exception {
        assertEquals(List.of("12.4-RELEASE", "13.2-RELEASE"), PythonOutput.releases(Samples.py("list-py-rH.txt")));
        assertEquals(List.of("12.4-RELEASE", "13.2-RELEASE"), PythonOutput.releases(Samples.py("list-py-r.txt")));
    }

    /** The mirror's list only offers names to pick: a line that is not a release name is left out, not failed. */
    @Test
    void theMirrorsReleasesAreTheLinesThatNameOne() {
        assertEquals(List.of("13.4-RELEASE", "13.5-RELEASE", "14.1-RELEASE", "14.2-RELEASE", "14.3-RELEASE", "15.0-RELEASE"),
                PythonOutput.remoteReleases(Samples.py("list-py-R.txt")));
        assertEquals(List.of("14.2-RELEASE", "15.0-BETA1"), PythonOutput.remoteReleases(
                "WARNING: mirror slow\n14.2-RELEASE\n  15.0-BETA1  \n14.2-RELEASE\n-f\n$(x)\n14.2-RELEASE; touch x\n"));
    }

    @Test
    void dfInBothForms() throws Exception {
        List<DfRow> rows = PythonOutput.df(Samples.py("df-py-H.txt"));
        assertEquals(new DfRow("mail", "mail", "1.87x", "none", "20G", "3.40G", "16.6G"), rows.get(1));
        assertEquals(rows, PythonOutput.df(Samples.py("df-py.txt")));
    }

    @Test
    void getAllSplitsOnTheFirstColonOnly() throws Exception {
        Map<String, String> all = PythonOutput.getAll(Samples.py("get-all-py.txt"));
        assertEquals("vnet0:bridge0", all.get("interfaces"));
        assertEquals("2024-01-15 10:22:41", all.get("last_started"));
        assertEquals("readonly", all.get("used"));
        assertEquals("29", all.get("CONFIG_VERSION"));
        Map<String, String> defaults = PythonOutput.getAll(Samples.py("get-all-default-py.txt"));
        assertEquals("auto", defaults.get("defaultrouter"));
    }

    @Test
    void getAcrossJailsInBothForms() throws Exception {
        List<PropRow> rows = PythonOutput.getAcross(Samples.py("get-r-py-H.txt"), "boot");
        assertEquals(List.of(new PropRow("db01", "db01", "1"), new PropRow("mail", "mail", "0"),
                new PropRow("plex", "plex", "1")), rows);
        assertEquals(rows, PythonOutput.getAcross(Samples.py("get-r-py.txt"), "boot"));
    }

    @Test
    void poolAndCreatedNames() throws Exception {
        assertEquals("tank", PythonOutput.pool(Samples.py("get-p-py.txt")));
        assertEquals(List.of("db02"), PythonOutput.createdNames(Samples.py("create-py.txt"), "created"));
        assertEquals(List.of("web_1", "web_2", "web_3"), PythonOutput.createdNames(Samples.py("create-py-count.txt"), "created"));
        assertEquals(List.of("db02"), PythonOutput.createdNames(Samples.py("clone-py.txt"), "cloned"));
    }

    @ParameterizedTest
    @CsvSource({"start-py-sharedip.txt,6", "start-py-rctl.txt,8", "start-py-vnet-dhcp.txt,8", "stop-py-vnet.txt,7"})
    void startAndStopStepsBecomeCleanLines(String sample, int count) {
        List<String> steps = CommonOutput.steps(Samples.py(sample));
        assertEquals(count, steps.size());
        assertTrue(steps.get(0).startsWith("* "));
        assertTrue(steps.stream().noneMatch(s -> s.startsWith(" ")));
    }

    @Test
    void fetchProgressIsReadFromTheRedrawnLines() {
        List<Integer> pct = Samples.py("fetch-py.txt").lines().map(Progress::parse).filter(java.util.Optional::isPresent)
                .map(p -> p.get().percent()).toList();
        assertTrue(pct.containsAll(List.of(1, 2, 3, 50, 99, 100)), pct.toString());
        assertEquals(new Progress("base.txz", 50),
                Progress.parse("\u001b[2K \rDownloading: base.txz [##########----------] 50%  11.3MB/s\r").orElseThrow());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "version-py-1.2.txt;1.2", "version-py-1.1.txt;1.1 RELEASE 2019/01", "version-py-0.9.10.txt;0.9.10 2017/12/22",
        "version-py-freebsd-fork.txt;1.13"})
    void versionsArePython(String sample, String version) {
        Dialect d = Dialect.detect(Samples.py(sample));
        assertEquals(Dialect.Kind.PYTHON, d.kind());
        assertEquals(version, d.version());
    }

    @Test
    void startUpNoiseBeforeTheRealOutputIsSkipped() throws Exception {
        String noisy = "*".repeat(80) + "\nmount -t fdescfs null /dev/fd\nfdescfs /dev/fd  fdescfs  rw  0  0\n"
                + "*".repeat(80) + "\n\nCreating tank/iocage\nDefault configuration missing, creating one\n"
                + "Setting up zpool [tank] for iocage usage\nIf you wish to change please use \"iocage activate\"\n"
                + Samples.py("list-py-lH.txt");
        assertEquals(PythonOutput.list(Samples.py("list-py-lH.txt")), PythonOutput.list(noisy));
    }

    @Test
    void anUnknownLineIsAnErrorThatNamesIt() {
        IocageParseException e = assertThrows(IocageParseException.class,
                () -> PythonOutput.list(Samples.py("list-py-lH.txt") + "something unexpected\n"));
        assertTrue(e.getMessage().contains("line 6"), e.getMessage());
        assertTrue(e.getMessage().contains("something unexpected"), e.getMessage());
    }

    @Test
    void aTracebackIsNotAListing() {
        assertThrows(IocageParseException.class, () -> PythonOutput.list(
                "Traceback (most recent call last):\n  File \"x\", line 1\nTypeError: boom\n"));
    }

    @Test
    void aDfFigureThatIsNotASizeIsRefused() {
        IocageParseException e = assertThrows(IocageParseException.class,
                () -> PythonOutput.df("db01\t2.31x\tnone\tnone\tlots\t412G\n"));
        assertTrue(e.getMessage().contains("lots"));
    }

    @Test
    void aTableWithARowOfAnotherWidthIsRefused() {
        String broken = Samples.py("list-py.txt").replace("| db01       |", "| db01  |");
        assertThrows(IocageParseException.class, () -> PythonOutput.list(broken));
    }

    /**
     * {@code fstab -l}: no recording exists, so these are built from freebsd/iocage's code (a line per entry: the index,
     * a TAB, the six fields joined by TABs; without -h a table of INDEX and FSTAB ENTRY) and from older iocage's
     * (index, TAB, the fstab line with its "# Added by iocage" comment).
     */
    @Test
    void fstabInEachForm() throws Exception {
        FstabEntry media = new FstabEntry(0, "/tank/media", "/zroot/iocage/jails/plex/root/mnt/media", "nullfs", "ro", "0", "0");
        FstabEntry spaced = new FstabEntry(1, "/tank/My Films", "/zroot/iocage/jails/plex/root/mnt/films", "nullfs", "rw", "0", "0");
        assertEquals(List.of(media, spaced), PythonOutput.fstab("0\t/tank/media\t/zroot/iocage/jails/plex/root/mnt/media\tnullfs\tro\t0\t0\n"
                + "1\t/tank/My Films\t/zroot/iocage/jails/plex/root/mnt/films\tnullfs\trw\t0\t0\n"));
        assertEquals(List.of(media), PythonOutput.fstab("0\t/tank/media /zroot/iocage/jails/plex/root/mnt/media nullfs ro 0 0"
                + " # Added by iocage on 2026-11-27 21:00:00\n"));
        assertEquals(List.of(media), PythonOutput.fstab("""
                +-------+--------------------------------------------------------------------+
                | INDEX |                            FSTAB ENTRY                             |
                +=======+====================================================================+
                | 0     | /tank/media /zroot/iocage/jails/plex/root/mnt/media nullfs ro 0 0  |
                +-------+--------------------------------------------------------------------+
                """));
        assertEquals(List.of(), PythonOutput.fstab(""));
        assertThrows(IocageParseException.class, () -> PythonOutput.fstab("0\t/tank/media /mnt nullfs\n"));
        assertThrows(IocageParseException.class, () -> PythonOutput.fstab("Traceback (most recent call last):\n"));
        assertThrows(IocageParseException.class, () -> PythonOutput.fstab("x\t/a\t/b\tnullfs\tro\t0\t0\n"));
    }
}
