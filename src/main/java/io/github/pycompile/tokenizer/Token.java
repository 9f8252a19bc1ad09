package io.github.pycompile.tokenizer;

/**
 * One token as CPython's PEG parser receives it from the C tokenizer ({@code _PyPegen_fill_token}).
 *
 * <p>Positions:
 * <ul>
 *   <li>{@code startLine}/{@code endLine}: 1-based physical lines (a string or a backslash
 *       continuation can make them differ).
 *   <li>{@code startCol}/{@code endCol}: 0-based UTF-8 byte offsets within their lines, exactly
 *       CPython's AST {@code col_offset}/{@code end_col_offset} (for 2.x targets the offsets count the
 *       bytes of {@link Tokenizer#text()}, one char per byte). {@code -1} where CPython has no
 *       position: INDENT, DEDENT and ENDMARKER have {@code startCol == endCol == -1} and the line of
 *       the token that follows them (ENDMARKER: the last line).
 *   <li>NEWLINE: text {@code ""}; it starts and ends at the newline character's column (CPython leaves
 *       the {@code \n} out of the token), or at the end of the last line when the source lacks a final
 *       newline.
 *   <li>{@code startIndex}/{@code endIndex}: char indices into {@link Tokenizer#text()}, so that
 *       {@code text().substring(startIndex, endIndex)} is the token's source (for an f-string's
 *       {@code {x=}} debugging text, error texts, ...). For INDENT/DEDENT/ENDMARKER both are the index
 *       where the following token starts (ENDMARKER: the end of the text).
 * </ul>
 *
 * <p>{@code text}: the source text of the token (a NAME as written, not NFKC-normalised; a STRING with
 * its prefix and quotes), and {@code text == Tokenizer.text().substring(startIndex, endIndex)}, except INDENT/DEDENT/NEWLINE/ENDMARKER
 * whose text is {@code ""}. FSTRING_MIDDLE/TSTRING_MIDDLE (3.12+) hold the literal part raw (escapes not
 * processed); a doubled brace ends the middle token after its first brace and the second brace belongs
 * to no token, as in CPython ({@code f"a{{b"} gives FSTRING_MIDDLE {@code "a{"} then {@code "b"}); the
 * end column of such a part is after the second brace, as CPython's parser sees it (the {@code tokenize}
 * module reports it after the first).
 */
public record Token(TokenKind kind, String text, int startLine, int startCol, int endLine, int endCol,
        int startIndex, int endIndex) {

    /** True if this token is the exact operator {@code kind} (convenience for the parser). */
    public boolean is(TokenKind k) {
        return kind == k;
    }

    @Override
    public String toString() {
        return kind + " " + io.github.pycompile.PyRepr.ascii(text) + " " + startLine + ":" + startCol + "-" + endLine
                + ":" + endCol;
    }
}
