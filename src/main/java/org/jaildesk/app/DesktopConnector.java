package org.jaildesk.app;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.jaildesk.client.InProcessTransport;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.JobTransport;
import org.jaildesk.client.KeyLogins;
import org.jaildesk.client.KnownHosts;
import org.jaildesk.client.LoggingTransport;
import org.jaildesk.client.ProtocolLog;
import org.jaildesk.client.Transport;
import org.jaildesk.client.WebSocketOptions;
import org.jaildesk.client.WebSocketTransport;
import org.jaildesk.host.ExecutedCommand;
import org.jaildesk.host.HostOptions;
import org.jaildesk.host.IocageHost;
import org.jaildesk.host.ProcessRunner;
import org.jaildesk.sim.SimulatedIocage;
import org.jaildesk.ui.connect.ConnectionState;
import org.jaildesk.ui.connect.HostConnector;
import org.jaildesk.ui.connect.HostEntry;
import org.jaildesk.ui.jobs.JobsViewModel;

/** The desktop's transports: the demo host and the local iocage in process, remote hosts over WebSocket. */
final class DesktopConnector implements HostConnector {

    private final SimulatedIocage.Config demo;
    private final Path iocage;
    private final KnownHosts knownHosts;
    private final Map<String, AutoCloseable> open = new ConcurrentHashMap<>();
    /**
     * In-process hosts closed, or retired with their commands left to end, and not yet seen ended: quitting stops and
     * waits for them, so that no iocage this desktop started outlives it.
     */
    private final Set<IocageHost> ending = ConcurrentHashMap.newKeySet();
    private final ProtocolLog log;
    private final JobsViewModel jobs;
    /** How this machine's iocage is run: directly, or through doas or sudo (read at each opening). */
    private final Supplier<ProcessRunner.Privilege> privilege;
    /** Where remote hosts' login keys are kept, or null: no keyring on this desktop, and no key login. */
    private final SecretToolKeyring keyring;
    /** The hosts (by id) this desktop keeps a login key for: only those are looked up in the keyring. */
    private final Set<String> keyed;
    /** Told when a host comes to have a key here or no longer has one (to keep that with the host's layout). */
    private final java.util.function.BiConsumer<String, Boolean> keyedChanged;

    /**
     * @param keyed        the hosts (by id) this desktop keeps a login key for, as last kept
     * @param keyedChanged told, on the transport's thread, when a host comes to have one or loses it
     */
    DesktopConnector(SimulatedIocage.Config demo, Path iocage, KnownHosts knownHosts, ProtocolLog log,
                     JobsViewModel jobs, Supplier<ProcessRunner.Privilege> privilege, SecretToolKeyring keyring,
                     Set<String> keyed, java.util.function.BiConsumer<String, Boolean> keyedChanged) {
        this.privilege = privilege;
        this.keyring = keyring;
        this.keyed = ConcurrentHashMap.newKeySet();
        this.keyed.addAll(keyed);
        this.keyedChanged = keyedChanged;
        this.demo = demo;
        this.iocage = iocage;
        this.knownHosts = knownHosts;
        this.log = log;
        this.jobs = jobs;
    }

    /** Local hosts show the exact iocage argv they ran in the protocol log. */
    private IocageHost logged(IocageHost h, String name, Function<ExecutedCommand, List<String>> argv) {
        h.onCommand(c -> log.command(name, argv.apply(c), c.exitCode(), c.elapsed().toMillis()));
        return h;
    }

