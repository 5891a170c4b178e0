package org.jaildesk.host.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The remaining Python samples: set, snapshots, destroy, activate and the refusal messages. */
class PythonMessagesTest {

    @Test
    void setReportsOldAndNewValues() {
        assertEquals(Map.of("boot", "0 -> 1", "priority", "99 -> 10"), PythonOutput.setChanges(Samples.py("set-py.txt")));
        assertEquals(Map.of("priority", "50"), PythonOutput.setChanges(Samples.py("set-default-py.txt")));
    }

    @Test
    void snapshotsInBothFormsWithSpacesInTheDate() throws Exception {
        List<Snapshot> tabs = PythonOutput.snapshots(Samples.py("snaplist-py-H.txt"));
        assertEquals(4, tabs.size());
        assertEquals(new Snapshot("2024-01-15_10:22:33/root", "Mon Jan 15 10:22 2024", "1.07G", "0B"), tabs.get(3));
        assertEquals(tabs, PythonOutput.snapshots(Samples.py("snaplist-py.txt")));
        assertEquals("tank/iocage/jails/db01@2024-01-15_10:22:33", PythonOutput.snapshotCreated(Samples.py("snapshot-py.txt")));
    }

    @Test
    void destroyNamesWhatItDestroyedAfterStoppingIt() throws Exception {
        assertEquals(List.of("db02"), PythonOutput.destroyed(Samples.py("destroy-py.txt")));
        assertEquals(List.of("db02"), PythonOutput.destroyed(Samples.py("destroy-py-f-running.txt")));
        assertThrows(IocageParseException.class, () -> PythonOutput.destroyed("Aborted!\n"));
    }

    @Test
    void activateConfirmsThePool() throws Exception {
        assertEquals("tank", PythonOutput.activated(Samples.py("activate-py.txt")));
    }

    @Test
    void refusalsAreRecognised() {
        assertEquals(PythonOutput.Refusal.NOT_FOUND, PythonOutput.refusal(Samples.py("error-py-not-found.stderr.txt")));
        assertEquals(PythonOutput.Refusal.ALREADY_RUNNING, PythonOutput.refusal(Samples.py("start-py-already-running.stderr.txt")));
        assertEquals(PythonOutput.Refusal.NOT_RUNNING, PythonOutput.refusal(Samples.py("stop-py-not-running.stderr.txt")));
        assertEquals(PythonOutput.Refusal.OTHER, PythonOutput.refusal("Traceback (most recent call last):"));
    }
}
