package org.jaildesk.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the window shows of a node, against what the node would draw: JavaFX redraws only the parts of a window it
 * thinks changed, and where it misjudges them the screen keeps showing what was there before while the scene holds the
 * new nodes (a test that looks only at the nodes cannot see that).
 */
final class OnScreen {

    private OnScreen() {
    }

    /**
     * Returns once the window has drawn {@code frames} more frames (an animation pulse each): what the screen then shows
     * is what it keeps showing, for a look at it with {@link #differs} (which draws the node anew and so may mend what
     * it looks at: a second look is not a first).
     */
    static void afterFrames(int frames) {
        java.util.concurrent.CountDownLatch drawn = new java.util.concurrent.CountDownLatch(frames);
        javafx.application.Platform.runLater(() -> new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                drawn.countDown();
                if (drawn.getCount() == 0) {
                    stop();
                }
            }
        }.start());
        try {
            if (!drawn.await(15, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new AssertionError("the window drew no " + frames + " frames within 15 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The share of {@code node}'s pixels on the screen that differ from the node drawn on its own now (0 to 1). */
    static double differs(FxRobot robot, Node node) {
        try {
            Bounds at = WaitForAsyncUtils.asyncFx(() -> node.localToScreen(node.getBoundsInLocal())).get();
            Image shown = robot.capture(at).getImage();
            Image drawn = WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get();
            int w = (int) Math.min(shown.getWidth(), drawn.getWidth());
            int h = (int) Math.min(shown.getHeight(), drawn.getHeight());
            if (w == 0 || h == 0) {
                return 1;
            }
            PixelReader a = shown.getPixelReader();
            PixelReader b = drawn.getPixelReader();
            long differing = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (a.getArgb(x, y) != b.getArgb(x, y)) {
                        differing++;
                    }
                }
            }
            return (double) differing / ((long) w * h);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
    }
}
