package org.jaildesk.ui.others;

import java.util.concurrent.Executor;
import org.jaildesk.client.IocageClient;
import org.jaildesk.domain.OtherJail;
import org.jaildesk.ui.common.HostReadList;
import org.jaildesk.ui.common.Messages;

/**
 * The running jails of one host that iocage did not make (extension {@code listotherjails}), read when their tab is
 * shown and on Refresh. Shown only: nothing here acts on them.
 */
public final class OtherJailsViewModel extends HostReadList<OtherJail> {

    static final String EXTENSION = "listotherjails";

    public OtherJailsViewModel(IocageClient client, Executor fx, Messages msg) {
        super(client, fx, msg, EXTENSION, IocageClient::listOtherJails, "others");
    }
}
