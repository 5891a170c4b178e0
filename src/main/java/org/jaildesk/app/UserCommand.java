package org.jaildesk.app;

import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.List;
import org.jaildesk.domain.Shown;
import org.jaildesk.protocol.KeyLogin;
import org.jaildesk.server.UserKeys;
import org.jaildesk.server.UserStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jaildesk user add|remove|list|keys}: the server's users file (PBKDF2 hashes, owner-only, never plain) and the
 * login keys registered beside it.
 */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage the users of 'jaildesk serve'.",
        subcommands = {UserCommand.Add.class, UserCommand.Remove.class, UserCommand.ListUsers.class, UserCommand.Keys.class,
            UserCommand.Codes.class})
final class UserCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static Path defaultUsers() {
        return AppDirs.serverState().resolve("users");
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add a user, or set a user's password.",
                "The password is read from standard input (asked twice at a terminal); it is stored only as a PBKDF2 hash."})
    static final class Add implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "The user's login name.")
        String name;

        @Option(names = "--users", paramLabel = "FILE", description = "The users file (default: the one jaildesk serve uses without --users).")
        Path users = defaultUsers();

        @Option(names = "--role", paramLabel = "ROLE", description = "full (change everything) or read-only (list and read,"
                + " change nothing). Default: a new user full, an existing one as they were.")
        String role;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            Boolean readOnly = role == null ? null : switch (role) {
                case "full" -> Boolean.FALSE;
                case UserStore.READ_ONLY -> Boolean.TRUE;
                default -> null;
            };
            if (role != null && readOnly == null) {
                err.println("--role is full or read-only, not '" + org.jaildesk.domain.Shown.of(role) + "'");
                return 2;
            }
            if (!UserStore.isValidName(name)) {
                err.println("invalid user name '" + name + "': use lower-case letters, digits, . _ - (not first)");
                return 2;
            }
            char[] password = readPassword(err);
            if (password == null) {
                return 1;
            }
            UserStore store = UserStore.load(users);
            try {
                store.put(name, password, readOnly);
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return 1;
            } finally {
                Arrays.fill(password, '\0');
            }
            spec.commandLine().getOut().println("user " + name + (store.readOnly(name) ? " (read-only)" : "") + " saved in " + users);
            return 0;
        }

        private static char[] readPassword(PrintWriter err) throws IOException {
            Console console = System.console();
            if (console != null) {
                char[] first = console.readPassword("Password: ");
                char[] again = console.readPassword("Again: ");
                if (first == null || again == null || !Arrays.equals(first, again)) {
                    err.println("the passwords differ");
                    return null;
                }
                Arrays.fill(again, '\0');
                return first;
            }
            char[] line = firstLine(new InputStreamReader(System.in, StandardCharsets.UTF_8), UserStore.MAX_PASSWORD);
            if (line == null) {
                err.println(String.format(java.util.Locale.ROOT,
                        "the password on standard input is too long: use at most %,d characters", UserStore.MAX_PASSWORD));
                return null;
            }
            if (line.length == 0) {
                err.println("no password on standard input");
            }
            return line.length == 0 ? null : line;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a user, and the login keys they registered.")
    static final class Remove implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "The user's login name.")
        String name;

        @Option(names = "--users", paramLabel = "FILE", description = "The users file (default: the one jaildesk serve uses without --users).")
        Path users = defaultUsers();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            UserStore store = UserStore.load(users);
            boolean removed = store.remove(name);
            int keys = UserKeys.load(UserKeys.fileFor(users)).keepOnly(store.names());
            (removed ? spec.commandLine().getOut() : spec.commandLine().getErr())
                    .println(removed ? "user " + name + " removed" + (keys > 0 ? " with " + loginKeys(keys) : "")
                            : "no user " + Shown.of(name));
            return removed ? 0 : 1;
        }
    }

    @Command(name = "codes", mixinStandardHelpOptions = true,
            description = {"Turn one-time codes (TOTP) on or off for a user's password login.",
                "The password login also asks the code of an authenticator app (TOTP: six digits, 30 s); a new secret is"
                    + " printed for the app. With --off, the password alone logs in again."})
    static final class Codes implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "The user's login name.")
        String name;

        @Option(names = "--users", paramLabel = "FILE", description = "The users file (default: the one jaildesk serve uses without --users).")
        Path users = defaultUsers();

        @Option(names = "--off", description = "Take the one-time codes away: the password alone logs in again.")
        boolean off;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            UserStore store = UserStore.load(users);
            if (!store.exists(name)) {
                spec.commandLine().getErr().println("no user " + org.jaildesk.domain.Shown.of(name));
                return 1;
            }
            String secret = store.setCodes(name, !off);
            PrintWriter out = spec.commandLine().getOut();
            if (secret == null) {
                out.println("user " + name + " logs in with the password alone");
                return 0;
            }
            String host;
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                host = "jaildesk";
            }
            // The secret goes to the terminal only, once: it is kept in the users file (owner-only), never logged.
            out.println("user " + name + " now also needs a one-time code at each password login (not with a key).");
            out.println("Add this to their authenticator app (most take the link as a QR code, or the secret typed in):");
            out.println("  " + org.jaildesk.server.Totp.uri(secret, name, host));
            out.println("  secret: " + secret + "  (TOTP, SHA-1, 6 digits, 30 s)");
            return 0;
        }
    }

    @Command(name = "keys", mixinStandardHelpOptions = true,
            description = {"List, add or take away a user's login keys.",
                "Lists the keys a user registered from their desktops (key login, sysadm's auth_ssl), adds one for a script"
                    + " ('jaildesk call --key-file'), or takes one or all away (a running server ends the sessions begun"
                    + " with them)."})
    static final class Keys implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "The user's login name.")
        String name;

        @Option(names = "--users", paramLabel = "FILE", description = "The users file; the keys are in FILE.keys.")
        Path users = defaultUsers();

        @Option(names = "--revoke-all", description = "Take away every key of the user.")
        boolean revokeAll;

        @Option(names = "--revoke", paramLabel = "KEY", description = "Take away one key of the user: its fingerprint"
                + " (SHA256:…) or its nickname, as listed.")
        String revoke;

        @Option(names = "--add", paramLabel = "PUBFILE", description = "Register the RSA public key in this PEM file"
                + " ('openssl pkey -in key.pem -pubout -out PUBFILE') for the user.")
        Path add;

        @Option(names = "--nickname", paramLabel = "TEXT", description = "What --add's key is called in the key lists"
                + " (default: the file's name).")
        String nickname;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if ((add != null ? 1 : 0) + (revokeAll ? 1 : 0) + (revoke != null ? 1 : 0) > 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--add, --revoke and --revoke-all go apart");
            }
            if (nickname != null && add == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--nickname is for --add");
            }
            UserKeys keys = UserKeys.load(UserKeys.fileFor(users));
            List<UserKeys.Key> mine = keys.of(name);
            PrintWriter out = spec.commandLine().getOut();
            if (add != null) {
                return add(keys, out);
            }
            if (revoke != null) {
                return revokeOne(keys, mine, out);
            }
            List<String> names = UserStore.load(users).names();
            if (mine.isEmpty() && !names.contains(name)) {
                // A mistyped name would otherwise read as a user without keys (keys left of a name that is no user's
                // any more are still listed and revoked).
                spec.commandLine().getErr().println("no user " + Shown.of(name) + " in " + users);
                return 1;
            }
            if (revokeAll) {
                List<String> others = new java.util.ArrayList<>(names);
                others.remove(name);
                keys.keepOnly(others);
                out.println(loginKeys(mine.size()) + " of " + Shown.of(name) + " revoked");
                return 0;
            }
            for (UserKeys.Key k : mine) {
                out.println(line(k));
            }
            if (mine.isEmpty()) {
                out.println("no login keys of " + Shown.of(name));
            }
            return 0;
        }

        /** Registers {@code --add}'s key for a user of the users file; 1 with the reason when it cannot. */
        private int add(UserKeys keys, PrintWriter out) throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            if (!UserStore.load(users).names().contains(name)) {
                err.println("no user " + Shown.of(name) + " in " + users + ": add them first with 'jaildesk user add'");
                return 1;
            }
            String pubKey;
            try {
                pubKey = KeyFiles.readPublic(add);
            } catch (IOException e) {
                err.println("cannot add the key: " + (e instanceof java.nio.file.NoSuchFileException ? "no file " + add
                        : e.getMessage()));
                return 1;
            }
            String nick = nickname != null ? nickname : String.valueOf(add.getFileName());
            if (nickname == null && nick.length() > UserKeys.MAX_NICKNAME) {
                nick = nick.substring(0, UserKeys.MAX_NICKNAME);
            }
            // In seconds, as the keys file keeps it.
            java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            try {
                out.println("added: " + line(keys.register(name, pubKey, nick, "", now)));
            } catch (IllegalArgumentException e) {
                err.println("cannot add the key: " + e.getMessage());
                return 1;
            }
            return 0;
        }

        /** Takes away the one key of the user {@code --revoke} names by fingerprint or nickname; 1 when none or several. */
        private int revokeOne(UserKeys keys, List<UserKeys.Key> mine, PrintWriter out) throws IOException {
            List<UserKeys.Key> named = mine.stream().filter(k -> KeyLogin.fingerprint(k.key()).equals(revoke)
                    || k.nickname().equals(revoke)).toList();
            PrintWriter err = spec.commandLine().getErr();
            if (named.size() != 1) {
                err.println((named.isEmpty() ? "no login key of " + Shown.of(name) + " is " : "several login keys of "
                        + Shown.of(name) + " are called ") + Shown.of(revoke) + ": give a fingerprint as 'jaildesk user keys "
                        + Shown.of(name) + "' lists them");
                return 1;
            }
            keys.revoke(name, named.get(0).pubKey());
            out.println("revoked: " + line(named.get(0)));
            return 0;
        }

        private static String line(UserKeys.Key k) {
            return k.registered() + "  " + Shown.of(k.nickname().isEmpty() ? "(no nickname)" : k.nickname())
                    + (k.email().isEmpty() ? "" : " <" + Shown.of(k.email()) + ">") + "  RSA "
                    + k.key().getModulus().bitLength() + "  " + KeyLogin.fingerprint(k.key());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users.")
    static final class ListUsers implements Callable<Integer> {
        @Option(names = "--users", paramLabel = "FILE", description = "The users file (default: the one jaildesk serve uses without --users).")
        Path users = defaultUsers();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (!java.nio.file.Files.exists(users)) {
                // A mistyped --users lists nobody: say so rather than print nothing.
                spec.commandLine().getErr().println("no users file " + users + ": add a user with 'jaildesk user add NAME"
                        + " --users " + users + "'");
                return 1;
            }
            UserStore store = UserStore.load(users);
            if (store.isEmpty()) {
                spec.commandLine().getErr().println("no users in " + users);
            }
            for (String n : store.names()) {
                List<String> marks = new java.util.ArrayList<>();
                if (store.readOnly(n)) {
                    marks.add("read-only");
                }
                if (store.needsCode(n)) {
                    marks.add("one-time codes");
                }
                spec.commandLine().getOut().println(n + (marks.isEmpty() ? "" : " (" + String.join(", ", marks) + ")"));
            }
            return 0;
        }
    }

    /**
     * The first line of {@code in} (without its line end), read no further than {@code max} characters: null when it is
     * longer (a file of megabytes, or /dev/zero, is not read whole).
     */
    static char[] firstLine(java.io.Reader in, int max) throws IOException {
        char[] line = new char[max];
        int n = 0;
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            if (n == max) {
                Arrays.fill(line, '\0');
                return null;
            }
            line[n++] = (char) c;
        }
        if (n > 0 && line[n - 1] == '\r') {
            n--;
        }
        char[] out = Arrays.copyOf(line, n);
        Arrays.fill(line, '\0');
        return out;
    }

    /** "1 login key", "3 login keys". */
    static String loginKeys(int n) {
        return n + (n == 1 ? " login key" : " login keys");
    }
}
