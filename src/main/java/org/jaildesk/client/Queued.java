package org.jaildesk.client;

/**
 * A job this client will ask a host for once its turn comes: one of several run one after another (the selected
 * jails updated, upgraded or exported in turn). Shown as waiting until its request goes out, which then takes its
 * place as the job itself; the user may cancel it before that.
 */
public interface Queued {

    /** Nothing shows a waiting job (a transport without jobs). */
    Queued NONE = new Queued() {
        @Override
        public boolean cancelled() {
            return false;
        }

        @Override
        public void dropped() {
        }
    };

    /** Whether the user cancelled it before its turn: it is then not sent. */
    boolean cancelled();

    /** It will not be sent after all (a job before it was cancelled, which ends the run): said so where it shows. */
    void dropped();
}
