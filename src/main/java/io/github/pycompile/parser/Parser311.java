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
 * A parser for the grammars of CPython 3.11 to 3.14 ({@code Grammar/python.gram}): source bytes to the
 * tree {@code ast.parse} builds, positions included (each node spans from the first to the last token
 * its rule consumed, as pegen's {@code EXTRA} does). Recursive descent with backtracking where the
 * grammar needs it (assignment targets are parsed as expressions, then checked and given their
 * context).
 *
 * <p>Versions: one grammar, with the later versions' additions gated by {@link Feature} (asked once per
 * parser): 3.12's PEP 701 f-strings (their tokens walked here, their trees built by
 * {@link FStrings312}; 3.11's f-strings are STRING tokens parsed by {@link FStrings311}), PEP 695
 * type parameters and {@code type} statements, 3.13's PEP 696 defaults, 3.14's t-strings and
 * unparenthesized {@code except A, B:}. A target without a feature fails there as any other syntax
 * error does.
 *
 * <p>Errors: the tokenizer's errors are CPython's own; any input the grammar rejects beyond them is
 * refused ({@link UnsupportedFeatureException}): CPython's {@code invalid_*} rules choose the message,
 * and until they are reproduced, refusing is better than a message that differs. Nesting deeper than
 * CPython's parser allows is refused too, never a {@code StackOverflowError}.
 */
public final class Parser311 {
    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield");
    /** Deeper than this the parser refuses (CPython 3.11's parser stops at 6000 C frames; we stay below). */
    private static final int MAX_DEPTH = 900;

    private final Tokenizer tokenizer;
    private final PythonVersion target;
    private final String filename;
    private final Consumer<CompilerWarning> warnings;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int depth;
    /** Expressions written inside parentheses ({@code (x)}), which matters for targets and annotations. */
    private final Set<Expr> parenthesized = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The target's syntax gates ({@link Feature}), asked once. */
    private final boolean pep701;
    private final boolean typeParams;
    private final boolean typeParamDefaults;
    private final boolean templateStrings;
    private final boolean unparenthesizedExcept;

    private Parser311(Tokenizer tokenizer, PythonVersion target, String filename, Consumer<CompilerWarning> warnings) {
        this.tokenizer = tokenizer;
        this.target = target;
        this.filename = filename;
        this.warnings = warnings;
        this.pep701 = Feature.PEP701_FSTRINGS.allowedIn(target);
        this.typeParams = Feature.TYPE_PARAMS.allowedIn(target);
        this.typeParamDefaults = Feature.TYPE_PARAM_DEFAULTS.allowedIn(target);
        this.templateStrings = Feature.TEMPLATE_STRINGS.allowedIn(target);
        this.unparenthesizedExcept = Feature.UNPARENTHESIZED_EXCEPT.allowedIn(target);
    }

    /** True for the targets whose grammar this parser reproduces (3.11 to 3.14). */
    public static boolean supports(PythonVersion target) {
        return target.atLeast(PythonVersion.V3_11);
    }

    /** Parses a whole module ({@code exec} mode) as CPython {@code target} (3.11 to 3.14) would. */
    public static Ast.ModuleNode parseModule(byte[] source, String filename, PythonVersion target,
            Consumer<CompilerWarning> warnings) throws PythonError, UnsupportedFeatureException {
        if (!supports(target)) {
            throw new UnsupportedFeatureException(target, "this grammar (the parser reproduces 3.11 to 3.14)", -1);
        }
        String text = SourceDecoder.decode(source, target, filename).text();
        Tokenizer tk = new Tokenizer(text, target, filename);
        Parser311 p = new Parser311(tk, target, filename, warnings);
        Ast.ModuleNode m;
        try {
            m = p.file();
        } catch (UnsupportedConstruct r) {
            throw r.toException(target);
        }
        for (Tokenizer.Warning w : tk.warnings()) {
            warnings.accept(new CompilerWarning(w.category(), w.message(), filename, w.lineno()));
        }
        if (Feature.FUTURE_IMPORTS_CHECKED_BY_PARSE.allowedIn(target)) {
            checkFutureImports(m, target);
        }
        return m;
    }

    private static final Set<String> FUTURE_NAMES = Set.of("nested_scopes", "generators", "division",
            "absolute_import", "with_statement", "print_function", "unicode_literals", "generator_stop", "annotations");

