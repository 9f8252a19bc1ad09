package io.github.pycompile;

import io.github.pycompile.target.PythonVersion;

/**
 * The compiler core cannot yet produce CPython's exact output for a construct on a target. Raised
 * instead of writing a file that might differ from CPython's; never means the source is wrong.
 */
public final class UnsupportedFeatureException extends Exception {
    private static final long serialVersionUID = 1L;

    private final PythonVersion target;
    private final String construct;
    private final int lineno;

    public UnsupportedFeatureException(PythonVersion target, String construct, int lineno) {
        super("py-compile cannot yet compile " + construct + " for CPython " + target
                + (lineno > 0 ? " (line " + lineno + ")" : ""));
        this.target = target;
        this.construct = construct;
        this.lineno = lineno;
    }

    public PythonVersion target() {
        return target;
    }

    public String construct() {
        return construct;
    }

    public int lineno() {
        return lineno;
    }
}
