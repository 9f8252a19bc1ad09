package io.github.pycompile.tokenizer;

import io.github.pycompile.PythonError;
import io.github.pycompile.target.PythonVersion;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * CPython's C tokenizer ({@code Parser/tokenizer.c}, {@code Parser/lexer/} in 3.13+) for one target
 * version, pulled one token at a time by the parser, as CPython's PEG parser fills its token array
 * lazily: a tokenizer error is raised by the {@link #next()} call that would have produced the
 * offending token, so errors the parser finds earlier in the file win, as in CPython.
 *
 * <p>Input: the decoded source ({@code SourceDecoder.decode(...).text()}): newlines already
 * translated to {@code \n}. For 3.x targets a Unicode string; for 2.x targets a byte string (one
 * char 0-255 per byte) exactly as 2.x's tokenizer sees it, so columns count chars there.
 *
 * <p>What it produces: see {@link Token} (positions) and {@link TokenKind} (kinds per version).
 * Comments, blank lines and backslash continuations produce no tokens. Before ENDMARKER: a NEWLINE
 * if the last logical line lacks one, then one DEDENT per open indentation level.
 *
 * <p>Errors: {@link #next()} throws {@link PythonError} (SyntaxError, IndentationError, TabError)
 * with the target's message, lineno, offset (1-based, characters as CPython reports it), text
 * (the offending line) and, for 3.10+, end positions. The tokenizer raises the errors CPython's
 * tokenizer reports itself (bad characters, numbers, unterminated strings, brackets, indentation,
 * EOF inside brackets or a multi-line string); errors of the grammar ("unexpected indent",
 * "expected an indented block", "invalid syntax") are the parser's. After an error the tokenizer
 * must not be used further, except through {@link #scanRestForErrors()}.
 */
public final class Tokenizer {
    private static final String[] OPS3 = {"**=", "...", "//=", "<<=", ">>="};
    private static final String[] OPS2 = {"!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=", ":=", "<<",
        "<=", "==", ">=", ">>", "@=", "^=", "|="};
    private static final String OPS1 = "()[]{}:,;+-*/|&<>=.%~^@";

    private final String src;
    private final PythonVersion target;
    private int pos;
    private int line = 1;
    private int lineStart;
    private int parenDepth;
    private boolean atLineStart = true;
    private final ArrayDeque<Integer> indents = new ArrayDeque<>();
    private final ArrayDeque<Token> pending = new ArrayDeque<>();
    private boolean done;
    private boolean lastWasNewline = true;

    private final String filename;

    public Tokenizer(String text, PythonVersion target) {
        this(text, target, "<string>");
    }

    public Tokenizer(String text, PythonVersion target, String filename) {
        this.filename = filename;
        this.src = text;
        this.target = target;
        indents.push(0);
    }

    /** The source being tokenized (decoded, {@code \n} newlines): what {@link Token#startIndex()} indexes. */
    public String text() {
        return src;
    }

    /** The target whose tokenizer this reproduces. */
    public PythonVersion target() {
        return target;
    }

    /**
     * The physical line {@code lineno} (1-based) with its {@code \n} if it has one, as CPython puts
     * it in {@code SyntaxError.text}; "" past the end.
     */
    public String lineText(int lineno) {
        int at = 0;
        for (int l = 1; l < lineno; l++) {
            at = src.indexOf('\n', at);
            if (at < 0) {
                return "";
            }
            at++;
        }
        int end = src.indexOf('\n', at);
        return end < 0 ? src.substring(at) : src.substring(at, end + 1);
    }

    /**
     * The character column (0-based) of UTF-8 byte column {@code byteCol} in line {@code lineno}, as
     * CPython's {@code _PyPegen_byte_offset_to_character_offset} converts AST columns for
     * {@code SyntaxError.offset} (add 1 for the offset). 2.x: the same number.
     */
    public int charColumn(int lineno, int byteCol) {
        if (target.isPython2() || byteCol <= 0) {
            return byteCol;
        }
        String l = lineText(lineno);
        int bytes = 0;
        int i = 0;
        while (i < l.length() && bytes < byteCol) {
            int cp = l.codePointAt(i);
            bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            i += Character.charCount(cp);
        }
        return l.codePointCount(0, i);
    }

    /** How many brackets are open now (CPython's {@code tok->level}). */
    public int bracketDepth() {
        return parenDepth;
    }

    /**
     * CPython 3.10+'s {@code _PyPegen_tokenize_full_source_to_check_for_errors}: after the parser failed
     * with a generic syntax error, the rest of the source is tokenized and a SyntaxError the tokenizer
     * raises itself replaces the parser's. Returns that error, or null if the rest tokenizes (or fails
     * only in ways CPython does not let override: EOF inside brackets, indentation errors, which its
     * tokenizer reports by error code, not by exception).
     */
    public PythonError scanRestForErrors() {
        try {
            while (!done) {
                next();
            }
            return null;
        } catch (PythonError e) {
            return e;
        }
    }

    /** All tokens up to and including ENDMARKER. */
    public List<Token> all() throws PythonError {
        List<Token> out = new ArrayList<>();
        Token t;
        do {
            t = next();
            out.add(t);
        } while (t.kind() != TokenKind.ENDMARKER);
        return out;
    }

    public Token next() throws PythonError {
        while (pending.isEmpty()) {
            produce();
        }
        return pending.poll();
    }

    private void produce() throws PythonError {
        if (done) {
            throw new IllegalStateException("read past ENDMARKER");
        }
        if (atLineStart && parenDepth == 0) {
            if (!handleIndentation()) {
                return;
            }
        }
        skipBlanksAndContinuations();
        if (pos >= src.length()) {
            atEnd();
            return;
        }
        char c = src.charAt(pos);
        if (c == '#') {
            while (pos < src.length() && src.charAt(pos) != '\n') {
                pos++;
            }
            return;
        }
        if (c == '\n') {
            if (parenDepth == 0) {
                emit(TokenKind.NEWLINE, pos, pos + 1, "\n");
                lastWasNewline = true;
            }
            pos++;
            newLine();
            return;
        }
        lastWasNewline = false;
        int start = pos;
        if (isIdentStart(c)) {
            while (pos < src.length() && isIdentChar(src.charAt(pos))) {
                pos++;
            }
            if (pos < src.length() && (src.charAt(pos) == '\'' || src.charAt(pos) == '"')
                    && isStringPrefix(src.substring(start, pos))) {
                string(start);
                return;
            }
            String name = src.substring(start, pos);
            if (!isValidIdentifier(name)) {
                throw unsupported("a name with characters Python does not allow in identifiers");
            }
            emit(TokenKind.NAME, start, pos, name);
            return;
        }
        if (c >= '0' && c <= '9' || c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1))) {
            number(start);
            return;
        }
        if (c == '\'' || c == '"') {
            string(start);
            return;
        }
        for (String op : OPS3) {
            if (src.startsWith(op, pos)) {
                pos += 3;
                emit(TokenKind.OP, start, pos, op);
                return;
            }
        }
        for (String op : OPS2) {
            if (src.startsWith(op, pos)) {
                pos += 2;
                emit(TokenKind.OP, start, pos, op);
                return;
            }
        }
        if (OPS1.indexOf(c) >= 0) {
            pos++;
            if (c == '(' || c == '[' || c == '{') {
                parenDepth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (parenDepth == 0) {
                    throw unsupported("an unmatched '" + c + "'");
                }
                parenDepth--;
            }
            emit(TokenKind.OP, start, pos, String.valueOf(c));
            return;
        }
        throw unsupported("the character " + String.format("U+%04X", (int) c) + " here");
    }

    /** Measures the indentation of a new logical line; false when the line is blank or a comment. */
    private boolean handleIndentation() throws PythonError {
        int col = 0;
        int altcol = 0;
        int p = pos;
        while (p < src.length()) {
            char c = src.charAt(p);
            if (c == ' ') {
                col++;
                altcol++;
            } else if (c == '\t') {
                col = (col / 8 + 1) * 8;
                altcol++;
            } else if (c == '\f') {
                col = 0;
                altcol = 0;
            } else {
                break;
            }
            p++;
        }
        if (p >= src.length() || src.charAt(p) == '#' || src.charAt(p) == '\n'
                || src.charAt(p) == '\\' && p + 1 < src.length() && src.charAt(p + 1) == '\n') {
            // blank or comment-only line: no indentation change, no NEWLINE
            pos = p;
            if (pos < src.length() && src.charAt(pos) == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            }
            if (pos < src.length() && src.charAt(pos) == '\n') {
                pos++;
                newLine();
                return false;
            }
            if (pos < src.length() && src.charAt(pos) == '\\') {
                pos = p;
                atLineStart = false;
                return true;
            }
            atLineStart = false;
            return true;
        }
        pos = p;
        atLineStart = false;
        int current = indents.peek();
        if (col > current) {
            indents.push(col);
            emit(TokenKind.INDENT, lineStart, pos, src.substring(lineStart, pos));
        } else {
            while (col < indents.peek()) {
                indents.pop();
                emit(TokenKind.DEDENT, pos, pos, "");
            }
            if (col != indents.peek()) {
                throw unsupported("inconsistent dedent");
            }
        }
        return true;
    }

    private void skipBlanksAndContinuations() throws PythonError {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\f') {
                pos++;
            } else if (c == '\\') {
                if (pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
                    pos += 2;
                    newLineKeepStart();
                } else {
                    throw unsupported("a backslash not followed by a newline");
                }
            } else {
                return;
            }
        }
    }

    private void atEnd() throws PythonError {
        if (parenDepth > 0) {
            throw unsupported("end of file inside brackets");
        }
        if (!lastWasNewline) {
            emit(TokenKind.NEWLINE, pos, pos, "");
            lastWasNewline = true;
        }
        while (indents.peek() > 0) {
            indents.pop();
            Token t = new Token(TokenKind.DEDENT, "", line, -1, line, -1, pos, pos);
            pending.add(t);
        }
        pending.add(new Token(TokenKind.ENDMARKER, "", line, -1, line, -1, pos, pos));
        done = true;
    }

    private void number(int start) throws PythonError {
        char c = src.charAt(pos);
        if (c == '0' && pos + 1 < src.length() && "xXoObB".indexOf(src.charAt(pos + 1)) >= 0) {
            pos += 2;
            while (pos < src.length() && (Character.digit(src.charAt(pos), 16) >= 0 || src.charAt(pos) == '_')) {
                pos++;
            }
        } else {
            digits();
            if (pos < src.length() && src.charAt(pos) == '.') {
                pos++;
                digits();
            }
            if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
                int save = pos;
                pos++;
                if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                    pos++;
                }
                if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                    digits();
                } else {
                    pos = save;
                }
            }
            if (pos < src.length() && (src.charAt(pos) == 'j' || src.charAt(pos) == 'J')) {
                pos++;
            }
        }
        if (pos < src.length() && isIdentChar(src.charAt(pos))) {
            throw unsupported("a number followed by a name character");
        }
        emit(TokenKind.NUMBER, start, pos, src.substring(start, pos));
    }

    private void digits() {
        while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
    }

    private void string(int start) throws PythonError {
        int startLine = line;
        int startLineStart = lineStart;
        char q = src.charAt(pos);
        boolean triple = src.startsWith(String.valueOf(q).repeat(3), pos);
        pos += triple ? 3 : 1;
        while (true) {
            if (pos >= src.length()) {
                throw unsupported("an unterminated string");
            }
            char c = src.charAt(pos);
            if (c == '\\') {
                pos += 2;
                if (pos - 1 < src.length() && src.charAt(pos - 1) == '\n') {
                    newLineKeepStart();
                }
                continue;
            }
            if (c == '\n') {
                if (!triple) {
                    throw unsupported("an unterminated string");
                }
                pos++;
                newLineKeepStart();
                continue;
            }
            if (c == q && (!triple || src.startsWith(String.valueOf(q).repeat(3), pos))) {
                pos += triple ? 3 : 1;
                break;
            }
            pos++;
        }
        String text = src.substring(start, pos);
        pending.add(new Token(TokenKind.STRING, text, startLine, byteCol(startLineStart, start), line,
                byteCol(lineStart, pos), start, pos));
    }

    private void emit(TokenKind kind, int start, int end, String text) {
        if (kind == TokenKind.OP) {
            kind = exact(text);
        }
        if (kind == TokenKind.INDENT || kind == TokenKind.DEDENT) {
            pending.add(new Token(kind, "", line, -1, line, -1, end, end));
            return;
        }
        if (kind == TokenKind.NEWLINE) {
            int c = byteCol(lineStart, start);
            pending.add(new Token(kind, "", line, c, line, c, start, start));
            return;
        }
        pending.add(new Token(kind, text, line, byteCol(lineStart, start), line, byteCol(lineStart, end), start, end));
    }

    private int colFrom = -1;
    private int colAt;
    private int colBytes;

    /**
     * UTF-8 byte offset of {@code at} from {@code from}. Tokens come in order, so the count carries on
     * from the previous call on the same line instead of rescanning it (long lines stay linear).
     */
    private int byteCol(int from, int at) {
        int n = 0;
        int i = from;
        if (from == colFrom && at >= colAt) {
            n = colBytes;
            i = colAt;
        }
        colFrom = from;
        colAt = at;
        colBytes = countBytes(i, at, n);
        return colBytes;
    }

    private int countBytes(int from, int at, int start) {
        int n = start;
        for (int i = from; i < at; i++) {
            char c = src.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private void newLine() {
        line++;
        lineStart = pos;
        atLineStart = parenDepth == 0; // inside brackets a new line is only a continuation
    }

    private void newLineKeepStart() {
        line++;
        lineStart = pos;
    }

    /**
     * PEP 3131: after NFKC normalisation the first character must be a letter-like start character or
     * '_', the others letters, digits, marks or connectors (the JDK's Unicode identifier classes stand
     * in for XID_Start / XID_Continue).
     */
    private static boolean isValidIdentifier(String name) {
        boolean ascii = true;
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return true;
        }
        String n = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC);
        int first = n.codePointAt(0);
        if (first != '_' && !Character.isUnicodeIdentifierStart(first)) {
            return false;
        }
        for (int i = Character.charCount(first); i < n.length(); ) {
            int cp = n.codePointAt(i);
            if (!Character.isUnicodeIdentifierPart(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static TokenKind exact(String op) {
        for (TokenKind k : TokenKind.values()) {
            if (op.equals(k.operator())) {
                return k;
            }
        }
        return TokenKind.OP;
    }

    private static boolean isStringPrefix(String p) {
        String l = p.toLowerCase(java.util.Locale.ROOT);
        return switch (l) {
            case "r", "u", "b", "br", "rb", "f", "fr", "rf" -> true;
            default -> false;
        };
    }

    private static boolean isIdentStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80;
    }

    private static boolean isIdentChar(char c) {
        return isIdentStart(c) || c >= '0' && c <= '9';
    }

    private PythonError unsupported(String what) {
        return new PythonError("SyntaxError", "invalid syntax (" + what + ")", filename, line, -1, null, -1, -1);
    }
}
