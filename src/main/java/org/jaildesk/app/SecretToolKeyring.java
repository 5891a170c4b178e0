package org.jaildesk.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.jaildesk.domain.Shown;

/**
 * The desktop's keyring through libsecret's {@code secret-tool} (the Secret Service of GNOME Keyring, KeePassXC or
 * KWallet, on FreeBSD and Linux desktops): login keys are kept there, under {@code application jaildesk}, the host
 * ({@code host:port}) and the user, never in a file of JailDesk's. The key goes to and from the tool through its
 * standard input and output, never its arguments; no shell is between.
 */
final class SecretToolKeyring {

    private static final Logger LOG = Logger.getLogger(SecretToolKeyring.class.getName());
    /** A keyring may ask to be unlocked first: someone types a password meanwhile. */
    private final long waitSeconds;
    /** More than a key of 8192 bits in Base64 needs. */
    private static final int MOST = 16 * 1024;

    private final Path tool;

    SecretToolKeyring(Path tool) {
        this(tool, 120);
    }

    /** {@code waitSeconds}: how long the tool may take (a keyring waiting to be unlocked), then it is stopped. */
    SecretToolKeyring(Path tool, long waitSeconds) {
        this.tool = tool;
        this.waitSeconds = waitSeconds;
    }

    /** Whether the keyring answers, once asked; null until then. */
    private CompletableFuture<Boolean> answers;

    /**
     * Whether the tool reaches a keyring (a Secret Service on the desktop's session bus): asked in the background, with
     * a search that matches nothing (no item read, no keyring asked to unlock); once it answered, not again, and while
     * it did not, at each call (a keyring started later is found). A desktop with the tool and no keyring running (no
     * session bus, no service) offers no key login, rather than failing after the user chose one.
     */
    synchronized CompletableFuture<Boolean> answers() {
        if (answers == null || answers.isDone() && !answers.join()) {
            answers = CompletableFuture.supplyAsync(() -> {
                try {
                    Ran r = run(null, "search", "", "");
                    // An older libsecret ends a search that found nothing with 1 and says nothing; a missing bus or
                    // service says why.
                    boolean ok = r.exit() == 0 || r.err().isBlank();
                    if (!ok) {
                        LOG.info("no login keys on this desktop: secret-tool reaches no keyring (" + r.err() + ")");
                    }
                    return ok;
                } catch (IOException e) {
                    LOG.info("no login keys on this desktop: " + e.getMessage());
                    return false;
                }
            }, READERS);
        }
        return answers;
    }

    /** The key kept for {@code hostPort} and {@code user}; empty when none is (or the keyring cannot give it). */
    Optional<PrivateKey> find(String hostPort, String user) {
        Ran r;
        try {
            r = run(null, "lookup", hostPort, user);
        } catch (IOException e) {
            LOG.info("cannot read the login key of " + user + "@" + hostPort + " from the keyring: " + e.getMessage());
            return Optional.empty();
        }
        if (r.exit() != 0 || r.out().isBlank()) {
            return Optional.empty();
        }
        try {
            byte[] der = Base64.getDecoder().decode(r.out().strip());
            return Optional.of(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            LOG.warning("the keyring's login key of " + user + "@" + hostPort + " is no key; it is not used");
            return Optional.empty();
        }
    }

    /** Keeps {@code key} for {@code hostPort} and {@code user}, in place of one kept; the tool's words when it cannot. */
    void keep(String hostPort, String user, PrivateKey key) throws IOException {
        byte[] secret = Base64.getEncoder().encode(key.getEncoded());
        Ran r;
        try {
            r = run(secret, "store", hostPort, user);
        } finally {
            java.util.Arrays.fill(secret, (byte) 0);
        }
        if (r.exit() != 0) {
            throw new IOException(r.err().isBlank() ? "secret-tool could not keep the key (" + r.exit() + ")" : r.err());
        }
    }

    /** Forgets the key of {@code hostPort} and {@code user}, if one is kept. */
    void forget(String hostPort, String user) {
        try {
            run(null, "clear", hostPort, user);
        } catch (IOException e) {
            LOG.info("cannot clear the login key of " + user + "@" + hostPort + " from the keyring: " + e.getMessage());
        }
    }

    private record Ran(int exit, String out, String err) {
    }

    private Ran run(byte[] input, String verb, String hostPort, String user) throws IOException {
        List<String> argv = new ArrayList<>(List.of(tool.toString(), verb));
        if (verb.equals("store")) {
            argv.add("--label=JailDesk login key of " + user + "@" + hostPort);
        }
        argv.addAll(List.of("application", "jaildesk", "host", hostPort, "user", user));
        Process p = new ProcessBuilder(argv).start();
        // Both outputs read on threads of their own: a tool waiting for a keyring to be unlocked holds them open, and
        // the wait below must stay bounded.
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> firstLine(p.getErrorStream()), READERS);
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try {
                return read(p.getInputStream());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, READERS);
        // More output than a key: the tool is stopped at once, not left writing to a pipe nobody reads.
        out.whenComplete((text, failure) -> {
            if (failure != null) {
                p.destroyForcibly();
            }
        });
        try (OutputStream in = p.getOutputStream()) {
            if (input != null) {
                in.write(input);
            }
        } catch (IOException e) {
            // The tool ended without reading it: its exit and words say why.
        }
        try {
            if (!p.waitFor(waitSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("secret-tool gave no answer within " + waitSeconds + " s");
            }
            return new Ran(p.exitValue(), out.get(5, TimeUnit.SECONDS), err.get(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while secret-tool ran", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause().getMessage()
                    : "secret-tool's output cannot be read", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("secret-tool's output did not end", e);
        }
    }

    /** Where the tool's outputs are read: daemon threads, a few at most at once (one lookup per connection). */
    private static final java.util.concurrent.Executor READERS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "secret-tool-output");
        t.setDaemon(true);
        return t;
    });

    private static String read(InputStream s) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        for (int n = s.read(buf); n >= 0; n = s.read(buf)) {
            if (b.size() + n > MOST) {
                throw new IOException("secret-tool printed more than a key");
            }
            b.write(buf, 0, n);
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    /** The tool's first line of complaint, quoted safely; the rest is read and dropped. */
    private static String firstLine(InputStream s) {
        try {
            String all = new String(s.readNBytes(MOST), StandardCharsets.UTF_8);
            s.transferTo(OutputStream.nullOutputStream());
            String line = all.strip().lines().findFirst().orElse("");
            return Shown.of(line, 200);
        } catch (IOException e) {
            return "";
        }
    }
}
