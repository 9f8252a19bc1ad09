package io.github.pycompile.parser;

import io.github.pycompile.PythonError;
import io.github.pycompile.target.PythonVersion;

/**
 * 3.6 to 3.8: the syntax error of an f-string field's expression. Their {@code ast.c} hands the
 * field's text, put in parentheses, to the LL(1) parser on its own, as an expression list
 * ({@code eval_input}), under the file name {@code <fstring>} and with no newline after it; its
 * error is that parser's and tokenizer's for that text alone: lines and offsets within it, the
 * text's own line as the error's text. It is met while the tree is built (after the whole file
 * parsed), so {@link Parser311} keeps it with the other {@code ast.c} errors, in order.
 */
final class FieldErrors36 {
    /** The file name CPython gives the field's source. */
    static final String FILENAME = "<fstring>";

    /** A field's error on its way to the atom that holds the field: recorded there, in order. */
    static final class Failure extends Ll1Errors.AstFailure {
        private static final long serialVersionUID = 1L;
        final transient PythonError error;

        Failure(PythonError error) {
            super(error.pyMessage());
            this.error = error;
        }
    }

    private FieldErrors36() {
    }

    /**
     * The error 3.6-3.8's parser raises for the field source {@code parenthesized} ("(" expr ")"),
     * or null if it accepts it (or where its behaviour is not reproduced: the caller keeps its refusal).
     */
    static PythonError of(String parenthesized, PythonVersion target) {
        PythonError e;
        try {
            e = Ll1Recognizer.firstError(parenthesized, false, target, FILENAME, true);
        } catch (Ll1Recognizer.NotReproduced n) {
            return null;
        }
        if (e == null) {
            return null;
        }
        String text = e.text();
        int lines = (int) parenthesized.chars().filter(c -> c == '\n').count() + 1;
        if (text != null && text.endsWith("\n") && e.lineno() == lines) {
            // the source's last line has no newline (none is added to an expression's source)
            text = text.substring(0, text.length() - 1);
            e = new PythonError(e.typeName(), e.pyMessage(), e.filename(), e.lineno(), e.offset(), text, e.endLineno(),
                    e.endOffset());
        }
        return Ll1Recognizer.legacyStatement(e);
    }
}
