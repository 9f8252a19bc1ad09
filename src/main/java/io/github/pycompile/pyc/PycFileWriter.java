package io.github.pycompile.pyc;

import io.github.pycompile.PyOSError;
import io.github.pycompile.target.PythonVersion;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a cache file so that no reader ever sees a partial one: the bytes go to a fresh temporary
 * file beside the target, which is then renamed over it — as 3.x's {@code _write_atomic}. The
 * checks and permissions follow the target's {@code py_compile}:
 * <ul>
 *   <li>3.x refuses a {@code cfile} that is a symlink or an existing non-regular file, with
 *       {@code FileExistsError} and CPython's message; 2.x writes through a symlink to its target.</li>
 *   <li>3.x creates the file with {@code (source st_mode | 0o200) & 0o666}, the process umask applying
 *       as it does to {@code os.open}; 2.x {@code open(cfile, 'wb')} keeps an existing file's mode
 *       and creates a new one with {@code 0o666} less the umask.</li>
 * </ul>
 */
public final class PycFileWriter {
    private PycFileWriter() {}

    /** Performs 3.x py_compile's refusal checks on {@code cfile} before anything is compiled. */
    public static void checkTarget(Path cfile, PythonVersion target) throws PyOSError {
        if (target.isPython2()) {
            return;
        }
        if (Files.isSymbolicLink(cfile)) {
            throw new PyOSError("FileExistsError", cfile + " is a symlink and will be changed into a regular file if "
                    + "import writes a byte-compiled file to it", null);
        }
        if (Files.exists(cfile) && !Files.isRegularFile(cfile)) {
            throw new PyOSError("FileExistsError", cfile + " is a non-regular file and will be changed into a regular "
                    + "one if import writes a byte-compiled file to it", null);
        }
    }

    /**
     * Writes {@code data} to {@code cfile} atomically, creating missing parent directories.
     *
     * @param source the source file, whose mode 3.x copies (0o666 when it cannot be read)
     */
    public static void write(Path cfile, byte[] data, Path source, PythonVersion target) throws IOException {
        checkTarget(cfile, target);
        Path dest = cfile;
        if (target.isPython2() && Files.isSymbolicLink(cfile)) {
            dest = cfile.toRealPath(); // 2.x opens the symlink and writes through it
        }
        Path dir = dest.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        int mode;
        if (target.isPython2()) {
            mode = Files.exists(dest, LinkOption.NOFOLLOW_LINKS) ? currentMode(dest, 0666) : 0666;
        } else {
            mode = (currentMode(source, 0666) | 0200) & 0666;
        }
        boolean posix = dir != null && Files.getFileStore(dir).supportsFileAttributeView("posix");
        Path tmp = null;
        for (int attempt = 0; tmp == null; attempt++) {
            Path candidate = dest.resolveSibling(dest.getFileName() + "." + Long.toUnsignedString(
                    ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                if (posix) {
                    FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(permissions(mode));
                    Files.createFile(candidate, attr); // mode passed to open(2): the umask applies
                } else {
                    Files.createFile(candidate);
                }
                tmp = candidate;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
        try {
            Files.write(tmp, data, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            if (target.isPython2() && posix && Files.exists(dest)) {
                Files.setPosixFilePermissions(tmp, permissions(mode)); // an existing file keeps its mode
            }
            try {
                Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    private static int currentMode(Path p, int fallback) {
        try {
            Object m = Files.getAttribute(p, "unix:mode");
            return ((Integer) m) & 07777;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return fallback;
        }
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ
        };
        for (int bit = 0; bit < 9; bit++) {
            if ((mode & (1 << bit)) != 0) {
                s.add(order[bit]);
            }
        }
        return s;
    }
}
