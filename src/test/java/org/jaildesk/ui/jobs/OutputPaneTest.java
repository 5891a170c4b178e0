package org.jaildesk.ui.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The output pane edited change by change shows exactly the lines joined, whatever a job's output does. */
@ExtendWith(ApplicationExtension.class)
class OutputPaneTest {

    @Test
    void theTextIsAlwaysTheLinesJoined(FxRobot robot) {
        robot.interact(() -> {
            Random random = new Random(42);
            ObservableList<String> lines = FXCollections.observableArrayList();
            TextArea text = new TextArea();
            List<Boolean> rebuilt = new ArrayList<>();
            lines.addListener((ListChangeListener<String>) c -> {
                if (!OutputPane.follow(text, c)) {
                    rebuilt.add(true);
                    text.setText(String.join("\n", lines));
                }
            });
            for (int step = 0; step < 2_000; step++) {
                String line = random.nextInt(8) == 0 ? "" : "l" + step + "x".repeat(random.nextInt(12));
                switch (random.nextInt(5)) {
                    case 0, 1 -> lines.add(line);
                    case 2 -> lines.addAll(List.of(line, line + "b", ""));
                    case 3 -> {
                        if (!lines.isEmpty()) {
                            lines.set(lines.size() - 1, line);
                        }
                    }
                    default -> lines.remove(0, Math.min(lines.size(), random.nextInt(4)));
                }
                assertEquals(String.join("\n", lines), text.getText(), "after step " + step);
            }
            assertEquals(List.of(), rebuilt, "every change was one of a job's, applied as it came");
        });
    }
}
