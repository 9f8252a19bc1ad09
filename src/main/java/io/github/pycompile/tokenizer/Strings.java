package io.github.pycompile.tokenizer;

import io.github.pycompile.PythonError;

/** 2.x's string scanning, which differs from 3.x's in how it finds triple quotes and reports errors. */
final class Strings {
    private Strings() {}

    /**
     * The rest of a 2.x string literal, its opening quote read: a newline in a single-quoted string is
     * E_EOLS (reported before the newline), EOF is E_EOFS/E_EOLS (reported at the end of the input).
     */
    static Token py2String(Tokenizer tk, int quote, int startLine, int startLineStart) throws PythonError {
        int quote2 = tk.cur() - tk.tokStart() + 1;
        boolean triple = false;
        int tripcount = 0;
        while (true) {
            int c = tk.read();
            if (c == '\n') {
                if (!triple) {
                    tk.unread(c);
                    throw tk.code(Tokenizer.Code.EOLS);
                }
                tripcount = 0;
                tk.setContLine();
            } else if (c < 0) {
                throw tk.code(triple ? Tokenizer.Code.EOFS : Tokenizer.Code.EOLS);
            } else if (c == quote) {
                tripcount++;
                if (tk.cur() - tk.tokStart() == quote2) {
                    c = tk.read();
                    if (c == quote) {
                        triple = true;
                        tripcount = 0;
                        continue;
                    }
                    tk.unread(c);
                }
                if (!triple || tripcount == 3) {
                    break;
                }
            } else if (c == '\\') {
                tripcount = 0;
                c = tk.read();
                if (c < 0) {
                    throw tk.code(Tokenizer.Code.EOLS);
                }
            } else {
                tripcount = 0;
            }
        }
        return tk.token(TokenKind.STRING, tk.tokStart(), tk.cur(), startLine, startLineStart);
    }
}
