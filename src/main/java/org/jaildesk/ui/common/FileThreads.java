package org.jaildesk.ui.common;

import java.util.concurrent.Executor;

/**
 * Where the window reads and writes a file the user chose (an export, an import): each on a daemon thread of its own,
 * which ends with it. A file on a slow disk or network share must not hold the FX thread, and such work is rare and
 * short, so no pool is kept waiting for it.
 */
public final class FileThreads {

    private FileThreads() {
    }

    /** An executor that runs each task on a new daemon thread named {@code name}. */
    public static Executor named(String name) {
        return command -> {
            Thread t = new Thread(command, name);
            t.setDaemon(true);
            t.start();
        };
    }
}
