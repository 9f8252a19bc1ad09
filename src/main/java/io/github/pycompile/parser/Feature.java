package io.github.pycompile.parser;

import io.github.pycompile.target.PythonVersion;

/**
 * Syntax the parser accepts only from some CPython version on (as javac's {@code Source.Feature}), and
 * the few tree shapes that changed between versions: the parser asks {@code feature.allowedIn(target)}
 * where the versions differ, and otherwise parses every 3.x target the same way. A feature a target lacks is a syntax error there (refused until the
 * target's exact message is reproduced), never a silently accepted construct.
 */
enum Feature {
    /** PEP 634: the {@code match} statement (soft keywords {@code match}, {@code case}, {@code _}). */
    MATCH_STATEMENT(PythonVersion.V3_10),
    /**
     * An unparenthesized {@code :=} as a subscript's index ({@code a[x := 1]}); 3.9 requires
     * the parentheses there (its set displays take one already).
     */
    UNPARENTHESIZED_WALRUS_IN_INDEX(PythonVersion.V3_10),
    /** {@code import} aliases carry positions (3.9's {@code alias} nodes have none). */
    ALIAS_POSITIONS(PythonVersion.V3_10),
    /**
     * A field on a later line of a multi-line f-string is placed at its own column (3.9 adds the
     * string's start column plus one to its first line's columns).
     */
    FSTRING_FIELD_COLUMNS_PER_LINE(PythonVersion.V3_10),
    /** PEP 654: {@code except*} handlers. */
    EXCEPT_STAR(PythonVersion.V3_11),
    /** PEP 646: a starred expression as a subscript ({@code a[*b]}) and as {@code *args}' annotation. */
    STARRED_SUBSCRIPTS(PythonVersion.V3_11),
    /**
     * Grammar and trees of pegen (3.9+): before, CPython's LL(1) parser and {@code ast.c} accepted a
     * narrower language and located some nodes differently ({@link Ll1Trees}).
     */
    PEG_PARSER(PythonVersion.V3_9),
    /** PEP 701: f-strings tokenized as FSTRING_START ... FSTRING_END, real positions, nested quotes. */
    PEP701_FSTRINGS(PythonVersion.V3_12),
    /** PEP 695: {@code def f[T]()}, {@code class C[T]}, and the {@code type X = ...} statement. */
    TYPE_PARAMS(PythonVersion.V3_12),
    /**
     * A format spec's parts lose their empty constants and adjacent constants merge (3.12 keeps them
     * as the tokenizer gave them, an empty spec aside).
     */
    FSTRING_SPEC_MERGED(PythonVersion.V3_13),
    /** The text of an {@code =} field stays as written (3.12 and 3.13 decode its escapes). */
    FSTRING_DEBUG_TEXT_AS_WRITTEN(PythonVersion.V3_14),
    /** A raw f-string's format spec stays raw (3.12 and 3.13 decode its escapes). */
    FSTRING_RAW_FORMAT_SPEC(PythonVersion.V3_14),
    /** {@code ast.parse} itself checks the module's {@code from __future__} imports (before 3.14, compile does). */
    FUTURE_IMPORTS_CHECKED_BY_PARSE(PythonVersion.V3_14),
    /** PEP 696: {@code [T = int, *Ts = *tuple[int], **P = [int]]}. */
    TYPE_PARAM_DEFAULTS(PythonVersion.V3_13),
    /** PEP 750: t-strings, {@code TemplateStr} of {@code Interpolation}s. */
    TEMPLATE_STRINGS(PythonVersion.V3_14),
    /** PEP 758: {@code except A, B:} without parentheses (when there is no {@code as}). */
    UNPARENTHESIZED_EXCEPT(PythonVersion.V3_14);

    private final PythonVersion since;

    Feature(PythonVersion since) {
        this.since = since;
    }

    boolean allowedIn(PythonVersion target) {
        return target.atLeast(since);
    }
}
