package io.github.pycompile.flowgraph;

import io.github.pycompile.target.opcodes.Opcode;
import java.util.List;

/** 3.11's SWAP optimisations: {@code swaptimize} and {@code apply_static_swaps}. */
final class Swaps {
    private Swaps() {}

    private static final int VISITED = -1;

    /**
     * Rewrites the run of SWAPs and NOPs starting at {@code ix} into the shortest SWAP sequence with
     * the same permutation (cycle decomposition, written from the end of the run); returns the index
     * of the run's last instruction (or {@code ix} when the run had a single SWAP).
     */
    static int swaptimize(List<Instruction> ins, int ix) {
        int depth = ins.get(ix).oparg;
        int len = 0;
        boolean more = false;
        int limit = ins.size() - ix;
        while (++len < limit) {
            Opcode op = ins.get(ix + len).opcode;
            if (op == Opcode.SWAP) {
                depth = Math.max(depth, ins.get(ix + len).oparg);
                more = true;
            } else if (op != Opcode.NOP) {
                break;
            }
        }
        if (!more) {
            return ix;
        }
        int[] stack = new int[depth];
        for (int i = 0; i < depth; i++) {
            stack[i] = i;
        }
        for (int i = 0; i < len; i++) {
            Instruction in = ins.get(ix + i);
            if (in.opcode == Opcode.SWAP) {
                int top = stack[0];
                stack[0] = stack[in.oparg - 1];
                stack[in.oparg - 1] = top;
            }
        }
        int current = len - 1;
        for (int i = 0; i < depth; i++) {
            if (stack[i] == VISITED || stack[i] == i) {
                continue;
            }
            int j = i;
            while (true) {
                if (j != 0) {
                    Instruction in = ins.get(ix + current--);
                    in.opcode = Opcode.SWAP;
                    in.oparg = j + 1;
                }
                if (stack[j] == VISITED) {
                    break;
                }
                int nextJ = stack[j];
                stack[j] = VISITED;
                j = nextJ;
            }
        }
        while (0 <= current) {
            ins.get(ix + current--).opcode = Opcode.NOP;
        }
        return ix + len - 1;
    }

    private static boolean swappable(Opcode op) {
        return op == Opcode.STORE_FAST || op == Opcode.POP_TOP;
    }

    private static int storesTo(Instruction in) {
        return in.opcode == Opcode.STORE_FAST ? in.oparg : -1;
    }

    private static int nextSwappable(List<Instruction> ins, int i, int lineno) {
        while (++i < ins.size()) {
            Instruction in = ins.get(i);
            if (0 <= lineno && in.lineno() != lineno) {
                return -1;
            }
            if (in.opcode == Opcode.NOP) {
                continue;
            }
            return swappable(in.opcode) ? i : -1;
        }
        return -1;
    }

    /**
     * Replaces SWAPs before STORE_FAST/POP_TOP runs by exchanging those instructions instead, walking
     * back from {@code i} while only SWAPs, NOPs and swappable instructions are seen.
     */
    static void applyStaticSwaps(List<Instruction> ins, int i) {
        for (; 0 <= i; i--) {
            Instruction swap = ins.get(i);
            if (swap.opcode != Opcode.SWAP) {
                if (swap.opcode == Opcode.NOP || swappable(swap.opcode)) {
                    continue;
                }
                return;
            }
            int j = nextSwappable(ins, i, -1);
            if (j < 0) {
                return;
            }
            int k = j;
            int lineno = ins.get(j).lineno();
            for (int count = swap.oparg - 1; 0 < count; count--) {
                k = nextSwappable(ins, k, lineno);
                if (k < 0) {
                    return;
                }
            }
            int storeJ = storesTo(ins.get(j));
            int storeK = storesTo(ins.get(k));
            if (storeJ >= 0 || storeK >= 0) {
                if (storeJ == storeK) {
                    return;
                }
                for (int idx = j + 1; idx < k; idx++) {
                    int s = storesTo(ins.get(idx));
                    if (s >= 0 && (s == storeJ || s == storeK)) {
                        return;
                    }
                }
            }
            swap.opcode = Opcode.NOP;
            Instruction tj = ins.get(j);
            ins.set(j, ins.get(k));
            ins.set(k, tj);
        }
    }
}
