package org.jaildesk.ui.usage;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jaildesk.domain.DiskUsage;
import org.jaildesk.domain.Size;
import org.jaildesk.ui.common.Messages;

/** The disk usage table (sorted by real size, not by text) with totals, and a bar chart of used space per jail. */
public final class UsageView extends VBox {

    /** {@code open} gets the id of a jail whose row is double-clicked (the host's view then shows it among the jails). */
    public UsageView(UsageViewModel vm, Messages msg, java.util.function.Consumer<String> open) {
        setId("usage");
        setSpacing(6);
        setPadding(new Insets(6));
        // The user's sort is the table's view of the rows: the view model keeps them largest first, as the chart shows
        // them (sorted in place by a click on Name, its list gave the chart its first 25 by name).
        SortedList<DiskUsage> sorted = new SortedList<>(vm.rows());
        TableView<DiskUsage> table = new TableView<>(sorted);
        org.jaildesk.ui.common.TableHeaders.keepWhole(table);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setId("usageTable");
        // Beside the chart the table has some 580 pixels at the window's first size: its columns share them, none
        // narrower than its title (TableHeaders), so that every column shows without scrolling.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setAccessibleText(msg.get("tab.usage"));
        TableColumn<DiskUsage, String> name = new TableColumn<>(msg.get("column.name"));
        name.setId("usage-name");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().tag()));
        name.setPrefWidth(160);
        table.getColumns().add(name);
        TableColumn<DiskUsage, Size> used = size("usage-used", msg.get("usage.used"), DiskUsage::used);
        table.getColumns().add(used);
        table.getColumns().add(size("usage-available", msg.get("usage.available"), DiskUsage::available));
        table.getColumns().add(size("usage-quota", msg.get("usage.quota"), DiskUsage::quota));
        table.getColumns().add(size("usage-reservation", msg.get("usage.reservation"), DiskUsage::reservation));
        table.getColumns().add(size("usage-ratio", msg.get("usage.ratio"), DiskUsage::compressRatio));
        used.setSortType(TableColumn.SortType.DESCENDING);
        table.getSortOrder().add(used);
        table.setRowFactory(t -> new TableRow<>() {
            {
                setOnMouseClicked(e -> {
                    if (e.getClickCount() == 2 && !isEmpty() && getItem() != null) {
                        open.accept(getItem().id());
                    }
                });
            }

            @Override
            protected void updateItem(DiskUsage d, boolean empty) {
                super.updateItem(d, empty);
                getStyleClass().remove("quota-pressure");
                if (!empty && d != null && d.quotaPressure() >= UsageViewModel.PRESSURE) {
                    getStyleClass().add("quota-pressure");
                }
            }
        });
        table.setPlaceholder(new Label(msg.get("usage.empty")));

        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel(msg.get("usage.chartAxis"));
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId("usageChart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setTitle(msg.get("usage.chartTitle"));
        vm.rows().addListener((ListChangeListener<DiskUsage>) c -> {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            vm.rows().stream().limit(25).forEach(d -> s.getData().add(new XYChart.Data<>(d.tag(), d.used().bytes() / 1024.0 / 1024 / 1024)));
            chart.getData().setAll(java.util.List.of(s));
        });

        Label totals = new Label();
        totals.setId("usageTotals");
        totals.textProperty().bind(vm.totals());
        Button refresh = new Button(msg.get("action.refresh"));
        refresh.setId("usageRefresh");
        refresh.setOnAction(e -> vm.refresh());
        HBox top = new HBox(10, refresh, totals);
        SplitPane split = new SplitPane(table, chart);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(top, split);
    }

    private static TableColumn<DiskUsage, Size> size(String id, String title, Function<DiskUsage, Size> f) {
        TableColumn<DiskUsage, Size> c = new TableColumn<>(title);
        c.setId(id);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(f.apply(cell.getValue())));
        c.setComparator(Size::compareTo);
        c.setPrefWidth(95);
        return c;
    }
}
