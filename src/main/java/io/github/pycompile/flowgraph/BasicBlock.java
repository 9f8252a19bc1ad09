package io.github.pycompile.flowgraph;

import java.util.ArrayList;
import java.util.List;

/**
 * A basic block, as 3.11's {@code basicblock}: its instructions, the next block in layout order
 * ({@code b_next}, the fall-through successor unless the block ends in an unconditional transfer) and
 * the scratch fields the assembler's passes use.
 */
public final class BasicBlock {
    /** Creation order, for listings; the first block created is the entry block. */
    public final int id;
    public final List<Instruction> instrs = new ArrayList<>();
    /** The next block in layout order ({@code b_next}). */
    public BasicBlock next;

    // Scratch state of the passes (b_predecessors, b_startdepth, b_offset, b_visited, ...).
    public int predecessors;
    public int startDepth = Integer.MIN_VALUE;
    /** Offset in code units of the first instruction, after assembly. */
    public int offset;
    public boolean visited;
    public boolean cold;
    public boolean warm;
    /** Whether the block is an exception handler ({@code b_except_handler}, 3.11 "b_exceptstart"). */
    public boolean exceptHandler;
    /** Whether the handler preserves the last instruction offset ({@code b_preserve_lasti}, SETUP_CLEANUP/WITH). */
    public boolean preserveLasti;
    /** Control never falls through to {@link #next} ({@code b_nofallthrough}). */
    public boolean nofallthrough;
    /** The block ends the code unit: it ends in a return or raise ({@code b_exit}). */
    public boolean exit;
    /** A RETURN_VALUE was emitted into this block ({@code b_return}). */
    public boolean returns;

    BasicBlock(int id) {
        this.id = id;
    }

    public boolean isEmpty() {
        return instrs.isEmpty();
    }

    public Instruction last() {
        return instrs.isEmpty() ? null : instrs.get(instrs.size() - 1);
    }

    @Override
    public String toString() {
        return "B" + id;
    }
}
