package org.jaildesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jaildesk.client.InProcessTransport;
import org.jaildesk.client.IocageClientException;
import org.jaildesk.client.KeyLogins;
import org.jaildesk.client.KnownHosts;
import org.jaildesk.client.Transport;
import org.jaildesk.client.Trouble;
import org.jaildesk.client.UntrustedCertificateException;
import org.jaildesk.client.WebSocketOptions;
import org.jaildesk.client.WebSocketTransport;
import org.jaildesk.host.IocageHost;
import org.jaildesk.protocol.ErrorReply;
import org.jaildesk.protocol.Protocol;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.protocol.Response;
import org.jaildesk.protocol.SysadmCodec;
import org.jaildesk.server.UserStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jaildesk call}: one request, the reply envelope as JSON on stdout. Exit 0 for a reply without error, 1 for
 * an error envelope, an action error or an unreachable host (message on stderr), 2 for a usage error.
 */
@Command(name = "call", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Send one sysadm iocage request and print the reply envelope as JSON.",
            "Examples:",
            "  jaildesk call --demo startjail jail=web01",
            "  jaildesk call --url wss://host:12150 --user admin \\",
            "      --password-file pw.txt listjails",
            "  jaildesk call --url wss://host:12150 --user admin \\",
            "      --password-file pw.txt --otp 123456 listjails"})
final class CallCommand implements Callable<Integer> {

    @Option(names = "--local", description = "Run iocage on this machine (the default).")
    boolean local;

    @CommandLine.Mixin
    HostOptionsMixin host = new HostOptionsMixin();

    @Option(names = "--url", paramLabel = "URL", description = "A sysadm server, e.g. wss://host:12150 (ours or the original).")
    URI url;

    @Option(names = "--user", paramLabel = "NAME", description = "Login name for --url.")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File whose first line is the password for --url (keep it chmod 600).")
    Path passwordFile;

    @Option(names = "--key-file", paramLabel = "FILE", description = "An RSA private key in PEM (chmod 600) to log in"
            + " with instead of a password, its public half registered on the host ('jaildesk user keys NAME --add');"
            + " with --password-file too, the password when the key is refused.")
    Path keyFile;

    @Option(names = "--otp", paramLabel = "CODE", description = "The one-time code (six digits of the authenticator app)"
            + " for a user given one-time codes; asked at a terminal when not given.")
    String otp;

    @Option(names = "--accept-fingerprint", paramLabel = "SHA256",
            description = "Accept the server certificate with this SHA-256 fingerprint (as 'jaildesk serve' printed it) and remember it.")
    String acceptFingerprint;