    /**
     * 3.14's {@code ast.parse} rejects what {@code future.c} rejects (unknown or joke features, a future
     * import after the module's leading block): refused until those errors' positions are reproduced.
     */
    private static void checkFutureImports(Ast.ModuleNode m, PythonVersion target) throws UnsupportedFeatureException {
        List<Stmt> body = m.body();
        boolean leading = true;
        for (int i = 0; i < body.size(); i++) {
            Stmt s = body.get(i);
            boolean docstring = i == 0 && s instanceof Ast.ExprStmt e && e.value() instanceof Ast.Constant c
                    && c.value() instanceof PyObject.Str;
            if (s instanceof Ast.ImportFrom f && "__future__".equals(f.module())) {
                boolean bad = !leading;
                for (Ast.Alias a : f.names()) {
                    bad |= !FUTURE_NAMES.contains(a.name());
                }
                if (bad) {
                    throw new UnsupportedFeatureException(target, "this __future__ import (3.14's ast.parse error)",
                            s.lineno());
                }
            } else if (!docstring) {
                leading = false;
            }
        }
    }

    /** A tokenizer error, carried through the parser's frames. */
    private static final class TokenizerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final PythonError error;

        TokenizerFailure(PythonError error) {
            super(null, null, false, false);
            this.error = error;
        }
    }

    // ---------------------------------------------------------------- tokens

    private Token tok(int i) {
        while (tokens.size() <= i) {
            Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
            if (last != null && last.kind() == TokenKind.ENDMARKER) {
                return last;
            }
            try {
                Token t = tokenizer.next();
                if (lineShift != 0 || colShift != 0) {
                    t = new Token(t.kind(), t.text(), t.startLine() + lineShift,
                            t.startLine() == 1 && t.startCol() >= 0 ? t.startCol() + colShift : t.startCol(),
                            t.endLine() + lineShift, t.endLine() == 1 && t.endCol() >= 0 ? t.endCol() + colShift : t.endCol(),
                            t.startIndex(), t.endIndex());
                }
                tokens.add(t);
            } catch (PythonError e) {
                if (sub) {
                    throw new UnsupportedConstruct("errors inside f-string fields (their messages)", -1);
                }
                throw new TokenizerFailure(e);
            }
        }
        return tokens.get(i);
    }

    private Token peek() {
        return tok(pos);
    }

    private Token peek(int ahead) {
        return tok(pos + ahead);
    }

    /** The last token consumed that is not NEWLINE, INDENT, DEDENT or ENDMARKER (pegen's end position). */
    private Token last() {
        int i = pos - 1;
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
        return peek().kind() == k;
    }

    private boolean atKeyword(String kw) {
        Token t = peek();
        return t.kind() == TokenKind.NAME && t.text().equals(kw);
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

    private UnsupportedConstruct fail() {
        return new UnsupportedConstruct("this syntax error (its exact CPython message is not reproduced yet)", peek().startLine());
    }

    private UnsupportedConstruct refuse(String what) {
        return new UnsupportedConstruct(what, peek().startLine());
    }

    private boolean atName() {
        Token t = peek();
        return t.kind() == TokenKind.NAME && !KEYWORDS.contains(t.text());
    }

    /** A NAME token; a non-ASCII identifier NFKC-normalised, as the parser stores identifiers (PEP 3131). */
    private Token name() {
        if (!atName()) {
            throw fail();
        }
        Token t = tok(pos++);
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

    private void enter() {
        if (++depth > MAX_DEPTH) {
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
        } catch (TokenizerFailure f) {
            throw f.error;
        }
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
        List<Stmt> body = new ArrayList<>();
        if (accept(TokenKind.NEWLINE)) {
            if (!accept(TokenKind.INDENT)) {
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
        if (t.kind() != TokenKind.NAME) {
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
                return matchStatement();
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
            return null;
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

    private Ast.MatchCase caseBlock() {
        if (!atKeyword("case")) {
            throw fail();
        }
        pos++;
        Ast.Pattern pattern = topPatterns();
        Expr guard = null;
        if (acceptKeyword("if")) {
            guard = namedExpression();
        }
        expect(TokenKind.COLON);
        List<Stmt> body = block();
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
                return !KEYWORDS.contains(t.text()) || t.text().equals("None") || t.text().equals("True")
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
        expectKeyword("def");
        String name = name().text();
        List<Ast.TypeParam> tps = typeParamsOpt();
        expect(TokenKind.LPAR);
        Ast.Arguments args = parameters(TokenKind.RPAR, true);
        expect(TokenKind.RPAR);
        Expr returns = null;
        if (accept(TokenKind.RARROW)) {
            returns = expression();
        }
        expect(TokenKind.COLON);
        List<Stmt> body = block();
        if (async) {
            return new Ast.AsyncFunctionDef(name, args, body, decorators, returns, null, tps, l(start), c(start), el(),
                    ec());
        }
        return new Ast.FunctionDef(name, args, body, decorators, returns, null, tps, l(start), c(start), el(), ec());
    }

    private Stmt classDef(List<Expr> decorators, int start) {
        expectKeyword("class");
        String name = name().text();
        List<Ast.TypeParam> tps = typeParamsOpt();
        List<Expr> bases = new ArrayList<>();
        List<Ast.Keyword> keywords = new ArrayList<>();
        if (accept(TokenKind.LPAR)) {
            if (!at(TokenKind.RPAR)) {
                arguments(bases, keywords);
            }
            expect(TokenKind.RPAR);
        }
        expect(TokenKind.COLON);
        List<Stmt> body = block();
        return new Ast.ClassDef(name, bases, keywords, body, decorators, tps, l(start), c(start), el(), ec());
    }

    // ---------------------------------------------------------------- type parameters (PEP 695, 696)

    /** {@code [type_params]} after a def's or class's name or a type alias's: none before 3.12. */
    private List<Ast.TypeParam> typeParamsOpt() {
        if (!typeParams || !at(TokenKind.LSQB)) {
            return List.of();
        }
        pos++;
        List<Ast.TypeParam> out = new ArrayList<>();
        do {
            if (at(TokenKind.RSQB) && !out.isEmpty()) {
                break;
            }
            out.add(typeParam());
        } while (accept(TokenKind.COMMA));
        expect(TokenKind.RSQB);
        return out;
    }

    /** {@code type_param}: a TypeVar (bound), *TypeVarTuple or **ParamSpec, each with a 3.13+ default. */
    private Ast.TypeParam typeParam() {
        int start = pos;
        if (accept(TokenKind.STAR)) {
            String n = name().text();
            if (at(TokenKind.COLON)) {
                throw fail(); // "cannot use bound with TypeVarTuple"
            }
            Expr dflt = typeParamDefaults && accept(TokenKind.EQUAL) ? starExpression() : null;
            return new Ast.TypeVarTuple(n, dflt, l(start), c(start), el(), ec());
        }
        if (accept(TokenKind.DOUBLESTAR)) {
            String n = name().text();
            if (at(TokenKind.COLON)) {
                throw fail(); // "cannot use bound with ParamSpec"
            }
            Expr dflt = typeParamDefaults && accept(TokenKind.EQUAL) ? expression() : null;
            return new Ast.ParamSpec(n, dflt, l(start), c(start), el(), ec());
        }
        String n = name().text();
        Expr bound = accept(TokenKind.COLON) ? expression() : null;
        Expr dflt = typeParamDefaults && accept(TokenKind.EQUAL) ? expression() : null;
        return new Ast.TypeVar(n, bound, dflt, l(start), c(start), el(), ec());
    }

    /** At the soft keyword {@code type}: does a type alias statement start here (3.12+)? */
    private boolean atTypeAlias() {
        if (!typeParams || !atKeyword("type")) {
            return false;
        }
        Token n = peek(1);
        TokenKind after = peek(2).kind();
        return n.kind() == TokenKind.NAME && !KEYWORDS.contains(n.text())
                && (after == TokenKind.EQUAL || after == TokenKind.LSQB);
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
        int start = pos;
        pos++; // 'if' or 'elif'
        Expr test = namedExpression();
        expect(TokenKind.COLON);
        List<Stmt> body = block();
        List<Stmt> orelse = List.of();
        if (atKeyword("elif")) {
            orelse = List.of(ifStatement());
        } else if (acceptKeyword("else")) {
            expect(TokenKind.COLON);
            orelse = block();
        }
        return new Ast.If(test, body, orelse, l(start), c(start), el(), ec());
    }

    private Stmt whileStatement() {
        int start = pos++;
        Expr test = namedExpression();
        expect(TokenKind.COLON);
        List<Stmt> body = block();
        List<Stmt> orelse = List.of();
        if (acceptKeyword("else")) {
            expect(TokenKind.COLON);
            orelse = block();
        }
        return new Ast.While(test, body, orelse, l(start), c(start), el(), ec());
    }

    private Stmt forStatement(int start, boolean async) {
        expectKeyword("for");
        Expr target = targetList(ExprContext.Store, "in");
        expectKeyword("in");
        Expr iter = starExpressions();
        expect(TokenKind.COLON);
        List<Stmt> body = block();
        List<Stmt> orelse = List.of();
        if (acceptKeyword("else")) {
            expect(TokenKind.COLON);
            orelse = block();
        }
        if (async) {
            return new Ast.AsyncFor(target, iter, body, orelse, null, l(start), c(start), el(), ec());
        }
        return new Ast.For(target, iter, body, orelse, null, l(start), c(start), el(), ec());
    }

    private Stmt withStatement(int start, boolean async) {
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
                if (at(TokenKind.COLON)) {
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
        expect(TokenKind.COLON);
        List<Stmt> body = block();
        if (async) {
            return new Ast.AsyncWith(items, body, null, l(start), c(start), el(), ec());
        }
        return new Ast.With(items, body, null, l(start), c(start), el(), ec());
    }

    private Ast.WithItem withItem() {
        Expr e = expression();
        Expr vars = null;
        if (acceptKeyword("as")) {
            vars = toTarget(starTarget(), ExprContext.Store);
        }
        return new Ast.WithItem(e, vars);
    }

    private Stmt tryStatement() {
        int start = pos++;
        expect(TokenKind.COLON);
        List<Stmt> body = block();
        List<Ast.ExceptHandler> handlers = new ArrayList<>();
        boolean star = false;
        while (atKeyword("except")) {
            int hs = pos++;
            boolean thisStar = accept(TokenKind.STAR);
            if (!handlers.isEmpty() && thisStar != star) {
                throw fail(); // "cannot have both 'except' and 'except*' on the same 'try'"
            }
            star = thisStar;
            Expr type = null;
            String name = null;
            if (!at(TokenKind.COLON)) {
                int ts = pos;
                type = expression();
                if (at(TokenKind.COMMA)) {
                    if (!unparenthesizedExcept) {
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
                        throw fail();
                    }
                } else if (acceptKeyword("as")) {
                    name = name().text();
                }
            }
            expect(TokenKind.COLON);
            List<Stmt> hbody = block();
            handlers.add(new Ast.ExceptHandler(type, name, hbody, l(hs), c(hs), el(), ec()));
        }
        List<Stmt> orelse = List.of();
        List<Stmt> finalbody = List.of();
        if (!handlers.isEmpty() && acceptKeyword("else")) {
            expect(TokenKind.COLON);
            orelse = block();
        }
        if (acceptKeyword("finally")) {
            expect(TokenKind.COLON);
            finalbody = block();
        }
        if (handlers.isEmpty() && finalbody.isEmpty()) {
            throw fail();
        }
        if (star) {
            return new Ast.TryStar(body, handlers, orelse, finalbody, l(start), c(start), el(), ec());
        }
        return new Ast.Try(body, handlers, orelse, finalbody, l(start), c(start), el(), ec());
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
                    do {
                        if (atSimpleEnd()) {
                            break;
                        }
                        targets.add(toTarget(bitwiseOrOrStarred(), ExprContext.Del));
                    } while (accept(TokenKind.COMMA));
                    if (targets.isEmpty()) {
                        throw fail();
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
        int start = pos++;
        List<Ast.Alias> names = new ArrayList<>();
        do {
            int as = pos;
            StringBuilder dotted = new StringBuilder(name().text());
            while (accept(TokenKind.DOT)) {
                dotted.append('.').append(name().text());
            }
            String asname = acceptKeyword("as") ? name().text() : null;
            names.add(new Ast.Alias(dotted.toString(), asname, l(as), c(as), el(), ec()));
        } while (accept(TokenKind.COMMA));
        return new Ast.Import(names, l(start), c(start), el(), ec());
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
            names.add(new Ast.Alias("*", null, l(as), c(as), el(), ec()));
        } else {
            boolean paren = accept(TokenKind.LPAR);
            do {
                if (paren && at(TokenKind.RPAR)) {
                    break;
                }
                int as = pos;
                String n = name().text();
                String asname = acceptKeyword("as") ? name().text() : null;
                names.add(new Ast.Alias(n, asname, l(as), c(as), el(), ec()));
            } while (accept(TokenKind.COMMA));
            if (paren) {
                expect(TokenKind.RPAR);
            } else if (tokens.get(pos - 1).kind() == TokenKind.COMMA) {
                throw fail(); // "trailing comma not allowed without surrounding parentheses"
            }
        }
        return new Ast.ImportFrom(module, names, level, l(start), c(start), el(), ec());
    }

    private static final TokenKind[] AUG = {TokenKind.PLUSEQUAL, TokenKind.MINEQUAL, TokenKind.STAREQUAL,
        TokenKind.ATEQUAL, TokenKind.SLASHEQUAL, TokenKind.PERCENTEQUAL, TokenKind.AMPEREQUAL, TokenKind.VBAREQUAL,
        TokenKind.CIRCUMFLEXEQUAL, TokenKind.LEFTSHIFTEQUAL, TokenKind.RIGHTSHIFTEQUAL, TokenKind.DOUBLESTAREQUAL,
        TokenKind.DOUBLESLASHEQUAL};
    private static final Ast.Operator[] AUG_OPS = {Ast.Operator.Add, Ast.Operator.Sub, Ast.Operator.Mult,
        Ast.Operator.MatMult, Ast.Operator.Div, Ast.Operator.Mod, Ast.Operator.BitAnd, Ast.Operator.BitOr,
        Ast.Operator.BitXor, Ast.Operator.LShift, Ast.Operator.RShift, Ast.Operator.Pow, Ast.Operator.FloorDiv};

    private Stmt expressionStatement() {
        int start = pos;
        Expr first = atKeyword("yield") ? yieldExpression() : starExpressions();
        if (at(TokenKind.COLON)) {
            // annotated assignment: single target
            boolean simple = first instanceof Ast.Name && !parenthesized.contains(first);
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
        for (int i = 0; i < AUG.length; i++) {
            if (at(AUG[i])) {
                if (!(first instanceof Ast.Name || first instanceof Ast.Attribute || first instanceof Ast.Subscript)) {
                    throw fail();
                }
                pos++;
                Expr value = atKeyword("yield") ? yieldExpression() : starExpressions();
                return new Ast.AugAssign(toTarget(first, ExprContext.Store), AUG_OPS[i], value, l(start), c(start), el(),
                        ec());
            }
        }
        if (at(TokenKind.EQUAL)) {
            List<Expr> targets = new ArrayList<>();
            Expr value = first;
            while (accept(TokenKind.EQUAL)) {
                targets.add(toTarget(value, ExprContext.Store));
                value = atKeyword("yield") ? yieldExpression() : starExpressions();
            }
            return new Ast.Assign(targets, value, null, l(start), c(start), el(), ec());
        }
        return new Ast.ExprStmt(first, l(start), c(start), el(), ec());
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
        throw new UnsupportedConstruct("this assignment target (CPython's 'cannot assign' message is not reproduced yet)",
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
            return toTarget(first, ctx);
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (accept(TokenKind.COMMA)) {
            if (atKeyword(stopKeyword) || at(TokenKind.EQUAL) || at(TokenKind.RPAR)) {
                break;
            }
            elts.add(starTarget());
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

    /** A target atom: parsed as a primary (names, attributes, subscripts, tuples and lists in brackets). */
    private Expr primaryTargetCandidate() {
        return bitwiseOr();
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
            case NAME:
                return !KEYWORDS.contains(t.text()) || Set.of("not", "lambda", "await", "None", "True", "False", "yield")
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

    private Expr namedExpression() {
        if (atName() && peek(1).kind() == TokenKind.COLONEQUAL) {
            int start = pos;
            Token n = tok(pos++);
            pos++;
            Expr value = expression();
            Expr target = new Ast.Name(n.text(), ExprContext.Store, n.startLine(), n.startCol(), n.endLine(), n.endCol());
            return new Ast.NamedExpr(target, value, l(start), c(start), el(), ec());
        }
        return expression();
    }

    private Expr expression() {
        enter();
        try {
            if (atKeyword("lambda")) {
                return lambda();
            }
            int start = pos;
            Expr body = disjunction();
            if (atKeyword("if")) {
                pos++;
                Expr test = disjunction();
                expectKeyword("else");
                Expr orelse = expression();
                return new Ast.IfExp(test, body, orelse, l(start), c(start), el(), ec());
            }
            return body;
        } finally {
            depth--;
        }
    }

    private Expr lambda() {
        int start = pos++;
        Ast.Arguments args = parameters(TokenKind.COLON, false);
        expect(TokenKind.COLON);
        Expr body = expression();
        return new Ast.Lambda(args, body, l(start), c(start), el(), ec());
    }

    private Expr disjunction() {
        int start = pos;
        Expr first = conjunction();
        if (!atKeyword("or")) {
            return first;
        }
        List<Expr> values = new ArrayList<>();
        values.add(first);
        while (acceptKeyword("or")) {
            values.add(conjunction());
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
        while (acceptKeyword("and")) {
            values.add(inversion());
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
        Expr left = bitwiseOr();
        List<Ast.CmpOperator> ops = null;
        List<Expr> comparators = null;
        while (true) {
            Ast.CmpOperator op = compareOp();
            if (op == null) {
                break;
            }
            if (ops == null) {
                ops = new ArrayList<>();
                comparators = new ArrayList<>();
            }
            ops.add(op);
            comparators.add(bitwiseOr());
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
                    throw fail();
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
        Expr left = bitwiseXor();
        while (at(TokenKind.VBAR)) {
            pos++;
            left = new Ast.BinOp(left, Ast.Operator.BitOr, bitwiseXor(), l(start), c(start), el(), ec());
        }
        return left;
    }

    private Expr bitwiseXor() {
        int start = pos;
        Expr left = bitwiseAnd();
        while (at(TokenKind.CIRCUMFLEX)) {
            pos++;
            left = new Ast.BinOp(left, Ast.Operator.BitXor, bitwiseAnd(), l(start), c(start), el(), ec());
        }
        return left;
    }

    private Expr bitwiseAnd() {
        int start = pos;
        Expr left = shiftExpr();
        while (at(TokenKind.AMPER)) {
            pos++;
            left = new Ast.BinOp(left, Ast.Operator.BitAnd, shiftExpr(), l(start), c(start), el(), ec());
        }
        return left;
    }

    private Expr shiftExpr() {
        int start = pos;
        Expr left = sum();
        while (true) {
            Ast.Operator op = at(TokenKind.LEFTSHIFT) ? Ast.Operator.LShift
                    : at(TokenKind.RIGHTSHIFT) ? Ast.Operator.RShift : null;
            if (op == null) {
                return left;
            }
            pos++;
            left = new Ast.BinOp(left, op, sum(), l(start), c(start), el(), ec());
        }
    }

    private Expr sum() {
        int start = pos;
        Expr left = term();
        while (true) {
            Ast.Operator op = at(TokenKind.PLUS) ? Ast.Operator.Add : at(TokenKind.MINUS) ? Ast.Operator.Sub : null;
            if (op == null) {
                return left;
            }
            pos++;
            left = new Ast.BinOp(left, op, term(), l(start), c(start), el(), ec());
        }
    }

    private Expr term() {
        int start = pos;
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
            pos++;
            left = new Ast.BinOp(left, op, factor(), l(start), c(start), el(), ec());
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
        if (accept(TokenKind.DOUBLESTAR)) {
            Expr exp = factor();
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
        enter();
        try {
            int start = pos;
            Expr e = atom();
            while (true) {
                if (accept(TokenKind.DOT)) {
                    String attr = name().text();
                    e = new Ast.Attribute(e, attr, ExprContext.Load, l(start), c(start), el(), ec());
                } else if (at(TokenKind.LPAR)) {
                    e = call(e, start);
                } else if (accept(TokenKind.LSQB)) {
                    Expr slice = slices();
                    expect(TokenKind.RSQB);
                    e = new Ast.Subscript(e, slice, ExprContext.Load, l(start), c(start), el(), ec());
                } else {
                    return e;
                }
            }
        } finally {
            depth--;
        }
    }

    private Expr call(Expr func, int start) {
        int open = pos++;
        List<Expr> args = new ArrayList<>();
        List<Ast.Keyword> keywords = new ArrayList<>();
        if (!at(TokenKind.RPAR)) {
            // f(x for x in y): the generator expression takes the call's parentheses
            int mark = pos;
            if (!at(TokenKind.STAR) && !at(TokenKind.DOUBLESTAR) && !(atName() && peek(1).kind() == TokenKind.EQUAL)) {
                Expr first = namedExpression();
                if (atKeyword("for") || atKeyword("async")) {
                    List<Ast.Comprehension> gens = comprehensionClauses();
                    expect(TokenKind.RPAR);
                    Expr gen = new Ast.GeneratorExp(first, gens, l(open), c(open), el(), ec());
                    return new Ast.Call(func, List.of(gen), List.of(), l(start), c(start), el(), ec());
                }
                pos = mark;
            }
            arguments(args, keywords);
        }
        expect(TokenKind.RPAR);
        return new Ast.Call(func, args, keywords, l(start), c(start), el(), ec());
    }

    /** Call arguments up to (not including) the closing parenthesis. */
    private void arguments(List<Expr> args, List<Ast.Keyword> keywords) {
        do {
            if (at(TokenKind.RPAR)) {
                break;
            }
            int start = pos;
            if (accept(TokenKind.STAR)) {
                Expr v = expression();
                args.add(new Ast.Starred(v, ExprContext.Load, l(start), c(start), el(), ec()));
            } else if (accept(TokenKind.DOUBLESTAR)) {
                Expr v = expression();
                keywords.add(new Ast.Keyword(null, v, l(start), c(start), el(), ec()));
            } else if (atName() && peek(1).kind() == TokenKind.EQUAL) {
                String n = tok(pos).text();
                pos += 2;
                Expr v = expression();
                keywords.add(new Ast.Keyword(n, v, l(start), c(start), el(), ec()));
            } else {
                if (!keywords.isEmpty()) {
                    throw fail(); // positional argument follows keyword argument
                }
                Expr v = namedExpression();
                if (atKeyword("for") || atKeyword("async")) {
                    throw fail(); // "Generator expression must be parenthesized"
                }
                args.add(v);
            }
        } while (accept(TokenKind.COMMA));
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
        if (at(TokenKind.STAR)) {
            pos++;
            Expr v = bitwiseOr();
            return new Ast.Starred(v, ExprContext.Load, l(start), c(start), el(), ec());
        }
        Expr lower = null;
        if (!at(TokenKind.COLON)) {
            lower = namedExpression();
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
                return parenthesizedForm();
            case LSQB:
                return listForm();
            case LBRACE:
                return braceForm();
            default:
                throw fail();
        }
    }

    private Expr constant(PyObject value, int start) {
        return new Ast.Constant(value, null, l(start), c(start), el(), ec());
    }

    private Expr strings() {
        if (pep701) {
            return strings312();
        }
        int start = pos;
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
        if (fstring) {
            return FStrings311.joined(parts, filename, warnings, this::refuse, this::subExpression, l(start), c(start),
                    el(), ec());
        }
        String undecodable = Literals.undecodableBytes(parts);
        if (undecodable != null) {
            if (sub) {
                throw refuse("undecodable bytes in a string inside an f-string (its error)");
            }
            // raised when the literal is built: at the token the parser has just looked ahead to
            Token next = tok(pos);
            throw new TokenizerFailure(new PythonError("SyntaxError", "(unicode error) " + undecodable, filename,
                    next.startLine(), next.startCol() + 1, tokenizer.lineText(next.startLine()), next.endLine(),
                    next.endCol() + 1));
        }
        return Literals.strings(parts, filename, target, warnings, l(start), c(start), el(), ec(), this::refuse);
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
                throw refuse("t-strings mixed with other strings (its error)");
            }
            return FStrings312.concatenateTemplates(items, l(start), c(start), el(), ec());
        }
        List<Object> pieces = new ArrayList<>(); // Token (STRING) or Expr (an f-string's JoinedStr)
        boolean fstring = false;
        while (true) {
            if (at(TokenKind.STRING)) {
                pieces.add(tok(pos++));
            } else if (at(TokenKind.FSTRING_START)) {
                pieces.add(fstring(false));
                fstring = true;
            } else if (at(TokenKind.TSTRING_START)) {
                throw refuse("t-strings mixed with other strings (its error)");
            } else {
                break;
            }
        }
        List<Token> plain = new ArrayList<>();
        for (Object o : pieces) {
            if (o instanceof Token t) {
                plain.add(t);
            }
        }
        if (Literals.undecodableBytes(plain) != null) {
            throw refuse("undecodable bytes in a string literal (its 3.12+ error)");
        }
        if (!fstring) {
            return Literals.strings(plain, filename, target, warnings, l(start), c(start), el(), ec(), this::refuse);
        }
        List<Expr> items = new ArrayList<>(pieces.size());
        for (Object o : pieces) {
            if (o instanceof Token t) {
                if (Literals.isBytes(t)) {
                    throw refuse("mixing bytes and str literals (its error)");
                }
                items.add(Literals.strings(List.of(t), filename, target, warnings, t.startLine(), t.startCol(),
                        t.endLine(), t.endCol(), this::refuse));
            } else {
                items.add((Expr) o);
            }
        }
        return FStrings312.concatenate(items, l(start), c(start), el(), ec());
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

    private FStrings312 fstr() {
        if (fstr312 == null) {
            fstr312 = new FStrings312(filename, target, warnings, this::refuse);
        }
        return fstr312;
    }

    /**
     * {@code '{' (yield_expr | star_expressions) ['='] ['!' NAME] [':' format_spec*] '}'}: appends its
     * FormattedValue to {@code out}, after the raw text of a {@code =} field (not yet decoded).
     */
    private void replacementField(List<Expr> out, boolean interpolation, TokenKind middle, boolean raw) {
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
            if (!at(TokenKind.NAME)) {
                throw fail();
            }
            convName = tok(pos++);
            if (convName.startLine() != bang.endLine() || convName.startCol() != bang.endCol()) {
                throw refuse("space after '!' in an f-string conversion (its error)");
            }
            String c = convName.text();
            if (!c.equals("s") && !c.equals("r") && !c.equals("a")) {
                throw refuse("an invalid f-string conversion character (its error)");
            }
            conversion = c.charAt(0);
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
        Parser311 p = new Parser311(tk, target, filename, warnings);
        p.sub = true;
        p.lineShift = startLine - 1;
        p.colShift = startCol;
        p.depth = depth;
        Expr e = p.starExpressions();
        if (!p.at(TokenKind.NEWLINE) && !p.at(TokenKind.ENDMARKER)) {
            throw p.fail();
        }
        return e;
    }

    /** Position shift of a sub-parser's tokens (f-string fields): lines, and columns of its first line. */
    private int lineShift;
    private int colShift;
    private boolean sub;

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
        Expr first = at(TokenKind.STAR) ? starExpression() : namedExpression();
        if (atKeyword("for") || atKeyword("async")) {
            List<Ast.Comprehension> gens = comprehensionClauses();
            expect(TokenKind.RPAR);
            return new Ast.GeneratorExp(first, gens, l(start), c(start), el(), ec());
        }
        if (accept(TokenKind.RPAR)) {
            if (first instanceof Ast.Starred) {
                throw fail();
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
            elts.add(at(TokenKind.STAR) ? starExpression() : namedExpression());
        }
        expect(TokenKind.RPAR);
        return new Ast.TupleExpr(elts, ExprContext.Load, l(start), c(start), el(), ec());
    }

    private Expr listForm() {
        int start = pos++;
        List<Expr> elts = new ArrayList<>();
        if (!at(TokenKind.RSQB)) {
            Expr first = at(TokenKind.STAR) ? starExpression() : namedExpression();
            if (atKeyword("for") || atKeyword("async")) {
                List<Ast.Comprehension> gens = comprehensionClauses();
                expect(TokenKind.RSQB);
                return new Ast.ListComp(first, gens, l(start), c(start), el(), ec());
            }
            elts.add(first);
            while (accept(TokenKind.COMMA)) {
                if (at(TokenKind.RSQB)) {
                    break;
                }
                elts.add(at(TokenKind.STAR) ? starExpression() : namedExpression());
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
                    keys.add(null);
                    values.add(bitwiseOr());
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
            Expr target = targetList(ExprContext.Store, "in");
            expectKeyword("in");
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

    /**
     * Parameters of a def (annotations allowed) or lambda, up to {@code end} (not consumed). Order as
     * the grammar requires: positional-only before '/', then positional, '*' [vararg], keyword-only,
     * '**' kwarg.
     */
    private Ast.Arguments parameters(TokenKind end, boolean annotations) {
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

    private Ast.Arg param(boolean annotations, boolean starAnnotation) {
        int start = pos;
        String n = name().text();
        Expr annotation = null;
        if (annotations && accept(TokenKind.COLON)) {
            annotation = starAnnotation && at(TokenKind.STAR) ? starExpression() : expression();
        }
        return new Ast.Arg(n, annotation, null, l(start), c(start), el(), ec());
    }
}
