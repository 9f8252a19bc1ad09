package io.github.pycompile.compiler;

/**
 * A warning the target CPython emits while compiling ({@code SyntaxWarning},
 * {@code DeprecationWarning}, ...), with the file name and line it is attributed to.
 */
public record CompilerWarning(String category, String message, String filename, int lineno) {}
