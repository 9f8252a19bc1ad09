package io.github.pycompile.parser;

import io.github.pycompile.ast.Ast;
import io.github.pycompile.ast.Ast.Expr;
import io.github.pycompile.compiler.CompilerWarning;
import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.tokenizer.Identifiers;
import io.github.pycompile.tokenizer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The trees of 3.12+ f-strings (PEP 701), once the parser has walked their tokens: CPython's
 * {@code action_helpers.c} steps, each reproduced in our own terms. An f-string's literal parts and
 * fields keep their own positions; its JoinedStr decodes the literal parts (and the text of
 * {@code =} fields); adjacent strings are then flattened and neighbouring constants merged
 * ({@link #concatenate}); a format spec is a JoinedStr of its own parts.
 */
final class FStrings312 {
    /**
     * The kind the parser gives the text constant of an {@code =} field until the f-string is built
     * (compared by identity; the tree never keeps it).
     */
    static final String DEBUG_TEXT = new String("=");

    private final String filename;
    private final PythonVersion target;
    private final Consumer<CompilerWarning> warnings;
    private final Function<String, RuntimeException> refuse;
    /** A SyntaxError at the last token read (decoding errors of literal parts, raised once the f-string is read). */
    private final Function<String, RuntimeException> error;

    FStrings312(String filename, PythonVersion target, Consumer<CompilerWarning> warnings,
            Function<String, RuntimeException> refuse, Function<String, RuntimeException> error) {
        this.filename = filename;
        this.target = target;
        this.warnings = warnings;
        this.refuse = refuse;
        this.error = error;
    }

    /** An r/R in the prefix of an FSTRING_START token. */
    static boolean isRaw(Token start) {
        String s = start.text();
        return s.indexOf('r') >= 0 || s.indexOf('R') >= 0;
    }

    /**
     * {@code _PyPegen_joined_str}: the f-string's items, whose constants (literal parts and the text
     * of {@code =} fields, still as written) are decoded here, empty ones dropped; a JoinedStr from
     * the FSTRING_START to the FSTRING_END.
     */
    Expr joined(List<Expr> items, boolean raw, Token open, Token close, boolean template) {
        List<Expr> values = new ArrayList<>(items.size());
        for (Expr e : items) {
            if (e instanceof Ast.Constant c) {
                String text = ((PyObject.Str) c.value()).value();
                boolean asIs = raw || text.indexOf('\\') < 0
                        || c.kind() == DEBUG_TEXT && Feature.FSTRING_DEBUG_TEXT_AS_WRITTEN.allowedIn(target);
                PyObject.Str v = decode(text, asIs, c.endLineno(), false); // its FSTRING_MIDDLE token's last line
                if (v.value().isEmpty()) {
                    continue;
                }
                e = new Ast.Constant(v, null, c.lineno(), c.colOffset(), c.endLineno(), c.endColOffset());
            }
            values.add(e);
        }
        if (template) {
            return new Ast.TemplateStr(values, open.startLine(), open.startCol(), close.endLine(), close.endCol());
        }
        return new Ast.JoinedStr(values, open.startLine(), open.startCol(), close.endLine(), close.endCol());
    }

    /** A format spec's FSTRING_MIDDLE: decoded, even in a raw f-string before 3.14. */
    Expr specConstant(Token t, boolean raw) {
        boolean asIs = raw && Feature.FSTRING_RAW_FORMAT_SPEC.allowedIn(target) || t.text().indexOf('\\') < 0;
        PyObject.Str v = decode(t.text(), asIs, t.endLine(), true);
        return new Ast.Constant(v, null, t.startLine(), t.startCol(), t.endLine(), t.endCol());
    }

    /**
     * {@code fstring_full_format_spec}: its parts without empty constants, as a JoinedStr spanning from
     * the ':' to the last part (one constant or none stays as it is; otherwise merged as strings are).
     */
    Expr formatSpec(List<Expr> parts, int lineno, int col, int endLineno, int endCol) {
        parts = new ArrayList<>(parts);
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i) instanceof Ast.Constant c && c.kind() == DEBUG_TEXT) { // '=' text in a spec: as written
                parts.set(i, new Ast.Constant(c.value(), null, c.lineno(), c.colOffset(), c.endLineno(), c.endColOffset()));
            }
        }
        if (!Feature.FSTRING_SPEC_MERGED.allowedIn(target)) {
            // 3.12: the parts as they come, only a lone empty part dropped
            List<Expr> values = parts.size() == 1 && isEmptyStr(parts.get(0)) ? List.of() : parts;
            return new Ast.JoinedStr(values, lineno, col, endLineno, endCol);
        }
        List<Expr> kept = new ArrayList<>(parts.size());
        for (Expr e : parts) {
            if (!isEmptyStr(e)) {
                kept.add(e);
            }
        }
        if (kept.isEmpty() || kept.size() == 1 && kept.get(0) instanceof Ast.Constant) {
            return new Ast.JoinedStr(kept, lineno, col, endLineno, endCol);
        }
        return concatenate(kept, lineno, col, endLineno, endCol);
    }

    private static boolean isEmptyStr(Expr e) {
        return e instanceof Ast.Constant c && c.value() instanceof PyObject.Str s && s.value().isEmpty();
    }

    /**
     * {@code _PyPegen_concatenate_strings} for str pieces of which at least one is an f-string (or a
     * field): JoinedStrs flattened, each run of adjacent constants merged into one (the first one's
     * kind, spanning from the first to the last), empty constants dropped.
     */
    static Expr concatenate(List<Expr> items, int lineno, int col, int endLineno, int endCol) {
        return new Ast.JoinedStr(merged(items), lineno, col, endLineno, endCol);
    }

    /** 3.14's {@code _PyPegen_concatenate_tstrings}: adjacent t-strings merged as f-strings are. */
    static Expr concatenateTemplates(List<Expr> items, int lineno, int col, int endLineno, int endCol) {
        return new Ast.TemplateStr(merged(items), lineno, col, endLineno, endCol);
    }

    private static List<Expr> merged(List<Expr> items) {
        List<Expr> flat = new ArrayList<>();
        for (Expr e : items) {
            if (e instanceof Ast.JoinedStr j) {
                flat.addAll(j.values());
            } else if (e instanceof Ast.TemplateStr t) {
                flat.addAll(t.values());
            } else {
                flat.add(e);
            }
        }
        List<Expr> values = new ArrayList<>(flat.size());
        for (int i = 0; i < flat.size(); i++) {
            Expr e = flat.get(i);
            if (e instanceof Ast.Constant first && i + 1 < flat.size() && flat.get(i + 1) instanceof Ast.Constant) {
                StringBuilder sb = new StringBuilder();
                boolean lonePairs = false;
                Ast.Constant last = first;
                int j = i;
                for (; j < flat.size() && flat.get(j) instanceof Ast.Constant c; j++) {
                    PyObject.Str s = (PyObject.Str) c.value();
                    if (!s.value().isEmpty() && sb.length() > 0 && Character.isHighSurrogate(sb.charAt(sb.length() - 1))
                            && Character.isLowSurrogate(s.value().charAt(0))) {
                        lonePairs = true; // two str objects never join into one code point
                    }
                    lonePairs |= s.lonePairs();
                    sb.append(s.value());
                    last = c;
                }
                i = j - 1;
                e = new Ast.Constant(Literals.str(sb.toString(), lonePairs), first.kind(), first.lineno(),
                        first.colOffset(), last.endLineno(), last.endColOffset());
            }
            if (isEmptyStr(e)) {
                continue;
            }
            values.add(e);
        }
        return values;
    }

    /**
     * The text of an {@code =} field as CPython keeps it: without comments (each {@code #} up to its
     * line's end removed, wherever it stands, as the tokenizer's scan does).
     */
    static String debugText(String text) {
        if (text.indexOf('#') < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '#') {
                while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                    i++;
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** An Interpolation's {@code str}: the field's text without its trailing whitespace and '='. */
    static String interpolationText(String text) {
        int n = text.length();
        while (n > 0) {
            char c = text.charAt(n - 1);
            if (c == '=' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                n--;
            } else {
                break;
            }
        }
        return text.substring(0, n);
    }

    /**
     * A literal part's value: as written when {@code asIs}, else with its escapes decoded (an invalid escape
     * warned on {@code warningLine}). In a format spec ({@code inSpec}) CPython lets the decoder's own
     * UnicodeDecodeError out of ast.parse, not a SyntaxError: refused.
     */
    private PyObject.Str decode(String text, boolean asIs, int warningLine, boolean inSpec) {
        if (text.codePoints().anyMatch(Identifiers::isEscapedByte)) { // a lone surrogate: an undecodable byte
            throw refuse.apply("undecodable bytes in an f-string (its error)");
        }
        if (asIs) {
            return Literals.str(text, false);
        }
        // a part cut before a field's '{' can end in a lone backslash ("\\{x}"): it stays a backslash
        int trailing = 0;
        while (trailing < text.length() && text.charAt(text.length() - 1 - trailing) == '\\') {
            trailing++;
        }
        boolean lone = trailing % 2 == 1;
        String malformed = Literals.namedEscapeError(lone ? text.substring(0, text.length() - 1) : text);
        if (malformed != null) {
            if (inSpec) {
                throw refuse.apply("malformed escapes in an f-string's format spec (a UnicodeDecodeError)");
            }
            throw error.apply(malformed);
        }
        StringBuilder sb = new StringBuilder();
        boolean lonePairs;
        try {
            lonePairs = Literals.decodeFStringPart(lone ? text.substring(0, text.length() - 1) : text, sb, warningLine,
                    filename, target, warnings, refuse);
        } catch (Literals.LiteralError e) {
            throw refuse.apply("truncated escapes in an f-string (their error)");
        }
        if (lone) {
            sb.append('\\');
        }
        return Literals.str(sb.toString(), lonePairs);
    }
}
