package org.jaildesk.ui.jails;

import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polyline;

/**
 * A small line of one figure over time, from zero at the bottom to the highest value at the top, the oldest sample at
 * the left edge and the newest at the right (the caption says how long that is: up to an hour). Drawn as a styled
 * polyline ({@code .sparkline-line} over a {@code .sparkline-axis}), so the theme colours it.
 */
final class Sparkline extends Region {

    private final Polyline line = new Polyline();
    private final Line axis = new Line();
    private long[] at = new long[0];
    private double[] values = new double[0];

    Sparkline() {
        getStyleClass().add("sparkline");
        setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
        line.getStyleClass().add("sparkline-line");
        axis.getStyleClass().add("sparkline-axis");
        line.setManaged(false);
        axis.setManaged(false);
        getChildren().addAll(axis, line);
        setMinHeight(36);
        setPrefHeight(36);
        setMaxHeight(36);
    }

    /** Shows these samples (times in epoch seconds, oldest first). */
    void show(long[] at, double[] values) {
        this.at = at.clone();
        this.values = values.clone();
        requestLayout();
    }

    /** The points drawn, as x, y pairs in this region's space (for tests). */
    java.util.List<Double> points() {
        return java.util.List.copyOf(line.getPoints());
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        double left = snappedLeftInset();
        double bottom = snappedTopInset() + h;
        axis.setStartX(left);
        axis.setEndX(left + w);
        axis.setStartY(bottom - 0.5);
        axis.setEndY(bottom - 0.5);
        line.getPoints().clear();
        if (at.length < 2 || w <= 0 || h <= 0) {
            return;
        }
        double top = 0;
        for (double v : values) {
            top = Math.max(top, v);
        }
        double span = Math.max(1, at[at.length - 1] - at[0]);
        Double[] pts = new Double[2 * at.length];
        for (int i = 0; i < at.length; i++) {
            double x = left + w * (at[i] - at[0]) / span;
            double y = top <= 0 ? bottom - 1 : bottom - 1 - (h - 2) * values[i] / top;
            pts[2 * i] = Math.max(left, x);
            pts[2 * i + 1] = y;
        }
        line.getPoints().setAll(pts);
    }
}
