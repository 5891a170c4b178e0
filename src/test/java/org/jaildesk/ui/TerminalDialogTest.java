package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The SSH command suggested for a remote host's consoles names the host of its address. */
class TerminalDialogTest {

    @Test
    void theSuggestionNamesTheHostOfTheServersAddress() {
        assertEquals("nas.lan", TerminalDialog.hostOf("wss://nas.lan:12150"));
        assertEquals("192.0.2.7", TerminalDialog.hostOf("wss://192.0.2.7"));
        assertEquals("2001:db8::5", TerminalDialog.hostOf("wss://[2001:db8::5]:12150"));
        assertEquals("host", TerminalDialog.hostOf("not a url"));
        assertEquals("host", TerminalDialog.hostOf(""));
    }
}
