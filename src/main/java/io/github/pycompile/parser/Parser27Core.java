package io.github.pycompile.parser;

import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedConstruct;
import io.github.pycompile.ast.Ast;
import io.github.pycompile.ast.Ast.CmpOperator;
import io.github.pycompile.ast.Ast.Expr;
import io.github.pycompile.ast.Ast.ExprContext;
import io.github.pycompile.ast.Ast.Operator;
import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.source.SourceDecoder;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.tokenizer.Token;
import io.github.pycompile.tokenizer.TokenKind;
import io.github.pycompile.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The machinery of {@link Parser27} below its statements: tokens as pgen's parser receives them, its
 * errors, the pending {@code ast.c} errors, and the grammar from parameters and assignment targets down
 * to atoms (expressions, calls, subscripts, comprehensions), building the tree as {@code ast.c} does.
 */
abstract class Parser27Core {
    static final Set<String> KEYWORDS = Set.of("and", "as", "assert", "break", "class", "continue", "def",
            "del", "elif", "else", "except", "exec", "finally", "for", "from", "global", "if", "import", "in", "is",
            "lambda", "not", "or", "pass", "print", "raise", "return", "try", "while", "with", "yield");
    /**
     * pgen's parser stack holds 1500 grammar nodes (MemoryError beyond: 99 nested parentheses); the
     * parser keeps an estimate of that depth and refuses well before the limit.
     */
    static final int MAX_STACK = 1000;
    /** The grammar nodes from test down to atom. */
    static final int TEST_DEPTH = 14;

    final Tokenizer tk;
    final String filename;
    final boolean v26;
    final String encoding;
    final boolean unicodeLiterals;
    boolean printFunction;
    boolean sawUnicodeLiterals;
    Token tok;
    boolean started;
    boolean eofNewline;
    boolean atEof;
    PythonError pending;
    int stack;
    Expr bareNumber;
    Token bareNumberTok;

    Parser27Core(Tokenizer tk, String filename, PythonVersion target, String encoding, boolean unicodeLiterals) {
        this.tk = tk;
        this.filename = filename;
        this.v26 = target == PythonVersion.V2_6;
        this.encoding = encoding;
        this.unicodeLiterals = unicodeLiterals;
    }

    /** An error that ends the parse (tokenizer or grammar), carried through the parser's frames. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final PythonError error;

        Failure(PythonError error) {
            super(null, null, false, false);
            this.error = error;
        }
    }

    // ---------------------------------------------------------------- tokens

    /** The next token, as pgen's parser gets it: the end of input is NEWLINE then ENDMARKER. */
    void advance() {
        Token t;
        try {
            t = tk.next();
        } catch (PythonError e) {
            throw new Failure(restoreEncoding(e));
        }
        if (t.kind() == TokenKind.ENDMARKER) {
            atEof = true;
            if (started && !eofNewline) {
                eofNewline = true;
                t = new Token(TokenKind.NEWLINE, "", t.startLine(), -1, t.endLine(), -1, t.startIndex(), t.endIndex());
            }
        }
        started = true;
        tok = t;
    }

    boolean at(TokenKind k) {
        return tok.kind() == k;
    }

    boolean kw(String s) {
        return tok.kind() == TokenKind.NAME && tok.text().equals(s) && !(printFunction && s.equals("print"));
    }

    boolean atName() {
        if (tok.kind() != TokenKind.NAME) {
            return false;
        }
        String s = tok.text();
        return !KEYWORDS.contains(s) || printFunction && s.equals("print");
    }

    Token expect(TokenKind k) {
        if (tok.kind() != k) {
            throw syntaxError();
        }
        Token t = tok;
        advance();
        return t;
    }

    void expectKw(String s) {
        if (!kw(s)) {
            throw syntaxError();
        }
        advance();
    }

    String name() {
        if (!atName()) {
            throw syntaxError();
        }
        String s = tok.text();
        advance();
        return s;
    }

    boolean startsExpr() {
        return switch (tok.kind()) {
            case LPAR, LSQB, LBRACE, BACKQUOTE, NUMBER, STRING, PLUS, MINUS, TILDE -> true;
            case NAME -> atName();
            default -> false;
        };
    }

    boolean startsTest() {
        return startsExpr() || kw("not") || kw("lambda");
    }

    /** A token's line as pgen records it: the line the token ends on. */
    static int ln(Token t) {
        return t.endLine();
    }

    /** A token's column: -1 when it started on an earlier line (a string spanning lines). */
    static int co(Token t) {
        return t.startLine() == t.endLine() ? t.startCol() : -1;
    }

    // ---------------------------------------------------------------- errors

    /** pgen's E_SYNTAX at the current token, with parsetok's position (after the token). */
    Failure syntaxError() {
        if (tok.kind() == TokenKind.INDENT) {
            return parseError("IndentationError", "unexpected indent");
        }
        if (tok.kind() == TokenKind.DEDENT) {
            return parseError("IndentationError", "unexpected unindent");
        }
        return parseError("SyntaxError", "invalid syntax");
    }

