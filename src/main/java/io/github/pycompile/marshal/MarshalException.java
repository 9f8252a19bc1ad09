package io.github.pycompile.marshal;

/**
 * Data marshal cannot read or an object it cannot write, reported as CPython's {@code marshal}
 * reports it: the Python exception type ({@code ValueError}, {@code EOFError}) and its message.
 */
public final class MarshalException extends RuntimeException {
    private final String pythonType;

    public MarshalException(String pythonType, String message) {
        super(pythonType + ": " + message);
        this.pythonType = pythonType;
    }

    /** The Python exception type CPython raises here. */
    public String pythonType() {
        return pythonType;
    }
}
