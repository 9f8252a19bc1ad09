package io.github.pycompile.flowgraph;

/**
 * The source span of one instruction, with CPython's conventions (3.11 {@code struct instr}
 * {@code i_lineno/i_end_lineno/i_col_offset/i_end_col_offset}): lines 1-based, columns 0-based
 * UTF-8 byte offsets, end column exclusive. {@code -1} in a field means "unknown"; a {@code lineno}
 * below 0 means the instruction has no location at all (it becomes a "no location" entry of the
 * location table, or inherits its predecessor's line in {@code propagate_line_numbers}).
 */
public record Location(int lineno, int endLineno, int col, int endCol) {
    /** No location: artificial instructions (3.11 uses lineno -1 for them). */
    public static final Location NONE = new Location(-1, -1, -1, -1);

    /**
     * The location 3.11's {@code *_noline} emitters give ({@code compiler_addop_noline},
     * {@code compiler_addop_j_noline}): no line, but end line and columns 0. Encoded like
     * {@link #NONE} unless a later pass gives the instruction a line of its own.
     */
    public static final Location NOLINE = new Location(-1, 0, 0, 0);

    /** A location on one line with unknown columns. */
    public static Location line(int lineno) {
        return new Location(lineno, lineno, -1, -1);
    }

    /** Whether this has a line number (lineno &gt;= 0; 3.11 treats 0 as a line, negative as none). */
    public boolean hasLine() {
        return lineno >= 0;
    }

    /** This location with another line, columns and end line kept (as CPython's line propagation does). */
    public Location withLineno(int line) {
        return new Location(line, endLineno, col, endCol);
    }

    @Override
    public String toString() {
        return lineno < 0 ? "-" : lineno + ":" + col + "-" + endLineno + ":" + endCol;
    }
}
