package org.jaildesk.host;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Output on its way from the thread that reads it to the thread that ran the command, which hands it to the
 * command's {@link OutputSink}. The reader then only reads, and takes each piece out of the pipe as soon as iocage
 * writes it, while the sink works on the piece before on another core; with the sink on the reading thread, iocage
 * waited on a full pipe while each piece was parsed (docs/performance.md). The pieces are parts of {@link KeptBytes}
 * blocks, which never change once kept, so nothing is copied.
 */
final class SinkFeed {

    private static final Logger LOG = Logger.getLogger(SinkFeed.class.getName());

    private record Piece(byte[] bytes, int offset, int length) {
    }

    private static final Piece END = new Piece(new byte[0], 0, 0);
    /** How often a feed that waits for output looks whether the process is still there. */
    private static final long LOOK = TimeUnit.MILLISECONDS.toNanos(200);

    /** How a feed ended. */
    enum Fed {
        /** Every piece and the end reached the sink. */
        ALL,
        /** The sink threw; it got nothing more. The output is still kept. */
        SINK_FAILED,
        /** The deadline came, or output went on too long after the process exited; the output reader is not waited for. */
        GAVE_UP
    }

    private final BlockingQueue<Piece> pieces = new LinkedBlockingQueue<>();

    /** From the reader: the next bytes of output, which must not change afterwards. */
    void hand(byte[] bytes, int offset, int length) {
        pieces.add(new Piece(bytes, offset, length));
    }

    /** From the reader: the output ended (or could not be read further); everything kept was handed over. */
    void end() {
        pieces.add(END);
    }

    /**
     * On the thread that ran the command: hands every piece to {@code sink} in order, then calls its {@code end}. Stops
     * early, without the end, at {@code deadline} ({@link System#nanoTime()}), once {@code afterExit} has passed since
     * {@code process} was seen gone (a child it left behind may hold the pipe open), or when the sink throws (it gets
     * nothing more; its caller reads the kept text instead).
     */
    Fed feed(OutputSink sink, Process process, long deadline, Duration afterExit) throws InterruptedException {
        long stop = deadline;
        boolean gone = false;
        while (true) {
            long now = System.nanoTime();
            if (now - stop >= 0) {
                return Fed.GAVE_UP;
            }
            Piece p = pieces.poll(Math.min(stop - now, LOOK), TimeUnit.NANOSECONDS);
            if (p == null) {
                if (!gone && !process.isAlive()) {
                    gone = true;
                    stop = Math.min(deadline, System.nanoTime() + afterExit.toNanos());
                }
                continue;
            }
            try {
                if (p == END) {
                    sink.end();
                    return Fed.ALL;
                }
                sink.accept(p.bytes(), p.offset(), p.length());
            } catch (RuntimeException e) {
                LOG.warning("an output reader failed: " + e);
                return Fed.SINK_FAILED;
            }
        }
    }
}
