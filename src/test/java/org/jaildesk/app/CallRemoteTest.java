package org.jaildesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jaildesk.host.HostOptions;
import org.jaildesk.host.IocageHost;
import org.jaildesk.server.ServerConfig;
import org.jaildesk.server.ServerTls;
import org.jaildesk.server.SysadmServer;
import org.jaildesk.server.UserStore;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jaildesk call --url}: against a real server on loopback, with its certificate and login. */
class CallRemoteTest extends CommandLineTest {

    private static final String CONFIG = "jaildesk.config.dir";

    @TempDir
    Path dir;
    private IocageHost host;
    private SysadmServer server;
    private ServerTls tls;
    private UserStore users;
    private String configBefore;

    @BeforeEach
    void start() throws Exception {
        // Accepted fingerprints go to the config folder: this test's own, not the user's.
        configBefore = System.getProperty(CONFIG);
        System.setProperty(CONFIG, dir.resolve("config").toString());
        users = UserStore.load(dir.resolve("state/users"));
        users.put("admin", "a long passphrase".toCharArray());
        host = new IocageHost(new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON)),
                HostOptions.defaults());
        tls = ServerTls.loadOrCreate(dir.resolve("state"), "nas");
        server = new SysadmServer(host, ServerConfig.defaults(InetAddress.getLoopbackAddress(), dir.resolve("state"), "nas")
                .withPorts(0, 0), users, tls, "test").start();
    }

    @AfterEach
    void stop() {
        server.close();
        host.close();
        if (configBefore == null) {
            System.clearProperty(CONFIG);
        } else {
            System.setProperty(CONFIG, configBefore);
        }
    }

    private Path passwordFile(String name, String password) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, password + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    private int call(Path password) {
        return run("call", "--url", "wss://127.0.0.1:" + server.wsPort(), "--user", "admin", "--password-file",
                password.toString(), "--accept-fingerprint", tls.fingerprint(), "listjails");
    }

    /** A wrong password says what to check on the command line, not what the window's Refresh would do. */
    @Test
    void aRefusedLoginNamesWhatToCheckAndTheRightOneLists() throws Exception {
        Path wrong = passwordFile("wrong", "not the passphrase");
        assertEquals(1, call(wrong));
        assertEquals("login to 127.0.0.1:" + server.wsPort() + " refused: wrong user name or password; check --user and"
                + " the first line of " + wrong, err.toString().strip());
        assertFalse(err.toString().contains("Refresh"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(0, call(passwordFile("right", "a long passphrase")), err.toString());
        assertTrue(out.toString().contains("\"mail\""), out.toString());
    }

    private int call(Path password, String... more) {
        java.util.List<String> argv = new java.util.ArrayList<>(java.util.List.of("call", "--url", "wss://127.0.0.1:" + server.wsPort(),
                "--user", "admin", "--password-file", password.toString(), "--accept-fingerprint", tls.fingerprint()));
        argv.addAll(java.util.List.of(more));
        argv.add("listjails");
        return run(argv.toArray(String[]::new));
    }

    /** Over the server too, a long action's lines come to standard error as they happen (the events of this job). */
    @Test
    void aLongActionsProgressComesOverTheServer() throws Exception {
        Path pw = passwordFile("pw", "a long passphrase");
        assertEquals(0, run("call", "--url", "wss://127.0.0.1:" + server.wsPort(), "--user", "admin", "--password-file",
                pw.toString(), "--accept-fingerprint", tls.fingerprint(), "fetchrelease", "release=14.2-RELEASE"), err.toString());
        assertTrue(err.toString().lines().anyMatch(l -> l.equals("Downloading: base.txz [##########----------] 50%  11.3MB/s")),
                err.toString());
        assertTrue(out.toString().contains("release 14.2-RELEASE fetched."), out.toString());
    }

    /** What is accepted for the server's address now, as the known-hosts file has it. */
    private java.util.Optional<String> accepted() {
        return new org.jaildesk.client.KnownHosts(dir.resolve("config/known-hosts.properties"))
                .fingerprint("127.0.0.1:" + server.wsPort());
    }

    /**
     * --accept-fingerprint of the wrong certificate: said so, with the right one to compare, and what was accepted before
     * stays (nothing, then the right one); not a fingerprint at all is a usage error that keeps nothing. The form
     * without colons, in lower case, is the same fingerprint.
     */
    @Test
    void aFingerprintThatIsNotTheCertificatesIsNotKept() throws Exception {
        Path pw = passwordFile("pw", "a long passphrase");
        String url = "wss://127.0.0.1:" + server.wsPort();
        String other = (tls.fingerprint().startsWith("AB") ? "CD" : "AB") + tls.fingerprint().substring(2);
        assertEquals(1, run("call", "--url", url, "--user", "admin", "--password-file", pw.toString(), "--accept-fingerprint",
                other, "listjails"));
        assertEquals("the certificate of 127.0.0.1:" + server.wsPort() + " has the SHA-256 fingerprint " + tls.fingerprint()
                + ", not the one given with --accept-fingerprint; nothing was accepted. Compare it with what 'jaildesk serve'"
                + " printed on that host", err.toString().strip());
        assertEquals(java.util.Optional.empty(), accepted(), "nothing kept");

        err.getBuffer().setLength(0);
        String plain = tls.fingerprint().replace(":", "").toLowerCase(java.util.Locale.ROOT);
        assertEquals(0, run("call", "--url", url, "--user", "admin", "--password-file", pw.toString(), "--accept-fingerprint",
                plain, "listjails"), err.toString());
        assertEquals(java.util.Optional.of(tls.fingerprint()), accepted());

        err.getBuffer().setLength(0);
        assertEquals(1, run("call", "--url", url, "--user", "admin", "--password-file", pw.toString(), "--accept-fingerprint",
                other, "listjails"));
        assertEquals(java.util.Optional.of(tls.fingerprint()), accepted(), "the one accepted before stays");

        for (String bad : java.util.List.of("AA:BB", "", "-f", "$(x)", tls.fingerprint() + ":00", tls.fingerprint().replace(':', '-'),
                "G" + plain.substring(1), "1".repeat(100_000))) {
            err.getBuffer().setLength(0);
            assertEquals(2, run("call", "--url", url, "--user", "admin", "--password-file", pw.toString(),
                    "--accept-fingerprint", bad, "listjails"), bad);
            assertTrue(err.toString().startsWith("--accept-fingerprint takes the certificate's SHA-256 fingerprint"), err.toString());
            assertTrue(err.toString().lines().findFirst().orElseThrow().length() < 400, "a long one is cut in the message");
            assertEquals(java.util.Optional.of(tls.fingerprint()), accepted(), bad);
        }
    }

    /**
     * A host that cannot be reached shows no certificate to compare --accept-fingerprint with: the fingerprint is not
     * kept unchecked (the next connection, once the host is up, would have called a wrong one a CHANGED certificate),
     * and one accepted before stays.
     */
    @Test
    void aFingerprintForAHostThatCannotBeReachedIsNotKept() throws Exception {
        Path pw = passwordFile("pw", "a long passphrase");
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        String hostPort = "127.0.0.1:" + port;
        org.jaildesk.client.KnownHosts known = new org.jaildesk.client.KnownHosts(dir.resolve("config/known-hosts.properties"));
        assertEquals(1, run("call", "--url", "wss://" + hostPort, "--user", "admin", "--password-file", pw.toString(),
                "--timeout", "5", "--accept-fingerprint", tls.fingerprint(), "listjails"));
        assertTrue(err.toString().startsWith("cannot connect to " + hostPort), err.toString());
        assertTrue(err.toString().strip().endsWith("The fingerprint given with --accept-fingerprint was not kept: the host's"
                + " certificate was not seen to compare it with"), err.toString());
        assertEquals(java.util.Optional.empty(), new org.jaildesk.client.KnownHosts(dir.resolve("config/known-hosts.properties"))
                .fingerprint(hostPort), "nothing kept");

        String before = (tls.fingerprint().startsWith("AB") ? "CD" : "AB") + tls.fingerprint().substring(2);
        known.accept(hostPort, before);
        assertEquals(1, run("call", "--url", "wss://" + hostPort, "--user", "admin", "--password-file", pw.toString(),
                "--timeout", "5", "--accept-fingerprint", tls.fingerprint(), "listjails"));
        assertEquals(java.util.Optional.of(before), new org.jaildesk.client.KnownHosts(dir.resolve("config/known-hosts.properties"))
                .fingerprint(hostPort), "the one accepted before stays");
    }

    /** A URL no server can have: a usage error before anything is read or connected. */
    @Test
    void aUrlThatCannotNameAServerIsAUsageError() throws Exception {
        Path pw = passwordFile("pw", "a long passphrase");
        for (String bad : java.util.List.of("https://127.0.0.1:" + server.wsPort(), "foo", "wss:///x", "wss://:12",
                "wss://127.0.0.1:99999", "file:/etc/passwd")) {
            err.getBuffer().setLength(0);
            assertEquals(2, run("call", "--url", bad, "--user", "admin", "--password-file", pw.toString(), "listjails"), bad);
            assertTrue(err.toString().startsWith("--url takes wss://HOST:PORT (or ws:// on this machine), e.g."
                    + " wss://nas.example.org:12150, not "), err.toString());
            assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
        }
    }

    /** A user given one-time codes: --otp carries the code; without it, or with a wrong one, the words say what to do. */
    @Test
    void aUserWithOneTimeCodesGivesTheCodeWithOtp() throws Exception {
        String secret = users.setCodes("admin", true);
        Path pw = passwordFile("pw", "a long passphrase");
        String hostPort = "127.0.0.1:" + server.wsPort();

        assertEquals(1, call(pw));
        assertTrue(err.toString().strip().startsWith("login to " + hostPort + " refused: one-time code needed"), err.toString());
        assertTrue(err.toString().strip().endsWith("; give it with --otp"), err.toString());
        err.getBuffer().setLength(0);

        String now = org.jaildesk.server.ServerCodes.now(secret);
        String wrong = String.format(java.util.Locale.ROOT, "%06d", (Integer.parseInt(now) + 500_000) % 1_000_000);
        assertEquals(1, call(pw, "--otp", wrong));
        assertEquals("login to " + hostPort + " refused: wrong one-time code (it is not the code of now, or it was used"
                + " already); check --otp", err.toString().strip());
        err.getBuffer().setLength(0);

        assertEquals(0, call(pw, "--otp", now), err.toString());
        assertTrue(out.toString().contains("\"listjails\""), out.toString());

        for (String bad : java.util.List.of("12345", "1234567", "12a456", "$(x)", "-f", "12 3456", "1".repeat(100_000))) {
            err.getBuffer().setLength(0);
            assertEquals(2, call(pw, "--otp", bad), bad);
            assertTrue(err.toString().contains("--otp takes the six digits of the authenticator app"), err.toString());
        }
    }

    /**
     * A script's key: its public half added on the server with {@code user keys --add}, the private key given to
     * {@code call --key-file}: logged in without a password, audited as a key login. A key not added says how to add
     * it; with a password file too, the password is the fallback.
     */
    @Test
    void aKeyFileLogsInOnceItsPublicHalfIsAddedOnTheServer() throws Exception {
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        java.security.KeyPair pair = g.generateKeyPair();
        Path key = dir.resolve("cron.pem");
        Files.writeString(key, KeyFilesTest.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Path pub = dir.resolve("cron.pub");
        Files.writeString(pub, KeyFilesTest.pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        String url = "wss://127.0.0.1:" + server.wsPort();
        String[] keyCall = {"call", "--url", url, "--user", "admin", "--key-file", key.toString(), "--accept-fingerprint",
            tls.fingerprint(), "listjails"};

        assertEquals(1, run(keyCall));
        assertEquals("login to 127.0.0.1:" + server.wsPort() + " refused: the key in " + key + " is not registered there (or"
                + " was revoked); register its public half on the host with 'jaildesk user keys admin --add PUBFILE'",
                err.toString().strip());
        err.getBuffer().setLength(0);
        Path pw = passwordFile("pw", "a long passphrase");
        assertEquals(0, run("call", "--url", url, "--user", "admin", "--key-file", key.toString(), "--password-file",
                pw.toString(), "listjails"), "the password when the key is refused: " + err);

        String usersFile = dir.resolve("state/users").toString();
        assertEquals(2, run("user", "keys", "admin", "--add", pub.toString(), "--revoke-all", "--users", usersFile));
        assertEquals(1, run("user", "keys", "nobody", "--add", pub.toString(), "--users", usersFile));
        assertTrue(err.toString().contains("no user nobody in "), err.toString());
        assertEquals(1, run("user", "keys", "admin", "--add", key.toString(), "--users", usersFile));
        assertTrue(err.toString().contains("holds a private key: give its public half"), err.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("user", "keys", "admin", "--add", pub.toString(), "--nickname", "nightly backup", "--users", usersFile),
                err.toString());
        assertTrue(out.toString().matches("(?s)added: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ  nightly backup  RSA 2048  SHA256:.*"),
                out.toString());

        // The running server takes it at once.
        err.getBuffer().setLength(0);
        out.getBuffer().setLength(0);
        assertEquals(0, run(keyCall), err.toString());
        assertTrue(out.toString().contains("\"listjails\""), out.toString());
        assertTrue(Files.readString(server.auditFile()).contains("user=admin from=127.0.0.1 action=login target=key result=ok"));

        assertEquals(2, run("call", "--demo", "--key-file", key.toString(), "listjails"));
        assertTrue(err.toString().contains("--key-file is for --url"), err.toString());
    }

    /**
     * A server stopped (Ctrl+C, a supervisor's TERM) while a fetch runs: the fetch is cancelled and its caller told so
     * before the connection closes, the audit log holds its end, and the server's output says what it stopped.
     */
    @Test
    void aServerThatStopsCancelsARunningFetchAndSaysSoOnBothSides() throws Exception {
        java.util.concurrent.CountDownLatch fetching = slowServer();
        Path pw = passwordFile("pw", "a long passphrase");
        java.util.concurrent.CompletableFuture<Integer> call = java.util.concurrent.CompletableFuture.supplyAsync(() -> run(
                "call", "--url", "wss://127.0.0.1:" + server.wsPort(), "--user", "admin", "--password-file", pw.toString(),
                "--accept-fingerprint", tls.fingerprint(), "--quiet", "fetchrelease", "release=14.2-RELEASE"));
        assertTrue(fetching.await(20, java.util.concurrent.TimeUnit.SECONDS), "the fetch began");

        java.io.StringWriter said = new java.io.StringWriter();
        ServeCommand.stopServing(server, host, new java.io.PrintWriter(said), java.time.Duration.ofSeconds(10),
                java.time.Clock.fixed(java.time.Instant.parse("2026-11-30T03:20:00Z"), java.time.ZoneId.of("Europe/Berlin")));

        assertEquals("2026-11-30 04:20:00 +0100 Stopping: no new requests are taken; changes still running are cancelled.\n"
                + "2026-11-30 04:20:00 +0100 JailDesk server stopped; 1 change was cancelled (the audit log says how each ended).\n",
                said.toString());
        assertEquals(1, call.get(20, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals("fetchrelease failed: cancelled: the server is stopping", err.toString().strip());
        assertTrue(Files.readString(server.auditFile()).contains(
                "action=fetchrelease target=14.2-RELEASE result=error:cancelled:_the_server_is_stopping"),
                Files.readString(server.auditFile()));
    }

    /** The same over REST: the cancelled change's answer is written before the listener closes. */
    @Test
    void aServerThatStopsAnswersARestChangeItCancelled() throws Exception {
        java.util.concurrent.CountDownLatch fetching = slowServer();
        javax.net.ssl.SSLContext trustThisServer = javax.net.ssl.SSLContext.getInstance("TLS");
        trustThisServer.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String auth) {
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String auth)
                    throws java.security.cert.CertificateException {
                String fp = ServerTls.fingerprint(chain[0]);
                if (!fp.equals(tls.fingerprint())) {
                    throw new java.security.cert.CertificateException("not the test server's: " + fp);
                }
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        }}, null);
        java.util.concurrent.CompletableFuture<String> rest = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                javax.net.ssl.HttpsURLConnection c = (javax.net.ssl.HttpsURLConnection) java.net.URI.create(
                        "https://127.0.0.1:" + server.restPort() + "/sysadm/iocage").toURL().openConnection();
                c.setSSLSocketFactory(trustThisServer.getSocketFactory());
                c.setHostnameVerifier((name, session) -> true);
                c.setRequestMethod("POST");
                c.setDoOutput(true);
                c.setRequestProperty("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        "admin:a long passphrase".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                c.getOutputStream().write("{\"action\":\"fetchrelease\",\"release\":\"14.2-RELEASE\"}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return c.getResponseCode() + " " + new String(c.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(fetching.await(20, java.util.concurrent.TimeUnit.SECONDS), "the fetch began");

        ServeCommand.stopServing(server, host, new java.io.PrintWriter(new java.io.StringWriter()), java.time.Duration.ofSeconds(10),
                java.time.Clock.systemUTC());

        String answer = rest.get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(answer.startsWith("200 ") && answer.contains("\"error\" : \"cancelled: the server is stopping\""), answer);
    }

    /** This test's server over a demo host whose fetch takes its steps slowly; the latch opens at its first line. */
    private java.util.concurrent.CountDownLatch slowServer() throws Exception {
        server.close();
        host.close();
        host = new IocageHost(new SimulatedIocage(new SimulatedIocage.Config(SimulatedIocage.Flavor.PYTHON, 0,
                java.time.Duration.ZERO, java.time.Duration.ofMillis(200), null)), HostOptions.defaults());
        server = new SysadmServer(host, ServerConfig.defaults(InetAddress.getLoopbackAddress(), dir.resolve("state"), "nas")
                .withPorts(0, 0), users, tls, "test").start();
        java.util.concurrent.CountDownLatch fetching = new java.util.concurrent.CountDownLatch(1);
        host.subscribe(e -> fetching.countDown());
        return fetching;
    }
}
