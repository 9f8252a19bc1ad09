package io.github.pycompile.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the previous run of an execution wrote, so an unchanged input is not compiled again (the
 * antlr4-maven-plugin model: state under {@code target/maven-status/}). For each cache file the
 * state holds a fingerprint of everything its bytes depend on — the plugin build, target,
 * optimization level, invalidation mode, {@code dfile}, the source bytes and the source's mtime and
 * size (timestamp caches embed them) — and the cache file's own size and mtime when written. A cache
 * is up to date when both still match; anything else (a changed input, a touched or deleted cache,
 * a new plugin) compiles it again. Files that failed are never recorded, so their errors are
 * reported on every run.
 */
final class BuildState {
    private final Path file;
    private final Map<String, String> entries = new LinkedHashMap<>();

    private BuildState(Path file) {
        this.file = file;
    }

    /** The state stored in {@code file}, or an empty one when absent or unreadable. */
    static BuildState load(Path file) {
        BuildState s = new BuildState(file);
        if (file == null) {
            return s;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int tab = line.lastIndexOf('\t');
                if (tab > 0) {
                    s.entries.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        } catch (NoSuchFileException e) {
            // first run
        } catch (IOException e) {
            s.entries.clear(); // a damaged state only costs a full build
        }
        return s;
    }

    /** The fingerprint of one compilation's inputs (see the class comment). */
    static String fingerprint(List<String> settings, byte[] source, BasicFileAttributes sourceAttrs) {
        MessageDigest md = sha256();
        for (String s : settings) {
            md.update(String.valueOf(s).getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        }
        md.update(source);
        md.update((sourceAttrs.lastModifiedTime().toMillis() + "/" + sourceAttrs.size()).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest());
    }

    /** True when {@code cache} was written by a previous run from inputs with this fingerprint and is untouched. */
    boolean upToDate(Path cache, String fingerprint) {
        String recorded = entries.get(cache.toString());
        return recorded != null && recorded.equals(fingerprint + " " + stamp(cache));
    }

    /** Records that {@code cache} was just written from inputs with this fingerprint. */
    void written(Path cache, String fingerprint) {
        entries.put(cache.toString(), fingerprint + " " + stamp(cache));
    }

    /** Forgets {@code cache} (it failed to compile, or was not written). */
    void forget(Path cache) {
        entries.remove(cache.toString());
    }

    /** Writes the state atomically (temporary file and rename). */
    void save() throws IOException {
        if (file == null) {
            return;
        }
        Files.createDirectories(file.getParent());
        StringBuilder sb = new StringBuilder();
        entries.forEach((k, v) -> sb.append(k).append('\t').append(v).append('\n'));
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String stamp(Path cache) {
        try {
            BasicFileAttributes a = Files.readAttributes(cache, BasicFileAttributes.class);
            return a.lastModifiedTime().toMillis() + "/" + a.size();
        } catch (IOException e) {
            return "absent";
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JRE", e);
        }
    }
}
