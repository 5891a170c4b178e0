package org.jaildesk.client;

import java.util.List;

/** Receives the jobs a {@link JobTransport} sees: every action that changes a host. */
public interface JobSink {

    /** A job as it runs. Called from transport threads. */
    interface Job {
        void line(String line, int percent);

        void finished(boolean ok, String message, List<String> output);
    }

    /**
     * A new job; {@code cancel} stops it, or is null where the transport cannot stop it. It takes the place of a job of
     * the same action and target that was {@link #queued}.
     */
    Job started(String action, String target, java.util.function.BooleanSupplier cancel);

    /**
     * The same, with the request that started it: its {@code args} object as compact JSON (what a user may copy to send
     * it again from a script), or "" when it is not kept (larger than {@link #REQUEST_KEPT} characters).
     */
    default Job started(String action, String target, String request, java.util.function.BooleanSupplier cancel) {
        return started(action, target, cancel);
    }

    /**
     * The same, with what tells the id the request went to the host under while it runs ({@link Transport#sentAs}; ""
     * where there is none): a server's audit log names the change by it.
     */
    default Job started(String action, String target, String request, java.util.function.BooleanSupplier cancel,
                        java.util.function.Supplier<String> sentAs) {
        return started(action, target, request, cancel);
    }

    /** The longest request a job keeps: a create with many properties fits; a 10 MB one is not kept. */
    int REQUEST_KEPT = 16_384;

    /** A job this client will start once the one before it has ended (see {@link Queued}). */
    default Queued queued(String action, String target) {
        return Queued.NONE;
    }
}
