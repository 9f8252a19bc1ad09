package io.github.pycompile.parser;

import io.github.pycompile.ast.Ast;
import io.github.pycompile.ast.Ast.Expr;
import io.github.pycompile.compiler.CompilerWarning;
import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.tokenizer.Token;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * F-strings as CPython 3.6–3.11 parse them after tokenizing ({@code Parser/string_parser.c}): the
 * STRING tokens of one atom, some of them f-strings, become a {@code JoinedStr} whose literal pieces
 * are merged {@code Constant}s and whose replacement fields are {@code FormattedValue}s, every piece
 * located at the span of all the tokens, and each field's expression parsed on its own and placed
 * where it stands in the file (3.11's {@code fstring_find_expr_location}). A field's own errors
 * (3.9-3.11) are placed by {@link FieldErrors39}; other errors are refused until their exact messages
 * are reproduced.
 */
final class FStrings311 {
    /** Parses an f-string replacement field's expression text, placed at (line, column of its '{'). */
    interface SubParser {
        Expr parse(String parenthesized, int startLine, int startCol);
    }

    private final String filename;
    private final Consumer<CompilerWarning> warnings;
    private final Function<String, RuntimeException> refuse;
    /** 3.11's f-string errors: a SyntaxError at the last token the parser read (the one after the strings). */
    private final Function<String, RuntimeException> error;
    private final SubParser sub;
    private final String kind;
    private final int lineno;
    private final int col;
    private final int endLineno;
    private final int endCol;
    private final List<Expr> values = new ArrayList<>();
    private final StringBuilder last = new StringBuilder();
    private boolean haveLast;
    private boolean surrogates;
    /**
     * 3.9: a field on a later line of a multi-line f-string has the string's start column plus one
     * added to its first line's columns (3.9's {@code fstring_find_expr_location} counts from the
     * newline and its parser still adds the token's column; a field whose '{' ends its line gets the
     * string's start column alone); 3.10 fixed this.
     */
    private boolean laterLineShift;
    /** 3.11 names the character after an empty field ("expression required before '!'"); 3.9/3.10 do not. */
    private boolean emptyBeforeNamed = true;
    /** Where a field's expression is placed: pegen's rule (3.9+), or 3.8's or 3.6/3.7's search by text. */
    private final PythonVersion target;
    /** 3.6 and 3.7 only count a field's brackets (3.8 matches each closer with its opener). */
    private final boolean countedBrackets;
    /** The atom's first token, where 3.6 to 3.8 look for a field's text. */
    private Token first;

    private FStrings311(String filename, Consumer<CompilerWarning> warnings, Function<String, RuntimeException> refuse,
            Function<String, RuntimeException> error, SubParser sub, String kind, int lineno, int col, int endLineno,
            int endCol, PythonVersion target) {
        this.target = target;
        this.countedBrackets = !target.atLeast(PythonVersion.V3_8);
        this.filename = filename;
        this.warnings = warnings;
        this.refuse = refuse;
        this.error = error;
        this.sub = sub;
        this.kind = kind;
        this.lineno = lineno;
        this.col = col;
        this.endLineno = endLineno;
        this.endCol = endCol;
    }

    static Expr joined(List<Token> parts, String filename, Consumer<CompilerWarning> warnings,
            Function<String, RuntimeException> refuse, Function<String, RuntimeException> error, SubParser sub, int lineno,
            int col, int endLineno, int endCol) {
        return joined(parts, filename, warnings, refuse, error, sub, lineno, col, endLineno, endCol, PythonVersion.V3_11);
    }

    /** As above, for an f-string of {@code target} (3.6 to 3.11: field positions and messages differ). */
    static Expr joined(List<Token> parts, String filename, Consumer<CompilerWarning> warnings,
            Function<String, RuntimeException> refuse, Function<String, RuntimeException> error, SubParser sub, int lineno,
            int col, int endLineno, int endCol, PythonVersion target) {
        String kind = parts.get(0).text().startsWith("u") ? "u" : null;
        FStrings311 f = new FStrings311(filename, warnings, refuse, error, sub, kind, lineno, col, endLineno, endCol,
                target);
        f.first = parts.get(0);
        f.laterLineShift = !Feature.FSTRING_FIELD_COLUMNS_PER_LINE.allowedIn(target);
        f.emptyBeforeNamed = target.atLeast(PythonVersion.V3_11);
        for (Token t : parts) {
            String s = t.text();
            int q = 0;
            while (s.charAt(q) != '\'' && s.charAt(q) != '"') {
                q++;
            }
            String prefix = s.substring(0, q).toLowerCase(Locale.ROOT);
            if (prefix.contains("b")) {
                String body = s.substring(q, s.length());
                if (!Feature.PEG_PARSER.allowedIn(target) && (body.chars().anyMatch(ch -> ch >= 0x80)
                        || !prefix.contains("r") && Literals.bytesEscapeError(body) != null)) {
                    throw refuse.apply("an invalid bytes literal among f-strings (3.6-3.8: its error first)");
                }
                Literals.checkToken(t, refuse); // its own errors come before the mix is seen
                throw error.apply("cannot mix bytes and nonbytes literals");
            }
            boolean raw = prefix.contains("r");
            int quoteLen = s.startsWith("\"\"\"", q) || s.startsWith("'''", q) ? 3 : 1;
            int bodyStart = q + quoteLen;
            int bodyEnd = s.length() - quoteLen;
            if (prefix.contains("f")) {
                int[] pos = {bodyStart};
                f.parse(t, s, pos, bodyEnd, raw, 0); // appends to f.values
            } else {
                StringBuilder lit = new StringBuilder();
                if (raw) {
                    lit.append(s, bodyStart, bodyEnd);
                } else {
                    f.ll1EscapeError(s.substring(bodyStart, bodyEnd));
                    f.surrogates |= Literals.decodeStrPiece(s.substring(bodyStart, bodyEnd), lit,
                            Literals.warningLine(t, target), filename, target, warnings, refuse);
                }
                f.addLiteral(lit);
            }
        }
        f.flushLiteral(f.values);
        return new Ast.JoinedStr(f.values, lineno, col, endLineno, endCol);
    }

    /**
     * 3.6-3.8 decode each literal piece on its own: an escape error in it (a truncated or malformed
     * escape) is the decoder's (positions within the piece), which ast.c reports at the atom.
     */
    private void ll1EscapeError(String piece) {
        if (!Feature.PEG_PARSER.allowedIn(target)) {
            String malformed = Literals.strEscapeError(piece, refuse);
            if (malformed != null) {
                throw error.apply(malformed);
            }
        }
    }

    private void addLiteral(CharSequence text) {
        if (text.length() > 0) {
            last.append(text);
            haveLast = true;
        }
    }

    private void flushLiteral(List<Expr> into) {
        flushLiteral(into, new int[] {lineno, col, endLineno, endCol});
    }

    /** The pending literal as a Constant at {@code at} (the whole atom). */
    private void flushLiteral(List<Expr> into, int[] at) {
        if (haveLast && last.length() > 0) {
            into.add(new Ast.Constant(Literals.str(last.toString(), surrogates), kind, at[0], at[1], at[2], at[3]));
        }
        last.setLength(0);
        haveLast = false;
        surrogates = false;
    }

    /**
     * The pieces of one f-string body from {@code pos[0]} up to {@code end} (or, nested in a format
     * spec, up to its closing brace), appended to the current literal as they come.
     */
    private List<Expr> parse(Token t, String s, int[] pos, int end, boolean raw, int level) {
        List<Expr> out = level == 0 ? values : new ArrayList<>();
        // literals and fields take the whole atom's position, inside a format spec too, except the
        // spec's trailing literal, which (like the spec's JoinedStr) takes its token's
        int[] at = {lineno, col, endLineno, endCol};
        StringBuilder savedLast = null;
        boolean savedHave = false;
        if (level > 0) {
            savedLast = new StringBuilder(last);
            savedHave = haveLast;
            last.setLength(0);
            haveLast = false;
        }
        while (true) {
            // literal part
            int litStart = pos[0];
            boolean doubled = false;
            int i = pos[0];
            while (i < end) {
                char ch = s.charAt(i++);
                if (!raw && ch == '\\' && i < end) {
                    ch = s.charAt(i++);
                    if (ch == 'N') {
                        if (i < end && s.charAt(i++) == '{') {
                            while (i < end && s.charAt(i++) != '}') {
                                // skip the name
                            }
                        }
                        continue;
                    }
                    if (ch == '{') {
                        Literals.braceEscape(Literals.warningLine(t, target), filename, target, warnings);
                    }
                }
                if (ch == '{' || ch == '}') {
                    if (level == 0) {
                        if (i < end && s.charAt(i) == ch) {
                            doubled = true;
                            break;
                        }
                        if (ch == '}') {
                            throw error.apply("f-string: single '}' is not allowed");
                        }
                    }
                    i--;
                    break;
                }
            }
            int litEnd = doubled ? i : i;
            if (litEnd > litStart) {
                String piece = s.substring(litStart, litEnd);
                if (raw) {
                    addLiteral(piece);
                } else {
                    StringBuilder dec = new StringBuilder();
                    // a piece cut before a field's '{' can end in the backslash of "\\{": it stays a backslash
                    int trailing = 0;
                    while (trailing < piece.length() && piece.charAt(piece.length() - 1 - trailing) == '\\') {
                        trailing++;
                    }
                    boolean lone = trailing % 2 == 1;
                    ll1EscapeError(lone ? piece.substring(0, piece.length() - 1) : piece);
                    surrogates |= Literals.decodeStrPiece(lone ? piece.substring(0, piece.length() - 1) : piece, dec,
                            Literals.warningLine(t, target), filename, target, warnings, refuse);
                    if (lone) {
                        dec.append('\\');
                    }
                    addLiteral(dec);
                }
            }
            if (doubled) {
                pos[0] = i + 1; // skip the second brace
                continue;
            }
            pos[0] = i;
            if (i >= end) {
                break;
            }
            char ch = s.charAt(i);
            if (ch == '}') {
                break; // end of a nested format spec
            }
            // ch == '{': a replacement field
            Expr[] exprText = new Expr[1];
            Expr fv = field(t, s, pos, end, raw, level, exprText, at);
            if (exprText[0] != null) {
                addLiteral(((PyObject.Str) ((Ast.Constant) exprText[0]).value()).value());
            }
            flushLiteral(out, at);
            out.add(fv);
        }
        if (level > 0) {
            flushLiteral(out, specAt(t));
            last.setLength(0);
            last.append(savedLast);
            haveLast = savedHave;
        }
        return out;
    }

    private Expr field(Token t, String s, int[] pos, int end, boolean raw, int level, Expr[] exprTextOut, int[] at) {
        if (level >= 2) {
            throw error.apply("f-string: expressions nested too deeply");
        }
        int brace = pos[0];
        int exprStart = brace + 1;
        int i = exprStart;
        char quote = 0;
        int stringType = 0;
        int depth = 0;
        char[] parens = new char[200];
        for (; i < end; i++) {
            char ch = s.charAt(i);
            if (ch == '\\') {
                throw error.apply("f-string expression part cannot include a backslash");
            }
            if (quote != 0) {
                if (ch == quote) {
                    if (stringType == 3) {
                        if (i + 2 < end && s.charAt(i + 1) == ch && s.charAt(i + 2) == ch) {
                            i += 2;
                            stringType = 0;
                            quote = 0;
                        }
                    } else {
                        stringType = 0;
                        quote = 0;
                    }
                }
                continue;
            }
            if (ch == '\'' || ch == '"') {
                if (i + 2 < end && s.charAt(i + 1) == ch && s.charAt(i + 2) == ch) {
                    stringType = 3;
                    i += 2;
                } else {
                    stringType = 1;
                }
                quote = ch;
                continue;
            }
            if (countedBrackets) {
                // 3.6/3.7 count brackets without matching them: a closer at depth 0 is an ordinary
                // character, unless it is the '}' that ends the field
                if (ch == '[' || ch == '(' || ch == '{') {
                    depth++;
                    continue;
                }
                if (depth > 0 && (ch == ']' || ch == ')' || ch == '}')) {
                    depth--;
                    continue;
                }
                if (ch == '#') {
                    throw error.apply("f-string expression part cannot include '#'");
                }
                if (depth == 0 && (ch == '!' || ch == ':' || ch == '}')) {
                    if (ch == '!' && i + 1 < end && s.charAt(i + 1) == '=') {
                        continue; // "!=" is an operator, not a conversion
                    }
                    break;
                }
                continue;
            }
            if (ch == '[' || ch == '(' || ch == '{') {
                if (depth >= parens.length) {
                    throw error.apply("f-string: too many nested parenthesis");
                }
                parens[depth++] = ch;
                continue;
            }
            if (ch == '#') {
                throw error.apply("f-string expression part cannot include '#'");
            }
            if (depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
                if (i + 1 < end) {
                    char next = s.charAt(i + 1);
                    if ((ch == '!' || ch == '=' || ch == '<' || ch == '>') && next == '=') {
                        i++;
                        continue;
                    }
                }
                if (ch == '>' || ch == '<') {
                    continue;
                }
                break;
            }
            if (ch == ']' || ch == ')' || ch == '}') {
                if (depth == 0) {
                    throw error.apply("f-string: unmatched '" + ch + "'");
                }
                char opening = parens[--depth];
                if (!(opening == '(' && ch == ')' || opening == '[' && ch == ']' || opening == '{' && ch == '}')) {
                    throw error.apply("f-string: closing parenthesis '" + ch + "' does not match opening parenthesis '"
                            + opening + "'");
                }
            }
        }
        if (quote != 0) {
            throw error.apply("f-string: unterminated string");
        }
        if (depth != 0) {
            if (countedBrackets) {
                throw error.apply("f-string: mismatched '(', '{', or '['");
            }
            throw error.apply("f-string: unmatched '" + parens[depth - 1] + "'");
        }
        if (i >= end) {
            throw error.apply("f-string: expecting '}'");
        }
        int exprEnd = i;
        String expr = s.substring(exprStart, exprEnd);
        boolean empty = true;
        for (int k = 0; k < expr.length() && empty; k++) {
            char c = expr.charAt(k);
            empty = c == ' ' || c == '\t' || c == '\n' || c == '\f';
        }
        if (empty) {
            char after = s.charAt(exprEnd);
            if (emptyBeforeNamed && (after == '!' || after == ':' || after == '=')) {
                throw error.apply("f-string: expression required before '" + after + "'");
            }
            throw error.apply("f-string: empty expression not allowed");
        }
        Expr value = compileExpr(t, s, brace, expr);
        String exprText = null;
        if (s.charAt(i) == '=') {
            if (!target.atLeast(PythonVersion.V3_8)) {
                throw refuse.apply("'=' in an f-string field (a 3.8 feature; its error before)");
            }
            i++;
            while (i < end && Character.isWhitespace(s.charAt(i)) && s.charAt(i) < 128) {
                i++;
            }
            if (i >= end) {
                throw error.apply("f-string: expecting '}'");
            }
            exprText = s.substring(exprStart, i);
        }
        int conversion = -1;
        if (s.charAt(i) == '!') {
            i++;
            if (i >= end) {
                throw error.apply("f-string: expecting '}'");
            }
            conversion = s.charAt(i++);
            if (conversion != 's' && conversion != 'r' && conversion != 'a') {
                throw error.apply("f-string: invalid conversion character: expected 's', 'r', or 'a'");
            }
        }
        Expr spec = null;
        if (i < end && s.charAt(i) == ':') {
            i++;
            if (i >= end) {
                throw error.apply("f-string: expecting '}'");
            }
            int[] p = {i};
            List<Expr> parts = parse(t, s, p, end, raw, level + 1);
            i = p[0];
            int[] at2 = specAt(t);
            spec = new Ast.JoinedStr(parts, at2[0], at2[1], at2[2], at2[3]);
        }
        if (i >= end || s.charAt(i) != '}') {
            throw error.apply("f-string: expecting '}'");
        }
        i++;
        pos[0] = i;
        if (exprText != null && spec == null && conversion == -1) {
            conversion = 'r';
        }
        if (exprText != null) {
            exprTextOut[0] = new Ast.Constant(new PyObject.Str(exprText, false), null, at[0], at[1], at[2], at[3]);
        }
        return new Ast.FormattedValue(value, conversion, spec, at[0], at[1], at[2], at[3]);
    }

    /** Where a format spec and its trailing literal are: their token (3.9+), or the whole atom (3.6 to 3.8). */
    private int[] specAt(Token t) {
        if (!Feature.PEG_PARSER.allowedIn(target)) {
            return new int[] {lineno, col, endLineno, endCol};
        }
        return new int[] {t.startLine(), t.startCol(), t.endLine(), t.endCol()};
    }

    /** Parses the field's expression where it stands: the '{' maps to the '(' put around it. */
    private Expr compileExpr(Token t, String s, int brace, String expr) {
        if (!Feature.PEG_PARSER.allowedIn(target)) {
            return compileExprLl1(expr);
        }
        int lines = 0;
        for (int k = 0; k < brace; k++) {
            if (s.charAt(k) == '\n') {
                lines++;
            }
        }
        boolean newlineAfterBrace = true;
        for (int k = brace + 1; k < s.length() && s.charAt(k) != '}' && s.charAt(k) != '\n'; k++) {
            char c = s.charAt(k);
            if (c != ' ' && c != '\t' && c != '\f') {
                newlineAfterBrace = false;
                break;
            }
        }
        int cols = 0;
        if (!newlineAfterBrace) {
            int lineStart = s.lastIndexOf('\n', brace) + 1;
            cols = utf8Length(s.substring(lineStart, brace));
        }
        int startLine = t.startLine() + lines;
        // 3.9, a field on a later line: the token's column, plus the field's own counted from the newline
        int startCol = lines == 0 ? t.startCol() + cols
                : laterLineShift ? t.startCol() + (newlineAfterBrace ? 0 : cols + 1) : cols;
        return sub.parse("(" + expr + ")", startLine, startCol);
    }

    /**
     * The field's expression placed as 3.6 to 3.8 place it ({@code ast.c}'s fstring_fix_node_location):
     * the first occurrence of its text in braces is looked for in the atom's first token only; found
     * on that token's first line, the expression lands where that occurrence stands; found on a later
     * line, on that line, at the occurrence's column (3.6, 3.7) or, in 3.8, at the first token's
     * column plus the occurrence's column plus one; not found, as if the '{' were the first token's first
     * character. The expression's first line is shifted in columns, its other lines keep theirs.
     */
    private Expr compileExprLl1(String expr) {
        String text = first.text();
        int found = text.indexOf("{" + expr + "}");
        // 3.6/3.7 count from where their tokenizer put the token (a token over several lines: its last line, column -1)
        int[] base = target == PythonVersion.V3_8 ? new int[] {first.startLine(), first.startCol()}
                : Ll1Trees.tokenPosition(first);
        if (found < 0) {
            return sub.parse("(" + expr + ")", base[0], base[1]);
        }
        int newline = text.lastIndexOf('\n', found);
        int lines = 0;
        for (int k = 0; k < found; k++) {
            if (text.charAt(k) == '\n') {
                lines++;
            }
        }
        int col;
        if (newline < 0) {
            col = base[1] + utf8Length(text.substring(0, found));
        } else if (target == PythonVersion.V3_8) {
            col = first.startCol() + utf8Length(text.substring(newline, found));
        } else {
            col = utf8Length(text.substring(newline + 1, found));
        }
        return sub.parse("(" + expr + ")", first.startLine() + lines, col);
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
