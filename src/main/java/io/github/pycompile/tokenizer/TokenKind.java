package io.github.pycompile.tokenizer;

/** Token kinds as CPython's tokenizer names them (exact operator kinds are carried by the text). */
public enum TokenKind {
    NAME, NUMBER, STRING, OP, NEWLINE, INDENT, DEDENT, ENDMARKER
}
