package org.jaildesk.ui;

import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.input.KeyCode;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.jails.JailFilter;

/** The toolbar's search field: the jail filter's query, at most as long as the filter reads; Esc clears it. */
final class SearchField {

    private SearchField() {
    }

    static TextField create(Messages msg) {
        TextField search = new TextField();
        search.setId("search");
        search.setPromptText(msg.get("search.prompt"));
        search.setPrefColumnCount(26);
        search.setAccessibleText(msg.get("search.prompt"));
        // A pasted page would be laid out whole in the field and matched against every jail: only what the filter reads.
        search.setTextFormatter(new TextFormatter<String>(change -> {
            int over = change.getControlNewText().length() - JailFilter.MAX_QUERY;
            if (over > 0) {
                String text = change.getText();
                change.setText(text.substring(0, Math.max(0, text.length() - over)));
            }
            return change;
        }));
        search.setOnKeyPressed(k -> {
            if (k.getCode() == KeyCode.ESCAPE) {
                search.clear();
            }
        });
        return search;
    }
}
