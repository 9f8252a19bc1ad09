package io.github.pycompile.flowgraph;

import io.github.pycompile.target.opcodes.Opcode;

/**
 * One instruction of a basic block, as 3.11's {@code struct instr}: an {@link Opcode} (a real opcode
 * of the target or a pseudo-instruction such as {@code SETUP_FINALLY}, {@code JUMP},
 * {@code POP_JUMP_IF_FALSE}), an integer argument, a jump target for jumps and block-setup
 * pseudo-instructions, the exception handler in force (filled by the assembler from the
 * SETUP_*&#47;POP_BLOCK structure) and a source {@link Location}.
 *
 * <p>Mutable on purpose: the flow-graph passes rewrite instructions in place as CPython's do.
 */
public final class Instruction {
    public Opcode opcode;
    /** The argument; for jumps the assembler overwrites it with the encoded offset. */
    public int oparg;
    /** The jump (or handler) target block, or null. */
    public BasicBlock target;
    /** The innermost exception handler covering this instruction, or null (set by the assembler). */
    public BasicBlock except;
    public Location loc;

    public Instruction(Opcode opcode, int oparg, BasicBlock target, Location loc) {
        this.opcode = opcode;
        this.oparg = oparg;
        this.target = target;
        this.loc = loc;
    }

    public Instruction copy() {
        Instruction i = new Instruction(opcode, oparg, target, loc);
        i.except = except;
        return i;
    }

    public int lineno() {
        return loc.lineno();
    }

    @Override
    public String toString() {
        return opcode.cpythonName() + (target != null ? " -> B" + target.id : " " + oparg) + " @" + loc;
    }
}
