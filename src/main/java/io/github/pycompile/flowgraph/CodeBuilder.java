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
 * <p>As in 3.11, an instruction that ends a basic block (any jump — not the SETUP_* pseudo-instructions
 * —, {@code RETURN_VALUE}, {@code RAISE_VARARGS}, {@code RERAISE}) makes the next emitted instruction
 * start a new, implicit block ({@code u_need_new_implicit_block}), unless a label is placed first.
 *
 * <p>Arguments are final values except for jumps (the target block is kept; the argument is computed
 * by the assembler) and for the cell/free variable opcodes ({@code LOAD_DEREF}, {@code STORE_DEREF},
 * {@code DELETE_DEREF}, {@code LOAD_CLOSURE}, {@code LOAD_CLASSDEREF}), whose argument is 3.11's
 * pre-assembly index: the position in {@link CodeUnit#cellvars}, or {@code cellvars.size()} plus the
 * position in {@link CodeUnit#freevars}; the assembler maps it to the localsplus index
 * ({@code fix_cell_offsets}).
 */
public final class CodeBuilder {
    private final List<BasicBlock> blocks = new ArrayList<>();
    private final BasicBlock entry;
    private BasicBlock current;
    private boolean needNewBlock;

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
        needNewBlock = false;
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
        return add(new Instruction(op, arg, null, loc));
    }

    /**
     * Appends a jump or a block-setup pseudo-instruction ({@code SETUP_FINALLY}, {@code SETUP_CLEANUP},
     * {@code SETUP_WITH}: the target is the handler) to {@code target} ({@code ADDOP_JUMP}).
     */
    public Instruction emitJump(Opcode op, Label target, Location loc) {
        return add(new Instruction(op, 0, target.block, loc));
    }

    private Instruction add(Instruction i) {
        if (needNewBlock) {
            nextBlock();
        }
        current.instrs.add(i);
        if (i.opcode == Opcode.RETURN_VALUE) {
            current.returns = true;
        }
        if (endsBlock(i)) {
            needNewBlock = true;
        }
        return i;
    }

    private static boolean endsBlock(Instruction i) {
        return switch (i.opcode) {
            case RETURN_VALUE, RAISE_VARARGS, RERAISE -> true;
            case SETUP_FINALLY, SETUP_CLEANUP, SETUP_WITH -> false;
            default -> i.target != null;
        };
    }

    /** The first block created: where execution starts. */
    public BasicBlock entry() {
        return entry;
    }

    /** The block the next instruction goes to (before any implicit new block). */
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
