package io.github.pycompile;

/**
 * Thrown inside a compiler phase where it meets a construct it cannot yet reproduce exactly, and
 * turned into an {@link UnsupportedFeatureException} at the phase's entry point ({@link #toException}).
 * Unchecked and without a stack trace, so deep recursive phases can give up cheaply.
 */
public final class UnsupportedConstruct extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;

    public UnsupportedConstruct(String construct, int line) {
        super(construct, null, false, false);
        this.line = line;
    }

    public int line() {
        return line;
    }

    public UnsupportedFeatureException toException(io.github.pycompile.target.PythonVersion target) {
        return new UnsupportedFeatureException(target, getMessage(), line);
    }
}
