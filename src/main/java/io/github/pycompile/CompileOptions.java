package io.github.pycompile;

import io.github.pycompile.target.PythonVersion;
import java.util.Objects;

/**
 * What {@code py_compile} takes besides the file names: the target CPython, the optimization level
 * ({@code -O} = 1, {@code -OO} = 2) and, for 3.7+, the invalidation mode.
 *
 * @param target the CPython version whose cache file is produced
 * @param optimize 0, 1 or 2
 * @param invalidationMode null means the target's default: {@code CHECKED_HASH} when
 *     {@code SOURCE_DATE_EPOCH} is set (3.7+), otherwise {@code TIMESTAMP}
 */
public record CompileOptions(PythonVersion target, int optimize, InvalidationMode invalidationMode) {

    public CompileOptions {
        Objects.requireNonNull(target, "target");
        if (optimize < 0 || optimize > 2) {
            throw new IllegalArgumentException("optimize must be 0, 1 or 2: " + optimize);
        }
    }

    public static CompileOptions of(PythonVersion target) {
        return new CompileOptions(target, 0, null);
    }

    public CompileOptions withOptimize(int level) {
        return new CompileOptions(target, level, invalidationMode);
    }

    public CompileOptions withInvalidationMode(InvalidationMode mode) {
        return new CompileOptions(target, optimize, mode);
    }
}
