package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import org.jaildesk.client.InProcessTransport;
import org.jaildesk.client.IocageClient;
import org.jaildesk.ui.jails.JailNetwork;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The create dialog's Network choice: the fields each choice asks for, what it says the jail gets, its checks, and the
 * properties the host then has.
 */
class CreateNetworkTest extends WindowTest {

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void type(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(text));
    }

    private boolean shown(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(n -> n.isVisible() && n.getScene() != null && n.getParent() != null)
                .orElse(false);
    }

    /** A setting of {@code jail} as the host has it now. */
    private String onHost(String jail, String key) throws Exception {
        return new IocageClient(new InProcessTransport(page.host)).getJailSetting(jail, key).get(10, TimeUnit.SECONDS);
    }

    /** Whether a boolean setting of {@code jail} is on, as the host has it now. */
    private boolean isOn(String jail, String key) throws Exception {
        return java.util.Set.of("1", "on").contains(onHost(jail, key));
    }

    /** Opens the window and its create dialog, names the jail and makes the Network choice; returns *Create*. */
    private Button startCreate(FxRobot robot, String name, JailNetwork.Mode mode) throws Exception {
        open(robot);
        page.openCreateDialog();
        robot.clickOn("#createName").write(name);
        choose(robot, mode);
        return robot.lookup("#createOk").queryAs(Button.class);
    }

    @SuppressWarnings("unchecked")
    private void choose(FxRobot robot, JailNetwork.Mode mode) {
        robot.interact(() -> robot.lookup("#createNetwork").queryAs(ChoiceBox.class).setValue(mode));
    }

    /** The rows a choice adds make the dialog taller; going back to fewer rows gives the room back. */
    @Test
    void theDialogsHeightFollowsTheRowsOfTheChoice(FxRobot robot) throws Exception {
        open(robot);
        page.openCreateDialog();
        javafx.stage.Window w = robot.lookup("#createDialog").query().getScene().getWindow();
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        double opened = w.getHeight();
        choose(robot, JailNetwork.Mode.VNET_FIXED);
        page.waitFor(() -> w.getHeight() > opened + 100);
        choose(robot, JailNetwork.Mode.UNSET);
        page.waitFor(() -> Math.abs(w.getHeight() - opened) < 1);
        robot.push(javafx.scene.input.KeyCode.ESCAPE);
    }

    @Test
    void aVnetJailWithAFixedAddressGetsItsPropertiesOnTheHost(FxRobot robot) throws Exception {
        open(robot);
        page.openCreateDialog();
        robot.clickOn("#createName").write("shop");
        Button ok = robot.lookup("#createOk").queryAs(Button.class);
        page.waitFor(() -> !ok.isDisabled());
        // Nothing chosen: no network rows, no outline; the Properties field as before.
        assertFalse(shown(robot, "#createIface") || shown(robot, "#createAddress") || shown(robot, "#createRouter"));
        assertFalse(shown(robot, "#createNetworkOutline"));

        choose(robot, JailNetwork.Mode.VNET_FIXED);
        page.waitFor(() -> shown(robot, "#createAddress") && shown(robot, "#createRouter"));
        assertFalse(shown(robot, "#createIface"), "a VNET jail's interface is its own vnet0");
        assertTrue(shown(robot, "#createBridge"));
        type(robot, "#createBridge", "bridge1");
        page.waitFor(() -> text(robot, "#createError").equals("Enter the jail's address with its prefix length (e.g. 192.168.1.50/24)."));
        assertTrue(ok.isDisabled());
        type(robot, "#createAddress", "192.168.1.77");
        page.waitFor(() -> text(robot, "#createError").startsWith("Give the address its prefix length (e.g. 192.168.1.77/24)"));
        type(robot, "#createAddress", "192.168.1.77/24");
        type(robot, "#createRouter", "10.0.0.1");
        page.waitFor(() -> text(robot, "#createError").startsWith("The default router 10.0.0.1 is not in the jail's network"));
        type(robot, "#createRouter", "192.168.1.1");
        type(robot, "#createProps", "boot=on vnet=on");
        page.waitFor(() -> text(robot, "#createError").equals(
                "vnet is set by the Network choice above: take it out of Properties."));
        type(robot, "#createProps", "priority=5");
        type(robot, "#createAddress6", "fd00::77");
        page.waitFor(() -> text(robot, "#createError").startsWith("Give the IPv6 address its prefix length (e.g. fd00::77/64)"));
        type(robot, "#createAddress6", "fd00::77/64");
        page.waitFor(() -> text(robot, "#createError").isEmpty() && !ok.isDisabled());
        assertTrue(text(robot, "#createNetworkOutline").endsWith("vnet0 gets 192.168.1.77/24; the default route goes to 192.168.1.1."
                + " It has fd00::77/64 on vnet0 as well (ip6_addr=vnet0|fd00::77/64)."),
                text(robot, "#createNetworkOutline"));
        // The address in use is looked for among what the choice sets, as among what Properties say.
        type(robot, "#createAddress", "192.168.1.21/24");
        page.waitFor(() -> text(robot, "#createWarning").startsWith("192.168.1.21 is already the address of db01:"));
        type(robot, "#createAddress", "192.168.1.77/24");
        page.waitFor(() -> text(robot, "#createWarning").isEmpty());

        robot.clickOn("#createOk");
        page.waitFor(() -> page.has("shop"));
        assertEquals("vnet0|192.168.1.77/24", onHost("shop", "ip4_addr"));
        assertEquals("192.168.1.1", onHost("shop", "defaultrouter"));
        assertEquals("vnet0:bridge1", onHost("shop", "interfaces"));
        assertEquals("vnet0|fd00::77/64", onHost("shop", "ip6_addr"));
        assertTrue(isOn("shop", "vnet"));
        assertEquals("5", onHost("shop", "priority"));
        // The next jail of this host starts from the same kind of network, bridge and router; its address is its own.
        page.openCreateDialog();
        @SuppressWarnings("unchecked")
        ChoiceBox<JailNetwork.Mode> mode = robot.lookup("#createNetwork").queryAs(ChoiceBox.class);
        assertEquals(JailNetwork.Mode.VNET_FIXED, mode.getValue());
        assertEquals("bridge1", robot.lookup("#createBridge").queryAs(TextField.class).getText());
        assertEquals("192.168.1.1", robot.lookup("#createRouter").queryAs(TextField.class).getText());
        assertEquals("", robot.lookup("#createAddress").queryAs(TextField.class).getText());
        assertEquals("", robot.lookup("#createAddress6").queryAs(TextField.class).getText());
        robot.push(javafx.scene.input.KeyCode.ESCAPE);
    }

    @Test
    void aSharedAddressAsksForTheHostsInterfaceAndBadInputRunsNothing(FxRobot robot) throws Exception {
        Button ok = startCreate(robot, "shop", JailNetwork.Mode.SHARED);
        page.waitFor(() -> shown(robot, "#createIface") && shown(robot, "#createAddress"));
        assertFalse(shown(robot, "#createRouter") || shown(robot, "#createBridge"));
        // Where the demo host's jails have their addresses: suggested.
        assertEquals("em0", robot.lookup("#createIface").queryAs(TextField.class).getText());
        for (String bad : new String[] {"-f", "a;b", "$(x)", "em0\nvnet=on", "em0|x", "e".repeat(100_000)}) {
            type(robot, "#createIface", bad);
            type(robot, "#createAddress", "192.168.1.71/24");
            page.waitFor(() -> text(robot, "#createError").contains("is not an interface name") && ok.isDisabled());
        }
        type(robot, "#createIface", "em0");
        page.waitFor(() -> text(robot, "#createError").isEmpty() && !ok.isDisabled());
        assertEquals("The jail shares the host's network stack: 192.168.1.71/24 is added to the host's em0 while the jail runs"
                + " (vnet=off ip4_addr=em0|192.168.1.71/24).", text(robot, "#createNetworkOutline"));
        // DHCP asks for nothing more; back to nothing chosen, the rows go.
        choose(robot, JailNetwork.Mode.VNET_DHCP);
        page.waitFor(() -> !shown(robot, "#createIface") && !shown(robot, "#createAddress"));
        assertTrue(text(robot, "#createNetworkOutline").contains("vnet=on dhcp=on bpf=on ip4_addr=none"));
        choose(robot, JailNetwork.Mode.SHARED);
        page.waitFor(() -> shown(robot, "#createIface") && !ok.isDisabled());
        // The dialog grows to the rows that came back: clicked once it has.
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#createOk");
        page.waitFor(() -> page.has("shop"));
        assertEquals("em0|192.168.1.71/24", onHost("shop", "ip4_addr"));
        assertFalse(isOn("shop", "vnet"));
    }

    /** The texts of a menu of the host's interfaces, once it is filled. */
    private java.util.List<String> items(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(MenuButton.class).getItems().stream().map(MenuItem::getText).toList();
    }

    /** Chooses the item of menu {@code id} that starts with {@code name}, as a click on it does. */
    private void pick(FxRobot robot, String id, String name) {
        MenuItem item = robot.lookup(id).queryAs(MenuButton.class).getItems().stream()
                .filter(i -> i.getText().startsWith(name + " ") || i.getText().equals(name)).findFirst().orElseThrow();
        robot.interact(item::fire);
    }

    @Test
    void theHostsInterfacesAreOfferedAndWhatTheySayAgainstTheChoiceIsInAmber(FxRobot robot) throws Exception {
        Button ok = startCreate(robot, "shop", JailNetwork.Mode.SHARED);
        page.waitFor(() -> shown(robot, "#createIfaceChoices") && !robot.lookup("#createIfaceChoices").query().isDisabled());
        // Where a shared address can go: the demo host's card with its network, the card that is down, the bridge; not
        // the loopback nor a VNET jail's epair.
        assertEquals(java.util.List.of("em0   192.168.1.0/24", "igb1   (down)", "bridge0"), items(robot, "#createIfaceChoices"));
        pick(robot, "#createIfaceChoices", "igb1");
        assertEquals("igb1", robot.lookup("#createIface").queryAs(TextField.class).getText());
        page.waitFor(() -> text(robot, "#createNetworkWarning").startsWith("igb1 is down on this host"));
        type(robot, "#createAddress", "192.168.9.77/24");
        pick(robot, "#createIfaceChoices", "em0");
        page.waitFor(() -> text(robot, "#createNetworkWarning").equals(
                "192.168.9.77 is in none of em0's networks (192.168.1.0/24): the host reaches it only where a route says so."));
        page.waitFor(() -> !ok.isDisabled());
        type(robot, "#createIface", "em7");
        page.waitFor(() -> text(robot, "#createNetworkWarning").equals("em7 is not an interface of this host; it has em0, igb1, bridge0."));
        assertFalse(ok.isDisabled(), "a warning: the host's interfaces may change before the jail starts");
        type(robot, "#createIface", "em0");
        type(robot, "#createAddress", "192.168.1.77/24");
        page.waitFor(() -> text(robot, "#createNetworkWarning").isEmpty());
        assertFalse(robot.lookup("#createNetworkWarning").query().isManaged(), "no empty row while it says nothing");

        choose(robot, JailNetwork.Mode.VNET_DHCP);
        page.waitFor(() -> shown(robot, "#createBridgeChoices"));
        java.util.List<String> bridges = items(robot, "#createBridgeChoices");
        assertEquals(1, bridges.size(), bridges.toString());
        assertTrue(bridges.get(0).matches("bridge0   joins em0, vnet0\\.\\d+"), bridges.toString());
        type(robot, "#createBridge", "bridge7");
        page.waitFor(() -> text(robot, "#createNetworkWarning").equals(
                "bridge7 is not on this host yet: iocage makes it when the jail starts."));
        pick(robot, "#createBridgeChoices", "bridge0");
        assertEquals("bridge0", robot.lookup("#createBridge").queryAs(TextField.class).getText());
        page.waitFor(() -> text(robot, "#createNetworkWarning").isEmpty());
        robot.push(javafx.scene.input.KeyCode.ESCAPE);
    }

    /** Clones {@code source} as {@code <source>-clone} with {@code address} on em0, through the clone dialog. */
    private void cloneWithSharedAddress(FxRobot robot, String source, String address) {
        page.select(source);
        robot.clickOn("#tb-clone");
        page.waitFor(() -> robot.lookup("#cloneDialog").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ChoiceBox<JailNetwork.Mode> mode = robot.lookup("#cloneNetwork").queryAs(ChoiceBox.class);
        robot.interact(() -> mode.setValue(JailNetwork.Mode.SHARED));
        type(robot, "#cloneIface", "em0");
        type(robot, "#cloneAddress", address);
        Button ok = robot.lookup("#cloneOk").queryAs(Button.class);
        page.waitFor(() -> text(robot, "#cloneError").isEmpty() && !ok.isDisabled());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#cloneOk");
        page.waitFor(() -> page.has(source + "-clone"));
    }

    @Test
    void aJailBehindTheHostsNatGetsItsForwardsAndItsCloneLeavesTheNat(FxRobot robot) throws Exception {
        Button ok = startCreate(robot, "gate", JailNetwork.Mode.VNET_NAT);
        page.waitFor(() -> shown(robot, "#createForwards"));
        assertFalse(shown(robot, "#createAddress") || shown(robot, "#createBridge") || shown(robot, "#createRouter"),
                "iocage gives the address, the router; no bridge");
        page.waitFor(() -> text(robot, "#createError").isEmpty() && !ok.isDisabled());
        for (String bad : java.util.List.of("tcp(80:8080);rm", "$(x)", "tcp(80", "tcp(80:8080)\ntcp(81)")) {
            type(robot, "#createForwards", bad);
            page.waitFor(() -> text(robot, "#createError").contains("is not a port forward") && ok.isDisabled());
        }
        type(robot, "#createForwards", "tcp(80:8080), tcp(81:8080)");
        page.waitFor(() -> text(robot, "#createError").equals("The host's tcp port 8080 is forwarded twice."));
        type(robot, "#createForwards", "tcp(80:8080), udp(53)");
        page.waitFor(() -> text(robot, "#createError").isEmpty() && !ok.isDisabled());
        assertTrue(text(robot, "#createNetworkOutline").endsWith("Forwarded from the host to the jail: tcp 8080 \u2192 80, udp 53 \u2192 53."),
                text(robot, "#createNetworkOutline"));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#createOk");
        page.waitFor(() -> page.has("gate"));
        assertTrue(isOn("gate", "vnet") && isOn("gate", "nat"));
        assertFalse(isOn("gate", "bpf") || isOn("gate", "dhcp"));
        assertEquals("tcp(80:8080),udp(53)", onHost("gate", "nat_forwards"));
        // The next one forwarding the same host port is told which jail has it.
        page.openCreateDialog();
        robot.clickOn("#createName").write("gate2");
        page.waitFor(() -> shown(robot, "#createForwards"));
        type(robot, "#createForwards", "tcp(81:8080)");
        page.waitFor(() -> text(robot, "#createNetworkWarning").startsWith("The host's tcp port 8080 is forwarded to gate as well"));
        type(robot, "#createForwards", "tcp(81:8081)");
        page.waitFor(() -> text(robot, "#createNetworkWarning").isEmpty());
        robot.push(javafx.scene.input.KeyCode.ESCAPE);

        // Its clone with a shared address leaves the NAT: else iocage would give it a NAT address at its start.
        cloneWithSharedAddress(robot, "gate", "192.168.1.84/24");
        assertFalse(isOn("gate-clone", "nat"));
        assertFalse(isOn("gate-clone", "vnet"));
        assertEquals("em0|192.168.1.84/24", onHost("gate-clone", "ip4_addr"));
        assertTrue(isOn("gate", "nat"));

        // The clone kept gate's forwards, but not behind the NAT they are no one's: iocage forwards nothing for it.
        new IocageClient(new InProcessTransport(page.host)).setJailSettings("gate", java.util.Map.of("nat_forwards", "tcp(80:9090)"))
                .get(10, TimeUnit.SECONDS);
        assertEquals("tcp(80:8080),udp(53)", onHost("gate-clone", "nat_forwards"));
        page.openCreateDialog();
        robot.clickOn("#createName").write("gate3");
        choose(robot, JailNetwork.Mode.VNET_NAT);
        page.waitFor(() -> shown(robot, "#createForwards"));
        type(robot, "#createForwards", "tcp(81:9090)");
        page.waitFor(() -> text(robot, "#createNetworkWarning").startsWith("The host's tcp port 9090 is forwarded to gate as well"));
        type(robot, "#createForwards", "tcp(81:8080)");
        page.waitFor(() -> text(robot, "#createNetworkWarning").isEmpty());
        robot.push(javafx.scene.input.KeyCode.ESCAPE);
    }

    @Test
    void aVnetJailMayTakeItsIpv6AddressFromRouterAdvertisements(FxRobot robot) throws Exception {
        startCreate(robot, "six", JailNetwork.Mode.VNET_FIXED);
        page.waitFor(() -> shown(robot, "#createSlaac"));
        type(robot, "#createAddress", "192.168.1.86/24");
        type(robot, "#createAddress6", "fd00::86/64");
        robot.interact(() -> robot.lookup("#createSlaac").queryAs(javafx.scene.control.CheckBox.class).setSelected(true));
        assertTrue(robot.lookup("#createAddress6").query().isDisabled(), "one or the other");
        Button ok = robot.lookup("#createOk").queryAs(Button.class);
        page.waitFor(() -> text(robot, "#createError").isEmpty() && !ok.isDisabled());
        assertTrue(text(robot, "#createNetworkOutline").endsWith("(ip6_addr=vnet0|accept_rtadv rtsold=on)."));
        choose(robot, JailNetwork.Mode.SHARED);
        page.waitFor(() -> !shown(robot, "#createSlaac"));
        choose(robot, JailNetwork.Mode.VNET_DHCP);
        page.waitFor(() -> shown(robot, "#createSlaac"));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#createOk");
        page.waitFor(() -> page.has("six"));
        assertEquals("vnet0|accept_rtadv", onHost("six", "ip6_addr"));
        assertTrue(isOn("six", "rtsold") && isOn("six", "dhcp"));
    }

    /** On a host whose defaults put new jails behind its NAT, another choice turns nat off for the new jail. */
    @Test
    void aNewJailWithAnotherNetworkLeavesTheNatTheHostsDefaultsSet(FxRobot robot) throws Exception {
        open(robot);
        new IocageClient(new InProcessTransport(page.host)).setJailSettings("default", java.util.Map.of("nat", "1"))
                .get(10, TimeUnit.SECONDS);
        page.openCreateDialog();
        robot.clickOn("#createName").write("edge");
        choose(robot, JailNetwork.Mode.SHARED);
        type(robot, "#createIface", "em0");
        type(robot, "#createAddress", "192.168.1.85/24");
        Button ok = robot.lookup("#createOk").queryAs(Button.class);
        page.waitFor(() -> text(robot, "#createError").isEmpty() && !ok.isDisabled());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#createOk");
        page.waitFor(() -> page.has("edge"));
        assertFalse(isOn("edge", "nat"), "else iocage would give it a NAT address at its start");
        assertEquals("em0|192.168.1.85/24", onHost("edge", "ip4_addr"));
    }

    @Test
    void aCloneGetsANetworkOfItsOwnInsteadOfItsSourcesAddress(FxRobot robot) throws Exception {
        open(robot);
        page.select("mail");
        robot.clickOn("#tb-clone");
        page.waitFor(() -> robot.lookup("#cloneDialog").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ChoiceBox<JailNetwork.Mode> mode = robot.lookup("#cloneNetwork").queryAs(ChoiceBox.class);
        assertEquals("As mail's (or as Properties say)", mode.getConverter().toString(mode.getValue()));
        page.waitFor(() -> text(robot, "#cloneWarning").startsWith("The clone keeps the addresses of mail"));
        robot.interact(() -> mode.setValue(JailNetwork.Mode.VNET_DHCP));
        // DHCP: no fixed address, so nothing the clone would share with mail.
        page.waitFor(() -> text(robot, "#cloneWarning").isEmpty() && text(robot, "#cloneError").isEmpty());
        robot.interact(() -> mode.setValue(JailNetwork.Mode.SHARED));
        page.waitFor(() -> text(robot, "#cloneError").startsWith("Enter the jail's address"));
        assertEquals("em0", robot.lookup("#cloneIface").queryAs(TextField.class).getText(),
                "suggested: the interface the host's jails have their addresses on");
        type(robot, "#cloneAddress", "192.168.1.22/24");
        page.waitFor(() -> text(robot, "#cloneWarning").startsWith("192.168.1.22 is already the address of mail:"));
        type(robot, "#cloneAddress", "192.168.1.78/24");
        type(robot, "#cloneProps", "ip4_addr=em0|192.168.1.79/24");
        page.waitFor(() -> text(robot, "#cloneError").equals("ip4_addr is set by the Network choice above: take it out of Properties."));
        type(robot, "#cloneProps", "");
        Button ok = robot.lookup("#cloneOk").queryAs(Button.class);
        page.waitFor(() -> text(robot, "#cloneWarning").isEmpty() && !ok.isDisabled());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#cloneOk");
        page.waitFor(() -> page.has("mail-clone"));
        assertEquals("em0|192.168.1.78/24", onHost("mail-clone", "ip4_addr"));
        assertFalse(isOn("mail-clone", "vnet"));
        // A VNET jail's clone given a shared address leaves VNET: web02 has its own stack, its clone the host's.
        cloneWithSharedAddress(robot, "web02", "192.168.1.81/24");
        assertEquals("em0|192.168.1.81/24", onHost("web02-clone", "ip4_addr"));
        assertTrue(isOn("web02", "vnet"));
        assertFalse(isOn("web02-clone", "vnet"));
    }

    @Test
    void theInspectorsNetworkChoiceStartsFromTheJailAndGoesThroughTheReview(FxRobot robot) throws Exception {
        open(robot);
        page.select("web02");
        robot.clickOn("Settings");
        page.waitFor(() -> robot.lookup("#setting-priority").tryQuery().isPresent()
                && !robot.lookup("#inspector-network").queryAs(Button.class).isDisabled());
        robot.clickOn("#inspector-network");
        page.waitFor(() -> robot.lookup("#networkDialog").tryQuery().isPresent());
        // web02 as it is: VNET, vnet0|192.168.1.31/24 on bridge0.
        @SuppressWarnings("unchecked")
        ChoiceBox<JailNetwork.Mode> mode = robot.lookup("#networkNetwork").queryAs(ChoiceBox.class);
        assertEquals(JailNetwork.Mode.VNET_FIXED, mode.getValue());
        assertEquals("192.168.1.31/24", robot.lookup("#networkAddress").queryAs(TextField.class).getText());
        assertEquals("bridge0", robot.lookup("#networkBridge").queryAs(TextField.class).getText());
        page.waitFor(() -> shown(robot, "#networkBridgeChoices") && !robot.lookup("#networkBridgeChoices").query().isDisabled());
        assertTrue(items(robot, "#networkBridgeChoices").get(0).startsWith("bridge0   joins em0"));
        Button ok = robot.lookup("#networkOk").queryAs(Button.class);
        for (String bad : new String[] {"$(x)", "192.168.1.32/24\nvnet=off", "a;b"}) {
            type(robot, "#networkAddress", bad);
            page.waitFor(() -> text(robot, "#networkError").contains("is not an IPv4 address") && ok.isDisabled());
        }
        type(robot, "#networkAddress", "192.168.1.32/24");
        type(robot, "#networkRouter", "192.168.1.1");
        page.waitFor(() -> text(robot, "#networkError").isEmpty() && !ok.isDisabled());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#networkOk");
        // Nothing changed on the host yet: two pending changes, reviewed as the others.
        page.waitFor(() -> text(robot, "#inspector-pending").equals("2 changes pending"));
        assertEquals("vnet0|192.168.1.31/24", onHost("web02", "ip4_addr"));
        robot.clickOn("#inspector-review");
        page.waitFor(() -> robot.lookup("#settingsApply").tryQuery().isPresent());
        robot.clickOn("#settingsApply");
        page.waitFor(() -> text(robot, "#inspector-pending").isEmpty());
        page.waitFor(() -> {
            try {
                return "vnet0|192.168.1.32/24".equals(onHost("web02", "ip4_addr"));
            } catch (Exception e) {
                return false;
            }
        });
        assertEquals("192.168.1.1", onHost("web02", "defaultrouter"));
        // The host's defaults have no Network choice: no jail's network to choose.
        robot.clickOn("Defaults");
        page.waitFor(() -> robot.lookup("#defaults-review").tryQuery().isPresent());
        assertTrue(robot.lookup("#defaults-network").tryQuery().isEmpty());
    }
}
