package org.jaildesk.ui.pools;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.jaildesk.client.IocageClient;
import org.jaildesk.domain.LoginKey;
import org.jaildesk.protocol.KeyLogin;
import org.jaildesk.ui.common.HostReadList;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;

/**
 * Host ▸ Login keys…: the keys the user registered with a server for key login, from every desktop, with the one this
 * desktop keeps marked; a key revoked logs in no more (the desktop that holds it is asked for the password again), and
 * this desktop's own is then also taken out of its keyring. A host that offers no key login says so.
 */
public final class LoginKeysViewModel extends HostReadList<LoginKey> {

    private final IocageClient client;
    private final Executor fx;
    private final Executor background;
    private final Supplier<Optional<String>> ownKey;
    private final Runnable forgetOwn;
    private final ReadOnlyStringWrapper own = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper revoking = new ReadOnlyBooleanWrapper(false);

    /**
     * @param ownKey    the {@code pub_key} of the key this desktop keeps for the host (a keyring's answer: blocking)
     * @param forgetOwn takes this desktop's key out of its keyring (blocking)
     * @param background where the keyring is asked: not the FX thread
     */
    public LoginKeysViewModel(IocageClient client, Executor fx, Messages msg, Supplier<Optional<String>> ownKey,
                              Runnable forgetOwn, Executor background) {
        super(client, fx, msg, KeyLogin.AUTH_SSL, IocageClient::loginKeys, "loginKeys");
        this.client = client;
        this.fx = fx;
        this.background = background;
        this.ownKey = ownKey;
        this.forgetOwn = forgetOwn;
        own.addListener((o, was, now) -> ownRead = now.isEmpty() ? null : KeyLogin.publicKeyOrNull(now));
    }

    /** The {@code pub_key} of the key this desktop keeps for the host, "" when none (or not known yet). */
    public ReadOnlyStringProperty own() {
        return own.getReadOnlyProperty();
    }

    /** True while a revoke runs. */
    public ReadOnlyBooleanProperty revoking() {
        return revoking.getReadOnlyProperty();
    }

    /** The key of {@link #own}, read once each time it changes (the table asks for every cell it draws). */
    private java.security.interfaces.RSAPublicKey ownRead;

    /** Whether {@code k} is the key this desktop keeps. */
    public boolean isOwn(LoginKey k) {
        return ownRead != null && ownRead.equals(KeyLogin.publicKeyOrNull(k.pubKey()));
    }

    /** Reads the keys again, and which of them this desktop keeps. Call on the FX thread. */
    @Override
    public CompletableFuture<Void> refresh() {
        CompletableFuture<Void> keys = super.refresh();
        CompletableFuture<Void> mine = CompletableFuture.supplyAsync(ownKey, background)
                .thenAcceptAsync(k -> own.set(k.orElse("")), fx);
        return CompletableFuture.allOf(keys, Notifier.logged(mine, "this desktop's login key"));
    }

    /**
     * Revokes {@code k} on the host; this desktop's own is then taken out of the keyring too. The list is read again
     * after; a refusal is said where the count is. Call on the FX thread.
     */
    public CompletableFuture<Void> revoke(LoginKey k) {
        if (revoking.get()) {
            return CompletableFuture.completedFuture(null);
        }
        revoking.set(true);
        boolean ours = isOwn(k);
        CompletableFuture<Void> done = client.revokeLoginKey(k.pubKey())
                .thenRunAsync(() -> {
                    if (ours) {
                        forgetOwn.run();
                    }
                }, background)
                .handleAsync((ok, error) -> {
                    revoking.set(false);
                    if (error != null) {
                        failed(error);
                        return null;
                    }
                    refresh();
                    return null;
                }, fx);
        return Notifier.logged(done, "revoking a login key");
    }
}
