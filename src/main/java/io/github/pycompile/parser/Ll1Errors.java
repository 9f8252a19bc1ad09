package io.github.pycompile.parser;

import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedConstruct;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.tokenizer.Token;
import io.github.pycompile.tokenizer.TokenKind;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.tokenizer.Tokenizer;

/**
 * The syntax errors of CPython 3.6 to 3.8 that {@link Parser311} reproduces for those targets. Their
 * {@code ast.parse} first builds the whole concrete tree with the LL(1) parser (which raises the
 * tokenizer's errors and "invalid syntax"), and only then walks it in {@code Python/ast.c}, which
 * raises its own errors, the first one met: an {@code ast.c} error found while parsing is therefore
 * kept here and raised once the whole file has parsed (a later tokenizer or grammar error wins).
 *
 * <p>{@code ast.c} locates an error at a node of the concrete tree: its line, and its column as the
 * offset, 0-based in 3.6 and 3.7, 1-based from 3.8. Errors of the first parse that are pegen's (3.9+)
 * are refused ({@link #REFUSAL}) until the LL(1) parser's own are reproduced.
 */
final class Ll1Errors {
    /** What a refused 3.6-3.8 syntax error is called. */
    static final String REFUSAL = "this syntax error (3.6-3.8's LL(1) parser and ast.c messages are not reproduced yet)";

    private final PythonVersion target;
    private final String filename;
    private final Tokenizer tokenizer;
    private PythonError first;

    Ll1Errors(PythonVersion target, String filename, Tokenizer tokenizer) {
        this.target = target;
        this.filename = filename;
        this.tokenizer = tokenizer;
    }

    /**
     * 3.6's soft keywords: its tokenizer marks {@code async}/{@code await} as ASYNC/AWAIT where they
     * are keywords (in and before an {@code async def}), which this parser reads as its keywords;
     * elsewhere they are identifiers, which it cannot read as such: refused.
     */
    static Token asyncKeywords36(Token t) {
        if (t.kind() == TokenKind.ASYNC || t.kind() == TokenKind.AWAIT) {
            return new Token(TokenKind.NAME, t.text(), t.startLine(), t.startCol(), t.endLine(), t.endCol(),
                    t.startIndex(), t.endIndex());
        }
        if (t.kind() == TokenKind.NAME && (t.text().equals("async") || t.text().equals("await"))) {
            throw new UnsupportedConstruct("'" + t.text() + "' outside an async def (an identifier in 3.6)",
                    t.startLine());
        }
        return t;
    }

    /** Records {@code ast.c}'s error at a node starting at (line, col), unless an earlier one is kept. */
    void astError(int line, int col, String msg) {
        if (first == null) {
            int offset = target.atLeast(PythonVersion.V3_8) ? col + 1 : col;
            first = new PythonError("SyntaxError", msg, filename, line, offset, tokenizer.lineText(line), -1, -1);
        }
    }

    /** Whether an {@code ast.c} error is kept. */
    boolean hasError() {
        return first != null;
    }

    /**
     * For a source ({@code text} decoded from {@code source}) our parser failed on (or kept an
     * {@code ast.c} error for): raises the error of the
     * target's LL(1) parser and tokenizer ({@link Ll1Recognizer}) if they reject the source, which CPython
     * meets before any {@code ast.c} check; returns if they accept it.
     *
     * @throws UnsupportedFeatureException where the recognizer does not reproduce the parser
     */
    static void raisePgenError(byte[] source, String text, boolean declared, PythonVersion target, String filename)
            throws PythonError, UnsupportedFeatureException {
        int len = source.length;
        if (len >= 2 && source[len - 2] == '\r' && source[len - 1] == '\n') {
            // CPython's newline translation of a source given as a string (compile(), py_compile) adds a
            // second '\n' after a final "\r\n": an error at the end of input is on one more line
            text = text + "\n";
        }
        PythonError e;
        try {
            e = Ll1Recognizer.firstError(text, declared, target, filename);
        } catch (Ll1Recognizer.NotReproduced n) {
            throw new UnsupportedFeatureException(target, n.getMessage(), -1);
        }
        if (e != null) {
            throw legacyStatement(e);
        }
    }

    /**
     * SyntaxError's constructor (not its subclasses') in 3.6-3.8: on a line without '(' holding a
     * print or exec statement (at its start, or after its first ':'), the message names the call.
     */
    static PythonError legacyStatement(PythonError e) {
        if (!e.typeName().equals("SyntaxError") || e.text() == null || e.text().indexOf('(') >= 0) {
            return e;
        }
        String msg = Parser311.legacyStatementMessage(e.text(), 0);
        int colon = e.text().indexOf(':');
        if (msg == null && colon >= 0) {
            msg = Parser311.legacyStatementMessage(e.text(), colon + 1);
        }
        return msg == null ? e : new PythonError("SyntaxError", msg, e.filename(), e.lineno(), e.offset(), e.text(),
                e.endLineno(), e.endOffset());
    }

    /** Raises the kept {@code ast.c} error, if any (the whole file has parsed). */
    void raiseFirst() throws PythonError {
        if (first != null) {
            throw first;
        }
    }
}
