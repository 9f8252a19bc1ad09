package io.github.pycompile.assemble;

import io.github.pycompile.flowgraph.BasicBlock;
import io.github.pycompile.flowgraph.Instruction;
import io.github.pycompile.flowgraph.Optimizer311;
import io.github.pycompile.target.opcodes.Opcode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The maximum stack depth ({@code co_stacksize}) as 3.11's {@code stackdepth}: a work-list walk from
 * the entry block, each block entered at the depth of its first visit (a deeper later visit
 * re-enters it, up to CPython's cap of 100), following fall-through, jumps and the handler edges of
 * SETUP_* pseudo-instructions, and stopping a block at an unconditional transfer.
 */
public final class StackDepth {
    private StackDepth() {}

    /**
     * Computes the depth of {@code blocks} (layout order, {@code blocks.get(0)} the entry).
     * {@code extraRoots} are blocks with a preset {@link BasicBlock#startDepth} also walked from (the
     * handlers of code read back from a code object, whose SETUP_* instructions are gone).
     * {@code entryDepth} is 1 for generators and coroutines (3.11 starts them with the value sent
     * in on the stack, which the initial {@code RETURN_GENERATOR; POP_TOP} pops), else 0.
     */
    public static int compute(List<BasicBlock> blocks, List<BasicBlock> extraRoots, int entryDepth) {
        for (BasicBlock b : blocks) {
            if (!extraRoots.contains(b)) {
                b.startDepth = Integer.MIN_VALUE;
            }
        }
        Deque<BasicBlock> stack = new ArrayDeque<>();
        int[] max = {0};
        push(stack, blocks.get(0), entryDepth);
        for (BasicBlock r : extraRoots) {
            max[0] = Math.max(max[0], r.startDepth);
            stack.push(r);
        }
        while (!stack.isEmpty()) {
            BasicBlock b = stack.pop();
            int depth = b.startDepth;
            BasicBlock next = b.next;
            for (Instruction in : b.instrs) {
                int effect = StackEffects311.effect(in.opcode, in.oparg, false);
                int newDepth = depth + effect;
                if (newDepth < 0) {
                    throw new IllegalStateException("internal error: negative stack depth at " + in + " in " + b);
                }
                max[0] = Math.max(max[0], newDepth);
                if (in.target != null && Optimizer311.hasTargetEdge(in)) {
                    int targetDepth = depth + StackEffects311.effect(in.opcode, in.oparg, true);
                    max[0] = Math.max(max[0], targetDepth);
                    push(stack, in.target, targetDepth);
                }
                depth = newDepth;
                if (Opcodes311.isUnconditionalTransfer(in.opcode)) {
                    next = null;
                    break;
                }
            }
            if (next != null) {
                push(stack, next, depth);
            }
        }
        return max[0];
    }

    private static void push(Deque<BasicBlock> stack, BasicBlock b, int depth) {
        if (b.startDepth < depth && b.startDepth < 100) {
            b.startDepth = depth;
            stack.push(b);
        }
    }
}
