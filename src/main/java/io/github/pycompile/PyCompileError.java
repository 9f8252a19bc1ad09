package io.github.pycompile;

import io.github.pycompile.target.PythonVersion;

/**
 * What {@code py_compile.PyCompileError} carries when a source cannot be compiled: the exception's
 * class name, its {@code str()}, the file name used ({@code dfile or file}) and the message
 * {@code py_compile} prints — for a {@code SyntaxError} (that exact class) the target's
 * {@code traceback.format_exception_only} text, otherwise {@code "Sorry: Type: value"}.
 */
public final class PyCompileError extends Exception {
    private static final long serialVersionUID = 1L;

    private final String excTypeName;
    private final String excValue;
    private final String file;
    private final String msg;
    private final int lineno;
    private final int offset;

    public PyCompileError(String excTypeName, String excValue, String file, String msg, int lineno, int offset) {
        super(msg);
        this.excTypeName = excTypeName;
        this.excValue = excValue;
        this.file = file;
        this.msg = msg;
        this.lineno = lineno;
        this.offset = offset;
    }

    /** The error py_compile reports for {@code error} raised while compiling {@code file} for {@code target}. */
    public static PyCompileError of(PythonError error, String file, PythonVersion target) {
        String value = strOf(error);
        String msg;
        if (target == PythonVersion.V2_6) {
            // 2.6's py_compile hands err.args, not the exception, to the formatting: the message is
            // the repr of that tuple (and a SyntaxError's text ends with a newline, the others not).
            String args = py2ArgsRepr(error);
            msg = error.typeName().equals("SyntaxError") ? "SyntaxError: " + args + "\n"
                    : "Sorry: " + error.typeName() + ": " + args;
            return new PyCompileError(error.typeName(), value, file, msg, error.lineno(), error.offset());
        }
        if (error.typeName().equals("SyntaxError")) {
            msg = SyntaxErrorFormat.formatExceptionOnly(error, target)
                    .replace("File \"<string>\"", "File \"" + file + "\"");
        } else {
            msg = "Sorry: " + error.typeName() + ": " + value;
        }
        return new PyCompileError(error.typeName(), value, file, msg, error.lineno(), error.offset());
    }

    /** The core cannot yet compile a construct: reported like any other failure, and nothing is written. */
    public static PyCompileError of(UnsupportedFeatureException e, String file) {
        String value = e.getMessage() + " in " + file;
        return new PyCompileError("NotImplementedError", value, file, "Sorry: NotImplementedError: " + value,
                e.lineno(), -1);
    }

    /**
     * Python 2's {@code repr(err.args)}: {@code (msg, (filename, lineno, offset, text))} for an error
     * with a position, {@code (msg,)} otherwise; -1 stands for None. Strings are 2.x byte strings,
     * held here as text whose characters are the bytes (latin-1).
     */
    static String py2ArgsRepr(PythonError e) {
        if (e.filename() == null && e.lineno() < 0) {
            return "(" + PyRepr.bytes2(e.pyMessage()) + ",)";
        }
        return "(" + PyRepr.bytes2(e.pyMessage()) + ", (" + (e.filename() == null ? "None" : PyRepr.bytes2(e.filename())) + ", "
                + (e.lineno() < 0 ? "None" : Integer.toString(e.lineno())) + ", "
                + (e.offset() < 0 ? "None" : Integer.toString(e.offset())) + ", "
                + (e.text() == null ? "None" : PyRepr.bytes2(e.text())) + "))";
    }

    /** {@code str(exc)}: for syntax errors {@code "msg (basename, line N)"} as CPython formats it. */
    static String strOf(PythonError e) {
        if (!e.isSyntaxError()) {
            return e.pyMessage();
        }
        String fn = e.filename();
        String base = fn == null ? null : fn.substring(fn.lastIndexOf('/') + 1);
        if (base != null && e.lineno() > 0) {
            return e.pyMessage() + " (" + base + ", line " + e.lineno() + ")";
        } else if (base != null) {
            return e.pyMessage() + " (" + base + ")";
        } else if (e.lineno() > 0) {
            return e.pyMessage() + " (line " + e.lineno() + ")";
        }
        return e.pyMessage();
    }

    public String excTypeName() {
        return excTypeName;
    }

    public String excValue() {
        return excValue;
    }

    public String file() {
        return file;
    }

    public String msg() {
        return msg;
    }

    /** The error's line (1-based), or -1 when it has none. */
    public int lineno() {
        return lineno;
    }

    /** The error's 1-based column offset, or -1 when it has none. */
    public int offset() {
        return offset;
    }
}
