package org.jaildesk.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's users file: one line per user, {@code name:pbkdf2-sha256:<iterations>:<salt>:<hash>} (Base64). Plain
 * passwords are never written. The file is created owner-only ({@code rw-------}) and refused when others can read it.
 *
 * <p>A password that passed is remembered for {@link #REMEMBER} as an HMAC under a key made at random for this store
 * and never written anywhere: a REST client sends its password with every request, and 210,000 PBKDF2 rounds each
 * time cost tens of milliseconds of CPU per request. Only the same password for the same, unchanged user matches it; anything
 * else, and every check after that time, takes the full PBKDF2 path.
 *
 * <p>A running server looks whether the file changed (another process: {@code jaildesk user add} or {@code remove}) at
 * most every {@link #LOOK_EVERY} and then reads it again: a user added can log in, a removed one cannot, and the
 * sessions of a removed user end at their next request. A file that cannot be read then (damaged by hand, or made
 * readable by others) lets nobody log in until it can, and says so in the log.
 */
public final class UserStore {

    public static final int ITERATIONS = 210_000;
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_.-]{0,31}");
    private static final String SCHEME = "pbkdf2-sha256";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Checked against when a user does not exist, so that a wrong name costs as much time as a wrong password. */
    private static final Entry DUMMY = hash("nobody", "not a password".toCharArray(), ITERATIONS);

    /** How long a password that passed PBKDF2 is remembered, from that check (not extended by use). */
    public static final Duration REMEMBER = Duration.ofMinutes(5);
    /** The longest password taken: a passphrase of many words fits; megabytes pasted by mistake do not. */
    public static final int MAX_PASSWORD = 1_024;

    /**
     * {@code readOnly}: the user may read everything and change nothing; {@code totp}: the secret of their one-time codes
     * (Base32), or null. Both in the line's sixth field, a list split by commas: {@code read-only}, {@code totp=<secret>}.
     */
    private record Entry(String name, int iterations, byte[] salt, byte[] hash, boolean readOnly, String totp) {
        Entry as(boolean readOnly, String totp) {
            return new Entry(name, iterations, salt, hash, readOnly, totp);
        }

        String flags() {
            List<String> f = new ArrayList<>();
            if (readOnly) {
                f.add(READ_ONLY);
            }
            if (totp != null) {
                f.add("totp=" + totp);
            }
            return String.join(",", f);
        }
    }

    /** The users file's mark of a user who may only read. */
    public static final String READ_ONLY = "read-only";

    /** A password that passed for {@code entry}, as its HMAC; trusted until {@code until} (nanoTime). */
    private record Remembered(Entry entry, byte[] mac, long until) {
    }

    /** How often at most the server looks whether the users file changed. */
    public static final Duration LOOK_EVERY = Duration.ofSeconds(1);
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(UserStore.class.getName());

    private final Path file;
    /** The users as last read or written: a copy that is replaced, never changed, so that readers need no lock. */
    private volatile Map<String, Entry> users;
    /** Whether another process changed the file since it was last read or written here, and when that was looked at. */
    private final FileStamp stamp;
    private volatile long lookedAt;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final SecretKeySpec rememberKey;
    private final AtomicLong derivations = new AtomicLong();
    private volatile LongSupplier clock = System::nanoTime;

    private UserStore(Path file, Map<String, Entry> users) {
        this.file = file;
        this.users = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(users));
        this.stamp = new FileStamp(file);
        this.lookedAt = clock.getAsLong();
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        this.rememberKey = new SecretKeySpec(key, "HmacSHA256");
        java.util.Arrays.fill(key, (byte) 0);
    }

    /** Reads the users file; refuses one that group or others may read or write. */
    public static UserStore load(Path file) throws IOException {
        return new UserStore(file, read(file));
    }

    private static Map<String, Entry> read(Path file) throws IOException {
        Map<String, Entry> users = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return users;
        }
        checkPrivate(file);
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(":", -1);
            if (f.length < 5 || f.length > 6 || !f[1].equals(SCHEME) || !NAME.matcher(f[0]).matches()) {
                throw new IOException(file + " line " + n + " is not 'name:" + SCHEME + ":iterations:salt:hash[:flags]'");
            }
            boolean readOnly = false;
            String totp = null;
            for (String flag : f.length == 6 ? f[5].split(",", -1) : new String[0]) {
                if (flag.equals(READ_ONLY)) {
                    readOnly = true;
                } else if (flag.startsWith("totp=") && Totp.isSecret(flag.substring(5))) {
                    totp = flag.substring(5);
                } else {
                    throw new IOException(file + " line " + n + " has '" + org.jaildesk.domain.Shown.of(flag)
                            + "' where read-only or totp=<secret> belongs");
                }
            }
            try {
                users.put(f[0], new Entry(f[0], Integer.parseInt(f[2]), Base64.getDecoder().decode(f[3]),
                        Base64.getDecoder().decode(f[4]), readOnly, totp));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " line " + n + " is damaged: " + e.getMessage());
            }
        }
        return users;
    }

    /** The users as the file has them now: read again when another process changed it (looked at every LOOK_EVERY). */
    private void fresh() {
        if (clock.getAsLong() - lookedAt < LOOK_EVERY.toNanos()) {
            return; // every request asks: most of them without taking the lock
        }
        synchronized (this) {
            long now = clock.getAsLong();
            if (now - lookedAt >= LOOK_EVERY.toNanos()) {
                lookedAt = now;
                readIfChanged();
            }
        }
    }

    private void readIfChanged() {
        if (!stamp.changed()) {
            return;
        }
        try {
            users = java.util.Collections.unmodifiableMap(read(file));
        } catch (IOException e) {
            users = Map.of();
            LOG.severe("nobody can log in until " + file + " can be read: " + e.getMessage());
        }
    }

    /** Refuses a file that group or others may read or write (a users file, a password file). */
    public static void checkPrivate(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            // Not "chmod 600" on a folder (say /tmp): the file was meant.
            throw new IOException(file + " is a folder, not a file");
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            for (PosixFilePermission p : perms) {
                if (p.name().startsWith("GROUP") || p.name().startsWith("OTHERS")) {
                    throw new AccessDeniedException(file.toString(), null,
                            "others may read or change it; run: chmod 600 " + file);
                }
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to check.
        }
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The users file. */
    public Path file() {
        return file;
    }

    public boolean isEmpty() {
        fresh();
        return users.isEmpty();
    }

    public List<String> names() {
        fresh();
        return new ArrayList<>(users.keySet());
    }

    /** Whether {@code name} is a user now (a session of a user removed since ends). */
    public boolean exists(String name) {
        fresh();
        return name != null && users.containsKey(name);
    }

    /** The last step of each user's one-time codes taken: a code is taken once (one seen twice is someone else's). */
    private final Map<String, Long> lastCode = new ConcurrentHashMap<>();

    /** Whether {@code name}'s password login also needs a one-time code. */
    public boolean needsCode(String name) {
        fresh();
        Entry e = name == null ? null : users.get(name);
        return e != null && e.totp() != null;
    }

    /**
     * Whether {@code code} is {@code name}'s one-time code now (or of the step before or after), and not one taken
     * before: each is taken once.
     */
    public boolean takeCode(String name, String code, long epochSeconds) {
        fresh();
        Entry e = name == null ? null : users.get(name);
        if (e == null || e.totp() == null) {
            return false;
        }
        long step = Totp.stepOf(e.totp(), code, epochSeconds);
        if (step < 0) {
            return false;
        }
        long[] taken = {-1};
        lastCode.compute(name, (k, last) -> {
            if (last != null && step <= last) {
                return last;
            }
            taken[0] = step;
            return step;
        });
        return taken[0] == step;
    }

    /**
     * Gives {@code name} one-time codes with a new secret (returned, for their authenticator app), or takes them away
     * ({@code on} false: returns null). Rewrites the file.
     */
    public String setCodes(String name, boolean on) throws IOException {
        Map<String, Entry> changed = new LinkedHashMap<>(users);
        Entry e = changed.get(name);
        if (e == null) {
            throw new IllegalArgumentException("no user " + name);
        }
        String secret = on ? Totp.newSecret() : null;
        changed.put(name, e.as(e.readOnly(), secret));
        write(changed);
        lastCode.remove(name);
        return secret;
    }

    /**
     * What {@code name} logs in with now, as a value that shows neither: it changes when their password is set (a new
     * salt each time) or their one-time codes are turned on or off or given a new secret. A session begun before such a
     * change ends (see Gate). Empty for one who is no user.
     */
    public Optional<String> credentials(String name) {
        fresh();
        Entry e = name == null ? null : users.get(name);
        if (e == null) {
            return Optional.empty();
        }
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(e.salt());
            d.update(e.hash());
            d.update((byte) 0);
            if (e.totp() != null) {
                d.update(e.totp().getBytes(StandardCharsets.US_ASCII));
            }
            return Optional.of(Base64.getEncoder().encodeToString(d.digest()));
        } catch (NoSuchAlgorithmException x) {
            throw new IllegalStateException(x);
        }
    }

    /** Whether {@code name} may only read (false for one who is no user). */
    public boolean readOnly(String name) {
        fresh();
        Entry e = name == null ? null : users.get(name);
        return e != null && e.readOnly();
    }

    /** Adds a user who may change everything, or sets a user's password keeping what they may do. */
    public void put(String name, char[] password) throws IOException {
        put(name, password, null);
    }

    /**
     * Adds or replaces a user and rewrites the file, owner-only. The password array is wiped. {@code readOnly} null keeps
     * what an existing user may do (a new one may change everything).
     */
    public void put(String name, char[] password, Boolean readOnly) throws IOException {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("invalid user name '" + name + "': use lower-case letters, digits, . _ -");
        }
        if (password.length < 8) {
            java.util.Arrays.fill(password, '\0');
            throw new IllegalArgumentException("the password is too short: use at least 8 characters");
        }
        if (password.length > MAX_PASSWORD) {
            java.util.Arrays.fill(password, '\0');
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "the password is too long: use at most %,d characters", MAX_PASSWORD));
        }
        Map<String, Entry> changed = new LinkedHashMap<>(users);
        Entry was = changed.get(name);
        boolean only = readOnly != null ? readOnly : was != null && was.readOnly();
        try {
            changed.put(name, hash(name, password, ITERATIONS).as(only, was == null ? null : was.totp()));
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        write(changed);
    }

    public boolean remove(String name) throws IOException {
        Map<String, Entry> changed = new LinkedHashMap<>(users);
        boolean removed = changed.remove(name) != null;
        if (removed) {
            write(changed);
        }
        return removed;
    }

    /**
     * Checks a password in constant time with respect to the stored hash; unknown users cost the same. A password that
     * passed for this same user entry within {@link #REMEMBER} passes again without PBKDF2.
     */
    public boolean verify(String name, char[] password) {
        fresh();
        if (password.length > MAX_PASSWORD) {
            // No stored password is that long (put refuses it): wrong without hashing megabytes.
            return false;
        }
        Entry e = name == null ? null : users.get(name);
        byte[] mac = mac(name, password);
        Remembered r = e == null ? null : remembered.get(name);
        long now = clock.getAsLong();
        if (r != null && r.entry() == e && now - r.until() < 0 && MessageDigest.isEqual(r.mac(), mac)) {
            return true;
        }
        Entry against = e != null ? e : DUMMY;
        derivations.incrementAndGet();
        byte[] candidate = derive(password, against.salt(), against.iterations(), against.hash().length * 8);
        boolean same = MessageDigest.isEqual(candidate, against.hash());
        if (e != null && same) {
            remembered.put(name, new Remembered(e, mac, now + REMEMBER.toNanos()));
        }
        return e != null && same;
    }

    /** How many checks took the full PBKDF2 path (for tests). */
    long derivations() {
        return derivations.get();
    }

    /** The clock (nanoTime) remembered passwords expire by and the file is looked at by (for tests). */
    void clock(LongSupplier nanos) {
        this.clock = nanos;
        this.lookedAt = nanos.getAsLong();
    }

    /** HMAC-SHA256 of the name, a zero byte and the password's UTF-8, under this store's random key. */
    private byte[] mac(String name, char[] password) {
        java.nio.ByteBuffer bytes = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password));
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(rememberKey);
            m.update(String.valueOf(name).getBytes(StandardCharsets.UTF_8));
            m.update((byte) 0);
            m.update(bytes.duplicate());
            return m.doFinal();
        } catch (NoSuchAlgorithmException | java.security.InvalidKeyException ex) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java", ex);
        } finally {
            if (bytes.hasArray()) {
                java.util.Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }

    /** Writes {@code changed} as the file and takes it as the users: the file first, so a failed write changes nothing. */
    private synchronized void write(Map<String, Entry> changed) throws IOException {
        StringBuilder b = new StringBuilder("# JailDesk users: name:" + SCHEME + ":iterations:salt:hash[:read-only,totp=<secret>] (never plain passwords)\n");
        Base64.Encoder enc = Base64.getEncoder();
        for (Entry e : changed.values()) {
            b.append(e.name()).append(':').append(SCHEME).append(':').append(e.iterations()).append(':')
                    .append(enc.encodeToString(e.salt())).append(':').append(enc.encodeToString(e.hash()))
                    .append(e.flags().isEmpty() ? "" : ":" + e.flags()).append('\n');
        }
        OwnerOnly.replace(file, b);
        users = java.util.Collections.unmodifiableMap(changed);
        stamp.written();
    }

    private static Entry hash(String name, char[] password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new Entry(name, iterations, salt, derive(password, salt, iterations, 256), false, null);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int bits) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this Java", e);
        } finally {
            spec.clearPassword();
        }
    }
}
