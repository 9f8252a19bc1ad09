package io.github.pycompile.parser;

import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedConstruct;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.ast.Ast;
import io.github.pycompile.ast.Ast.Expr;
import io.github.pycompile.ast.Ast.ExprContext;
import io.github.pycompile.ast.Ast.Stmt;
import io.github.pycompile.compiler.CompilerWarning;
import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.source.SourceDecoder;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.tokenizer.Token;
import io.github.pycompile.tokenizer.TokenKind;
import io.github.pycompile.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A parser for the grammars of CPython 3.9 to 3.14 ({@code Grammar/python.gram}): source bytes to the
 * tree {@code ast.parse} builds, positions included (each node spans from the first to the last token
 * its rule consumed, as pegen's {@code EXTRA} does). Recursive descent with backtracking where the
 * grammar needs it (assignment targets are parsed as expressions, then checked and given their
 * context).
 *
 * <p>Versions: one grammar, with the later versions' additions gated by {@link Feature} (asked once per
 * parser): 3.10's match statement and unparenthesized {@code :=} in an index, 3.11's {@code except*} and
 * starred subscripts, 3.12's PEP 701 f-strings (their tokens walked here, their trees built by
 * {@link FStrings312}; 3.11's f-strings are STRING tokens parsed by {@link FStrings311}), PEP 695
 * type parameters and {@code type} statements, 3.13's PEP 696 defaults, 3.14's t-strings and
 * unparenthesized {@code except A, B:}. A target without a feature fails there as any other syntax
 * error does.
 *
 * <p>3.6 to 3.8 (CPython's LL(1) parser and {@code ast.c}) are gated variations of the same grammar:
 * what theirs lacks is refused ({@link Ll1Trees} checks the finished tree; {@code match} stays a name,
 * 3.6's {@code async}/{@code await} are keywords only where its tokenizer marks them), their trees
 * are relocated by {@link Ll1Trees}, f-string fields placed as they place them ({@link FStrings311}),
 * and their errors are {@link Ll1Errors}' (pegen's first-pass errors are refused for them).
 *
 * <p>Errors: the tokenizer's errors are CPython's own; a source the grammar rejects gets pegen's second
 * pass, with the {@code invalid_*} rules of the target (3.11's; those 3.12, 3.13 and 3.14 added or
 * reworded; 3.10 lacks 3.11's parameter rules and 3.9 most of 3.10's, gated by version; 3.9 runs its
 * rules within its one pass, so its location-less errors fall on the furthest token read), then the
 * generic "invalid syntax" at the first pass's furthest token, and the rest-of-source tokenizer scan
 * (3.10+). What is not reproduced is refused ({@link UnsupportedFeatureException}), never a different
 * message. Nesting deeper than CPython's parser allows is refused too, never a {@code StackOverflowError}.
 */
public final class Parser311 {
    private static final WordSet KEYWORDS = new WordSet("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield");
    private static final WordSet KEYWORDS_36 = new WordSet("False", "None", "True", "and", "as", "assert", "break",
            "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
            "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
            "with", "yield");
    /** Deeper than this the parser refuses (CPython 3.11's parser stops at 6000 C frames; we stay below). */
    private static final int MAX_DEPTH = 900;

    private final Tokenizer tokenizer;
    private final PythonVersion target;
    private final String filename;
    private final Consumer<CompilerWarning> warnings;
    private final TokenBuffer tokens;
    /** {@link #tokens}' array and size, kept here for {@link #tok}: the parser looks at a token some 14 times per token. */
    private Token[] readTokens;
    private TokenKind[] readKinds;
    private int readCount;
    /**
     * The error pass: the second parse of a source the first could not parse, as pegen makes it, with
     * the target's {@code invalid_*} rules active (they raise the specific SyntaxErrors). It reads the
     * same tokens from the start.
     */
    private boolean errorPass;
    /**
     * The whole second pass, its stretches without error rules ({@code expression_without_invalid})
     * included: PEG's fallbacks and the memos act throughout it, so what such a stretch read is what
     * the error rules later find (pegen memoizes across both).
     */
    private boolean secondPass;
    /**
     * The error pass's PEG fallbacks: where an operand after a binary operator, a trailer or an
     * {@code if ... else} tail fails, the shorter expression stands (what pegen's left recursion and
     * ordered choice give), so an {@code invalid_*} rule sees it. Set with {@link #errorPass} for every
     * PEG target: 3.9's one pass backtracks there as 3.10+'s second pass does ({@code for None + in b}:
     * the target is {@code None}), though 3.9 keeps none of the second pass's memos.
     */
    private boolean pegFallbacks;
    /** 3.10+ (pegen's dict error rules, see {@link #braceFormFirstPass}); off in 3.9 and the LL(1) targets. */
    private final boolean dictErrorsFirstPass;
    /** Second pass: disjunction results by start position (pegen memoizes this rule), so nested rules stay linear. */
    private final java.util.Map<Integer, Object[]> disjunctionMemo = new java.util.HashMap<>();
    /** Error pass: positions where invalid_named_expression was tried already (a memoized rule). */
    private final java.util.Set<Integer> namedChecked = new java.util.HashSet<>();
    private int pos;
    private int depth;
    /** Expressions written inside parentheses ({@code (x)}), which matters for targets and annotations. */
    private final Set<Expr> parenthesized = Collections.newSetFromMap(new IdentityHashMap<>());
    /** 3.6 to 3.8: their syntax errors ({@code ast.c}'s, raised after the whole file parsed). */
    private final Ll1Errors ll1;
    /** The target's syntax gates ({@link Feature}), asked once. */
    private final boolean pep701;
    private final boolean typeParams;
    private final boolean typeParamDefaults;
    private final boolean templateStrings;
    private final boolean unparenthesizedExcept;
    /**
     * The error pass's rule set: 3.12, 3.13 and 3.14 each added {@code invalid_*} rules and reworded
     * messages; each flag holds for its version and the later ones.
     */
    private final boolean errors312;
    private final boolean errors313;
    private final boolean errors314;
    private final boolean matchStatement;
    private final boolean walrusInIndex;
    private final boolean aliasPositions;
    private final boolean exceptStar;
    private final boolean starredSubscripts;
    /**
     * Error pass: a primary followed by '{' is tried as 'primary genexp', whose invalid_comprehension
     * reads past the brace (3.10+; 3.9's generic error stays at the brace).
     */
    private final boolean braceComprehensionTrailer;
    /**
     * The reserved words: 3.6's tokenizer makes async/await ASYNC/AWAIT tokens where they are keywords (an
     * async def and its body), and leaves them identifiers elsewhere.
     */
    private final WordSet keywords;
    /** pegen's forced tokens ({@code &&':'}), from 3.10 on. */
    private final boolean forcedTokens;
    /** A BOM or coding cookie named the source's encoding. */
    private boolean declaredEncoding;

    private Parser311(Tokenizer tokenizer, PythonVersion target, String filename, Consumer<CompilerWarning> warnings) {
        this(tokenizer, target, filename, warnings, new TokenBuffer(tokenizer.text().length() / 5));
    }

    private Parser311(Tokenizer tokenizer, PythonVersion target, String filename, Consumer<CompilerWarning> warnings,
            TokenBuffer tokens) {
        this.tokens = tokens;
        this.readTokens = tokens.array();
        this.readKinds = tokens.kinds();
        this.readCount = tokens.size();
        this.tokenizer = tokenizer;
        this.target = target;
        this.filename = filename;
        this.warnings = warnings;
        this.pep701 = Feature.PEP701_FSTRINGS.allowedIn(target);
        this.typeParams = Feature.TYPE_PARAMS.allowedIn(target);
        this.typeParamDefaults = Feature.TYPE_PARAM_DEFAULTS.allowedIn(target);
        this.templateStrings = Feature.TEMPLATE_STRINGS.allowedIn(target);
        this.unparenthesizedExcept = Feature.UNPARENTHESIZED_EXCEPT.allowedIn(target);
        this.errors312 = target.atLeast(PythonVersion.V3_12);
        this.errors313 = target.atLeast(PythonVersion.V3_13);
        this.errors314 = target.atLeast(PythonVersion.V3_14);
        this.matchStatement = Feature.MATCH_STATEMENT.allowedIn(target);
        this.walrusInIndex = Feature.UNPARENTHESIZED_WALRUS_IN_INDEX.allowedIn(target);
        this.aliasPositions = Feature.ALIAS_POSITIONS.allowedIn(target);
        this.exceptStar = Feature.EXCEPT_STAR.allowedIn(target);
        this.starredSubscripts = Feature.STARRED_SUBSCRIPTS.allowedIn(target);
        this.forcedTokens = target.atLeast(PythonVersion.V3_10);
        this.braceComprehensionTrailer = target.atLeast(PythonVersion.V3_10);
        this.dictErrorsFirstPass = target.atLeast(PythonVersion.V3_10);
        this.keywords = target == PythonVersion.V3_6 ? KEYWORDS_36 : KEYWORDS;
        this.ll1 = Feature.PEG_PARSER.allowedIn(target) ? null : new Ll1Errors(target, filename, tokenizer);
    }

    /**
     * True for the targets whose grammar this parser reproduces: 3.9 to 3.14 (pegen's), and 3.6 to 3.8 as
     * gated variations (what their LL(1) grammar lacks refused, their trees located by {@link Ll1Trees},
     * their errors by {@link Ll1Errors}).
     */
    public static boolean supports(PythonVersion target) {
        return target.atLeast(PythonVersion.V3_6);
    }

    /** Parses a whole module ({@code exec} mode) as CPython {@code target} ({@link #supports}) would. */
    public static Ast.ModuleNode parseModule(byte[] source, String filename, PythonVersion target,
            Consumer<CompilerWarning> warnings) throws PythonError, UnsupportedFeatureException {
        if (!supports(target)) {
            throw new UnsupportedFeatureException(target, "this grammar (the parser reproduces 3.6 to 3.14)", -1);
        }
        if (target != PythonVersion.V3_9) {
            return parseModule0(source, filename, target, warnings);
        }
        try {
            return parseModule0(source, filename, target, warnings);
        } catch (PythonError e) {
            if (e.typeName().equals("SyntaxError") && e.text() != null && e.text().indexOf('(') < 0) {
                // 3.9's SyntaxError itself rewrites the message of any error on a line holding a print or
                // exec statement (at its start, or after its first ':'), position unchanged
                String msg = legacyRewrite(e.text());
                if (msg != null) {
                    throw new PythonError("SyntaxError", msg, e.filename(), e.lineno(), e.offset(), e.text(),
                            e.endLineno(), e.endOffset());
                }
            }
            throw e;
        }
    }

    /** 3.9's message for an error whose text holds a print or exec statement (at its start, or after its first ':'). */
    private static String legacyRewrite(String text) {
        String msg = legacyStatementMessage(text, 0);
        int colon = text.indexOf(':');
        if (msg == null && colon >= 0) {
            msg = legacyStatementMessage(text, colon + 1);
        }
        return msg;
    }

    /** 3.9's message for a line whose text from {@code start} (after blanks) is a print or exec statement. */
    static String legacyStatementMessage(String text, int start) {
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        if (text.startsWith("print ", start)) {
            int from = start + 6;
            int semicolon = text.indexOf(';', from);
            String data = stripChars(text.substring(from, semicolon < 0 ? text.length() : semicolon));
            return "Missing parentheses in call to 'print'. Did you mean print(" + data
                    + (data.endsWith(",") ? " end=\" \"" : "") + ")?";
        }
        if (text.startsWith("exec ", start)) {
            return "Missing parentheses in call to 'exec'";
        }
        return null;
    }

    private static String stripChars(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && " \t\r\n".indexOf(s.charAt(a)) >= 0) {
            a++;
        }
        while (b > a && " \t\r\n".indexOf(s.charAt(b - 1)) >= 0) {
            b--;
        }
        return s.substring(a, b);
    }

    /** Room for the deepest nesting the depth guard lets through, whatever JIT state the caller's frames are in. */
    private static final long DEEP_STACK_BYTES = 1L << 28;

    /**
     * Parses on the caller's thread; if its stack runs out before the depth guard refuses (interpreted
     * frames are large, a caller may have a small stack), parses again on a thread with a stack large enough
     * for any nesting the guard allows, so that deep input gets its error or refusal, never a
     * {@code StackOverflowError}.
     */
    private static Ast.ModuleNode parseModule0(byte[] source, String filename, PythonVersion target,
            Consumer<CompilerWarning> warnings) throws PythonError, UnsupportedFeatureException {
        List<CompilerWarning> held = new ArrayList<>(); // an attempt cut short must not have warned
        try {
            boolean cutShort = true;
            try {
                Ast.ModuleNode m = parseOnThisStack(source, filename, target, held::add);
                cutShort = false;
                return m;
            } catch (PythonError | RuntimeException e) {
                cutShort = false; // an error or a refusal: the warnings before it stand
                throw e;
            } finally {
                if (!cutShort) {
                    held.forEach(warnings);
                }
            }
        } catch (StackOverflowError e) {
            Object[] result = new Object[1];
            Thread t = new Thread(null, () -> {
                try {
                    result[0] = parseOnThisStack(source, filename, target, warnings);
                } catch (PythonError | UnsupportedFeatureException | RuntimeException | Error x) {
                    result[0] = x;
                }
            }, "py-compile-deep", DEEP_STACK_BYTES);
            t.start();
            boolean interrupted = false;
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException ie) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (result[0] instanceof PythonError pe) {
                throw pe;
            } else if (result[0] instanceof UnsupportedFeatureException ue) {
                throw ue;
            } else if (result[0] instanceof RuntimeException re) {
                throw re;
            } else if (result[0] instanceof Error er) {
                throw er;
            }
            return (Ast.ModuleNode) result[0];
        }
    }

    private static Ast.ModuleNode parseOnThisStack(byte[] source, String filename, PythonVersion target,
            Consumer<CompilerWarning> warnings) throws PythonError, UnsupportedFeatureException {
        SourceDecoder.DecodedSource decoded = SourceDecoder.decode(source, target, filename);
        Tokenizer tk = new Tokenizer(decoded.text(), target, filename, decoded.declared(), decoded.ascii());
        if (target != PythonVersion.V3_9) {
            return parseTokens(source, filename, target, warnings, decoded, tk);
        }
        try {
            return parseTokens(source, filename, target, warnings, decoded, tk);
        } catch (PythonError e) {
            throw withBufferText39(e, tk);
        }
    }

    /**
     * 3.9 reads a SyntaxError's text from the file the error names; where there is none (compile() of a
     * string under a name such as {@code <string>}) it takes the tokenizer's buffer (from the first line
     * of a token still being read when a line was entered, through the current line), and its print/exec
     * rewrite ({@link #parseModule}) reads that text. For a name in angle brackets (no file), where the
     * buffer's text and the error line's would rewrite differently, the error takes the buffer's (a print
     * of a multi-line string, say). Any other name is taken to be the file compiled.
     */
    private static PythonError withBufferText39(PythonError e, Tokenizer tk) {
        if (!e.typeName().equals("SyntaxError") || e.text() == null || !isPseudoFilename(e.filename())) {
            return e;
        }
        String buffer = tk.pgenText();
        String lineMsg = e.text().indexOf('(') < 0 ? legacyRewrite(e.text()) : null;
        String bufferMsg = buffer.indexOf('(') < 0 ? legacyRewrite(buffer) : null;
        if (java.util.Objects.equals(lineMsg, bufferMsg)) {
            return e; // neither rewrites, or both the same way
        }
        return new PythonError(e.typeName(), e.pyMessage(), e.filename(), e.lineno(), e.offset(), buffer,
                e.endLineno(), e.endOffset());
    }

    /** A file name such as {@code <string>}: no file CPython could read a line from. */
    static boolean isPseudoFilename(String filename) {
        return filename != null && filename.length() >= 2 && filename.startsWith("<") && filename.endsWith(">");
    }

    private static Ast.ModuleNode parseTokens(byte[] source, String filename, PythonVersion target,
            Consumer<CompilerWarning> warnings, SourceDecoder.DecodedSource decoded, Tokenizer tk)
            throws PythonError, UnsupportedFeatureException {
        // 3.6-3.8 decode literals in ast.c, after the LL(1) parser accepted the whole file
        Ll1Errors.WarningGate gate = Feature.PEG_PARSER.allowedIn(target) ? null : new Ll1Errors.WarningGate(warnings);
        Consumer<CompilerWarning> out = gate == null ? warnings : gate;
        tk.reportWarningsTo(w -> out.accept(new CompilerWarning(w.category(), w.message(), filename, w.lineno())));
        Parser311 p = new Parser311(tk, target, filename, out);
        if (gate != null) {
            gate.errors = p.ll1;
            p.ll1.gate = gate;
        }
        p.declaredEncoding = decoded.declared();
        Ast.ModuleNode m;
        try {
            m = p.file();
        } catch (PythonError e) {
            if (p.ll1 != null) {
                Ll1Recognizer.raiseIfRejected(source, decoded.text(), decoded.declared(), target, filename);
            }
            throw e;
        } catch (TokenizerFailure f) {
            if (p.ll1 != null) {
                Ll1Recognizer.raiseIfRejected(source, decoded.text(), decoded.declared(), target, filename);
            }
            if (f.parser && p.ll1 != null) {
                // the first pass's errors are pegen's: 3.6-3.8's own are not reproduced yet
                throw new UnsupportedFeatureException(target, Ll1Errors.REFUSAL, f.error.lineno());
            }
            throw f.parser && target.atLeast(PythonVersion.V3_10) ? withRestScanned(f.error, tk, p.furthestLine()) : f.error; // 3.9 scans no further
        } catch (UnsupportedConstruct r) {
            if (!r.getMessage().equals(GRAMMAR_FAILURE) && !r.getMessage().equals(TARGET_REFUSAL)) {
                if (p.ll1 != null) {
                    Ll1Recognizer.raiseIfRejected(source, decoded.text(), decoded.declared(), target, filename);
                }
                throw r.toException(target);
            }
            if (p.ll1 != null) {
                Ll1Recognizer.raiseIfRejected(source, decoded.text(), decoded.declared(), target, filename);
                throw r.toException(target); // the LL(1) parser accepts: an ast.c error, not reproduced yet
            }
            // pegen's second pass, from the start over the same tokens, with the error rules active
            Token firstPassLast = p.tokens.get(p.tokens.size() - 1);
            // 3.9 and 3.10 decode the strings again in the second pass, warning again; 3.11 on do not
            Parser311 p2 = new Parser311(tk, target, filename, target.atLeast(PythonVersion.V3_11) ? w -> { } : warnings,
                    p.tokens);
            p2.setErrorPass(true);
            p2.secondPass = target.atLeast(PythonVersion.V3_10); // 3.9 runs its rules within its one pass
            p2.pegFallbacks = true;
            p2.declaredEncoding = p.declaredEncoding;
            try {
                p2.file();
            } catch (TokenizerFailure f) {
                throw f.parser && target.atLeast(PythonVersion.V3_10) ? withRestScanned(f.error, tk, p2.furthestLine()) : f.error; // 3.9 scans no further
            } catch (UnsupportedConstruct r2) {
                if (GENERIC_ERRORS && (r2.getMessage().equals(GRAMMAR_FAILURE) || r2.getMessage().equals(TARGET_REFUSAL))) {
                    if (!target.atLeast(PythonVersion.V3_10)) {
                        throw p2.genericError39();
                    }
                    throw p2.genericError(firstPassLast);
                }
            }
            throw r.toException(target);
        }
        if (p.ll1 != null && (p.ll1.hasError() || Ll1Recognizer.mayOverflow(p.tokens.array(), p.tokens.size()))) {
            Ll1Recognizer.raiseIfRejected(source, decoded.text(), decoded.declared(), target, filename); // the LL(1) parse comes first
        }
        if (gate != null) {
            if (p.ll1.hasError()) {
                // a construct the target's grammar lacks comes before any of ast.c's errors: Ll1Trees refuses those
                Ll1Trees.apply(m, target, java.util.Arrays.asList(p.tokens.array()).subList(0, p.tokens.size()), p.fieldSources,
                        true);
            }
            // the LL(1) parser accepted the file: ast.c's warnings, up to its first error
            List<CompilerWarning> walked = target == PythonVersion.V3_6 ? AsyncNames36.of(m, filename) : List.of();
            if (!walked.isEmpty() && p.ll1.reorderedWarnings) {
                // merged by line, 3.6's async/await warnings would not fall where ast.c's building order gives them
                throw new UnsupportedFeatureException(target,
                        "3.6's async/await name warnings with warnings ast.c gives out of source order", walked.get(0).lineno());
            }
            gate.release(walked);
            p.ll1.raiseFirst();
            if (p.ll1ParenthesizedStar) {
                throw new UnsupportedFeatureException(target, "a parenthesized starred expression (3.6-3.8: its later error)", -1);
            }
        }
        if (Feature.FUTURE_IMPORTS_CHECKED_BY_PARSE.allowedIn(target)) {
            checkFutureImports(m, target, tk, filename);
        }
        if (!Feature.PEG_PARSER.allowedIn(target)) {
            try {
                m = Ll1Trees.apply(m, target, java.util.Arrays.asList(p.tokens.array()).subList(0, p.tokens.size()), p.fieldSources);
            } catch (UnsupportedFeatureException u) {
                // a construct of our grammar that 3.6-3.8's lacks: their LL(1) parser's error
                Ll1Recognizer.raiseIfRejected(source, decoded.text(), decoded.declared(), target, filename);
                throw u;
            }
        }
        return m;
    }

    private static final Set<String> FUTURE_NAMES = Set.of("nested_scopes", "generators", "division",
            "absolute_import", "with_statement", "print_function", "unicode_literals", "barry_as_FLUFL",
            "generator_stop", "annotations");

    /**
     * 3.14's {@code ast.parse} runs {@code future.c} over the module's leading block (a first statement
     * that is a str constant, then {@code from __future__} imports, semicolons or not; anything else
     * ends it): a feature it does not know is an error at that name ("not a chance" for braces). A
     * future import after the block is the compiler's error, not the parser's.
     */
    private static void checkFutureImports(Ast.ModuleNode m, PythonVersion target, Tokenizer tk, String filename)
            throws PythonError, UnsupportedFeatureException {
        List<Stmt> body = m.body();
        for (int i = 0; i < body.size(); i++) {
            Stmt s = body.get(i);
            if (i == 0 && s instanceof Ast.ExprStmt e && e.value() instanceof Ast.Constant c
                    && c.value() instanceof PyObject.Str) {
                continue;
            }
            if (!(s instanceof Ast.ImportFrom f && "__future__".equals(f.module())
                    && (f.level() == null || f.level() == 0))) {
                return;
            }
            for (Ast.Alias a : f.names()) {
                if (FUTURE_NAMES.contains(a.name())) {
                    continue;
                }
                String line = tk.lineText(a.lineno());
                if (a.endLineno() != a.lineno() || !line.chars().allMatch(ch -> ch < 0x80)) {
                    throw new UnsupportedFeatureException(target,
                            "this __future__ import (3.14's error, on a line with non-ASCII text)", s.lineno());
                }
                String msg = a.name().equals("braces") ? "not a chance"
                        : "future feature " + a.name() + " is not defined";
                throw new PythonError("SyntaxError", msg, filename, a.lineno(), a.colOffset() + 1, line,
                        a.endLineno(), a.endColOffset() + 1);
            }
        }
    }

    /** A tokenizer error, carried through the parser's frames. */
    private static final class TokenizerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final PythonError error;

        /** Raised by the parser (a rule or action), not by the tokenizer: the rest of the source is then scanned. */
        final boolean parser;

        TokenizerFailure(PythonError error) {
            this(error, false);
        }

        TokenizerFailure(PythonError error, boolean parser) {
            super(null, null, false, false);
            this.error = error;
            this.parser = parser;
        }
    }

    // ---------------------------------------------------------------- tokens

    /** A tokenizer error in an f-string field's source: refused (3.6-3.8: see {@link #fieldError36}). */
    private static final String FIELD_TOKENIZER_REFUSAL = "errors inside f-string fields (their messages)";

    private Token tok(int i) {
        return i < readCount ? readTokens[i] : read(i);
    }

    /** Reads tokens from the tokenizer up to index {@code i} (ENDMARKER stands for any index past it). */
    private Token read(int i) {
        TokenBuffer b = tokens;
        try {
            while (b.size() <= i) {
                if (b.lastKind() == TokenKind.ENDMARKER) {
                    return b.get(b.size() - 1);
                }
                Token t;
                try {
                    t = tokenizer.next();
                } catch (PythonError e) {
                    if (sub && !fieldErrors) {
                        throw new UnsupportedConstruct(FIELD_TOKENIZER_REFUSAL, -1);
                    }
                    throw new TokenizerFailure(e);
                }
                if (lineShift != 0 || colShift != 0) {
                    t = new Token(t.kind(), t.text(), t.startLine() + lineShift,
                            t.startLine() == 1 && t.startCol() >= 0 ? t.startCol() + colShift : t.startCol(),
                            t.endLine() + lineShift, t.endLine() == 1 && t.endCol() >= 0 ? t.endCol() + colShift : t.endCol(),
                            t.startIndex(), t.endIndex());
                }
                b.add(t);
            }
            return b.get(i);
        } finally {
            // the aliases tok() and kind() read: new arrays only after the buffer grew
            if (readTokens != b.array()) {
                readTokens = b.array();
                readKinds = b.kinds();
            }
            readCount = b.size();
        }
    }

    private Token peek() {
        return tok(pos);
    }

    /** The kind of token {@code i} (read if need be). */
    private TokenKind kind(int i) {
        return i < readCount ? readKinds[i] : read(i).kind();
    }

    private Token peek(int ahead) {
        return tok(pos + ahead);
    }

    /** The last token consumed that is not NEWLINE, INDENT, DEDENT or ENDMARKER (pegen's end position). */
    private Token last() {
        int i = pos - 1;
        if (i > 0 && i < readCount) {
            TokenKind k = readKinds[i];
            if (k != TokenKind.NEWLINE && k != TokenKind.INDENT && k != TokenKind.DEDENT && k != TokenKind.ENDMARKER) {
                return readTokens[i]; // the common case: the token just consumed
            }
        }
        while (i > 0) {
            TokenKind k = tokens.get(i).kind();
            if (k != TokenKind.NEWLINE && k != TokenKind.INDENT && k != TokenKind.DEDENT && k != TokenKind.ENDMARKER) {
                break;
            }
            i--;
        }
        return tokens.get(i);
    }

    private boolean at(TokenKind k) {
        return kind(pos) == k;
    }

    private boolean atKeyword(String kw) {
        TokenKind k = kind(pos);
        if (k != TokenKind.NAME && k != TokenKind.ASYNC && k != TokenKind.AWAIT) {
            return false;
        }
        Token t = readTokens[pos];
        if (k == TokenKind.NAME) {
            // in 3.6 a NAME async/await is an identifier (its keywords are ASYNC/AWAIT tokens)
            return t.text().equals(kw) && (keywords == KEYWORDS || !kw.equals("async") && !kw.equals("await"));
        }
        return (k == TokenKind.ASYNC || k == TokenKind.AWAIT) && t.text().equals(kw);
    }

    private boolean accept(TokenKind k) {
        if (at(k)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean acceptKeyword(String kw) {
        if (atKeyword(kw)) {
            pos++;
            return true;
        }
        return false;
    }

    private Token expect(TokenKind k) {
        if (!at(k)) {
            throw fail();
        }
        return tok(pos++);
    }

    private void expectKeyword(String kw) {
        if (!acceptKeyword(kw)) {
            throw fail();
        }
    }

    /** An error without location: at the furthest token read. */
    private TokenizerFailure lastTokenError(String type, String msg) {
        return errorAtToken0(type, tokens.get(tokens.size() - 1), msg);
    }

    private static final String TARGET_REFUSAL = "this assignment target (CPython's 'cannot assign' message is not reproduced yet)";
    private static final String GRAMMAR_FAILURE = "this syntax error (its exact CPython message is not reproduced yet)";
    /**
     * Whether a source that neither pass can parse gets CPython's generic error (on by default;
     * {@code -Dpycompile.genericErrors=false} refuses such sources instead, to measure the specific rules).
     */
    private static final boolean GENERIC_ERRORS = !"false".equals(System.getProperty("pycompile.genericErrors"));

    private UnsupportedConstruct fail() {
        return new UnsupportedConstruct(GRAMMAR_FAILURE, currentLine());
    }

    /** The line of the current token if read, else of the last one read: failing reads no further token. */
    private int currentLine() {
        if (pos < tokens.size()) {
            return tokens.get(pos).startLine();
        }
        return tokens.isEmpty() ? -1 : tokens.get(tokens.size() - 1).startLine();
    }

    /**
     * The error CPython raises when neither pass of its parser found a specific one: at the furthest
     * token the first pass read, "unexpected indent"/"unexpected unindent" for an INDENT/DEDENT there,
     * otherwise "invalid syntax" — unless tokenizing the rest of the source meets an error first.
     */
    private PythonError genericError(Token last) throws UnsupportedFeatureException {
        if (last.kind() == TokenKind.DEDENT && last.startIndex() >= tokenizer.text().length()) {
            // a DEDENT made at the end of the source has no position: the tokenizer's state places it
            int line = tokenizer.currentLine();
            String text = tokenizer.lineText(line).isEmpty() ? tokenizer.pgenText() : tokenizer.lineText(line);
            return new PythonError("IndentationError", "unexpected unindent", filename, line, bytesToEnd(last), text,
                    line, -1);
        }
        if (last.kind() == TokenKind.INDENT || last.kind() == TokenKind.DEDENT) {
            String text = tokenizer.text();
            int lineStart = text.lastIndexOf('\n', last.startIndex() - 1) + 1;
            return new PythonError("IndentationError", last.kind() == TokenKind.INDENT ? "unexpected indent"
                    : "unexpected unindent", filename, last.startLine(), last.startIndex() - lineStart,
                    tokenizer.lineText(last.startLine()), last.startLine(), -1);
        }
        return withRestScanned(syntaxError(last, last, "invalid syntax").error, tokenizer, furthestLine());
    }

    /**
     * 3.9's generic error: 3.9 runs its invalid_* rules within its one pass, so the error is at the
     * furthest token either of our passes read; "unexpected EOF while parsing" when that is the
     * ENDMARKER ({@link #eofError39}); no scan of the rest of the source.
     */
    private PythonError genericError39() throws UnsupportedFeatureException {
        Token last = tokens.get(tokens.size() - 1);
        if (last.kind() == TokenKind.ENDMARKER
                || last.kind() == TokenKind.DEDENT && last.startIndex() >= tokenizer.text().length()) {
            return eofError39(last); // a DEDENT at the end: the tokenizer has met the end too
        }
        if (last.kind() == TokenKind.INDENT || last.kind() == TokenKind.DEDENT) {
            return genericError(last);
        }
        return syntaxError(last, last, "invalid syntax").error;
    }

    /**
     * 3.9's "unexpected EOF while parsing": the tokenizer has met the end of the source, and the
     * token at the end has no position, so 3.9 places the error at the tokenizer's state: its line
     * count, and as offset the bytes from its buffer's start (the last line read between tokens) to the
     * end, not plus one. The text is the file's line there, or that buffer where the file has no such
     * line or there is no file ({@link #isPseudoFilename}). Where the bytes would be converted to
     * characters (a declared encoding, non-ASCII text) the source is refused.
     */
    private PythonError eofError39(Token last) throws UnsupportedFeatureException {
        String buffer = tokenizer.pgenText();
        int bytes = bytesToEnd(last);
        int line = tokenizer.currentLine();
        String text = isPseudoFilename(filename) || tokenizer.lineText(line).isEmpty() ? buffer : tokenizer.lineText(line);
        return new PythonError("SyntaxError", "unexpected EOF while parsing", filename, line, bytes, text, line, -1);
    }

    /**
     * The offset pegen gives a token without position made at the end of the source: the bytes from the
     * tokenizer's buffer start (the last line read between tokens) to the end, not plus one; 3.13+
     * count them as characters. Refused where 3.9-3.12 would convert them (a declared encoding,
     * non-ASCII text) and for text outside the BMP or undecodable.
     */
    private int bytesToEnd(Token last) throws UnsupportedFeatureException {
        String buffer = tokenizer.pgenText();
        boolean chars = target.atLeast(PythonVersion.V3_13);
        int bytes = 0;
        for (int i = 0; i < buffer.length(); i++) {
            char c = buffer.charAt(i);
            if (chars && c >= 0x80 && !Character.isSurrogate(c)) {
                bytes++;
                continue;
            }
            if (c >= 0x80 && (declaredEncoding || Character.isSurrogate(c))) {
                throw new UnsupportedFeatureException(target,
                        "an error at the end of the source after non-ASCII text (its offset)", last.startLine());
            }
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return bytes;
    }

    private UnsupportedConstruct refuse(String what) {
        return new UnsupportedConstruct(what, peek().startLine());
    }

    private boolean atName() {
        return kind(pos) == TokenKind.NAME && !keywords.contains(readTokens[pos].text());
    }

    /** A NAME token; a non-ASCII identifier NFKC-normalised, as the parser stores identifiers (PEP 3131). */
    private Token name() {
        if (!atName()) {
            throw fail();
        }
        Token t = tok(pos++);
        if (t.endCol() - t.startCol() == t.endIndex() - t.startIndex()) {
            return t; // as many UTF-8 bytes as chars (a name is on one line): ASCII, nothing to normalise
        }
        String text = t.text();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                String norm = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
                return norm.equals(text) ? t : new Token(t.kind(), norm, t.startLine(), t.startCol(), t.endLine(),
                        t.endCol(), t.startIndex(), t.endIndex());
            }
        }
        return t;
    }

    /** {@link #errorPass} and the nesting depth it allows, set together. */
    private void setErrorPass(boolean on) {
        errorPass = on;
        // the error pass spends more frames per level (its rules and memo): it goes half as deep
        depthLimit = on ? MAX_DEPTH / 2 : MAX_DEPTH;
    }

    /**
     * The deepest nesting {@link #enter} allows now (see {@link #setErrorPass}): a field, so that the
     * hot {@code enter} has no branch on the pass (one the first pass never takes would make every rule
     * that inlines it recompile when an error pass first runs).
     */
    private int depthLimit = MAX_DEPTH;

    private void enter() {
        if (++depth > depthLimit) {
            throw refuse("source nested this deeply");
        }
    }

    // positions: a node spans from token `start` to the last token consumed
    private int l(int start) {
        return tok(start).startLine();
    }

    private int c(int start) {
        return tok(start).startCol();
    }

    private int el() {
        return last().endLine();
    }

    private int ec() {
        return last().endCol();
    }

    // ---------------------------------------------------------------- statements

    private Ast.ModuleNode file() throws PythonError {
        try {
            List<Stmt> body = new ArrayList<>();
            while (!at(TokenKind.ENDMARKER)) {
                statement(body);
            }
            return new Ast.ModuleNode(body, List.of());
        } finally {
            // errors travel up as TokenizerFailure to parseModule
        }
    }

    /**
     * A SyntaxError of the parser stands unless tokenizing the rest of the source meets an error the
     * tokenizer raises itself, or EOF inside a bracket opened on a line before that of the furthest token
     * the parser read (3.10+'s {@code _PyPegen_tokenize_full_source_to_check_for_errors}).
     */
    private static PythonError withRestScanned(PythonError e, Tokenizer tk, int furthestLine) {
        PythonError later = tk.scanRestForErrors(furthestLine);
        return later != null ? later : e;
    }

    /** The line of the furthest token read (either pass): an unclosed bracket must open before it to count. */
    private int furthestLine() {
        return tokens.isEmpty() ? -1 : tokens.get(tokens.size() - 1).startLine();
    }

    private void statement(List<Stmt> out) {
        if (at(TokenKind.NEWLINE)) {
            throw fail(); // blank lines never reach the parser; a lone NEWLINE is an error
        }
        Stmt s = compoundStatement();
        if (s != null) {
            out.add(s);
        } else {
            simpleStatements(out);
        }
    }

    private List<Stmt> block() {
        return block(null, -1);
    }

    /**
     * A block after {@code desc} (e.g. "'if' statement", "function definition") whose keyword is at
     * token {@code kw}: a NEWLINE without an INDENT is 3.11's "expected an indented block after ...",
     * reported at the token after the NEWLINE (the last one read).
     */
    private List<Stmt> block(String desc, int kw) {
        List<Stmt> body = new ArrayList<>();
        if (accept(TokenKind.NEWLINE)) {
            if (!accept(TokenKind.INDENT)) {
                if (errorPass && !target.atLeast(PythonVersion.V3_10)) {
                    throw errorAtToken("IndentationError", peek(), "expected an indented block"); // 3.9's invalid_block
                }
                if (desc != null && errorPass) {
                    throw errorAtToken("IndentationError", peek(), "expected an indented block after " + desc
                            + " on line " + tok(kw).startLine());
                }
                throw fail();
            }
            do {
                statement(body);
            } while (!accept(TokenKind.DEDENT));
        } else {
            simpleStatements(body);
        }
        return body;
    }

    private void simpleStatements(List<Stmt> out) {
        out.add(simpleStatement());
        while (accept(TokenKind.SEMI)) {
            if (at(TokenKind.NEWLINE)) {
                break;
            }
            out.add(simpleStatement());
        }
        expect(TokenKind.NEWLINE);
    }

    private Stmt compoundStatement() {
        Token t = peek();
        if (t.kind() == TokenKind.AT) {
            return decorated();
        }
        if (t.kind() != TokenKind.NAME && t.kind() != TokenKind.ASYNC) {
            return null;
        }
        switch (t.text()) {
            case "def":
                return functionDef(List.of(), pos, false);
            case "class":
                return classDef(List.of(), pos);
            case "if":
                return ifStatement();
            case "while":
                return whileStatement();
            case "for":
                return forStatement(pos, false);
            case "with":
                return withStatement(pos, false);
            case "try":
                return tryStatement();
            case "async": {
                if (t.kind() != TokenKind.ASYNC && keywords != KEYWORDS) {
                    return null; // 3.6: an identifier
                }
                int start = pos;
                pos++;
                if (atKeyword("def")) {
                    return functionDef(List.of(), start, true);
                } else if (atKeyword("for")) {
                    return forStatement(start, true);
                } else if (atKeyword("with")) {
                    return withStatement(start, true);
                }
                throw fail();
            }
            case "match":
                return matchStatement ? matchStatement() : null;
            default:
                return null;
        }
    }

    // ---------------------------------------------------------------- match statements (PEP 634)

    /**
     * {@code match_stmt}, or null when the soft keyword {@code match} does not start one (the line is
     * then an ordinary statement): a subject, ':' NEWLINE INDENT must follow before the parser commits.
     */
    private Stmt matchStatement() {
        int start = pos;
        Expr subject;
        pos++;
        try {
            subject = subjectExpression();
            expect(TokenKind.COLON);
            expect(TokenKind.NEWLINE);
            if (!at(TokenKind.INDENT)) {
                throw fail();
            }
        } catch (UnsupportedConstruct notMatch) {
            pos = start;
            return errorPass ? matchHeaderErrors(start) : null;
        }
        pos++; // INDENT
        List<Ast.MatchCase> cases = new ArrayList<>();
        do {
            cases.add(caseBlock());
        } while (!accept(TokenKind.DEDENT));
        return new Ast.Match(subject, cases, l(start), c(start), el(), ec());
    }

    /** {@code subject_expr}: a tuple when a comma follows the first item, else a named expression. */
    private Expr subjectExpression() {
        int start = pos;
        Expr first = starNamedExpression();
        if (!at(TokenKind.COMMA)) {
            if (first instanceof Ast.Starred) {
                throw fail();
            }
            return first;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (accept(TokenKind.COMMA)) {
            if (!startsExpression()) {
                break;
            }
            elts.add(starNamedExpression());
        }
        return new Ast.TupleExpr(elts, ExprContext.Load, l(start), c(start), el(), ec());
    }

    private Expr starNamedExpression() {
        if (at(TokenKind.STAR)) {
            int start = pos++;
            Expr v = bitwiseOr();
            return new Ast.Starred(v, ExprContext.Load, l(start), c(start), el(), ec());
        }
        return namedExpression();
    }

    /**
     * A line starting with soft keyword {@code match} that is not a match statement. If the file fails
     * to parse, 3.11's error pass meets this line first and its rules for match headers decide the
     * error: "expected ':'" for {@code match subject NEWLINE}, an indented block wanted after
     * {@code match subject: NEWLINE}, reported at the last token read (see {@link #hijack}).
     */
    private Stmt matchHeaderErrors(int start) {
        try {
            pos = start + 1;
            subjectExpression();
            if (at(TokenKind.NEWLINE)) {
                throw lastTokenError("SyntaxError", "expected ':'");
            }
            if (accept(TokenKind.COLON) && accept(TokenKind.NEWLINE) && !at(TokenKind.INDENT)) {
                throw lastTokenError("IndentationError", "expected an indented block after 'match' statement on line "
                        + tok(start).startLine());
            }
        } catch (UnsupportedConstruct notMatch) {
            // not a match statement at all
        }
        pos = start;
        return null;
    }

    private Ast.MatchCase caseBlock() {
        if (!atKeyword("case")) {
            throw fail();
        }
        int kw = pos++;
        Ast.Pattern pattern = topPatterns();
        Expr guard = null;
        if (acceptKeyword("if")) {
            guard = namedExpression();
        }
        headerColon();
        List<Stmt> body = block("'case' statement", kw);
        return new Ast.MatchCase(pattern, guard, body);
    }

    /** {@code patterns}: an open sequence ({@code case a, *b:}) or one pattern. */
    private Ast.Pattern topPatterns() {
        int start = pos;
        Ast.Pattern first = maybeStarPattern();
        if (!at(TokenKind.COMMA)) {
            if (first instanceof Ast.MatchStar) {
                throw fail();
            }
            return first;
        }
        List<Ast.Pattern> items = openSequenceRest(first);
        return new Ast.MatchSequence(items, l(start), c(start), el(), ec());
    }

    /** After the first item of an open sequence, at its ',': the items, a trailing comma consumed. */
    private List<Ast.Pattern> openSequenceRest(Ast.Pattern first) {
        List<Ast.Pattern> items = new ArrayList<>();
        items.add(first);
        while (accept(TokenKind.COMMA)) {
            if (!startsPattern()) {
                break;
            }
            items.add(maybeStarPattern());
        }
        return items;
    }

    private boolean startsPattern() {
        Token t = peek();
        switch (t.kind()) {
            case NAME:
                return !keywords.contains(t.text()) || t.text().equals("None") || t.text().equals("True")
                        || t.text().equals("False");
            case NUMBER:
            case STRING:
            case FSTRING_START:
            case TSTRING_START:
            case MINUS:
            case LPAR:
            case LSQB:
            case LBRACE:
            case STAR:
                return true;
            default:
                return false;
        }
    }

    private Ast.Pattern maybeStarPattern() {
        if (at(TokenKind.STAR)) {
            int start = pos++;
            Token n = name();
            String target = n.text().equals("_") ? null : n.text();
            if (target != null) {
                checkCaptureFollow();
            }
            return new Ast.MatchStar(target, l(start), c(start), el(), ec());
        }
        return pattern();
    }

    /** {@code pattern_capture_target}'s negative lookahead: no '.', '(' or '=' after the name. */
    private void checkCaptureFollow() {
        if (at(TokenKind.DOT) || at(TokenKind.LPAR) || at(TokenKind.EQUAL)) {
            throw fail();
        }
    }

    /** {@code pattern}: an or-pattern, optionally {@code as NAME}. */
    private Ast.Pattern pattern() {
        enter();
        try {
            int start = pos;
            Ast.Pattern p = orPattern();
            if (acceptKeyword("as")) {
                if (errorPass) {
                    invalidAsPattern();
                }
                Token n = name();
                if (n.text().equals("_")) {
                    throw fail();
                }
                checkCaptureFollow();
                return new Ast.MatchAs(p, n.text(), l(start), c(start), el(), ec());
            }
            return p;
        } finally {
            depth--;
        }
    }

    /** invalid_as_pattern after {@code or_pattern 'as'}: '_' or something other than a name as the target. */
    private void invalidAsPattern() {
        Token t = peek();
        if (t.kind() == TokenKind.NAME && t.text().equals("_")) {
            throw syntaxError(t, t, "cannot use '_' as a target");
        }
        if (!atName()) {
            int s = pos;
            Expr a = attemptRule(this::expression);
            if (a != null) {
                throw rangeError(a, a, errors314 ? "cannot use " + exprName(a) + " as pattern target"
                        : "invalid pattern target");
            }
            pos = s;
        }
    }

    private Ast.Pattern orPattern() {
        int start = pos;
        Ast.Pattern first = closedPattern();
        if (!at(TokenKind.VBAR)) {
            return first;
        }
        List<Ast.Pattern> alts = new ArrayList<>();
        alts.add(first);
        while (accept(TokenKind.VBAR)) {
            alts.add(closedPattern());
        }
        return new Ast.MatchOr(alts, l(start), c(start), el(), ec());
    }

    private Ast.Pattern closedPattern() {
        Token t = peek();
        int start = pos;
        switch (t.kind()) {
            case NUMBER:
            case MINUS: {
                Expr v = numberLiteral();
                return new Ast.MatchValue(v, l(start), c(start), el(), ec());
            }
            case STRING:
            case FSTRING_START:
            case TSTRING_START: {
                Expr v = strings();
                return new Ast.MatchValue(v, l(start), c(start), el(), ec());
            }
            case LPAR:
                return parenthesizedPattern();
            case LSQB: {
                pos++;
                List<Ast.Pattern> items = new ArrayList<>();
                if (!at(TokenKind.RSQB)) {
                    items.add(maybeStarPattern());
                    items = openSequenceRest(items.get(0));
                }
                expect(TokenKind.RSQB);
                return new Ast.MatchSequence(items, l(start), c(start), el(), ec());
            }
            case LBRACE:
                return mappingPattern();
            case NAME:
                break;
            default:
                throw fail();
        }
        switch (t.text()) {
            case "None":
                pos++;
                return new Ast.MatchSingleton(PyObject.Singleton.NONE, l(start), c(start), el(), ec());
            case "True":
                pos++;
                return new Ast.MatchSingleton(PyObject.Singleton.TRUE, l(start), c(start), el(), ec());
            case "False":
                pos++;
                return new Ast.MatchSingleton(PyObject.Singleton.FALSE, l(start), c(start), el(), ec());
            default:
                break;
        }
        Token n = name();
        if (n.text().equals("_")) {
            if (at(TokenKind.DOT) || at(TokenKind.LPAR)) {
                throw refuse("'_' followed by '.' or '(' in a pattern");
            }
            return new Ast.MatchAs(null, null, l(start), c(start), el(), ec());
        }
        if (!at(TokenKind.DOT) && !at(TokenKind.LPAR)) {
            if (at(TokenKind.EQUAL)) {
                throw fail();
            }
            return new Ast.MatchAs(null, n.text(), l(start), c(start), el(), ec());
        }
        Expr cls = dottedRest(n, start);
        if (at(TokenKind.LPAR)) {
            return classPattern(cls, start);
        }
        if (at(TokenKind.EQUAL)) {
            throw fail();
        }
        return new Ast.MatchValue(cls, l(start), c(start), el(), ec());
    }

    /** {@code name_or_attr} after its first NAME: the Name, or the Attribute chain of the dotted name. */
    private Expr dottedRest(Token first, int start) {
        Expr e = new Ast.Name(first.text(), ExprContext.Load, first.startLine(), first.startCol(), first.endLine(),
                first.endCol());
        while (accept(TokenKind.DOT)) {
            String attr = name().text();
            e = new Ast.Attribute(e, attr, ExprContext.Load, l(start), c(start), el(), ec());
        }
        return e;
    }

    /** {@code signed_number !('+' | '-')} or {@code complex_number}. */
    private Expr numberLiteral() {
        int start = pos;
        Expr real = signedNumber();
        if (!at(TokenKind.PLUS) && !at(TokenKind.MINUS)) {
            return real;
        }
        Expr realPart = real instanceof Ast.UnaryOp u ? u.operand() : real;
        if (isImaginary(realPart)) {
            throw fail(); // "real number required in complex literal"
        }
        Ast.Operator op = at(TokenKind.PLUS) ? Ast.Operator.Add : Ast.Operator.Sub;
        pos++;
        if (!at(TokenKind.NUMBER)) {
            throw fail();
        }
        int is = pos++;
        Expr imag = constant(Literals.number(tok(is).text(), this::refuse), is);
        if (!isImaginary(imag)) {
            throw fail(); // "imaginary number required in complex literal"
        }
        return new Ast.BinOp(real, op, imag, l(start), c(start), el(), ec());
    }

    private static boolean isImaginary(Expr e) {
        return e instanceof Ast.Constant c && c.value() instanceof PyObject.Complex;
    }

    private Expr signedNumber() {
        int start = pos;
        if (accept(TokenKind.MINUS)) {
            if (!at(TokenKind.NUMBER)) {
                throw fail();
            }
            int ns = pos++;
            Expr n = constant(Literals.number(tok(ns).text(), this::refuse), ns);
            return new Ast.UnaryOp(Ast.UnaryOperator.USub, n, l(start), c(start), el(), ec());
        }
        if (!at(TokenKind.NUMBER)) {
            throw fail();
        }
        pos++;
        return constant(Literals.number(tok(start).text(), this::refuse), start);
    }

    /** A group {@code (p)}, or a sequence {@code ()}, {@code (p,)}, {@code (p, q)}. */
    private Ast.Pattern parenthesizedPattern() {
        int start = pos++;
        if (accept(TokenKind.RPAR)) {
            return new Ast.MatchSequence(List.of(), l(start), c(start), el(), ec());
        }
        Ast.Pattern first = maybeStarPattern();
        if (at(TokenKind.COMMA)) {
            List<Ast.Pattern> items = openSequenceRest(first);
            expect(TokenKind.RPAR);
            return new Ast.MatchSequence(items, l(start), c(start), el(), ec());
        }
        expect(TokenKind.RPAR);
        if (first instanceof Ast.MatchStar) {
            throw fail();
        }
        return first;
    }

    private Ast.Pattern mappingPattern() {
        int start = pos++;
        List<Expr> keys = new ArrayList<>();
        List<Ast.Pattern> values = new ArrayList<>();
        String rest = null;
        while (!at(TokenKind.RBRACE)) {
            if (accept(TokenKind.DOUBLESTAR)) {
                Token n = name();
                if (n.text().equals("_")) {
                    throw fail();
                }
                checkCaptureFollow();
                rest = n.text();
                accept(TokenKind.COMMA);
                break;
            }
            keys.add(mappingKey());
            expect(TokenKind.COLON);
            values.add(pattern());
            if (!accept(TokenKind.COMMA)) {
                break;
            }
        }
        expect(TokenKind.RBRACE);
        return new Ast.MatchMapping(keys, values, rest, l(start), c(start), el(), ec());
    }

    /** {@code literal_expr | attr}: a mapping pattern's key. */
    private Expr mappingKey() {
        Token t = peek();
        int start = pos;
        switch (t.kind()) {
            case NUMBER:
            case MINUS:
                return numberLiteral();
            case STRING:
            case FSTRING_START:
            case TSTRING_START:
                return strings();
            case NAME:
                break;
            default:
                throw fail();
        }
        switch (t.text()) {
            case "None":
                pos++;
                return constant(PyObject.Singleton.NONE, start);
            case "True":
                pos++;
                return constant(PyObject.Singleton.TRUE, start);
            case "False":
                pos++;
                return constant(PyObject.Singleton.FALSE, start);
            default:
                break;
        }
        Token n = name();
        if (!at(TokenKind.DOT)) {
            throw fail();
        }
        return dottedRest(n, start);
    }

    private Ast.Pattern classPattern(Expr cls, int start) {
        expect(TokenKind.LPAR);
        List<Ast.Pattern> args = new ArrayList<>();
        List<String> kwdAttrs = new ArrayList<>();
        List<Ast.Pattern> kwdPatterns = new ArrayList<>();
        while (!at(TokenKind.RPAR)) {
            if (atName() && peek(1).kind() == TokenKind.EQUAL) {
                kwdAttrs.add(tok(pos).text());
                pos += 2;
                kwdPatterns.add(pattern());
            } else {
                if (!kwdAttrs.isEmpty()) {
                    if (errorPass) {
                        positionalAfterKeywordPatterns();
                    }
                    throw fail(); // positional patterns follow keyword patterns
                }
                args.add(pattern());
            }
            if (!accept(TokenKind.COMMA)) {
                break;
            }
        }
        expect(TokenKind.RPAR);
        return new Ast.MatchClass(cls, args, kwdAttrs, kwdPatterns, l(start), c(start), el(), ec());
    }

    /** invalid_class_argument_pattern: the positional patterns after keyword ones, as one range. */
    private void positionalAfterKeywordPatterns() {
        int s = pos;
        List<Ast.Pattern> ps = new ArrayList<>();
        while (true) {
            int item = pos;
            Ast.Pattern p = attemptRule(this::pattern);
            if (p == null) {
                pos = item;
                break;
            }
            ps.add(p);
            if (!at(TokenKind.COMMA)) {
                break;
            }
            int comma = pos++;
            if (atName() && peek(1).kind() == TokenKind.EQUAL || at(TokenKind.RPAR)) {
                pos = comma;
                break;
            }
        }
        if (!ps.isEmpty()) {
            Ast.Pattern first = ps.get(0);
            Ast.Pattern last = ps.get(ps.size() - 1);
            throw rangeError((Ast.Located) first, (Ast.Located) last, "positional patterns follow keyword patterns");
        }
        pos = s;
    }

    private Stmt decorated() {
        List<Expr> decorators = new ArrayList<>();
        while (accept(TokenKind.AT)) {
            decorators.add(namedExpression());
            expect(TokenKind.NEWLINE);
        }
        int start = pos;
        if (atKeyword("def")) {
            return functionDef(decorators, start, false);
        }
        if (atKeyword("class")) {
            return classDef(decorators, start);
        }
        if (acceptKeyword("async") && atKeyword("def")) {
            return functionDef(decorators, start, true);
        }
        throw fail();
    }

    private Stmt functionDef(List<Expr> decorators, int start, boolean async) {
        int defKw = pos;
        expectKeyword("def");
        String name = name().text();
        ll1Bound(pos - 1, pos - 1);
        List<Ast.TypeParam> tps = typeParamsOpt();
        if (target.atLeast(PythonVersion.V3_11)) {
            defForced(TokenKind.LPAR, "(");
        } else {
            expect(TokenKind.LPAR); // forced from 3.11 on
        }
        Ast.Arguments args = checkedParameters(TokenKind.RPAR, true);
        expect(TokenKind.RPAR);
        Expr returns = null;
        if (at(TokenKind.RARROW)) {
            // ['->' expression]: without its expression, the forced ':' decides at the '->'
            int arrow = pos++;
            returns = attemptRule(this::expression);
            if (returns == null && !pegFallbacks && !errors313 && target.atLeast(PythonVersion.V3_10)) {
                // 3.10-3.12 force the ':' in the valid rule, so in the first pass: the annotation is then
                // what pegen's expression keeps of a failing one (the error pass's fallbacks: 'a[b c]' is 'a')
                pegFallbacks = true;
                try {
                    returns = attemptRule(this::expression);
                } finally {
                    pegFallbacks = false;
                }
            }
            if (returns == null) {
                pos = arrow;
            }
        }
        defForced(TokenKind.COLON, ":");
        List<Stmt> body = block("function definition", defKw);
        if (async) {
            return new Ast.AsyncFunctionDef(name, args, body, decorators, returns, null, tps, l(start), c(start), el(),
                    ec());
        }
        return new Ast.FunctionDef(name, args, body, decorators, returns, null, tps, l(start), c(start), el(), ec());
    }

    /**
     * A def's forced '(' and ':': in its valid rule up to 3.12; from 3.13 in invalid_def_raw, so only the
     * error pass forces them.
     */
    private void defForced(TokenKind kind, String text) {
        if (errors313 && !errorPass) {
            expect(kind);
        } else {
            expectForced(kind, text);
        }
    }

    private Stmt classDef(List<Expr> decorators, int start) {
        int kw = pos;
        expectKeyword("class");
        String name = name().text();
        List<Ast.TypeParam> tps = typeParamsOpt();
        List<Expr> bases = new ArrayList<>();
        List<Ast.Keyword> keywords = new ArrayList<>();
        if (accept(TokenKind.LPAR)) {
            if (!at(TokenKind.RPAR)) {
                classBases = bases;
                checkedArguments(bases, keywords);
            }
            expect(TokenKind.RPAR);
        }
        headerColon();
        int suite = pos;
        List<Stmt> body = block("class definition", kw);
        if (ll1 != null) {
            // ast.c checks a class's name once its bases and body are built, at its name when it has
            // arguments, else at the ')' or at the body's first token
            ll1Bound(kw + 1, !bases.isEmpty() || !keywords.isEmpty() ? kw + 1 : tok(kw + 2).kind() == TokenKind.LPAR ? kw + 3 : suite);
        }
        return new Ast.ClassDef(name, bases, keywords, body, decorators, tps, l(start), c(start), el(), ec());
    }

    // ---------------------------------------------------------------- type parameters (PEP 695, 696)

    /** {@code [type_params]} after a def's or class's name or a type alias's: none before 3.12. */
    private List<Ast.TypeParam> typeParamsOpt() {
        if (!typeParams || !at(TokenKind.LSQB)) {
            return List.of();
        }
        pos++;
        if (errorPass && errors313 && at(TokenKind.RSQB)) {
            // invalid_type_params: '[' ']'
            throw startingFrom(tokenNode(peek()), tokens.get(tokens.size() - 1), "Type parameter list cannot be empty");
        }
        int open = pos - 1;
        try {
            List<Ast.TypeParam> out = new ArrayList<>();
            do {
                if (at(TokenKind.RSQB) && !out.isEmpty()) {
                    break;
                }
                out.add(typeParam());
            } while (accept(TokenKind.COMMA));
            expect(TokenKind.RSQB);
            return out;
        } catch (UnsupportedConstruct e) {
            if (!e.getMessage().equals(GRAMMAR_FAILURE)) {
                throw e;
            }
            pos = open; // optional: what follows the name decides (a def's forced '(' raises there)
            return List.of();
        }
    }

    /** {@code type_param}: a TypeVar (bound), *TypeVarTuple or **ParamSpec, each with a 3.13+ default. */
    private Ast.TypeParam typeParam() {
        int start = pos;
        if (accept(TokenKind.STAR)) {
            String n = name().text();
            if (at(TokenKind.COLON)) {
                boundErrors("TypeVarTuple");
                throw fail();
            }
            Expr dflt = typeParamDefaults && accept(TokenKind.EQUAL) ? starExpression() : null;
            return new Ast.TypeVarTuple(n, dflt, l(start), c(start), el(), ec());
        }
        if (accept(TokenKind.DOUBLESTAR)) {
            String n = name().text();
            if (at(TokenKind.COLON)) {
                boundErrors("ParamSpec");
                throw fail();
            }
            Expr dflt = typeParamDefaults && accept(TokenKind.EQUAL) ? expression() : null;
            return new Ast.ParamSpec(n, dflt, l(start), c(start), el(), ec());
        }
        String n = name().text();
        Expr bound = accept(TokenKind.COLON) ? expression() : null;
        Expr dflt = typeParamDefaults && accept(TokenKind.EQUAL) ? expression() : null;
        return new Ast.TypeVar(n, bound, dflt, l(start), c(start), el(), ec());
    }

    /**
     * At the ':' after {@code *NAME} or {@code **NAME} in type parameters: a bound or constraints, an
     * error from the ':' to where the tokenizer stands (3.12's valid rule raises it; 3.13's
     * invalid_type_param, in the error pass).
     */
    private void boundErrors(String kind) {
        if (errors313 && !errorPass) {
            return;
        }
        int s = pos;
        Token colon = tok(pos++);
        Expr e = attemptRule(this::expression);
        if (e != null) {
            throw startingFrom(tokenNode(colon), tokens.get(tokens.size() - 1), (e instanceof Ast.TupleExpr
                    ? "cannot use constraints with " : "cannot use bound with ") + kind);
        }
        pos = s;
    }

    /** At the soft keyword {@code type}: does a type alias statement start here (3.12+)? */
    private boolean atTypeAlias() {
        if (!typeParams || !atKeyword("type")) {
            return false;
        }
        Token n = peek(1);
        // the token after the name only when there is one (the furthest token read decides an error's place)
        return n.kind() == TokenKind.NAME && !KEYWORDS.contains(n.text())
                && (peek(2).kind() == TokenKind.EQUAL || peek(2).kind() == TokenKind.LSQB);
    }

    /** {@code "type" NAME [type_params] '=' expression}. */
    private Stmt typeAlias() {
        int start = pos++;
        Token n = name();
        Expr target = new Ast.Name(n.text(), ExprContext.Store, n.startLine(), n.startCol(), n.endLine(), n.endCol());
        List<Ast.TypeParam> tps = typeParamsOpt();
        expect(TokenKind.EQUAL);
        Expr value = expression();
        return new Ast.TypeAlias(target, tps, value, l(start), c(start), el(), ec());
    }

    private Stmt ifStatement() {
        if (ll1 == null) {
            return ifClause(null, null);
        }
        // 3.6-3.8's ast.c builds an if statement's last elif first (with the else block after it), then
        // the other elifs backwards, the 'if' clause last
        Ll1Errors.Reorder r = ll1.reorderStart();
        boolean[] hasElse = new boolean[1];
        boolean done = false;
        try {
            Stmt st = ifClause(r, hasElse);
            done = true;
            if (r != null) {
                int k = r.parts(); // the if and elif clauses; the else block is the part after them
                int[] order = new int[k + 1];
                int n = 0;
                order[n++] = k - 1;
                if (hasElse[0] && k > 1) {
                    order[n++] = k;
                }
                for (int i = k - 2; i >= 0; i--) {
                    order[n++] = i;
                }
                if (n == k) {
                    order[n++] = k;
                }
                ll1.reorderEnd(r, order);
            }
            return st;
        } finally {
            if (!done) {
                ll1.reorderAbort(r);
            }
        }
    }

    private Stmt ifClause(Ll1Errors.Reorder r, boolean[] hasElse) {
        int start = pos;
        String kw = tok(pos).text();
        pos++; // 'if' or 'elif'
        Expr test = ll1NamedExpression();
        headerColon();
        List<Stmt> body = block("'" + kw + "' statement", start);
        if (r != null) {
            ll1.reorderCut(r);
        }
        List<Stmt> orelse = List.of();
        if (atKeyword("elif")) {
            orelse = List.of(ifClause(r, hasElse));
        } else if (atKeyword("else")) {
            if (hasElse != null) {
                hasElse[0] = true;
            }
            orelse = elseBlock();
        }
        return new Ast.If(test, body, orelse, l(start), c(start), el(), ec());
    }

    /** {@code else: block} (its ':' forced). */
    private List<Stmt> elseBlock() {
        int kw = pos++;
        expectForced(TokenKind.COLON, ":");
        return block("'else' statement", kw);
    }

    private Stmt whileStatement() {
        int start = pos++;
        Expr test = ll1NamedExpression();
        headerColon();
        List<Stmt> body = block("'while' statement", start);
        List<Stmt> orelse = List.of();
        if (atKeyword("else")) {
            orelse = elseBlock();
        }
        return new Ast.While(test, body, orelse, l(start), c(start), el(), ec());
    }

    /**
     * {@code star_targets 'in'} after 'for'. In the error pass, where they do not parse, the rules after
     * the valid alternatives decide: 3.13's invalid_for_if_clause in a comprehension, then
     * invalid_for_target (a target that cannot be one).
     */
    private Expr forTargetIn(boolean comprehension) {
        int s = pos;
        try {
            Expr target = targetList(ExprContext.Store, "in");
            expectKeyword("in");
            return target;
        } catch (UnsupportedConstruct e) {
            if (!errorPass && comprehension && errors313 && !errors314
                    && (e.getMessage().equals(GRAMMAR_FAILURE) || e.getMessage().equals(TARGET_REFUSAL))) {
                // 3.13 writes invalid_for_if_clause's alternative into for_if_clause itself, unguarded: it
                // runs with the error rules off too (the first pass, expression_without_invalid), reading
                // as PEG does
                int failedAt = pos;
                pos = s;
                withFallbacks(this::invalidForIfClause);
                pos = failedAt;
            }
            if (!errorPass || !e.getMessage().equals(GRAMMAR_FAILURE) && !e.getMessage().equals(TARGET_REFUSAL)) {
                throw e;
            }
            int failedAt = pos;
            if (comprehension && errors313) {
                pos = s;
                invalidForIfClause();
            }
            pos = s;
            new TargetErrors().invalidTarget(TargetErrors.FOR);
            pos = failedAt;
            throw e;
        }
    }

    /** 3.13's invalid_for_if_clause: {@code bitwise_or (',' bitwise_or)* [','] !'in'}, at the last token read. */
    private void invalidForIfClause() {
        if (attemptRule(this::bitwiseOr) == null) {
            return;
        }
        while (at(TokenKind.COMMA)) {
            int comma = pos++;
            if (attemptRule(this::bitwiseOr) == null) {
                pos = comma + 1; // the optional trailing comma
                break;
            }
        }
        if (!atKeyword("in")) {
            throw lastTokenError("SyntaxError", "'in' expected after for-loop variables");
        }
    }

    private Stmt forStatement(int start, boolean async) {
        // 3.6-3.8's ast.c builds a for statement's else block first
        Ll1Errors.Reorder r = ll1 != null ? ll1.reorderStart() : null;
        boolean done = false;
        try {
            Stmt st = forStatement0(start, async, r);
            done = true;
            if (r != null) {
                ll1.reorderEnd(r, 1, 0);
            }
            return st;
        } finally {
            if (!done && r != null) {
                ll1.reorderAbort(r);
            }
        }
    }

    private Stmt forStatement0(int start, boolean async, Ll1Errors.Reorder r) {
        int kw = pos;
        expectKeyword("for");
        Expr target = forTargetIn(false);
        Expr iter = starExpressions();
        headerColon();
        List<Stmt> body = block("'for' statement", kw);
        if (r != null) {
            ll1.reorderCut(r);
        }
        List<Stmt> orelse = List.of();
        if (atKeyword("else")) {
            orelse = elseBlock();
        }
        if (async) {
            return new Ast.AsyncFor(target, iter, body, orelse, null, l(start), c(start), el(), ec());
        }
        return new Ast.For(target, iter, body, orelse, null, l(start), c(start), el(), ec());
    }

    private Stmt withStatement(int start, boolean async) {
        int kw = pos;
        expectKeyword("with");
        List<Ast.WithItem> items = new ArrayList<>();
        boolean done = false;
        if (at(TokenKind.LPAR)) {
            // with ( item, item [,] ) : — only when the parenthesis closes just before the ':'
            int mark = pos;
            pos++;
            try {
                List<Ast.WithItem> inner = new ArrayList<>();
                inner.add(withItem());
                while (accept(TokenKind.COMMA)) {
                    if (at(TokenKind.RPAR)) {
                        break;
                    }
                    inner.add(withItem());
                }
                expect(TokenKind.RPAR);
                if (at(TokenKind.COLON) || at(TokenKind.NEWLINE)) {
                    items = inner;
                    done = true;
                } else {
                    pos = mark;
                }
            } catch (UnsupportedConstruct r) {
                pos = mark;
            }
            if (!done) {
                parenthesized.clear();
            }
        }
        if (!done) {
            items.add(withItem());
            while (accept(TokenKind.COMMA)) {
                items.add(withItem());
            }
        }
        headerColon();
        List<Stmt> body = block("'with' statement", kw);
        if (async) {
            return new Ast.AsyncWith(items, body, null, l(start), c(start), el(), ec());
        }
        return new Ast.With(items, body, null, l(start), c(start), el(), ec());
    }

    private Ast.WithItem withItem() {
        int itemStart = pos;
        Expr e = expression();
        Expr vars = null;
        if (acceptKeyword("as")) {
            int s = pos;
            try {
                Expr v = starTarget();
                if (ll1 != null && v instanceof Ast.Starred) {
                    throw refuse("a starred with-item target (3.6-3.8's parser error)");
                }
                vars = ll1 != null ? ll1Target(v, ExprContext.Store, itemStart) : toTarget(v, ExprContext.Store);
                if (!at(TokenKind.COMMA) && !at(TokenKind.RPAR) && !at(TokenKind.COLON) && !at(TokenKind.NEWLINE)) {
                    throw fail();
                }
            } catch (UnsupportedConstruct u) {
                if (!errorPass || !u.getMessage().equals(GRAMMAR_FAILURE) && !u.getMessage().equals(TARGET_REFUSAL)) {
                    throw u;
                }
                // invalid_with_item: expression 'as' expression &(',' | ')' | ':'); 3.9's has no look-ahead
                int failedAt = pos;
                pos = s;
                Expr a = attemptRule(this::expression);
                if (a != null && (!target.atLeast(PythonVersion.V3_10) || at(TokenKind.COMMA) || at(TokenKind.RPAR)
                        || at(TokenKind.COLON))) {
                    Expr bad = new TargetErrors().invalidTarget(a, TargetErrors.STAR);
                    if (bad != null) {
                        throw rangeError(bad, bad, "cannot assign to " + nameOf(bad));
                    }
                    if (!target.atLeast(PythonVersion.V3_10)) {
                        throw lastTokenError("SyntaxError", "invalid syntax"); // 3.9's macro without a bad target
                    }
                }
                pos = failedAt;
                throw u;
            }
        }
        return new Ast.WithItem(e, vars);
    }

    private Stmt tryStatement() {
        // 3.6-3.8's ast.c builds a try statement's body, else block and finally block before its handlers
        Ll1Errors.Reorder r = ll1 != null ? ll1.reorderStart() : null;
        boolean done = false;
        try {
            Stmt st = tryStatement0(r);
            done = true;
            if (r != null) {
                int n = r.parts() - 2; // the handlers: parts 1..n, then the else block; the finally block is the last
                int[] order = new int[n + 3];
                order[1] = n + 1;
                order[2] = n + 2;
                for (int i = 1; i <= n; i++) {
                    order[i + 2] = i;
                }
                ll1.reorderEnd(r, order);
            }
            return st;
        } finally {
            if (!done && r != null) {
                ll1.reorderAbort(r);
            }
        }
    }

    private Stmt tryStatement0(Ll1Errors.Reorder r) {
        int start = pos++;
        expectForced(TokenKind.COLON, ":");
        // 3.11+'s invalid_try_stmt reads 'try' ':' block* except_block+: with 'except' right after the ':',
        // no block, its handlers' error rules decide (then the generic error, see the end of the handlers)
        boolean noBody = errorPass && exceptStar && atKeyword("except");
        List<Stmt> body = noBody ? List.of() : block("'try' statement", start);
        if (r != null) {
            ll1.reorderCut(r);
        }
        if (!atKeyword("except") && !atKeyword("finally")) {
            if (!errorPass || !target.atLeast(PythonVersion.V3_10)) {
                throw fail(); // invalid_try_stmt came with 3.10: 3.9's error is the generic one
            }
            throw errorAtToken("SyntaxError", peek(), "expected 'except' or 'finally' block");
        }
        List<Ast.ExceptHandler> handlers = new ArrayList<>();
        boolean star = false;
        while (atKeyword("except")) {
            int hs = pos++;
            boolean thisStar = exceptStar && accept(TokenKind.STAR);
            if (!errorPass && thisStar && !handlers.isEmpty() && !star) {
                throw fail(); // pegen's first pass reads no further than the '*' of 'except*' after plain handlers
            }
            // 3.14 has this error in except_star_block only: not after plain handlers
            if (thisStar && (at(TokenKind.COLON) || at(TokenKind.NEWLINE)) && !(errors314 && !handlers.isEmpty() && !star)) {
                if (!errorPass) {
                    throw fail();
                }
                throw syntaxError(peek(), peek(), "expected one or more exception types");
            }
            if (!handlers.isEmpty() && thisStar != star) {
                if (!errorPass) {
                    throw fail();
                }
                mixedHandlers(hs, thisStar);
            }
            star = thisStar;
            Expr type = null;
            String name = null;
            if (at(TokenKind.NEWLINE)) {
                headerColon();
            }
            // 3.6-3.8's ast.c checks the name after 'as' before it builds the type
            Ll1Errors.Reorder hr = ll1 != null ? ll1.reorderStart() : null;
            boolean hdone = false;
            try {
                if (!at(TokenKind.COLON)) {
                    int ts = pos;
                    type = expression();
                    if (hr != null) {
                        ll1.reorderCut(hr);
                    }
                    if (at(TokenKind.COMMA)) {
                        if (!unparenthesizedExcept) {
                            if (errorPass && target.atLeast(PythonVersion.V3_10)) {
                                multipleExceptionTypes(type);
                            }
                            throw fail(); // "multiple exception types must be parenthesized"
                        }
                        // 3.14 (PEP 758): 'except' expressions ':' — a tuple, no 'as'
                        List<Expr> elts = new ArrayList<>();
                        elts.add(type);
                        while (accept(TokenKind.COMMA)) {
                            if (at(TokenKind.COLON)) {
                                break;
                            }
                            elts.add(expression());
                        }
                        type = new Ast.TupleExpr(elts, ExprContext.Load, l(ts), c(ts), el(), ec());
                        if (!at(TokenKind.COLON)) {
                            if (errorPass && atKeyword("as") && atNameAt(pos + 1) && peek(2).kind() == TokenKind.COLON) {
                                // invalid_except_stmt (3.14): 'except' '*'? expression ',' expressions 'as' NAME ':'
                                pos += 3;
                                throw startingFrom(elts.get(0), tokens.get(tokens.size() - 1),
                                        "multiple exception types must be parenthesized when using 'as'");
                            }
                            throw fail();
                        }
                    } else if (acceptKeyword("as")) {
                        if (errorPass && errors314 && !(atName() && peek(1).kind() == TokenKind.COLON)) {
                            exceptTargetErrors(thisStar);
                        }
                        name = name().text();
                        ll1Bound(pos - 1, pos - 1);
                    }
                }
                hdone = true;
            } finally {
                if (hr != null) {
                    if (hdone && hr.parts() == 1) {
                        ll1.reorderEnd(hr, 1, 0);
                    } else if (hdone) {
                        ll1.reorderEnd(hr, 0);
                    } else {
                        ll1.reorderAbort(hr);
                    }
                }
            }
            headerColon();
            List<Stmt> hbody = block(thisStar ? "'except*' statement" : "'except' statement", hs);
            handlers.add(new Ast.ExceptHandler(type, name, hbody, l(hs), c(hs), el(), ec()));
            if (r != null) {
                ll1.reorderCut(r);
            }
        }
        if (noBody) {
            throw fail();
        }
        List<Stmt> orelse = List.of();
        List<Stmt> finalbody = List.of();
        if (!handlers.isEmpty() && atKeyword("else")) {
            orelse = elseBlock();
        }
        if (r != null) {
            ll1.reorderCut(r);
        }
        if (atKeyword("finally")) {
            int kw = pos++;
            expectForced(TokenKind.COLON, ":");
            finalbody = block("'finally' statement", kw);
        }
        if (handlers.isEmpty() && finalbody.isEmpty()) {
            throw fail();
        }
        if (star) {
            return new Ast.TryStar(body, handlers, orelse, finalbody, l(start), c(start), el(), ec());
        }
        return new Ast.Try(body, handlers, orelse, finalbody, l(start), c(start), el(), ec());
    }

    /**
     * A handler of the other kind after {@code except} or {@code except*} ones: when the handler is
     * otherwise well formed up to its colon, 3.11's error-pass rule for it applies (the range of
     * {@code except *}, or just {@code except} after {@code except*} handlers); anything else is refused.
     */
    private void mixedHandlers(int exceptPos, boolean thisStar) {
        int save = pos;
        boolean wellFormed;
        try {
            if (thisStar || !at(TokenKind.COLON)) {
                expression();
                if (acceptKeyword("as")) {
                    name();
                }
            }
            wellFormed = at(TokenKind.COLON);
        } catch (UnsupportedConstruct e) {
            wellFormed = false;
        }
        pos = save;
        if (!wellFormed) {
            throw fail();
        }
        Token except = tok(exceptPos);
        throw syntaxError(except, thisStar ? tok(exceptPos + 1) : except,
                "cannot have both 'except' and 'except*' on the same 'try'");
    }

    /**
     * The ':' ending a compound statement's header; a NEWLINE instead is 3.11's "expected ':'" (its
     * error-pass rules for if/elif/while/for/with/class/except/case/match headers), at that NEWLINE.
     */
    private void headerColon() {
        if (errorPass && at(TokenKind.NEWLINE) && target.atLeast(PythonVersion.V3_10)) {
            throw errorAtToken("SyntaxError", peek(), "expected ':'");
        }
        expect(TokenKind.COLON);
    }

    /**
     * An error where pegen reports one without a location: at the last token read. A token without
     * columns (INDENT, DEDENT, ENDMARKER) gives the tokenizer's column within its line and no end; a
     * NEWLINE ends where it starts.
     */
    private TokenizerFailure errorAtToken(String type, Token t, String msg) {
        return errorAtToken0(type, t, msg);
    }

    private TokenizerFailure errorAtToken0(String type, Token t, String msg) {
        if (t.startCol() < 0) {
            String text = tokenizer.text();
            int idx = t.startIndex();
            int lineStart = text.lastIndexOf('\n', idx - 1) + 1;
            int line = t.startLine();
            if (idx >= text.length() && lineStart == idx && idx > 0) {
                lineStart = text.lastIndexOf('\n', idx - 2) + 1; // at EOF the tokenizer still stands on the last line
            }
            int col = text.substring(lineStart, idx).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            return new TokenizerFailure(new PythonError(type, msg, filename, line, col, tokenizer.lineText(line), line, -1), true);
        }
        int off = tokenizer.charColumn(t.startLine(), startCol(t)) + 1;
        int end = t.kind() == TokenKind.NEWLINE
                ? tokenizer.charColumn(t.startLine(), t.startCol()) + (target.atLeast(PythonVersion.V3_12) ? 2 : 1)
                : tokenizer.charColumn(t.endLine(), t.endCol()) + 1;
        return new TokenizerFailure(new PythonError(type, msg, filename, t.startLine(), off,
                tokenizer.lineText(t.startLine()), t.endLine(), end), true);
    }

    /**
     * A token's start column as pegen sees it: a NEWLINE after a comment starts where the comment does
     * (and ends at the line's end).
     */
    private int startCol(Token t) {
        if (t.kind() != TokenKind.NEWLINE) {
            return t.startCol();
        }
        String line = tokenizer.lineText(t.startLine());
        byte[] b = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int i = tokens.indexOf(t);
        int from = 0;
        if (i > 0 && tokens.get(i - 1).endLine() == t.startLine()) {
            from = tokens.get(i - 1).endCol();
        }
        for (int k = from; k < Math.min(t.startCol(), b.length); k++) {
            if (b[k] == '#') {
                return k;
            }
        }
        return t.startCol();
    }

    /** A SyntaxError spanning tokens {@code from} to {@code to}, with offsets in characters as CPython gives them. */
    private TokenizerFailure syntaxError(Token from, Token to, String msg) {
        return syntaxError0(from, to, msg);
    }

    /** As {@link #syntaxError}, for errors of the first pass (forced tokens), which no error-pass rule precedes. */
    private TokenizerFailure syntaxError0(Token from, Token to, String msg) {
        // a NEWLINE ends where it starts before 3.12, one column later since
        int end = to.kind() != TokenKind.NEWLINE ? to.endCol()
                : target.atLeast(PythonVersion.V3_12) ? to.startCol() + 1 : to.startCol();
        return new TokenizerFailure(new PythonError("SyntaxError", msg, filename, from.startLine(),
                tokenizer.charColumn(from.startLine(), startCol(from)) + 1, tokenizer.lineText(from.startLine()),
                to.endLine(), to.endLine() != from.startLine() ? tokenizer.offsetOverLine(from.startLine(), end + 1)
                        : tokenizer.charColumn(to.endLine(), end) + 1), true);
    }

    /**
     * 3.14's rule for an except target that is not a name: {@code 'except' '*'? expression 'as'
     * expression ':' block}, at the expression after 'as' (the block read with its own error rules).
     */
    private void exceptTargetErrors(boolean star) {
        int s = pos;
        Expr a = attemptRule(this::expression);
        if (a != null && accept(TokenKind.COLON) && attemptRule(() -> block()) != null) {
            throw rangeError(a, a, "cannot use except" + (star ? "*" : "") + " statement with " + exprName(a));
        }
        pos = s;
    }

    /** Error pass: {@code 'except' '*'? a=expression ',' expressions ['as' NAME] ':'}, at the ','. */
    private void multipleExceptionTypes(Expr type) {
        int s = pos;
        pos++;
        if (attemptRule(this::starExpressions) != null) {
            boolean ok = true;
            if (acceptKeyword("as")) {
                ok = atName();
                pos++;
            }
            if (ok && at(TokenKind.COLON)) {
                throw startingFrom(type, peek(), "multiple exception types must be parenthesized");
            }
        }
        pos = s;
    }

    private Stmt simpleStatement() {
        int start = pos;
        Token t = peek();
        if (t.kind() == TokenKind.NAME) {
            switch (t.text()) {
                case "pass":
                    pos++;
                    return new Ast.Pass(l(start), c(start), el(), ec());
                case "break":
                    pos++;
                    return new Ast.Break(l(start), c(start), el(), ec());
                case "continue":
                    pos++;
                    return new Ast.Continue(l(start), c(start), el(), ec());
                case "return": {
                    pos++;
                    Expr v = atSimpleEnd() ? null : starExpressions();
                    return new Ast.Return(v, l(start), c(start), el(), ec());
                }
                case "raise": {
                    pos++;
                    Expr exc = null;
                    Expr cause = null;
                    if (!atSimpleEnd()) {
                        exc = expression();
                        if (acceptKeyword("from")) {
                            cause = expression();
                        }
                    }
                    return new Ast.Raise(exc, cause, l(start), c(start), el(), ec());
                }
                case "global":
                case "nonlocal": {
                    pos++;
                    List<String> names = new ArrayList<>();
                    names.add(name().text());
                    while (accept(TokenKind.COMMA)) {
                        names.add(name().text());
                    }
                    return t.text().equals("global") ? new Ast.Global(names, l(start), c(start), el(), ec())
                            : new Ast.Nonlocal(names, l(start), c(start), el(), ec());
                }
                case "del": {
                    pos++;
                    List<Expr> targets = new ArrayList<>();
                    try {
                        do {
                            if (atSimpleEnd()) {
                                break;
                            }
                            if (ll1 == null && !errorPass && at(TokenKind.STAR)) {
                                throw fail(); // pegen's del_target takes no '*': its first pass reads no further
                            }
                            int elt = pos;
                            Expr d = bitwiseOrOrStarred();
                            targets.add(ll1 != null ? ll1Target(d, ExprContext.Del, elt) : toTarget(d, ExprContext.Del));
                        } while (accept(TokenKind.COMMA));
                        if (targets.isEmpty() || !atSimpleEnd()) {
                            throw fail();
                        }
                    } catch (UnsupportedConstruct e) {
                        if (!errorPass || !e.getMessage().equals(GRAMMAR_FAILURE) && !e.getMessage().equals(TARGET_REFUSAL)) {
                            throw e;
                        }
                        int failedAt = pos;
                        pos = start + 1;
                        new TargetErrors().invalidTarget(TargetErrors.DEL);
                        pos = failedAt;
                        throw e;
                    }
                    return new Ast.Delete(targets, l(start), c(start), el(), ec());
                }
                case "assert": {
                    pos++;
                    Expr test = expression();
                    Expr msg = accept(TokenKind.COMMA) ? expression() : null;
                    return new Ast.Assert(test, msg, l(start), c(start), el(), ec());
                }
                case "import":
                    return importName();
                case "from":
                    return importFrom();
                case "type":
                    if (atTypeAlias()) {
                        if (errorPass) {
                            // pegen tries the assignment rule (its error rules too) before type_alias
                            new TargetErrors().assignment();
                        }
                        return typeAlias();
                    }
                    break;
                default:
                    break;
            }
        }
        return expressionStatement();
    }

    private boolean atSimpleEnd() {
        TokenKind k = peek().kind();
        return k == TokenKind.NEWLINE || k == TokenKind.SEMI;
    }

    private Stmt importName() {
        if (errorPass && errors312) {
            invalidImport();
        }
        int start = pos++;
        List<Ast.Alias> names = new ArrayList<>();
        do {
            int as = pos;
            StringBuilder dotted = new StringBuilder(name().text());
            while (accept(TokenKind.DOT)) {
                dotted.append('.').append(name().text());
            }
            if (pos == as + 1) {
                ll1Bound(as, as);
            }
            if (errorPass && errors314) {
                invalidImportTarget(); // invalid_dotted_as_name
            }
            String asname = acceptKeyword("as") ? name().text() : null;
            if (asname != null) {
                ll1Bound(pos - 1, pos - 1);
            }
            names.add(alias(dotted.toString(), asname, as));
        } while (accept(TokenKind.COMMA));
        return new Ast.Import(names, l(start), c(start), el(), ec());
    }

    /**
     * invalid_import (3.12+), at 'import': {@code 'import' ','.dotted_name+ 'from' dotted_name}, and
     * 3.13's {@code 'import' NEWLINE}; each from its first token to where the tokenizer stands.
     */
    private void invalidImport() {
        int s = pos;
        Token kw = tok(pos++);
        if (errors313 && at(TokenKind.NEWLINE)) {
            throw startingFrom(newlineNode(peek()), tokens.get(tokens.size() - 1), "Expected one or more names after 'import'");
        }
        if (dottedNameAttempt()) {
            while (accept(TokenKind.COMMA)) {
                if (!dottedNameAttempt()) {
                    pos = s;
                    return;
                }
            }
            if (acceptKeyword("from") && dottedNameAttempt()) {
                throw startingFrom(tokenNode(kw), tokens.get(tokens.size() - 1),
                        "Did you mean to use 'from ... import ...' instead?");
            }
        }
        pos = s;
    }

    /**
     * 3.14's invalid_dotted_as_name and invalid_import_from_as_name, after the imported name: {@code 'as'
     * !(NAME (',' | ')' | ';' | NEWLINE)) expression}, "cannot use ... as import target" at that expression.
     */
    private void invalidImportTarget() {
        int s = pos;
        if (acceptKeyword("as")) {
            TokenKind next = peek(1).kind();
            boolean plain = atName() && (next == TokenKind.COMMA || next == TokenKind.RPAR || next == TokenKind.SEMI
                    || next == TokenKind.NEWLINE);
            if (!plain) {
                Expr a = attemptRule(this::expression);
                if (a != null) {
                    throw rangeError(a, a, "cannot use " + exprName(a) + " as import target");
                }
            }
        }
        pos = s;
    }

    /** {@code dotted_name}: true when one was read (it looks one token past its end, as pegen's left recursion does). */
    private boolean dottedNameAttempt() {
        if (!atName()) {
            return false;
        }
        pos++;
        while (at(TokenKind.DOT) && atNameAt(pos + 1)) {
            pos += 2;
        }
        return true;
    }

    private boolean atNameAt(int i) {
        Token t = tok(i);
        return t.kind() == TokenKind.NAME && !keywords.contains(t.text());
    }

    /** An {@code import} alias; 3.9's have no positions. */
    private Ast.Alias alias(String name, String asname, int start) {
        return aliasPositions ? new Ast.Alias(name, asname, l(start), c(start), el(), ec())
                : new Ast.Alias(name, asname, -1, -1, -1, -1);
    }

    private Stmt importFrom() {
        int start = pos++;
        int level = 0;
        while (true) {
            if (accept(TokenKind.DOT)) {
                level++;
            } else if (accept(TokenKind.ELLIPSIS)) {
                level += 3;
            } else {
                break;
            }
        }
        String module = null;
        if (level == 0 && atKeyword("import")) {
            throw fail(); // 'from' dotted_name, or dots before 'import'
        }
        if (!atKeyword("import")) {
            StringBuilder dotted = new StringBuilder(name().text());
            while (accept(TokenKind.DOT)) {
                dotted.append('.').append(name().text());
            }
            module = dotted.toString();
        }
        expectKeyword("import");
        List<Ast.Alias> names = new ArrayList<>();
        if (at(TokenKind.STAR)) {
            int as = pos++;
            names.add(alias("*", null, as));
        } else {
            boolean paren = accept(TokenKind.LPAR);
            int namesStart = pos;
            PythonError mark = ll1 != null ? ll1.mark() : null;
            do {
                if (paren && at(TokenKind.RPAR)) {
                    break;
                }
                if (ll1 != null && !paren && !names.isEmpty() && atSimpleEnd()) {
                    // 3.6-3.8's grammar takes the comma; ast.c rejects it before building the names
                    ll1.astErrorSince(mark, tok(namesStart), "trailing comma not allowed without surrounding parentheses");
                    break;
                }
                if (!paren && at(TokenKind.NEWLINE) && !names.isEmpty() && errorPass) {
                    throw errorAtToken("SyntaxError", peek(), "trailing comma not allowed without surrounding parentheses");
                }
                if (!paren && at(TokenKind.NEWLINE) && names.isEmpty() && errorPass && errors313) {
                    throw startingFrom(newlineNode(peek()), tokens.get(tokens.size() - 1),
                            "Expected one or more names after 'import'");
                }
                int as = pos;
                String n = name().text();
                if (errorPass && errors314) {
                    invalidImportTarget(); // invalid_import_from_as_name
                }
                String asname = acceptKeyword("as") ? name().text() : null;
                ll1Bound(asname != null ? pos - 1 : as, asname != null ? pos - 1 : as);
                names.add(alias(n, asname, as));
            } while (accept(TokenKind.COMMA));
            if (paren) {
                expect(TokenKind.RPAR);
            } else if (tokens.get(pos - 1).kind() == TokenKind.COMMA && ll1 == null) {
                throw fail(); // "trailing comma not allowed without surrounding parentheses"
            }
        }
        return new Ast.ImportFrom(module, names, level, l(start), c(start), el(), ec());
    }

    private static final Ast.Operator[] AUG_OPS = {Ast.Operator.Add, Ast.Operator.Sub, Ast.Operator.Mult,
        Ast.Operator.MatMult, Ast.Operator.Div, Ast.Operator.Mod, Ast.Operator.BitAnd, Ast.Operator.BitOr,
        Ast.Operator.BitXor, Ast.Operator.LShift, Ast.Operator.RShift, Ast.Operator.Pow, Ast.Operator.FloorDiv};

    /** The index in {@link #AUG_OPS} of an augmented assignment's operator kind, else -1. */
    private static int augmentedIndex(TokenKind k) {
        return switch (k) {
            case PLUSEQUAL -> 0;
            case MINEQUAL -> 1;
            case STAREQUAL -> 2;
            case ATEQUAL -> 3;
            case SLASHEQUAL -> 4;
            case PERCENTEQUAL -> 5;
            case AMPEREQUAL -> 6;
            case VBAREQUAL -> 7;
            case CIRCUMFLEXEQUAL -> 8;
            case LEFTSHIFTEQUAL -> 9;
            case RIGHTSHIFTEQUAL -> 10;
            case DOUBLESTAREQUAL -> 11;
            case DOUBLESLASHEQUAL -> 12;
            default -> -1;
        };
    }

    private Stmt expressionStatement() {
        int start = pos;
        if (errorPass) {
            // pegen tries the assignment rule, its error rules included, before any other simple statement
            new TargetErrors().assignment();
            pos = start;
        }
        return expressionStatement0(start);
    }

    private Stmt expressionStatement0(int start) {
        boolean bareYield = atKeyword("yield");
        Expr first = bareYield ? yieldExpression() : starExpressions();
        if (at(TokenKind.COLON)) {
            // annotated assignment: single target
            boolean simple = first instanceof Ast.Name && !parenthesized.contains(first);
            if (ll1 != null && !bareYield) {
                first = ll1Checked(first, ll1.annotationTargetError(first), start);
            }
            if (!(first instanceof Ast.Name || first instanceof Ast.Attribute || first instanceof Ast.Subscript)) {
                throw fail();
            }
            pos++;
            Expr annotation = expression();
            Expr value = null;
            if (accept(TokenKind.EQUAL)) {
                value = atKeyword("yield") ? yieldExpression() : starExpressions();
            }
            return new Ast.AnnAssign(toTarget(first, ExprContext.Store), annotation, value, simple ? 1 : 0, l(start),
                    c(start), el(), ec());
        }
        int aug = augmentedIndex(kind(pos));
        if (aug >= 0) {
            if (ll1 != null && !bareYield) {
                first = ll1Checked(first, ll1.augmentedTargetError(first), start);
            }
            if (!(first instanceof Ast.Name || first instanceof Ast.Attribute || first instanceof Ast.Subscript)) {
                throw fail();
            }
            pos++;
            Expr value = atKeyword("yield") ? yieldExpression() : starExpressions();
            return new Ast.AugAssign(toTarget(first, ExprContext.Store), AUG_OPS[aug], value, l(start), c(start), el(),
                    ec());
        }
        if (at(TokenKind.EQUAL)) {
            List<Expr> targets = new ArrayList<>(1); // most assignments have one target
            Expr value = first;
            int valueStart = start;
            while (accept(TokenKind.EQUAL)) {
                if (ll1 != null && bareYield && valueStart != start) {
                    value = ll1Checked(value, "assignment to yield expression not possible", valueStart);
                }
                // a statement starting with a bare yield is yield_stmt in 3.6-3.8: its '=' is pgen's error
                targets.add(ll1 != null && !bareYield ? ll1Target(value, ExprContext.Store, valueStart)
                        : toTarget(value, ExprContext.Store));
                valueStart = pos;
                bareYield = atKeyword("yield");
                value = bareYield ? yieldExpression() : starExpressions();
            }
            return new Ast.Assign(targets, value, null, l(start), c(start), el(), ec());
        }
        return new Ast.ExprStmt(first, l(start), c(start), el(), ec());
    }

    /**
     * 3.6-3.8: {@code ast.c}'s {@code set_context} on a target whose node starts at token
     * {@code startTok}: its error is recorded (raised once the file has parsed) and a stand-in target
     * returned; else as {@link #toTarget}.
     */
    private Expr ll1Target(Expr e, ExprContext ctx, int startTok) {
        Expr checked = ll1Checked(e, ll1.targetError(e, ctx == ExprContext.Del), startTok);
        return toTarget(checked, ctx);
    }

    /** 3.6-3.8: records {@code ast.c}'s error {@code msg} (if any) at token {@code startTok}; then a stand-in name. */
    private Expr ll1Checked(Expr e, String msg, int startTok) {
        if (msg == null) {
            return e;
        }
        ll1.astErrorAtToken(tok(startTok), msg);
        return new Ast.Name("_", ExprContext.Load, e.lineno(), e.colOffset(), e.endLineno(), e.endColOffset());
    }

    /** An expression re-made as an assignment or deletion target (or refused if it cannot be one). */
    private Expr toTarget(Expr e, ExprContext ctx) {
        if (e instanceof Ast.Name n) {
            return new Ast.Name(n.id(), ctx, n.lineno(), n.colOffset(), n.endLineno(), n.endColOffset());
        } else if (e instanceof Ast.Attribute a) {
            return new Ast.Attribute(a.value(), a.attr(), ctx, a.lineno(), a.colOffset(), a.endLineno(), a.endColOffset());
        } else if (e instanceof Ast.Subscript s) {
            return new Ast.Subscript(s.value(), s.slice(), ctx, s.lineno(), s.colOffset(), s.endLineno(),
                    s.endColOffset());
        } else if (e instanceof Ast.Starred s && ctx != ExprContext.Del) {
            return new Ast.Starred(toTarget(s.value(), ctx), ctx, s.lineno(), s.colOffset(), s.endLineno(),
                    s.endColOffset());
        } else if (e instanceof Ast.TupleExpr t) {
            return new Ast.TupleExpr(targets(t.elts(), ctx), ctx, t.lineno(), t.colOffset(), t.endLineno(),
                    t.endColOffset());
        } else if (e instanceof Ast.ListExpr t) {
            return new Ast.ListExpr(targets(t.elts(), ctx), ctx, t.lineno(), t.colOffset(), t.endLineno(),
                    t.endColOffset());
        }
        throw new UnsupportedConstruct(TARGET_REFUSAL,
                e.lineno());
    }

    private List<Expr> targets(List<Expr> elts, ExprContext ctx) {
        List<Expr> out = new ArrayList<>(elts.size());
        for (Expr x : elts) {
            out.add(toTarget(x, ctx));
        }
        return out;
    }

    /** {@code star_targets} before a keyword such as {@code in}: a target list, a tuple if it has commas. */
    private Expr targetList(ExprContext ctx, String stopKeyword) {
        int start = pos;
        Expr first = starTarget();
        if (!at(TokenKind.COMMA)) {
            return ll1 != null ? ll1Target(first, ctx, start) : toTarget(first, ctx);
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        List<Integer> starts = new ArrayList<>();
        starts.add(start);
        while (accept(TokenKind.COMMA)) {
            if (atKeyword(stopKeyword) || at(TokenKind.EQUAL) || at(TokenKind.RPAR)) {
                break;
            }
            starts.add(pos);
            elts.add(starTarget());
        }
        if (ll1 != null) {
            // 3.6-3.8's exprlist: each element is checked at its own node
            for (int i = 0; i < elts.size(); i++) {
                elts.set(i, ll1Checked(elts.get(i), ll1.targetError(elts.get(i), ctx == ExprContext.Del), starts.get(i)));
            }
        }
        return toTarget(new Ast.TupleExpr(elts, ExprContext.Load, l(start), c(start), el(), ec()), ctx);
    }

    private Expr starTarget() {
        if (at(TokenKind.STAR)) {
            int start = pos++;
            Expr v = starTarget();
            return new Ast.Starred(v, ExprContext.Load, l(start), c(start), el(), ec());
        }
        return primaryTargetCandidate();
    }

    /**
     * A target atom: names, attributes, subscripts, tuples and lists in brackets. 3.9+ read it as
     * pegen's {@code t_primary} chain does, a primary and nothing after it (an operator that follows
     * is where the first pass stops, and so where its generic error falls); 3.6-3.8's {@code exprlist}
     * reads a whole {@code expr}, which ast.c then rejects as a target.
     */
    private Expr primaryTargetCandidate() {
        return ll1 != null ? bitwiseOr() : primary();
    }

    // ---------------------------------------------------------------- expressions

    /** {@code star_expressions}: a tuple without parentheses when there is a comma. */
    private Expr starExpressions() {
        int start = pos;
        Expr first = starExpression();
        if (!at(TokenKind.COMMA)) {
            return first;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (accept(TokenKind.COMMA)) {
            if (!startsExpression()) {
                break;
            }
            if (pegFallbacks) {
                // error pass: an item that fails leaves the comma before it as the trailing one
                int item = pos;
                Expr e = attemptRule(this::starExpression);
                if (e == null) {
                    pos = item;
                    break;
                }
                elts.add(e);
                continue;
            }
            elts.add(starExpression());
        }
        return new Ast.TupleExpr(elts, ExprContext.Load, l(start), c(start), el(), ec());
    }

    private Expr starExpression() {
        if (at(TokenKind.STAR)) {
            int start = pos++;
            Expr v = bitwiseOr();
            return new Ast.Starred(v, ExprContext.Load, l(start), c(start), el(), ec());
        }
        return expression();
    }

    private Expr bitwiseOrOrStarred() {
        return starTarget();
    }

    private boolean startsExpression() {
        Token t = peek();
        switch (t.kind()) {
            case AWAIT: // 3.6, inside an async def
                return true;
            case NAME:
                return !keywords.contains(t.text()) || Set.of("not", "lambda", "await", "None", "True", "False", "yield")
                        .contains(t.text());
            case NUMBER:
            case STRING:
            case LPAR:
            case LSQB:
            case LBRACE:
            case MINUS:
            case PLUS:
            case TILDE:
            case STAR:
            case ELLIPSIS:
            case FSTRING_START:
            case TSTRING_START:
                return true;
            default:
                return false;
        }
    }

    /** {@code assignment_expression | expression !':='} (call arguments, generator elements): no invalid_named_expression. */
    private Expr argExpression() {
        if (atName() && peek(1).kind() == TokenKind.COLONEQUAL) {
            int start = pos;
            Token n = tok(pos++);
            pos++;
            Expr value = expression();
            Expr target = new Ast.Name(n.text(), ExprContext.Store, n.startLine(), n.startCol(), n.endLine(), n.endCol());
            if (ll1 != null && n.text().equals("__debug__")) {
                ll1.astErrorAtToken(n, ll1.debugAssignment());
            }
            return new Ast.NamedExpr(target, value, l(start), c(start), el(), ec());
        }
        if (errorPass && target == PythonVersion.V3_9) {
            // 3.9's named_expression in arguments: its last alternative, invalid_named_expression
            // (expression ':=' expression), reads past the ':=' where the target is not a name
            Expr e = expression();
            if (at(TokenKind.COLONEQUAL)) {
                int s = pos++;
                if (attemptRule(this::expression) != null) {
                    throw rangeError(e, e, "cannot use assignment expressions with " + nameOf(e));
                }
                pos = s;
            }
            return e;
        }
        return ll1 != null ? ll1NamedTarget(pos, expression()) : expression();
    }

    /**
     * 3.8's {@code namedexpr_test} (3.6/3.7 have no ':='): an expression starting at token {@code start}
     * followed by ':=' is parsed with its value, and ast.c's error for a target that is not a name
     * recorded at the start.
     */
    private Expr ll1NamedTarget(int start, Expr e) {
        if (target != PythonVersion.V3_8 || !at(TokenKind.COLONEQUAL)) {
            return e;
        }
        if (e instanceof Ast.Name) {
            throw refuse("a parenthesized name as an assignment expression's target (3.8)");
        }
        pos++;
        expression();
        ll1.astErrorAtToken(tok(start), "cannot use assignment expressions with " + ll1.exprName38(e));
        return e;
    }

    private Expr namedExpression() {
        if (errorPass && !(atName() && peek(1).kind() == TokenKind.COLONEQUAL) && namedChecked.add(pos)) {
            invalidNamedExpression();
        }
        if (atName() && peek(1).kind() == TokenKind.COLONEQUAL) {
            int start = pos;
            Token n = tok(pos++);
            pos++;
            Expr value = expression();
            Expr target = new Ast.Name(n.text(), ExprContext.Store, n.startLine(), n.startCol(), n.endLine(), n.endCol());
            if (ll1 != null && n.text().equals("__debug__")) {
                ll1.astErrorAtToken(n, ll1.debugAssignment());
            }
            return new Ast.NamedExpr(target, value, l(start), c(start), el(), ec());
        }
        return expression();
    }

    /** 3.8's namedexpr_test where its grammar has one (conditions of if/elif/while, parenthesized and list forms). */
    private Expr ll1NamedExpression() {
        int start = pos;
        Expr e = namedExpression();
        return ll1 != null ? ll1NamedTarget(start, e) : e;
    }

    /**
     * Second pass: expression results by start position, as pegen memoizes the rule across the whole pass:
     * what a stretch without error rules read ({@code expression_without_invalid}'s operands, the call
     * arguments and parenthesized forms inside it) is what a later reading with the rules finds, so
     * invalid_expression does not run there again ({@code a, b, c -- s t (u v)}: the tuple's later
     * readings of {@code (u v)} raise nothing).
     */
    private final java.util.Map<Integer, Object[]> expressionMemo = new java.util.HashMap<>();

    private Expr expression() {
        if (secondPass) {
            return memoized(expressionMemo, this::expression0);
        }
        return expression0();
    }

    private Expr expression0() {
        enter();
        try {
            if (errorPass) {
                invalidExpression();
            }
            if (atKeyword("lambda")) {
                return lambda();
            }
            int start = pos;
            Expr body = disjunction();
            if (atKeyword("if")) {
                if (pegFallbacks) {
                    // error pass: without its 'else' part the expression is the disjunction alone
                    int ifPos = pos;
                    Expr e = attemptRule(() -> ifElseRest(body, start));
                    if (e == null) {
                        pos = ifPos;
                        return body;
                    }
                    return e;
                }
                return ifElseRest(body, start);
            }
            return body;
        } finally {
            depth--;
        }
    }

    /** {@code 'if' disjunction 'else' expression} after the body. */
    private Expr ifElseRest(Expr body, int start) {
        expectKeyword("if");
        Expr test = disjunction();
        expectKeyword("else");
        Expr orelse = expression();
        return new Ast.IfExp(test, body, orelse, l(start), c(start), el(), ec());
    }

    private Expr lambda() {
        int start = pos++;
        Ast.Arguments args = checkedParameters(TokenKind.COLON, false);
        expect(TokenKind.COLON);
        Expr body = expression();
        return new Ast.Lambda(args, body, l(start), c(start), el(), ec());
    }

    private Expr disjunction() {
        if (!secondPass) {
            return disjunctionFirstPass();
        }
        return memoized(disjunctionMemo, this::disjunction0);
    }

    /**
     * First pass, a fast path through the chain disjunction ... factor, power, primary: where the token
     * can only start a primary (no 'not', unary operator or 'await' in front), the primary is parsed
     * straight away; if no operator of any level follows it, it is the whole disjunction, as the chain
     * would have found level by level. Otherwise it is handed to {@link #primary} (which takes it when the
     * chain reaches this position) and the chain runs as usual, so trees, positions, depth counts and
     * failures are those of the plain descent.
     */
    private Expr disjunctionFirstPass() {
        int start = pos;
        if (startsPlainPrimary(tok(start))) {
            PythonError ll1Mark = ll1 != null ? ll1.mark() : null;
            int ll1Held = ll1 != null ? ll1.heldCount() : 0;
            Expr e = primary();
            if (!continuesChain(tok(pos))) {
                return e;
            }
            handedLl1Mark = ll1Mark; // set once the primary is read (its own primaries come here too)
            handedLl1Held = ll1Held;
            handed = e;
            handedStart = start;
            handedEnd = pos;
            pos = start;
        }
        return disjunction0();
    }

    /** First pass: a primary parsed by {@link #disjunctionFirstPass} at {@code handedStart} (-1: none). */
    private Expr handed;
    private int handedStart = -1;
    /** 3.6-3.8: the kept ast.c error and the number of held warnings before that primary was parsed. */
    private PythonError handedLl1Mark;
    private int handedLl1Held;
    private int handedEnd;

    /** Whether every level above primary passes {@code t} straight down to primary (then atom). */
    private static boolean startsPlainPrimary(Token t) {
        switch (t.kind()) {
            case NAME: {
                String s = t.text();
                return !s.equals("not") && !s.equals("await");
            }
            case NUMBER, STRING, FSTRING_START, TSTRING_START, ELLIPSIS, LPAR, LSQB, LBRACE:
                return true;
            default:
                return false;
        }
    }

    /** Whether some level from power up to bitwise_or would go on at a token of kind {@code k} after a primary. */
    private static boolean continuesBitwise(TokenKind k) {
        switch (k) {
            case DOUBLESTAR, STAR, SLASH, DOUBLESLASH, PERCENT, AT, PLUS, MINUS, LEFTSHIFT, RIGHTSHIFT, AMPER,
                    CIRCUMFLEX, VBAR:
                return true;
            default:
                return false;
        }
    }

    /**
     * Whether some level from power up to disjunction would go on at {@code t} after a primary: a binary
     * or comparison operator, or the words 'in', 'not', 'is', 'and', 'or'.
     */
    private static boolean continuesChain(Token t) {
        if (continuesBitwise(t.kind())) {
            return true;
        }
        switch (t.kind()) {
            case EQEQUAL, NOTEQUAL, LESS, LESSEQUAL, GREATER, GREATEREQUAL:
                return true;
            case NAME: {
                String s = t.text();
                return s.length() <= 3 && (s.equals("in") || s.equals("not") || s.equals("is") || s.equals("and")
                        || s.equals("or"));
            }
            default:
                return false;
        }
    }

    /**
     * A rule memoized by start position, as pegen memoizes it: its result and end, or its failure (a
     * refusal other than a grammar failure is never remembered).
     */
    private Expr memoized(java.util.Map<Integer, Object[]> memos, java.util.function.Supplier<Expr> rule) {
        int start = pos;
        Object[] memo = memos.get(start);
        if (memo != null) {
            if (memo[0] instanceof UnsupportedConstruct u) {
                throw u;
            }
            pos = (Integer) memo[1];
            return (Expr) memo[0];
        }
        try {
            Expr e = rule.get();
            memos.put(start, new Object[] {e, pos});
            return e;
        } catch (UnsupportedConstruct u) {
            if (u.getMessage().equals(GRAMMAR_FAILURE)) {
                memos.put(start, new Object[] {u, start});
            }
            throw u;
        }
    }

    private Expr disjunction0() {
        int start = pos;
        Expr first = conjunction();
        if (!atKeyword("or")) {
            return first;
        }
        List<Expr> values = new ArrayList<>();
        values.add(first);
        while (atKeyword("or")) {
            Expr right = operand(this::conjunction, pos++);
            if (right == null) {
                break;
            }
            values.add(right);
        }
        if (values.size() == 1) {
            return first;
        }
        return new Ast.BoolOp(Ast.BoolOperator.Or, values, l(start), c(start), el(), ec());
    }

    private Expr conjunction() {
        int start = pos;
        Expr first = inversion();
        if (!atKeyword("and")) {
            return first;
        }
        List<Expr> values = new ArrayList<>();
        values.add(first);
        while (atKeyword("and")) {
            Expr right = operand(this::inversion, pos++);
            if (right == null) {
                break;
            }
            values.add(right);
        }
        if (values.size() == 1) {
            return first;
        }
        return new Ast.BoolOp(Ast.BoolOperator.And, values, l(start), c(start), el(), ec());
    }

    private Expr inversion() {
        if (atKeyword("not")) {
            enter();
            try {
                int start = pos++;
                Expr operand = inversion();
                return new Ast.UnaryOp(Ast.UnaryOperator.Not, operand, l(start), c(start), el(), ec());
            } finally {
                depth--;
            }
        }
        return comparison();
    }

    private Expr comparison() {
        int start = pos;
        // 3.6-3.8's ast.c builds the operands after the first one before it: the error state before the
        // left operand (whose first primary disjunctionFirstPass may have read already) is noted, and
        // the reordering starts from it at the first operator
        PythonError ll1Mark = null;
        int ll1Held = 0;
        if (ll1 != null) {
            boolean handedHere = pos == handedStart;
            ll1Mark = handedHere ? handedLl1Mark : ll1.mark();
            ll1Held = handedHere ? handedLl1Held : ll1.heldCount();
        }
        Expr left = bitwiseOr();
        int opPos = pos;
        Ast.CmpOperator op = compareOp();
        if (op == null) {
            return left;
        }
        Ll1Errors.Reorder r = ll1 != null ? ll1.reorderStartBefore(ll1Mark, ll1Held) : null;
        if (r == null) {
            return comparisonRest(start, left, op, opPos);
        }
        boolean done = false;
        try {
            ll1.reorderCut(r); // the left operand's part ends at the first operator
            Expr e = comparisonRest(start, left, op, opPos);
            done = true;
            ll1.reorderEnd(r, 1, 0);
            return e;
        } finally {
            if (!done) {
                ll1.reorderAbort(r);
            }
        }
    }

    /** The operators and operands of a comparison after its left operand, the first operator read. */
    private Expr comparisonRest(int start, Expr left, Ast.CmpOperator firstOp, int firstOpPos) {
        List<Ast.CmpOperator> ops = null;
        List<Expr> comparators = null;
        Ast.CmpOperator op = firstOp;
        int opPos = firstOpPos;
        while (op != null) {
            Expr right = operand(this::bitwiseOr, opPos);
            if (right == null) {
                break;
            }
            if (ops == null) {
                ops = new ArrayList<>(1); // a chain of comparisons is rare
                comparators = new ArrayList<>(1);
            }
            ops.add(op);
            comparators.add(right);
            opPos = pos;
            op = compareOp();
        }
        if (ops == null) {
            return left;
        }
        return new Ast.Compare(left, ops, comparators, l(start), c(start), el(), ec());
    }

    private Ast.CmpOperator compareOp() {
        Token t = peek();
        switch (t.kind()) {
            case EQEQUAL:
                pos++;
                return Ast.CmpOperator.Eq;
            case NOTEQUAL:
                if (t.text().equals("<>")) {
                    return null; // not '!=' (without barry_as_FLUFL): the comparison ends before it
                }
                pos++;
                return Ast.CmpOperator.NotEq;
            case LESS:
                pos++;
                return Ast.CmpOperator.Lt;
            case LESSEQUAL:
                pos++;
                return Ast.CmpOperator.LtE;
            case GREATER:
                pos++;
                return Ast.CmpOperator.Gt;
            case GREATEREQUAL:
                pos++;
                return Ast.CmpOperator.GtE;
            case NAME:
                if (t.text().equals("in")) {
                    pos++;
                    return Ast.CmpOperator.In;
                }
                if (t.text().equals("not") && peek(1).kind() == TokenKind.NAME && peek(1).text().equals("in")) {
                    pos += 2;
                    return Ast.CmpOperator.NotIn;
                }
                if (t.text().equals("is")) {
                    pos++;
                    if (acceptKeyword("not")) {
                        return Ast.CmpOperator.IsNot;
                    }
                    return Ast.CmpOperator.Is;
                }
                return null;
            default:
                return null;
        }
    }

    private Expr bitwiseOr() {
        int start = pos;
        if (!secondPass && startsPlainPrimary(tok(start))) {
            // first pass: the fast path of disjunctionFirstPass, for the chain bitwise_or ... primary
            Expr e = primary();
            if (!continuesBitwise(tok(pos).kind())) {
                return e;
            }
            handed = e;
            handedStart = start;
            handedEnd = pos;
            pos = start;
        }
        Expr left = bitwiseXor();
        while (at(TokenKind.VBAR)) {
            Expr right = operand(this::bitwiseXor, pos++);
            if (right == null) {
                return left;
            }
            left = new Ast.BinOp(left, Ast.Operator.BitOr, right, l(start), c(start), el(), ec());
        }
        return left;
    }

    private Expr bitwiseXor() {
        int start = pos;
        Expr left = bitwiseAnd();
        while (at(TokenKind.CIRCUMFLEX)) {
            Expr right = operand(this::bitwiseAnd, pos++);
            if (right == null) {
                return left;
            }
            left = new Ast.BinOp(left, Ast.Operator.BitXor, right, l(start), c(start), el(), ec());
        }
        return left;
    }

    private Expr bitwiseAnd() {
        int start = pos;
        Expr left = shiftExpr();
        while (at(TokenKind.AMPER)) {
            Expr right = operand(this::shiftExpr, pos++);
            if (right == null) {
                return left;
            }
            left = new Ast.BinOp(left, Ast.Operator.BitAnd, right, l(start), c(start), el(), ec());
        }
        return left;
    }

    private Expr shiftExpr() {
        int start = pos;
        if (errorPass && errors313) {
            invalidArithmetic();
        }
        Expr left = sum();
        while (true) {
            Ast.Operator op = at(TokenKind.LEFTSHIFT) ? Ast.Operator.LShift
                    : at(TokenKind.RIGHTSHIFT) ? Ast.Operator.RShift : null;
            if (op == null) {
                return left;
            }
            Expr right = operand(this::sum, pos++);
            if (right == null) {
                return left;
            }
            left = new Ast.BinOp(left, op, right, l(start), c(start), el(), ec());
        }
    }

    /**
     * 3.13's invalid_arithmetic, where a shift expression starts: {@code sum op 'not' inversion} with op
     * one of + - * / % // @ (the sum it reads is memoized, as the real parse reads it again).
     */
    private void invalidArithmetic() {
        int s = pos;
        if (attemptRule(this::sum) != null) {
            switch (peek().kind()) {
                case PLUS, MINUS, STAR, SLASH, PERCENT, DOUBLESLASH, AT -> {
                    if (peek(1).kind() == TokenKind.NAME && peek(1).text().equals("not")) {
                        Token not = peek(1);
                        pos += 2;
                        Expr b = attemptRule(this::inversion);
                        if (b != null) {
                            throw rangeError(tokenNode(not), b, "'not' after an operator must be parenthesized");
                        }
                    }
                }
                default -> { }
            }
        }
        pos = s;
    }

    /** Error pass (3.13+): sum results by start position, so invalid_arithmetic's look-ahead stays linear. */
    private final java.util.Map<Integer, Object[]> sumMemo = new java.util.HashMap<>();

    private Expr sum() {
        if (!secondPass || !errors313) {
            return sum0();
        }
        return memoized(sumMemo, this::sum0);
    }

    private Expr sum0() {
        int start = pos;
        Expr left = term();
        while (true) {
            Ast.Operator op = at(TokenKind.PLUS) ? Ast.Operator.Add : at(TokenKind.MINUS) ? Ast.Operator.Sub : null;
            if (op == null) {
                return left;
            }
            Expr right = operand(this::term, pos++);
            if (right == null) {
                return left;
            }
            left = new Ast.BinOp(left, op, right, l(start), c(start), el(), ec());
        }
    }

    private Expr term() {
        int start = pos;
        if (errorPass && errors313 && (at(TokenKind.PLUS) || at(TokenKind.MINUS) || at(TokenKind.TILDE))
                && peek(1).kind() == TokenKind.NAME && peek(1).text().equals("not")) {
            // invalid_factor: ('+' | '-' | '~') 'not' factor
            Token not = peek(1);
            pos += 2;
            Expr b = attemptRule(this::factor);
            if (b != null) {
                throw rangeError(tokenNode(not), b, "'not' after an operator must be parenthesized");
            }
            pos = start;
        }
        Expr left = factor();
        while (true) {
            Ast.Operator op;
            switch (peek().kind()) {
                case STAR:
                    op = Ast.Operator.Mult;
                    break;
                case SLASH:
                    op = Ast.Operator.Div;
                    break;
                case DOUBLESLASH:
                    op = Ast.Operator.FloorDiv;
                    break;
                case PERCENT:
                    op = Ast.Operator.Mod;
                    break;
                case AT:
                    op = Ast.Operator.MatMult;
                    break;
                default:
                    return left;
            }
            Expr right = operand(this::factor, pos++);
            if (right == null) {
                return left;
            }
            left = new Ast.BinOp(left, op, right, l(start), c(start), el(), ec());
        }
    }

    private Expr factor() {
        Ast.UnaryOperator op;
        switch (peek().kind()) {
            case PLUS:
                op = Ast.UnaryOperator.UAdd;
                break;
            case MINUS:
                op = Ast.UnaryOperator.USub;
                break;
            case TILDE:
                op = Ast.UnaryOperator.Invert;
                break;
            default:
                return power();
        }
        enter();
        try {
            int start = pos++;
            Expr operand = factor();
            return new Ast.UnaryOp(op, operand, l(start), c(start), el(), ec());
        } finally {
            depth--;
        }
    }

    private Expr power() {
        int start = pos;
        Expr base = awaitPrimary();
        if (at(TokenKind.DOUBLESTAR)) {
            Expr exp = operand(this::factor, pos++);
            if (exp == null) {
                return base;
            }
            return new Ast.BinOp(base, Ast.Operator.Pow, exp, l(start), c(start), el(), ec());
        }
        return base;
    }

    private Expr awaitPrimary() {
        if (atKeyword("await")) {
            int start = pos++;
            Expr v = primary();
            return new Ast.Await(v, l(start), c(start), el(), ec());
        }
        return primary();
    }

    private Expr primary() {
        if (pos == handedStart) {
            // the first pass's fast path parsed this primary already (see disjunctionFirstPass)
            handedStart = -1;
            pos = handedEnd;
            return handed;
        }
        enter();
        try {
            int start = pos;
            Expr e = atom();
            while (true) {
                if (errorPass) {
                    invalidPrimary39(); // 3.9: a '{' after a primary is invalid syntax there
                }
                TokenKind k = kind(pos);
                if (!(k == TokenKind.DOT || k == TokenKind.LPAR || k == TokenKind.LSQB
                        || errorPass && braceComprehensionTrailer && k == TokenKind.LBRACE)) {
                    break;
                }
                if (errorPass && !at(TokenKind.DOT)) {
                    // 'primary genexp' comes before calls and subscripts; genexp's invalid_comprehension
                    // takes '[' and '{' too
                    int t = pos;
                    if (!at(TokenKind.LPAR) || !genexpAhead()) {
                        invalidComprehension(t);
                    }
                    pos = t;
                    if (at(TokenKind.LBRACE)) {
                        return e;
                    }
                }
                if (!pegFallbacks) {
                    e = trailer(e, start);
                    continue;
                }
                // error pass: a trailer that fails leaves the primary read so far (PEG's left recursion)
                int t = pos;
                Expr base = e;
                Expr longer = attemptRule(() -> trailer(base, start));
                if (longer == null) {
                    pos = t;
                    return e;
                }
                e = longer;
            }
            return e;
        } finally {
            depth--;
        }
    }

    /** 3.9's invalid_primary, first of its primary's alternatives (error pass): a primary followed by '{' is an error there. */
    private void invalidPrimary39() {
        if (target == PythonVersion.V3_9 && at(TokenKind.LBRACE)) {
            throw syntaxError(peek(), peek(), "invalid syntax");
        }
    }

    /** At '(': does genexp's valid alternative, {@code '(' expression for_if_clauses ')'}, match here? */
    private boolean genexpAhead() {
        int s = pos;
        pos++;
        boolean ok = attemptRule(this::argExpression) != null && comprehensionAttempt() != null && at(TokenKind.RPAR);
        pos = s;
        return ok;
    }

    /** One trailer of a primary: {@code .NAME}, a call or a subscript. */
    private Expr trailer(Expr e, int start) {
        if (accept(TokenKind.DOT)) {
            String attr = name().text();
            return new Ast.Attribute(e, attr, ExprContext.Load, l(start), c(start), el(), ec());
        } else if (at(TokenKind.LPAR)) {
            return call(e, start);
        }
        expect(TokenKind.LSQB);
        Expr slice = slices();
        expect(TokenKind.RSQB);
        return new Ast.Subscript(e, slice, ExprContext.Load, l(start), c(start), el(), ec());
    }

    /**
     * The operand after a binary operator at {@code opPos} (consumed). In the error pass, where it fails:
     * null, the operator given back (PEG keeps the shorter chain its left recursion had grown).
     */
    private Expr operand(java.util.function.Supplier<Expr> rule, int opPos) {
        if (!pegFallbacks) {
            return rule.get();
        }
        Expr e = attemptRule(rule);
        if (e == null) {
            pos = opPos;
        }
        return e;
    }

    private Expr call(Expr func, int start) {
        int open = pos++;
        if (at(TokenKind.RPAR)) {
            // no arguments: nothing to collect
            expect(TokenKind.RPAR);
            return new Ast.Call(func, List.of(), List.of(), l(start), c(start), el(), ec());
        }
        List<Expr> args = new ArrayList<>(4);
        List<Ast.Keyword> keywords = new ArrayList<>();
        if (!at(TokenKind.RPAR)) {
            // f(x for x in y): the generator expression takes the call's parentheses
            int mark = pos;
            PythonError before = ll1 != null ? ll1.mark() : null;
            if (!at(TokenKind.STAR) && !at(TokenKind.DOUBLESTAR) && !(atName() && peek(1).kind() == TokenKind.EQUAL)) {
                Expr first = argExpression();
                if (atKeyword("for") || atKeyword("async")) {
                    List<Ast.Comprehension> gens = comprehensionClauses();
                    if (!at(TokenKind.RPAR) && ll1 != null) {
                        pos = mark;
                        ll1Arguments(args, keywords, false, before);
                        expect(TokenKind.RPAR);
                        return new Ast.Call(func, args, keywords, l(start), c(start), el(), ec());
                    }
                    if (!at(TokenKind.RPAR)) {
                        if (!errorPass) {
                            throw fail();
                        }
                        int failedAt = pos;
                        pos = mark;
                        new CallArgErrors().check();
                        pos = failedAt;
                        throw fail();
                    }
                    expect(TokenKind.RPAR);
                    Expr gen = new Ast.GeneratorExp(first, gens, l(open), c(open), el(), ec());
                    return new Ast.Call(func, List.of(gen), List.of(), l(start), c(start), el(), ec());
                }
                if (!secondPass) {
                    // first pass: the arguments below start with this same argument; it is not read twice
                    handedArg = first;
                    handedArgStart = mark;
                    handedArgEnd = pos;
                }
                pos = mark;
            }
            if (ll1 != null) {
                ll1Arguments(args, keywords, false, before); // before the first argument was tried
            } else {
                checkedArguments(args, keywords);
            }
        }
        expect(TokenKind.RPAR);
        return new Ast.Call(func, args, keywords, l(start), c(start), el(), ec());
    }

    /** First pass: a call's first argument, read by {@link #call} at {@code handedArgStart} (-1: none). */
    private Expr handedArg;
    private int handedArgStart = -1;
    private int handedArgEnd;

    /** Call arguments up to (not including) the closing parenthesis. */
    private void arguments(List<Expr> args, List<Ast.Keyword> keywords) {
        do {
            TokenKind kind = kind(pos);
            if (kind == TokenKind.RPAR) {
                break;
            }
            int start = pos;
            if (kind == TokenKind.STAR) {
                if (keywords.stream().anyMatch(k -> k.arg() == null)) {
                    throw fail(); // see CallArgErrors
                }
                pos++;
                Expr v = expression();
                args.add(new Ast.Starred(v, ExprContext.Load, l(start), c(start), el(), ec()));
            } else if (kind == TokenKind.DOUBLESTAR) {
                pos++;
                Expr v = expression();
                keywords.add(new Ast.Keyword(null, v, l(start), c(start), el(), ec()));
            } else if (kind == TokenKind.NAME && atName() && kind(pos + 1) == TokenKind.EQUAL) {
                String n = tok(pos).text();
                pos += 2;
                Expr v = expression();
                keywords.add(new Ast.Keyword(n, v, l(start), c(start), el(), ec()));
            } else {
                if (!keywords.isEmpty()) {
                    throw fail(); // see CallArgErrors
                }
                Expr v;
                if (pos == handedArgStart) {
                    v = handedArg;
                    pos = handedArgEnd;
                    handedArgStart = -1;
                } else {
                    v = argExpression();
                }
                if (atKeyword("for") || atKeyword("async")) {
                    throw fail(); // "Generator expression must be parenthesized"
                }
                args.add(v);
            }
        } while (accept(TokenKind.COMMA));
    }

    /**
     * 3.11's error-pass rules about targets: {@code invalid_assignment} (with {@code invalid_named_expression}
     * where a named expression starts), {@code invalid_del_stmt}, {@code invalid_for_target},
     * {@code invalid_with_item}; CPython's {@code _PyPegen_get_invalid_target} and
     * {@code _PyPegen_get_expr_name}.
     */
    private final class TargetErrors {
        static final int STAR = 0;
        static final int DEL = 1;
        static final int FOR = 2;

        private <T> T attempt(java.util.function.Supplier<T> rule) {
            int s = pos;
            try {
                return rule.get();
            } catch (UnsupportedConstruct e) {
                if (!e.getMessage().equals(GRAMMAR_FAILURE)) {
                    throw e;
                }
                pos = s;
                return null;
            }
        }

        /**
         * The assignment rule from a statement's start: when one of its valid alternatives reads a
         * prefix, pegen never tries invalid_assignment there; otherwise its alternatives in order.
         */
        void assignment() {
            int s = pos;
            boolean prefix = validAssignmentPrefix();
            pos = s;
            if (!prefix) {
                invalidAssignment();
            }
            pos = s;
        }

        private boolean validAssignmentPrefix() {
            int s = pos;
            // NAME ':' expression
            if (atName() && peek(1).kind() == TokenKind.COLON) {
                pos += 2;
                if (attempt(Parser311.this::expression) != null) {
                    return true;
                }
            }
            pos = s;
            // ('(' single_target ')' | single_subscript_attribute_target) ':' expression
            attempt(Parser311.this::primary); // single_subscript_attribute_target reads t_primary here first
            pos = s;
            Expr t = attempt(Parser311.this::starExpressions);
            if (t != null && (t instanceof Ast.Attribute || t instanceof Ast.Subscript
                    || t instanceof Ast.Name && parenthesized.contains(t)) && accept(TokenKind.COLON)
                    && attempt(Parser311.this::expression) != null) {
                return true;
            }
            pos = s;
            // (star_targets '=')+ (yield_expr | star_expressions) !'='
            int before = pos;
            skipTargets();
            if (pos > before) {
                Expr v = atKeyword("yield") ? attempt(Parser311.this::yieldExpression) : starExpressionsGivingBack();
                if (v != null && !at(TokenKind.EQUAL)) {
                    return true;
                }
            }
            pos = s;
            // single_target augassign (yield_expr | star_expressions)
            t = attempt(Parser311.this::starExpressions);
            if (t != null && (t instanceof Ast.Name || t instanceof Ast.Attribute || t instanceof Ast.Subscript)
                    && augmentedIndex(kind(pos)) >= 0) {
                pos++;
                if ((atKeyword("yield") ? attempt(Parser311.this::yieldExpression) : starExpressionsGivingBack()) != null) {
                    return true;
                }
            }
            pos = s;
            return false;
        }

        /**
         * star_expressions as pegen reads it: an item after a ',' that does not parse is given back and
         * the tuple ends at that ',' ("x = 1,+" has the valid prefix "x = 1,"); null where not even the
         * first item parses. Only where it ends matters here, not the node.
         */
        private Expr starExpressionsGivingBack() {
            Expr first = attempt(Parser311.this::starExpression);
            if (first == null) {
                return null;
            }
            while (at(TokenKind.COMMA)) {
                int after = ++pos;
                if (attempt(Parser311.this::starExpression) == null) {
                    pos = after;
                    break;
                }
            }
            return first;
        }

        /** invalid_assignment's alternatives in order. */
        private void invalidAssignment() {
            int s = pos;
            // invalid_ann_assign_target ':' expression
            Expr t = annAssignTarget();
            if (t != null && accept(TokenKind.COLON) && attempt(Parser311.this::expression) != null) {
                throw nodeError(t, "only single target (not " + nameOf(t) + ") can be annotated");
            }
            pos = s;
            // star_named_expression ',' star_named_expressions* ':' expression
            Expr a = starNamedExpr();
            if (a != null && accept(TokenKind.COMMA)) {
                while (starNamedExpressions()) {
                    // repeated
                }
                if (accept(TokenKind.COLON) && attempt(Parser311.this::expression) != null) {
                    throw nodeError(a, "only single target (not tuple) can be annotated");
                }
            }
            pos = s;
            // expression ':' expression
            a = attempt(Parser311.this::expression);
            if (a != null && accept(TokenKind.COLON) && attempt(Parser311.this::expression) != null) {
                throw nodeError(a, "illegal target for annotation");
            }
            pos = s;
            // (star_targets '=')* star_expressions '='
            skipTargets();
            a = attempt(Parser311.this::starExpressions);
            if (a != null && at(TokenKind.EQUAL)) {
                Expr bad = invalidTarget(a, STAR);
                if (bad != null) {
                    throw nodeError(bad, "cannot assign to " + nameOf(bad));
                }
            }
            pos = s;
            // (star_targets '=')* yield_expr '='
            skipTargets();
            if (atKeyword("yield")) {
                a = attempt(Parser311.this::yieldExpression);
                if (a != null && at(TokenKind.EQUAL)) {
                    throw nodeError(a, "assignment to yield expression not possible");
                }
            }
            pos = s;
            // star_expressions augassign (yield_expr | star_expressions)
            a = attempt(Parser311.this::starExpressions);
            if (a != null && augmentedIndex(kind(pos)) >= 0) {
                pos++;
                if ((atKeyword("yield") ? attempt(Parser311.this::yieldExpression) : attempt(Parser311.this::starExpressions)) != null) {
                    throw nodeError(a, "'" + nameOf(a) + "' is an illegal expression for augmented assignment");
                }
            }
            pos = s;
        }

        /** {@code (star_targets '=')*}: leading targets that are valid, each followed by '='. */
        private void skipTargets() {
            while (true) {
                int s = pos;
                targetsRead();
                Expr e = attempt(Parser311.this::starExpressions);
                if (e == null || !at(TokenKind.EQUAL) || !validTarget(e)) {
                    pos = s;
                    return;
                }
                pos++;
            }
        }

        /**
         * What pegen's star_targets reads at this position before any expression rule runs there: each
         * element's t_primary (its atom and trailers, read with the error rules, so their errors and memos
         * come first: {@code x = 'a' f'{e f}'} is the forgot-comma error, not the field's), the next element
         * only after a comma that follows a valid target. The position is restored.
         */
        private void targetsRead() {
            int s = pos;
            while (true) {
                while (accept(TokenKind.STAR)) {
                    // star_target: '*' (!'*' star_target)
                }
                Expr e = attempt(Parser311.this::primary);
                if (e == null || !validTarget(e) || !accept(TokenKind.COMMA)) {
                    break;
                }
            }
            pos = s;
        }

        private boolean validTarget(Expr e) {
            if (e instanceof Ast.Name || e instanceof Ast.Attribute || e instanceof Ast.Subscript) {
                return !(e instanceof Ast.Name) || !parenthesizedOnlyStarred(e);
            }
            if (e instanceof Ast.Starred st) {
                return validTarget(st.value());
            }
            if (e instanceof Ast.TupleExpr t) {
                return t.elts().stream().allMatch(this::validTarget);
            }
            if (e instanceof Ast.ListExpr t) {
                return t.elts().stream().allMatch(this::validTarget);
            }
            return false;
        }

        private boolean parenthesizedOnlyStarred(Expr e) {
            return false;
        }

        /** list | tuple | '(' invalid_ann_assign_target ')'. */
        private Expr annAssignTarget() {
            int s = pos;
            if (at(TokenKind.LSQB) || at(TokenKind.LPAR)) {
                Expr e = attempt(Parser311.this::atom);
                if (e instanceof Ast.ListExpr || e instanceof Ast.TupleExpr) {
                    return e;
                }
                pos = s;
                if (accept(TokenKind.LPAR)) {
                    Expr inner = annAssignTarget();
                    if (inner != null && accept(TokenKind.RPAR)) {
                        return inner;
                    }
                }
            }
            pos = s;
            return null;
        }

        /** star_named_expression, with invalid_named_expression tried at its start. */
        private Expr starNamedExpr() {
            return attempt(Parser311.this::starNamedExpression);
        }

        /** {@code ','.star_named_expression+ [',']}. */
        private boolean starNamedExpressions() {
            int s = pos;
            if (starNamedExpr() == null) {
                pos = s;
                return false;
            }
            while (at(TokenKind.COMMA)) {
                int c = pos++;
                if (starNamedExpr() == null) {
                    pos = c + 1;
                    break;
                }
            }
            return true;
        }

        /** RAISE_SYNTAX_ERROR_INVALID_TARGET over star_expressions read here (del/for). */
        void invalidTarget(int kind) {
            int s = pos;
            Expr a = attempt(Parser311.this::starExpressions);
            if (a != null) {
                Expr bad = invalidTarget(a, kind);
                if (bad != null) {
                    throw nodeError(bad, (kind == DEL ? "cannot delete " : "cannot assign to ") + nameOf(bad));
                }
                if (!target.atLeast(PythonVersion.V3_10)) {
                    // 3.9's RAISE_SYNTAX_ERROR_INVALID_TARGET raises "invalid syntax" (last token read) then
                    throw lastTokenError("SyntaxError", "invalid syntax");
                }
            }
            pos = s;
        }

        /** CPython's _PyPegen_get_invalid_target: the first sub-expression that cannot be a target, or null. */
        Expr invalidTarget(Expr e, int kind) {
            if (e == null) {
                return null;
            }
            if (e instanceof Ast.ListExpr l) {
                for (Expr x : l.elts()) {
                    Expr c = invalidTarget(x, kind);
                    if (c != null) {
                        return c;
                    }
                }
                return null;
            }
            if (e instanceof Ast.TupleExpr t) {
                for (Expr x : t.elts()) {
                    Expr c = invalidTarget(x, kind);
                    if (c != null) {
                        return c;
                    }
                }
                return null;
            }
            if (e instanceof Ast.Starred st) {
                return kind == DEL ? e : invalidTarget(st.value(), kind);
            }
            if (e instanceof Ast.Compare cmp) {
                if (kind == FOR) {
                    return cmp.ops().get(0) == Ast.CmpOperator.In ? invalidTarget(cmp.left(), kind) : null;
                }
                return e;
            }
            if (e instanceof Ast.Name || e instanceof Ast.Subscript || e instanceof Ast.Attribute) {
                return null;
            }
            return e;
        }

        private TokenizerFailure nodeError(Expr e, String msg) {
            return rangeError(e, e, msg);
        }
    }

    /** How this target's error messages name an expression: 3.9 says "operator", "Ellipsis", "dict display". */
    private String nameOf(Expr e) {
        if (!target.atLeast(PythonVersion.V3_10)) {
            if (e instanceof Ast.BoolOp || e instanceof Ast.BinOp || e instanceof Ast.UnaryOp) {
                return "operator";
            } else if (e instanceof Ast.DictExpr) {
                return "dict display";
            } else if (e instanceof Ast.Constant c && c.value() == PyObject.Singleton.ELLIPSIS) {
                return "Ellipsis";
            }
        }
        return exprName(e);
    }

    /** CPython's _PyPegen_get_expr_name: how error messages name an expression. */
    static String exprName(Expr e) {
        if (e instanceof Ast.Attribute) {
            return "attribute";
        } else if (e instanceof Ast.Subscript) {
            return "subscript";
        } else if (e instanceof Ast.Starred) {
            return "starred";
        } else if (e instanceof Ast.Name) {
            return "name";
        } else if (e instanceof Ast.ListExpr) {
            return "list";
        } else if (e instanceof Ast.TupleExpr) {
            return "tuple";
        } else if (e instanceof Ast.Lambda) {
            return "lambda";
        } else if (e instanceof Ast.Call) {
            return "function call";
        } else if (e instanceof Ast.BoolOp || e instanceof Ast.BinOp || e instanceof Ast.UnaryOp) {
            return "expression";
        } else if (e instanceof Ast.GeneratorExp) {
            return "generator expression";
        } else if (e instanceof Ast.Yield || e instanceof Ast.YieldFrom) {
            return "yield expression";
        } else if (e instanceof Ast.Await) {
            return "await expression";
        } else if (e instanceof Ast.ListComp) {
            return "list comprehension";
        } else if (e instanceof Ast.SetComp) {
            return "set comprehension";
        } else if (e instanceof Ast.DictComp) {
            return "dict comprehension";
        } else if (e instanceof Ast.DictExpr) {
            return "dict literal";
        } else if (e instanceof Ast.SetExpr) {
            return "set display";
        } else if (e instanceof Ast.JoinedStr || e instanceof Ast.FormattedValue) {
            return "f-string expression";
        } else if (e instanceof Ast.Constant c) {
            if (c.value() == PyObject.Singleton.NONE) {
                return "None";
            } else if (c.value() == PyObject.Singleton.FALSE) {
                return "False";
            } else if (c.value() == PyObject.Singleton.TRUE) {
                return "True";
            } else if (c.value() == PyObject.Singleton.ELLIPSIS) {
                return "ellipsis";
            }
            return "literal";
        } else if (e instanceof Ast.Compare) {
            return "comparison";
        } else if (e instanceof Ast.IfExp) {
            return "conditional expression";
        } else if (e instanceof Ast.NamedExpr) {
            return "named expression";
        }
        throw new IllegalStateException("no name for " + e.pyName());
    }

    private static final List<String> SOFT_KEYWORDS = List.of("_", "case", "match");
    private static final List<String> SOFT_KEYWORDS_312 = List.of("_", "case", "match", "type");

    /**
     * pegen's SOFT_KEYWORD test on a NAME: up to 3.13 it compares only the name's length of each soft
     * keyword, so any prefix of one ("c", "ty", "m") passes; 3.14 wants the whole word.
     */
    private boolean isSoftKeyword(String name) {
        for (String k : typeParams ? SOFT_KEYWORDS_312 : SOFT_KEYWORDS) {
            if (errors314 ? k.equals(name) : k.startsWith(name)) {
                return true;
            }
        }
        return false;
    }

    /** Error pass: a rule's result, or null (position restored) where the rule fails. */
    private <T> T attemptRule(java.util.function.Supplier<T> rule) {
        int s = pos;
        try {
            return rule.get();
        } catch (UnsupportedConstruct e) {
            if (!e.getMessage().equals(GRAMMAR_FAILURE) && !e.getMessage().equals(TARGET_REFUSAL)) {
                throw e;
            }
            pos = s;
            return null;
        }
    }

    /** {@code expression_without_invalid}: an expression read with the error rules off. */
    private Expr expressionWithoutInvalid() {
        setErrorPass(false);
        try {
            // a rule of its own in pegen: not the memoized expression at this position
            return attemptRule(this::expression0);
        } finally {
            setErrorPass(true);
        }
    }

    /** The bracket level the tokenizer was at when it made token {@code i} (pegen's {@code token->level}). */
    private int levelAt(int i) {
        int level = 0;
        for (int k = 0; k <= i; k++) {
            switch (tokens.get(k).kind()) {
                case LPAR, LSQB, LBRACE -> level++;
                case RPAR, RSQB, RBRACE -> level--;
                default -> { }
            }
        }
        return level;
    }

    /** 3.11's invalid_expression and invalid_legacy_expression, tried where an expression starts (error pass). */
    private void invalidExpression() {
        if (!target.atLeast(PythonVersion.V3_10)) {
            return; // 3.9 has neither rule
        }
        int s = pos;
        if (errors314 && at(TokenKind.STRING)) {
            // STRING (!STRING expression_without_invalid)+ STRING: words between two strings
            pos++;
            List<Expr> between = new ArrayList<>();
            while (!at(TokenKind.STRING)) {
                Expr e = expressionWithoutInvalid();
                if (e == null) {
                    break;
                }
                between.add(e);
            }
            if (!between.isEmpty() && at(TokenKind.STRING)) {
                throw rangeError(between.get(0), between.get(between.size() - 1),
                        "invalid syntax. Is this intended to be part of the string?");
            }
            pos = s;
        }
        Token t0 = peek();
        // pegen's NAME is never a keyword
        boolean nameString = atName() && peek(1).kind() == TokenKind.STRING;
        boolean soft = atName() && isSoftKeyword(t0.text());
        if (!nameString && !soft) {
            Expr a = attemptRule(this::disjunction);
            if (a != null) {
                Expr b = expressionWithoutInvalid();
                if (b != null) {
                    boolean legacy = a instanceof Ast.Name n && (n.id().equals("print") || n.id().equals("exec"));
                    if (!legacy && levelAt(pos - 1) != 0) {
                        throw rangeError(a, b, "invalid syntax. Perhaps you forgot a comma?");
                    }
                }
            }
            pos = s;
        }
        Expr a = attemptRule(this::disjunction);
        if (a != null && atKeyword("if")) {
            pos++;
            Expr b = attemptRule(this::disjunction);
            if (b != null && !atKeyword("else") && !at(TokenKind.COLON)) {
                throw rangeError(a, b, "expected 'else' after 'if' expression");
            }
            if (errors314 && b != null && atKeyword("else")) {
                // disjunction 'if' disjunction 'else' !expression: at the token after 'else'
                int next = ++pos;
                if (attemptRule(this::expression) == null) {
                    throw syntaxError(tok(next), tok(next), "expected expression after 'else', but statement is given");
                }
            }
        }
        pos = s;
        if (errors314 && (atKeyword("pass") || atKeyword("break") || atKeyword("continue"))) {
            // (pass_stmt | break_stmt | continue_stmt) 'if' disjunction 'else' simple_stmt: at the statement
            Token stmt = tok(pos++);
            if (acceptKeyword("if") && attemptRule(this::disjunction) != null && acceptKeyword("else")
                    && attemptRule(this::simpleStatement) != null) {
                throw syntaxError(stmt, stmt, "expected expression before 'if', but statement is given");
            }
            pos = s;
        }
        if (errors312 && atKeyword("lambda")) {
            // 'lambda' [lambda_params] ':' &FSTRING_MIDDLE: a lambda's ':' taken as a format spec's
            Token kw = tok(pos++);
            if (!at(TokenKind.COLON)) {
                attemptRule(() -> checkedParameters(TokenKind.COLON, false));
            }
            if (at(TokenKind.COLON)) {
                Token colon = peek();
                TokenKind next = peek(1).kind();
                if (next == TokenKind.FSTRING_MIDDLE) {
                    throw syntaxError(kw, colon, "f-string: lambda expressions are not allowed without parentheses");
                }
                if (next == TokenKind.TSTRING_MIDDLE) {
                    throw syntaxError(kw, colon, "t-string: lambda expressions are not allowed without parentheses");
                }
            }
            pos = s;
        }
        // invalid_legacy_expression: any name not followed by '(' reads the expressions after it (which
        // matters for how far the tokenizer gets), but only print and exec make it an error
        if (atName() && peek(1).kind() != TokenKind.LPAR) {
            pos++;
            Expr b = attemptRule(this::starExpressions);
            if (b != null && (t0.text().equals("print") || t0.text().equals("exec"))) {
                throw rangeError(tokenNode(t0), b, "Missing parentheses in call to '" + t0.text() + "'. Did you mean "
                        + t0.text() + "(...)?");
            }
            pos = s;
        }
    }

    /** 3.11's invalid_named_expression, tried where a named expression starts (error pass). */
    private void invalidNamedExpression() {
        int s = pos;
        Expr a = attemptRule(this::expression);
        if (a != null && at(TokenKind.COLONEQUAL)) {
            pos++;
            if (attemptRule(this::expression) != null) {
                throw rangeError(a, a, "cannot use assignment expressions with " + nameOf(a));
            }
        }
        pos = s;
        if (!target.atLeast(PythonVersion.V3_10)) {
            return; // 3.9's rule has that alternative alone
        }
        if (atName() && peek(1).kind() == TokenKind.EQUAL) {
            Token n = peek();
            pos += 2;
            Expr b = attemptRule(this::bitwiseOr);
            if (b != null && !at(TokenKind.EQUAL) && !at(TokenKind.COLONEQUAL)) {
                throw rangeError(tokenNode(n), b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            }
        }
        pos = s;
        Token t = peek();
        boolean excluded = t.kind() == TokenKind.NAME && (t.text().equals("True") || t.text().equals("None")
                || t.text().equals("False"));
        if (!excluded && (at(TokenKind.LSQB) || at(TokenKind.LPAR))) {
            Expr atom = attemptRule(this::atom);
            excluded = atom instanceof Ast.ListExpr || atom instanceof Ast.TupleExpr || atom instanceof Ast.GeneratorExp;
            pos = s;
        }
        if (!excluded) {
            a = attemptRule(this::bitwiseOr);
            if (a != null && accept(TokenKind.EQUAL)) {
                Expr b = attemptRule(this::bitwiseOr);
                if (b != null && !at(TokenKind.EQUAL) && !at(TokenKind.COLONEQUAL)) {
                    throw rangeError(a, a, "cannot assign to " + nameOf(a) + " here. Maybe you meant '==' instead of '='?");
                }
            }
        }
        pos = s;
    }

    /** Call arguments followed by ')'; when they do not parse, 3.11's error-pass rules decide (see {@link CallArgErrors}). */
    private void checkedArguments(List<Expr> args, List<Ast.Keyword> keywords) {
        if (ll1 != null) {
            ll1Arguments(args, keywords, args == classBases, ll1.mark());
            return;
        }
        int start = pos;
        try {
            arguments(args, keywords);
            if (!at(TokenKind.RPAR)) {
                throw fail();
            }
        } catch (UnsupportedConstruct e) {
            if (!errorPass || !e.getMessage().equals(GRAMMAR_FAILURE)) {
                throw e;
            }
            int failedAt = pos;
            pos = start;
            new CallArgErrors().check();
            pos = failedAt;
            throw e;
        }
    }

    /** 3.6-3.8: ast.c's error for a name {@code __debug__} at token {@code nameTok} bound, placed at token {@code at}. */
    private void ll1Bound(int nameTok, int at) {
        if (ll1 != null && tok(nameTok).text().equals("__debug__")) {
            ll1.astErrorAtToken(tok(at), ll1.debugAssignment());
        }
    }

    /** 3.6-3.8: the first token of the string atom being decoded (for its \N errors). */
    private int literalStart;

    /** 3.6-3.8: a parenthesized starred expression was read (refused unless an ast.c error is raised). */
    private boolean ll1ParenthesizedStar;

    /** 3.6-3.8: the list a class definition's arguments go to (their generator expressions differ). */
    private List<Expr> classBases;

    /**
     * 3.6-3.8's argument list, up to its ')': as 3.11's for what their grammar shares (same nodes),
     * with what only {@code ast.c} rejects parsed too (a generator expression among other arguments,
     * positional after keyword arguments, an expression before '='), then {@code ast.c}'s checks
     * ({@link Ll1Errors#checkArguments}); {@code before} is the error state before the list.
     */
    private void ll1Arguments(List<Expr> args, List<Ast.Keyword> keywords, boolean classDef, PythonError before) {
        List<Ll1Errors.Arg> seen = new ArrayList<>();
        boolean trailingComma = false;
        do {
            if (at(TokenKind.RPAR)) {
                trailingComma = !seen.isEmpty();
                break;
            }
            int start = pos;
            // the first argument may have been read already (the call's generator expression test)
            PythonError mark = seen.isEmpty() ? before : ll1.mark();
            if (accept(TokenKind.STAR)) {
                Expr v = expression();
                args.add(new Ast.Starred(v, ExprContext.Load, l(start), c(start), el(), ec()));
                seen.add(new Ll1Errors.Arg(Ll1Errors.ArgKind.STAR, tok(start), mark, null, null));
            } else if (accept(TokenKind.DOUBLESTAR)) {
                Expr v = expression();
                keywords.add(new Ast.Keyword(null, v, l(start), c(start), el(), ec()));
                seen.add(new Ll1Errors.Arg(Ll1Errors.ArgKind.DOUBLE_STAR, tok(start), mark, null, null));
            } else if (atName() && peek(1).kind() == TokenKind.EQUAL) {
                Token n = tok(pos);
                pos += 2;
                Expr name = new Ast.Name(n.text(), ExprContext.Load, n.startLine(), n.startCol(), n.endLine(), n.endCol());
                seen.add(new Ll1Errors.Arg(Ll1Errors.ArgKind.KEYWORD, tok(start), mark, name, ll1.mark()));
                Expr v = expression();
                keywords.add(new Ast.Keyword(n.text(), v, l(start), c(start), el(), ec()));
            } else {
                Expr v = argExpression();
                if (atKeyword("for") || atKeyword("async")) {
                    List<Ast.Comprehension> gens = comprehensionClauses();
                    seen.add(new Ll1Errors.Arg(Ll1Errors.ArgKind.GENERATOR, tok(start), mark, null, null));
                    args.add(new Ast.GeneratorExp(v, gens, l(start), c(start), el(), ec()));
                } else if (at(TokenKind.EQUAL)) {
                    // test '=' test: ast.c takes a (parenthesized) name before '=' in 3.6/3.7, else rejects it
                    pos++;
                    seen.add(new Ll1Errors.Arg(Ll1Errors.ArgKind.KEYWORD, tok(start), mark, v, ll1.mark()));
                    Expr value = expression();
                    if (v instanceof Ast.Name n && !target.atLeast(PythonVersion.V3_8)) {
                        throw refuse("a parenthesized keyword argument name (3.6/3.7)");
                    }
                    keywords.add(new Ast.Keyword("_", value, l(start), c(start), el(), ec()));
                } else {
                    seen.add(new Ll1Errors.Arg(Ll1Errors.ArgKind.POSITIONAL, tok(start), mark, null, null));
                    args.add(v);
                }
            }
        } while (accept(TokenKind.COMMA));
        if (!at(TokenKind.RPAR)) {
            throw fail();
        }
        ll1.checkArguments(seen, trailingComma, classDef, before);
    }

    /** A SyntaxError over node range ({@code RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b)}): from a's start to b's end. */
    private TokenizerFailure rangeError(Ast.Located a, Ast.Located b, String msg) {
        return new TokenizerFailure(new PythonError("SyntaxError", msg, filename, a.lineno(),
                tokenizer.charColumn(a.lineno(), a.colOffset()) + 1, tokenizer.lineText(a.lineno()), b.endLineno(),
                b.endLineno() != a.lineno() ? tokenizer.offsetOverLine(a.lineno(), b.endColOffset() + 1)
                        : tokenizer.charColumn(b.endLineno(), b.endColOffset()) + 1), true);
    }

    /**
     * 3.11's error pass over call arguments: {@code args} with {@code invalid_kwarg} tried wherever a
     * keyword argument may start, then {@code invalid_arguments}' alternatives in order, from the list's
     * start. A rule that matches raises its SyntaxError; otherwise nothing happens.
     */
    private final class CallArgErrors {
        /** What {@code args} read: positional arguments (starred ones too), whether keywords followed, where it ended. */
        private final List<Expr> positional = new ArrayList<>();
        private boolean anyKeywords;
        private boolean doubleStarred;
        /** The last {@link #args} ended with its kwargs part (it read kwargs after the positional items, or only kwargs). */
        private boolean kwargsRead;

        void check() {
            int s = pos;
            args();
            pos = s;
            invalidArguments(s);
            pos = s;
        }

        private Expr expr() {
            int s = pos;
            try {
                return expression();
            } catch (UnsupportedConstruct e) {
                if (!e.getMessage().equals(GRAMMAR_FAILURE)) {
                    throw e;
                }
                pos = s;
                return null;
            }
        }

        private Expr namedExpr() {
            int s = pos;
            try {
                return argExpression();
            } catch (UnsupportedConstruct e) {
                if (!e.getMessage().equals(GRAMMAR_FAILURE)) {
                    throw e;
                }
                pos = s;
                return null;
            }
        }

        private List<Ast.Comprehension> clauses() {
            if (!atKeyword("for") && !(atKeyword("async") && peek(1).text().equals("for"))) {
                return null;
            }
            int s = pos;
            try {
                List<Ast.Comprehension> g = comprehensionClauses();
                return g.isEmpty() ? null : g;
            } catch (UnsupportedConstruct e) {
                if (!e.getMessage().equals(GRAMMAR_FAILURE)) {
                    throw e;
                }
                pos = s;
                return null;
            }
        }

        /** The last element of the last clause: its last condition, else its iterable. */
        private Ast.Located lastItem(List<Ast.Comprehension> g) {
            Ast.Comprehension c = g.get(g.size() - 1);
            return c.ifs().isEmpty() ? (Ast.Located) c.iter() : (Ast.Located) c.ifs().get(c.ifs().size() - 1);
        }

        /** {@code args}, recording what it read; invalid_kwarg raises where a keyword argument may start. */
        private boolean args() {
            positional.clear();
            anyKeywords = false;
            doubleStarred = false;
            kwargsRead = false;
            int s = pos;
            // positional items: starred_expression | (assignment_expression | expression !':=') !'='
            while (true) {
                int item = pos;
                Expr e;
                if (at(TokenKind.STAR)) {
                    e = starred();
                    if (e == null) {
                        pos = item;
                        break;
                    }
                } else {
                    e = namedExpr();
                    if (e == null || at(TokenKind.EQUAL)) {
                        pos = item;
                        break;
                    }
                }
                positional.add(e);
                if (!(at(TokenKind.COMMA))) {
                    return true;
                }
                int comma = pos++;
                if (!startsPositional()) {
                    pos = comma + 1;
                    if (kwargs()) {
                        kwargsRead = true;
                    } else {
                        pos = comma;
                    }
                    return true;
                }
            }
            if (!positional.isEmpty()) {
                return true;
            }
            pos = s;
            kwargsRead = kwargs();
            return kwargsRead;
        }

        /** Whether a positional item (not a keyword argument) could start here: cheap look at the tokens. */
        private boolean startsPositional() {
            if (at(TokenKind.DOUBLESTAR)) {
                return false;
            }
            // 3.9 reads no token past a keyword here (its one pass sets the error's position by the
            // furthest token read: "f(a, return b)" fails at 'return')
            if ((target.atLeast(PythonVersion.V3_10) ? at(TokenKind.NAME) : atName()) && peek(1).kind() == TokenKind.EQUAL) {
                return false;
            }
            int s = pos;
            if (at(TokenKind.STAR)) {
                boolean ok = starred() != null;
                pos = s;
                return ok;
            }
            Expr e = namedExpr();
            boolean ok = e != null && !at(TokenKind.EQUAL);
            pos = s;
            return ok;
        }

        /**
         * {@code kwargs}: {@code ','.kwarg_or_starred+ [',' ','.kwarg_or_double_starred+]} or
         * {@code ','.kwarg_or_double_starred+}; invalid_kwarg is tried wherever an item is.
         */
        private boolean kwargs() {
            int s = pos;
            if (gather(false) > 0) {
                int save = pos;
                if (accept(TokenKind.COMMA) && gather(true) == 0) {
                    pos = save;
                }
                return true;
            }
            pos = s;
            return gather(true) > 0;
        }

        private int gather(boolean doubleStar) {
            int n = 0;
            while (true) {
                int item = pos;
                if (!kwargItem(doubleStar)) {
                    pos = item;
                    if (n > 0) {
                        pos--; // give the separator back
                    }
                    return n;
                }
                n++;
                if (!accept(TokenKind.COMMA)) {
                    return n;
                }
            }
        }

        /** kwarg_or_starred / kwarg_or_double_starred: invalid_kwarg | NAME '=' expression | '*'/'**' expression. */
        private boolean kwargItem(boolean doubleStar) {
            int item = pos;
            invalidKwarg();
            if (atName() && peek(1).kind() == TokenKind.EQUAL) {
                pos += 2;
                if (expr() != null) {
                    anyKeywords = true;
                    return true;
                }
                pos = item;
            }
            if (!doubleStar && at(TokenKind.STAR)) {
                if (starred() != null) {
                    return true;
                }
            } else if (doubleStar && accept(TokenKind.DOUBLESTAR)) {
                if (expr() != null) {
                    anyKeywords = true;
                    doubleStarred = true;
                    return true;
                }
            }
            pos = item;
            return false;
        }

        /** starred_expression at its '*', with its error rules (3.12+); null where it does not match. */
        private Expr starred() {
            int item = pos;
            starredExpressionErrors();
            pos++;
            Expr e = errors313 ? starredOperand() : expr();
            if (e == null) {
                pos = item;
                return null;
            }
            return new Ast.Starred(e, ExprContext.Load, l(item), c(item), el(), ec());
        }

        private void invalidKwarg() {
            int s = pos;
            Token t = peek();
            if (t.kind() == TokenKind.NAME && (t.text().equals("True") || t.text().equals("False") || t.text().equals("None"))
                    && peek(1).kind() == TokenKind.EQUAL && target.atLeast(PythonVersion.V3_10)) {
                throw syntaxError(t, peek(1), "cannot assign to " + t.text());
            }
            if (atName() && peek(1).kind() == TokenKind.EQUAL) {
                Token eq = peek(1);
                pos += 2;
                if (target.atLeast(PythonVersion.V3_10) && expr() != null && clauses() != null) {
                    throw syntaxError(t, eq, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
                }
                pos = s;
                return;
            }
            Expr e = expr();
            if (e != null && at(TokenKind.EQUAL)) {
                throw rangeError(e, tokenNode(peek()), "expression cannot contain assignment, perhaps you meant \"==\"?");
            }
            pos = s;
            if (errors312 && at(TokenKind.DOUBLESTAR)) {
                // '**' expression '=' expression
                Token star = tok(pos++);
                if (expr() != null && accept(TokenKind.EQUAL)) {
                    Expr b = expr();
                    if (b != null) {
                        throw rangeError(tokenNode(star), b, "cannot assign to keyword argument unpacking");
                    }
                }
                pos = s;
            }
        }

        private void invalidArguments(int s) {
            if (!target.atLeast(PythonVersion.V3_11)) {
                // 3.9/3.10: any args followed by ', *' (3.10 marks the args, 3.9 the last token read)
                if (args() && at(TokenKind.COMMA) && peek(1).kind() == TokenKind.STAR) {
                    String msg = "iterable argument unpacking follows keyword argument unpacking";
                    throw target.atLeast(PythonVersion.V3_10) ? syntaxError(tok(s), last(), msg)
                            : lastTokenError("SyntaxError", msg);
                }
                pos = s;
            }
            if (!errors313) {
                // (','.positional+ ',' kwargs | kwargs) ',' '*', at the '*': the positional items' gather is
                // greedy, so where kwargs does not follow it, only a list that is all kwargs matches
                boolean viaKwargs = args() && kwargsRead;
                if (!viaKwargs) {
                    pos = s;
                    viaKwargs = kwargs();
                }
                if (viaKwargs && at(TokenKind.COMMA) && peek(1).kind() == TokenKind.STAR) {
                    Token star = peek(1);
                    throw syntaxError(star, star, "iterable argument unpacking follows keyword argument unpacking");
                }
            } else if (args() && anyKeywords && at(TokenKind.COMMA) && peek(1).kind() == TokenKind.STAR) {
                // 3.13: (positional ',' kwargs | kwargs) ',' ','.(starred_expression !'=')+, from the ','
                Token comma = peek();
                int n = 0;
                while (at(TokenKind.COMMA) && peek(1).kind() == TokenKind.STAR) {
                    int item = pos++;
                    if (starred() == null || at(TokenKind.EQUAL)) {
                        pos = item;
                        break;
                    }
                    n++;
                }
                if (n > 0) {
                    throw startingFrom(tokenNode(comma), tokens.get(tokens.size() - 1),
                            "iterable argument unpacking follows keyword argument unpacking");
                }
            }
            pos = s;
            // expression for_if_clauses ',' [args | expression for_if_clauses]
            Expr a = expr();
            if (a != null) {
                List<Ast.Comprehension> g = clauses();
                if (g != null && at(TokenKind.COMMA)) {
                    pos++;
                    if (!args()) { // the optional tail is read all the same (a tokenizer error there comes first)
                        if (expr() != null) {
                            clauses();
                        }
                    }
                    throw rangeError(a, lastItem(g), "Generator expression must be parenthesized");
                }
            }
            pos = s;
            // NAME '=' expression for_if_clauses
            if (atName() && peek(1).kind() == TokenKind.EQUAL) {
                Token n = peek();
                Token eq = peek(1);
                pos += 2;
                if (target.atLeast(PythonVersion.V3_10) && expr() != null && clauses() != null) {
                    throw syntaxError(n, eq, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
                }
            }
            pos = s;
            if (errors312) {
                // (args ',')? NAME '=' &(',' | ')')
                if (!(args() && accept(TokenKind.COMMA))) {
                    pos = s;
                }
                if (atName() && peek(1).kind() == TokenKind.EQUAL
                        && (peek(2).kind() == TokenKind.COMMA || peek(2).kind() == TokenKind.RPAR)) {
                    throw syntaxError(peek(), peek(1), "expected argument value expression");
                }
                pos = s;
            }
            // args for_if_clauses
            if (args()) {
                List<Ast.Comprehension> g = clauses();
                if (g != null && positional.size() > 1) {
                    throw rangeError(positional.get(positional.size() - 1), lastItem(g),
                            "Generator expression must be parenthesized");
                }
            }
            pos = s;
            // args ',' expression for_if_clauses
            if (args() && accept(TokenKind.COMMA)) {
                Expr e = expr();
                if (e != null) {
                    List<Ast.Comprehension> g = clauses();
                    if (g != null) {
                        throw rangeError(e, lastItem(g), "Generator expression must be parenthesized");
                    }
                }
            }
            pos = s;
            // args ',' args: a positional argument after keyword ones, at the last token read
            if (args() && anyKeywords && accept(TokenKind.COMMA)) {
                boolean unpacking = doubleStarred;
                if (args()) {
                    throw lastTokenError("SyntaxError", unpacking ? "positional argument follows keyword argument unpacking"
                            : "positional argument follows keyword argument");
                }
            }
            pos = s;
        }
    }

    /** A NEWLINE token as a located node: after a comment it starts where the comment does. */
    private Ast.Located newlineNode(Token t) {
        return new Ast.Name("", ExprContext.Load, t.startLine(), startCol(t), t.endLine(), t.endCol());
    }

    /** A token as a located node (for node-range errors that end at a token). */
    private Ast.Located tokenNode(Token t) {
        return new Ast.Name(t.text(), ExprContext.Load, t.startLine(), t.startCol(), t.endLine(), t.endCol());
    }

    private Expr slices() {
        int start = pos;
        Expr first = slice();
        if (!at(TokenKind.COMMA) && !(first instanceof Ast.Starred)) {
            return first; // a starred expression alone is still a one-element tuple
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (accept(TokenKind.COMMA)) {
            if (at(TokenKind.RSQB)) {
                break;
            }
            elts.add(slice());
        }
        return new Ast.TupleExpr(elts, ExprContext.Load, l(start), c(start), el(), ec());
    }

    private Expr slice() {
        int start = pos;
        if (starredSubscripts && at(TokenKind.STAR)) {
            // starred_expression: '*' expression
            if (errorPass) {
                starredExpressionErrors();
            }
            pos++;
            Expr v = errorPass || errors313 && !errors314 ? starredOperand() : expression(); // 3.13 does not guard it
            return new Ast.Starred(v, ExprContext.Load, l(start), c(start), el(), ec());
        }
        Expr lower = null;
        if (!at(TokenKind.COLON)) {
            lower = walrusInIndex ? namedExpression() : expression();
            if (!at(TokenKind.COLON)) {
                return lower;
            }
        }
        expect(TokenKind.COLON);
        Expr upper = null;
        Expr step = null;
        if (!at(TokenKind.COLON) && !at(TokenKind.COMMA) && !at(TokenKind.RSQB)) {
            upper = expression();
        }
        if (accept(TokenKind.COLON)) {
            if (!at(TokenKind.COMMA) && !at(TokenKind.RSQB)) {
                step = expression();
            }
        }
        return new Ast.Slice(lower, upper, step, l(start), c(start), el(), ec());
    }

    private Expr atom() {
        Token t = peek();
        int start = pos;
        switch (t.kind()) {
            case NAME: {
                switch (t.text()) {
                    case "None":
                        pos++;
                        return constant(PyObject.Singleton.NONE, start);
                    case "True":
                        pos++;
                        return constant(PyObject.Singleton.TRUE, start);
                    case "False":
                        pos++;
                        return constant(PyObject.Singleton.FALSE, start);
                    default:
                        break;
                }
                Token n = name();
                return new Ast.Name(n.text(), ExprContext.Load, n.startLine(), n.startCol(), n.endLine(), n.endCol());
            }
            case NUMBER:
                pos++;
                return constant(Literals.number(t.text(), this::refuse), start);
            case STRING:
            case FSTRING_START:
            case TSTRING_START:
                return strings();
            case ELLIPSIS:
                pos++;
                return constant(PyObject.Singleton.ELLIPSIS, start);
            case LPAR:
                return errorPass ? bracketChecked(this::parenthesizedForm) : parenthesizedForm();
            case LSQB:
                return errorPass ? bracketChecked(this::listForm) : listForm();
            case LBRACE:
                return errorPass ? bracketChecked(this::braceForm) : dictErrorsFirstPass ? braceFormFirstPass() : braceForm();
            default:
                throw fail();
        }
    }

    private Expr constant(PyObject value, int start) {
        return new Ast.Constant(value, null, l(start), c(start), el(), ec());
    }

    /**
     * The {@code strings} rule is memoized, as CPython's is: each run of strings is decoded (and warns) once
     * a pass. Keyed by the run's first token: its expression, and the token after it. Most sources have few
     * runs for their tokens: a small open-addressed table (slot key: the token's index + 1, 0 when free).
     */
    private int[] stringsMemoAt;
    private Expr[] stringsMemo;
    private int[] stringsMemoEnd;
    private int stringsMemoCount;

    private Expr strings() {
        int at = pos;
        if (stringsMemoAt != null) {
            int mask = stringsMemoAt.length - 1;
            for (int i = stringsMemoSlot(at); stringsMemoAt[i] != 0; i = (i + 1) & mask) {
                if (stringsMemoAt[i] == at + 1) {
                    pos = stringsMemoEnd[i];
                    return stringsMemo[i];
                }
            }
        }
        Expr e = pep701 ? strings312() : strings0();
        if (stringsMemoAt == null || 4 * (stringsMemoCount + 1) > 3 * stringsMemoAt.length) {
            int[] oldAt = stringsMemoAt;
            Expr[] oldMemo = stringsMemo;
            int[] oldEnd = stringsMemoEnd;
            int n = oldAt == null ? 16 : oldAt.length * 2;
            stringsMemoAt = new int[n];
            stringsMemo = new Expr[n];
            stringsMemoEnd = new int[n];
            stringsMemoCount = 0;
            if (oldAt != null) {
                for (int k = 0; k < oldAt.length; k++) {
                    if (oldAt[k] != 0) {
                        stringsMemoPut(oldAt[k] - 1, oldMemo[k], oldEnd[k]);
                    }
                }
            }
        }
        stringsMemoPut(at, e, pos);
        return e;
    }

    /** The first slot tried for token {@code at}: runs often start at evenly spaced tokens, so they are mixed. */
    private int stringsMemoSlot(int at) {
        return (at * 0x9E3779B9) >>> (Integer.numberOfLeadingZeros(stringsMemoAt.length) + 1);
    }

    private void stringsMemoPut(int at, Expr e, int end) {
        int mask = stringsMemoAt.length - 1;
        int i = stringsMemoSlot(at);
        while (stringsMemoAt[i] != 0) {
            i = (i + 1) & mask;
        }
        stringsMemoAt[i] = at + 1;
        stringsMemo[i] = e;
        stringsMemoEnd[i] = end;
        stringsMemoCount++;
    }

    private Expr strings0() {
        int start = pos;
        try {
            return strings311();
        } catch (Literals.LiteralError e) {
            if (sub && !fieldErrors) {
                throw refuse("errors of string literals inside f-string fields (their position)");
            }
            String msg = e.message(target);
            if (ll1 != null) {
                // ast.c's error, once the whole file has parsed: at the bytes token for its non-ASCII
                // characters, else at the atom's first token
                Token first = e.kind == Literals.LiteralError.Kind.NON_ASCII_BYTES ? e.token : tok(start);
                ll1.astErrorAtToken(first, msg); // 3.6/3.7: a multi-line string token where their tokenizer left it
                return constant(new PyObject.Str("", false), start);
            }
            if (e.kind == Literals.LiteralError.Kind.NON_ASCII_BYTES && target.atLeast(PythonVersion.V3_11)) {
                throw syntaxError0(e.token, e.token, msg); // 3.11 names the bytes token
            }
            // the strings' action fails as it runs: at the token looked ahead to
            throw errorAtToken0("SyntaxError", tok(pos), msg);
        }
    }

    /** True if a string token has no backslash and no character beyond ASCII (its checks cannot fail). */
    private static boolean plainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** {@code strings} of 3.6-3.11: adjacent STRING tokens, f-strings among them, as one expression. */
    private Expr strings311() {
        int start = pos;
        String only = tok(start).text();
        char q = only.charAt(0);
        if ((q == '\'' || q == '"') && tok(start + 1).kind() != TokenKind.STRING && plainAscii(only)) {
            // the common case: one string token with nothing to check or decode
            pos++;
            if (ll1 != null && !sub) {
                literalStart = start;
            }
            return Literals.plainString(only, l(start), c(start), el(), ec());
        }
        List<Token> parts = new ArrayList<>();
        boolean fstring = false;
        while (at(TokenKind.STRING)) {
            Token t = tok(pos++);
            parts.add(t);
            for (int i = 0; i < t.text().length(); i++) {
                char ch = t.text().charAt(i);
                if (ch == '\'' || ch == '"') {
                    break;
                }
                fstring |= ch == 'f' || ch == 'F';
            }
        }
        // parsestr's checks token by token, each followed by the bytes/str mix check, up to the first
        // f-string or the first token with undecodable bytes (later ones come in order as they are joined)
        Boolean bytesMode = null;
        for (Token t : parts) {
            if (plainAscii(t.text())) {
                // nothing to decode, nothing to reject: only the mix check below
            } else if (Literals.undecodableBytes(List.of(t)) != null) {
                break;
            } else {
                Literals.checkToken(t, this::refuse);
            }
            boolean b = Literals.isBytes(t);
            if (bytesMode != null && bytesMode != b) {
                // each piece up to this one was decoded (and warned) before the mix is seen
                for (Token d : parts.subList(0, parts.indexOf(t) + 1)) {
                    Literals.strings(List.of(d), filename, target, warnings, d.startLine(), d.startCol(), d.endLine(),
                            d.endCol(), this::refuse);
                }
                throw new Literals.LiteralError(Literals.LiteralError.Kind.MIXED, null, "cannot mix bytes and nonbytes literals");
            }
            bytesMode = b;
            if (Literals.hasPrefix(t, 'f')) {
                break;
            }
        }
        if (fstring) {
            if (ll1 != null && Literals.undecodableBytes(parts) != null) {
                throw refuse("undecodable bytes in an f-string (3.6-3.8's error)");
            }
            if (ll1 != null && !sub) {
                try {
                    return FStrings311.joined(parts, filename, warnings, this::refuse, Ll1Errors.AstFailure::new,
                            this::subExpression, l(start), c(start), el(), ec(), target);
                } catch (Ll1Errors.AstFailure e) {
                    if (e instanceof FieldErrors36.Failure f) {
                        ll1.astError(f.error); // a field's own parse failed (3.6-3.8)
                    } else {
                        ll1.astErrorAtToken(tok(start), e.getMessage());
                    }
                    return constant(new PyObject.Str("", false), start);
                }
            }
            return FStrings311.joined(parts, filename, warnings, this::refuse, this::fstringError, this::subExpression,
                    l(start), c(start), el(), ec(), target);
        }
        String undecodable = Literals.undecodableBytes(parts);
        if (undecodable != null) {
            if (sub) {
                throw refuse("undecodable bytes in a string inside an f-string (its error)");
            }
            if (ll1 != null) {
                // ast.c's error, at the atom's first token, once the whole file has parsed
                ll1.astErrorAtToken(tok(start), "(unicode error) " + undecodable);
                return constant(new PyObject.Str("", false), start);
            }
            if (declaredEncoding && !target.atLeast(PythonVersion.V3_11)) {
                // 3.9/3.10 then place it by the characters of the line as decoded: not reproduced
                throw refuse("undecodable bytes in a string literal of a source with a coding declaration (its position)");
            }
            // raised when the literal is built: at the token the parser has just looked ahead to
            Token next = tok(pos);
            throw new TokenizerFailure(new PythonError("SyntaxError", "(unicode error) " + undecodable, filename,
                    next.startLine(), next.startCol() + 1, tokenizer.lineText(next.startLine()), next.endLine(),
                    next.endCol() + 1), true);
        }
        if (ll1 != null && !sub) {
            literalStart = start; // parsestr's checks above have passed every token
            try {
                return Literals.strings(parts, filename, target, warnings, l(start), c(start), el(), ec(),
                        this::literalRefusal);
            } catch (Ll1Errors.AstFailure e) {
                ll1.astErrorAtToken(tok(start), e.getMessage());
                return constant(new PyObject.Str("", false), start);
            }
        }
        return Literals.strings(parts, filename, target, warnings, l(start), c(start), el(), ec(), this::literalRefusal);
    }

    // ---------------------------------------------------------------- 3.12+ strings (PEP 701)

    /**
     * {@code strings: (fstring | string)+} of 3.12+: plain string tokens alone are one constant as
     * before; with f-strings among them, every piece is placed where it stands and CPython's
     * {@code _PyPegen_concatenate_strings} merges them ({@link FStrings312#concatenate}).
     */
    private Expr strings312() {
        int start = pos;
        if (templateStrings && at(TokenKind.TSTRING_START)) {
            List<Expr> items = new ArrayList<>();
            while (at(TokenKind.TSTRING_START)) {
                items.add(fstring(true));
            }
            if (at(TokenKind.STRING) || at(TokenKind.FSTRING_START)) {
                if (errorPass) {
                    // invalid_string_tstring_concat: t-strings then a string or f-string
                    Ast.Located other = at(TokenKind.STRING) ? tokenNode(tok(pos++)) : fstring(false);
                    throw rangeError(items.get(items.size() - 1), other,
                            "cannot mix t-string literals with string or bytes literals");
                }
                throw fail();
            }
            return FStrings312.concatenateTemplates(items, l(start), c(start), el(), ec());
        }
        List<Object> pieces = new ArrayList<>(); // Token (STRING) or Expr (an f-string's JoinedStr)
        boolean fstring = false;
        boolean bytes = false;
        boolean str = false;
        while (true) {
            if (at(TokenKind.STRING)) {
                Token t = tok(pos++);
                checkStringToken(t);
                // beside f-strings each STRING is decoded as it is read (its warnings in source order)
                pieces.add(fstring && !Literals.isBytes(t) ? stringPiece(t) : t);
                bytes |= Literals.isBytes(t);
                str |= !Literals.isBytes(t);
            } else if (at(TokenKind.FSTRING_START)) {
                if (!fstring) {
                    pieces.replaceAll(o -> o instanceof Token t && !Literals.isBytes(t) ? stringPiece(t) : o);
                }
                pieces.add(fstring(false));
                fstring = true;
            } else if (at(TokenKind.TSTRING_START)) {
                if (errorPass && !pieces.isEmpty()) {
                    // invalid_string_tstring_concat: strings or f-strings then a t-string
                    Object last = pieces.get(pieces.size() - 1);
                    Ast.Located a = last instanceof Token t ? tokenNode(t) : (Expr) last;
                    throw rangeError(a, fstring(true), "cannot mix t-string literals with string or bytes literals");
                }
                throw fail();
            } else {
                break;
            }
        }
        if (bytes && (str || fstring)) {
            // _PyPegen_concatenate_strings: at the token after the strings, each STRING decoded (and warned) first
            for (Object o : pieces) {
                if (o instanceof Token t) {
                    stringPiece(t);
                }
            }
            throw lastTokenError("SyntaxError", "cannot mix bytes and nonbytes literals");
        }
        if (!fstring) {
            List<Token> plain = new ArrayList<>(pieces.size());
            for (Object o : pieces) {
                plain.add((Token) o);
            }
            return Literals.strings(plain, filename, target, warnings, l(start), c(start), el(), ec(), this::refuse);
        }
        List<Expr> items = new ArrayList<>(pieces.size());
        for (Object o : pieces) {
            if (o instanceof Token) {
                throw refuse("mixing bytes and str literals (its error)");
            }
            items.add((Expr) o);
        }
        return FStrings312.concatenate(items, l(start), c(start), el(), ec());
    }

    /** One STRING token beside f-strings (3.12+), decoded on its own. */
    private Expr stringPiece(Token t) {
        return Literals.strings(List.of(t), filename, target, warnings, t.startLine(), t.startCol(), t.endLine(),
                t.endCol(), this::refuse);
    }

    /**
     * 3.12+: the errors CPython's action for a STRING token raises as the token is read (so at that
     * token): non-ASCII characters in bytes, undecodable bytes, a malformed escape.
     */
    private void checkStringToken(Token t) {
        String prefix = Literals.prefix(t);
        String body = Literals.body(t);
        if (prefix.contains("b")) {
            try {
                Literals.checkToken(t, this::refuse); // non-ASCII characters, then a bad \x escape
            } catch (Literals.LiteralError e) {
                throw syntaxError0(t, t, e.message(target));
            }
            return;
        }
        String undecodable = Literals.undecodableBytes(List.of(t));
        if (undecodable != null) {
            // CPython converts the 1-based byte offsets over the line as decoded with "replace" (U+FFFD
            // standing for undecodable bytes is longer in UTF-8 than they were)
            throw new TokenizerFailure(new PythonError("SyntaxError", "(unicode error) " + undecodable, filename,
                    t.startLine(), tokenizer.charColumn(t.startLine(), t.startCol() + 1), tokenizer.lineText(t.startLine()),
                    t.endLine(), tokenizer.charColumn(t.endLine(), t.endCol() + 1)), true);
        }
        if (!prefix.contains("r")) {
            String malformed = Literals.escapeError(body, this::refuse);
            if (malformed != null) {
                throw syntaxError0(t, t, malformed);
            }
        }
    }

    /**
     * {@code FSTRING_START fstring_middle* FSTRING_END}: the f-string's JoinedStr (its own pieces); with
     * {@code template}, a 3.14 t-string's TemplateStr of Interpolations.
     */
    private Expr fstring(boolean template) {
        Token open = tok(pos++);
        boolean raw = FStrings312.isRaw(open);
        TokenKind middle = template ? TokenKind.TSTRING_MIDDLE : TokenKind.FSTRING_MIDDLE;
        TokenKind end = template ? TokenKind.TSTRING_END : TokenKind.FSTRING_END;
        List<Expr> items = new ArrayList<>();
        while (!at(end)) {
            if (at(middle)) {
                Token m = tok(pos++);
                items.add(new Ast.Constant(new PyObject.Str(m.text(), false), null, m.startLine(), m.startCol(),
                        m.endLine(), m.endCol()));
            } else if (at(TokenKind.LBRACE)) {
                replacementField(items, template, middle, raw);
            } else {
                throw fail();
            }
        }
        Token close = tok(pos++);
        return fstr().joined(items, raw, open, close, template);
    }

    private FStrings312 fstr312;

    /** A conversion other than !s, !r or !a: an action's error (so from the first pass on). */
    private void checkConversion(Token convName, boolean interpolation) {
        String c = convName.text();
        if (!c.equals("s") && !c.equals("r") && !c.equals("a")) {
            throw syntaxError0(convName, convName, (interpolation ? "t" : "f") + "-string: invalid conversion character '" + c
                    + "': expected 's', 'r', or 'a'");
        }
    }

    private FStrings312 fstr() {
        if (fstr312 == null) {
            fstr312 = new FStrings312(filename, target, warnings, this::refuse,
                    msg -> lastTokenError("SyntaxError", msg));
        }
        return fstr312;
    }

    /**
     * {@code '{' (yield_expr | star_expressions) ['='] ['!' NAME] [':' format_spec*] '}'}: appends its
     * FormattedValue to {@code out}, after the raw text of a {@code =} field (not yet decoded).
     */
    private void replacementField(List<Expr> out, boolean interpolation, TokenKind middle, boolean raw) {
        if (!errorPass) {
            replacementField0(out, interpolation, middle, raw);
            return;
        }
        int start = pos;
        try {
            replacementField0(out, interpolation, middle, raw);
        } catch (UnsupportedConstruct e) {
            if (!e.getMessage().equals(GRAMMAR_FAILURE) && !e.getMessage().equals(TARGET_REFUSAL)) {
                throw e;
            }
            int failedAt = pos;
            pos = start;
            invalidReplacementField(middle == TokenKind.TSTRING_MIDDLE ? "t-string: " : "f-string: ", middle);
            pos = failedAt;
            throw e;
        }
    }

    /**
     * invalid_fstring_replacement_field (3.12+; 3.14's t-strings have their twin), at the '{' of a field
     * that did not parse: the first alternative that matches raises its error, most at the token where
     * the field went wrong.
     */
    private void invalidReplacementField(String prefix, TokenKind middle) {
        pos++; // '{'
        Token t = peek();
        switch (t.kind()) {
            case EQUAL, EXCLAMATION, COLON, RBRACE ->
                throw syntaxError(t, t, prefix + "valid expression required before '" + t.text() + "'");
            default -> { }
        }
        int afterBrace = pos;
        Expr value = attemptRule(() -> atKeyword("yield") ? yieldExpression() : starExpressions());
        if (value == null) {
            pos = afterBrace;
            throw errorAtToken("SyntaxError", peek(), prefix + "expecting a valid expression after '{'");
        }
        int afterValue = pos;
        if (!at(TokenKind.EQUAL) && !at(TokenKind.EXCLAMATION) && !at(TokenKind.COLON) && !at(TokenKind.RBRACE)) {
            throw errorAtToken("SyntaxError", peek(), prefix + "expecting '=', or '!', or ':', or '}'");
        }
        if (accept(TokenKind.EQUAL) && !at(TokenKind.EXCLAMATION) && !at(TokenKind.COLON) && !at(TokenKind.RBRACE)) {
            throw errorAtToken("SyntaxError", peek(), prefix + "expecting '!', or ':', or '}'");
        }
        // invalid_conversion_character
        if (accept(TokenKind.EXCLAMATION)) {
            if (at(TokenKind.COLON) || at(TokenKind.RBRACE)) {
                throw errorAtToken("SyntaxError", peek(), prefix + "missing conversion character");
            }
            if (!atName()) {
                throw errorAtToken("SyntaxError", peek(), prefix + "invalid conversion character");
            }
            pos++;
        }
        if (!at(TokenKind.COLON) && !at(TokenKind.RBRACE)) {
            throw errorAtToken("SyntaxError", peek(), prefix + "expecting ':' or '}'");
        }
        if (accept(TokenKind.COLON)) {
            while (true) {
                if (accept(middle)) {
                    continue;
                }
                if (at(TokenKind.LBRACE)) {
                    int field = pos;
                    try {
                        replacementField(new ArrayList<>(), false, middle, false);
                        continue;
                    } catch (UnsupportedConstruct e) {
                        if (!e.getMessage().equals(GRAMMAR_FAILURE) && !e.getMessage().equals(TARGET_REFUSAL)) {
                            throw e;
                        }
                        pos = field;
                    }
                }
                break;
            }
            if (!at(TokenKind.RBRACE)) {
                throw errorAtToken("SyntaxError", peek(), prefix + "expecting '}', or format specs");
            }
        }
        if (!at(TokenKind.RBRACE)) {
            throw errorAtToken("SyntaxError", peek(), prefix + "expecting '}'");
        }
        pos = afterValue;
    }

    private void replacementField0(List<Expr> out, boolean interpolation, TokenKind middle, boolean raw) {
        int start = pos;
        Token lbrace = tok(pos++);
        Expr value = atKeyword("yield") ? yieldExpression() : starExpressions();
        boolean debug = accept(TokenKind.EQUAL);
        int conversion = -1;
        Token convName = null;
        Token textEnd = null; // the token the '=' text stops before
        if (at(TokenKind.EXCLAMATION)) {
            Token bang = tok(pos++);
            textEnd = bang;
            if (!atName()) {
                throw fail(); // pegen's NAME: a keyword is not a conversion ('!def': the error rule's message)
            }
            convName = tok(pos++);
            // _PyPegen_check_fstring_conversion, an action: its errors stand from the first pass on
            if (convName.startLine() != bang.endLine() || convName.startCol() != bang.endCol()) {
                throw syntaxError0(bang, convName, "f-string: conversion type must come right after the "
                        + (errors314 ? "exclamation" : "exclamanation") + " mark");
            }
            if (errors314) {
                checkConversion(convName, interpolation);
            }
            conversion = convName.text().charAt(0);
        }
        Expr spec = null;
        if (at(TokenKind.COLON)) {
            Token colon = tok(pos++);
            if (textEnd == null) {
                textEnd = colon;
            }
            List<Expr> parts = new ArrayList<>();
            while (at(middle) || at(TokenKind.LBRACE)) {
                if (at(middle)) {
                    parts.add(fstr().specConstant(tok(pos++), raw));
                } else {
                    replacementField(parts, false, middle, raw); // a t-string's spec holds FormattedValues
                }
            }
            spec = fstr().formatSpec(parts, colon.startLine(), colon.startCol(), el(), ec());
        }
        Token rbrace = expect(TokenKind.RBRACE);
        if (convName != null && !errors314) {
            checkConversion(convName, interpolation); // before 3.14 the field's action checks it, once the field is read
        }
        if (textEnd == null) {
            textEnd = rbrace;
        }
        if (debug && spec == null && conversion == -1) {
            conversion = 'r';
        }
        String text = FStrings312.debugText(tokenizer.text().substring(lbrace.endIndex(), textEnd.startIndex()));
        Expr fv = interpolation
                ? new Ast.Interpolation(value, new PyObject.Str(FStrings312.interpolationText(text), false), conversion,
                        spec, l(start), c(start), el(), ec())
                : new Ast.FormattedValue(value, conversion, spec, l(start), c(start), el(), ec());
        if (debug) {
            int endLine;
            int endCol;
            if (convName != null) {
                endLine = convName.startLine();
                endCol = convName.startCol() - 1;
            } else if (spec != null) {
                endLine = spec.lineno();
                endCol = spec.colOffset();
            } else {
                endLine = rbrace.endLine();
                endCol = rbrace.endCol() - 1;
            }
            out.add(new Ast.Constant(new PyObject.Str(text, false), FStrings312.DEBUG_TEXT, lbrace.startLine(),
                    lbrace.startCol() + 1, endLine, endCol));
        }
        out.add(fv);
    }

    /**
     * An f-string field's expression, {@code (expr)}, parsed on its own (3.11's {@code fstring_compile_expr})
     * with its tokens moved to where the text stands in the file.
     */
    private Expr subExpression(String parenthesized, int startLine, int startCol) {
        Tokenizer tk = new Tokenizer(parenthesized, target, filename);
        int shift = startLine - 1;
        tk.reportWarningsTo(w -> warnings.accept(new CompilerWarning(w.category(), w.message(), filename,
                w.lineno() + shift)));
        Parser311 p = new Parser311(tk, target, filename, warnings);
        p.sub = true;
        p.lineShift = shift;
        p.colShift = startCol;
        p.depth = depth;
        p.fieldErrors = Feature.PEG_PARSER.allowedIn(target) && !pep701;
        p.fieldSources = fieldSources;
        try {
            Expr e = p.starExpressions();
            if (!p.at(TokenKind.NEWLINE) && !p.at(TokenKind.ENDMARKER)) {
                throw p.fail();
            }
            ll1ParenthesizedStar |= p.ll1ParenthesizedStar;
            if (ll1 != null) {
                fieldSources.put(e, parenthesized, startLine, startCol); // 3.6-3.8: for Ll1Trees
                if (p.ll1.hasError()) {
                    ll1.astErrorUnreproduced(p.ll1.mark()); // an ast.c error in the field: refused if it comes first
                }
            }
            return e;
        } catch (TokenizerFailure f) {
            if (p.fieldErrors) {
                throw fieldFailure(p, f, parenthesized, startLine, startCol); // 3.9-3.11
            }
            throw f;
        } catch (UnsupportedConstruct u) {
            if (p.fieldErrors && (u.getMessage().equals(GRAMMAR_FAILURE) || u.getMessage().equals(TARGET_REFUSAL))) {
                throw fieldError(parenthesized, startLine, startCol); // 3.9-3.11
            }
            if (ll1 != null) {
                fieldError36(parenthesized, u); // 3.6-3.8
            }
            if (u.getMessage().equals(GRAMMAR_FAILURE) || u.getMessage().equals(TARGET_REFUSAL)) {
                throw new UnsupportedConstruct("errors inside f-string fields (their messages)", u.line());
            }
            throw u;
        }
    }

    /**
     * 3.6-3.8: when the field's source failed to parse here (a grammar failure or a tokenizer error),
     * the LL(1) parser's error for it ({@link FieldErrors36}), thrown for the atom to record; returns
     * if that parser accepts the source (the refusal stands).
     */
    private void fieldError36(String parenthesized, UnsupportedConstruct u) {
        String m = u.getMessage();
        if (m.equals(GRAMMAR_FAILURE) || m.equals(TARGET_REFUSAL) || m.equals(FIELD_TOKENIZER_REFUSAL)) {
            PythonError e = FieldErrors36.of(parenthesized, target);
            if (e != null) {
                throw new FieldErrors36.Failure(e);
            }
        }
    }

    // ---------------------------------------------------------------- 3.9-3.11: errors inside a field

    /** 3.9-3.11, a field's parser: its errors are reproduced ({@link FieldErrors39}), not refused. */
    private boolean fieldErrors;
    /**
     * A field's parser placed at the field's own origin (line 1, the '(' at column 0) to find its error;
     * the fields nested in it are placed in the file by {@link #fieldLineShift} and {@link #fieldColShift}.
     */
    private boolean fieldRerun;
    private int fieldLineShift;
    private int fieldColShift;
    /** The error of a field of this parser's source, already placed in the file: it passes through unchanged. */
    private TokenizerFailure fieldFailure;

    /**
     * The field's parser {@code p} stopped on {@code f}: a nested field's final error (3.10+: unless the
     * rest of this field's text holds a tokenizer error, which then wins), or an error of its own,
     * found again at the field's origin.
     */
    private RuntimeException fieldFailure(Parser311 p, TokenizerFailure f, String parenthesized, int startLine,
            int startCol) {
        if (f != p.fieldFailure) {
            return fieldError(parenthesized, startLine, startCol);
        }
        if (fieldRerun) {
            return refuse("errors inside f-string fields (their messages)"); // placed at this parser's origin
        }
        return restScanned(p, f, startLine);
    }

    /** 3.10+: a nested field's error {@code f} stands unless the rest of the field {@code p} reads holds a tokenizer error. */
    private RuntimeException restScanned(Parser311 p, TokenizerFailure f, int startLine) {
        if (target.atLeast(PythonVersion.V3_10)) {
            PythonError later = p.tokenizer.scanRestForErrors();
            if (later != null) {
                PythonError moved = FieldErrors39.tokenizerError(later, startLine, target);
                return moved == null ? refuse("errors inside f-string fields (their messages)")
                        : (fieldFailure = new TokenizerFailure(moved, true));
            }
        }
        return fieldFailure = f;
    }

    /**
     * 3.9-3.11: the error of a field whose expression does not parse. The field is parsed again at its
     * own origin (line 1, the '(' at column 0) as CPython's field parser does: the first pass, then the
     * error pass, then the generic error at the first pass's furthest token (3.10+: unless the rest of
     * the field's text holds a tokenizer error); {@link FieldErrors39} moves that error to the file.
     */
    private RuntimeException fieldError(String parenthesized, int startLine, int startCol) {
        String refusal = "errors inside f-string fields (their messages)";
        // a field nested in a field parsed at its origin: placed in the file; a string token starting on the
        // outer field's first line was shifted in columns by pegen only if it also ends there (unknown here)
        boolean colsUnsure = fieldRerun && startLine == 1;
        if (fieldRerun) {
            startCol += startLine == 1 ? fieldColShift : 0;
            startLine += fieldLineShift;
        }
        Parser311 q = new Parser311(new Tokenizer(parenthesized, target, filename), target, filename, w -> { });
        q.sub = true;
        q.fieldErrors = true;
        q.fieldRerun = true;
        q.fieldLineShift = startLine - 1;
        q.fieldColShift = startCol;
        q.depth = depth;
        TokenizerFailure found = null;
        Parser311 at = q;
        try {
            q.starExpressions();
            if (!q.at(TokenKind.NEWLINE) && !q.at(TokenKind.ENDMARKER)) {
                throw q.fail();
            }
            return refuse(refusal); // it parses at its own origin: not expected
        } catch (TokenizerFailure f) {
            found = f;
        } catch (UnsupportedConstruct u) {
            if (!u.getMessage().equals(GRAMMAR_FAILURE) && !u.getMessage().equals(TARGET_REFUSAL)) {
                return u;
            }
        }
        Token firstPassLast = found == null ? q.tokens.get(q.tokens.size() - 1) : null;
        if (found == null) {
            Parser311 q2 = new Parser311(q.tokenizer, target, filename, w -> { }, q.tokens);
            q2.setErrorPass(true);
            q2.secondPass = target.atLeast(PythonVersion.V3_10); // 3.9 runs its rules within its one pass
            q2.pegFallbacks = true;
            q2.sub = true;
            q2.fieldErrors = true;
            q2.fieldRerun = true;
            q2.fieldLineShift = q.fieldLineShift;
            q2.fieldColShift = q.fieldColShift;
            q2.depth = depth;
            at = q2;
            try {
                q2.starExpressions();
                if (!q2.at(TokenKind.NEWLINE) && !q2.at(TokenKind.ENDMARKER)) {
                    throw q2.fail();
                }
                return refuse(refusal); // the error pass parsed it: not expected
            } catch (TokenizerFailure f) {
                found = f;
            } catch (UnsupportedConstruct u) {
                if (!u.getMessage().equals(GRAMMAR_FAILURE) && !u.getMessage().equals(TARGET_REFUSAL)) {
                    return u;
                }
            }
            if (found == null) {
                // 3.9: at the furthest token either pass read ("unexpected EOF" there refused); 3.10+: the first pass's
                Token last = target.atLeast(PythonVersion.V3_10) ? firstPassLast : q.tokens.get(q.tokens.size() - 1);
                if (last.kind() == TokenKind.ENDMARKER || last.kind() == TokenKind.INDENT
                        || last.kind() == TokenKind.DEDENT) {
                    return refuse(refusal);
                }
                found = q2.syntaxError(last, last, "invalid syntax");
            }
        }
        if (found == at.fieldFailure) {
            // a field nested in this one failed, already placed in the file
            return colsUnsure ? refuse(refusal) : restScanned(q, found, startLine);
        }
        PythonError e = found.error;
        boolean parser = found.parser;
        if (parser && target.atLeast(PythonVersion.V3_10)) {
            PythonError later = q.tokenizer.scanRestForErrors(q.furthestLine());
            if (later != null) {
                e = later;
                parser = false;
            }
        }
        boolean startUnshifted = false;
        for (int i = 0; parser && i < q.tokens.size(); i++) {
            Token t = q.tokens.get(i);
            // pegen shifts a token's columns when it ends on the field's first line: one from there over lines is not
            startUnshifted |= t.startLine() == 1 && t.endLine() > 1 && e.lineno() == 1 && e.offset() == t.startCol() + 1;
        }
        if (colsUnsure && parser && (startUnshifted || e.lineno() != 1 || e.endLineno() != 1)) {
            return refuse(refusal); // the columns depend on the field's shift
        }
        PythonError moved = parser ? FieldErrors39.parserError(e, startUnshifted, startLine, startCol)
                : FieldErrors39.tokenizerError(e, startLine, target);
        if (moved == null) {
            return refuse(refusal);
        }
        return fieldFailure = new TokenizerFailure(moved, true);
    }

    /** 3.6-3.8: literal decoding's refusals that are ast.c's errors (recorded by strings()); others refused. */
    private RuntimeException literalRefusal(String msg) {
        if (ll1 != null && !sub && msg.equals("mixing bytes and str literals (its error)")) {
            return new Ll1Errors.AstFailure("cannot mix bytes and nonbytes literals"); // ast.c's, recorded by strings()
        }
        if (ll1 != null && !sub && msg.equals("malformed \\N escapes (their error)")) {
            // the first str token with a malformed \N before any other escape error is where decoding stopped
            for (int i = literalStart; i < pos; i++) {
                String prefix = Literals.prefix(tok(i));
                String malformed = prefix.contains("r") || prefix.contains("b") ? null : Literals.namedEscapeError(Literals.body(tok(i)));
                if (malformed != null) {
                    return new Ll1Errors.AstFailure(malformed);
                }
            }
        }
        return refuse(msg);
    }

    /** 3.11's f-string errors (string_parser.c): at the last token read; inside a field's own parse, refused before 3.9. */
    private RuntimeException fstringError(String msg) {
        if (sub && !fieldErrors) {
            return refuse("errors of f-strings inside f-string fields (their messages)");
        }
        return errorAtToken0("SyntaxError", tokens.get(tokens.size() - 1), msg);
    }

    /** Position shift of a sub-parser's tokens (f-string fields): lines, and columns of its first line. */
    private int lineShift;
    private int colShift;
    private boolean sub;
    /** 3.6-3.8: each field's parenthesized source and where it was placed, shared with the fields' sub-parsers. */
    private FieldSources fieldSources = new FieldSources();

    /** A bracketed form; when it fails in the error pass, the rules for brackets decide (see {@link #bracketErrors}). */
    private Expr bracketChecked(java.util.function.Supplier<Expr> form) {
        int start = pos;
        try {
            return form.get();
        } catch (UnsupportedConstruct e) {
            if (!errorPass || !e.getMessage().equals(GRAMMAR_FAILURE) && !e.getMessage().equals(TARGET_REFUSAL)) {
                throw e;
            }
            int failedAt = pos;
            pos = start;
            bracketErrors(start);
            pos = failedAt;
            throw e;
        }
    }

    /** RAISE_SYNTAX_ERROR_STARTING_FROM(a): from a's start to where the tokenizer stands (the end of {@code last}). */
    private TokenizerFailure startingFrom(Ast.Located a, Token last, String msg) {
        // after a NEWLINE the tokenizer stands past the line's end character
        int nl = last.kind() == TokenKind.NEWLINE ? 1 : 0;
        int end = last.endLine() != a.lineno() ? tokenizer.offsetOverLine(a.lineno(), last.endCol() + nl)
                : tokenizer.charColumn(last.endLine(), last.endCol()) + nl;
        return new TokenizerFailure(new PythonError("SyntaxError", msg, filename, a.lineno(),
                tokenizer.charColumn(a.lineno(), a.colOffset()) + 1, tokenizer.lineText(a.lineno()), last.endLine(),
                end), true);
    }

    /** {@code '*' expression} (starred_expression). */
    private Expr starredExpression() {
        int start = pos;
        expect(TokenKind.STAR);
        Expr v = errorPass || errors313 && !errors314 ? starredOperand() : expression(); // 3.13+: a lone '*' is its own error
        return new Ast.Starred(v, ExprContext.Load, l(start), c(start), el(), ec());
    }

    /**
     * Error pass, at the '*' of a starred_expression (call arguments, slices): 3.12's
     * invalid_starred_expression, {@code '*' expression '=' expression}.
     */
    private void starredExpressionErrors() {
        if (!errors312) {
            return;
        }
        int s = pos;
        Token star = tok(pos++);
        if (attemptRule(this::expression) != null && accept(TokenKind.EQUAL)) {
            Expr b = attemptRule(this::expression);
            if (b != null) {
                throw rangeError(tokenNode(star), b, "cannot assign to iterable argument unpacking");
            }
        }
        pos = s;
    }

    /**
     * Error pass, after the '*' of a starred_expression: its expression, or 3.13's lone '*' alternative
     * ("Invalid star expression", at the last token read) where none follows.
     */
    private Expr starredOperand() {
        if (!errors313) {
            return expression();
        }
        Expr v = attemptRule(this::expression);
        if (v == null) {
            throw lastTokenError("SyntaxError", "Invalid star expression");
        }
        return v;
    }

    /**
     * 3.11's error rules for a bracketed form at {@code open}: invalid_double_starred_kvpairs ('{'),
     * invalid_group ('('), then invalid_comprehension.
     */
    private void bracketErrors(int open) {
        TokenKind k = tok(open).kind();
        String msg = "did you forget parentheses around the comprehension target?";
        if (k == TokenKind.LBRACE) {
            pos = open + 1;
            if (target.atLeast(PythonVersion.V3_10)) {
                invalidDoubleStarredKvpairs(); // 3.10's rules
            }
            // invalid_dict_comprehension: '{' '**' bitwise_or for_if_clauses '}'
            pos = open + 1;
            if (at(TokenKind.DOUBLESTAR)) {
                Token a = peek();
                pos++;
                if (attemptRule(this::bitwiseOr) != null && comprehensionAttempt() != null && at(TokenKind.RBRACE)) {
                    throw syntaxError(a, a, "dict unpacking cannot be used in dict comprehension");
                }
            }
        }
        if (k == TokenKind.LPAR) {
            pos = open + 1;
            if (at(TokenKind.STAR)) {
                Expr a = attemptRule(this::starredExpression);
                if (a != null && at(TokenKind.RPAR)) {
                    throw rangeError(a, a, target.atLeast(PythonVersion.V3_10) ? "cannot use starred expression here"
                            : "can't use starred expression here");
                }
            } else if (at(TokenKind.DOUBLESTAR) && target.atLeast(PythonVersion.V3_10)) {
                Token a = peek();
                pos++;
                if (attemptRule(this::expression) != null && at(TokenKind.RPAR)) {
                    throw syntaxError(a, a, "cannot use double starred expression here");
                }
            }
        }
        invalidComprehension(open);
        pos = open;
    }

    /** invalid_comprehension at the bracket {@code open} ('(' has only its first alternative). */
    private void invalidComprehension(int open) {
        TokenKind k = tok(open).kind();
        String msg = "did you forget parentheses around the comprehension target?";
        pos = open + 1;
        if (at(TokenKind.STAR)) {
            Expr a = attemptRule(this::starredExpression);
            if (a != null && comprehensionAttempt() != null) {
                throw rangeError(a, a, "iterable unpacking cannot be used in comprehension");
            }
        }
        pos = open + 1;
        if (k != TokenKind.LPAR && target.atLeast(PythonVersion.V3_10)) {
            Expr a = attemptRule(this::starNamedExpression);
            if (a != null && at(TokenKind.COMMA)) {
                Token comma = peek();
                pos++;
                int afterComma = pos;
                List<Expr> b = new ArrayList<>();
                Expr e = attemptRule(this::starNamedExpression);
                while (e != null) {
                    b.add(e);
                    if (!accept(TokenKind.COMMA)) {
                        break;
                    }
                    e = attemptRule(this::starNamedExpression);
                }
                if (!b.isEmpty() && comprehensionAttempt() != null) {
                    throw rangeError(a, b.get(b.size() - 1), msg);
                }
                pos = afterComma;
                if (comprehensionAttempt() != null) {
                    throw rangeError(a, tokenNode(comma), msg);
                }
            }
        }
        pos = open;
    }

    private List<Ast.Comprehension> comprehensionAttempt() {
        if (!atKeyword("for") && !(atKeyword("async") && peek(1).text().equals("for"))) {
            return null;
        }
        List<Ast.Comprehension> g = attemptRule(this::comprehensionClauses);
        return g == null || g.isEmpty() ? null : g;
    }

    /** invalid_double_starred_kvpairs, after '{'. */
    private void invalidDoubleStarredKvpairs() {
        int s = pos;
        // ','.double_starred_kvpair+ ',' invalid_kvpair
        int n = 0;
        while (true) {
            int item = pos;
            boolean ok;
            if (accept(TokenKind.DOUBLESTAR)) {
                ok = attemptRule(this::bitwiseOr) != null;
            } else {
                ok = attemptRule(this::expression) != null && accept(TokenKind.COLON) && attemptRule(this::expression) != null;
            }
            if (!ok) {
                pos = item;
                break;
            }
            n++;
            if (!at(TokenKind.COMMA)) {
                break;
            }
            int comma = pos++;
            if (!(at(TokenKind.DOUBLESTAR) || startsKvpair())) {
                pos = comma;
                break;
            }
        }
        if (n > 0 && accept(TokenKind.COMMA)) {
            invalidKvpair();
        }
        pos = s;
        // expression ':' '*' bitwise_or | expression ':' &('}'|',')
        invalidKvpairValue();
        pos = s;
    }

    private boolean startsKvpair() {
        int s = pos;
        boolean ok = attemptRule(this::expression) != null && accept(TokenKind.COLON) && attemptRule(this::expression) != null;
        pos = s;
        return ok;
    }

    private void invalidKvpair() {
        int s = pos;
        Expr a = attemptRule(this::expression);
        if (a != null && !at(TokenKind.COLON)) {
            throw new TokenizerFailure(new PythonError("SyntaxError", "':' expected after dictionary key", filename,
                    a.lineno(), tokenizer.charColumn(a.lineno(), a.endColOffset() - 1) + 1, tokenizer.lineText(a.lineno()),
                    a.endLineno(), 0), true);
        }
        pos = s;
        invalidKvpairValue();
        pos = s;
    }

    private void invalidKvpairValue() {
        Expr k = attemptRule(this::expression);
        if (k != null && at(TokenKind.COLON)) {
            Token colon = peek();
            pos++;
            if (at(TokenKind.STAR)) {
                Token star = peek();
                pos++;
                if (attemptRule(this::bitwiseOr) != null) {
                    throw startingFrom(tokenNode(star), tokens.get(tokens.size() - 1),
                            "cannot use a starred expression in a dictionary value");
                }
            } else if (at(TokenKind.RBRACE) || at(TokenKind.COMMA)) {
                throw syntaxError(colon, colon, "expression expected after dictionary key and ':'");
            }
        }
    }

    private Expr parenthesizedForm() {
        int start = pos++;
        if (accept(TokenKind.RPAR)) {
            return new Ast.TupleExpr(List.of(), ExprContext.Load, l(start), c(start), el(), ec());
        }
        if (atKeyword("yield")) {
            Expr y = yieldExpression();
            expect(TokenKind.RPAR);
            parenthesized.add(y);
            return y;
        }
        Expr first = at(TokenKind.STAR) ? starExpression() : ll1NamedExpression();
        if (atKeyword("for") || atKeyword("async")) {
            if (first instanceof Ast.Starred) {
                if (ll1 == null) {
                    throw fail(); // iterable unpacking in a comprehension
                }
                ll1.astErrorAtToken(tok(start + 1), "iterable unpacking cannot be used in comprehension");
            }
            List<Ast.Comprehension> gens = comprehensionClauses();
            expect(TokenKind.RPAR);
            return new Ast.GeneratorExp(first, gens, l(start), c(start), el(), ec());
        }
        if (accept(TokenKind.RPAR)) {
            if (first instanceof Ast.Starred && ll1 == null) {
                throw fail();
            }
            if (first instanceof Ast.Starred) {
                // 3.6-3.8's grammar takes "(*a)" (ast.c gives the starred node itself); only its errors
                // (such as in a comprehension) are reproduced, a file without one is refused
                ll1ParenthesizedStar = true;
            }
            parenthesized.add(first);
            return first;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (accept(TokenKind.COMMA)) {
            if (at(TokenKind.RPAR)) {
                break;
            }
            elts.add(at(TokenKind.STAR) ? starExpression() : ll1NamedExpression());
        }
        expect(TokenKind.RPAR);
        return new Ast.TupleExpr(elts, ExprContext.Load, l(start), c(start), el(), ec());
    }

    private Expr listForm() {
        int start = pos++;
        List<Expr> elts = new ArrayList<>();
        if (!at(TokenKind.RSQB)) {
            Expr first = at(TokenKind.STAR) ? starExpression() : ll1NamedExpression();
            if (atKeyword("for") || atKeyword("async")) {
                if (first instanceof Ast.Starred) {
                    if (ll1 == null) {
                        throw fail(); // iterable unpacking in a comprehension
                    }
                    ll1.astErrorAtToken(tok(start + 1), "iterable unpacking cannot be used in comprehension");
                }
                List<Ast.Comprehension> gens = comprehensionClauses();
                expect(TokenKind.RSQB);
                return new Ast.ListComp(first, gens, l(start), c(start), el(), ec());
            }
            elts.add(first);
            while (accept(TokenKind.COMMA)) {
                if (at(TokenKind.RSQB)) {
                    break;
                }
                elts.add(at(TokenKind.STAR) ? starExpression() : ll1NamedExpression());
            }
        }
        expect(TokenKind.RSQB);
        return new Ast.ListExpr(elts, ExprContext.Load, l(start), c(start), el(), ec());
    }

    private Expr braceForm() {
        int start = pos++;
        if (accept(TokenKind.RBRACE)) {
            return new Ast.DictExpr(List.of(), List.of(), l(start), c(start), el(), ec());
        }
        if (at(TokenKind.DOUBLESTAR) || !at(TokenKind.STAR) && isDictStart()) {
            List<Expr> keys = new ArrayList<>();
            List<Expr> values = new ArrayList<>();
            boolean firstItem = true;
            do {
                if (at(TokenKind.RBRACE)) {
                    break;
                }
                if (accept(TokenKind.DOUBLESTAR)) {
                    PythonError mark = ll1 != null ? ll1.mark() : null;
                    keys.add(null);
                    values.add(bitwiseOr());
                    if (ll1 != null && firstItem && (atKeyword("for") || atKeyword("async"))) {
                        // ast.c rejects it at the atom before building any of it
                        ll1.astErrorSince(mark, tok(start), "dict unpacking cannot be used in dict comprehension");
                        List<Ast.Comprehension> gens = comprehensionClauses();
                        expect(TokenKind.RBRACE);
                        return new Ast.DictComp(values.get(0), values.get(0), gens, l(start), c(start), el(), ec());
                    }
                } else {
                    Expr k = expression();
                    expect(TokenKind.COLON);
                    Expr v = expression();
                    if (firstItem && (atKeyword("for") || atKeyword("async"))) {
                        List<Ast.Comprehension> gens = comprehensionClauses();
                        expect(TokenKind.RBRACE);
                        return new Ast.DictComp(k, v, gens, l(start), c(start), el(), ec());
                    }
                    keys.add(k);
                    values.add(v);
                }
                firstItem = false;
            } while (accept(TokenKind.COMMA));
            expect(TokenKind.RBRACE);
            return new Ast.DictExpr(keys, values, l(start), c(start), el(), ec());
        }
        Expr first = at(TokenKind.STAR) ? starExpression() : namedExpression();
        if (atKeyword("for") || atKeyword("async")) {
            if (first instanceof Ast.Starred) {
                if (ll1 == null) {
                    throw fail(); // iterable unpacking in a comprehension
                }
                ll1.astErrorAtToken(tok(start + 1), "iterable unpacking cannot be used in comprehension");
            }
            List<Ast.Comprehension> gens = comprehensionClauses();
            expect(TokenKind.RBRACE);
            return new Ast.SetComp(first, gens, l(start), c(start), el(), ec());
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (accept(TokenKind.COMMA)) {
            if (at(TokenKind.RBRACE)) {
                break;
            }
            elts.add(at(TokenKind.STAR) ? starExpression() : namedExpression());
        }
        expect(TokenKind.RBRACE);
        return new Ast.SetExpr(elts, l(start), c(start), el(), ec());
    }

    /**
     * 3.10+, first pass: a brace that fails. pegen guards with its error-pass flag only the alternatives that
     * are an {@code invalid_*} rule alone, so dict's {@code '{' invalid_double_starred_kvpairs '}'} runs in the
     * first pass too, after the display's own alternative fails: its errors ("':' expected after dictionary
     * key", a starred value, a missing value) come from the first pass, their expressions read as that pass
     * reads them (PEG's fallbacks, no error rule: {@code {1: 2, b if c}} is the ':' error at {@code b}, not the
     * conditional's), and no second pass follows.
     */
    private Expr braceFormFirstPass() {
        int start = pos;
        try {
            return braceForm();
        } catch (UnsupportedConstruct e) {
            if (!e.getMessage().equals(GRAMMAR_FAILURE) && !e.getMessage().equals(TARGET_REFUSAL)) {
                throw e;
            }
            int failedAt = pos;
            pos = start + 1;
            withFallbacks(this::invalidDoubleStarredKvpairs);
            pos = failedAt;
            throw e;
        }
    }

    /**
     * Runs {@code rule} (an error rule) once more over what a first-pass reading failed on, with PEG's
     * fallbacks on as pegen reads there; the fast paths' hand-overs belong to the failed reading and are
     * dropped.
     */
    private void withFallbacks(Runnable rule) {
        boolean fallbacks = pegFallbacks;
        handedStart = -1;
        handedArgStart = -1;
        pegFallbacks = true;
        try {
            rule.run();
        } finally {
            pegFallbacks = fallbacks;
        }
    }

    /** After '{': is this a dict display (an expression followed by ':' at bracket depth zero)? */
    private boolean isDictStart() {
        int mark = pos;
        try {
            expression();
            return at(TokenKind.COLON);
        } catch (UnsupportedConstruct r) {
            return false;
        } finally {
            pos = mark;
        }
    }

    private List<Ast.Comprehension> comprehensionClauses() {
        List<Ast.Comprehension> gens = new ArrayList<>();
        while (atKeyword("for") || atKeyword("async") && peek(1).kind() == TokenKind.NAME && peek(1).text().equals("for")) {
            int isAsync = acceptKeyword("async") ? 1 : 0;
            expectKeyword("for");
            Expr target = forTargetIn(true);
            Expr iter = disjunction();
            List<Expr> ifs = new ArrayList<>();
            while (acceptKeyword("if")) {
                ifs.add(disjunction());
            }
            gens.add(new Ast.Comprehension(target, iter, ifs, isAsync));
        }
        return gens;
    }

    private Expr yieldExpression() {
        int start = pos++;
        if (acceptKeyword("from")) {
            Expr v = expression();
            return new Ast.YieldFrom(v, l(start), c(start), el(), ec());
        }
        Expr v = startsExpression() ? starExpressions() : null;
        return new Ast.Yield(v, l(start), c(start), el(), ec());
    }

    // ---------------------------------------------------------------- parameters

    /** A forced token ({@code &&'x'} in the grammar): anything else is "expected 'x'" at that token, at once. */
    private void expectForced(TokenKind kind, String text) {
        if (!at(kind) && !forcedTokens) {
            throw fail(); // 3.9's grammar forces no token
        }
        if (!at(kind)) {
            throw syntaxError0(peek(), peek(), "expected '" + text + "'");
        }
        pos++;
    }

    /**
     * Parameters, followed by {@code end}; when they do not parse, 3.11's error-pass rules for
     * parameter lists decide the message (see {@link ParamErrors}), else the failure stands.
     */
    private Ast.Arguments checkedParameters(TokenKind end, boolean def) {
        int start = pos;
        try {
            Ast.Arguments a = parameters(end, def);
            if (!at(end)) {
                throw fail();
            }
            return a;
        } catch (UnsupportedConstruct e) {
            if (!errorPass || !e.getMessage().equals(GRAMMAR_FAILURE)) {
                throw e;
            }
            int failedAt = pos;
            pos = start;
            new ParamErrors(end, !def).check();
            pos = failedAt;
            throw e;
        }
    }

    /**
     * 3.11's error-pass rules for a parameter list ({@code invalid_parameters}, {@code invalid_star_etc},
     * {@code invalid_kwds}, {@code invalid_default} and their lambda twins), matched PEG-fashion from the
     * list's start: each rule function consumes on success and restores the position on failure; an
     * error rule that matches raises its SyntaxError.
     */
    private final class ParamErrors {
        private final TokenKind end;
        private final boolean lambda;
        /** First and last token of the arg node the last {@link #param} matched. */
        private int argFirst;
        private int argLast;

        ParamErrors(TokenKind end, boolean lambda) {
            this.end = end;
            this.lambda = lambda;
        }

        void check() {
            int s = pos;
            invalidParameters();
            pos = s;
            validWithErrorRules();
        }

        private boolean param() {
            if (!atName()) {
                return false;
            }
            int s = pos;
            pos++;
            if (!lambda && at(TokenKind.COLON)) {
                pos++;
                if (!subExpression()) {
                    pos = s;
                    return false;
                }
            }
            argFirst = s;
            argLast = pos - 1;
            return true;
        }

        /** An expression, or false (position restored) where the first pass's expression would fail. */
        private boolean subExpression() {
            int s = pos;
            try {
                expression();
                return true;
            } catch (UnsupportedConstruct e) {
                if (!e.getMessage().equals(GRAMMAR_FAILURE)) {
                    throw e;
                }
                pos = s;
                return false;
            }
        }

        private boolean followedByEnd() {
            return at(end);
        }

        private boolean paramNoDefault() {
            int s = pos;
            if (param() && (accept(TokenKind.COMMA) || followedByEnd())) {
                return true;
            }
            pos = s;
            return false;
        }

        /** {@code default}: '=' expression, or (error pass) '=' before ')' or ',': expected a value. */
        private boolean dflt() {
            if (!at(TokenKind.EQUAL)) {
                return false;
            }
            int s = pos;
            pos++;
            if (subExpression()) {
                return true;
            }
            if ((at(TokenKind.RPAR) || at(TokenKind.COMMA)) && target.atLeast(PythonVersion.V3_11)) {
                throw syntaxError(tok(s), tok(s), "expected default value expression");
            }
            pos = s;
            return false;
        }

        private boolean paramWithDefault() {
            int s = pos;
            if (param() && dflt() && (accept(TokenKind.COMMA) || followedByEnd())) {
                return true;
            }
            pos = s;
            return false;
        }

        private boolean paramMaybeDefault() {
            int s = pos;
            if (param()) {
                dflt();
                if (accept(TokenKind.COMMA) || followedByEnd()) {
                    return true;
                }
            }
            pos = s;
            return false;
        }

        private int many(java.util.function.BooleanSupplier rule) {
            int n = 0;
            while (rule.getAsBoolean()) {
                n++;
            }
            return n;
        }

        private boolean slashEnd() {
            int s = pos;
            if (accept(TokenKind.SLASH) && (accept(TokenKind.COMMA) || followedByEnd())) {
                return true;
            }
            pos = s;
            return false;
        }

        private boolean slashNoDefault() {
            int s = pos;
            if (many(this::paramNoDefault) > 0 && slashEnd()) {
                return true;
            }
            pos = s;
            return false;
        }

        private boolean slashWithDefault() {
            int s = pos;
            many(this::paramNoDefault);
            if (many(this::paramWithDefault) > 0 && slashEnd()) {
                return true;
            }
            pos = s;
            return false;
        }

        private void invalidParameters() {
            if (!target.atLeast(PythonVersion.V3_11)) {
                defaultFollowed(); // 3.9 and 3.10 have only this rule
                return;
            }
            if (!errors312) {
                defaultFollowed();
                parenthesizedParameters();
                slashFirst();
                slashTwice();
            } else {
                // 3.12 moved the rules about '/' ahead and let '/' precede the parameters without a default
                slashFirst();
                slashTwice();
                defaultFollowed();
                parenthesizedParameters();
            }
            slashAfterStar();
        }

        /** A parameter without a default after ones with a default (3.12+: positional-only ones may lead). */
        private void defaultFollowed() {
            int s = pos;
            if (errors312) {
                slashNoDefault();
            }
            many(this::paramNoDefault);
            if (slashWithDefault() || many(this::paramWithDefault) > 0) {
                if (paramNoDefault()) {
                    if (!target.atLeast(PythonVersion.V3_10)) {
                        // no location: the last token read, which a def's optional TYPE_COMMENT lookahead
                        // after the comma (or the ')' lookahead) made the next one; a lambda stops at its ','
                        Token at = lambda && !at(TokenKind.COLON) ? tok(pos - 1) : peek();
                        throw syntaxError(at, at, "non-default argument follows default argument");
                    }
                    throw syntaxError(tok(argFirst), tok(argLast), errors312
                            ? "parameter without a default follows parameter with a default"
                            : "non-default argument follows default argument");
                }
            }
            pos = s;
        }

        private void parenthesizedParameters() {
            int s = pos;
            many(this::paramNoDefault);
            if (at(TokenKind.LPAR)) {
                int open = pos++;
                int n = lambda ? lambdaParamsInParens() : many(this::paramNoDefaultInParens);
                if (n > 0) {
                    accept(TokenKind.COMMA);
                    if (at(TokenKind.RPAR)) {
                        throw syntaxError(tok(open), peek(), lambda ? "Lambda expression parameters cannot be parenthesized"
                                : "Function parameters cannot be parenthesized");
                    }
                }
            }
            pos = s;
        }

        /** "/" first. */
        private void slashFirst() {
            if (at(TokenKind.SLASH) && peek(1).kind() == TokenKind.COMMA) {
                throw syntaxError(peek(), peek(), "at least one argument must precede /");
            }
        }

        /** A second "/". */
        private void slashTwice() {
            int s = pos;
            if (slashNoDefault() || slashWithDefault()) {
                many(this::paramMaybeDefault);
                if (at(TokenKind.SLASH)) {
                    throw syntaxError(peek(), peek(), "/ may appear only once");
                }
            }
            pos = s;
        }

        /** "/" after "*", and "/" then "*" without a comma. */
        private void slashAfterStar() {
            int s = pos;
            // "/" after "*"
            if (!slashNoDefault()) {
                slashWithDefault();
            }
            many(this::paramMaybeDefault);
            if (accept(TokenKind.STAR) && (accept(TokenKind.COMMA) || paramNoDefault())) {
                many(this::paramMaybeDefault);
                if (at(TokenKind.SLASH)) {
                    throw syntaxError(peek(), peek(), "/ must be ahead of *");
                }
            }
            pos = s;
            // "/" then "*" without a comma
            if (many(this::paramMaybeDefault) > 0 && accept(TokenKind.SLASH) && at(TokenKind.STAR)) {
                throw syntaxError(peek(), peek(), "expected comma between / and *");
            }
            pos = s;
        }

        /** Inside the parentheses of an (invalid) parenthesized group: {@code param ','} or {@code param &')'}. */
        private boolean paramNoDefaultInParens() {
            int s = pos;
            if (param() && (accept(TokenKind.COMMA) || at(TokenKind.RPAR))) {
                return true;
            }
            pos = s;
            return false;
        }

        /** {@code ','.lambda_param+}: names separated by commas (the trailing comma left). */
        private int lambdaParamsInParens() {
            int n = 0;
            while (atName()) {
                pos++;
                n++;
                if (!(at(TokenKind.COMMA) && peek(1).kind() == TokenKind.NAME && atNameAt(pos + 1))) {
                    break;
                }
                pos++;
            }
            return n;
        }

        /** The valid rules, in order, with the error rules they call: star_etc's and kwds' and default's. */
        private void validWithErrorRules() {
            if (slashNoDefault()) {
                many(this::paramNoDefault);
            } else if (!slashWithDefault()) {
                many(this::paramNoDefault);
            }
            many(this::paramWithDefault);
            if (at(TokenKind.STAR)) {
                invalidStarEtc();
                int s = pos;
                pos++;
                if (paramNoDefault() || lambda == false && starAnnotatedParam() || accept(TokenKind.COMMA)) {
                    many(this::paramMaybeDefault);
                } else {
                    pos = s;
                    return;
                }
            }
            if (at(TokenKind.DOUBLESTAR)) {
                invalidKwds();
            }
        }

        private boolean starAnnotatedParam() {
            return false;
        }

        private void invalidStarEtc() {
            int s = pos;
            Token star = tok(pos++);
            if (followedByEnd() || at(TokenKind.COMMA) && (peek(1).kind() == end || peek(1).kind() == TokenKind.DOUBLESTAR)) {
                if (lambda || !target.atLeast(PythonVersion.V3_10)) {
                    // no location given: the last token read, the end of what the rule matched
                    Token last = at(TokenKind.COMMA) ? peek(1) : peek();
                    throw syntaxError(last, last, "named arguments must follow bare *");
                }
                throw syntaxError(star, star, "named arguments must follow bare *");
            }
            if (!target.atLeast(PythonVersion.V3_11)) {
                pos = s;
                return; // the rules below are 3.11's
            }
            pos = s + 1;
            if (param() && at(TokenKind.EQUAL)) {
                throw syntaxError(peek(), peek(), "var-positional argument cannot have default value");
            }
            pos = s + 1;
            if (paramNoDefault() || accept(TokenKind.COMMA)) {
                many(this::paramMaybeDefault);
                if (at(TokenKind.STAR)) {
                    Token second = peek();
                    pos++;
                    if (paramNoDefault() || at(TokenKind.COMMA)) {
                        throw syntaxError(second, second, "* argument may appear only once");
                    }
                }
            }
            pos = s;
        }

        private void invalidKwds() {
            if (!target.atLeast(PythonVersion.V3_11)) {
                return; // invalid_kwds is 3.11's
            }
            int s = pos;
            pos++;
            if (param()) {
                if (at(TokenKind.EQUAL)) {
                    throw syntaxError(peek(), peek(), "var-keyword argument cannot have default value");
                }
                if (accept(TokenKind.COMMA)) {
                    int after = pos;
                    if (param()) {
                        throw syntaxError(tok(argFirst), tok(argLast), "arguments cannot follow var-keyword argument");
                    }
                    pos = after;
                    if (at(TokenKind.STAR) || at(TokenKind.DOUBLESTAR) || at(TokenKind.SLASH)) {
                        throw syntaxError(peek(), peek(), "arguments cannot follow var-keyword argument");
                    }
                }
            }
            pos = s;
        }
    }

    /**
     * Parameters of a def (annotations allowed) or lambda, up to {@code end} (not consumed). Order as
     * the grammar requires: positional-only before '/', then positional, '*' [vararg], keyword-only,
     * '**' kwarg.
     */
    private Ast.Arguments parameters(TokenKind end, boolean annotations) {
        if (ll1 != null) {
            return ll1Parameters(end, annotations);
        }
        List<Ast.Arg> posonly = new ArrayList<>();
        List<Ast.Arg> args = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        Ast.Arg vararg = null;
        List<Ast.Arg> kwonly = new ArrayList<>();
        List<Expr> kwDefaults = new ArrayList<>();
        Ast.Arg kwarg = null;
        boolean star = false;
        while (!at(end)) {
            if (kwarg != null) {
                throw fail();
            }
            if (accept(TokenKind.SLASH)) {
                if (star || !posonly.isEmpty() || args.isEmpty()) {
                    throw fail();
                }
                posonly.addAll(args);
                args.clear();
            } else if (accept(TokenKind.STAR)) {
                if (star) {
                    throw fail();
                }
                star = true;
                if (!at(TokenKind.COMMA) && !at(end)) {
                    vararg = param(annotations, true);
                }
            } else if (accept(TokenKind.DOUBLESTAR)) {
                kwarg = param(annotations, false);
            } else {
                Ast.Arg a = param(annotations, false);
                Expr dflt = accept(TokenKind.EQUAL) ? expression() : null;
                if (star) {
                    kwonly.add(a);
                    kwDefaults.add(dflt);
                } else {
                    if (dflt == null && !defaults.isEmpty()) {
                        throw fail(); // non-default argument follows default argument
                    }
                    args.add(a);
                    if (dflt != null) {
                        defaults.add(dflt);
                    }
                }
            }
            if (!accept(TokenKind.COMMA)) {
                break;
            }
        }
        if (star && vararg == null && kwonly.isEmpty()) {
            throw fail(); // named arguments must follow bare *
        }
        return new Ast.Arguments(posonly, args, vararg, kwonly, kwDefaults, kwarg, defaults);
    }

    /**
     * {@link #parameters} for 3.6-3.8, with {@code ast.c}'s checks (ast_for_arguments) raised where it
     * meets them: a positional parameter's default is built before its name and annotation, a
     * keyword-only one's default and annotation before its name; "non-default argument follows
     * default argument" (at the list), "named arguments must follow bare *" (at the '*', or at the
     * '**' after "*,"), a parameter named {@code __debug__}, and 3.6's limit of 255 parameters.
     */
    private Ast.Arguments ll1Parameters(TokenKind end, boolean annotations) {
        Token listStart = tok(pos);
        PythonError before = ll1.mark();
        List<Ast.Arg> posonly = new ArrayList<>();
        List<Ast.Arg> args = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        Ast.Arg vararg = null;
        List<Ast.Arg> kwonly = new ArrayList<>();
        List<Expr> kwDefaults = new ArrayList<>();
        Ast.Arg kwarg = null;
        boolean star = false;
        while (!at(end)) {
            if (kwarg != null) {
                throw fail();
            }
            PythonError m0 = ll1.mark();
            int pstart = pos;
            if (accept(TokenKind.SLASH)) {
                if (star || !posonly.isEmpty() || args.isEmpty()) {
                    throw fail();
                }
                posonly.addAll(args);
                args.clear();
            } else if (accept(TokenKind.STAR)) {
                if (star) {
                    throw fail();
                }
                star = true;
                if (!at(TokenKind.COMMA) && !at(end)) {
                    vararg = param(annotations, true);
                    ll1ParamName(vararg, pstart + 1, m0);
                } else {
                    int next = at(TokenKind.COMMA) ? pos + 1 : pos;
                    if (tok(next).kind() == end) {
                        ll1.astErrorSince(m0, tok(pstart), "named arguments must follow bare *");
                    } else if (tok(next).kind() == TokenKind.DOUBLESTAR) {
                        ll1.astErrorSince(m0, tok(next), "named arguments must follow bare *");
                    }
                }
            } else if (accept(TokenKind.DOUBLESTAR)) {
                kwarg = param(annotations, false);
                ll1ParamName(kwarg, pstart + 1, m0);
            } else {
                // ast.c builds the default before the annotation: the parameter (with its annotation)
                // and the default are parts taken in that order
                Ll1Errors.Reorder r = ll1.reorderStart();
                Ast.Arg a;
                Expr dflt;
                PythonError dfltError;
                boolean done = false;
                try {
                    a = param(annotations, false);
                    ll1.reorderCut(r);
                    dflt = accept(TokenKind.EQUAL) ? expression() : null;
                    dfltError = ll1.mark();
                    ll1.reorderEnd(r, 1, 0);
                    done = true;
                } finally {
                    if (!done) {
                        ll1.reorderAbort(r);
                    }
                }
                if (star) {
                    // a keyword-only parameter's name is checked after its default and annotation
                    ll1ParamName(a, pstart, r == null ? m0 : ll1.mark());
                    kwonly.add(a);
                    kwDefaults.add(dflt);
                } else {
                    if (dflt == null && !defaults.isEmpty()) { // 3.8: defaults before '/' count too
                        // raised before anything of this parameter is built
                        ll1.astErrorSince(m0, listStart, "non-default argument follows default argument");
                    } else {
                        // a positional parameter's name is checked after its default, before its annotation
                        ll1ParamName(a, pstart, r == null ? m0 : dfltError);
                    }
                    args.add(a);
                    if (dflt != null) {
                        defaults.add(dflt);
                    }
                }
            }
            if (!accept(TokenKind.COMMA)) {
                break;
            }
        }
        if (target == PythonVersion.V3_6 && args.size() + kwonly.size() > 255) {
            ll1.astErrorSince(before, listStart, "more than 255 arguments");
        }
        return new Ast.Arguments(posonly, args, vararg, kwonly, kwDefaults, kwarg, defaults);
    }

    /** 3.6-3.8: a parameter named {@code __debug__} (ast.c's forbidden_name), at its name, unless an error came first. */
    private void ll1ParamName(Ast.Arg a, int nameTok, PythonError mark) {
        if (a.arg().equals("__debug__")) {
            ll1.astErrorSince(mark, tok(nameTok), ll1.debugAssignment());
        }
    }

    private Ast.Arg param(boolean annotations, boolean starAnnotation) {
        int start = pos;
        String n = name().text();
        Expr annotation = null;
        if (annotations && accept(TokenKind.COLON)) {
            annotation = starAnnotation && starredSubscripts && at(TokenKind.STAR) ? starExpression() : expression();
        }
        return new Ast.Arg(n, annotation, null, l(start), c(start), el(), ec());
    }
}
