package io.github.pycompile.parser;

import io.github.pycompile.PythonError;
import io.github.pycompile.target.PythonVersion;

/**
 * Where 3.9 to 3.11 report an error inside an f-string field. Those versions parse a field on its own:
 * its text in parentheses, {@code (expr)}, goes through a parser of its own (both of pegen's passes, the
 * generic error, and from 3.10 the scan of the rest of that text for tokenizer errors), so the error is
 * first found at a line and column of that small source. This class moves it to the file:
 * <ul>
 * <li>an error the parser raises is "f-string: "-prefixed; its lines follow the field's place in the
 * file; its columns stay those of the parenthesized text on the field's first line (the '(' is column
 * 0), and on a later line they are that line's own columns less the column the field's first line was
 * shifted by (pegen takes that shift off every error column, though it only added it to the first
 * line's tokens, so these offsets can be zero or negative); offsets are counted in bytes (the field's
 * tokenizer has no declared encoding, as our field tokenizer has none);</li>
 * <li>an error the tokenizer raises itself (an invalid number, a non-printable character) keeps its
 * message and its columns in the parenthesized text; its lines are the field's own in 3.9, and follow
 * the field's place in the file from 3.10 on (the field's tokenizer starts counting there).</li>
 * </ul>
 * Checked against the live 3.9, 3.10 and 3.11 on the cases of the syntax-error corpus
 * ({@code fstr-field-*}).
 */
final class FieldErrors39 {
    private FieldErrors39() {
    }

    /**
     * The tokenizer's messages that pegen raises itself from a tokenizer status (prefixed, located
     * differently; 3.9's unterminated strings among them, as a string nested in a field over lines): refused.
     */
    private static final String[] PEGEN_TOKENIZER_MESSAGES = {"unexpected EOF", "unindent does not match",
        "unexpected character after line continuation", "inconsistent use of tabs", "too many levels of indentation",
        "unexpected indent", "unexpected unindent", "expected an indented block", "EOL while scanning",
        "EOF while scanning", "invalid token"};

    /**
     * A parser error of the field's text ({@code e}, located in the parenthesized text) as CPython reports
     * it, the field's first line at file line {@code startLine} shifted by {@code startCol}; null where
     * not reproduced. {@code startUnshifted}: the error starts at a token that begins on the first line
     * and ends on a later one (a triple-quoted string), whose columns pegen did not shift either.
     */
    static PythonError parserError(PythonError e, boolean startUnshifted, int startLine, int startCol) {
        if (!e.typeName().equals("SyntaxError") || e.offset() < 1 || e.endLineno() < 1 || e.endOffset() < 1) {
            return null;
        }
        int offset = e.offset();
        int endOffset = e.endOffset();
        offset -= e.lineno() == 1 && !startUnshifted ? 0 : startCol;
        endOffset -= e.endLineno() == 1 ? 0 : startCol;
        return new PythonError("SyntaxError", "f-string: " + e.pyMessage(), e.filename(), startLine + e.lineno() - 1,
                offset, e.text(), startLine + e.endLineno() - 1, endOffset);
    }

    /** A tokenizer error of the field's text as CPython reports it; null where not reproduced. */
    static PythonError tokenizerError(PythonError e, int startLine, PythonVersion target) {
        for (String m : PEGEN_TOKENIZER_MESSAGES) {
            if (e.pyMessage().startsWith(m)) {
                return null;
            }
        }
        if (e.lineno() < 1 || !e.isSyntaxError()) {
            return null;
        }
        if (!target.atLeast(PythonVersion.V3_10)) {
            return e; // 3.9: the field's own line numbers
        }
        int shift = startLine - 1;
        return new PythonError(e.typeName(), e.pyMessage(), e.filename(), e.lineno() + shift, e.offset(), e.text(),
                e.endLineno() > 0 ? e.endLineno() + shift : e.endLineno(), e.endOffset());
    }
}
