package org.jaildesk.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A fake {@code iocage} executable in a temporary folder: one of the scripts in {@code src/test/resources/fake-iocage}
 * plus the recorded samples. It appends its argv to {@code argv.log}, which proves what ran (and that nothing did).
 */
public final class FakeIocage {

    /** The dialects there are fakes for. */
    public enum Kind {
        PYTHON("python"), LEGACY_DEVELOP("legacy-develop"), LEGACY_17("legacy-1.7");

        final String script;

        Kind(String script) {
            this.script = script;
        }
    }

    private final Path dir;
    private final Path executable;

    public FakeIocage(Path tempDir, Kind kind) {
        try {
            this.dir = tempDir;
            Path samples = Files.createDirectories(dir.resolve("samples"));
            for (String dialect : List.of("python", "legacy")) {
                Path from = resource("/iocage/" + dialect);
                try (Stream<Path> files = Files.list(from)) {
                    for (Path f : files.toList()) {
                        Files.copy(f, samples.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            executable = dir.resolve("iocage");
            try (InputStream in = FakeIocage.class.getResourceAsStream("/fake-iocage/" + kind.script)) {
                Files.copy(in, executable, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(dir.resolve("argv.log"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resource(String name) {
        try {
            return Paths.get(FakeIocage.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path executable() {
        return executable;
    }

    /** hang, crash-h, garbage, fail-start, or "" for normal behaviour. */
    public void mode(String mode) {
        try {
            Files.writeString(dir.resolve("mode"), mode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every call so far, each as its argument list. */
    public List<List<String>> calls() {
        try {
            List<List<String>> out = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("argv.log"), StandardCharsets.UTF_8)) {
                if (line.isEmpty()) {
                    out.add(List.of());
                    continue;
                }
                List<String> args = new ArrayList<>(List.of(line.split("\u001f", -1)));
                args.remove(args.size() - 1);
                out.add(args);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The calls other than the version check. */
    public List<List<String>> actionCalls() {
        return calls().stream().filter(c -> !c.equals(List.of("--version"))).toList();
    }
}
