package org.jaildesk.ui.pools;

import java.util.concurrent.Executor;
import org.jaildesk.client.IocageClient;
import org.jaildesk.domain.AuditEntry;
import org.jaildesk.protocol.Protocol;
import org.jaildesk.ui.common.HostReadList;
import org.jaildesk.ui.common.Messages;

/**
 * A server's action log: who changed what on the host, from where, and how it went, as its audit log has it (the
 * server's own action {@code listaudit}), newest first. Every desktop's changes are in it, not only this one's. A host
 * that keeps none (this machine, the demo host, the original sysadm server) says so instead.
 */
public final class ActionLogViewModel extends HostReadList<AuditEntry> {

    public ActionLogViewModel(IocageClient client, Executor fx, Messages msg) {
        super(client, fx, msg, Protocol.LIST_AUDIT, IocageClient::listAudit, "actionLog");
    }
}
