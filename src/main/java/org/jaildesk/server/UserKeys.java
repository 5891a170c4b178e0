package org.jaildesk.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jaildesk.protocol.KeyLogin;

/**
 * The public keys users registered for key login ({@code rpc/auth_ssl}), in a file beside the users file
 * ({@code users.keys}): one line a key, {@code user:registered:nickname:email:pub_key} (the time in seconds since 1970,
 * the nickname and e-mail in URL-safe Base64, the key as sysadm sends it). Owner-only, replaced whole at each change,
 * and refused when others may read or change it: whoever can add a line here can log in as anyone. A file changed by
 * another process ({@code jaildesk user keys --revoke-all} while the server runs) is read again before the next use.
 */
public final class UserKeys {

    /** The most keys one user may register: a desktop each, and then some. */
    public static final int PER_USER = 32;
    /** The longest nickname and e-mail address taken. */
    public static final int MAX_NICKNAME = 64;
    public static final int MAX_EMAIL = 254;

    /** One registered key. */
    public record Key(String user, String pubKey, String nickname, String email, Instant registered, RSAPublicKey key) {
    }

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(UserKeys.class.getName());

    private final Path file;
    private final List<Key> keys;
    /** Whether another process changed the file since it was last read or written here. */
    private final FileStamp stamp;
    /** Why the file could not be read again, or null: nothing is written over a file that could not be read. */
    private String unreadable;

    private UserKeys(Path file, List<Key> keys) {
        this.file = file;
        this.keys = keys;
        this.stamp = new FileStamp(file);
    }

    /**
     * The keys as the file has them now: read again when another process changed it since. One that cannot be read
     * then (damaged by hand, or made readable by others) lets no key in until it can, and says so in the log.
     */
    private void fresh() {
        if (!stamp.changed()) {
            return;
        }
        keys.clear();
        unreadable = null;
        try {
            keys.addAll(load(file).keys);
        } catch (IOException e) {
            unreadable = e.getMessage();
            LOG.severe("no key logins until " + file + " can be read: " + e.getMessage());
        }
    }

    private void writable() throws IOException {
        if (unreadable != null) {
            throw new IOException(file + " cannot be read, so it is not written over: " + unreadable);
        }
    }

    /** Where the keys of the users in {@code usersFile} are kept. */
    public static Path fileFor(Path usersFile) {
        return usersFile.resolveSibling(usersFile.getFileName() + ".keys");
    }

