package org.jaildesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.TableView;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The files of the config folder, each damaged by hand: the window still opens on the demo host, says which files it
 * set aside and where they are, and what was in them is still there.
 */
class DamagedFilesWindowTest extends AppWindowTest {

    @Test
    void theWindowOpensAndSaysWhichFilesItSetAside(FxRobot robot) throws Exception {
        Path config = dir.resolve("config");
        Files.createDirectories(config);
        // A malformed escape: Properties.load throws, and the window used to never open.
        Files.writeString(config.resolve("known-hosts.properties"), "nas\\:12150=\\u12\n");
        Files.writeString(config.resolve("hosts.json"), "[{\"name\": \"nas\", \"url\": \"wss://nas:12150\"");
        Files.writeString(config.resolve("ui-state.json"), "{\"settings\": ");
        Files.writeString(config.resolve("jobs.json"), "[[]]");
        AppContext ctx = new AppContext(config, SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON), Optional.empty());

        WaitForAsyncUtils.asyncFx(() -> ctx.start(stage)).get(20, TimeUnit.SECONDS);
        waitFor(() -> !((TableView<?>) robot.lookup("#jailTable").query()).getItems().isEmpty());
        List<String> notices = notices(robot).stream().filter(t -> t.contains("could not be used as it was")).toList();
        assertEquals(4, notices.size(), notices.toString());
        for (String name : List.of("known-hosts.properties", "hosts.json", "ui-state.json", "jobs.json")) {
            String notice = notices.stream().filter(t -> t.startsWith(config.resolve(name) + " could not be used as it was: ")).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " not told: " + notices));
            assertTrue(notice.contains("It is kept as " + name + ".unreadable-"), notice);
        }
        try (Stream<Path> kept = Files.list(config)) {
            assertEquals("[[]]", Files.readString(kept.filter(p -> p.getFileName().toString().startsWith("jobs.json.unreadable-"))
                    .findFirst().orElseThrow()));
        }
    }
}