    @Override
    public IocageClient open(HostEntry host, Prompts prompts, Consumer<ConnectionState> state) {
        Transport t;
        switch (host.kind()) {
            case DEMO -> {
                IocageHost h = logged(new IocageHost(new SimulatedIocage(demo), HostOptions.defaults()), host.name(),
                        ExecutedCommand::commandLine);
                open.put(host.id(), h);
                t = new InProcessTransport(h);
                state.accept(ConnectionState.CONNECTED);
            }
            case LOCAL -> {
                ProcessRunner runner = new ProcessRunner(iocage, privilege.get());
                IocageHost h = logged(new IocageHost(runner, HostOptions.defaults()), host.name(),
                        c -> c.tool() == null ? runner.argv(c.args()) : runner.toolArgv(c.tool(), c.args()));
                open.put(host.id(), h);
                t = new InProcessTransport(h);
                state.accept(ConnectionState.CONNECTED);
            }
            default -> {
                String hostPort = hostPortOf(host);
                KeyChoice keys = keyring == null ? null : new KeyChoice(hostPort, host, prompts);
                WebSocketTransport[] self = new WebSocketTransport[1];
                CompletableFuture<Boolean> keyringThere = keys == null ? CompletableFuture.completedFuture(false)
                        : keyring.answers();
                WebSocketTransport ws = new WebSocketTransport(new WebSocketOptions(URI.create(host.url()), host.user(),
                        () -> {
                            if (open.get(host.id()) != self[0]) {
                                return null; // the host left the list (its key being revoked): nobody to ask for
                            }
                            // Asked on the connection's thread, never the window's; the answer is usually in by now.
                            HostConnector.Password p = prompts.password(host, keys != null && answered(keyringThere),
                                    self[0].askingAfterEndedSession());
                            if (p == null) {
                                return null;
                            }
                            if (keys != null) {
                                keys.wanted = p.makeKey();
                            }
                            return p.secret();
                        }, knownHosts, Duration.ofMinutes(30), Duration.ofSeconds(15), true,
                        keys == null ? KeyLogins.NONE : keys, again -> prompts.oneTimeCode(host, again)));
                self[0] = ws;
                ws.onState(s -> state.accept(switch (s) {
                    case CONNECTED -> ConnectionState.CONNECTED;
                    case CONNECTING -> ConnectionState.CONNECTING;
                    case FAILED -> ConnectionState.FAILED;
                    default -> ConnectionState.NOT_CONNECTED;
                }));
                open.put(host.id(), ws);
                t = ws;
            }
        }
        IocageClient client = new IocageClient(new JobTransport(new LoggingTransport(t, log, host.name()),
                jobs.sinkFor(host.id(), host.name())));
        if (t instanceof WebSocketTransport ws) {
            // Jobs this host still ran when the window last closed: their end from its audit log, once connected.
            ws.onState(s -> {
                if (s == WebSocketTransport.State.CONNECTED) {
                    jobs.settleLeft(host.id(), host.name(), before -> auditPage(client, before));
                }
            });
        }
        return client;
    }

    /** A page of the host's audit log; none (an empty last page) where the host keeps no log it answers for. */
    private static CompletableFuture<org.jaildesk.domain.AuditPage> auditPage(IocageClient client, String before) {
        return client.extensions().thenCompose(ext -> ext.contains(org.jaildesk.protocol.Protocol.LIST_AUDIT)
                ? client.listAuditPage(before)
                : CompletableFuture.completedFuture(new org.jaildesk.domain.AuditPage(List.of(), "", false)));
    }

