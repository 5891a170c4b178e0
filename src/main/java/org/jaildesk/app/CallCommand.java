package org.jaildesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jaildesk.client.Transport;
import org.jaildesk.protocol.ErrorReply;
import org.jaildesk.protocol.Protocol;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.protocol.Response;
import org.jaildesk.protocol.SysadmCodec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jaildesk call}: one request, the reply envelope as JSON on stdout. Exit 0 for a reply without error, 1 for
 * an error envelope or an action error (message on stderr), 2 for a usage error.
 */
@Command(name = "call", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Send one sysadm iocage request and print the reply envelope as JSON.",
            "Example: jaildesk call --demo startjail jail=web01"})
final class CallCommand implements Callable<Integer> {

    @CommandLine.Mixin
    HostOptionsMixin host = new HostOptionsMixin();

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Give up waiting for the reply after this long (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds = 7200;

    @Parameters(index = "0", paramLabel = "ACTION", description = "The iocage action, e.g. listjails, startjail, getjailsettings.")
    String action;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "Arguments, e.g. jail=web01 prop=vnet.")
    List<String> arguments = List.of();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SysadmCodec codec = new SysadmCodec();
        ObjectNode args = codec.mapper().createObjectNode();
        args.put("action", action);
        for (String kv : arguments) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "'" + kv + "' is not KEY=VALUE");
            }
            args.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        try (Transport transport = host.open(spec.commandLine())) {
            Reply reply = transport.send(new Request(Protocol.SYSADM, Protocol.IOCAGE, "cli-1", args))
                    .get(timeoutSeconds, TimeUnit.SECONDS);
            out.println(codec.toPrettyJson(codec.mapper().readTree(codec.write(reply))));
            out.flush();
            if (reply instanceof ErrorReply e) {
                err.println("error " + e.code() + ": " + e.message());
                return 1;
            }
            JsonNode error = ((Response) reply).args().path(action).path("error");
            if (!error.isMissingNode()) {
                err.println(action + " failed: " + error.asText());
                return 1;
            }
            return 0;
        } catch (HostOptionsMixin.UnusableHostException e) {
            err.println(e.getMessage());
            return 1;
        } catch (TimeoutException e) {
            err.println("no reply within " + timeoutSeconds + " s");
            return 1;
        } catch (ExecutionException | CompletionException e) {
            err.println(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
