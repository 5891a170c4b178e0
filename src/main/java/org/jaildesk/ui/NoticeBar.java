package org.jaildesk.ui;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notice;
import org.jaildesk.ui.common.Notifier;

/** Failures, one line each with "Copy details" and "Dismiss"; nothing modal, nothing for successes. */
final class NoticeBar extends VBox {

    NoticeBar(Notifier notifier, Messages msg) {
        setId("notices");
        getStyleClass().add("notice-bar");
        notifier.notices().addListener((ListChangeListener<Notice>) c -> rebuild(notifier, msg));
        // Notices told before the window was built (a config file set aside at start) are shown too.
        rebuild(notifier, msg);
    }

    private void rebuild(Notifier notifier, Messages msg) {
        getChildren().clear();
        int n = 0;
        for (Notice notice : notifier.notices()) {
            Label text = new Label(notice.message());
            text.setId("notice-" + n);
            text.setWrapText(true);
            text.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(text, Priority.ALWAYS);
            Button copy = new Button(msg.get("notice.copy"));
            copy.setId("notice-copy-" + n);
            copy.setOnAction(e -> {
                ClipboardContent c = new ClipboardContent();
                c.putString(notice.details());
                Clipboard.getSystemClipboard().setContent(c);
            });
            Button dismiss = new Button(msg.get("notice.dismiss"));
            dismiss.setId("notice-dismiss-" + n);
            dismiss.setOnAction(e -> notifier.dismiss(notice));
            // The message wraps; the buttons keep their labels however long it is.
            copy.setMinWidth(Region.USE_PREF_SIZE);
            dismiss.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(8, text, copy, dismiss);
            row.getStyleClass().addAll("notice", notice.kind() == Notice.Kind.FAILURE ? "notice-failure" : "notice-info");
            getChildren().add(row);
            n++;
        }
    }
}
