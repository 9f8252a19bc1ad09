package io.github.pycompile.parser;

import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedConstruct;
import io.github.pycompile.tokenizer.Token;
import io.github.pycompile.tokenizer.TokenKind;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.tokenizer.Tokenizer;
import io.github.pycompile.compiler.CompilerWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The syntax errors of CPython 3.6 to 3.8 that {@link Parser311} reproduces for those targets. Their
 * {@code ast.parse} first builds the whole concrete tree with the LL(1) parser (which raises the
 * tokenizer's errors and "invalid syntax"), and only then walks it in {@code Python/ast.c}, which
 * raises its own errors, the first one met: an {@code ast.c} error found while parsing is therefore
 * kept here and raised once the whole file has parsed (a later tokenizer or grammar error wins).
 *
 * <p>{@code ast.c} locates an error at a node of the concrete tree: its line, and its column as the
 * offset, 0-based in 3.6 and 3.7, 1-based from 3.8. Where our parser fails, {@link Ll1Recognizer} gives
 * the LL(1) parser's own error; where that parser accepts, an error of our first parse (pegen's) is
 * refused ({@link #REFUSAL}).
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

    /** Records {@code ast.c}'s error at a node starting at (line, col), unless an earlier one is kept. */
    void astError(int line, int col, String msg) {
        if (first == null) {
            int offset = target.atLeast(PythonVersion.V3_8) ? col + 1 : col;
            first = new PythonError("SyntaxError", msg, filename, line, offset, tokenizer.lineText(line), -1, -1);
        }
    }

    /** True once an {@code ast.c} error is kept. */
    boolean hasError() {
        return first != null;
    }

    /**
     * The warnings of a 3.6-3.8 parse: {@code ast.c} decodes the literals only once the LL(1) parser has
     * accepted the whole file, and stops at its first error; so warnings are held, dropped if the file
     * does not parse, and those after the first {@code ast.c} error are never given.
     */
    static final class WarningGate implements Consumer<CompilerWarning> {
        private final Consumer<CompilerWarning> out;
        private final List<CompilerWarning> held = new ArrayList<>();
        Ll1Errors errors;

        WarningGate(Consumer<CompilerWarning> out) {
            this.out = out;
        }

        @Override
        public void accept(CompilerWarning w) {
            if (errors == null || !errors.hasError()) {
                held.add(w);
            }
        }

        /** The whole file parsed: the held warnings are given. */
        void release() {
            release(List.of());
        }

        /**
         * As {@link #release()}, with warnings found by walking the tree ({@code ast.c}'s own walk): merged
         * in by line, before the held ones of the same line (a statement's targets are walked before its
         * value); none past the line of a kept {@code ast.c} error.
         */
        void release(List<CompilerWarning> walked) {
            int limit = errors != null && errors.first != null ? errors.first.lineno() : Integer.MAX_VALUE;
            int i = 0;
            for (CompilerWarning w : held) {
                while (i < walked.size() && walked.get(i).lineno() <= w.lineno() && walked.get(i).lineno() < limit) {
                    out.accept(walked.get(i++));
                }
                out.accept(w);
            }
            while (i < walked.size() && walked.get(i).lineno() < limit) {
                out.accept(walked.get(i++));
            }
            held.clear();
        }
    }

    /** Raises the kept {@code ast.c} error, if any (the whole file has parsed). */
    void raiseFirst() throws PythonError {
        if (first != null) {
            throw first;
        }
    }
}
