package io.github.pycompile.parser;

import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.tokenizer.Token;
import io.github.pycompile.tokenizer.TokenKind;
import io.github.pycompile.tokenizer.Tokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 3.6 to 3.8's LL(1) parser run as a recognizer: the first error of {@code Parser/parser.c} and its
 * tokenizer, with {@code parsetok.c}'s position and {@code pythonrun.c}'s message, or none when the
 * source parses (any error is then {@code ast.c}'s or a later phase's).
 *
 * <p>The automaton is the target's own: each rule a DFA whose states carry the parser's accelerator (for
 * every label that can come next, shift to a state or push a rule), read from {@code ll1-X.Y.txt},
 * dumped from the real interpreter by {@code scripts/ll1/dump_pgen_tables.py}. The parser shifts a token
 * if the state on top of its stack has an action for it, pops a finished rule (an accepting state)
 * otherwise, and fails at a state that neither shifts nor accepts. Run only after {@link Parser311}
 * failed (or kept an {@code ast.c} error, or met nesting deep enough to overflow the LL(1) parser's
 * stack), so a file that parses costs nothing but one pass over its tokens.
 */
final class Ll1Recognizer {
    /** Encoded accelerator entries: a push when this bit is set. */
    private static final int PUSH = 1 << 7;
    private static final int NT_OFFSET = 256;
    /**
     * The parser's stack size ({@code MAXSTACK}) in 3.6 and 3.7; 3.8 has {@link #MAXSTACK_38}. Deeper
     * nesting is a MemoryError ("s_push: parser stack overflow").
     */
    private static final int MAXSTACK = 1500;
    private static final int MAXSTACK_38 = 1700;

    /** One version's tables. */
    private record Tables(Map<TokenKind, Integer> terminals, Map<String, Integer> keywords, String[] labelNames,
            Rule[] rules, int start, int evalStart) {
    }

    private record Rule(String name, State[] states) {
    }

    private record State(boolean accept, int narcs, int lower, int[] accel) {
    }

    private static final Map<PythonVersion, Tables> TABLES = new EnumMap<>(PythonVersion.class);

    private Ll1Recognizer() {
    }

    private static synchronized Tables tables(PythonVersion target) {
        return TABLES.computeIfAbsent(target, Ll1Recognizer::load);
    }

