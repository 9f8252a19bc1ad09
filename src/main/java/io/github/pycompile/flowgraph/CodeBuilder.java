package io.github.pycompile.flowgraph;

import io.github.pycompile.target.opcodes.Opcode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The emitter code generation writes one code unit into, as 3.11's {@code compiler_unit} blocks:
 * a current block that {@link #emit} appends to, blocks created with {@link #newLabel()} and placed in
 * layout order with {@link #useLabel(Label)} ({@code compiler_use_next_block}: the current block's
 * {@code next} becomes the label's block, which becomes current).
 *
 * <p>As in 3.11, emitting a jump does not start a new block: code generation places a new block
 * after a conditional jump itself ({@link #nextBlock()}, 3.11's {@code NEXT_BLOCK}) where CPython does.
 * Arguments are final values except for jumps (the target block is kept) and for the cell/free
 * variable opcodes ({@code LOAD_DEREF}, {@code STORE_DEREF}, {@code DELETE_DEREF},
 * {@code LOAD_CLOSURE}, {@code LOAD_CLASSDEREF}), whose argument is 3.11's pre-assembly index: the
 * position in {@link CodeUnit#cellvars}, or {@code cellvars.size()} plus the position in
 * {@link CodeUnit#freevars}; the assembler maps it to the localsplus index ({@code fix_cell_offsets}).
 */
public final class CodeBuilder {
    private final List<BasicBlock> blocks = new ArrayList<>();
    private final BasicBlock entry;
    private BasicBlock current;

    public CodeBuilder() {
        entry = newBlock();
        current = entry;
    }

    private BasicBlock newBlock() {
        BasicBlock b = new BasicBlock(blocks.size());
        blocks.add(b);
        return b;
    }

    /** A new, not yet placed block ({@code compiler_new_block}). */
    public Label newLabel() {
        return new Label(newBlock());
    }

    /**
     * Places {@code label}'s block after the current one in layout order and makes it current
     * ({@code compiler_use_next_block}).
     */
    public void useLabel(Label label) {
        current.next = label.block;
        current = label.block;
    }

    /** Starts a new unnamed block after the current one ({@code NEXT_BLOCK}). */
    public Label nextBlock() {
        Label l = newLabel();
        useLabel(l);
        return l;
    }

    /** Appends {@code op} with argument 0 ({@code ADDOP}). */
    public Instruction emit(Opcode op, Location loc) {
        return emit(op, 0, loc);
    }

    /** Appends {@code op} with argument {@code arg} ({@code ADDOP_I}, {@code ADDOP_LOAD_CONST} with an index, ...). */
    public Instruction emit(Opcode op, int arg, Location loc) {
        Instruction i = new Instruction(op, arg, null, loc);
        current.instrs.add(i);
        return i;
    }

    /**
     * Appends a jump or a block-setup pseudo-instruction ({@code SETUP_FINALLY}, {@code SETUP_CLEANUP},
     * {@code SETUP_WITH}: the target is the handler) to {@code target} ({@code ADDOP_JUMP}).
     */
    public Instruction emitJump(Opcode op, Label target, Location loc) {
        Instruction i = new Instruction(op, 0, target.block, loc);
        current.instrs.add(i);
        return i;
    }

    /** The first block created: where execution starts. */
    public BasicBlock entry() {
        return entry;
    }

    public BasicBlock current() {
        return current;
    }

    /** All blocks in creation order (including unplaced ones). */
    public List<BasicBlock> blocks() {
        return Collections.unmodifiableList(blocks);
    }

    /** Creates a block outside the layout, for the assembler's own passes (e.g. exit-block copies). */
    public BasicBlock newDetachedBlock() {
        return newBlock();
    }
}
