package io.github.pycompile.assemble;

import java.util.ArrayList;
import java.util.List;

/**
 * A basic block of the CPython 2.x compiler ({@code basicblock} of 2.7's {@code compile.c}): its
 * instructions, the block control falls into ({@code next}), and the assembler's per-block state.
 */
public final class Block2 {
    /** One instruction: a real 2.x opcode, its argument, or its target block for jumps. */
    public static final class Instr {
        public final int op;
        public int arg;
        public final boolean hasArg;
        public final Block2 target;
        public final boolean absolute;
        public int lineno;

        public Instr(int op, int arg, boolean hasArg, Block2 target, boolean absolute) {
            this.op = op;
            this.arg = arg;
            this.hasArg = hasArg;
            this.target = target;
            this.absolute = absolute;
        }

        public boolean isJump() {
            return target != null;
        }

        /** 1 byte, 3 with an argument, 6 with EXTENDED_ARG (as 2.7's instrsize). */
        int size() {
            if (!hasArg) {
                return 1;
            }
            return arg > 0xffff ? 6 : 3;
        }
    }

    public final List<Instr> instrs = new ArrayList<>();
    public Block2 next;
    /** True once a RETURN_VALUE was added to this block. */
    public boolean returns;
    boolean seen;
    int startDepth;
    int offset;
}
