package org.jaildesk.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.jaildesk.ui.common.Dialogs;
import org.jaildesk.ui.common.Messages;

/** The Help menu: which JailDesk this is, on which Java, and where it keeps its files (for a report, or to find them). */
final class HelpMenu {

    /** What the About dialog tells: the build's version and the folder of the desktop's own files. */
    record About(String version, Path files) {
    }

    private HelpMenu() {
    }

    static Menu of(Messages msg, Window owner, About about) {
        Menu help = new Menu(msg.get("menu.help"));
        help.setId("menu-help");
        MenuItem item = new MenuItem(msg.get("menu.about"));
        item.setId("menu-about");
        item.setOnAction(e -> dialog(msg, owner, about).show());
        help.getItems().add(item);
        return help;
    }

    /** The lines the dialog shows, which Copy puts on the clipboard as they are. */
    private static List<String> lines(Messages msg, About about) {
        return List.of(msg.get("about.version", about.version()), msg.get("about.what"),
                msg.get("about.runtime", System.getProperty("java.version"), System.getProperty("java.vm.vendor"),
                        System.getProperty("javafx.runtime.version", "?"), System.getProperty("os.name"),
                        System.getProperty("os.arch")),
                msg.get("about.files", about.files()));
    }

    private static Dialog<ButtonType> dialog(Messages msg, Window owner, About about) {
        Dialog<ButtonType> d = Dialogs.titled(owner, "aboutDialog", msg.get("about.title"));
        List<String> lines = lines(msg, about);
        VBox box = new VBox(6);
        for (int i = 0; i < lines.size(); i++) {
            Label l = new Label(lines.get(i));
            l.setId("about-" + i);
            l.setWrapText(true);
            l.setMaxWidth(520);
            box.getChildren().add(l);
        }
        d.getDialogPane().setContent(box);
        ButtonType copy = new ButtonType(msg.get("about.copy"), ButtonBar.ButtonData.LEFT);
        d.getDialogPane().getButtonTypes().addAll(copy, ButtonType.CLOSE);
        Button copyButton = (Button) d.getDialogPane().lookupButton(copy);
        copyButton.setId("aboutCopy");
        // Copies and stays open: a dialog button closes its dialog unless the event is consumed.
        copyButton.addEventFilter(ActionEvent.ACTION, e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(String.join("\n", lines));
            Clipboard.getSystemClipboard().setContent(c);
            e.consume();
        });
        return d;
    }
}
