package org.jaildesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.WindowEvent;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The jails' last day kept across starts, through the whole window: what the file holds for the demo host shows
 * behind this session's figures in the details' <i>Last day</i>, and closing the window writes it again, owner-only.
 * A file that is not such a history is set aside and said, and the window goes on.
 */
class UsageHistoryWindowTest extends AppWindowTest {

    /** A history as JailDesk writes it: the demo host's db01 with three means of ten minutes, CPU 5, 20 and 10 %. */
    private static byte[] savedDay(long[] at) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.write("JDUSAGE1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.writeInt(1);
        out.writeUTF("demo");
        out.writeInt(1);
        out.writeUTF("db01");
        out.writeShort(at.length);
        float[] cpu = {5, 20, 10};
        for (int i = 0; i < at.length; i++) {
            out.writeLong(at[i]);
            out.writeFloat(cpu[i]);
            out.writeFloat(1_048_576);
        }
        out.flush();
        return b.toByteArray();
    }

    @Test
    void theLastDayComesBackAfterARestartAndIsSavedAgainOnClose(FxRobot robot) throws Exception {
        Path config = dir.resolve("kept");
        Files.createDirectories(config);
        long bucket = System.currentTimeMillis() / 1000 / 600 * 600;
        long[] at = {bucket - 7_200, bucket - 6_600, bucket - 6_000};
        Files.write(config.resolve("usage-history.bin"), savedDay(at));
        AppContext ctx = new AppContext(config, SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON), Optional.empty());
        WaitForAsyncUtils.asyncFx(() -> ctx.start(stage)).get(20, TimeUnit.SECONDS);
        TableView<?> table = robot.lookup("#jailTable").queryAs(TableView.class);
        waitFor(() -> !table.getItems().isEmpty());
        robot.clickOn(robot.lookup((Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c && "db01".equals(c.getText()))
                .queryAs(Node.class));
        waitFor(() -> robot.lookup("#trendDay").tryQuery().isPresent());
        // Fired rather than clicked: this test's window is TestFX's stage at the size the test before left it (after
        // UsageColumnsTest, the window's least height, 480 pixels), where the button is below the details' scrolled
        // view and a click there misses (a user scrolls to it).
        robot.interact(() -> ((javafx.scene.control.ToggleButton) robot.lookup("#trendDay").query()).fire());
        // The three saved means and this session's: two hours and ten minutes.
        waitFor(() -> labels(robot).stream().anyMatch(t -> t.startsWith("CPU, the last 2 hours: at most ")));

        WaitForAsyncUtils.asyncFx(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST))).get();
        ctx.flushHistory();
        Path file = config.resolve("usage-history.bin");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            in.readFully(new byte[8]);
            assertEquals(1, in.readInt());
            assertEquals("demo", in.readUTF());
            List<String> jails = new ArrayList<>();
            int n = in.readInt();
            long[] db01 = null;
            for (int j = 0; j < n; j++) {
                String id = in.readUTF();
                jails.add(id);
                long[] means = new long[in.readUnsignedShort()];
                for (int i = 0; i < means.length; i++) {
                    means[i] = in.readLong();
                    in.readFloat();
                    in.readFloat();
                }
                if (id.equals("db01")) {
                    db01 = means;
                }
            }
            assertTrue(jails.contains("db01"), jails.toString());
            assertTrue(db01 != null && db01.length == 4 && db01[0] == at[0] && db01[3] >= bucket, java.util.Arrays.toString(db01));
        }
    }

    @Test
    void aFileThatIsNoHistoryIsSetAsideAndSaid(FxRobot robot) throws Exception {
        Path config = dir.resolve("damaged");
        Files.createDirectories(config);
        Files.writeString(config.resolve("usage-history.bin"), "JDUSAGE1 and then something else");
        AppContext ctx = new AppContext(config, SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON), Optional.empty());
        WaitForAsyncUtils.asyncFx(() -> ctx.start(stage)).get(20, TimeUnit.SECONDS);
        waitFor(() -> notices(robot).stream().anyMatch(t -> t.startsWith(config.resolve("usage-history.bin")
                + " could not be used as it was: ") && t.contains("It is kept as usage-history.bin.unreadable-")));
        // The window goes on: the demo host's jails are listed.
        waitFor(() -> !((TableView<?>) robot.lookup("#jailTable").query()).getItems().isEmpty());
    }

    private static List<String> labels(FxRobot robot) {
        return robot.lookup(".label").queryAll().stream().map(n -> ((Label) n).getText()).toList();
    }
}