    private static Tables load(PythonVersion v) {
        String name = "ll1-" + v.dotted() + ".txt";
        try (InputStream in = Ll1Recognizer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<TokenKind, Integer> terminals = new HashMap<>();
            Map<String, Integer> keywords = new HashMap<>();
            String[] labelNames = null;
            List<Rule> rules = new ArrayList<>();
            int start = -1;
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isEmpty()) {
                    continue;
                }
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "labels" -> {
                        int n = Integer.parseInt(f[1]);
                        labelNames = new String[n];
                        for (int i = 0; i < n; i++) {
                            String[] l = r.readLine().split(" ");
                            labelNames[i] = l[2];
                            if (l[1].equals("K")) {
                                keywords.putIfAbsent(l[2], i);
                            } else if (l[1].equals("T") && !l[2].equals("EMPTY") && !l[2].equals("TYPE_COMMENT")) {
                                // (TYPE_COMMENT tokens come only with ast.parse(type_comments=True))
                                terminals.putIfAbsent(TokenKind.valueOf(l[2]), i);
                            }
                        }
                    }
                    case "rule" -> {
                        int n = Integer.parseInt(f[3]);
                        State[] states = new State[n];
                        for (int i = 0; i < n; i++) {
                            String[] s = r.readLine().trim().split(" ");
                            int[] accel = new int[s.length - 4];
                            for (int k = 0; k < accel.length; k++) {
                                accel[k] = Integer.parseInt(s[4 + k]);
                            }
                            states[i] = new State(s[1].equals("1"), Integer.parseInt(s[2]), Integer.parseInt(s[3]), accel);
                        }
                        if (Integer.parseInt(f[2]) != NT_OFFSET + rules.size()) {
                            throw new IllegalStateException("rules out of order in " + name);
                        }
                        rules.add(new Rule(f[1], states));
                    }
                    case "start" -> { } // the grammar's first rule; exec mode starts at file_input

                    default -> throw new IllegalStateException("bad line in " + name + ": " + line);
                }
            }
            int evalStart = -1;
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i).name().equals("file_input")) {
                    start = NT_OFFSET + i;
                } else if (rules.get(i).name().equals("eval_input")) {
                    evalStart = NT_OFFSET + i;
                }
            }
            return new Tables(terminals, keywords, labelNames, rules.toArray(new Rule[0]), start, evalStart);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * For a source ({@code text} decoded from {@code source}) our parser failed on (or kept an
     * {@code ast.c} error for): raises the error of the
     * target's LL(1) parser and tokenizer ({@link Ll1Recognizer}) if they reject the source, which CPython
     * meets before any {@code ast.c} check; returns if they accept it.
     *
     * @throws UnsupportedFeatureException where the recognizer does not reproduce the parser
     */
    static void raiseIfRejected(byte[] source, String text, boolean declared, PythonVersion target, String filename)
            throws PythonError, UnsupportedFeatureException {
        int len = source.length;
        if (len >= 2 && source[len - 2] == '\r' && source[len - 1] == '\n') {
            // CPython's newline translation of a source given as a string (compile(), py_compile) adds a
            // second '\n' after a final "\r\n": an error at the end of input is on one more line
            text = text + "\n";
        }
        PythonError e;
        try {
            e = firstError(text, declared, target, filename);
        } catch (NotReproduced n) {
            throw new UnsupportedFeatureException(target, n.getMessage(), -1);
        }
        if (e != null) {
            throw legacyStatement(e);
        }
    }

    /**
     * SyntaxError's constructor (not its subclasses') in 3.6-3.8: on a line without '(' holding a
     * print or exec statement (at its start, or after its first ':'), the message names the call.
     */
    static PythonError legacyStatement(PythonError e) {
        if (!e.typeName().equals("SyntaxError") || e.text() == null || e.text().indexOf('(') >= 0) {
            return e;
        }
        String msg = Parser311.legacyStatementMessage(e.text(), 0);
        int colon = e.text().indexOf(':');
        if (msg == null && colon >= 0) {
            msg = Parser311.legacyStatementMessage(e.text(), colon + 1);
        }
        return msg == null ? e : new PythonError("SyntaxError", msg, e.filename(), e.lineno(), e.offset(), e.text(),
                e.endLineno(), e.endOffset());
    }

    /**
     * Whether the LL(1) parser's stack could overflow ({@link #MAXSTACK}, a MemoryError in CPython) on
     * these tokens, which our parser accepts: a cheap over-estimate of the stack's depth, so that only
     * deeply nested sources are run through the recognizer. Open brackets weigh the most rules a bracket
     * can leave open (from an argument or element down to the next atom), blocks those of a compound
     * statement, and each token of a statement that may nest a rule in its expression (unary operators,
     * not, lambda, power, conditional expressions, comprehension clauses) a few more.
     */
    static boolean mayOverflow(Token[] tokens, int count) {
        int brackets = 0;
        int blocks = 0;
        int chain = 0;
        for (int i = 0; i < count; i++) {
            Token t = tokens[i];
            switch (t.kind()) {
                case LPAR, LSQB, LBRACE -> brackets++;
                case RPAR, RSQB, RBRACE -> brackets = Math.max(0, brackets - 1);
                case INDENT -> blocks++;
                case DEDENT -> blocks = Math.max(0, blocks - 1);
                case NEWLINE -> chain = 0;
                case MINUS, PLUS, TILDE, DOUBLESTAR, COLON -> chain++;
                case NAME -> {
                    switch (t.text()) {
                        case "not", "lambda", "if", "else", "for", "await" -> chain++;
                        default -> { }
                    }
                }
                default -> { }
            }
            if (STACK_SLACK + 25 * brackets + 8 * blocks + 4 * chain >= MAXSTACK) {
                return true;
            }
        }
        return false;
    }

    /** Rules a statement can open on its way to its first atom, and more. */
    private static final int STACK_SLACK = 40;

    /** Where the recognizer met a construct it does not reproduce: the caller keeps its refusal. */
    static final class NotReproduced extends Exception {
        private static final long serialVersionUID = 1L;

        NotReproduced(String what) {
            super(what, null, false, false);
        }
    }

    /**
     * The error the target's LL(1) parser (with its tokenizer) raises for {@code text}, or null if it
     * parses the whole file.
     *
     * @throws NotReproduced where the parser's behaviour depends on what is not reproduced here
     */
    static PythonError firstError(String text, boolean declaredEncoding, PythonVersion target, String filename)
            throws NotReproduced {
        return firstError(text, declaredEncoding, target, filename, false);
    }

    /**
     * As above, from the grammar's {@code eval_input} (an expression list, as {@code eval} and the
     * fields of f-strings are parsed) if {@code expression}, else from {@code file_input}.
     */
    static PythonError firstError(String text, boolean declaredEncoding, PythonVersion target, String filename,
            boolean expression) throws NotReproduced {
        Tables t = tables(target);
        Tokenizer tk = new Tokenizer(text, target, filename, declaredEncoding);
        int maxStack = target.atLeast(PythonVersion.V3_8) ? MAXSTACK_38 : MAXSTACK;
        int[] ruleStack = new int[maxStack];
        int[] stateStack = new int[maxStack];
        int top = 0;
        ruleStack[0] = expression ? t.evalStart : t.start;
        stateStack[0] = 0;
        boolean started = false;
        boolean eofNewline = false;
        int previousEnd = -1; // where the last token with a position ended
        while (true) {
            Token tok;
            try {
                tok = tk.next();
            } catch (PythonError e) {
                return e;
            }
            TokenKind kind = tok.kind();
            boolean substituted = false;
            if (kind == TokenKind.ENDMARKER && started && !eofNewline) {
                // parsetok feeds one NEWLINE in place of the first ENDMARKER after any token
                kind = TokenKind.NEWLINE;
                substituted = true;
                eofNewline = true;
            }
            started = true;
            int label = classify(t, kind, tok, target);
            if (label == -2) {
                if (text.contains("barry_as_FLUFL")) {
                    throw new NotReproduced("'<>' with barry_as_FLUFL");
                }
                // parsetok rejects this spelling before the parser sees it (and before it takes the
                // token's column): "invalid syntax" where the tokenizer stopped
                return new PythonError("SyntaxError", "invalid syntax", filename, tk.currentLine(), tk.pgenOffset(),
                        tk.pgenText(), -1, -1);
            }
            int expected = -1;
            boolean error = label < 0;
            boolean done = false;
            while (!error) {
                Rule rule = t.rules[ruleStack[top] - NT_OFFSET];
                State s = rule.states[stateStack[top]];
                int x = label >= s.lower && label < s.lower + s.accel.length ? s.accel[label - s.lower] : -1;
                if (x != -1) {
                    if ((x & PUSH) != 0) {
                        stateStack[top] = x & (PUSH - 1);
                        if (++top == ruleStack.length) {
                            throw new NotReproduced("nesting deeper than the LL(1) parser's stack (a MemoryError)");
                        }
                        ruleStack[top] = (x >> 8) + NT_OFFSET;
                        stateStack[top] = 0;
                        continue;
                    }
                    stateStack[top] = x;
                    // a rule whose state has no way on is finished at once
                    while (true) {
                        State now = t.rules[ruleStack[top] - NT_OFFSET].states[stateStack[top]];
                        if (!(now.accept && now.narcs == 1)) {
                            break;
                        }
                        if (--top < 0) {
                            done = true;
                            break;
                        }
                    }
                    break;
                }
                if (s.accept) {
                    if (--top < 0) {
                        error = true;
                    }
                    continue;
                }
                if (s.accel.length == 1) {
                    expected = s.lower;
                } else {
                    expected = indentAfterTypeComment(t, s);
                }
                error = true;
            }
            if (done) {
                return null;
            }
            if (!error && tok.startCol() >= 0 && tok.kind() != TokenKind.NEWLINE) {
                previousEnd = tok.endIndex();
            }
            if (error) {
                // a source without a final newline (eval_input's): the tokenizer looked past a last
                // name, number or operator for more of it and met the end (E_EOF)
                boolean pastEnd = expression && tok.kind() != TokenKind.STRING && tok.startCol() >= 0
                        && tok.endIndex() == text.length();
                return syntaxError(t, tk, tok, kind, substituted, previousEnd, expected, target, filename, pastEnd);
            }
        }
    }

    /**
     * The parser's label for a token: a NAME spelled as a keyword is that keyword only; -1 for a token
     * no rule has (a generic operator), -2 for the "&lt;&gt;" spelling of {@code !=} (refused by the
     * parser unless barry_as_FLUFL is imported).
     */
    private static int classify(Tables t, TokenKind kind, Token tok, PythonVersion target) {
        if (kind == TokenKind.NAME) {
            Integer k = t.keywords.get(tok.text());
            if (k != null) {
                return k;
            }
            if (target.atLeast(PythonVersion.V3_7)) {
                // 3.7 and 3.8's tokenizers give async and await their own token types everywhere
                if (tok.text().equals("async")) {
                    kind = TokenKind.ASYNC;
                } else if (tok.text().equals("await")) {
                    kind = TokenKind.AWAIT;
                }
            }
        }
        if (kind == TokenKind.NOTEQUAL && !tok.text().equals("!=")) {
            return -2;
        }
        Integer l = t.terminals.get(kind);
        return l == null ? -1 : l;
    }

    /**
     * 3.8's function body after its NEWLINE may also start with a TYPE_COMMENT, which a parse without type
     * comments never sees: CPython still says "expected an indented block" there (checked against 3.8.18),
     * so a state whose only terminals are TYPE_COMMENT and INDENT expects INDENT; any other state with
     * several ways on expects nothing in particular (-1).
     */
    private static int indentAfterTypeComment(Tables t, State s) {
        int indent = -1;
        for (int i = 0; i < s.accel.length; i++) {
            if (s.accel[i] == -1) {
                continue;
            }
            String name = t.labelNames[s.lower + i];
            if (name.equals("INDENT")) {
                indent = s.lower + i;
            } else if (!name.equals("TYPE_COMMENT")) {
                return -1;
            }
        }
        return indent;
    }

    /** parsetok's position and pythonrun's message for the parser's E_SYNTAX at {@code tok}. */
    private static PythonError syntaxError(Tables t, Tokenizer tk, Token tok, TokenKind kind, boolean substituted,
            int previousEnd, int expected, PythonVersion target, String filename, boolean pastEnd) {
        String type = "IndentationError";
        String msg;
        // the tokenizer has met the end of input: E_EOF whatever the parser said
        boolean eof = pastEnd || tok.kind() == TokenKind.ENDMARKER
                || (kind == TokenKind.DEDENT && tok.startIndex() >= tk.text().length());
        if (eof) {
            type = "SyntaxError";
            msg = "unexpected EOF while parsing";
        } else if (expected >= 0 && t.labelNames[expected].equals("INDENT")) {
            msg = "expected an indented block";
        } else if (kind == TokenKind.INDENT) {
            msg = "unexpected indent";
        } else if (kind == TokenKind.DEDENT) {
            msg = "unexpected unindent";
        } else {
            type = "SyntaxError";
            msg = "invalid syntax";
        }
        int line = tk.currentLine();
        int offset;
        // 3.8 locates a token on the line it starts on if it is a string, else on the current line
        boolean positioned = tok.startCol() >= 0 && !substituted
                && (tok.startLine() == line || tok.kind() == TokenKind.STRING);
        if (target.atLeast(PythonVersion.V3_8) && positioned) {
            // 3.8: one past the failing token's start, counted in characters from its line's start; a
            // NEWLINE starts where the tokenizer stopped skipping blanks (at a comment if there is one)
            int start = tok.startIndex();
            if (kind == TokenKind.NEWLINE && previousEnd >= 0) {
                String src = tk.text();
                int i = previousEnd;
                while (i < start && (src.charAt(i) == ' ' || src.charAt(i) == '\t' || src.charAt(i) == '\f')) {
                    i++;
                }
                if (i < start && src.charAt(i) == '#') {
                    start = i;
                }
            }
            // parsetok's byte offset, which pythonrun turns into characters by decoding that many bytes
            // of the error's text: the tokenizer's buffer, which starts on an earlier line after a
            // backslash continuation
            String src = tk.text();
            int lineStart = src.lastIndexOf('\n', start - 1) + 1;
            offset = decodedLength(tk.pgenText(), utf8Length(src, lineStart, start) + 1);
        } else {
            // 3.6, 3.7, and 3.8 for a token without a position on this line: where the tokenizer stopped
            offset = tk.pgenOffset();
        }
        return new PythonError(type, msg, filename, line, offset, tk.pgenText(), -1, -1);
    }

    /** UTF-8 bytes of {@code s} from {@code from} to {@code to}. */
    private static int utf8Length(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (c >= 0xDC80 && c <= 0xDCFF) {
                n++; // an undecodable source byte, kept escaped
            } else {
                n += 3;
            }
        }
        return n;
    }

    /**
     * The characters of the first {@code bytes} UTF-8 bytes of {@code text} (a character cut by the limit
     * counts one, as a decoder replacing the cut sequence gives one U+FFFD).
     */
    private static int decodedLength(String text, int bytes) {
        int n = 0;
        int b = 0;
        for (int i = 0; i < text.length() && b < bytes; i++) {
            int end = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() ? i + 2 : i + 1;
            b += utf8Length(text, i, end);
            i = end - 1;
            n++;
        }
        return n;
    }
}
