package io.github.pycompile.tokenizer;

/**
 * One token, positioned as CPython's AST positions are: lines 1-based, columns 0-based UTF-8 byte
 * offsets into the line.
 */
public record Token(TokenKind kind, String text, int startLine, int startCol, int endLine, int endCol) {}
