package org.jaildesk.ui.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.Transport;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.protocol.Response;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions let go (a removed host, this machine reopened) ask their host nothing more. */
class HostsViewModelTest {

    @TempDir
    Path dir;

    /** Every request any opened client sends, answered with an empty listing. */
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final List<String> released = new CopyOnWriteArrayList<>();
    private final List<String> dropped = new CopyOnWriteArrayList<>();
    /** The event listeners of each connection opened, in order, by host id. */
    private final java.util.Map<String, List<List<Consumer<org.jaildesk.protocol.Event>>>> listeners =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final HostConnector connector = new HostConnector() {
        @Override
        public IocageClient open(HostEntry host, Prompts prompts, Consumer<ConnectionState> state) {
            List<Consumer<org.jaildesk.protocol.Event>> heard = new CopyOnWriteArrayList<>();
            listeners.computeIfAbsent(host.id(), id -> new CopyOnWriteArrayList<>()).add(heard);
            return new IocageClient(new Transport() {
                @Override
                public AutoCloseable onEvent(Consumer<org.jaildesk.protocol.Event> listener) {
                    heard.add(listener);
                    return () -> heard.remove(listener);
                }

                @Override
                public CompletableFuture<Reply> send(Request request) {
                    asked.add(host.id() + " " + request.action());
                    return CompletableFuture.completedFuture(Response.to(request,
                            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().set(request.action(),
                                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode())));
                }
            });
        }

        @Override
        public void acceptCertificate(HostEntry host, String fingerprint) {
        }

        @Override
        public void close(HostEntry host) {
            released.add("closed " + host.id());
        }

        @Override
        public void release(HostEntry host) {
            released.add("released " + host.id());
        }

        /** admin's key is kept, revoked where the address is nas2; ops has none. */
        @Override
        public KeyGone keyOnLeaving(HostEntry host) {
            return !host.user().equals("admin") ? KeyGone.NONE
                    : host.url().contains("nas2") ? KeyGone.REVOKED : KeyGone.FROM_KEYRING;
        }

        /** admin's key is kept and revoked where the address is nas2, ops has none. */
        @Override
        public CompletableFuture<KeyGone> leave(HostEntry host, boolean dropKey) {
            close(host);
            if (!dropKey) {
                return CompletableFuture.completedFuture(KeyGone.NONE);
            }
            dropped.add(host.user() + "@" + host.url());
            return CompletableFuture.completedFuture(!host.user().equals("admin") ? KeyGone.NONE
                    : host.url().contains("nas2") ? KeyGone.REVOKED : KeyGone.FROM_KEYRING);
        }
    };

    private final Notifier notifier = new Notifier(new Messages(Locale.ENGLISH));

    private HostsViewModel hosts(HostEntry... builtIn) {
        Messages msg = new Messages(Locale.ENGLISH);
        return new HostsViewModel(List.of(builtIn), new HostStore(dir.resolve("hosts.json")), connector, (h, k, e) -> null,
                Runnable::run, msg, notifier);
    }

    /**
     * A host that leaves the list takes the login key this desktop keeps for it out of the keyring (and says whether it
     * was revoked on the host too); an edit keeps the key only while it fits: the same address and user.
     */
    @Test
    void aHostLeavingTheListTakesItsLoginKeyAlongUnlessAnEditKeepsAddressAndUser() {
        HostEntry demo = new HostEntry("demo", "Demo", HostEntry.Kind.DEMO, "", "admin");
        HostsViewModel hosts = hosts(demo);
        HostEntry nas = hosts.addRemote("nas", "wss://nas:12150", "admin");
        // What the Remove question says beforehand is the connector's word; a host that is not remote keeps no key.
        assertEquals(HostConnector.KeyGone.FROM_KEYRING, hosts.keyOnLeaving(nas));
        assertEquals(HostConnector.KeyGone.NONE, hosts.keyOnLeaving(demo));
        HostEntry renamed = hosts.edit(nas, "storage", "wss://nas:12150", "admin");
        assertEquals(List.of("closed remote:wss://nas:12150"), released);
        assertEquals(List.of(), dropped, "a new name: the key still fits");
        assertTrue(notifier.notices().isEmpty());
        HostEntry otherUser = hosts.edit(renamed, "storage", "wss://nas:12150", "ops");
        assertEquals(List.of("admin@wss://nas:12150"), dropped, "another user");
        assertEquals(1, notifier.notices().size());
        assertTrue(notifier.notices().get(0).message().startsWith("The login key of admin on storage is gone from this desktop's"
                + " keyring, but it could not be revoked on storage from here: revoke it there (jaildesk user keys admin --revoke KEY,"),
                notifier.notices().get(0).message());
        HostEntry moved = hosts.edit(otherUser, "storage", "wss://nas2:12150", "ops");
        assertEquals(List.of("admin@wss://nas:12150", "ops@wss://nas:12150"), dropped, "another address");
        assertEquals(1, notifier.notices().size(), "no notice where there was no key");
        hosts.remove(moved);
        assertEquals(List.of("admin@wss://nas:12150", "ops@wss://nas:12150", "ops@wss://nas2:12150"), dropped);
        assertEquals(List.of(), hosts.hosts().stream().filter(h -> h.kind() == HostEntry.Kind.REMOTE).toList());
        // A key revoked on the host as it left: said so.
        hosts.remove(hosts.addRemote("backup", "wss://nas2:12150", "admin"));
        assertEquals(2, notifier.notices().size());
        assertEquals("The login key of admin on backup is revoked there and gone from this desktop's keyring.",
                notifier.notices().get(1).message());
    }

