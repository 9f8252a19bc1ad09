package io.github.pycompile.assemble;

import io.github.pycompile.target.opcodes.Opcode;

/** Opcode classes 3.11's {@code compile.c} tests for (by name, so pseudo and real opcodes alike). */
final class Opcodes311 {
    private Opcodes311() {}

    /** Instructions after which control never falls through (the rest of the block is dead). */
    static boolean isUnconditionalTransfer(Opcode op) {
        return switch (op) {
            case JUMP, JUMP_NO_INTERRUPT, JUMP_FORWARD, JUMP_BACKWARD, JUMP_BACKWARD_NO_INTERRUPT,
                    RETURN_VALUE, RAISE_VARARGS, RERAISE -> true;
            default -> false;
        };
    }

    /** Unconditional jumps, pseudo or resolved. */
    static boolean isUnconditionalJump(Opcode op) {
        return switch (op) {
            case JUMP, JUMP_NO_INTERRUPT, JUMP_FORWARD, JUMP_BACKWARD, JUMP_BACKWARD_NO_INTERRUPT -> true;
            default -> false;
        };
    }

    /** The block-push pseudo-instructions, whose target is an exception handler. */
    static boolean isBlockPush(Opcode op) {
        return op == Opcode.SETUP_FINALLY || op == Opcode.SETUP_CLEANUP || op == Opcode.SETUP_WITH;
    }

    /** Real 3.11 jumps that go backwards (their argument counts back from the end of the instruction). */
    static boolean isBackwardJump(Opcode op) {
        return switch (op) {
            case JUMP_BACKWARD, JUMP_BACKWARD_NO_INTERRUPT, POP_JUMP_BACKWARD_IF_FALSE,
                    POP_JUMP_BACKWARD_IF_TRUE, POP_JUMP_BACKWARD_IF_NONE, POP_JUMP_BACKWARD_IF_NOT_NONE -> true;
            default -> false;
        };
    }
}
