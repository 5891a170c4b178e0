package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The create and clone dialogs say which jail already has an address the new jail is to have: another of iocage's,
 * one iocage did not make, or for a clone the source, whose address it keeps. A warning: the button stays on.
 */
class AddressInUseTest extends WindowTest {

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void props(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(text));
    }

    @Test
    void createSaysWhoHasTheAddressAlready(FxRobot robot) throws Exception {
        open(robot);
        page.openCreateDialog();
        robot.clickOn("#createName").write("shop");
        Button ok = robot.lookup("#createOk").queryAs(Button.class);
        page.waitFor(() -> !ok.isDisabled());
        props(robot, "#createProps", "ip4_addr=em0|192.168.1.21/24");
        page.waitFor(() -> text(robot, "#createWarning").equals(
                "192.168.1.21 is already the address of db01: two jails with one address do not run at the same time."));
        assertFalse(ok.isDisabled(), "a warning, not a refusal");
        // A stopped jail's configured address counts too (mail's second one), written another way.
        props(robot, "#createProps", "ip4_addr=em0|010.0.0.22/16");
        page.waitFor(() -> text(robot, "#createWarning").startsWith("10.0.0.22 is already the address of mail:"));
        // A jail iocage did not make (the demo host's Bastille jail), once the host has said which they are.
        props(robot, "#createProps", "boot=on ip4_addr=vnet0|192.168.1.180/24");
        page.waitFor(() -> text(robot, "#createWarning").equals("192.168.1.180 is already the address of www (a jail iocage "
                + "did not make): two jails with one address do not run at the same time."));
        // Several addresses in use: each named with its owner, not only the first.
        props(robot, "#createProps", "ip4_addr=em0|192.168.1.21/24,em0|192.168.1.99/24,vnet0|192.168.1.180/24");
        page.waitFor(() -> text(robot, "#createWarning").equals("These addresses are already in use: 192.168.1.21 by db01, "
                + "192.168.1.180 by www (a jail iocage did not make). Two jails with one address do not run at the same time."));
        props(robot, "#createProps", "ip4_addr=em0|192.168.1.99/24");
        page.waitFor(() -> text(robot, "#createWarning").isEmpty());
        // What is no address warns of nothing; the error line says what is wrong with it.
        for (String bad : new String[] {"ip4_addr=$(x)", "ip4_addr=-f", "ip4_addr=a;b", "ip4_addr=" + "1".repeat(100_000)}) {
            props(robot, "#createProps", bad);
            page.waitFor(() -> !text(robot, "#createError").isEmpty());
            assertEquals("", text(robot, "#createWarning"), bad.length() > 40 ? "100,000 characters" : bad);
        }
        robot.push(javafx.scene.input.KeyCode.ESCAPE);
    }

    @Test
    void aCloneKeepsItsSourcesAddressUnlessGivenItsOwn(FxRobot robot) throws Exception {
        open(robot);
        page.select("mail");
        robot.clickOn("#tb-clone");
        page.waitFor(() -> robot.lookup("#cloneDialog").tryQuery().isPresent());
        // Both of mail's addresses, and the one property that gives the clone its own.
        page.waitFor(() -> text(robot, "#cloneWarning").equals("The clone keeps the addresses of mail (192.168.1.22, 10.0.0.22): "
                + "give it its own under Network (or with ip4_addr=…), or the two do not run at the same time."));
        props(robot, "#cloneProps", "ip4_addr=em0|192.168.1.31/24");
        page.waitFor(() -> text(robot, "#cloneWarning").startsWith("192.168.1.31 is already the address of web02:"));
        props(robot, "#cloneProps", "ip4_addr=em0|192.168.1.99/24");
        page.waitFor(() -> text(robot, "#cloneWarning").isEmpty());
        robot.clickOn("#cloneOk");
        page.waitFor(() -> page.has("mail-clone"));
        assertEquals("em0|192.168.1.99/24", page.row("mail-clone").ip4());
        // The jails' addresses are looked up again once the listing has changed: the new jail has one now.
        page.openCreateDialog();
        robot.clickOn("#createName").write("shop");
        props(robot, "#createProps", "ip4_addr=em0|192.168.1.99/24");
        page.waitFor(() -> text(robot, "#createWarning").startsWith("192.168.1.99 is already the address of mail-clone:"));
        robot.push(javafx.scene.input.KeyCode.ESCAPE);
    }
}
