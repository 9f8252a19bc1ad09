package io.github.pycompile.tokenizer;

/**
 * One entry of 3.12+'s tokenizer mode stack ({@code tokenizer_mode}): the bottom entry is the regular
 * mode; each f-string (t-string) being scanned pushes one, which alternates between scanning literal
 * parts ({@link #inFStringMode}) and, between braces, regular tokens.
 */
final class FStringMode {
    /** True while scanning the literal text of the f-string (CPython's TOK_FSTRING_MODE). */
    boolean inFStringMode;
    boolean tstring;
    int quote;
    int quoteSize;
    boolean raw;
    /** Index of the f-string's first char (its prefix), its line and that line's start. */
    int start;
    int startLine;
    int startLineStart;
    /** Open brackets inside the replacement fields of this f-string. */
    int curlyDepth;
    /** {@code curly_bracket_expr_start_depth}: -1 outside any replacement field. */
    int exprStartDepth = -1;
    boolean inFormatSpec;
}
