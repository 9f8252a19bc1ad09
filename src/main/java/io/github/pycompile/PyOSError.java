package io.github.pycompile;

import java.io.IOException;

/**
 * An {@code OSError} as CPython's {@code py_compile} lets it escape (reading the source, refusing a
 * symlinked cache file, writing): the Python class name and {@code str(error)} exactly as CPython
 * prints it, e.g. {@code FileNotFoundError} / {@code [Errno 2] No such file or directory: 'x.py'}.
 */
public final class PyOSError extends IOException {
    private static final long serialVersionUID = 1L;

    private final String typeName;

    public PyOSError(String typeName, String pythonText, Throwable cause) {
        super(pythonText, cause);
        this.typeName = typeName;
    }

    public String typeName() {
        return typeName;
    }

    /** {@code str(error)}: what {@code py_compile.main} prints. */
    public String pythonText() {
        return getMessage();
    }

    /** The OSError CPython raises for an I/O failure on {@code path}, mapped from Java's exception. */
    public static PyOSError from(IOException e, String path) {
        if (e instanceof PyOSError p) {
            return p;
        }
        String q = PyRepr.str(path);
        if (e instanceof java.nio.file.NoSuchFileException) {
            return new PyOSError("FileNotFoundError", "[Errno 2] No such file or directory: " + q, e);
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return new PyOSError("PermissionError", "[Errno 13] Permission denied: " + q, e);
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null
                && fse.getReason().contains("Is a directory")) {
            return new PyOSError("IsADirectoryError", "[Errno 21] Is a directory: " + q, e);
        }
        return new PyOSError("OSError", String.valueOf(e.getMessage()), e);
    }
}
