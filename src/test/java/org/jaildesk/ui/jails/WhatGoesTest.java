package org.jaildesk.ui.jails;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.Transport;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailState;
import org.jaildesk.protocol.ErrorCode;
import org.jaildesk.protocol.ErrorReply;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.protocol.Response;
import org.jaildesk.ui.common.Messages;
import org.junit.jupiter.api.Test;

/** What the destroy dialog says goes with a jail: each part the host can say, and nothing where it can say none. */
class WhatGoesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Jail MAIL = new Jail("mail", "mail", null, JailState.DOWN, false, "jail", "14.1-RELEASE", "-", "-", "-");
    private static final String DF = "{\"df\":{\"mail\":{\"ava\":\"16.6G\",\"crt\":\"1.87x\",\"qta\":\"20G\",\"res\":\"none\","
            + "\"tag\":\"mail\",\"use\":\"3.40G\"}}}";

    private static Optional<String> said(String df, Set<String> extensions, String... snapshots) {
        StringBuilder list = new StringBuilder();
        for (String s : snapshots) {
            list.append(list.length() == 0 ? "" : ",").append("{\"name\":").append(JSON.valueToTree(s).toString())
                    .append(",\"created\":\"Thu Nov 26 10:00 2026\",\"rsize\":\"1.2G\",\"used\":\"8K\"}");
        }
        Transport host = new Transport() {
            @Override
            public CompletableFuture<Reply> send(Request r) {
                try {
                    String body = switch (r.action()) {
                        case "df" -> df;
                        case "listsnapshots" -> "{\"listsnapshots\":{\"jail\":\"mail\",\"snapshots\":[" + list + "]}}";
                        default -> null;
                    };
                    return CompletableFuture.completedFuture(body == null ? ErrorReply.of(r.id(), ErrorCode.BAD_REQUEST, "no")
                            : new Response("sysadm", "response", r.id(), JSON.readTree(body)));
                } catch (Exception e) {
                    return CompletableFuture.failedFuture(e);
                }
            }

            @Override
            public CompletableFuture<Set<String>> extensions() {
                return CompletableFuture.completedFuture(extensions);
            }
        };
        return WhatGoes.of(new IocageClient(host), new Messages(Locale.ENGLISH), MAIL).join();
    }

    @Test
    void itsDataAndItsSnapshots() {
        assertEquals(Optional.of("Destroying it also removes 3.40G of data and its 2 snapshots (before-upgrade, clean)."),
                said(DF, Set.of("listsnapshots"), "before-upgrade", "clean"));
        assertEquals(Optional.of("Destroying it also removes 3.40G of data and its snapshot (clean)."),
                said(DF, Set.of("listsnapshots"), "clean"));
        assertEquals(Optional.of("Destroying it also removes 3.40G of data."), said(DF, Set.of("listsnapshots")));
    }

    @Test
    void theFirstFourSnapshotsAreNamedAndANameIsShownAsText() {
        assertEquals(Optional.of("Destroying it also removes 3.40G of data and its 6 snapshots (a, b\\u000ac, d, e, \u2026)."),
                said(DF, Set.of("listsnapshots"), "a", "b\nc", "d", "e", "f", "g"));
    }

    @Test
    void whatTheHostCannotSayIsLeftOut() {
        // The original sysadm server lists no snapshots.
        assertEquals(Optional.of("Destroying it also removes 3.40G of data."), said(DF, Set.of(), "clean"));
        // A df that fails, or that does not list the jail: its snapshots only.
        assertEquals(Optional.of("Destroying it also removes its snapshot (clean)."), said(null, Set.of("listsnapshots"), "clean"));
        assertEquals(Optional.of("Destroying it also removes its snapshot (clean)."),
                said("{\"df\":{}}", Set.of("listsnapshots"), "clean"));
        assertEquals(Optional.empty(), said(null, Set.of()));
    }
}