    /** Whether the keyring answered that it is there, waiting a little for the answer if it has not come yet. */
    private static boolean answered(CompletableFuture<Boolean> keyring) {
        try {
            return keyring.get(KEYRING_ANSWER.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    /** How long the password waits for the keyring's first answer (a keyring started on demand takes a moment). */
    private static final Duration KEYRING_ANSWER = Duration.ofSeconds(10);

    /** A remote host's login key in the desktop's keyring, for its user; made when the user chose it at the password. */
    private final class KeyChoice implements KeyLogins {
        private final String hostPort;
        private final HostEntry host;
        private final Prompts prompts;
        volatile boolean wanted;

        KeyChoice(String hostPort, HostEntry host, Prompts prompts) {
            this.hostPort = hostPort;
            this.host = host;
            this.prompts = prompts;
        }

        @Override
        public Optional<PrivateKey> find() {
            return keyed.contains(host.id()) ? keyring.find(hostPort, host.user()) : Optional.empty();
        }

        @Override
        public boolean wanted() {
            return wanted;
        }

        @Override
        public void keep(PrivateKey key) throws IOException {
            keyring.keep(hostPort, host.user(), key);
            mark(host, true);
        }

        @Override
        public void forget() {
            forgetLoginKey(host);
        }

        @Override
        public void made(String problem) {
            wanted = false;
            prompts.keyMade(host, problem);
        }
    }

    /** Whether this desktop keeps a login key for {@code host} (a remote host marked so, with a keyring to hold it). */
    private boolean keyed(HostEntry host) {
        return keyring != null && host.kind() == HostEntry.Kind.REMOTE && keyed.contains(host.id());
    }

    private static String hostPortOf(HostEntry host) {
        return WebSocketTransport.hostPort(URI.create(host.url()));
    }

    @Override
    public Optional<String> loginKey(HostEntry host) {
        return keyed(host) ? keyring.find(hostPortOf(host), host.user()).flatMap(DesktopConnector::publicOf) : Optional.empty();
    }

    @Override
    public void forgetLoginKey(HostEntry host) {
        if (keyed(host)) {
            keyring.forget(hostPortOf(host), host.user());
            mark(host, false);
        }
    }

    @Override
    public CompletableFuture<KeyGone> leave(HostEntry host, boolean dropKey) {
        // Out of the open hosts at once: a host added again meanwhile gets a connection of its own, and this one asks
        // no password any more (see open).
        AutoCloseable connection = open.remove(host.id());
        if (!dropKey || !keyed(host)) {
            closeQuietly(connection);
            return CompletableFuture.completedFuture(KeyGone.NONE);
        }
        mark(host, false);
        String hostPort = hostPortOf(host);
        String user = host.user();
        return CompletableFuture.supplyAsync(() -> {
            try {
                boolean revoked = loggedIn(connection) && connection instanceof WebSocketTransport ws
                        && keyring.find(hostPort, user).flatMap(DesktopConnector::publicOf)
                                .map(pub -> revoke(ws, host, pub)).orElse(false);
                keyring.forget(hostPort, user);
                return revoked ? KeyGone.REVOKED : KeyGone.FROM_KEYRING;
            } finally {
                closeQuietly(connection);
            }
        }, KEYRING_WORK);
    }

    @Override
    public KeyGone keyOnLeaving(HostEntry host) {
        return !keyed(host) ? KeyGone.NONE : loggedIn(open.get(host.id())) ? KeyGone.REVOKED : KeyGone.FROM_KEYRING;
    }

    /** Whether {@code connection} is a remote host's, logged in now (a key can be revoked over it). */
    private static boolean loggedIn(AutoCloseable connection) {
        return connection instanceof WebSocketTransport ws && ws.state() == WebSocketTransport.State.CONNECTED;
    }

    /** Revokes {@code pubKey} over {@code ws} (in the protocol log as the host's), waiting a little: whether it went. */
    private boolean revoke(WebSocketTransport ws, HostEntry host, String pubKey) {
        try {
            new IocageClient(new LoggingTransport(ws, log, host.name())).revokeLoginKey(pubKey)
                    .get(REVOKE_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            Logger.getLogger(DesktopConnector.class.getName()).info(() -> "the login key of " + host.user() + " on "
                    + hostPortOf(host) + " was not revoked there: " + e.getCause());
            return false;
        }
    }

    /** How long a host that leaves the list is given to revoke its key. */
    private static final Duration REVOKE_WAIT = Duration.ofSeconds(10);

    /** Where the keyring is asked for a host that left the list: it may wait to be unlocked. */
    private static final java.util.concurrent.Executor KEYRING_WORK = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "keyring");
        t.setDaemon(true);
        return t;
    });

    private void mark(HostEntry host, boolean has) {
        if (has ? keyed.add(host.id()) : keyed.remove(host.id())) {
            keyedChanged.accept(host.id(), has);
        }
    }

    /** The public half of an RSA private key as it is kept (with its public exponent), as a {@code pub_key}. */
    private static Optional<String> publicOf(PrivateKey key) {
        if (!(key instanceof java.security.interfaces.RSAPrivateCrtKey k)) {
            return Optional.empty();
        }
        try {
            return Optional.of(org.jaildesk.protocol.KeyLogin.pubKey(java.security.KeyFactory.getInstance("RSA")
                    .generatePublic(new java.security.spec.RSAPublicKeySpec(k.getModulus(), k.getPublicExponent()))));
        } catch (java.security.GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    @Override
    public void acceptCertificate(HostEntry host, String fingerprint) {
        knownHosts.accept(hostPortOf(host), fingerprint);
    }

    @Override
    public void release(HostEntry host) {
        if (open.get(host.id()) instanceof IocageHost h) {
            open.remove(host.id(), h);
            h.retire();
            ending(h);
        } else {
            close(host);
        }
    }

    @Override
    public void close(HostEntry host) {
        AutoCloseable c = open.remove(host.id());
        closeQuietly(c);
        if (c instanceof IocageHost h) {
            ending(h);
        }
    }

    /** Keeps {@code h} until its commands have ended, forgetting those that have (a demo host holds all its jails). */
    private void ending(IocageHost h) {
        ending.removeIf(IocageHost::ended);
        if (!h.ended()) {
            ending.add(h);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                Logger.getLogger(DesktopConnector.class.getName()).fine("close: " + e);
            }
        }
    }

    void closeAll() {
        open.keySet().forEach(id -> close(new HostEntry(id, id, HostEntry.Kind.DEMO, "", "")));
    }

    /**
     * For a desktop that quits: closes every host, and stops the commands of those retired earlier too (the window has
     * told their jobs that it stopped them), then waits up to {@code grace} until each iocage they ran has been killed
     * or has ended, so that none outlives the process.
     *
     * @return how many hosts still had a command running when the grace ran out
     */
    int closeAllAndWait(Duration grace) throws InterruptedException {
        closeAll();
        long until = System.nanoTime() + grace.toNanos();
        int left = 0;
        for (IocageHost h : ending) {
            h.close();
            if (h.awaitClosed(Duration.ofNanos(Math.max(0, until - System.nanoTime())))) {
                ending.remove(h);
            } else {
                left++;
            }
        }
        return left;
    }
}
