package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import org.jaildesk.ui.jails.JailNetwork;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The dialogs a jail is made and changed in, used from the keyboard: Alt and a label's underlined letter moves to its
 * field, Alt and the button's letter confirms, and no letter is taken twice whatever Network choice shows its rows, in
 * English and in German.
 */
class DialogKeysTest extends WindowTest {

    private void alt(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.ALT, key).release(key, KeyCode.ALT);
    }

    /** The id of what has the keyboard in {@code dialog}. */
    private String focused(FxRobot robot, String dialog) {
        Node n = robot.lookup(dialog).query().getScene().getFocusOwner();
        return n == null ? "nothing" : String.valueOf(n.getId());
    }

    /** Alt+{@code key} in {@code dialog}, then waits until {@code id} has the keyboard. */
    private void altReaches(FxRobot robot, String dialog, KeyCode key, String id) {
        alt(robot, key);
        page.waitFor(() -> id.equals(focused(robot, dialog)));
    }

    /**
     * The controls the scene holds a mnemonic for {@code letter} for, as a key press with Alt matches them: for a
     * letter the test robot cannot type (Ü).
     */
    private List<Node> reached(FxRobot robot, String dialog, String letter) {
        javafx.scene.Scene scene = robot.lookup(dialog).query().getScene();
        javafx.scene.input.KeyEvent press = new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, letter,
                letter, KeyCode.UNDEFINED, false, false, true, false);
        List<Node> nodes = new java.util.ArrayList<>();
        robot.interact(() -> scene.getMnemonics().forEach((keys, mnemonics) -> {
            if (keys.match(press)) {
                mnemonics.forEach(m -> nodes.add(m.getNode()));
            }
        }));
        return nodes;
    }

    /** Every Network choice of {@code prefix}'s dialog, each checked for keys taken twice or missing. */
    private void everyChoiceHasItsKeys(FxRobot robot, String dialog, String prefix) {
        @SuppressWarnings("unchecked")
        ChoiceBox<JailNetwork.Mode> mode = robot.lookup("#" + prefix + "Network").queryAs(ChoiceBox.class);
        for (JailNetwork.Mode m : mode.getItems()) {
            robot.interact(() -> mode.setValue(m));
            DialogPane pane = robot.lookup(dialog).queryAs(DialogPane.class);
            assertEquals(List.of(), AccessibleNames.mnemonicProblems(pane), m.name());
        }
    }

    @Test
    void theCreateDialogIsUsedFromTheKeyboard(FxRobot robot) throws Exception {
        open(robot);
        page.openCreateDialog();
        page.waitFor(() -> "createName".equals(focused(robot, "#createDialog")));
        // Through every choice first: the rows laid out again keep their keys.
        everyChoiceHasItsKeys(robot, "#createDialog", "create");
        @SuppressWarnings("unchecked")
        ChoiceBox<JailNetwork.Mode> mode = robot.lookup("#createNetwork").queryAs(ChoiceBox.class);
        robot.interact(() -> mode.setValue(JailNetwork.Mode.VNET_FIXED));
        altReaches(robot, "#createDialog", KeyCode.P, "createProps");
        altReaches(robot, "#createDialog", KeyCode.O, "createRouter");
        altReaches(robot, "#createDialog", KeyCode.T, "createType");
        altReaches(robot, "#createDialog", KeyCode.A, "createAddress");
        altReaches(robot, "#createDialog", KeyCode.B, "createBridge");
        altReaches(robot, "#createDialog", KeyCode.DIGIT6, "createAddress6");
        altReaches(robot, "#createDialog", KeyCode.R, "createRelease");
        altReaches(robot, "#createDialog", KeyCode.W, "createNetwork");
        robot.interact(() -> mode.setValue(JailNetwork.Mode.SHARED));
        altReaches(robot, "#createDialog", KeyCode.I, "createIface");
        robot.interact(() -> mode.setValue(JailNetwork.Mode.VNET_NAT));
        altReaches(robot, "#createDialog", KeyCode.F, "createForwards");
        // A template takes the release's place, and its own key.
        @SuppressWarnings("unchecked")
        ChoiceBox<org.jaildesk.ui.jails.JailType> type = robot.lookup("#createType").queryAs(ChoiceBox.class);
        robot.interact(() -> type.setValue(org.jaildesk.ui.jails.JailType.TEMPLATE));
        altReaches(robot, "#createDialog", KeyCode.M, "createTemplate");
        robot.interact(() -> type.setValue(org.jaildesk.ui.jails.JailType.CLONE));
        robot.interact(() -> mode.setValue(JailNetwork.Mode.UNSET));

        altReaches(robot, "#createDialog", KeyCode.N, "createName");
        robot.clickOn("#createName").write("keys");
        page.waitFor(() -> !robot.lookup("#createOk").query().isDisabled());
        alt(robot, KeyCode.C);
        page.waitFor(() -> robot.lookup("#createDialog").tryQuery().isEmpty());
        page.waitFor(() -> page.has("keys"));
    }

    @Test
    void inGermanTheCloneAndNetworkDialogsHaveTheirOwnKeys(FxRobot robot) throws Exception {
        open(robot);
        javafx.scene.control.MenuItem german = MenuItems.byId(robot, "menu-lang-de");
        robot.interact(german::fire);
        page.waitFor(() -> "_Datei".equals(robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class)
                .getMenus().get(0).getText()));
        page.openCreateDialog();
        everyChoiceHasItsKeys(robot, "#createDialog", "create");
        altReaches(robot, "#createDialog", KeyCode.G, "createProps");
        altReaches(robot, "#createDialog", KeyCode.Z, "createNetwork");
        robot.push(KeyCode.ESCAPE);
        page.waitFor(() -> robot.lookup("#createDialog").tryQuery().isEmpty());

        page.select("web02");
        robot.clickOn("#tb-clone");
        page.waitFor(() -> robot.lookup("#cloneDialog").tryQuery().isPresent());
        everyChoiceHasItsKeys(robot, "#cloneDialog", "clone");
        altReaches(robot, "#cloneDialog", KeyCode.G, "cloneProps");
        altReaches(robot, "#cloneDialog", KeyCode.N, "cloneName");
        assertEquals(List.of("cloneOk"), reached(robot, "#cloneDialog", "k").stream().map(Node::getId).toList());
        robot.push(KeyCode.ESCAPE);
        page.waitFor(() -> robot.lookup("#cloneDialog").tryQuery().isEmpty());

        robot.clickOn("Einstellungen");
        page.waitFor(() -> robot.lookup("#inspector-network").tryQuery().map(b -> !b.isDisabled()).orElse(false));
        robot.clickOn("#inspector-network");
        page.waitFor(() -> robot.lookup("#networkDialog").tryQuery().isPresent());
        everyChoiceHasItsKeys(robot, "#networkDialog", "network");
        assertEquals(List.of("networkOk"), reached(robot, "#networkDialog", "\u00fc").stream().map(Node::getId).toList());
        robot.push(KeyCode.ESCAPE);
    }
}
