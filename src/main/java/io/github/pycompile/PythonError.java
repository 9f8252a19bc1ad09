package io.github.pycompile;

/**
 * An exception CPython's {@code compile()} would raise for a source: its class name
 * ({@code SyntaxError}, {@code IndentationError}, {@code TabError}, {@code ValueError},
 * {@code UnicodeDecodeError}, ...), its message, and for syntax errors the position as CPython
 * stores it: lines 1-based, offsets 1-based as in {@code SyntaxError.offset} (-1 means None),
 * and the offending source line ({@code text}, null for None).
 */
public final class PythonError extends Exception {
    private static final long serialVersionUID = 1L;

    private final String typeName;
    private final String pyMessage;
    private final String filename;
    private final int lineno;
    private final int offset;
    private final String text;
    private final int endLineno;
    private final int endOffset;

    public PythonError(String typeName, String pyMessage, String filename, int lineno, int offset,
            String text, int endLineno, int endOffset) {
        super(typeName + ": " + pyMessage + (lineno > 0 ? " (" + filename + ", line " + lineno + ")" : ""));
        this.typeName = typeName;
        this.pyMessage = pyMessage;
        this.filename = filename;
        this.lineno = lineno;
        this.offset = offset;
        this.text = text;
        this.endLineno = endLineno;
        this.endOffset = endOffset;
    }

    /** An exception without position (e.g. {@code ValueError}). */
    public static PythonError plain(String typeName, String message) {
        return new PythonError(typeName, message, null, -1, -1, null, -1, -1);
    }

    public String typeName() {
        return typeName;
    }

    /** {@code args[0]} of the exception: for a SyntaxError its {@code msg}. */
    public String pyMessage() {
        return pyMessage;
    }

    public String filename() {
        return filename;
    }

    public int lineno() {
        return lineno;
    }

    public int offset() {
        return offset;
    }

    public String text() {
        return text;
    }

    public int endLineno() {
        return endLineno;
    }

    public int endOffset() {
        return endOffset;
    }

    /** True for SyntaxError and its subclasses (IndentationError, TabError, _IncompleteInputError). */
    public boolean isSyntaxError() {
        return typeName.equals("SyntaxError") || typeName.equals("IndentationError") || typeName.equals("TabError");
    }
}
