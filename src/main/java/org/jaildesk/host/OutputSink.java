package org.jaildesk.host;

/**
 * Takes a command's standard output as it arrives, so that a long listing is read while iocage is still writing it
 * instead of after. A runner that streams hands over exactly the bytes it keeps in {@link CommandResult#stdout()},
 * in order, from one thread, and calls {@link #end()} once they are all handed over. A runner that does not stream
 * (the demo host) never calls either; the caller then reads {@code stdout()} itself.
 */
public interface OutputSink {

    /** The next {@code length} bytes of standard output, in {@code bytes} from {@code offset}; valid during the call only. */
    void accept(byte[] bytes, int offset, int length);

    /** Every byte kept was handed over, in order. Not called when handing over failed part-way. */
    void end();

    /** The sink of a command whose output nobody reads as it arrives. */
    OutputSink NONE = new OutputSink() {
        @Override
        public void accept(byte[] bytes, int offset, int length) {
        }

        @Override
        public void end() {
        }
    };
}
