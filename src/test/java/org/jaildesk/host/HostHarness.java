package org.jaildesk.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jaildesk.protocol.ErrorReply;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.protocol.Response;
import org.jaildesk.protocol.SysadmCodec;

/** Sends iocage requests to a host and hands back the parts tests look at. */
public final class HostHarness implements AutoCloseable {

    public static final SysadmCodec CODEC = new SysadmCodec();
    public final IocageHost host;

    public HostHarness(CommandRunner runner) {
        this(runner, HostOptions.defaults().withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(30)));
    }

    public HostHarness(CommandRunner runner, HostOptions options) {
        this.host = new IocageHost(runner, options);
    }

    /** A host that runs the fake through the real ProcessRunner, as on a FreeBSD machine. */
    public static HostHarness over(FakeIocage fake) {
        return new HostHarness(new ProcessRunner(fake.executable(), ProcessRunner.Privilege.NONE));
    }

    /**
     * A host with no iocage that runs {@code exe} as its {@code tool}, through the real ProcessRunner with
     * {@code privilege} for iocage (the host's own programs run without it); {@code dir} holds the missing iocage.
     */
    public static HostHarness overTool(java.nio.file.Path dir, Tool tool, java.nio.file.Path exe, ProcessRunner.Privilege privilege) {
        return new HostHarness(new ProcessRunner(dir.resolve("no-iocage-here"), privilege).withTool(tool, exe));
    }

    public Reply send(JsonNode args) {
        try {
            return host.handle(new Request("sysadm", "iocage", "t1", args)).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Reply send(String action, String... kv) {
        ObjectNode args = CODEC.mapper().createObjectNode();
        args.put("action", action);
        for (int i = 0; i + 1 < kv.length; i += 2) {
            args.put(kv[i], kv[i + 1]);
        }
        return send(args);
    }

    /** The action object of a normal reply; fails if the reply is an error envelope. */
    public JsonNode body(String action, String... kv) {
        Reply r = send(action, kv);
        if (r instanceof ErrorReply e) {
            throw new AssertionError("error envelope " + e.code() + ": " + e.message());
        }
        return ((Response) r).args().get(action);
    }

    /** The error envelope of a reply; fails if the reply is a normal one. */
    public ErrorReply refused(String action, String... kv) {
        Reply r = send(action, kv);
        if (r instanceof ErrorReply e) {
            return e;
        }
        throw new AssertionError("expected an error envelope, got " + CODEC.write(r));
    }

    @Override
    public void close() {
        host.close();
    }
}
