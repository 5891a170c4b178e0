package org.jaildesk.host;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A command's output as it is kept: read straight into blocks that are filled in turn, so nothing is copied to grow
 * (a {@code ByteArrayOutputStream} copies a 300 KB listing three times on the way) and a part once kept never moves
 * or changes, so it can be handed to another thread as it is. Decoded to text once, when asked for.
 *
 * <p>One thread reads into it ({@link #room}, {@link #block}, {@link #end}, {@link #commit}); any thread may ask for
 * the text meanwhile.
 */
final class KeptBytes {

    static final int BLOCK = 64 * 1024;
    /** A block with less room than this is left as it is and the next read goes to a new one. */
    private static final int MIN_ROOM = 8 * 1024;

    private record Filled(byte[] bytes, int length) {
    }

    private final List<Filled> filled = new ArrayList<>();
    private byte[] block = new byte[BLOCK];
    private int used;
    private int size;

    /** How many bytes the next read may put at {@link #end()} of {@link #block()}; a new block if this one is nearly full. */
    synchronized int room() {
        if (block.length - used < MIN_ROOM) {
            filled.add(new Filled(block, used));
            block = new byte[BLOCK];
            used = 0;
        }
        return block.length - used;
    }

    synchronized byte[] block() {
        return block;
    }

    /** Where in {@link #block()} the next read goes. */
    synchronized int end() {
        return used;
    }

    /** The next {@code n} bytes were read into {@link #block()} at {@link #end()}, within its {@link #room()}. */
    synchronized void commit(int n) {
        if (n < 0 || n > block.length - used) {
            throw new IllegalArgumentException("committed " + n + " bytes with room for " + (block.length - used));
        }
        used += n;
        size += n;
    }

    synchronized int size() {
        return size;
    }

    /** The first {@code length} bytes kept (at most {@link #size()}), decoded as UTF-8. */
    synchronized String text(int length) {
        byte[] all = new byte[Math.min(length, size)];
        int at = 0;
        for (int i = 0; i <= filled.size() && at < all.length; i++) {
            Filled f = i < filled.size() ? filled.get(i) : new Filled(block, used);
            int n = Math.min(f.length(), all.length - at);
            System.arraycopy(f.bytes(), 0, all, at, n);
            at += n;
        }
        return new String(all, StandardCharsets.UTF_8);
    }
}