    Failure parseError(String type, String msg) {
        int line = tk.currentLine();
        if (atEof && line <= 1) {
            type = "SyntaxError";
            msg = "unexpected EOF while parsing";
        }
        return new Failure(restoreEncoding(
                new PythonError(type, msg, filename, line, tk.pgenOffset(), tk.pgenText(), -1, -1)));
    }

    /**
     * parsetok's PyTokenizer_RestoreEncoding: in a file with a coding declaration, the error's text and
     * offset are turned from the tokenizer's UTF-8 back into the declared encoding, what does not decode
     * or encode replaced (one U+FFFD per bad sequence, then '?').
     */
    PythonError restoreEncoding(PythonError e) {
        if (encoding == null || encoding.equals("utf-8") || e.text() == null) {
            return e;
        }
        java.nio.charset.Charset cs = SourceDecoder.lookup(encoding);
        if (cs == null) {
            return e;
        }
        String text = fromUtf8(e.text(), cs);
        int off = e.offset();
        if (off > 1) {
            off = fromUtf8(e.text().substring(0, Math.min(off - 1, e.text().length())), cs).length() + 1;
        }
        return new PythonError(e.typeName(), e.pyMessage(), e.filename(), e.lineno(), off, text, -1, -1);
    }

    /** Bytes (one char each) read as UTF-8 and written in {@code cs}, with replacements. */
    private static String fromUtf8(String bytes, java.nio.charset.Charset cs) {
        String u = new String(bytes.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                java.nio.charset.StandardCharsets.UTF_8);
        return new String(u.getBytes(cs), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** An ast.c error: SyntaxError at a line, no offset, the line's text; kept if it is the first. */
    void astError(String msg, int line) {
        if (pending == null) {
            pending = new PythonError("SyntaxError", msg, filename, line, -1, lineText(line), -1, -1);
        }
    }

    /** The text of an ast.c error: the file's line as PyErr_ProgramText reads it, without its indentation. */
    String lineText(int line) {
        String t = tk.lineText(line);
        int i = 0;
        while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t' || t.charAt(i) == '\f')) {
            i++;
        }
        return t.isEmpty() ? null : t.substring(i);
    }

    PythonError take() {
        PythonError e = pending;
        pending = null;
        return e;
    }

    /** Restores the first error by ast.c's order: {@code outer} (before the construct), then {@code inOrder}. */
    void restore(PythonError outer, PythonError... inOrder) {
        pending = outer;
        for (PythonError e : inOrder) {
            if (pending == null) {
                pending = e;
            }
        }
    }

    /** ast.c's forbidden_check for a name bound (or a keyword argument). */
    void forbidden(String name, int line) {
        if (v26) {
            if (name.equals("None")) {
                astError("assignment to None", line);
            }
        } else if (name.equals("None")) {
            astError("cannot assign to None", line);
        } else if (name.equals("__debug__")) {
            astError("cannot assign to __debug__", line);
        }
    }

    void push(int n) {
        stack += n;
        if (stack > MAX_STACK) {
            throw new UnsupportedConstruct("source nested this deeply (2.x's parser stack limit)", tok.startLine());
        }
    }

    // ---------------------------------------------------------------- parameters

    static Ast.Py2Arguments emptyArgs() {
        return new Ast.Py2Arguments(List.of(), null, null, List.of());
    }

    /** fpdef: NAME or a parenthesized fplist. */
    record FpDef(Token name, Token open, List<FpDef> items, int children) {}

    FpDef fpdef() {
        if (at(TokenKind.LPAR)) {
            Token open = tok;
            advance();
            List<FpDef> items = new ArrayList<>();
            int children = 0;
            items.add(fpdef());
            children++;
            while (at(TokenKind.COMMA)) {
                advance();
                children++;
                if (!at(TokenKind.LPAR) && !atName()) {
                    break;
                }
                items.add(fpdef());
                children++;
            }
            expect(TokenKind.RPAR);
            return new FpDef(null, open, items, children);
        }
        Token n = tok;
        name();
        return new FpDef(n, null, null, 0);
    }

    /** varargslist, then ast.c's ast_for_arguments over it (its checks in its order). */
    Ast.Py2Arguments varargslist() {
        Token start = tok;
        int listLine = ln(start);
        PythonError outer = take();
        List<FpDef> fps = new ArrayList<>();
        List<Expr> defaultsByFp = new ArrayList<>();
        List<PythonError> defaultErrs = new ArrayList<>();
        Token vararg = null;
        Token kwarg = null;
        while (true) {
            if (at(TokenKind.STAR)) {
                advance();
                vararg = tok;
                name();
                if (at(TokenKind.COMMA)) {
                    advance();
                    expect(TokenKind.DOUBLESTAR);
                    kwarg = tok;
                    name();
                }
                break;
            }
            if (at(TokenKind.DOUBLESTAR)) {
                advance();
                kwarg = tok;
                name();
                break;
            }
            if (!at(TokenKind.LPAR) && !atName()) {
                throw syntaxError();
            }
            fps.add(fpdef());
            Expr def = null;
            if (at(TokenKind.EQUAL)) {
                advance();
                def = test();
            }
            defaultsByFp.add(def);
            defaultErrs.add(take());
            if (!at(TokenKind.COMMA)) {
                break;
            }
            advance();
            if (!at(TokenKind.LPAR) && !atName() && !at(TokenKind.STAR) && !at(TokenKind.DOUBLESTAR)) {
                break;
            }
        }
        // ast_for_arguments
        pending = outer;
        List<Expr> args = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        boolean foundDefault = false;
        for (int i = 0; i < fps.size(); i++) {
            FpDef fp = fps.get(i);
            Expr def = defaultsByFp.get(i);
            if (def != null) {
                restore(pending, defaultErrs.get(i));
                defaults.add(def);
                foundDefault = true;
            } else if (foundDefault) {
                astError("non-default argument follows default argument", listLine);
            }
            boolean parenthesized = false;
            while (fp.name() == null && fp.children() == 1) {
                parenthesized = true;
                fp = fp.items().get(0);
                if (foundDefault) {
                    // ast.c re-checks the default after stripping the parentheses, past the '='
                    astError(v26 ? "non-default argument follows default argument" : "parenthesized arg with default",
                            listLine);
                }
            }
            if (fp.name() != null) {
                forbidden(fp.name().text(), v26 ? ln(fp.name()) : listLine);
                args.add(new Ast.Name(fp.name().text(), ExprContext.Param, ln(fp.name()), co(fp.name()), -1, -1));
            } else {
                args.add(complexArgs(fp));
            }
        }
        String va = null;
        String ka = null;
        if (vararg != null) {
            forbidden(vararg.text(), ln(vararg));
            va = vararg.text();
        }
        if (kwarg != null) {
            forbidden(kwarg.text(), ln(kwarg));
            ka = kwarg.text();
        }
        return new Ast.Py2Arguments(args, va, ka, defaults);
    }

    /** compiler_complex_args: a tuple parameter as a Store tuple at its first item. */
    Expr complexArgs(FpDef list) {
        Token first = list.items().get(0).name() != null ? list.items().get(0).name() : list.items().get(0).open();
        List<Expr> elts = new ArrayList<>();
        for (FpDef fp : list.items()) {
            while (fp.name() == null && fp.children() == 1) {
                fp = fp.items().get(0);
            }
            if (fp.name() != null) {
                forbidden(fp.name().text(), v26 ? ln(fp.name()) : ln(first));
                elts.add(new Ast.Name(fp.name().text(), ExprContext.Store, ln(fp.name()), co(fp.name()), -1, -1));
            } else {
                elts.add(complexArgs(fp));
            }
        }
        return new Ast.TupleExpr(elts, ExprContext.Store, ln(first), co(first), -1, -1);
    }

    // ---------------------------------------------------------------- assignment targets

    /** ast.c's set_context: the expression with the context, or a pending error for what cannot be bound. */
    Expr setContext(Expr e, ExprContext ctx, int line) {
        String what;
        if (e instanceof Ast.Name n) {
            if (ctx == ExprContext.Store) {
                forbidden(n.id(), line);
            }
            return new Ast.Name(n.id(), ctx, n.lineno(), n.colOffset(), -1, -1);
        } else if (e instanceof Ast.Attribute a) {
            if (ctx == ExprContext.Store) {
                forbidden(a.attr(), line);
            }
            return new Ast.Attribute(a.value(), a.attr(), ctx, a.lineno(), a.colOffset(), -1, -1);
        } else if (e instanceof Ast.Subscript s) {
            return new Ast.Subscript(s.value(), s.slice(), ctx, s.lineno(), s.colOffset(), -1, -1);
        } else if (e instanceof Ast.ListExpr l) {
            return new Ast.ListExpr(setContexts(l.elts(), ctx, line), ctx, l.lineno(), l.colOffset(), -1, -1);
        } else if (e instanceof Ast.TupleExpr t) {
            if (!t.elts().isEmpty()) {
                return new Ast.TupleExpr(setContexts(t.elts(), ctx, line), ctx, t.lineno(), t.colOffset(), -1, -1);
            }
            if (v26) {
                astError("can't assign to ()", line);
                return e;
            }
            what = "()";
        } else if (e instanceof Ast.Py2Lambda) {
            what = "lambda";
        } else if (e instanceof Ast.Py2Call) {
            what = "function call";
        } else if (e instanceof Ast.BoolOp || e instanceof Ast.BinOp || e instanceof Ast.UnaryOp) {
            what = "operator";
        } else if (e instanceof Ast.GeneratorExp) {
            what = "generator expression";
        } else if (e instanceof Ast.Yield) {
            what = "yield expression";
        } else if (e instanceof Ast.ListComp) {
            what = "list comprehension";
        } else if (e instanceof Ast.SetComp) {
            what = "set comprehension";
        } else if (e instanceof Ast.DictComp) {
            what = "dict comprehension";
        } else if (e instanceof Ast.DictExpr || e instanceof Ast.SetExpr || e instanceof Ast.Constant) {
            what = "literal";
        } else if (e instanceof Ast.Compare) {
            what = "comparison";
        } else if (e instanceof Ast.Repr) {
            what = "repr";
        } else if (e instanceof Ast.IfExp) {
            what = "conditional expression";
        } else {
            throw new UnsupportedConstruct("an assignment target of kind " + e.pyName(), line);
        }
        astError("can't " + (ctx == ExprContext.Store ? "assign to" : "delete") + " " + what, line);
        return e;
    }

    List<Expr> setContexts(List<Expr> elts, ExprContext ctx, int line) {
        List<Expr> out = new ArrayList<>(elts.size());
        for (Expr x : elts) {
            out.add(setContext(x, ctx, line));
        }
        return out;
    }

    /** exprlist with a context: each item bound as it is read; true when it had a comma. */
    boolean exprlist(ExprContext ctx, List<Expr> out) {
        Token s = tok;
        out.add(setContext(expr(), ctx, ln(s)));
        boolean comma = false;
        while (at(TokenKind.COMMA)) {
            comma = true;
            advance();
            if (!startsExpr()) {
                break;
            }
            s = tok;
            out.add(setContext(expr(), ctx, ln(s)));
        }
        return comma;
    }

    /** A for target: the expression, or a tuple at its first item's position. */
    Expr exprlistTarget(ExprContext ctx) {
        return exprlistTarget(ctx, null);
    }

    /** A comprehension's target; 2.6 puts a tuple target at the comprehension's 'for'. */
    Expr exprlistTarget(ExprContext ctx, Token forTok) {
        List<Expr> items = new ArrayList<>();
        if (!exprlist(ctx, items)) {
            return items.get(0);
        }
        if (v26 && forTok != null) {
            return new Ast.TupleExpr(items, ctx, ln(forTok), co(forTok), -1, -1);
        }
        Ast.Located first = (Ast.Located) items.get(0);
        return new Ast.TupleExpr(items, ctx, first.lineno(), first.colOffset(), -1, -1);
    }

    static String cut(String msg) {
        return msg.length() > 127 ? msg.substring(0, 127) : msg;
    }

    // ---------------------------------------------------------------- expressions

    Expr testlist() {
        Token start = tok;
        Expr e = test();
        if (!at(TokenKind.COMMA)) {
            return e;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(e);
        while (at(TokenKind.COMMA)) {
            advance();
            if (!startsTest()) {
                break;
            }
            elts.add(test());
        }
        return new Ast.TupleExpr(elts, ExprContext.Load, ln(start), co(start), -1, -1);
    }

    Expr yieldExpr() {
        Token start = tok;
        advance();
        Expr v = startsTest() ? testlist() : null;
        return new Ast.Yield(v, ln(start), co(start), -1, -1);
    }

    Expr test() {
        // pgen's stack: test and lambdef for a lambda, test down to atom otherwise
        int depth = kw("lambda") ? 2 : TEST_DEPTH;
        push(depth);
        try {
            if (kw("lambda")) {
                return lambdef(false);
            }
            Token start = tok;
            Expr e = orTest();
            if (!kw("if")) {
                return e;
            }
            advance();
            Expr cond = orTest();
            expectKw("else");
            Expr orelse = test();
            return new Ast.IfExp(cond, e, orelse, ln(start), co(start), -1, -1);
        } finally {
            stack -= depth;
        }
    }

    Expr oldTest() {
        int depth = kw("lambda") ? 2 : TEST_DEPTH;
        push(depth);
        try {
            return kw("lambda") ? lambdef(true) : orTest();
        } finally {
            stack -= depth;
        }
    }

    Expr lambdef(boolean old) {
        Token start = tok;
        advance();
        Ast.Py2Arguments args = at(TokenKind.COLON) ? emptyArgs() : varargslist();
        expect(TokenKind.COLON);
        Expr body = old ? oldTest() : test();
        return new Ast.Py2Lambda(args, body, ln(start), co(start), -1, -1);
    }

    Expr orTest() {
        Token start = tok;
        Expr e = andTest();
        if (!kw("or")) {
            return e;
        }
        List<Expr> values = new ArrayList<>();
        values.add(e);
        while (kw("or")) {
            advance();
            values.add(andTest());
        }
        return new Ast.BoolOp(Ast.BoolOperator.Or, values, ln(start), co(start), -1, -1);
    }

    Expr andTest() {
        Token start = tok;
        Expr e = notTest();
        if (!kw("and")) {
            return e;
        }
        List<Expr> values = new ArrayList<>();
        values.add(e);
        while (kw("and")) {
            advance();
            values.add(notTest());
        }
        return new Ast.BoolOp(Ast.BoolOperator.And, values, ln(start), co(start), -1, -1);
    }

    Expr notTest() {
        if (kw("not")) {
            Token start = tok;
            advance();
            push(1);
            Expr operand = notTest();
            stack--;
            return new Ast.UnaryOp(Ast.UnaryOperator.Not, operand, ln(start), co(start), -1, -1);
        }
        return comparison();
    }

    Expr comparison() {
        Token start = tok;
        PythonError outer = take();
        Expr left = expr();
        CmpOperator op = compOp();
        if (op == null) {
            restore(outer, take());
            return left;
        }
        PythonError leftErr = take();
        List<CmpOperator> ops = new ArrayList<>();
        List<Expr> comparators = new ArrayList<>();
        while (op != null) {
            ops.add(op);
            comparators.add(expr());
            op = compOp();
        }
        // ast.c builds the comparators before the left operand
        restore(outer, take(), leftErr);
        return new Ast.Compare(left, ops, comparators, ln(start), co(start), -1, -1);
    }

    /** A comparison operator at the current token (consumed), or null. */
    CmpOperator compOp() {
        CmpOperator op = switch (tok.kind()) {
            case LESS -> CmpOperator.Lt;
            case GREATER -> CmpOperator.Gt;
            case EQEQUAL -> CmpOperator.Eq;
            case GREATEREQUAL -> CmpOperator.GtE;
            case LESSEQUAL -> CmpOperator.LtE;
            case NOTEQUAL -> CmpOperator.NotEq;
            default -> null;
        };
        if (op != null) {
            advance();
            return op;
        }
        if (kw("in")) {
            advance();
            return CmpOperator.In;
        }
        if (kw("not")) {
            advance();
            expectKw("in");
            return CmpOperator.NotIn;
        }
        if (kw("is")) {
            advance();
            if (kw("not")) {
                advance();
                return CmpOperator.IsNot;
            }
            return CmpOperator.Is;
        }
        return null;
    }

    Expr expr() {
        return binary(0);
    }

    static Operator binaryOperator(int level, TokenKind k) {
        return switch (level) {
            case 0 -> k == TokenKind.VBAR ? Operator.BitOr : null;
            case 1 -> k == TokenKind.CIRCUMFLEX ? Operator.BitXor : null;
            case 2 -> k == TokenKind.AMPER ? Operator.BitAnd : null;
            case 3 -> k == TokenKind.LEFTSHIFT ? Operator.LShift : k == TokenKind.RIGHTSHIFT ? Operator.RShift : null;
            case 4 -> k == TokenKind.PLUS ? Operator.Add : k == TokenKind.MINUS ? Operator.Sub : null;
            default -> switch (k) {
                case STAR -> Operator.Mult;
                case SLASH -> Operator.Div;
                case PERCENT -> Operator.Mod;
                case DOUBLESLASH -> Operator.FloorDiv;
                default -> null;
            };
        };
    }

    /** expr .. term: a left-leaning chain; BinOps after the first sit at their operator (ast_for_binop). */
    Expr binary(int level) {
        if (level == 6) {
            return factor();
        }
        Token start = tok;
        Expr left = binary(level + 1);
        Operator op = binaryOperator(level, tok.kind());
        if (op == null) {
            return left;
        }
        advance();
        Expr result = new Ast.BinOp(left, op, binary(level + 1), ln(start), co(start), -1, -1);
        while ((op = binaryOperator(level, tok.kind())) != null) {
            Token opTok = tok;
            advance();
            result = new Ast.BinOp(result, op, binary(level + 1), ln(opTok), co(opTok), -1, -1);
        }
        return result;
    }

    Expr factor() {
        Ast.UnaryOperator op = switch (tok.kind()) {
            case PLUS -> Ast.UnaryOperator.UAdd;
            case MINUS -> Ast.UnaryOperator.USub;
            case TILDE -> Ast.UnaryOperator.Invert;
            default -> null;
        };
        if (op == null) {
            return power();
        }
        Token start = tok;
        advance();
        push(1);
        Expr operand = factor();
        stack--;
        if (op == Ast.UnaryOperator.USub && operand == bareNumber) {
            // -NUMBER is one constant, at the minus sign
            return new Ast.Constant(Py2Literals.number("-" + bareNumberTok.text()), null, ln(start), co(start), -1, -1);
        }
        return new Ast.UnaryOp(op, operand, ln(start), co(start), -1, -1);
    }

    Expr power() {
        Token start = tok;
        Expr e = atom();
        boolean bare = start.kind() == TokenKind.NUMBER;
        if (at(TokenKind.LPAR) || at(TokenKind.LSQB) || at(TokenKind.DOT)) {
            bare = false;
            Ast.Located a = (Ast.Located) e;
            int l = a.lineno();
            int c = a.colOffset();
            push(3);
            while (true) {
                if (at(TokenKind.LPAR)) {
                    advance();
                    if (at(TokenKind.RPAR)) {
                        e = new Ast.Py2Call(e, List.of(), List.of(), null, null, l, c, -1, -1);
                    } else {
                        e = arglist(e, l, c);
                    }
                    expect(TokenKind.RPAR);
                } else if (at(TokenKind.LSQB)) {
                    advance();
                    e = new Ast.Subscript(e, subscriptlist(), ExprContext.Load, l, c, -1, -1);
                    expect(TokenKind.RSQB);
                } else if (at(TokenKind.DOT)) {
                    advance();
                    e = new Ast.Attribute(e, name(), ExprContext.Load, l, c, -1, -1);
                } else {
                    break;
                }
            }
            stack -= 3;
        }
        if (at(TokenKind.DOUBLESTAR)) {
            advance();
            push(2);
            Expr f = factor();
            stack -= 2;
            bareNumber = null;
            return new Ast.BinOp(e, Operator.Pow, f, ln(start), co(start), -1, -1);
        }
        if (bare) {
            bareNumber = e;
            bareNumberTok = start;
        } else {
            bareNumber = null; // (1) is the same node as 1, but not a bare NUMBER
        }
        return e;
    }

    Expr atom() {
        push(1);
        Expr e = atomBody();
        stack--;
        return e;
    }

    Expr atomBody() {
        Token start = tok;
        int l = ln(start);
        int c = co(start);
        switch (tok.kind()) {
            case LPAR -> {
                advance();
                if (at(TokenKind.RPAR)) {
                    advance();
                    return new Ast.TupleExpr(List.of(), ExprContext.Load, l, c, -1, -1);
                }
                Expr e;
                if (kw("yield")) {
                    e = yieldExpr();
                } else {
                    e = testlistComp();
                }
                expect(TokenKind.RPAR);
                return e;
            }
            case LSQB -> {
                advance();
                if (at(TokenKind.RSQB)) {
                    advance();
                    return new Ast.ListExpr(List.of(), ExprContext.Load, l, c, -1, -1);
                }
                Token s = tok;
                Expr first = test();
                Expr e;
                if (kw("for")) {
                    e = new Ast.ListComp(first, listFor(), ln(s), co(s), -1, -1);
                } else {
                    List<Expr> elts = new ArrayList<>();
                    elts.add(first);
                    while (at(TokenKind.COMMA)) {
                        advance();
                        if (!startsTest()) {
                            break;
                        }
                        elts.add(test());
                    }
                    e = new Ast.ListExpr(elts, ExprContext.Load, l, c, -1, -1);
                }
                expect(TokenKind.RSQB);
                return e;
            }
            case LBRACE -> {
                advance();
                Expr e = braces(l, c);
                expect(TokenKind.RBRACE);
                return e;
            }
            case BACKQUOTE -> {
                advance();
                Token s = tok;
                Expr v = test();
                if (at(TokenKind.COMMA)) {
                    List<Expr> elts = new ArrayList<>();
                    elts.add(v);
                    while (at(TokenKind.COMMA)) {
                        advance();
                        elts.add(test());
                    }
                    v = new Ast.TupleExpr(elts, ExprContext.Load, ln(s), co(s), -1, -1);
                }
                expect(TokenKind.BACKQUOTE);
                return new Ast.Repr(v, l, c, -1, -1);
            }
            case NUMBER -> {
                advance();
                return new Ast.Constant(Py2Literals.number(start.text()), null, l, c, -1, -1);
            }
            case STRING -> {
                List<String> pieces = new ArrayList<>();
                while (at(TokenKind.STRING)) {
                    pieces.add(tok.text());
                    advance();
                }
                PyObject v;
                try {
                    v = Py2Literals.strings(pieces, unicodeLiterals, encoding);
                } catch (Py2Literals.LiteralError err) {
                    if (pending == null) {
                        // 2.6 words a unicode error by its reason alone
                        String msg = v26 && err.reason != null ? cut("(unicode error) " + err.reason) : err.msg;
                        pending = err.type.equals("SyntaxError")
                                ? new PythonError("SyntaxError", msg, filename, l, -1, lineText(l), -1, -1)
                                : PythonError.plain(err.type, err.msg);
                    }
                    v = PyObject.Singleton.NONE;
                } catch (UnsupportedConstruct u) {
                    throw new UnsupportedConstruct(u.getMessage(), l);
                }
                return new Ast.Constant(v, null, l, c, -1, -1);
            }
            case NAME -> {
                if (!atName()) {
                    throw syntaxError();
                }
                advance();
                return new Ast.Name(start.text(), ExprContext.Load, l, c, -1, -1);
            }
            default -> throw syntaxError();
        }
    }

    /** testlist_comp inside parentheses: a generator expression, a tuple, or the expression itself. */
    Expr testlistComp() {
        Token s = tok;
        Expr first = test();
        if (kw("for")) {
            return new Ast.GeneratorExp(first, compFor(), ln(s), co(s), -1, -1);
        }
        if (!at(TokenKind.COMMA)) {
            return first;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (at(TokenKind.COMMA)) {
            advance();
            if (!startsTest()) {
                break;
            }
            elts.add(test());
        }
        return new Ast.TupleExpr(elts, ExprContext.Load, ln(s), co(s), -1, -1);
    }

    /** dictorsetmaker (2.7) or dictmaker (2.6) after '{'. */
    Expr braces(int l, int c) {
        if (at(TokenKind.RBRACE)) {
            return new Ast.DictExpr(List.of(), List.of(), l, c, -1, -1);
        }
        Token s = tok;
        Expr first = test();
        if (v26 && !at(TokenKind.COLON)) {
            throw syntaxError(); // 2.6 has no set displays
        }
        if (at(TokenKind.COLON)) {
            advance();
            Expr value = test();
            if (kw("for") && !v26) {
                return new Ast.DictComp(first, value, compFor(), ln(s), co(s), -1, -1);
            }
            List<Expr> keys = new ArrayList<>();
            List<Expr> values = new ArrayList<>();
            keys.add(first);
            values.add(value);
            while (at(TokenKind.COMMA)) {
                advance();
                if (!startsTest()) {
                    break;
                }
                keys.add(test());
                expect(TokenKind.COLON);
                values.add(test());
            }
            return new Ast.DictExpr(keys, values, l, c, -1, -1);
        }
        if (kw("for")) {
            return new Ast.SetComp(first, compFor(), ln(s), co(s), -1, -1);
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (at(TokenKind.COMMA)) {
            advance();
            if (!startsTest()) {
                break;
            }
            elts.add(test());
        }
        return new Ast.SetExpr(elts, l, c, -1, -1);
    }

    /** list_for: 'for' exprlist 'in' testlist_safe, then ifs and further fors. */
    List<Ast.Comprehension> listFor() {
        List<Ast.Comprehension> comps = new ArrayList<>();
        while (kw("for")) {
            Token forTok = tok;
            advance();
            Expr target = exprlistTarget(ExprContext.Store, forTok);
            expectKw("in");
            Expr iter = testlistSafe();
            List<Expr> ifs = new ArrayList<>();
            while (kw("if")) {
                advance();
                ifs.add(oldTest());
            }
            comps.add(new Ast.Comprehension(target, iter, ifs, 0));
        }
        return comps;
    }

    Expr testlistSafe() {
        Token s = tok;
        Expr e = oldTest();
        if (!at(TokenKind.COMMA)) {
            return e;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(e);
        advance();
        elts.add(oldTest()); // a lone trailing comma is not allowed here
        while (at(TokenKind.COMMA)) {
            advance();
            if (!startsTest()) {
                break;
            }
            elts.add(oldTest());
        }
        return new Ast.TupleExpr(elts, ExprContext.Load, ln(s), co(s), -1, -1);
    }

    /** comp_for: 'for' exprlist 'in' or_test, then ifs and further fors. */
    List<Ast.Comprehension> compFor() {
        List<Ast.Comprehension> comps = new ArrayList<>();
        while (kw("for")) {
            Token forTok = tok;
            advance();
            Expr target = exprlistTarget(ExprContext.Store, forTok);
            expectKw("in");
            Expr iter;
            push(TEST_DEPTH);
            try {
                iter = orTest();
            } finally {
                stack -= TEST_DEPTH;
            }
            List<Expr> ifs = new ArrayList<>();
            while (kw("if")) {
                advance();
                ifs.add(oldTest());
            }
            comps.add(new Ast.Comprehension(target, iter, ifs, 0));
        }
        return comps;
    }

    /** One argument of a call, with the errors of its parts for ast_for_call's order. */
    record Arg(int kind, Expr name, Expr value, int line, PythonError nameErr, PythonError valueErr) {}

    static final int POSITIONAL = 0;
    static final int GENEXP = 1;
    static final int KEYWORD = 2;
    static final int STARARGS = 3;
    static final int KWARGS = 4;

    /** arglist after '(' (not empty), then ast_for_call's checks in its order; the Call at (l, c). */
    Expr arglist(Expr func, int l, int c) {
        int listLine = ln(tok);
        PythonError outer = take();
        List<Arg> items = new ArrayList<>();
        while (true) {
            Token s = tok;
            if (at(TokenKind.STAR)) {
                advance();
                Expr v = test();
                items.add(new Arg(STARARGS, null, v, ln(s), null, take()));
                while (at(TokenKind.COMMA)) {
                    advance();
                    if (at(TokenKind.DOUBLESTAR)) {
                        Token d = tok;
                        advance();
                        Expr k = test();
                        items.add(new Arg(KWARGS, null, k, ln(d), null, take()));
                        break;
                    }
                    items.add(argument());
                }
                break;
            }
            if (at(TokenKind.DOUBLESTAR)) {
                advance();
                Expr k = test();
                items.add(new Arg(KWARGS, null, k, ln(s), null, take()));
                break;
            }
            items.add(argument());
            if (!at(TokenKind.COMMA)) {
                break;
            }
            advance();
            if (!startsTest() && !at(TokenKind.STAR) && !at(TokenKind.DOUBLESTAR)) {
                break;
            }
        }
        // ast_for_call
        pending = outer;
        int nargs = 0;
        int nkeywords = 0;
        int ngens = 0;
        for (Arg a : items) {
            switch (a.kind()) {
                case POSITIONAL -> nargs++;
                case GENEXP -> ngens++;
                case KEYWORD -> nkeywords++;
                default -> { }
            }
        }
        if (ngens > 1 || ngens > 0 && (nargs > 0 || nkeywords > 0)) {
            astError("Generator expression must be parenthesized if not sole argument", listLine);
        } else if (nargs + nkeywords + ngens > 255) {
            astError("more than 255 arguments", listLine);
        }
        List<Expr> args = new ArrayList<>();
        List<Ast.Keyword> keywords = new ArrayList<>();
        Expr starargs = null;
        Expr kwargs = null;
        for (Arg a : items) {
            switch (a.kind()) {
                case POSITIONAL -> {
                    if (!keywords.isEmpty()) {
                        astError("non-keyword arg after keyword arg", a.line());
                    } else if (starargs != null) {
                        astError("only named arguments may follow *expression", a.line());
                    }
                    restore(pending, a.valueErr());
                    args.add(a.value());
                }
                case GENEXP -> {
                    restore(pending, a.valueErr());
                    args.add(a.value());
                }
                case KEYWORD -> {
                    restore(pending, a.nameErr());
                    String key = null;
                    if (a.name() instanceof Ast.Py2Lambda) {
                        astError("lambda cannot contain assignment", a.line());
                    } else if (!(a.name() instanceof Ast.Name n)) {
                        astError("keyword can't be an expression", a.line());
                    } else {
                        key = n.id();
                        forbidden(key, a.line());
                        for (Ast.Keyword k : keywords) {
                            if (k.arg().equals(key)) {
                                astError("keyword argument repeated", a.line());
                                break;
                            }
                        }
                    }
                    restore(pending, a.valueErr());
                    keywords.add(new Ast.Keyword(key == null ? "?" : key, a.value(), -1, -1, -1, -1));
                }
                case STARARGS -> {
                    restore(pending, a.valueErr());
                    starargs = a.value();
                }
                default -> {
                    restore(pending, a.valueErr());
                    kwargs = a.value();
                }
            }
        }
        return new Ast.Py2Call(func, args, keywords, starargs, kwargs, l, c, -1, -1);
    }

    Arg argument() {
        Token s = tok;
        Expr e = test();
        if (kw("for")) {
            Expr g = new Ast.GeneratorExp(e, compFor(), ln(s), co(s), -1, -1);
            return new Arg(GENEXP, null, g, ln(s), null, take());
        }
        if (at(TokenKind.EQUAL)) {
            PythonError nameErr = take();
            advance();
            Expr v = test();
            return new Arg(KEYWORD, e, v, ln(s), nameErr, take());
        }
        return new Arg(POSITIONAL, null, e, ln(s), null, take());
    }

    static final int INDEX = 0;
    static final int SLICE = 1;
    static final int ELLIPSIS = 2;

    /** subscriptlist: one index or slice, a tuple of indexes, or an extended slice (a tuple without position). */
    Expr subscriptlist() {
        Token s = tok;
        List<Expr> items = new ArrayList<>();
        List<Integer> kinds = new ArrayList<>();
        subscript(items, kinds);
        if (!at(TokenKind.COMMA)) {
            return items.get(0);
        }
        while (at(TokenKind.COMMA)) {
            advance();
            if (!startsTest() && !at(TokenKind.COLON) && !at(TokenKind.DOT)) {
                break;
            }
            subscript(items, kinds);
        }
        if (kinds.stream().allMatch(k -> k == INDEX)) {
            return new Ast.TupleExpr(items, ExprContext.Load, ln(s), co(s), -1, -1);
        }
        return new Ast.TupleExpr(items, ExprContext.Load, -1, -1, -1, -1);
    }

    void subscript(List<Expr> items, List<Integer> kinds) {
        if (at(TokenKind.DOT)) {
            advance();
            expect(TokenKind.DOT);
            expect(TokenKind.DOT);
            items.add(new Ast.Constant(PyObject.Singleton.ELLIPSIS, null, -1, -1, -1, -1));
            kinds.add(ELLIPSIS);
            return;
        }
        Expr lower = null;
        if (startsTest()) {
            lower = test();
            if (!at(TokenKind.COLON)) {
                items.add(lower);
                kinds.add(INDEX);
                return;
            }
        }
        expect(TokenKind.COLON);
        Expr upper = startsTest() ? test() : null;
        Expr step = null;
        if (at(TokenKind.COLON)) {
            Token colon = tok;
            advance();
            // x[a:b:] steps by a Name None at the second colon
            step = startsTest() ? test() : new Ast.Name("None", ExprContext.Load, ln(colon), co(colon), -1, -1);
        }
        items.add(new Ast.Slice(lower, upper, step, -1, -1, -1, -1));
        kinds.add(SLICE);
    }
}
