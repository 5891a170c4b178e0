package org.jaildesk.host.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads a recorded iocage output from {@code src/test/resources/iocage/<dialect>/}. */
final class Samples {

    private Samples() {
    }

    static String py(String name) {
        return read("/iocage/python/" + name);
    }

    static String legacy(String name) {
        return read("/iocage/legacy/" + name);
    }

    private static String read(String path) {
        try (InputStream in = Samples.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
