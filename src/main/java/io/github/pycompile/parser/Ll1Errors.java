package io.github.pycompile.parser;

import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedConstruct;
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

    /**
     * Records {@code ast.c}'s error at a node whose first token is {@code t}: 3.6 and 3.7 place a node
     * starting with a string token that spans lines where their tokenizer left it (its last line,
     * column -1), 3.8 at the token's start.
     */
    void astErrorAtToken(Token t, String msg) {
        int[] at = target.atLeast(PythonVersion.V3_8) ? new int[] {t.startLine(), t.startCol()} : Ll1Trees.tokenPosition(t);
        astError(at[0], at[1], msg);
    }

    /**
     * An {@code ast.c} error met while a node is built (f-string and literal decoding): the builder
     * catches it, records it with {@link #astErrorAtToken} and goes on with a stand-in node.
     */
    static final class AstFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AstFailure(String msg) {
            super(msg, null, false, false);
        }
    }

    /** Raises the kept {@code ast.c} error, if any (the whole file has parsed). */
    void raiseFirst() throws PythonError {
        if (first != null) {
            throw first;
        }
    }
}
