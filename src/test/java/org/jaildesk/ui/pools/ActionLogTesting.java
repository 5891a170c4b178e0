package org.jaildesk.ui.pools;

import org.jaildesk.client.IocageClient;
import org.jaildesk.ui.common.Messages;

/** An action log's view model for tests in other packages, its Read all stopping at {@code max} entries. */
public final class ActionLogTesting {

    private ActionLogTesting() {
    }

    public static ActionLogViewModel capped(IocageClient client, int max) {
        return new ActionLogViewModel(client, Runnable::run, new Messages(java.util.Locale.ENGLISH), max);
    }
}
