package org.jaildesk.host;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A command's output as it is kept: in blocks that are filled in turn, so nothing is copied to grow (a
 * {@code ByteArrayOutputStream} copies 300 KB of listing three times on the way), and decoded to text once, when
 * asked for. Safe to add to from one thread while another asks for the text.
 */
final class KeptBytes {

    private static final int FIRST_BLOCK = 4 * 1024;
    private static final int BLOCK = 64 * 1024;

    private final List<byte[]> full = new ArrayList<>();
    private byte[] block = new byte[FIRST_BLOCK];
    private int used;
    private int size;

    synchronized void add(byte[] bytes, int offset, int length) {
        while (length > 0) {
            if (used == block.length) {
                full.add(block);
                block = new byte[BLOCK];
                used = 0;
            }
            int n = Math.min(length, block.length - used);
            System.arraycopy(bytes, offset, block, used, n);
            used += n;
            size += n;
            offset += n;
            length -= n;
        }
    }

    synchronized int size() {
        return size;
    }

    /** The first {@code length} bytes kept (at most {@link #size()}), decoded as UTF-8. */
    synchronized String text(int length) {
        byte[] all = new byte[Math.min(length, size)];
        int at = 0;
        for (int i = 0; i <= full.size() && at < all.length; i++) {
            byte[] b = i < full.size() ? full.get(i) : block;
            int n = Math.min(i < full.size() ? b.length : used, all.length - at);
            System.arraycopy(b, 0, all, at, n);
            at += n;
        }
        return new String(all, StandardCharsets.UTF_8);
    }
}
