package org.jaildesk.client;

import java.util.List;

/** Receives the jobs a {@link JobTransport} sees: every action that changes a host. */
public interface JobSink {

    /** A job as it runs. Called from transport threads. */
    interface Job {
        void line(String line, int percent);

        void finished(boolean ok, String message, List<String> output);
    }

    /** A new job; {@code cancel} stops it, or is null where the transport cannot stop it. */
    Job started(String action, String target, java.util.function.BooleanSupplier cancel);
}
