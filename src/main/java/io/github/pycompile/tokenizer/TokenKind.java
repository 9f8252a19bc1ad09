package io.github.pycompile.tokenizer;

/**
 * Token types by CPython's names ({@code Grammar/Tokens}, {@code token.tok_name}): operators by their
 * exact type (LPAR, COLON, ...), as CPython's PEG parser matches them. The parser never sees
 * COMMENT, NL or ENCODING: the tokenizer skips comments and blank lines as CPython's C tokenizer does
 * when driven by the parser.
 *
 * <p>Version notes (the tokenizer only produces a kind where the target's C tokenizer does):
 * <ul>
 *   <li>{@link #ELLIPSIS}, {@link #RARROW}: 3.x only; 2.x produces three {@link #DOT}s for {@code ...}
 *       and {@code ->} is MINUS GREATER.
 *   <li>{@link #AT}: 2.x and 3.x (decorators); {@link #ATEQUAL} 3.5+.
 *   <li>{@link #COLONEQUAL}: 3.8+ (3.6/3.7 give COLON EQUAL).
 *   <li>{@link #NOTEQUAL}: text {@code !=}, or {@code <>} in every version (3.x's parser rejects
 *       {@code <>} by looking at the text, as CPython's "Barry as FLUFL" check does).
 *   <li>{@link #EXCLAMATION}: 3.12+ (f-string conversions); before 3.12 a lone {@code !} is {@link #OP}.
 *   <li>{@link #BACKQUOTE}: 2.x only.
 *   <li>{@link #OP}: a character CPython's tokenizer passes on as a generic operator token that no
 *       grammar rule accepts ({@code $}, {@code ?}, {@code !} before 3.12, a non-ASCII byte in 2.x):
 *       the parser reports "invalid syntax" at it.
 *   <li>{@link #ASYNC}, {@link #AWAIT}: 3.6 only, inside an {@code async def} (or for {@code async}
 *       directly before {@code def}), as 3.6's tokenizer does; 3.7+ gives NAME (they are keywords).
 *   <li>{@link #FSTRING_START}, {@link #FSTRING_MIDDLE}, {@link #FSTRING_END}: 3.12+ (PEP 701);
 *       before 3.12 an f-string is one {@link #STRING}. {@link #TSTRING_START} ... : 3.14+.
 * </ul>
 */
public enum TokenKind {
    ENDMARKER,
    NAME,
    NUMBER,
    STRING,
    NEWLINE,
    INDENT,
    DEDENT,
    LPAR("("),
    RPAR(")"),
    LSQB("["),
    RSQB("]"),
    COLON(":"),
    COMMA(","),
    SEMI(";"),
    PLUS("+"),
    MINUS("-"),
    STAR("*"),
    SLASH("/"),
    VBAR("|"),
    AMPER("&"),
    LESS("<"),
    GREATER(">"),
    EQUAL("="),
    DOT("."),
    PERCENT("%"),
    LBRACE("{"),
    RBRACE("}"),
    EQEQUAL("=="),
    NOTEQUAL("!="),
    LESSEQUAL("<="),
    GREATEREQUAL(">="),
    TILDE("~"),
    CIRCUMFLEX("^"),
    LEFTSHIFT("<<"),
    RIGHTSHIFT(">>"),
    DOUBLESTAR("**"),
    PLUSEQUAL("+="),
    MINEQUAL("-="),
    STAREQUAL("*="),
    SLASHEQUAL("/="),
    PERCENTEQUAL("%="),
    AMPEREQUAL("&="),
    VBAREQUAL("|="),
    CIRCUMFLEXEQUAL("^="),
    LEFTSHIFTEQUAL("<<="),
    RIGHTSHIFTEQUAL(">>="),
    DOUBLESTAREQUAL("**="),
    DOUBLESLASH("//"),
    DOUBLESLASHEQUAL("//="),
    AT("@"),
    ATEQUAL("@="),
    RARROW("->"),
    ELLIPSIS("..."),
    COLONEQUAL(":="),
    EXCLAMATION("!"),
    BACKQUOTE("`"),
    /** A generic operator token no grammar rule accepts; see the class comment. */
    OP,
    ASYNC,
    AWAIT,
    FSTRING_START,
    FSTRING_MIDDLE,
    FSTRING_END,
    TSTRING_START,
    TSTRING_MIDDLE,
    TSTRING_END;

    private final String operator;

    TokenKind() {
        this(null);
    }

    TokenKind(String operator) {
        this.operator = operator;
    }

    /** The fixed text of an operator kind ({@code "("} for LPAR, {@code "!="} for NOTEQUAL); null otherwise. */
    public String operator() {
        return operator;
    }

    /** True for the exact operator kinds (LPAR ... BACKQUOTE) and {@link #OP}. */
    public boolean isOperator() {
        return operator != null || this == OP;
    }
}
