package org.jaildesk.ui.jails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Scene;
import javafx.scene.control.MenuButton;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.jaildesk.domain.HostInterface;
import org.jaildesk.ui.common.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The menus of the host's interfaces beside the Network fields: while the host reads, when it cannot, when it has. */
@ExtendWith(ApplicationExtension.class)
class NetworkFieldsTest {

    private static final List<HostInterface> HOST = List.of(
            new HostInterface("lo0", HostInterface.Kind.LOOPBACK, true, List.of("127.0.0.1/8"), List.of(), List.of()),
            new HostInterface("igb0", HostInterface.Kind.ETHERNET, true, List.of(), List.of(), List.of()),
            new HostInterface("igb1", HostInterface.Kind.ETHERNET, true, List.of("10.0.0.2/24"), List.of(), List.of()),
            new HostInterface("lan_1", HostInterface.Kind.ETHERNET, false, List.of(), List.of(), List.of()));

    private final Messages msg = new Messages(Locale.ENGLISH);
    private Stage own;
    private NetworkFields net;

    @Start
    void start(Stage stage) {
        own = stage;
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(own::hide);
    }

    private void show(FxRobot robot, String iface, CompletableFuture<List<HostInterface>> listed) {
        show(robot, JailNetwork.Mode.SHARED, iface, listed);
    }

    private void show(FxRobot robot, JailNetwork.Mode mode, String iface, CompletableFuture<List<HostInterface>> listed) {
        robot.interact(() -> {
            net = new NetworkFields("t", msg, "unset");
            net.set(new JailNetwork(mode, iface, "", ""));
            GridPane g = new GridPane();
            net.addRows(g, 0);
            net.offer(listed);
            own.setScene(new Scene(g));
            own.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private MenuButton menu(FxRobot robot) {
        return robot.lookup("#tIfaceChoices").queryAs(MenuButton.class);
    }

    @Test
    void whileTheHostReadsTheMenuIsThereButOff(FxRobot robot) {
        show(robot, "", new CompletableFuture<>());
        assertTrue(menu(robot).isVisible() && menu(robot).isManaged());
        assertTrue(menu(robot).isDisabled());
        assertEquals("Reading the host's interfaces…", menu(robot).getTooltip().getText());
    }

    /** A host that cannot list them (an old server, a failure): the menus go, and the fields are typed as before. */
    @Test
    void aHostThatCannotListThemLeavesTheMenusOut(FxRobot robot) {
        show(robot, "", CompletableFuture.failedFuture(new IllegalStateException("no listinterfaces")));
        assertFalse(menu(robot).isVisible() || menu(robot).isManaged());
        assertEquals("", net.iface.getText());
        robot.interact(own::hide);
        show(robot, JailNetwork.Mode.VNET_DHCP, "", CompletableFuture.failedFuture(new IllegalStateException("no")));
        assertFalse(robot.lookup("#tBridgeChoices").query().isManaged());
    }

    @Test
    void anEmptyInterfaceIsGivenTheFirstCardThatIsUpWithANetworkAndATypedOneIsKept(FxRobot robot) {
        show(robot, "", CompletableFuture.completedFuture(HOST));
        assertEquals("igb1", net.iface.getText());
        assertFalse(menu(robot).isDisabled());
        assertEquals(List.of("igb0", "igb1   10.0.0.0/24", "lan_1   (down)"),
                menu(robot).getItems().stream().map(i -> i.getText()).toList());
        assertFalse(menu(robot).getItems().get(2).isMnemonicParsing(), "the name's '_' is shown, not read as a mnemonic");
        robot.interact(() -> menu(robot).getItems().get(2).fire());
        assertEquals("lan_1", net.iface.getText());
        robot.interact(own::hide);
        show(robot, JailNetwork.Mode.VNET_DHCP, "", CompletableFuture.completedFuture(HOST));
        MenuButton bridges = robot.lookup("#tBridgeChoices").queryAs(MenuButton.class);
        assertFalse(bridges.isDisabled(), "open, it says why there is none to choose");
        assertEquals("None yet: iocage makes bridge0 when a VNET jail first starts", bridges.getItems().get(0).getText());
        assertTrue(bridges.getItems().get(0).isDisable());
        robot.interact(own::hide);
        show(robot, "em0", CompletableFuture.completedFuture(HOST));
        assertEquals("em0", net.iface.getText(), "what the user or the last create gave stays");
    }

    /** The inspector's dialog says what an empty router leaves: the jail's defaultrouter now, not iocage's auto. */
    @Test
    void theInspectorsOutlineSaysTheRouterTheJailKeeps(FxRobot robot) {
        robot.interact(() -> NetworkDialog.of(own, msg, "web02", java.util.Map.of("vnet", "1",
                "ip4_addr", "vnet0|192.168.1.31/24", "defaultrouter", "none"), new CompletableFuture<>(),
                CompletableFuture::new, edits -> { }).show());
        WaitForAsyncUtils.waitForFxEvents();
        String outline = robot.lookup("#networkNetworkOutline").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(outline.endsWith("the default route goes to nowhere, as now (defaultrouter=none): the jail has no default route."),
                outline);
        robot.interact(() -> robot.lookup("#networkRouter").queryAs(javafx.scene.control.TextField.class).setText("192.168.1.1"));
        outline = robot.lookup("#networkNetworkOutline").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(outline.endsWith("the default route goes to 192.168.1.1."), outline);
        robot.interact(() -> javafx.stage.Window.getWindows().stream().filter(w -> w != own).toList()
                .forEach(javafx.stage.Window::hide));
    }
}