    /** Reads the keys file (none yet: no keys); refuses one that others may read or change, or a damaged line. */
    public static UserKeys load(Path file) throws IOException {
        List<Key> keys = new ArrayList<>();
        if (!Files.exists(file)) {
            return new UserKeys(file, keys);
        }
        UserStore.checkPrivate(file);
        int n = 0;
        Base64.Decoder text = Base64.getUrlDecoder();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(":", -1);
            try {
                if (f.length != 5 || !UserStore.isValidName(f[0])) {
                    throw new IllegalArgumentException("not 'user:registered:nickname:email:pub_key'");
                }
                keys.add(new Key(f[0], f[4], checkText("nickname", new String(text.decode(f[2]), StandardCharsets.UTF_8), MAX_NICKNAME),
                        checkText("email", new String(text.decode(f[3]), StandardCharsets.UTF_8), MAX_EMAIL),
                        Instant.ofEpochSecond(Long.parseLong(f[1])), KeyLogin.publicKey(f[4])));
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                throw new IOException(file + " line " + n + " is damaged: " + e.getMessage());
            }
        }
        return new UserKeys(file, keys);
    }

    public Path file() {
        return file;
    }

    /** The keys of {@code user}, oldest first. */
    public synchronized List<Key> of(String user) {
        fresh();
        return keys.stream().filter(k -> k.user().equals(user)).toList();
    }

    /** The key {@code answer} was signed with, of the keys of {@code users} only; empty when none. */
    public synchronized Optional<Key> signer(String challenge, String answer, Collection<String> users) {
        fresh();
        for (Key k : keys) {
            if (users.contains(k.user()) && KeyLogin.verifies(k.key(), challenge, answer)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code key} is registered to {@code user} now (revoked here or by {@code jaildesk user keys} since, it is
     * not; a file that cannot be read holds none).
     */
    public synchronized boolean holds(String user, RSAPublicKey key) {
        fresh();
        int i = indexOf(key);
        return i >= 0 && keys.get(i).user().equals(user);
    }

    /**
     * Registers {@code pubKey} for {@code user}; registered already for them, it keeps its place and takes the new
     * nickname and address. Refuses (IllegalArgumentException, with the reason) a key that is not one, a key of
     * another user, more than {@link #PER_USER} keys, a nickname or address too long or holding control characters.
     */
    public synchronized Key register(String user, String pubKey, String nickname, String email, Instant now) throws IOException {
        fresh();
        writable();
        RSAPublicKey key = KeyLogin.publicKey(pubKey);
        String nick = checkText("nickname", nickname, MAX_NICKNAME);
        String mail = checkText("email", email, MAX_EMAIL);
        int same = indexOf(key);
        if (same >= 0 && !keys.get(same).user().equals(user)) {
            throw new IllegalArgumentException("this key is registered to another user");
        }
        if (same < 0 && of(user).size() >= PER_USER) {
            throw new IllegalArgumentException("a user may register at most " + PER_USER + " keys; revoke one first");
        }
        List<Key> before = new ArrayList<>(keys);
        Key k = new Key(user, pubKey, nick, mail, same >= 0 ? keys.get(same).registered() : now, key);
        if (same >= 0) {
            keys.set(same, k);
        } else {
            keys.add(k);
        }
        saveOrUndo(before);
        return k;
    }

    /** Takes {@code user}'s registration of {@code pubKey} away; false when they have no such key. */
    public synchronized boolean revoke(String user, String pubKey) throws IOException {
        fresh();
        writable();
        RSAPublicKey key = KeyLogin.publicKey(pubKey);
        int i = indexOf(key);
        if (i < 0 || !keys.get(i).user().equals(user)) {
            return false;
        }
        List<Key> before = new ArrayList<>(keys);
        keys.remove(i);
        saveOrUndo(before);
        return true;
    }

    /** Takes away every key whose user is not among {@code users}; how many went. */
    public synchronized int keepOnly(Collection<String> users) throws IOException {
        fresh();
        writable();
        List<Key> before = new ArrayList<>(keys);
        keys.removeIf(k -> !users.contains(k.user()));
        int gone = before.size() - keys.size();
        if (gone > 0) {
            saveOrUndo(before);
        }
        return gone;
    }

    private int indexOf(RSAPublicKey key) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static String checkText(String what, String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.length() > max) {
            throw new IllegalArgumentException("'" + what + "' is longer than " + max + " characters");
        }
        if (v.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("'" + what + "' holds a control character");
        }
        return v;
    }

    /** The whole file anew, moved over the old one; when it cannot be written, the keys are as they were. */
    private void saveOrUndo(List<Key> before) throws IOException {
        try {
            Base64.Encoder text = Base64.getUrlEncoder();
            StringBuilder b = new StringBuilder("# JailDesk login keys: user:registered:nickname:email:pub_key\n");
            for (Key k : keys) {
                b.append(k.user()).append(':').append(k.registered().getEpochSecond()).append(':')
                        .append(text.encodeToString(k.nickname().getBytes(StandardCharsets.UTF_8))).append(':')
                        .append(text.encodeToString(k.email().getBytes(StandardCharsets.UTF_8))).append(':')
                        .append(k.pubKey()).append('\n');
            }
            OwnerOnly.replace(file, b);
            stamp.written();
        } catch (IOException e) {
            keys.clear();
            keys.addAll(before);
            throw e;
        }
    }
}
