package io.github.pycompile.tokenizer;

import io.github.pycompile.PythonError;
import io.github.pycompile.target.PythonVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * CPython's C tokenizer ({@code Parser/tokenizer.c}, {@code Parser/lexer/} in 3.13+) for one target
 * version, pulled one token at a time by the parser, as CPython's PEG parser fills its token array
 * lazily: a tokenizer error is raised by the {@link #next()} call that would have produced the
 * offending token, so errors the parser finds earlier in the file win, as in CPython.
 *
 * <p>Input: the decoded source ({@code SourceDecoder.decode(...).text()}): newlines already translated
 * to {@code \n}. For 3.x targets a Unicode string in which an undecodable source byte {@code b} appears
 * as the lone surrogate {@code U+DC00+b} (Python's "surrogateescape"; CPython 3.6–3.13 only complain
 * about such bytes in identifiers and literals, 3.14 on reading the line). For 2.x targets a byte string
 * (one char 0–255 per byte) exactly as 2.x's tokenizer sees it, so columns count chars there. Like
 * CPython's string tokenizer, a final {@code \n} is added when the source lacks one ({@link #text()}
 * includes it).
 *
 * <p>What it produces: see {@link Token} (positions) and {@link TokenKind} (kinds per version).
 * Comments, blank lines and backslash continuations produce no tokens. The DEDENTs closing open blocks
 * come before ENDMARKER.
 *
 * <p>Errors: {@link #next()} throws {@link PythonError} (SyntaxError, IndentationError, TabError) with
 * the target's message, lineno, offset (1-based, as CPython reports it), text and, for 3.10+, end
 * positions. The tokenizer raises what CPython's tokenizer reports, in the form the target's compile()
 * shows: its own errors (bad characters, numbers, unterminated strings, brackets, indentation, EOF
 * after a backslash or, for 3.10+, inside brackets), and those CPython's parser builds from the
 * tokenizer's error code. Grammar errors ("invalid syntax", "unexpected indent", "expected an indented
 * block", "unexpected EOF while parsing" at ENDMARKER before 3.10) are the parser's: it can build them
 * with {@link #lineText}, {@link #charColumn}, {@link #pgenOffset()} and {@link #pgenText()}. After an
 * error {@link #next()} rethrows it; {@link #scanRestForErrors()} is for 3.10+'s full-source check.
 *
 * <p>Warnings CPython's tokenizer emits (3.10+ "invalid decimal literal" before a keyword, ...) are
 * collected in {@link #warnings()}.
 */
public final class Tokenizer {
    private static final int EOF = -1;
    private static final int TABSIZE = 8;
    private static final int MAXINDENT = 100;
    private static final int MAXLEVEL = 200;
    /** 3.12+: nesting limit of f-strings ({@code MAXFSTRINGLEVEL}) and of replacement fields. */
    private static final int MAXFSTRINGLEVEL = 150;
    private static final int MAX_EXPR_NESTING = 3;

    /** One warning of the tokenizer: category ({@code SyntaxWarning}, ...), message, line. */
    public record Warning(String category, String message, int lineno) {}

    /** Error codes of CPython's tokenizer ({@code tok->done}) that its parser turns into exceptions. */
    enum Code {
        EOF, EOLS, EOFS, TOKEN, DEDENT, TABSPACE, TOODEEP, LINECONT, IDENTIFIER
    }

    private final String src;
    /** {@link #src}'s characters, read directly on the hot paths. */
    private final char[] chars;
    private final int end;
    private final PythonVersion target;
    private final String filename;
    private final boolean py2;
    private final boolean sourceEndsWithNewline;
    /** Whether {@link #fastToken} may serve (3.7+: no 2.x prefixes and columns, no 3.6 async/await rules). */
    private final boolean fastPath;

    // reading state, as CPython's tok->cur, lineno, line_start, buf, start
    private int cur;
    private int lineno;
    private int lineStart;
    private int nextLineStart;
    private int bufStart;
    private int tokStart = -1;
    private int tokLine;
    private int tokLineStart;

    // indentation
    private boolean atBol = true;
    private int pendin;
    // (the stacks start small and grow to their limits: an f-string's field gets a tokenizer of its own)
    private int[] indStack = new int[16];
    private int[] altIndStack = new int[16];
    private int indent;
    private boolean contLine;

    // brackets
    private char[] parenStack = new char[16];
    private int[] parenLine = new int[16];
    private int[] parenIndex = new int[16];
    private int[] parenLineStart = new int[16];
    private int level;

    // 3.6: ASYNC/AWAIT inside 'async def'
    private boolean asyncDef;
    private boolean asyncDefNl;
    private int asyncDefIndent;

    // 3.12+: f-string modes; modes[0] is the regular mode
    private final List<FStringMode> modes = new ArrayList<>();
    /** {@code modes.get(0)}. */
    private final FStringMode regular = new FStringMode();

    private boolean finished;
    private Token endmarker;
    private PythonError failed;
    private boolean failedByCode;
    private final List<Warning> warnings = new ArrayList<>();
    /** Where warnings go as they are emitted (CPython's tokenizer warns as it reads), if set. */
    private Consumer<Warning> warningSink;

    /** Each operator kind's fixed text as characters, by ordinal (null for the other kinds). */
    private static final char[][] OPERATOR_CHARS = operatorChars();

    private static char[][] operatorChars() {
        TokenKind[] kinds = TokenKind.values();
        char[][] out = new char[kinds.length][];
        for (TokenKind k : kinds) {
            out[k.ordinal()] = k.operator() == null ? null : k.operator().toCharArray();
        }
        return out;
    }

    /** Whether {@code chars[at, at + op.length)} are the characters {@code op}. */
    private boolean sameChars(char[] op, int at) {
        char[] cs = chars;
        for (int k = 0; k < op.length; k++) {
            if (cs[at + k] != op[k]) {
                return false;
            }
        }
        return true;
    }

    /** Each distinct name of the source as one string. */
    private final NameTable names;

    /**
     * ASCII run for byte columns: no character in {@code [asciiFrom, nonAscii)} is beyond ASCII
     * ({@code nonAscii} is the first such character at or after {@code asciiFrom}, or the end), so a
     * column within it is a count of characters.
     */
    private int asciiFrom;
    private int nonAscii = -1;

    // byte-column cache (tokens come in order, so long lines stay linear)
    private int colFrom = -1;
    private int colAt;
    private int colBytes;

    public Tokenizer(String text, PythonVersion target) {
        this(text, target, "<string>");
    }

    public Tokenizer(String text, PythonVersion target, String filename) {
        this(text, target, filename, false);
    }

    /**
     * @param declaredEncoding a BOM or coding cookie named the source's encoding: 3.9–3.12 then give
     *     the parser's error offsets in characters, otherwise in UTF-8 bytes (3.13+: always characters)
     */
    public Tokenizer(String text, PythonVersion target, String filename, boolean declaredEncoding) {
        this(text, target, filename, declaredEncoding, false);
    }

    /**
     * As {@link #Tokenizer(String, PythonVersion, String, boolean)}; {@code ascii}: the caller knows the
     * text holds no character beyond ASCII (its decoder saw only ASCII bytes), so that columns need no
     * look for one.
     */
    public Tokenizer(String text, PythonVersion target, String filename, boolean declaredEncoding, boolean ascii) {
        this.declaredEncoding = declaredEncoding;
        this.sourceEndsWithNewline = text.endsWith("\n");
        this.src = sourceEndsWithNewline ? text : text + "\n";
        this.end = src.length();
        this.chars = src.toCharArray();
        this.names = new NameTable(chars);
        this.target = target;
        this.filename = filename;
        this.py2 = target.isPython2();
        this.fastPath = !py2 && target != PythonVersion.V3_6;
        if (ascii) {
            nonAscii = end; // the whole text is one ASCII run
        }
        modes.add(regular);
    }

    private final boolean declaredEncoding;

    /** Whether errors raised through CPython's parser give character offsets (else UTF-8 bytes). */
    private boolean charOffsets() {
        return target.atLeast(PythonVersion.V3_13) || declaredEncoding;
    }

    /** The source being tokenized ({@code \n} newlines, a final one added if missing). */
    public String text() {
        return src;
    }

    /** The target whose tokenizer this reproduces. */
    public PythonVersion target() {
        return target;
    }

    /** Warnings emitted so far (none once {@link #reportWarningsTo} is set). */
    public List<Warning> warnings() {
        return warnings;
    }

    /** Hands each later warning to {@code sink} as it is emitted, interleaved with the parser's own. */
    public void reportWarningsTo(Consumer<Warning> sink) {
        this.warningSink = sink;
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

    /**
     * The next token. After ENDMARKER, returns ENDMARKER again; after an error, throws it again.
     *
     * @throws PythonError the error CPython raises when its parser asks for this token
     */
    public Token next() throws PythonError {
        if (failed != null) {
            throw failed;
        }
        if (finished) {
            return endmarker;
        }
        try {
            Token t = get();
            if (t.kind() == TokenKind.ENDMARKER) {
                finished = true;
                endmarker = t;
            }
            return t;
        } catch (PythonError e) {
            failed = e;
            throw e;
        }
    }

    // ------------------------------------------------------------------ reading

    private int nextc() throws PythonError {
        if (cur >= end) {
            cur = end;
            return EOF;
        }
        if (cur == nextLineStart) {
            enterLine();
        }
        return chars[cur++];
    }

    private void enterLine() throws PythonError {
        lineno++;
        lineStart = cur;
        int nl = src.indexOf('\n', cur);
        nextLineStart = nl < 0 ? end : nl + 1;
        if (tokStart < 0) {
            bufStart = cur;
        }
        if (target.atLeast(PythonVersion.V3_14)) {
            for (int i = cur; i < nextLineStart; i++) {
                char c = src.charAt(i);
                if (Identifiers.isEscapedByte(c) && !(i > 0 && Character.isHighSurrogate(src.charAt(i - 1)))) {
                    // 3.14 checks each line read without a declared encoding for UTF-8 (an escaped byte is a
                    // lone surrogate, not the low half of a non-BMP character's pair)
                    cur = i + 1;
                    throw direct(syntaxError(String.format("Non-UTF-8 code starting with '\\x%02x' on line %d,"
                            + " but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                            c - 0xDC00, lineno)));
                }
            }
        }
    }

    private void backup(int c) {
        if (c != EOF) {
            cur--;
        }
    }

    private int peek() throws PythonError {
        int c = nextc();
        backup(c);
        return c;
    }

    /** tok->inp: the end of what has been read (the end of the current line). */
    private int inp() {
        return Math.max(cur, Math.min(nextLineStart, end));
    }

    private void setStart(int at) {
        tokStart = at;
        tokLine = lineno;
        tokLineStart = lineStart;
    }

    // ------------------------------------------------------------------ tokens

    private Token make(TokenKind kind, int start, int stop) {
        return make(kind, start, stop, tokLine, tokLineStart);
    }

    private Token make(TokenKind kind, int start, int stop, int startLine, int startLineStart) {
        int sc = byteCol(startLineStart, start);
        int ec = byteCol(lineStart, stop);
        return new Token(kind, text(kind, start, stop), startLine, sc, lineno, ec, start, stop);
    }

    /**
     * The text of a token spanning {@code [start, stop)}: an operator's fixed text and a name seen before
     * in this source are shared strings, so most tokens cost no new string.
     */
    private String text(TokenKind kind, int start, int stop) {
        if (kind == TokenKind.NAME) {
            return names.intern(start, stop);
        }
        char[] op = OPERATOR_CHARS[kind.ordinal()];
        if (op != null && op.length == stop - start && sameChars(op, start)) {
            return kind.operator();
        }
        return src.substring(start, stop);
    }

    /** INDENT, DEDENT, ENDMARKER: no position in CPython (-1 columns), the current line. */
    private Token marker(TokenKind kind) {
        return new Token(kind, "", Math.max(lineno, 1), -1, Math.max(lineno, 1), -1, cur, cur);
    }

    private Token get() throws PythonError {
        List<FStringMode> ms = modes;
        if (ms.size() == 1 && fastPath && !atBol && pendin == 0) {
            Token t = fastToken();
            if (t != null) {
                return t;
            }
        }
        FStringMode mode = ms.size() == 1 ? regular : ms.get(ms.size() - 1);
        if (mode.inFStringMode) {
            return FStrings.fstringModeToken(this, mode);
        }
        return regularToken(mode);
    }

    /**
     * The commonest tokens, read in one go where {@link #regularToken} would read them char by char
     * through its general tests: outside f-strings, inside a line (no line to enter, no indentation), an
     * ASCII name that no quote follows, a bracket that opens or closes (matching), and the one-char
     * operators that start no longer one, and a NEWLINE outside brackets. Anything else (a comment, a
     * string or its prefix, a number, a possible two-char operator, an error) returns null before any state
     * changed, and the general path reads it: the tokens are the same either way.
     */
    private Token fastToken() {
        int i = cur;
        if (i >= nextLineStart) {
            return null; // a line to enter first
        }
        char[] cs = chars;
        char ch = cs[i];
        while (ch == ' ' || ch == '\t' || ch == '\f') {
            ch = cs[++i];
        }
        int start = i;
        TokenKind kind;
        if (ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch == '_') {
            int h = ch;
            long packed = ch;
            char d = cs[++i];
            while (d >= 'a' && d <= 'z' || d >= 'A' && d <= 'Z' || d == '_' || d >= '0' && d <= '9') {
                h = 31 * h + d;
                packed = packed << 7 | d;
                d = cs[++i];
            }
            if (d >= 0x80 || d == '"' || d == '\'') {
                return null; // a non-ASCII name, or a string's prefix
            }
            cur = i;
            tokStart = start;
            tokLine = lineno;
            tokLineStart = lineStart;
            return new Token(TokenKind.NAME, names.internAscii(start, i, h, packed), lineno, byteCol(lineStart, start), lineno,
                    byteCol(lineStart, i), start, i);
        }
        switch (ch) {
            case '(' -> kind = TokenKind.LPAR;
            case '[' -> kind = TokenKind.LSQB;
            case '{' -> kind = TokenKind.LBRACE;
            case ')' -> kind = TokenKind.RPAR;
            case ']' -> kind = TokenKind.RSQB;
            case '}' -> kind = TokenKind.RBRACE;
            case ',' -> kind = TokenKind.COMMA;
            case ';' -> kind = TokenKind.SEMI;
            case '~' -> kind = TokenKind.TILDE;
            case ':' -> kind = cs[i + 1] == '=' ? null : TokenKind.COLON;
            case '=' -> kind = cs[i + 1] == '=' ? null : TokenKind.EQUAL;
            case '.' -> {
                char d = cs[i + 1];
                kind = d == '.' || d >= '0' && d <= '9' ? null : TokenKind.DOT;
            }
            case '\n' -> {
                if (level > 0) {
                    return null; // a newline inside brackets: skipped, and the next line entered
                }
                cur = i + 1;
                tokStart = i;
                tokLine = lineno;
                tokLineStart = lineStart;
                atBol = true;
                contLine = false;
                int col = byteCol(lineStart, i);
                return new Token(TokenKind.NEWLINE, "", lineno, col, lineno, col, i, i);
            }
            default -> kind = null;
        }
        if (kind == null) {
            return null;
        }
        switch (ch) {
            case '(', '[', '{' -> {
                if (level >= MAXLEVEL || level >= parenStack.length) {
                    return null; // the general path's limit and growth
                }
                parenStack[level] = ch;
                parenLine[level] = lineno;
                parenIndex[level] = start;
                parenLineStart[level] = lineStart;
                level++;
            }
            case ')', ']', '}' -> {
                if (level == 0) {
                    return null;
                }
                char opening = parenStack[level - 1];
                if (!(opening == '(' && ch == ')' || opening == '[' && ch == ']' || opening == '{' && ch == '}')) {
                    return null; // a mismatch: the general path's errors
                }
                level--;
            }
            default -> {
                // no state beyond the position
            }
        }
        cur = i + 1;
        tokStart = start;
        tokLine = lineno;
        tokLineStart = lineStart;
        int col = byteCol(lineStart, start);
        return new Token(kind, kind.operator(), lineno, col, lineno, byteCol(lineStart, i + 1), start, i + 1);
    }

    Token regularToken(FStringMode mode) throws PythonError {
        int c;
        boolean blankline;
        nextline:
        while (true) {
            tokStart = -1;
            blankline = false;
            if (atBol) {
                blankline = indentation();
            }
            setStart(cur);
            if (pendin != 0) {
                if (pendin < 0) {
                    pendin++;
                    return marker(TokenKind.DEDENT);
                }
                pendin--;
                return marker(TokenKind.INDENT);
            }
            if (asyncDef && !py2 && target == PythonVersion.V3_6) {
                c = peek();
                if (!blankline && c != '\n' && level == 0 && asyncDefNl && asyncDefIndent >= indent) {
                    asyncDef = false;
                    asyncDefIndent = 0;
                    asyncDefNl = false;
                }
            }
            again:
            while (true) {
                tokStart = -1;
                int i = cur;
                if (i < nextLineStart) {
                    // within the line, whose '\n' stops the blanks: no line is entered on the way
                    char[] cs = chars;
                    char ch = cs[i];
                    while (ch == ' ' || ch == '\t' || ch == '\f') {
                        ch = cs[++i];
                    }
                    cur = i + 1;
                    c = ch;
                } else {
                    do {
                        c = nextc();
                    } while (c == ' ' || c == '\t' || c == '\f');
                }
                setStart(cur - 1);
                if (c == '#') {
                    // a comment runs to the '\n' ending its line (the text always ends with one): jump there
                    cur = Math.max(cur, nextLineStart - 1);
                    c = nextc();
                }
                if (c == EOF) {
                    if (level > 0 && target.atLeast(PythonVersion.V3_10)) {
                        throw unclosedBracket();
                    }
                    setStart(cur);
                    return marker(TokenKind.ENDMARKER);
                }
                if (isIdentifierStart(c)) {
                    return identifierOrString(c, mode);
                }
                if (c == '\n') {
                    atBol = true;
                    if (blankline || level > 0) {
                        continue nextline;
                    }
                    contLine = false;
                    if (asyncDef) {
                        asyncDefNl = true;
                    }
                    int at = cur - 1;
                    return new Token(TokenKind.NEWLINE, "", lineno, byteCol(lineStart, at), lineno, byteCol(lineStart, at),
                            at, at);
                }
                if (c == '.') {
                    c = nextc();
                    if (isDigit(c)) {
                        return Numbers.fraction(this, c);
                    }
                    if (c == '.' && !py2) {
                        int c3 = nextc();
                        if (c3 == '.') {
                            return make(TokenKind.ELLIPSIS, tokStart, cur);
                        }
                        backup(c3);
                        backup('.');
                    } else {
                        backup(c);
                    }
                    return make(TokenKind.DOT, tokStart, cur);
                }
                if (isDigit(c)) {
                    return Numbers.number(this, c);
                }
                if (c == '\'' || c == '"') {
                    return string(c, mode);
                }
                if (c == '\\') {
                    lineContinuation();
                    continue again;
                }
                return operator(c, mode);
            }
        }
    }

    /**
     * The indentation of a new line (CPython's {@code atbol} block): true for a line that does not count
     * (blank, comment-only, or 3.9's line starting with a backslash); throws the indentation errors.
     */
    private boolean indentation() throws PythonError {
        atBol = false;
        int col = 0;
        int altcol = 0;
        int contLineCol = 0;
        int c;
        while (true) {
            c = nextc();
            if (c == ' ') {
                // a run of spaces, read straight from the line (its '\n' ends the run)
                int i = cur;
                char[] cs = chars;
                while (cs[i] == ' ') {
                    i++;
                }
                col += i - cur + 1;
                altcol += i - cur + 1;
                cur = i;
            } else if (c == '\t') {
                col = (col / TABSIZE + 1) * TABSIZE;
                altcol++;
            } else if (c == '\f') {
                col = 0;
                altcol = 0;
            } else if (c == '\\' && target.atLeast(PythonVersion.V3_10)) {
                // 3.10+ (3.10.x and 3.11.x took it from 3.12): a backslash continuation inside the
                // indentation; the column before the first backslash is the indentation
                contLineCol = contLineCol != 0 ? contLineCol : col;
                tokStart = cur - 1;
                c = continuationLine();
                tokStart = -1;
            } else {
                break;
            }
        }
        backup(c);
        boolean blank = c == '#' || c == '\n' || (c == '\\' && target == PythonVersion.V3_9);
        if (target.atLeast(PythonVersion.V3_10) && contLineCol != 0 && !blank) {
            col = contLineCol;
            altcol = contLineCol;
        }
        if (c == EOF && target.atLeast(PythonVersion.V3_12) && !blank) {
            // 3.12+: at the end of the input the indentation is 0 whatever the last line holds
            col = 0;
            altcol = 0;
        }
        if (blank) {
            return true;
        }
        if (level != 0) {
            return false;
        }
        boolean checkAlt = !py2;
        if (col == indStack[indent]) {
            if (checkAlt && altcol != altIndStack[indent]) {
                throw indentError();
            }
        } else if (col > indStack[indent]) {
            if (indent + 1 >= MAXINDENT) {
                cur = inp();
                throw code(Code.TOODEEP);
            }
            if (checkAlt && altcol <= altIndStack[indent]) {
                throw indentError();
            }
            pendin++;
            if (indent + 1 >= indStack.length) {
                indStack = java.util.Arrays.copyOf(indStack, MAXINDENT + 1);
                altIndStack = java.util.Arrays.copyOf(altIndStack, MAXINDENT + 1);
            }
            indStack[++indent] = col;
            altIndStack[indent] = altcol;
        } else {
            while (indent > 0 && col < indStack[indent]) {
                pendin--;
                indent--;
            }
            if (col != indStack[indent]) {
                cur = inp();
                throw code(Code.DEDENT);
            }
            if (checkAlt && altcol != altIndStack[indent]) {
                throw indentError();
            }
        }
        return false;
    }

    private PythonError indentError() {
        cur = inp();
        return code(Code.TABSPACE);
    }

    /** After a backslash: CPython's line continuation, or its errors. */
    private void lineContinuation() throws PythonError {
        int c = nextc();
        if (c != '\n') {
            if (!target.atLeast(PythonVersion.V3_9)) {
                cur = inp();
            }
            throw code(Code.LINECONT);
        }
        if (target.atLeast(PythonVersion.V3_8)) {
            c = nextc();
            if (c == EOF) {
                cur = inp();
                if (level > 0 && target.atLeast(PythonVersion.V3_10)) {
                    throw unclosedBracket(); // 3.10+: pegen's E_EOF inside brackets
                }
                throw code(Code.EOF);
            }
            backup(c);
        }
        contLine = true;
    }

    /** 3.12+'s {@code tok_continuation_line} inside indentation. */
    private int continuationLine() throws PythonError {
        int c = nextc();
        if (c != '\n') {
            throw code(Code.LINECONT);
        }
        c = nextc();
        if (c == EOF) {
            cur = inp();
            throw code(Code.EOF);
        }
        backup(c);
        return c;
    }

    // ------------------------------------------------------------------ names and strings

    private boolean isIdentifierStart(int c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_') {
            return true;
        }
        return !py2 && c >= 128;
    }

    boolean isIdentifierChar(int c) {
        return isIdentifierStart(c) || c >= '0' && c <= '9';
    }

    private Token identifierOrString(int c, FStringMode mode) throws PythonError {
        boolean nonascii = false;
        if (py2) {
            // 2.x: b, br, r, u, ur (any case)
            int k = Character.toLowerCase(c);
            if (k == 'b' || k == 'u') {
                c = nextc();
                if (c == 'r' || c == 'R') {
                    c = nextc();
                }
                if (c == '"' || c == '\'') {
                    return string(c, mode);
                }
            } else if (k == 'r') {
                c = nextc();
                if (c == '"' || c == '\'') {
                    return string(c, mode);
                }
            }
        } else {
            boolean sawB = false;
            boolean sawR = false;
            boolean sawU = false;
            boolean sawF = false;
            boolean sawT = false;
            boolean v314 = target.atLeast(PythonVersion.V3_14);
            boolean fstrings = target.atLeast(PythonVersion.V3_6);
            while (true) {
                int k = c < 128 ? Character.toLowerCase(c) : 0;
                if (v314) {
                    if (!sawB && k == 'b') {
                        sawB = true;
                    } else if (!sawU && k == 'u') {
                        sawU = true;
                    } else if (!sawR && k == 'r') {
                        sawR = true;
                    } else if (!sawF && k == 'f') {
                        sawF = true;
                    } else if (!sawT && k == 't') {
                        sawT = true;
                    } else {
                        break;
                    }
                } else if (!(sawB || sawU || sawF) && k == 'b') {
                    sawB = true;
                } else if (!(sawB || sawU || sawR || sawF) && k == 'u') {
                    sawU = true;
                } else if (!(sawR || sawU) && k == 'r') {
                    sawR = true;
                } else if (fstrings && !(sawF || sawB || sawU) && k == 'f') {
                    sawF = true;
                } else {
                    break;
                }
                c = nextc();
                if (c == '"' || c == '\'') {
                    if (v314) {
                        String bad = sawU && sawB ? "'u' and 'b'" : sawU && sawR ? "'u' and 'r'" : sawU && sawF
                                ? "'u' and 'f'" : sawU && sawT ? "'u' and 't'" : sawB && sawF ? "'b' and 'f'" : sawB && sawT
                                ? "'b' and 't'" : sawF && sawT ? "'f' and 't'" : null;
                        if (bad != null) {
                            throw direct(syntaxErrorRange(bad + " prefixes are incompatible",
                                    byteCol(lineStart, tokStart) + 1, byteCol(lineStart, cur)));
                        }
                    }
                    if ((sawF || sawT) && target.atLeast(PythonVersion.V3_12)) {
                        return FStrings.start(this, c, sawT);
                    }
                    return string(c, mode);
                }
            }
        }
        int h;
        if (isIdentifierChar(c)) {
            // the rest of the name, read straight from the array: a name never holds the '\n' that
            // ends every line (the text always ends with one), so no line is entered on the way; its
            // hash for the name table is computed on the way
            nonascii = c >= 128;
            char[] cs = chars;
            int i = cur;
            h = NameTable.hash(cs, tokStart, i);
            while (true) {
                char ch = cs[i];
                if (ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch == '_' || ch >= '0' && ch <= '9') {
                    h = 31 * h + ch;
                    i++;
                } else if (ch >= 128 && !py2) {
                    nonascii = true;
                    h = 31 * h + ch;
                    i++;
                } else {
                    break;
                }
            }
            cur = i;
        } else {
            backup(c);
            h = NameTable.hash(chars, tokStart, cur);
        }
        if (nonascii) {
            verifyIdentifier();
        }
        int start = tokStart;
        int stop = cur;
        Token name = new Token(TokenKind.NAME, names.intern(start, stop, h), tokLine, byteCol(tokLineStart, start), lineno,
                byteCol(lineStart, stop), start, stop);
        if (target == PythonVersion.V3_6 && cur - tokStart == 5 && src.charAt(tokStart) == 'a') {
            return asyncHacks(name);
        }
        return name;
    }

    /** 3.6: 'async' before 'def', and 'async'/'await' inside an 'async def', are ASYNC/AWAIT. */
    private Token asyncHacks(Token name) throws PythonError {
        String s = name.text();
        if (asyncDef) {
            if (s.equals("async")) {
                return retype(name, TokenKind.ASYNC);
            }
            if (s.equals("await")) {
                return retype(name, TokenKind.AWAIT);
            }
        } else if (s.equals("async")) {
            // look ahead one token, as 3.6 does with a copy of its state
            int save = cur;
            int saveLine = lineno;
            int saveLineStart = lineStart;
            int saveNext = nextLineStart;
            int saveBuf = bufStart;
            int c;
            do {
                c = nextc();
            } while (c == ' ' || c == '\t' || c == '\f');
            int st = cur - 1;
            boolean def = false;
            if (c == 'd' && src.startsWith("def", st)) {
                int after = st + 3;
                def = after >= end || !isIdentifierChar(src.charAt(after));
            }
            cur = save;
            lineno = saveLine;
            lineStart = saveLineStart;
            nextLineStart = saveNext;
            bufStart = saveBuf;
            if (def) {
                asyncDefIndent = indent;
                asyncDef = true;
                return retype(name, TokenKind.ASYNC);
            }
        }
        return name;
    }

    private static Token retype(Token t, TokenKind k) {
        return new Token(k, t.text(), t.startLine(), t.startCol(), t.endLine(), t.endCol(), t.startIndex(), t.endIndex());
    }

    /** PEP 3131 check of a name with non-ASCII characters, with each version's error. */
    private void verifyIdentifier() throws PythonError {
        String name = src.substring(tokStart, cur);
        for (int i = 0; i < name.length(); i++) {
            if (Identifiers.isEscapedByte(name.charAt(i))) {
                if (!target.atLeast(PythonVersion.V3_9)) {
                    throw code(Code.IDENTIFIER);
                }
                throw decodeError(name, i);
            }
        }
        int invalid = Identifiers.scan(name);
        int length = name.codePointCount(0, name.length());
        if (invalid >= length) {
            return;
        }
        if (!target.atLeast(PythonVersion.V3_9)) {
            throw code(Code.IDENTIFIER);
        }
        int at = name.offsetByCodePoints(0, invalid);
        int ch = name.codePointAt(at);
        if (invalid + 1 < length) {
            cur = tokStart + at + Character.charCount(ch);
        }
        String hex = String.format("%04X", ch);
        if (Identifiers.isPrintable(ch)) {
            throw direct(syntaxError("invalid character '" + new String(Character.toChars(ch)) + "' (U+" + hex + ")"));
        }
        throw direct(syntaxError("invalid non-printable character U+" + hex));
    }

    /**
     * 3.9+: an identifier holding undecodable bytes: CPython's parser reports the UnicodeDecodeError of
     * the identifier's bytes as "(unicode error) ...".
     */
    private PythonError decodeError(String name, int firstBad) {
        String reason = Utf8.decodeErrorMessage(name, firstBad);
        String msg = "(unicode error) " + reason;
        boolean v310 = target.atLeast(PythonVersion.V3_10);
        int bytes = byteCol(v310 ? lineStart : bufStart, cur);
        int off = charOffsets() ? byteToCharOffset(fileLine(lineno), bytes) : bytes;
        return withText(msg, lineno, off, v310 ? lineno : -1, -1, true);
    }

    /** A string literal (every prefix; f-strings too before 3.12), from its opening quote. */
    private Token string(int quote, FStringMode mode) throws PythonError {
        int firstLine = lineno;
        int multiLineStart = lineStart;
        int startLine = tokLine;
        int startLineStart = tokLineStart;
        if (py2) {
            return Strings.py2String(this, quote, startLine, startLineStart);
        }
        int quoteSize = 1;
        int endQuoteSize = 0;
        int c = nextc();
        if (c == quote) {
            c = nextc();
            if (c == quote) {
                quoteSize = 3;
            } else {
                endQuoteSize = 1;
            }
        }
        if (c != quote) {
            backup(c);
        }
        boolean escapedQuote = false;
        while (endQuoteSize != quoteSize) {
            if (endQuoteSize == 0) {
                // skip the plain characters of this line at once: each would only leave endQuoteSize at 0
                int i = cur;
                int stop = nextLineStart - 1;
                char[] cs = chars;
                while (i < stop) {
                    char ch = cs[i];
                    if (ch == quote || ch == '\\') {
                        break;
                    }
                    i++;
                }
                cur = i;
            }
            c = nextc();
            if (c == EOF || quoteSize == 1 && c == '\n') {
                PythonError e = unterminatedString(c, quote, quoteSize, firstLine, multiLineStart, false);
                if (escapedQuote && quoteSize == 1 && target.atLeast(PythonVersion.V3_13)
                        && e.pyMessage().startsWith("unterminated string literal")) {
                    // 3.13+ suggests the likely cause: a backslash before a quote like the closing one
                    e = direct(syntaxError(e.pyMessage() + "; perhaps you escaped the end quote?"));
                }
                throw e;
            }
            if (c == quote) {
                endQuoteSize++;
            } else {
                endQuoteSize = 0;
                if (c == '\\') {
                    escapedQuote |= nextc() == quote;
                }
            }
        }
        return make(TokenKind.STRING, tokStart, cur, startLine, startLineStart);
    }

    /** The unterminated-string error of each version, {@code c} being EOF or the newline found. */
    PythonError unterminatedString(int c, int quote, int quoteSize, int firstLine, int multiLineStart, boolean fstring) {
        if (!target.atLeast(PythonVersion.V3_10)) {
            cur = inp();
            return code(c == EOF && quoteSize == 3 ? Code.EOFS : Code.EOLS);
        }
        int detected = lineno;
        cur = tokStart + 1;
        lineStart = multiLineStart;
        lineno = firstLine;
        if (inFString() && !fstring) {
            FStringMode m = modes.get(modes.size() - 1);
            if (m.quote == quote && m.quoteSize == quoteSize) {
                return direct(syntaxError((m.tstring ? "t" : "f") + "-string: expecting '}'"));
            }
        }
        String what = fstring ? (modes.get(modes.size() - 1).tstring ? "t-string" : "f-string") + " literal"
                : "string literal";
        if (quoteSize == 3) {
            return direct(syntaxError("unterminated triple-quoted " + what + " (detected at line " + detected + ")"));
        }
        return direct(syntaxError("unterminated " + what + " (detected at line " + detected + ")"));
    }

    // ------------------------------------------------------------------ operators and brackets

    private Token operator(int c, FStringMode mode) throws PythonError {
        boolean v312 = target.atLeast(PythonVersion.V3_12);
        if (v312 && inFString() && mode.exprStartDepth >= 0
                && (c == ':' || c == '}' || c == '!' || c == '{')) {
            int cursor = mode.curlyDepth - (c != '{' ? 1 : 0);
            if (c == ':' && cursor == mode.exprStartDepth) {
                mode.inFStringMode = true;
                mode.inFormatSpec = true;
                return make(TokenKind.COLON, tokStart, cur);
            }
        }
        int c2 = nextc();
        TokenKind two = twoChars(c, c2);
        if (two != null) {
            int c3 = nextc();
            TokenKind three = threeChars(c, c2, c3);
            if (three != null) {
                return make(three, tokStart, cur);
            }
            backup(c3);
            return make(two, tokStart, cur);
        }
        backup(c2);
        switch (c) {
            case '(', '[', '{' -> {
                if (level >= MAXLEVEL) {
                    throw direct(syntaxError("too many nested parentheses"));
                }
                if (level >= parenStack.length) {
                    parenStack = java.util.Arrays.copyOf(parenStack, MAXLEVEL + 1);
                    parenLine = java.util.Arrays.copyOf(parenLine, MAXLEVEL + 1);
                    parenIndex = java.util.Arrays.copyOf(parenIndex, MAXLEVEL + 1);
                    parenLineStart = java.util.Arrays.copyOf(parenLineStart, MAXLEVEL + 1);
                }
                parenStack[level] = (char) c;
                parenLine[level] = lineno;
                parenIndex[level] = tokStart;
                parenLineStart[level] = lineStart;
                level++;
                if (v312 && inFString()) {
                    mode.curlyDepth++;
                }
            }
            case ')', ']', '}' -> {
                if (v312 && inFString() && mode.curlyDepth == 0 && c == '}') {
                    throw direct(syntaxError("f-string: single '}' is not allowed"));
                }
                if (level == 0) {
                    if (target.atLeast(PythonVersion.V3_8)) {
                        throw direct(syntaxError("unmatched '" + (char) c + "'"));
                    }
                    break;
                }
                level--;
                char opening = parenStack[level];
                if (!(opening == '(' && c == ')' || opening == '[' && c == ']' || opening == '{' && c == '}')
                        && target.atLeast(PythonVersion.V3_8)) {
                    // the brace that opened the f-string's field closed by another bracket
                    if (v312 && inFString() && opening == '{' && mode.curlyDepth - 1 == mode.exprStartDepth) {
                        throw direct(syntaxError("f-string: unmatched '" + (char) c + "'"));
                    }
                    if (parenLine[level] != lineno) {
                        throw direct(syntaxError("closing parenthesis '" + (char) c + "' does not match opening parenthesis '"
                                + opening + "' on line " + parenLine[level]));
                    }
                    throw direct(syntaxError("closing parenthesis '" + (char) c + "' does not match opening parenthesis '"
                            + opening + "'"));
                }
                if (v312 && inFString()) {
                    mode.curlyDepth--;
                    if (c == '}' && mode.curlyDepth == mode.exprStartDepth) {
                        mode.exprStartDepth--;
                        mode.inFStringMode = true;
                        mode.inFormatSpec = false;
                    }
                }
            }
            default -> {
                // fall through to the one-char token
            }
        }
        if (c >= 0x80 || c < 0x80 && !py2 && target.atLeast(PythonVersion.V3_11) && !Identifiers.isPrintable(c)) {
            if (!py2) {
                throw direct(syntaxError(String.format("invalid non-printable character U+%04X", c)));
            }
        }
        return make(oneChar(c), tokStart, cur);
    }

    private TokenKind oneChar(int c) {
        return switch (c) {
            case '(' -> TokenKind.LPAR;
            case ')' -> TokenKind.RPAR;
            case '[' -> TokenKind.LSQB;
            case ']' -> TokenKind.RSQB;
            case ':' -> TokenKind.COLON;
            case ',' -> TokenKind.COMMA;
            case ';' -> TokenKind.SEMI;
            case '+' -> TokenKind.PLUS;
            case '-' -> TokenKind.MINUS;
            case '*' -> TokenKind.STAR;
            case '/' -> TokenKind.SLASH;
            case '|' -> TokenKind.VBAR;
            case '&' -> TokenKind.AMPER;
            case '<' -> TokenKind.LESS;
            case '>' -> TokenKind.GREATER;
            case '=' -> TokenKind.EQUAL;
            case '.' -> TokenKind.DOT;
            case '%' -> TokenKind.PERCENT;
            case '{' -> TokenKind.LBRACE;
            case '}' -> TokenKind.RBRACE;
            case '^' -> TokenKind.CIRCUMFLEX;
            case '~' -> TokenKind.TILDE;
            case '@' -> TokenKind.AT;
            case '!' -> target.atLeast(PythonVersion.V3_12) ? TokenKind.EXCLAMATION : TokenKind.OP;
            case '`' -> py2 ? TokenKind.BACKQUOTE : TokenKind.OP;
            default -> TokenKind.OP;
        };
    }

    private TokenKind twoChars(int c1, int c2) {
        switch (c1) {
            case '=':
                return c2 == '=' ? TokenKind.EQEQUAL : null;
            case '!':
                return c2 == '=' ? TokenKind.NOTEQUAL : null;
            case '<':
                return c2 == '>' ? TokenKind.NOTEQUAL : c2 == '<' ? TokenKind.LEFTSHIFT : c2 == '=' ? TokenKind.LESSEQUAL : null;
            case '>':
                return c2 == '=' ? TokenKind.GREATEREQUAL : c2 == '>' ? TokenKind.RIGHTSHIFT : null;
            case '+':
                return c2 == '=' ? TokenKind.PLUSEQUAL : null;
            case '-':
                return c2 == '=' ? TokenKind.MINEQUAL : c2 == '>' && !py2 ? TokenKind.RARROW : null;
            case '*':
                return c2 == '*' ? TokenKind.DOUBLESTAR : c2 == '=' ? TokenKind.STAREQUAL : null;
            case '/':
                return c2 == '/' ? TokenKind.DOUBLESLASH : c2 == '=' ? TokenKind.SLASHEQUAL : null;
            case '|':
                return c2 == '=' ? TokenKind.VBAREQUAL : null;
            case '%':
                return c2 == '=' ? TokenKind.PERCENTEQUAL : null;
            case '&':
                return c2 == '=' ? TokenKind.AMPEREQUAL : null;
            case '^':
                return c2 == '=' ? TokenKind.CIRCUMFLEXEQUAL : null;
            case '@':
                return c2 == '=' && !py2 ? TokenKind.ATEQUAL : null;
            case ':':
                return c2 == '=' && target.atLeast(PythonVersion.V3_8) ? TokenKind.COLONEQUAL : null;
            default:
                return null;
        }
    }

    private static TokenKind threeChars(int c1, int c2, int c3) {
        if (c3 != '=') {
            return null;
        }
        if (c1 == '<' && c2 == '<') {
            return TokenKind.LEFTSHIFTEQUAL;
        }
        if (c1 == '>' && c2 == '>') {
            return TokenKind.RIGHTSHIFTEQUAL;
        }
        if (c1 == '*' && c2 == '*') {
            return TokenKind.DOUBLESTAREQUAL;
        }
        if (c1 == '/' && c2 == '/') {
            return TokenKind.DOUBLESLASHEQUAL;
        }
        return null;
    }

    boolean inFString() {
        return modes.size() > 1;
    }

    // ------------------------------------------------------------------ errors

    /** 3.10+: EOF inside brackets: "'(' was never closed" at the innermost open bracket. */
    private PythonError unclosedBracket() {
        int i = level - 1;
        int line = parenLine[i];
        int col = byteCol(parenLineStart[i], parenIndex[i]);
        String text = bufferLine(line);
        int off = charOffsets() ? byteToCharOffset(text, col + 1) : col + 1;
        return markByCode(new PythonError("SyntaxError", "'" + parenStack[i] + "' was never closed", filename, line, off,
                text, line, 0));
    }

    /**
     * A SyntaxError CPython's tokenizer raises itself ({@code syntaxerror()}, 3.8+): at the current line,
     * offset the characters up to {@code cur}, the line without its newline as text.
     */
    PythonError syntaxError(String msg) {
        int off = target.isPython2() ? cur - lineStart : charCount(lineStart, cur);
        return syntaxErrorAt(msg, off, off);
    }

    /** 3.10+'s {@code syntaxerror_known_range}: explicit 1-based offsets. */
    PythonError syntaxErrorRange(String msg, int col1, int endCol1) {
        return syntaxErrorAt(msg, col1, endCol1);
    }

    private PythonError syntaxErrorAt(String msg, int off, int endOff) {
        int nl = src.indexOf('\n', lineStart);
        String text = printableText(src.substring(lineStart, nl < 0 ? end : nl));
        boolean ends = target.atLeast(PythonVersion.V3_10);
        return new PythonError("SyntaxError", msg, filename, lineno, off, text, ends ? lineno : -1, ends ? endOff : -1);
    }

    /** Marks an error as raised directly by the tokenizer (it overrides a parser error in 3.10+'s rescan). */
    PythonError direct(PythonError e) {
        failedByCode = false;
        return e;
    }

    private PythonError markByCode(PythonError e) {
        failedByCode = true;
        return e;
    }

    /** An error the tokenizer reports by code, as the target's parser turns it into an exception. */
    PythonError code(Code code) {
        String type = "SyntaxError";
        String msg;
        switch (code) {
            case EOF -> msg = "unexpected EOF while parsing";
            case EOLS -> msg = "EOL while scanning string literal";
            case EOFS -> msg = "EOF while scanning triple-quoted string literal";
            case TOKEN -> msg = "invalid token";
            case DEDENT -> {
                type = "IndentationError";
                msg = "unindent does not match any outer indentation level";
            }
            case TABSPACE -> {
                type = "TabError";
                msg = "inconsistent use of tabs and spaces in indentation";
            }
            case TOODEEP -> {
                type = "IndentationError";
                msg = "too many levels of indentation";
            }
            case LINECONT -> msg = "unexpected character after line continuation character";
            case IDENTIFIER -> msg = "invalid character in identifier";
            default -> throw new IllegalStateException(code.toString());
        }
        if (!target.atLeast(PythonVersion.V3_9)) {
            // parsetok: lineno, offset cur - buf (2.x bytes; 3.x converted to characters), text buf..inp
            return markByCode(new PythonError(type, msg, filename, lineno, pgenOffset(), pgenText(), -1, -1));
        }
        boolean v310 = target.atLeast(PythonVersion.V3_10);
        String text = v310 ? fileLineOrBuffer(lineno) : fileLine(lineno);
        int off;
        int endOff = -1;
        switch (code) {
            case TABSPACE, TOODEEP -> {
                off = 1;
                endOff = v310 ? 0 : -1;
            }
            case LINECONT -> {
                // counted from the buffer's start (a multi-line token's first line); 3.13+ converts it over
                // that buffer, which CPython takes for the error line when no file gives one
                int bytes = byteCol(bufStart, cur);
                off = charOffsets() ? byteToCharOffset(bufferText(), bytes) : bytes;
                endOff = v310 ? 0 : -1;
            }
            default -> {
                int bytes = v310 ? byteCol(lineStart, cur) : byteCol(bufStart, cur);
                off = charOffsets() ? byteToCharOffset(text, bytes) : bytes;
            }
        }
        return markByCode(new PythonError(type, msg, filename, lineno, off, text, v310 ? lineno : -1, endOff));
    }

    private PythonError withText(String msg, int line, int off, int endLine, int endOff, boolean byCode) {
        String text = target.atLeast(PythonVersion.V3_10) ? fileLineOrBuffer(line) : fileLine(line);
        PythonError e = new PythonError("SyntaxError", msg, filename, line, off, text, endLine, endOff);
        return byCode ? markByCode(e) : direct(e);
    }

    // ------------------------------------------------------------------ positions for the parser

    /**
     * Before 3.9 (pgen): CPython's parser reports an error at {@code tok->cur - tok->buf} of the
     * tokenizer's state after the failing token — bytes for 2.x, characters for 3.x.
     */
    public int pgenOffset() {
        return py2 ? cur - bufStart : charCount(bufStart, cur);
    }

    /** Before 3.9: the text CPython's parser reports: the tokenizer's buffer from its start to {@code inp}. */
    public String pgenText() {
        return src.substring(bufStart, Math.min(end, inp()));
    }

    /** The current line of the tokenizer ({@code tok->lineno}). */
    public int currentLine() {
        return Math.max(lineno, 1);
    }

    /**
     * The physical line {@code lineno} (1-based) with its {@code \n} if the source has one, as CPython
     * 3.9+ reads it back from the file for {@code SyntaxError.text}; "" past the end.
     */
    public String lineText(int line) {
        return fileLine(line);
    }

    private String fileLine(int line) {
        int at = lineIndex(line);
        if (at < 0) {
            return "";
        }
        int nl = src.indexOf('\n', at);
        int stop = nl < 0 ? end : nl + 1;
        if (stop == end && !sourceEndsWithNewline) {
            stop--;
        }
        return printableText(src.substring(at, stop));
    }

    /** The tokenizer's buffer: from its start (a multi-line token's first line) to the current line's end. */
    private String bufferText() {
        int nl = src.indexOf('\n', cur);
        return printableText(src.substring(bufStart, nl < 0 ? end : nl + 1));
    }

    /** 3.10+: the file's line; the tokenizer's buffer line when the file cannot give one. */
    private String fileLineOrBuffer(int line) {
        return fileLine(line);
    }

    /** A line as the tokenizer buffer holds it, without its newline (3.10+'s unclosed-bracket text). */
    private String bufferLine(int line) {
        if (line == lineno) {
            return printableText(src.substring(bufStart, Math.min(end, inp())));
        }
        int at = lineIndex(line);
        int nl = src.indexOf('\n', at);
        return printableText(src.substring(at, nl < 0 ? end : nl));
    }

    private int lineIndex(int line) {
        int at = 0;
        for (int l = 1; l < line; l++) {
            at = src.indexOf('\n', at);
            if (at < 0 || at + 1 >= end) {
                return -1;
            }
            at++;
        }
        return at;
    }

    /** Undecodable bytes appear as U+FFFD in texts, as CPython decodes them with "replace". */
    private static String printableText(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Identifiers.isEscapedByte(s.charAt(i))) {
                // the bytes decoded with errors="replace": one U+FFFD per maximal invalid subsequence
                return io.github.pycompile.source.Utf8.decodeReplace(io.github.pycompile.source.Utf8.rawBytes(s));
            }
        }
        return s;
    }

    /**
     * The character column (0-based) of UTF-8 byte column {@code byteCol} in line {@code lineno}, as
     * CPython's {@code _PyPegen_byte_offset_to_character_offset} converts AST columns for
     * {@code SyntaxError.offset}. 2.x: the same number.
     */
    public int charColumn(int line, int byteCol) {
        if (py2 || byteCol <= 0 || !charOffsets()) {
            return byteCol;
        }
        return byteToCharOffset(fileLine(line), byteCol);
    }

    /**
     * A 1-based byte offset {@code bytes} as CPython reports it over line {@code line} without its
     * newline (how it converts the end of an error that spans lines: over the error's first line, clamped
     * one past its end). Without conversion to characters, the same number.
     */
    public int offsetOverLine(int line, int bytes) {
        if (py2 || bytes <= 0 || !charOffsets()) {
            return bytes;
        }
        String text = fileLine(line);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        return byteToCharOffset(text, bytes);
    }

    /** Characters in the first {@code bytes} UTF-8 bytes of {@code line} (a cut sequence counts one). */
    static int byteToCharOffset(String line, int bytes) {
        int n = 0;
        int b = 0;
        int i = 0;
        while (i < line.length() && b < bytes) {
            int cp = line.codePointAt(i);
            b += Identifiers.utf8Length(cp);
            i += Character.charCount(cp);
            n++;
        }
        if (b < bytes) {
            n += bytes - b > 1 ? 1 : bytes - b; // past the end: CPython clamps to len + 1
        }
        return n;
    }

    int charColumnOf(int lineStartIdx, int idx) {
        return charCount(lineStartIdx, idx);
    }

    private int charCount(int from, int to) {
        if (py2) {
            return to - from;
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = src.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(src.charAt(i + 1))) {
                i++;
            }
            n++;
        }
        return n;
    }

    /** How many brackets are open now (CPython's {@code tok->level}). */
    public int bracketDepth() {
        return level;
    }

    /**
     * CPython 3.10+'s {@code _PyPegen_tokenize_full_source_to_check_for_errors}: after the parser failed
     * with a generic syntax error, the rest of the source is tokenized and a SyntaxError the tokenizer
     * raises itself replaces the parser's. Returns that error, or null if the rest tokenizes or fails only
     * by an error code (EOF inside brackets, indentation errors), which CPython does not let override;
     * from 3.12 also null when the error is met inside an f-string.
     */
    public PythonError scanRestForErrors() {
        return scanRestForErrors(Integer.MAX_VALUE);
    }

    /**
     * As {@link #scanRestForErrors()} for an error at line {@code errorLine}: EOF inside a bracket opened on
     * an earlier line ("'(' was never closed") replaces it too.
     */
    public PythonError scanRestForErrors(int errorLine) {
        try {
            while (!finished) {
                next();
            }
            return null;
        } catch (PythonError e) {
            if (target.atLeast(PythonVersion.V3_12) && inFString()) {
                return null; // 3.12+: an error met inside an f-string leaves the parser's error standing
            }
            if (failedByCode) {
                boolean unclosed = e.pyMessage().endsWith("' was never closed") && e.lineno() < errorLine;
                return unclosed ? e : null;
            }
            return e;
        }
    }

    /**
     * UTF-8 byte offset of {@code at} from {@code from} (the 2.x text is bytes already). Tokens come in
     * order, so the count carries on from the previous call on the same line instead of rescanning it.
     */
    int byteCol(int from, int at) {
        if (py2) {
            return at - from;
        }
        if (at < from) {
            return -1;
        }
        if (from >= asciiFrom && at <= nonAscii) {
            return at - from;
        }
        if (from > nonAscii) {
            // past the non-ASCII character found last: look for the next one from here
            asciiFrom = from;
            int i = from;
            while (i < end && chars[i] < 0x80) {
                i++;
            }
            nonAscii = i;
            if (at <= nonAscii) {
                return at - from;
            }
        }
        int n = 0;
        int i = from;
        if (from == colFrom && at >= colAt) {
            n = colBytes;
            i = colAt;
        }
        for (; i < at; i++) {
            char c = chars[i];
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < at && Character.isLowSurrogate(chars[i + 1])) {
                n += 4;
                i++;
            } else if (Identifiers.isEscapedByte(c)) {
                n += 1;
            } else {
                n += 3;
            }
        }
        colFrom = from;
        colAt = at;
        colBytes = n;
        return n;
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    // ------------------------------------------------------------------ access for the helpers

    String src() {
        return src;
    }

    int cur() {
        return cur;
    }

    void setCur(int c) {
        cur = c;
    }

    int tokStart() {
        return tokStart;
    }

    int tokLine() {
        return tokLine;
    }

    int tokLineStart() {
        return tokLineStart;
    }

    int lineno() {
        return lineno;
    }

    int lineStart() {
        return lineStart;
    }

    boolean py2() {
        return py2;
    }

    int read() throws PythonError {
        return nextc();
    }

    void unread(int c) {
        backup(c);
    }

    void setContLine() {
        contLine = true;
    }

    Token token(TokenKind kind, int start, int stop) {
        return make(kind, start, stop);
    }

    Token token(TokenKind kind, int start, int stop, int startLine, int startLineStart) {
        return make(kind, start, stop, startLine, startLineStart);
    }

    void beginToken(int at) {
        setStart(at);
    }

    void resetLine(int line, int start) {
        lineno = line;
        lineStart = start;
    }

    List<FStringMode> modes() {
        return modes;
    }

    void warn(String category, String message) {
        Warning w = new Warning(category, message, lineno);
        if (warningSink != null) {
            warningSink.accept(w);
        } else {
            warnings.add(w);
        }
    }
}