    @Option(names = {"-q", "--quiet"}, description = "Print no progress of a long action (fetch, create, clean, update,"
            + " upgrade, export, import) on standard error; its reply is the same.")
    boolean quiet;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Give up waiting for the reply after this long "
            + "(default: ${DEFAULT-VALUE}: a host lets create, clone, fetch and clean run for 2 hours).")
    int timeoutSeconds = (int) Protocol.LONG_ACTION_LIMIT.plus(WebSocketTransport.LONG_REPLY_MARGIN).toSeconds();

    @Parameters(index = "0", paramLabel = "ACTION", description = "The iocage action, e.g. listjails, startjail, getjailsettings.")
    String action;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "Arguments, e.g. jail=web01 prop=vnet.")
    List<String> arguments = List.of();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SysadmCodec codec = new SysadmCodec();
        ObjectNode args = codec.mapper().createObjectNode();
        args.put("action", action);
        for (String kv : arguments) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "'" + kv + "' is not KEY=VALUE");
            }
            args.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        host.check(spec.commandLine());
        if (timeoutSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout takes at least 1 second, not " + timeoutSeconds);
        }
        int targets = (local ? 1 : 0) + (host.demo ? 1 : 0) + (url != null ? 1 : 0);
        if (targets > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "choose one of --local, --demo and --url");
        }
        if (url != null && !WebSocketOptions.isServerUrl(url)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--url takes wss://HOST:PORT (or ws:// on this"
                    + " machine), e.g. wss://nas.example.org:12150, not " + org.jaildesk.domain.Shown.of(url.toString(), 200));
        }
        if (acceptFingerprint != null && fingerprint(acceptFingerprint) == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--accept-fingerprint takes the certificate's"
                    + " SHA-256 fingerprint as 'jaildesk serve' printed it (32 pairs of hex digits, AB:CD:…), not "
                    + org.jaildesk.domain.Shown.of(acceptFingerprint, 200));
        }
        if (url != null && (user == null || passwordFile == null && keyFile == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--url needs --user and --password-file or --key-file");
        }
        if (url == null && keyFile != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--key-file is for --url");
        }
        if (otp != null && (url == null || !otp.strip().matches("[0-9]{6}"))) {
            throw new CommandLine.ParameterException(spec.commandLine(), url == null ? "--otp is for --url"
                    : "--otp takes the six digits of the authenticator app");
        }
        // This machine's or the demo host, in process (closed after its transport), or a server's.
        try (IocageHost local = url != null ? null : host.openHost();
             Transport transport = local != null ? new InProcessTransport(local) : remote()) {
            Reply reply;
            // A long action's lines as the host sends them (a download's percent, a clean's datasets), on standard error:
            // a fetch of minutes is not silent. Only this request's job: a server sends every client every job's lines.
            try (AutoCloseable following = quiet ? () -> { } : transport.onEvent(e -> progress(e, Protocol.jobId(action,
                    Protocol.target(args)), err))) {
                reply = transport.send(new Request(Protocol.SYSADM, Protocol.IOCAGE, "cli-1", args))
                        .get(timeoutSeconds, TimeUnit.SECONDS);
            }
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
        } catch (HostOptionsMixin.UnusableHostException | IOException e) {
            err.println(e.getMessage());
            return 1;
        } catch (TimeoutException e) {
            err.println("no reply within " + timeoutSeconds + " s");
            return 1;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IocageClientException refused && refused.trouble() == Trouble.LOGIN_REFUSED) {
                // The window's wording ends in what its Refresh does; here the password is the file's first line.
                String why = refused.troubleArgs().get(1);
                err.println("login to " + refused.troubleArgs().get(0) + " refused: " + why
                        + (why.startsWith(Protocol.CODE_NEEDED) ? "; give it with --otp"
                        : why.startsWith(Protocol.CODE_WRONG) ? "; check --otp (each code is taken once)"
                        : "; check --user and the first line of " + passwordFile));
                return 1;
            }
            if (cause instanceof IocageClientException cancelled && cancelled.trouble() == Trouble.LOGIN_CANCELLED
                    && passwordFile == null && keys != null) {
                // A key alone, and no password to fall back on.
                err.println("login to " + WebSocketTransport.hostPort(url) + " refused: " + (keys.refused
                        ? "the key in " + keyFile + " is not registered there (or was revoked); register its public half"
                                + " on the host with 'jaildesk user keys " + user + " --add PUBFILE'"
                        : keys.forNow != null ? org.jaildesk.domain.Shown.of(keys.forNow, 200)
                        : "the host offers no key login; give --password-file"));
                return 1;
            }
            if (cause instanceof IocageClientException cancelled && cancelled.trouble() == Trouble.LOGIN_CANCELLED) {
                // Only a one-time code is asked here: --otp's did not hold (it is not asked twice), or none was typed.
                err.println("login to " + WebSocketTransport.hostPort(url) + " refused: " + (otp != null
                        ? Protocol.CODE_WRONG + " (it is not the code of now, or it was used already); check --otp"
                        : "no one-time code was given"));
                return 1;
            }
            java.util.Optional<UntrustedCertificateException> untrusted = UntrustedCertificateException.in(cause);
            if (untrusted.isPresent() && acceptFingerprint != null) {
                // The fingerprint given is not the certificate's: what was accepted before stays, nothing new is kept.
                putBackAccepted.run();
                err.println("the certificate of " + WebSocketTransport.hostPort(url) + " has the SHA-256 fingerprint "
                        + untrusted.get().fingerprint() + ", not the one given with --accept-fingerprint; nothing was"
                        + " accepted. Compare it with what 'jaildesk serve' printed on that host");
                return 1;
            }
            err.println(cause.getMessage());
            untrusted.ifPresent(u -> err.println("To accept it: add --accept-fingerprint " + u.fingerprint()));
            if (untrusted.isEmpty() && acceptFingerprint != null && cause instanceof IocageClientException c
                    && (c.trouble() == Trouble.CANNOT_CONNECT || c.trouble() == Trouble.CANNOT_CONNECT_BECAUSE)) {
                // No certificate was seen to compare the fingerprint with: it is not kept unchecked.
                putBackAccepted.run();
                err.println("The fingerprint given with --accept-fingerprint was not kept: the host's certificate was not"
                        + " seen to compare it with");
            }
            return 1;
        }
    }

    /**
     * A progress line of job {@code job} as the host sent it (iocage's own, its percent in it), its control characters
     * written out: a host's line cannot move the terminal's cursor or fake a line of its own.
     */
    static void progress(org.jaildesk.protocol.Event e, String job, PrintWriter err) {
        if (!Protocol.DISPATCHER_EVENT.equals(e.name()) || !job.equals(e.args().path("process_id").asText(""))) {
            return;
        }
        String line = e.args().path("line").asText("");
        if (line.isBlank()) {
            return;
        }
        err.println(org.jaildesk.domain.Shown.of(line, 1000));
    }

    /** The key of {@code --key-file}, once read; null without one. */
    private FileKey keys;

    private Transport remote() throws IOException {
        keys = keyFile == null ? null : new FileKey(KeyFiles.readPrivate(keyFile));
        char[] pw = passwordFile == null ? null : password();
        KnownHosts known = new KnownHosts(AppDirs.config().resolve("known-hosts.properties"));
        if (acceptFingerprint != null) {
            String hostPort = WebSocketTransport.hostPort(url);
            java.util.Optional<String> before = known.fingerprint(hostPort);
            known.accept(hostPort, fingerprint(acceptFingerprint));
            putBackAccepted = () -> before.ifPresentOrElse(fp -> known.accept(hostPort, fp), () -> known.forget(hostPort));
        }
        return new WebSocketTransport(new WebSocketOptions(url, user, () -> pw == null ? null : pw.clone(), known,
                Duration.ofSeconds(timeoutSeconds), Duration.ofSeconds(15), false, keys, codes()));
    }

    /** Puts back what was accepted for the host before {@code --accept-fingerprint} (nothing, or another); none: no-op. */
    private Runnable putBackAccepted = () -> { };

    /**
     * A SHA-256 fingerprint as the server prints it ({@code AB:CD:…}, upper case), from that form or 64 hex digits in
     * either case; null when {@code given} is neither.
     */
    static String fingerprint(String given) {
        String g = given.strip();
        if (!g.matches("(?i)[0-9a-f]{64}|([0-9a-f]{2}:){31}[0-9a-f]{2}")) {
            return null;
        }
        String hex = g.replace(":", "").toUpperCase(java.util.Locale.ROOT);
        StringBuilder b = new StringBuilder(95);
        for (int i = 0; i < 64; i += 2) {
            b.append(i == 0 ? "" : ":").append(hex, i, i + 2);
        }
        return b.toString();
    }

    private char[] password() throws IOException {
        // A password others can read is no secret: refused, as the server refuses such a users file.
        UserStore.checkPrivate(passwordFile);
        char[] pw;
        try (java.io.Reader in = Files.newBufferedReader(passwordFile, StandardCharsets.UTF_8)) {
            pw = UserCommand.firstLine(in, UserStore.MAX_PASSWORD);
        }
        if (pw == null) {
            throw new IOException(String.format(java.util.Locale.ROOT, "the first line of %s is longer than %,d characters",
                    passwordFile, UserStore.MAX_PASSWORD));
        }
        return pw;
    }

    /** The key of a key file, tried before any password; whether the host refused it, or why it did not check it. */
    private static final class FileKey implements KeyLogins {
        private final java.security.PrivateKey key;
        volatile boolean refused;
        /** The host's words where it refused the key login for now without checking the key, else null. */
        volatile String forNow;

        FileKey(java.security.PrivateKey key) {
            this.key = key;
        }

        @Override
        public java.util.Optional<java.security.PrivateKey> find() {
            return refused ? java.util.Optional.empty() : java.util.Optional.of(key);
        }

        @Override
        public boolean wanted() {
            return false;
        }

        @Override
        public void keep(java.security.PrivateKey k) {
            throw new UnsupportedOperationException("a key file is not written");
        }

        /** The host refused the key (unknown, or revoked): the file is left as it is. */
        @Override
        public void forget() {
            refused = true;
        }

        @Override
        public void refusedForNow(String why) {
            forNow = why;
        }
    }

    /**
     * The one-time code: {@code --otp}'s (once: a code that did not hold is not sent again), else asked at the terminal
     * (three times at most, as the host allows); none without either (the host's words then say one is needed).
     */
    private WebSocketOptions.OneTimeCodes codes() {
        if (otp != null) {
            String code = otp.strip();
            return again -> again ? null : code;
        }
        java.io.Console console = System.console();
        if (console == null) {
            return WebSocketOptions.NO_CODES;
        }
        return again -> {
            String typed = console.readLine(again ? "That code did not hold; one-time code for %s at %s: "
                    : "One-time code for %s at %s: ", user, WebSocketTransport.hostPort(url));
            return typed == null || typed.isBlank() ? null : typed.strip();
        };
    }
}