    @Test
    void aRemovedHostsTableListsNoMore() throws Exception {
        HostsViewModel hosts = hosts();
        HostEntry nas = hosts.addRemote("nas", "wss://nas:12150", "admin");
        HostSession session = hosts.session(nas);
        session.jails().refresh().get(10, TimeUnit.SECONDS);
        assertEquals(List.of("remote:wss://nas:12150 listjails"), asked);

        hosts.remove(nas);
        assertEquals(List.of("closed remote:wss://nas:12150"), released);
        session.jails().refresh().get(10, TimeUnit.SECONDS); // a job's follow-up listing, say
        assertEquals(1, asked.size(), "the removed host was asked again: " + asked);
        assertFalse(hosts.hosts().contains(nas));
    }

    @Test
    void aReopenedHostGetsANewSessionAndTheOldOneListsNoMore() throws Exception {
        HostEntry local = new HostEntry("local", "This machine", HostEntry.Kind.LOCAL, "", "");
        HostsViewModel hosts = hosts(local);
        HostSession old = hosts.session(local);
        old.jails().refresh().get(10, TimeUnit.SECONDS);

        hosts.reopen(local);
        assertEquals(List.of("released local"), released, "let go, not closed: running work finishes");
        old.jails().refresh().get(10, TimeUnit.SECONDS);
        assertEquals(1, asked.size(), asked.toString());
        HostSession fresh = hosts.session(local);
        assertNotSame(old, fresh);
        fresh.jails().refresh().get(10, TimeUnit.SECONDS);
        assertEquals(2, asked.size());
        assertTrue(hosts.hosts().contains(local));
    }

    /** The host's connection number {@code connection} (0 the first) says that a jail changed. */
    private void jailChanged(HostEntry host, int connection) {
        listeners.get(host.id()).get(connection).forEach(l -> l.accept(org.jaildesk.protocol.Event.change(
                org.jaildesk.protocol.Protocol.JAIL_CHANGED_EVENT, "startjail", "web01")));
    }

    private long listings(HostEntry host) {
        return asked.stream().filter(a -> a.equals(host.id() + " listjails")).count();
    }

    /**
     * A host's table lists again when its host says a jail changed, whether or not a view shows it (All hosts opens
     * hosts that have none); not before it was opened (a session only for its connection state); after a reopen, the
     * old connection's event lists the new session's table.
     */
    @Test
    void aHostsTableFollowsItsHostsChangeEventsOnceOpened() {
        HostEntry local = new HostEntry("local", "This machine", HostEntry.Kind.LOCAL, "", "");
        HostsViewModel hosts = hosts(local);
        HostEntry nas = hosts.addRemote("nas", "wss://nas:12150", "admin");
        hosts.session(nas);
        jailChanged(nas, 0);
        assertEquals(0, listings(nas), "not opened yet: nothing asked of it");
        hosts.refresh(nas, (h, u) -> false);
        assertEquals(1, listings(nas));
        jailChanged(nas, 0);
        assertEquals(2, listings(nas), "a change: listed again");

        hosts.refresh(local, (h, u) -> false);
        hosts.reopen(local);
        hosts.refresh(local, (h, u) -> false);
        assertEquals(2, listings(local));
        jailChanged(local, 0);
        assertEquals(3, listings(local), "a job finishing on the old connection: the new table lists");
        assertEquals(2, listings(nas));
    }

