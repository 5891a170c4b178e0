package org.jaildesk.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SysadmCodecTest {

    private final SysadmCodec codec = new SysadmCodec();

    @Test
    void readsAFullRequest() throws ProtocolException {
        Request r = codec.readRequest("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"x\",\"args\":{\"action\":\"df\"}}");
        assertEquals("sysadm", r.namespace());
        assertEquals("iocage", r.name());
        assertEquals("x", r.id());
        assertEquals("df", r.action());
    }

    @Test
    void aRequestWithoutArgsUsesTheWholeObjectAsTheRealServerDoes() throws ProtocolException {
        Request r = codec.readRequest("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"x\",\"action\":\"listjails\"}");
        assertEquals("listjails", r.action());
    }

    @Test
    void aNumericIdIsRefusedRatherThanGuessed() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> codec.readRequest("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":42,\"args\":{}}"));
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        assertEquals("'id' must be a string, not a number", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not json", "[1,2]", "\"s\"", "{\"name\":\"iocage\"}",
        "{\"namespace\":\"sysadm\",\"name\":\"\"}", "{\"namespace\":7,\"name\":\"iocage\"}", "{\"namespace\":\"sysadm\""})
    void malformedRequestsGetA400WithAMessage(String text) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.readRequest(text));
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        assertTrue(!e.getMessage().isBlank());
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "[".repeat(500) + "]".repeat(500);
        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.readRequest(
                "{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"x\",\"args\":" + deep + "}"));
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
    }

    @Test
    void writesTheErrorEnvelopeWithAStringCode() {
        assertEquals("{\"args\":{\"code\":\"401\",\"message\":\"Unauthorized\"},\"id\":\"a\",\"name\":\"error\",\"namespace\":\"error\"}",
                codec.write(ErrorReply.of("a", ErrorCode.UNAUTHORIZED, "Unauthorized")));
    }

    @Test
    void readsErrorsEventsAndResponses() throws ProtocolException {
        assertInstanceOf(ErrorReply.class, codec.readIncoming(
                "{\"args\":{\"code\":\"400\",\"message\":\"Bad Request\"},\"id\":\"a\",\"name\":\"error\",\"namespace\":\"error\"}"));
        Message ev = codec.readIncoming("{\"args\":{\"state\":\"running\"},\"id\":\"\",\"name\":\"dispatcher\",\"namespace\":\"events\"}");
        assertEquals("dispatcher", assertInstanceOf(Event.class, ev).name());
        Message r = codec.readIncoming("{\"args\":{\"listjails\":{}},\"id\":\"a\",\"name\":\"response\",\"namespace\":\"sysadm\"}");
        assertEquals("a", assertInstanceOf(Response.class, r).id());
    }

    @Test
    void aResponseRoundTrips() throws ProtocolException {
        Request req = Request.iocage("q1", "listjails");
        String text = codec.write(Response.to(req, codec.mapper().createObjectNode().putObject("listjails")));
        assertEquals("{\"args\":{},\"id\":\"q1\",\"name\":\"response\",\"namespace\":\"sysadm\"}", text);
        assertEquals("q1", codec.readIncoming(text).id());
    }

    @Test
    void aReplyToARequestWithoutIdEchoesTheNameAsTheRealServerDoes() {
        Response r = Response.to(new Request("sysadm", "iocage", "", null), null);
        assertEquals("iocage", r.name());
    }
}
