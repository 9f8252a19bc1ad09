package io.github.pycompile.flowgraph;

import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.marshal.PyObject.Tuple;
import io.github.pycompile.target.opcodes.Opcode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The flow-graph passes of CPython 3.11's {@code compile.c} {@code assemble()}, in its order and with
 * its quirks: {@code normalize_basic_block}, {@code extend_block}, {@code optimize_cfg} (the peephole
 * rules of {@code optimize_basic_block}, {@code clean_basic_block}, {@code mark_reachable},
 * {@code eliminate_empty_basic_blocks}, redundant-jump removal), {@code duplicate_exits_without_lineno},
 * {@code trim_unused_consts}, {@code propagate_line_numbers}, {@code guarantee_lineno_for_exits},
 * {@code label_exception_targets}, {@code convert_exception_handlers_to_nops} and
 * {@code normalize_jumps}.
 *
 * <p>Passes that CPython runs over its allocation list ({@code b_list}: newest block first) iterate
 * {@link CodeBuilder#blocks()} backwards; the others follow the layout ({@code b_next}) from the entry.
 */
public final class Optimizer311 {
    private static final int MAX_COPY_SIZE = 4;

    private final CodeBuilder cfg;
    private final List<PyObject> consts;
    private final ConstCache cache;

    /**
     * @param consts the unit's constants as a mutable list: folding appends to it, trimming cuts it
     */
    public Optimizer311(CodeBuilder cfg, List<PyObject> consts, ConstCache cache) {
        this.cfg = cfg;
        this.consts = consts;
        this.cache = cache;
    }

    // ---- opcode classes ----

    /**
     * 3.11 {@code is_jump}, decided by the opcode (an instruction turned into a NOP keeps its target
     * but is no jump): the pseudo jumps and 3.11's relative jumps; not the SETUP_* block pushes.
     */
    public static boolean isJump(Instruction i) {
        return isJumpOpcode(i.opcode);
    }

    public static boolean isJumpOpcode(Opcode op) {
        return switch (op) {
            case JUMP, JUMP_NO_INTERRUPT, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, POP_JUMP_IF_NONE,
                    POP_JUMP_IF_NOT_NONE, JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP, FOR_ITER, SEND, JUMP_FORWARD,
                    JUMP_BACKWARD, JUMP_BACKWARD_NO_INTERRUPT, POP_JUMP_FORWARD_IF_FALSE, POP_JUMP_FORWARD_IF_TRUE,
                    POP_JUMP_FORWARD_IF_NONE, POP_JUMP_FORWARD_IF_NOT_NONE, POP_JUMP_BACKWARD_IF_FALSE,
                    POP_JUMP_BACKWARD_IF_TRUE, POP_JUMP_BACKWARD_IF_NONE, POP_JUMP_BACKWARD_IF_NOT_NONE -> true;
            default -> false;
        };
    }

    /** Jumps and block pushes: the instructions whose target is an edge of the graph. */
    public static boolean hasTargetEdge(Instruction i) {
        return isJumpOpcode(i.opcode) || isBlockPush(i.opcode);
    }

    static boolean isBlockPush(Opcode op) {
        return op == Opcode.SETUP_FINALLY || op == Opcode.SETUP_CLEANUP || op == Opcode.SETUP_WITH;
    }

    /** Newest-first view of all blocks ({@code b_list}), a snapshot. */
    private List<BasicBlock> allocationList() {
        List<BasicBlock> l = new ArrayList<>(cfg.blocks());
        java.util.Collections.reverse(l);
        return l;
    }

    // ---- passes ----

    /** Marks exit and no-fall-through blocks; retargets jumps past empty blocks ({@code normalize_basic_block}). */
    public void normalizeBlocks() {
        for (BasicBlock b : allocationList()) {
            for (int i = 0; i < b.instrs.size(); i++) {
                Instruction in = b.instrs.get(i);
                switch (in.opcode) {
                    case RETURN_VALUE, RAISE_VARARGS, RERAISE -> {
                        b.exit = true;
                        b.nofallthrough = true;
                    }
                    case JUMP, JUMP_NO_INTERRUPT, POP_JUMP_IF_NOT_NONE, POP_JUMP_IF_NONE, POP_JUMP_IF_FALSE,
                            POP_JUMP_IF_TRUE, JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP, FOR_ITER -> {
                        if (in.opcode == Opcode.JUMP || in.opcode == Opcode.JUMP_NO_INTERRUPT) {
                            b.nofallthrough = true;
                        }
                        if (i != b.instrs.size() - 1) {
                            throw new IllegalStateException("internal error: malformed control flow graph: " + in
                                    + " is not last in " + b);
                        }
                        while (in.target.isEmpty()) {
                            in.target = in.target.next;
                        }
                    }
                    default -> {}
                }
            }
        }
    }

    /** {@code extend_block} over every block ({@code b_list} order). */
    public void extendBlocks() {
        for (BasicBlock b : allocationList()) {
            extendBlock(b);
        }
    }

    /** Copies a small line-less exit block into a block that jumps to it unconditionally. */
    private static void extendBlock(BasicBlock b) {
        Instruction last = b.last();
        if (last == null || (last.opcode != Opcode.JUMP && last.opcode != Opcode.JUMP_FORWARD
                && last.opcode != Opcode.JUMP_BACKWARD)) {
            return;
        }
        BasicBlock t = last.target;
        if (t.exit && t.instrs.size() <= MAX_COPY_SIZE) {
            for (Instruction x : t.instrs) {
                if (x.lineno() > 0) {
                    return;
                }
            }
            last.opcode = Opcode.NOP;
            for (Instruction x : t.instrs) {
                b.instrs.add(x.copy());
            }
            b.exit = true;
        }
    }

    /** {@code optimize_cfg}. */
    public void optimizeCfg() {
        BasicBlock entry = cfg.entry();
        for (BasicBlock b = entry; b != null; b = b.next) {
            optimizeBasicBlock(b);
            cleanBasicBlock(b);
        }
        extendBlocks();
        markReachable(entry);
        for (BasicBlock b = entry; b != null; b = b.next) {
            if (b.predecessors == 0) {
                b.instrs.clear();
                b.nofallthrough = false;
            }
        }
        eliminateEmptyBlocks(entry);
        for (BasicBlock b = entry; b != null; b = b.next) {
            cleanBasicBlock(b);
        }
        boolean maybeEmpty = false;
        for (BasicBlock b = entry; b != null; b = b.next) {
            Instruction last = b.last();
            if (last != null && (last.opcode == Opcode.JUMP || last.opcode == Opcode.JUMP_NO_INTERRUPT)
                    && last.target == b.next) {
                b.nofallthrough = false;
                last.opcode = Opcode.NOP;
                maybeEmpty = true;
            }
        }
        if (maybeEmpty) {
            eliminateEmptyBlocks(entry);
        }
    }

    /** The peephole rules of 3.11's {@code optimize_basic_block}. */
    void optimizeBasicBlock(BasicBlock bb) {
        List<Instruction> ins = bb.instrs;
        Instruction nop = new Instruction(Opcode.NOP, 0, null, Location.NONE);
        for (int i = 0; i < ins.size(); i++) {
            Instruction inst = ins.get(i);
            int oparg = inst.oparg;
            Opcode nextop = i + 1 < ins.size() ? ins.get(i + 1).opcode : null;
            Instruction target;
            if (hasTargetEdge(inst)) {
                while (inst.target.isEmpty()) {
                    inst.target = inst.target.next;
                }
                target = inst.target.instrs.get(0);
            } else {
                target = nop;
            }
            switch (inst.opcode) {
                case LOAD_CONST -> {
                    if (nextop == Opcode.POP_JUMP_IF_FALSE || nextop == Opcode.POP_JUMP_IF_TRUE) {
                        boolean isTrue = Truthiness.of(consts.get(oparg));
                        inst.opcode = Opcode.NOP;
                        boolean jumpIfTrue = nextop == Opcode.POP_JUMP_IF_TRUE;
                        if (isTrue == jumpIfTrue) {
                            ins.get(i + 1).opcode = Opcode.JUMP;
                            bb.nofallthrough = true;
                        } else {
                            ins.get(i + 1).opcode = Opcode.NOP;
                        }
                    } else if (nextop == Opcode.JUMP_IF_FALSE_OR_POP || nextop == Opcode.JUMP_IF_TRUE_OR_POP) {
                        boolean isTrue = Truthiness.of(consts.get(oparg));
                        boolean jumpIfTrue = nextop == Opcode.JUMP_IF_TRUE_OR_POP;
                        if (isTrue == jumpIfTrue) {
                            ins.get(i + 1).opcode = Opcode.JUMP;
                            bb.nofallthrough = true;
                        } else {
                            inst.opcode = Opcode.NOP;
                            ins.get(i + 1).opcode = Opcode.NOP;
                        }
                    } else if (nextop == Opcode.IS_OP) {
                        Opcode jumpOp = i + 2 < ins.size() ? ins.get(i + 2).opcode : null;
                        if (consts.get(oparg) == PyObject.Singleton.NONE
                                && (jumpOp == Opcode.POP_JUMP_IF_FALSE || jumpOp == Opcode.POP_JUMP_IF_TRUE)) {
                            int nextarg = ins.get(i + 1).oparg & 0xFF;
                            inst.opcode = Opcode.NOP;
                            ins.get(i + 1).opcode = Opcode.NOP;
                            boolean invert = (nextarg ^ (jumpOp == Opcode.POP_JUMP_IF_FALSE ? 1 : 0)) != 0;
                            ins.get(i + 2).opcode = invert ? Opcode.POP_JUMP_IF_NOT_NONE : Opcode.POP_JUMP_IF_NONE;
                        }
                    }
                }
                case BUILD_TUPLE -> {
                    if (nextop == Opcode.UNPACK_SEQUENCE && oparg == ins.get(i + 1).oparg) {
                        if (oparg == 1) {
                            inst.opcode = Opcode.NOP;
                            ins.get(i + 1).opcode = Opcode.NOP;
                            continue;
                        } else if (oparg == 2 || oparg == 3) {
                            inst.opcode = Opcode.NOP;
                            ins.get(i + 1).opcode = Opcode.SWAP;
                            continue;
                        }
                    }
                    if (i >= oparg) {
                        foldTupleOnConstants(ins, i - oparg, oparg);
                    }
                }
                case JUMP_IF_FALSE_OR_POP -> {
                    switch (target.opcode) {
                        case POP_JUMP_IF_FALSE -> i -= jumpThread(inst, target, Opcode.POP_JUMP_IF_FALSE);
                        case JUMP, JUMP_IF_FALSE_OR_POP -> i -= jumpThread(inst, target, Opcode.JUMP_IF_FALSE_OR_POP);
                        case JUMP_IF_TRUE_OR_POP, POP_JUMP_IF_TRUE -> {
                            if (inst.lineno() == target.lineno()) {
                                inst.opcode = Opcode.POP_JUMP_IF_FALSE;
                                inst.target = inst.target.next;
                                i--;
                            }
                        }
                        default -> {}
                    }
                }
                case JUMP_IF_TRUE_OR_POP -> {
                    switch (target.opcode) {
                        case POP_JUMP_IF_TRUE -> i -= jumpThread(inst, target, Opcode.POP_JUMP_IF_TRUE);
                        case JUMP, JUMP_IF_TRUE_OR_POP -> i -= jumpThread(inst, target, Opcode.JUMP_IF_TRUE_OR_POP);
                        case JUMP_IF_FALSE_OR_POP, POP_JUMP_IF_FALSE -> {
                            if (inst.lineno() == target.lineno()) {
                                inst.opcode = Opcode.POP_JUMP_IF_TRUE;
                                inst.target = inst.target.next;
                                i--;
                            }
                        }
                        default -> {}
                    }
                }
                case POP_JUMP_IF_NOT_NONE, POP_JUMP_IF_NONE, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, JUMP -> {
                    if (target.opcode == Opcode.JUMP) {
                        i -= jumpThread(inst, target, inst.opcode);
                    }
                }
                case SWAP -> {
                    if (oparg == 1) {
                        inst.opcode = Opcode.NOP;
                        break;
                    }
                    i = Swaps.swaptimize(ins, i);
                    Swaps.applyStaticSwaps(ins, i);
                }
                case PUSH_NULL -> {
                    // 3.11 tests the parity of LOAD_GLOBAL's opcode number (even) rather than its
                    // argument, so the rule always applies when LOAD_GLOBAL follows.
                    if (nextop == Opcode.LOAD_GLOBAL) {
                        inst.opcode = Opcode.NOP;
                        inst.oparg = 0;
                        ins.get(i + 1).oparg |= 1;
                    }
                }
                default -> {}
            }
        }
    }

    /** Retargets {@code inst} past the jump it lands on, when both are on one line; 1 if done. */
    private static int jumpThread(Instruction inst, Instruction target, Opcode opcode) {
        if (inst.lineno() == target.lineno() && inst.target != target.target) {
            inst.target = target.target;
            inst.opcode = opcode;
            return 1;
        }
        return 0;
    }

    /** LOAD_CONST x n; BUILD_TUPLE n into LOAD_CONST (tuple) ({@code fold_tuple_on_constants}). */
    private void foldTupleOnConstants(List<Instruction> ins, int start, int n) {
        for (int k = 0; k < n; k++) {
            Opcode op = ins.get(start + k).opcode;
            if (op != Opcode.LOAD_CONST && op != Opcode.KW_NAMES) {
                return; // checked for all n before any value is taken, as 3.11 does
            }
        }
        for (int k = 0; k < n; k++) {
            if (ins.get(start + k).opcode == Opcode.KW_NAMES) {
                throw new IllegalStateException("internal error: failed to get value of a constant");
            }
        }
        List<PyObject> items = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            items.add(consts.get(ins.get(start + k).oparg));
        }
        PyObject tuple = cache.mergeOne(new Tuple(items));
        int index = -1;
        for (int k = 0; k < consts.size(); k++) {
            if (consts.get(k) == tuple) {
                index = k;
                break;
            }
        }
        if (index < 0) {
            consts.add(tuple);
            index = consts.size() - 1;
        }
        for (int k = 0; k < n; k++) {
            ins.get(start + k).opcode = Opcode.NOP;
        }
        Instruction build = ins.get(start + n);
        build.opcode = Opcode.LOAD_CONST;
        build.oparg = index;
    }

    /** Removes NOPs that carry no line of their own ({@code clean_basic_block}). */
    static void cleanBasicBlock(BasicBlock bb) {
        List<Instruction> ins = bb.instrs;
        int dest = 0; // compacted in place, as CPython does: dest <= src, so look-ahead reads are unchanged
        int prevLineno = -1;
        for (int src = 0; src < ins.size(); src++) {
            Instruction in = ins.get(src);
            int lineno = in.lineno();
            if (in.opcode == Opcode.NOP) {
                if (lineno < 0) {
                    continue;
                }
                if (prevLineno == lineno) {
                    continue;
                }
                if (src < ins.size() - 1) {
                    Instruction nextIn = ins.get(src + 1);
                    if (nextIn.lineno() == lineno) {
                        continue;
                    }
                    if (nextIn.lineno() < 0) {
                        nextIn.loc = in.loc;
                        continue;
                    }
                } else {
                    BasicBlock next = bb.next;
                    while (next != null && next.isEmpty()) {
                        next = next.next;
                    }
                    if (next != null && lineno == next.instrs.get(0).lineno()) {
                        continue;
                    }
                }
            }
            if (dest != src) {
                ins.set(dest, in);
            }
            dest++;
            prevLineno = lineno;
        }
        if (dest < ins.size()) {
            ins.subList(dest, ins.size()).clear();
        }
    }

    /** Counts predecessors from the entry ({@code mark_reachable}); unreachable blocks keep 0. */
    static void markReachable(BasicBlock entry) {
        Deque<BasicBlock> stack = new ArrayDeque<>();
        entry.predecessors = 1;
        stack.push(entry);
        while (!stack.isEmpty()) {
            BasicBlock b = stack.pop();
            if (b.next != null && !b.nofallthrough) {
                if (b.next.predecessors == 0) {
                    stack.push(b.next);
                }
                b.next.predecessors++;
            }
            for (Instruction in : b.instrs) {
                if (hasTargetEdge(in)) {
                    if (in.target.predecessors == 0) {
                        stack.push(in.target);
                    }
                    in.target.predecessors++;
                }
            }
        }
    }

    /** Unlinks empty blocks from the layout and retargets final jumps past them. */
    static void eliminateEmptyBlocks(BasicBlock entry) {
        for (BasicBlock b = entry; b != null; b = b.next) {
            BasicBlock next = b.next;
            if (next != null) {
                while (next.isEmpty() && next.next != null) {
                    next = next.next;
                }
                b.next = next;
            }
        }
        for (BasicBlock b = entry; b != null; b = b.next) {
            Instruction last = b.last();
            if (last != null && isJump(last)) {
                BasicBlock t = last.target;
                while (t.isEmpty()) {
                    t = t.next;
                }
                last.target = t;
            }
        }
    }

    private static boolean isExitWithoutLineno(BasicBlock b) {
        if (!b.exit) {
            return false;
        }
        for (Instruction in : b.instrs) {
            if (in.lineno() >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Gives every jump to a shared line-less exit block its own copy, located at the jump
     * ({@code duplicate_exits_without_lineno}).
     */
    public void duplicateExitsWithoutLineno() {
        for (BasicBlock b : allocationList()) {
            Instruction last = b.last();
            if (last != null && isJump(last)) {
                BasicBlock target = last.target;
                if (isExitWithoutLineno(target) && target.predecessors > 1) {
                    BasicBlock copy = cfg.newDetachedBlock();
                    for (Instruction x : target.instrs) {
                        copy.instrs.add(x.copy());
                    }
                    copy.exit = target.exit;
                    copy.nofallthrough = true;
                    copy.instrs.get(0).loc = last.loc;
                    last.target = copy;
                    target.predecessors--;
                    copy.predecessors = 1;
                    copy.next = target.next;
                    target.next = copy;
                }
            }
        }
        for (BasicBlock b : allocationList()) {
            while (b.next != null && b.next.isEmpty()) {
                b.next = b.next.next;
            }
        }
        for (BasicBlock b : allocationList()) {
            if (!b.nofallthrough && b.next != null && !b.isEmpty() && isExitWithoutLineno(b.next)) {
                b.next.instrs.get(0).loc = b.last().loc;
            }
        }
    }

    /** Drops constants after the last one used, keeping index 0 (a docstring) ({@code trim_unused_consts}). */
    public void trimUnusedConsts() {
        int max = 0;
        for (BasicBlock b = cfg.entry(); b != null; b = b.next) {
            for (Instruction in : b.instrs) {
                if ((in.opcode == Opcode.LOAD_CONST || in.opcode == Opcode.KW_NAMES) && in.oparg > max) {
                    max = in.oparg;
                }
            }
        }
        while (consts.size() > max + 1) {
            consts.remove(consts.size() - 1);
        }
    }

    /** Line-less instructions take the location before them; single-predecessor successors too. */
    public void propagateLineNumbers() {
        for (BasicBlock b = cfg.entry(); b != null; b = b.next) {
            if (b.isEmpty()) {
                continue;
            }
            Location prev = Location.NONE;
            for (Instruction in : b.instrs) {
                if (in.lineno() < 0) {
                    in.loc = prev;
                } else {
                    prev = in.loc;
                }
            }
            if (!b.nofallthrough && b.next.predecessors == 1) {
                Instruction first = b.next.instrs.get(0);
                if (first.lineno() < 0) {
                    first.loc = prev;
                }
            }
            Instruction last = b.last();
            if (isJump(last) && last.target.predecessors == 1) {
                Instruction first = last.target.instrs.get(0);
                if (first.lineno() < 0) {
                    first.loc = prev;
                }
            }
        }
    }

    /** A line-less block ending in RETURN_VALUE gets the last line seen before it (line only). */
    public void guaranteeLinenoForExits(int firstLineno) {
        int lineno = firstLineno;
        for (BasicBlock b = cfg.entry(); b != null; b = b.next) {
            Instruction last = b.last();
            if (last == null) {
                continue;
            }
            if (last.lineno() < 0) {
                if (last.opcode == Opcode.RETURN_VALUE) {
                    for (Instruction in : b.instrs) {
                        in.loc = in.loc.withLineno(lineno);
                    }
                }
            } else {
                lineno = last.lineno();
            }
        }
    }

    /**
     * Walks the blocks with a stack of active handlers to give every instruction its handler
     * ({@code label_exception_targets}); SETUP_WITH/SETUP_CLEANUP handlers preserve lasti.
     */
    public void labelExceptionTargets() {
        BasicBlock entry = cfg.entry();
        for (BasicBlock b = entry; b != null; b = b.next) {
            b.visited = false;
        }
        java.util.Map<BasicBlock, Deque<BasicBlock>> stacks = new java.util.IdentityHashMap<>();
        Deque<BasicBlock> todo = new ArrayDeque<>();
        entry.visited = true;
        stacks.put(entry, new ArrayDeque<>());
        todo.push(entry);
        while (!todo.isEmpty()) {
            BasicBlock b = todo.pop();
            Deque<BasicBlock> stack = stacks.remove(b);
            BasicBlock handler = stack.peek();
            for (Instruction in : b.instrs) {
                if (isBlockPush(in.opcode)) {
                    if (!in.target.visited) {
                        stacks.put(in.target, new ArrayDeque<>(stack));
                        in.target.visited = true;
                        todo.push(in.target);
                    }
                    if (in.opcode == Opcode.SETUP_WITH || in.opcode == Opcode.SETUP_CLEANUP) {
                        in.target.preserveLasti = true;
                    }
                    stack.push(in.target);
                    handler = in.target;
                } else if (in.opcode == Opcode.POP_BLOCK) {
                    stack.pop();
                    handler = stack.peek();
                } else if (isJump(in)) {
                    in.except = handler;
                    if (!in.target.visited) {
                        stacks.put(in.target, b.nofallthrough ? stack : new ArrayDeque<>(stack));
                        in.target.visited = true;
                        todo.push(in.target);
                    }
                } else {
                    in.except = handler;
                }
            }
            if (!b.nofallthrough && !b.next.visited) {
                stacks.put(b.next, stack);
                b.next.visited = true;
                todo.push(b.next);
            }
        }
    }

    /** SETUP_* and POP_BLOCK become NOPs, then NOPs are cleaned. */
    public void convertExceptionHandlersToNops() {
        for (BasicBlock b = cfg.entry(); b != null; b = b.next) {
            for (Instruction in : b.instrs) {
                if (isBlockPush(in.opcode) || in.opcode == Opcode.POP_BLOCK) {
                    in.opcode = Opcode.NOP;
                }
            }
        }
        for (BasicBlock b = cfg.entry(); b != null; b = b.next) {
            cleanBasicBlock(b);
        }
    }

    /** Pseudo jumps become the forward or backward real opcode by layout order ({@code normalize_jumps}). */
    public void normalizeJumps() {
        for (BasicBlock b = cfg.entry(); b != null; b = b.next) {
            b.visited = false;
        }
        for (BasicBlock b = cfg.entry(); b != null; b = b.next) {
            b.visited = true;
            Instruction last = b.last();
            if (last == null || !isJump(last)) {
                continue;
            }
            boolean forward = !last.target.visited;
            switch (last.opcode) {
                case JUMP -> last.opcode = forward ? Opcode.JUMP_FORWARD : Opcode.JUMP_BACKWARD;
                case JUMP_NO_INTERRUPT -> last.opcode = forward ? Opcode.JUMP_FORWARD
                        : Opcode.JUMP_BACKWARD_NO_INTERRUPT;
                case POP_JUMP_IF_NOT_NONE -> last.opcode = forward ? Opcode.POP_JUMP_FORWARD_IF_NOT_NONE
                        : Opcode.POP_JUMP_BACKWARD_IF_NOT_NONE;
                case POP_JUMP_IF_NONE -> last.opcode = forward ? Opcode.POP_JUMP_FORWARD_IF_NONE
                        : Opcode.POP_JUMP_BACKWARD_IF_NONE;
                case POP_JUMP_IF_FALSE -> last.opcode = forward ? Opcode.POP_JUMP_FORWARD_IF_FALSE
                        : Opcode.POP_JUMP_BACKWARD_IF_FALSE;
                case POP_JUMP_IF_TRUE -> last.opcode = forward ? Opcode.POP_JUMP_FORWARD_IF_TRUE
                        : Opcode.POP_JUMP_BACKWARD_IF_TRUE;
                case JUMP_IF_TRUE_OR_POP, JUMP_IF_FALSE_OR_POP -> {
                    if (!forward) {
                        throw new IllegalStateException("internal error: unexpected " + last.opcode
                                + " jumping backwards");
                    }
                }
                default -> {}
            }
        }
    }

    /** The blocks in layout order from the entry. */
    public List<BasicBlock> layout() {
        List<BasicBlock> l = new ArrayList<>();
        for (BasicBlock b = cfg.entry(); b != null; b = b.next) {
            l.add(b);
        }
        return l;
    }
}
