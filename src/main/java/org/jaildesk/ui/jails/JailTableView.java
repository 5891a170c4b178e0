package org.jaildesk.ui.jails;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Circle;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailState;
import org.jaildesk.domain.JailUsage;
import org.jaildesk.domain.Size;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.TextColumn;

/** The jail table: one row per jail, sortable, multi-select, with an empty state that says what to do. */
public final class JailTableView extends TableView<Jail> {

    private final Messages msg;
    private final PropertyColumns properties;
    private final Set<String> selectedIds = new HashSet<>();
    private boolean restoring;
    /**
     * The rows are being replaced (a refresh, or the search changed): the table drops its selection on the way, which
     * is not the user's choice and must not be remembered as such.
     */
    private boolean rowsChanging;

    /** A host's table; its rows are dimmed while {@code old} holds (they are what was last listed). */
    public JailTableView(JailsViewModel vm, Messages msg, ObservableBooleanValue old) {
        this.msg = msg;
        setId("jailTable");
        setAccessibleText(msg.get("tab.jails"));
        getStyleClass().add("jail-table");
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setTableMenuButtonVisible(true);
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // One row height for all rows: the table then never measures rows to size itself (10,000-jail hosts).
        setFixedCellSize(24);

        TableColumn<Jail, JailState> state = new TableColumn<>(msg.get("column.state"));
        state.setId("col-state");
        state.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().state()));
        state.setCellFactory(c -> new StateCell<>(msg));
        state.setPrefWidth(95);
        getColumns().add(state);
        TableColumn<Jail, String> name = TextColumn.<Jail>of("col-name", msg.get("column.name"), Jail::tag, 130);
        name.setCellFactory(c -> new NameCell(vm.protection(), msg));
        getColumns().add(name);
        // A mark added or removed redraws the rows in view (their cells look it up).
        vm.protection().ids().addListener((javafx.collections.SetChangeListener<String>) c -> refresh());
        getColumns().add(TextColumn.<Jail>of("col-id", msg.get("column.id"), Jail::id, 160));
        TableColumn<Jail, Integer> jid = new TableColumn<>(msg.get("column.jid"));
        jid.setId("col-jid");
        jid.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().jid().isPresent() ? c.getValue().jid().getAsInt() : null));
        jid.setPrefWidth(50);
        getColumns().add(jid);
        JailUsages usages = vm.usages();
        getColumns().add(usage("col-cpu", msg.get("column.cpu"), msg.get("column.cpu.help"), usages,
                u -> new CpuShare(u.cpuPercent()), 75));
        getColumns().add(usage("col-memory", msg.get("column.memory"), msg.get("column.memory.help"), usages,
                u -> Size.ofBytes(u.memoryBytes()), 85));
        getColumns().add(TextColumn.<Jail>of("col-boot", msg.get("column.boot"), j -> j.boot() ? msg.get("value.on") : msg.get("value.off"), 80));
        getColumns().add(TextColumn.<Jail>of("col-type", msg.get("column.type"), Jail::type, 85));
        getColumns().add(TextColumn.<Jail>of("col-release", msg.get("column.release"), Jail::release, 125));
        TableColumn<Jail, String> ip4 = TextColumn.<Jail>of("col-ip4", msg.get("column.ip4"), Jail::ip4, 220);
        ip4.setCellFactory(c -> new AddressCell());
        getColumns().add(ip4);

        // Before the sorted list's own listener, so that it runs first: see rowsChanging. The rows' own listener
        // below ends it; should a change not reach the rows, the next turn of the FX thread does.
        vm.visible().addListener((ListChangeListener<Jail>) c -> {
            rowsChanging = true;
            Platform.runLater(() -> rowsChanging = false);
        });
        SortedList<Jail> sorted = new SortedList<>(vm.visible());
        sorted.comparatorProperty().bind(comparatorProperty());
        // A jail refreshed with new values is an update of its row (RowUpdates); the sorted list under it sorts itself
        // by the table's comparator, so the table has nothing to sort by hand.
        setItems(new RowUpdates(sorted));
        setSortPolicy(t -> true);
        // Sorted by CPU or memory, the rows follow the figures as they change, as top's do (sort() hands the sorted
        // list a new comparator, which sorts it again; the selection stays with its jails, as after a header click).
        usages.byJid().addListener((o, was, now) -> {
            if (getSortOrder().stream().anyMatch(c -> "col-cpu".equals(c.getId()) || "col-memory".equals(c.getId()))) {
                sort();
            }
        });

        Label empty = new Label();
        empty.setId("emptyState");
        empty.getStyleClass().add("empty-state");
        empty.setWrapText(true);
        empty.textProperty().bind(Bindings.createStringBinding(() -> EmptyTable.text(msg, vm.loaded().get(), vm.refreshing().get(),
                vm.lastFailure().get() != null, vm.jails().isEmpty(), vm.query().get()),
                vm.loaded(), vm.refreshing(), vm.lastFailure(), vm.jails(), vm.query()));
        setPlaceholder(empty);

        getSelectionModel().getSelectedItems().addListener((ListChangeListener<Jail>) c -> {
            if (!restoring && !rowsChanging) {
                takeSelection(vm);
            }
        });
        // Rows are replaced on every refresh: keep the same jails selected.
        getItems().addListener((ListChangeListener<Jail>) c -> restoreSelection(vm));
        // Stale rows are dimmed by opacity, a render property: a pseudo-class here re-ran CSS over every visible
        // cell twice per refresh (about 60 ms on the FX thread with 10,000 jails).
        opacityProperty().bind(Bindings.when(old).then(0.6).otherwise(1.0));
        // A jail just created or cloned is selected and scrolled to once the table lists it (on a host of thousands,
        // it would otherwise be somewhere in the table); one the search hides is let be.
        Runnable reveal = () -> {
            String id = vm.newJails().reveal().get();
            if (id.isEmpty() || vm.jails().stream().noneMatch(j -> j.id().equals(id))) {
                return;
            }
            show(id);
            vm.newJails().reveal().set("");
        };
        vm.newJails().reveal().addListener((o, was, now) -> reveal.run());
        getItems().addListener((ListChangeListener<Jail>) c -> reveal.run());
        properties = vm.properties();
        properties.shown().addListener((ListChangeListener<String>) c -> syncPropertyColumns());
        getColumns().forEach(c -> c.setContextMenu(headerMenu(c)));
        org.jaildesk.ui.common.TableCopy.onShortcut(this, this::copySelection);
    }

    /** The properties shown as columns. */
    public PropertyColumns properties() {
        return properties;
    }

    /** Asks which property to show as a column (View ▸ Add a property column…, or a column header's menu). */
    public void addPropertyColumn(javafx.stage.Window owner) {
        javafx.scene.control.Dialog<?> d = PropertyColumnDialog.of(owner, properties, msg);
        int before = properties.shown().size();
        // The new column comes last, likely beyond the table's right edge: it is scrolled into view.
        d.setOnHidden(e -> {
            if (properties.shown().size() > before) {
                String added = PropertyColumns.columnId(properties.shown().get(properties.shown().size() - 1));
                // Once the table has laid the new column out: before, it scrolls to where the column was not yet.
                Platform.runLater(() -> getColumns().stream().filter(c -> added.equals(c.getId())).findFirst()
                        .ifPresent(this::scrollToColumn));
            }
        });
        d.show();
    }

    /** A column for each shown property, after the others, and none for a property no longer shown. */
    private void syncPropertyColumns() {
        List<String> ids = properties.shown().stream().map(PropertyColumns::columnId).toList();
        getSortOrder().removeIf(c -> c.getId().startsWith(PropertyColumns.PREFIX) && !ids.contains(c.getId()));
        getColumns().removeIf(c -> c.getId().startsWith(PropertyColumns.PREFIX) && !ids.contains(c.getId()));
        boolean added = false;
        for (String p : properties.shown()) {
            if (getColumns().stream().noneMatch(c -> PropertyColumns.columnId(p).equals(c.getId()))) {
                getColumns().add(propertyColumn(p));
                added = true;
            }
        }
        if (added) {
            // The rows' cells are made anew for the new column: with a fixed cell size, the rows already shown kept
            // their cells and the table's width without it (seen under Xvfb: listed in the column menu, never drawn).
            refresh();
        }
    }

    /** A property's column: its value for each jail, empty while unknown; its tooltip says which property, or why none. */
    private TableColumn<Jail, String> propertyColumn(String property) {
        TableColumn<Jail, String> c = new TableColumn<>(property);
        c.setId(PropertyColumns.columnId(property));
        c.setCellValueFactory(cell -> Bindings.createStringBinding(() -> properties.value(property, cell.getValue()),
                properties.values()));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> properties.problem(property).isEmpty()
                ? msg.get("propertyColumn.tip", property) : properties.problem(property), properties.values()));
        textCells(c, tip, null);
        c.setPrefWidth(110);
        c.setContextMenu(headerMenu(c));
        return c;
    }

    /** A column header's menu: add a property column; on a property's own column, remove it. */
    private javafx.scene.control.ContextMenu headerMenu(TableColumn<Jail, ?> column) {
        javafx.scene.control.MenuItem add = new javafx.scene.control.MenuItem(msg.get("propertyColumn.add"));
        add.setOnAction(e -> addPropertyColumn(getScene().getWindow()));
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(add);
        if (column.getId().startsWith(PropertyColumns.PREFIX)) {
            String property = column.getId().substring(PropertyColumns.PREFIX.length());
            javafx.scene.control.MenuItem remove = new javafx.scene.control.MenuItem(msg.get("propertyColumn.remove", property));
            remove.setId("removeColumn-" + property);
            // A property's name has underscores (ip4_addr): text, not a mnemonic that would swallow one.
            remove.setMnemonicParsing(false);
            remove.setOnAction(e -> properties.remove(property));
            menu.getItems().add(remove);
        }
        return menu;
    }

    /** Selects the jail {@code id} alone and scrolls to it, if the table shows it; false if it does not. */
    public boolean show(String id) {
        for (int i = 0; i < getItems().size(); i++) {
            if (getItems().get(i).id().equals(id)) {
                getSelectionModel().clearAndSelect(i);
                scrollTo(i);
                return true;
            }
        }
        return false;
    }

    /** Puts the selected rows on the clipboard as {@link #selectedAsText()} says; nothing when none is selected. */
    public void copySelection() {
        org.jaildesk.ui.common.TableCopy.toClipboard(selectedAsText());
    }

    /**
     * The selected rows as the table shows them, for a spreadsheet or a terminal: the shown columns in their order, a
     * TAB between cells, a line per row, in the table's order.
     */
    String selectedAsText() {
        return org.jaildesk.ui.common.TableCopy.selectedAsText(this, v -> shownText(msg, v));
    }

    /**
     * Every jail the table lists (the search and the sort applied), as it shows them, for an export: the shown columns'
     * titles first, then a jail per row. Call on the FX thread.
     */
    public java.util.List<java.util.List<String>> shownAsCells() {
        return org.jaildesk.ui.common.TableCopy.listedAsCells(this, v -> shownText(msg, v));
    }

    /** A cell's value as a jail table words it (this one, All hosts'): a state in the window's language. */
    public static String shownText(Messages msg, Object v) {
        return v instanceof JailState s ? msg.get("state." + s.name().toLowerCase(java.util.Locale.ROOT)) : v.toString();
    }

    /** The same jails selected again after the rows changed, those still shown; a jail no longer shown is let go. */
    private void restoreSelection(JailsViewModel vm) {
        restoring = true;
        try {
            getSelectionModel().clearSelection();
            for (int i = 0; i < getItems().size(); i++) {
                if (selectedIds.contains(getItems().get(i).id())) {
                    getSelectionModel().select(i);
                }
            }
        } finally {
            restoring = false;
            rowsChanging = false;
        }
        takeSelection(vm);
    }

    /** What the table has selected now becomes the view model's selection and what a change of the rows restores. */
    private void takeSelection(JailsViewModel vm) {
        List<Jail> now = List.copyOf(getSelectionModel().getSelectedItems());
        selectedIds.clear();
        now.forEach(j -> selectedIds.add(j.id()));
        vm.selection().setAll(now);
    }

    /**
     * A column of a running jail's usage figure, empty for a stopped jail or while none are known; its cells' tooltip
     * (one for the column) says what the figure is, and why there are none when there are not.
     */
    private static <T extends Comparable<T>> TableColumn<Jail, T> usage(String id, String title, String help, JailUsages usages,
            Function<JailUsage, T> figure, double width) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(
                () -> usages.problem().get().isEmpty() ? help : help + "\n\n" + usages.problem().get(), usages.problem()));
        return figureColumn(id, title, tip, j -> j, j -> usages, figure, width);
    }

    /**
     * A column of a running jail's usage figure for rows of any kind ({@code jailOf} gives a row's jail,
     * {@code usagesOf} its host's figures, or null where there are none), following the figures as they are read
     * again: the host's own table, and All hosts.
     */
    public static <R, T extends Comparable<T>> TableColumn<R, T> figureColumn(String id, String title, Tooltip tip,
            Function<R, Jail> jailOf, Function<R, JailUsages> usagesOf, Function<JailUsage, T> figure, double width) {
        TableColumn<R, T> c = new TableColumn<>(title);
        c.setId(id);
        c.setCellValueFactory(cell -> {
            JailUsages usages = usagesOf.apply(cell.getValue());
            if (usages == null) {
                return new ReadOnlyObjectWrapper<>(null);
            }
            Jail jail = jailOf.apply(cell.getValue());
            return Bindings.createObjectBinding(() -> {
                JailUsage u = usages.of(jail);
                return u == null ? null : figure.apply(u);
            }, usages.byJid());
        });
        textCells(c, tip, "figure-cell");
        c.setPrefWidth(width);
        return c;
    }

    /** Cells that show their value as text (nothing while it is null), each with the column's one tooltip. */
    private static <R, T> void textCells(TableColumn<R, T> c, Tooltip tip, String styleClass) {
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        c.setCellFactory(col -> {
            TableCell<R, T> cell = new TableCell<>() {
                @Override
                protected void updateItem(T item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty || item == null ? null : item.toString());
                }
            };
            if (styleClass != null) {
                cell.getStyleClass().add(styleClass);
            }
            cell.setTooltip(tip);
            return cell;
        });
    }

    /** A jail's CPU use in percent of one CPU, as the column shows it and sorts it. */
    public record CpuShare(double percent) implements Comparable<CpuShare> {
        @Override
        public int compareTo(CpuShare o) {
            return Double.compare(percent, o.percent);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%.1f %%", percent);
        }
    }

    /** A jail's addresses; several (which the column cuts) are in its tooltip, one a line. */
    private static final class AddressCell extends TableCell<Jail, String> {
        private final Tooltip all = new Tooltip();

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            if (!empty && item != null && item.contains(",")) {
                all.setText(DetailsPane.addresses(item));
                setTooltip(all);
            } else {
                setTooltip(null);
            }
        }
    }

    /**
     * A jail's name, with a padlock after it while the jail is protected from destroy (its tooltip says so and how to
     * remove it). The padlock is made once and only shown or hidden, as the state's dot is.
     */
    private static final class NameCell extends TableCell<Jail, String> {
        private final ProtectedJails protection;
        private final Messages msg;
        private final javafx.scene.shape.SVGPath lock = new javafx.scene.shape.SVGPath();
        private final Tooltip why = new Tooltip();

        NameCell(ProtectedJails protection, Messages msg) {
            this.protection = protection;
            this.msg = msg;
            // A padlock 8 by 11 pixels: the shackle's inside cut out of it.
            lock.setContent("M1 5V3.5a3 3 0 0 1 6 0V5h1v6H0V5h1zm1.5 0h3V3.5a1.5 1.5 0 0 0-3 0V5z");
            lock.setFillRule(javafx.scene.shape.FillRule.EVEN_ODD);
            lock.getStyleClass().add("protected-mark");
            setGraphic(lock);
            setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            setGraphicTextGap(6);
            lock.setVisible(false);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            int i = getIndex();
            Jail jail = empty || i < 0 || i >= getTableView().getItems().size() ? null : getTableView().getItems().get(i);
            boolean marked = jail != null && protection.has(jail);
            lock.setVisible(marked);
            if (marked) {
                why.setText(msg.get("protect.mark", jail.displayName()));
                setTooltip(why);
                setAccessibleHelp(why.getText());
            } else {
                setTooltip(null);
                setAccessibleHelp(null);
            }
        }
    }

    /**
     * A coloured dot and the state word; pseudo-classes {@code :running}, {@code :stopped}, {@code :corrupt} carry the
     * colour. Not style classes, and the dot stays in place: adding and removing either makes JavaFX re-run CSS for the
     * cell, and a refresh updates every visible cell.
     */
    /** A jail's state as the jail table shows it (a coloured dot and the word), for any table of jails. */
    public static <S> TableCell<S, JailState> stateCell(Messages msg) {
        return new StateCell<>(msg);
    }

    private static final class StateCell<S> extends TableCell<S, JailState> {
        private static final PseudoClass RUNNING = PseudoClass.getPseudoClass("running");
        private static final PseudoClass STOPPED = PseudoClass.getPseudoClass("stopped");
        private static final PseudoClass CORRUPT = PseudoClass.getPseudoClass("corrupt");

        private final Messages msg;
        private final Circle dot = new Circle(5);

        StateCell(Messages msg) {
            this.msg = msg;
            dot.getStyleClass().add("state-dot");
            setGraphic(dot);
            dot.setVisible(false);
        }

        @Override
        protected void updateItem(JailState s, boolean empty) {
            super.updateItem(s, empty);
            boolean none = empty || s == null;
            pseudoClassStateChanged(RUNNING, !none && s == JailState.UP);
            pseudoClassStateChanged(STOPPED, !none && s == JailState.DOWN);
            pseudoClassStateChanged(CORRUPT, !none && s != JailState.UP && s != JailState.DOWN);
            dot.setVisible(!none);
            setText(none ? null : msg.get("state." + s.name().toLowerCase(java.util.Locale.ROOT)));
        }
    }
}