    /**
     * A host as typed is checked before it is saved: a pasted megabyte would be the host list's label, the window's title
     * and a line of hosts.json. Each problem says what to do; nothing is saved.
     */
    @Test
    void aRemoteHostIsCheckedBeforeItIsSaved() throws Exception {
        HostsViewModel hosts = hosts();
        String huge = "x".repeat(10 * 1024 * 1024);
        assertEquals(java.util.Optional.empty(), hosts.problem("nas", "wss://nas.example.org:12150", "admin"));
        assertEquals(java.util.Optional.of("Enter a name for the host."), hosts.problem("  ", "wss://nas", "admin"));
        assertEquals(java.util.Optional.of("A host name has at most 64 characters."), hosts.problem(huge, "wss://nas", "admin"));
        assertEquals(java.util.Optional.of("A URL has at most 300 characters here."), hosts.problem("nas", "wss://" + huge, "admin"));
        assertTrue(hosts.problem("nas", "https://nas", "admin").orElseThrow().startsWith("The URL starts with wss://"));
        assertTrue(hosts.problem("nas", "wss://a b", "admin").orElseThrow().startsWith("The URL starts with wss://"));
        // A port no socket can have is refused here, not as "port out of range" at the first connection.
        assertEquals(java.util.Optional.of("The port after the host name is a number from 1 to 65535, e.g. wss://nas.example.org:12150"),
                hosts.problem("nas", "wss://nas:99999", "admin"));
        assertTrue(hosts.problem("nas", "wss://nas:0", "admin").orElseThrow().startsWith("The port after the host name"));
        assertEquals(java.util.Optional.empty(), hosts.problem("nas", "wss://nas:65535", "admin"));
        assertEquals(java.util.Optional.of("Enter the user name."), hosts.problem("nas", "wss://nas", ""));
        for (String user : List.of(huge, "a".repeat(33), "ad min", "admin\u001b[31m")) {
            assertEquals(java.util.Optional.of("A user name has at most 32 characters and no spaces."),
                    hosts.problem("nas", "wss://nas", user), user.length() + " characters");
        }
        assertEquals(java.util.Optional.empty(), hosts.problem("n".repeat(64), "wss://nas", "a".repeat(32)));
        assertEquals(java.util.Optional.of("Ein Hostname hat h\u00f6chstens 64 Zeichen."),
                new HostsViewModel(List.of(), new HostStore(dir.resolve("de.json")), connector, (h, k, e) -> null, Runnable::run,
                        new Messages(Locale.GERMAN), new Notifier(new Messages(Locale.GERMAN))).problem(huge, "wss://nas", "admin"));

        hosts.addRemote("nas", "wss://nas:12150", "admin");
        String saved = java.nio.file.Files.readString(dir.resolve("hosts.json"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> hosts.addRemote(huge, "wss://other:12150", "admin"));
        assertEquals(saved, java.nio.file.Files.readString(dir.resolve("hosts.json")), "nothing saved");
        assertEquals(1, hosts.hosts().size());
    }

    /**
     * A certificate accepted where known-hosts.properties cannot be written: the host is trusted and listed for this
     * run, and the user told that it will be asked again (the failure was lost in a future nobody looked at).
     */
    @Test
    void aCertificateThatCannotBeSavedIsTrustedForNowAndTheUserTold() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean trusted = new java.util.concurrent.atomic.AtomicBoolean();
        HostConnector refusing = new HostConnector() {
            @Override
            public IocageClient open(HostEntry host, Prompts prompts, Consumer<ConnectionState> state) {
                return new IocageClient(request -> {
                    asked.add(request.action());
                    if (!trusted.get()) {
                        return CompletableFuture.failedFuture(new org.jaildesk.client.IocageClientException(
                                org.jaildesk.client.IocageClientException.Kind.TRANSPORT, "untrusted",
                                new org.jaildesk.client.UntrustedCertificateException("nas:12150", "AB:CD", false)));
                    }
                    return CompletableFuture.completedFuture(Response.to(request,
                            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().set(request.action(),
                                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode())));
                });
            }

            @Override
            public void acceptCertificate(HostEntry host, String fingerprint) {
                trusted.set(true); // in memory, as KnownHosts does before it writes
                throw new java.io.UncheckedIOException("cannot write known-hosts.properties",
                        new java.io.IOException("/home/a/.config/jaildesk exists and is not a folder"));
            }

            @Override
            public void close(HostEntry host) {
            }

            @Override
            public void release(HostEntry host) {
            }
        };
        Messages msg = new Messages(Locale.ENGLISH);
        Notifier notifier = new Notifier(msg);
        HostsViewModel hosts = new HostsViewModel(List.of(), new HostStore(dir.resolve("hosts.json")), refusing, (h, k, e) -> null,
                Runnable::run, msg, notifier);
        HostEntry nas = hosts.addRemote("nas", "wss://nas:12150", "admin");
        hosts.selected().set(nas);

        hosts.refreshCurrent((host, refusal) -> true);
        org.testfx.util.WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> asked.size() == 2);
        assertEquals(List.of("listjails", "listjails"), asked, "asked again once accepted");
        assertTrue(notifier.notices().stream().anyMatch(n -> n.message().equals("The accepted certificate could not be saved "
                + "(/home/a/.config/jaildesk exists and is not a folder): JailDesk trusts it until it is closed and will then ask again.")),
                notifier.notices().toString());
    }
}
