package org.jaildesk.ui;

import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import org.testfx.util.WaitForAsyncUtils;

/** For tests: what a choice's own list cells show for an item, without opening its popup. */
public final class ListCells {

    private ListCells() {
    }

    public static <T> String shown(ComboBox<T> choice, T item) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            ListCell<T> cell = choice.getCellFactory().call(null);
            cell.updateListView(new ListView<>(FXCollections.observableArrayList(item)));
            cell.updateIndex(0);
            return cell.getText();
        }).get(10, TimeUnit.SECONDS);
    }
}
