package org.jaildesk.ui.jails;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailUsage;
import org.jaildesk.domain.Size;
import org.jaildesk.ui.common.Messages;

/**
 * The selected jail at a glance; several selected jails as a summary (how many run, their releases, what the running
 * ones use) and what acts on all of them; a hint when nothing is selected.
 */
public final class DetailsPane extends VBox {

    private final Messages msg;
    private final JailsViewModel vm;
    private final JailUsages usages;
    private final Label title = new Label();
    private final GridPane grid = new GridPane();
    /** The running jail's CPU and memory over the last hour as this window read them, or its last day. */
    private final VBox trend = new VBox(4);
    /** Which the lines show: the last hour, or the last day (means of ten minutes, kept across starts). */
    private final javafx.scene.control.ToggleButton hour = new javafx.scene.control.ToggleButton();
    private final javafx.scene.control.ToggleButton day = new javafx.scene.control.ToggleButton();
    private final org.controlsfx.control.SegmentedButton span = new org.controlsfx.control.SegmentedButton(hour, day);
    private final Sparkline cpuLine = new Sparkline();
    private final Sparkline memoryLine = new Sparkline();
    private final Label cpuTitle = new Label();
    private final Label memoryTitle = new Label();

    public DetailsPane(JailsViewModel vm, Messages msg) {
        this.msg = msg;
        this.vm = vm;
        this.usages = vm.usages();
        setId("details");
        getStyleClass().add("details");
        setPadding(new Insets(12));
        setSpacing(10);
        title.getStyleClass().add("details-title");
        title.setWrapText(true);
        title.setId("detailsTitle");
        grid.setHgap(12);
        grid.setVgap(6);
        trend.setId("detailsTrend");
        cpuTitle.getStyleClass().add("details-key");
        memoryTitle.getStyleClass().add("details-key");
        cpuTitle.setWrapText(true);
        memoryTitle.setWrapText(true);
        hour.setText(msg.get("details.trend.hour"));
        day.setText(msg.get("details.trend.day"));
        hour.setId("trendHour");
        day.setId("trendDay");
        hour.setSelected(true);
        span.setId("trendSpan");
        // One of the two is always chosen: a click on the chosen one leaves it so.
        span.getToggleGroup().selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else {
                show(vm.focused().get());
            }
        });
        cpuLine.setId("trendCpu");
        memoryLine.setId("trendMemory");
        getChildren().addAll(title, grid, trend);
        vm.focused().addListener((o, a, b) -> show(b));
        vm.selection().addListener((javafx.collections.ListChangeListener<Jail>) c -> show(vm.focused().get()));
        usages.byJid().addListener((o, a, b) -> show(vm.focused().get()));
        vm.properties().values().addListener((o, a, b) -> show(vm.focused().get()));
        vm.protection().ids().addListener((javafx.collections.SetChangeListener<String>) c -> show(vm.focused().get()));
        show(null);
    }

    private void show(Jail j) {
        grid.getChildren().clear();
        trend.getChildren().clear();
        if (j == null && vm.selection().size() > 1) {
            showMany(List.copyOf(vm.selection()));
            return;
        }
        if (j == null) {
            title.setText(msg.get("details.none"));
            return;
        }
        title.setText(j.displayName());
        int r = 0;
        r = row(r, "column.state", msg.get("state." + j.state().name().toLowerCase(Locale.ROOT)));
        if (!j.id().equals(j.tag())) {
            // Legacy iocage's UUID; Python iocage's id is the name in the title.
            r = row(r, "column.id", j.id());
        }
        r = row(r, "column.jid", j.jid().isPresent() ? String.valueOf(j.jid().getAsInt()) : "–");
        JailUsage u = usages.of(j);
        if (u != null) {
            r = row(r, "column.cpu", new JailTableView.CpuShare(u.cpuPercent()) + " (" + msg.get("details.processes", u.processes()) + ")");
            r = row(r, "column.memory", Size.ofBytes(u.memoryBytes()).toString());
        }
        r = row(r, "column.boot", j.boot() ? msg.get("value.on") : msg.get("value.off"));
        r = row(r, "column.type", j.type());
        r = row(r, "column.release", j.release());
        r = row(r, "column.ip4", addresses(j.ip4()));
        r = row(r, "column.ip6", addresses(j.ip6()));
        r = row(r, "column.template", j.template().isEmpty() ? "–" : j.template());
        if (vm.protection().has(j)) {
            r = row(r, "details.protection", msg.get(vm.protection().onHost() ? "details.protectedOnHost" : "details.protected"));
        }
        // The property columns the table shows, with this jail's values: the table may have them scrolled out of view.
        for (String property : vm.properties().shown()) {
            String value = vm.properties().value(property, j);
            r = row(r, new Label(property), value.isEmpty() ? "–" : value);
        }
        if (u != null) {
            showTrend(day.isSelected() ? usages.day(j) : usages.history(j));
        }
    }

    /** Several jails: how many run, their releases, what the running ones use now, and what acts on them all. */
    private void showMany(List<Jail> jails) {
        title.setText(msg.get("details.many.title", jails.size()));
        List<Jail> running = jails.stream().filter(Jail::isRunning).toList();
        int r = row(0, "details.many.running", running.isEmpty() ? "–" : running.size() + ": " + names(running));
        List<Jail> rest = jails.stream().filter(x -> !x.isRunning()).toList();
        r = row(r, "details.many.notRunning", rest.isEmpty() ? "–" : rest.size() + ": " + names(rest));
        Map<String, Long> releases = new TreeMap<>(jails.stream().collect(Collectors.groupingBy(Jail::release, Collectors.counting())));
        r = row(r, "details.many.releases", releases.entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining("\n")));
        double cpu = 0;
        long memory = 0;
        boolean measured = false;
        for (Jail x : running) {
            JailUsage u = usages.of(x);
            if (u != null) {
                cpu += u.cpuPercent();
                memory += u.memoryBytes();
                measured = true;
            }
        }
        if (measured) {
            r = row(r, "column.cpu", new JailTableView.CpuShare(cpu).toString());
            r = row(r, "column.memory", Size.ofBytes(memory).toString());
        }
        Label hint = new Label(msg.get("details.many.hint"));
        hint.getStyleClass().add("details-key");
        hint.setWrapText(true);
        hint.setId("detailsManyHint");
        grid.add(hint, 0, r, 2, 1);
    }

    /** The names of up to eight jails, then how many more. */
    private String names(List<Jail> jails) {
        String shown = jails.stream().limit(8).map(Jail::displayName).collect(Collectors.joining(", "));
        return jails.size() > 8 ? msg.get("details.many.more", shown, jails.size() - 8) : shown;
    }

    /** The lines of a running jail's figures; until there are two samples, a word on when they come. */
    private void showTrend(UsageHistory.Samples s) {
        trend.getChildren().add(span);
        if (s.size() < 2) {
            Label wait = new Label(msg.get(day.isSelected() ? "details.trend.waitDay" : "details.trend.wait"));
            wait.getStyleClass().add("details-key");
            wait.setWrapText(true);
            wait.setId("trendWait");
            trend.getChildren().add(wait);
            return;
        }
        long minutes = day.isSelected() ? s.spanSeconds() / 60 + UsageDay.BUCKET_SECONDS / 60 : s.spanSeconds() / 60;
        String over = minutes >= 120 ? msg.get("details.trend.spanHours", minutes / 60) : msg.get("details.trend.span", minutes);
        double cpuPeak = 0;
        double memoryPeak = 0;
        for (int i = 0; i < s.size(); i++) {
            cpuPeak = Math.max(cpuPeak, s.cpu()[i]);
            memoryPeak = Math.max(memoryPeak, s.memory()[i]);
        }
        // A figure and its unit stay on one line when the caption wraps.
        cpuTitle.setText(msg.get("details.trend.cpu", over, new JailTableView.CpuShare(cpuPeak).toString().replace(' ', '\u00a0')));
        memoryTitle.setText(msg.get("details.trend.memory", over, Size.ofBytes((long) memoryPeak).toString()));
        cpuLine.show(s.at(), s.cpu());
        memoryLine.show(s.at(), s.memory());
        // A screen reader cannot see a line: it reads what the caption says.
        cpuLine.setAccessibleText(cpuTitle.getText());
        memoryLine.setAccessibleText(memoryTitle.getText());
        trend.getChildren().addAll(cpuTitle, cpuLine, memoryTitle, memoryLine);
    }

    /**
     * iocage's address list ({@code em0|192.168.1.22/24,em0|10.0.0.22/24}) one address a line: wrapped as one text
     * in the narrow pane it broke inside an address ("10.0.0.2" / "2/24").
     */
    static String addresses(String list) {
        return list.isEmpty() ? "–" : String.join("\n", list.split(","));
    }

    private int row(int r, String key, String value) {
        return row(r, new Label(msg.get(key)), value);
    }

    private int row(int r, Label k, String value) {
        k.getStyleClass().add("details-key");
        k.setMinWidth(Region.USE_PREF_SIZE);
        Label v = new Label(value);
        v.getStyleClass().add("details-value");
        v.setWrapText(true);
        grid.addRow(r, k, v);
        return r + 1;
    }
}
