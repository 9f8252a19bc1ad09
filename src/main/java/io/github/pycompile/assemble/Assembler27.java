package io.github.pycompile.assemble;

import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.marshal.PyObject.Bytes;
import io.github.pycompile.marshal.PyObject.Tuple;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CPython 2.7's assembler ({@code assemble} and {@code makecode} of {@code compile.c}): blocks laid
 * out in reverse post-order of a depth-first walk from the entry block (unreachable blocks dropped),
 * jump arguments computed until the EXTENDED_ARG count is stable, the byte string and
 * {@code co_lnotab} emitted, the peephole optimiser run, the stack depth found by 2.7's walk, and
 * the code object built with 2.7's string interning (names always; constants made of name
 * characters, the empty string and shared one-character strings), unicode surrogate pairs
 * written as 2.x's UTF-8 encoder writes them (joined).
 */
public final class Assembler27 {
    private final Opcodes2 o;
    /** 2.6: strings surely interned already when the next code object is made (see {@link #internConstants26}). */
    private final java.util.Set<String> knownInterned26 = new java.util.HashSet<>();
    private final Peephole27 peephole;

    public Assembler27(Opcodes2 ops) {
        this.o = ops;
        this.peephole = new Peephole27(ops);
    }

    /** What a compiler unit hands to the assembler. */
    public record Unit(List<Block2> blocksInAllocationOrder, List<PyObject> consts,
            List<String> names, List<String> varnames, List<String> cellvars, List<String> freevars,
            int argcount, int flags, int firstlineno, String name, boolean nameInterned, String filename) {}

    /** Builds the code object of a unit whose last block already returns (the caller adds 2.7's implicit return). */
    /** The strings surely interned before the next code object (2.6): the caller adds the tree's identifiers. */
    public java.util.Set<String> knownInterned26() {
        return knownInterned26;
    }

    public PyObject.Code assemble(Unit u) throws io.github.pycompile.UnsupportedFeatureException {
        List<Block2> blocks = u.blocksInAllocationOrder();
        Block2 entry = blocks.get(0);
        int firstlineno = u.firstlineno();
        if (firstlineno == 0) {
            firstlineno = !entry.instrs.isEmpty() ? entry.instrs.get(0).lineno : 1;
        }
        List<Block2> order = postorder(entry);
        jumpOffsets(order, blocks);
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        ByteArrayOutputStream lnotab = new ByteArrayOutputStream();
        int[] state = {firstlineno, 0}; // a_lineno, a_lineno_off
        for (int i = order.size() - 1; i >= 0; i--) {
            for (Block2.Instr in : order.get(i).instrs) {
                emit(in, code, lnotab, state);
            }
        }
        byte[] lnotabBytes = lnotab.toByteArray();
        List<PyObject> consts = new ArrayList<>(u.consts());
        byte[] bytecode = peephole.optimize(code.toByteArray(), consts, u.names(), lnotabBytes);
        int stack = stackDepth(blocks);
        List<PyObject> finalConsts = new ArrayList<>(consts.size());
        List<String> internedHere = new ArrayList<>();
        for (PyObject c : consts) {
            if (o.py26) {
                PyObject k = internConstants26(c, true, knownInterned26);
                if (k == null) {
                    throw new io.github.pycompile.UnsupportedFeatureException(
                            io.github.pycompile.target.PythonVersion.V2_6,
                            "a constant tuple holding a name-like string (whether 2.6 interns it depends on"
                                    + " object identity)", firstlineno);
                }
                finalConsts.add(k);
                if (k instanceof Bytes b && b.interned()) {
                    internedHere.add(new String(b.value(), StandardCharsets.ISO_8859_1));
                }
            } else {
                finalConsts.add(internConstants(c));
            }
        }
        knownInterned26.addAll(internedHere); // interned by this code object, before the next one
        return new PyObject.Code(u.argcount(), 0, 0, u.varnames().size(), stack, u.flags(), new Bytes(bytecode, false),
                new Tuple(finalConsts), names(u.names()), names(u.varnames()), names(u.freevars()),
                names(u.cellvars()), null, null, new Bytes(u.filename().getBytes(StandardCharsets.UTF_8), false),
                new Bytes(ascii(u.name()), u.nameInterned()), null, firstlineno,
                new Bytes(lnotabBytes, lnotabBytes.length == 0 && !o.py26), null);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Tuple names(List<String> names) {
        List<PyObject> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(new Bytes(ascii(n), true));
        }
        return new Tuple(out);
    }

    /**
     * 2.7's PyCode_New interns every str constant made only of name characters (inside tuples too);
     * the empty string and the shared one-character strings are interned already. A tree or
     * folding constant's {@code Bytes.interned} here means "the shared one-character object".
     */
    static PyObject internConstants(PyObject c) {
        if (c instanceof Bytes b) {
            byte[] v = b.value();
            boolean interned = v.length == 0 || (v.length == 1 && b.interned()) || allNameChars(v);
            return interned == b.interned() ? c : new Bytes(v, interned);
        }
        if (c instanceof PyObject.Str s && s.lonePairs()) {
            // 2.x marshal encodes a high-low surrogate pair as one 4-byte UTF-8 sequence
            return new PyObject.Str(s.value(), false);
        }
        if (c instanceof Tuple t) {
            List<PyObject> items = new ArrayList<>(t.items().size());
            boolean changed = false;
            for (PyObject x : t.items()) {
                PyObject y = internConstants(x);
                changed |= y != x;
                items.add(y);
            }
            return changed ? new Tuple(items) : c;
        }
        return c;
    }

    /**
     * 2.6's PyCode_New: only the code object's own str constants are interned (not those inside
     * tuples), and its name-character test stops at the first NUL byte (so {@code "abc\0x"} counts).
     * A str inside a tuple (folded from the code object's own constants, so the same object as the
     * top-level one) is interned only when that very object got interned at the top level, that is
     * when no equal string was interned before: not interned when {@code known} holds it (an
     * identifier of the tree, or a constant interned by an earlier code object) or when 2.6's
     * interpreter had interned it already ({@link Interned26}); null (refuse) when that is not known.
     */
    static PyObject internConstants26(PyObject c, boolean top, java.util.Set<String> known) {
        if (c instanceof Bytes b) {
            byte[] v = b.value();
            boolean nameLike = allNameChars26(v);
            boolean interned;
            if (v.length == 0) {
                interned = true;
            } else if (v.length == 1 && b.interned()) {
                interned = true;
            } else if (top) {
                interned = nameLike;
            } else if (b.interned()) {
                interned = true; // an identifier object itself (an import's fromlist)
            } else if (nameLike) {
                String str = new String(v, StandardCharsets.ISO_8859_1);
                if (known.contains(str)) {
                    interned = false;
                } else {
                    // interned here unless the interpreter had interned an equal string before
                    Boolean before = Interned26.before(str);
                    if (before == null) {
                        return null;
                    }
                    interned = !before;
                }
            } else {
                interned = false;
            }
            return interned == b.interned() ? c : new Bytes(v, interned);
        }
        if (c instanceof PyObject.Str s && s.lonePairs()) {
            return new PyObject.Str(s.value(), false);
        }
        if (c instanceof Tuple t) {
            List<PyObject> items = new ArrayList<>(t.items().size());
            boolean changed = false;
            for (PyObject x : t.items()) {
                PyObject y = internConstants26(x, false, known);
                if (y == null) {
                    return null;
                }
                changed |= y != x;
                items.add(y);
            }
            return changed ? new Tuple(items) : c;
        }
        return c;
    }

    private static boolean allNameChars26(byte[] v) {
        int n = 0;
        while (n < v.length && v[n] != 0) {
            n++;
        }
        return allNameChars(java.util.Arrays.copyOf(v, n));
    }

    private static boolean allNameChars(byte[] v) {
        for (byte b : v) {
            char ch = (char) (b & 0xff);
            if (!(ch == '_' || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))) {
                return false;
            }
        }
        return true;
    }

    /** dfs of 2.7's assembler, without recursion: fall-through block first, then jump targets. */
    private static List<Block2> postorder(Block2 entry) {
        List<Block2> out = new ArrayList<>();
        List<Block2> stack = new ArrayList<>();
        List<Integer> pos = new ArrayList<>();
        entry.seen = true;
        stack.add(entry);
        pos.add(-1);
        while (!stack.isEmpty()) {
            int top = stack.size() - 1;
            Block2 b = stack.get(top);
            int p = pos.get(top);
            Block2 nextVisit = null;
            while (nextVisit == null) {
                if (p == -1) {
                    p = 0;
                    if (b.next != null && !b.next.seen) {
                        nextVisit = b.next;
                    }
                } else if (p < b.instrs.size()) {
                    Block2.Instr in = b.instrs.get(p);
                    p++;
                    if (in.isJump() && !in.target.seen) {
                        nextVisit = in.target;
                    }
                } else {
                    break;
                }
            }
            pos.set(top, p);
            if (nextVisit != null) {
                nextVisit.seen = true;
                stack.add(nextVisit);
                pos.add(-1);
            } else {
                out.add(b);
                stack.remove(top);
                pos.remove(top);
            }
        }
        return out;
    }

    private static void jumpOffsets(List<Block2> order, List<Block2> all) {
        int extended = 0;
        int last;
        do {
            int totsize = 0;
            for (int i = order.size() - 1; i >= 0; i--) {
                Block2 b = order.get(i);
                b.offset = totsize;
                for (Block2.Instr in : b.instrs) {
                    totsize += in.size();
                }
            }
            last = extended;
            extended = 0;
            for (int k = all.size() - 1; k >= 0; k--) {
                Block2 b = all.get(k);
                int bsize = b.offset;
                for (Block2.Instr in : b.instrs) {
                    bsize += in.size();
                    if (!in.isJump()) {
                        continue;
                    }
                    in.arg = in.absolute ? in.target.offset : in.target.offset - bsize;
                    if (in.arg > 0xffff) {
                        extended++;
                    }
                }
            }
        } while (last != extended);
    }

    private void emit(Block2.Instr in, ByteArrayOutputStream code, ByteArrayOutputStream lnotab, int[] st) {
        int size = in.size();
        if (in.lineno != 0) {
            lnotabEntry(in.lineno, code.size(), lnotab, st);
        }
        int arg = in.arg;
        if (size == 6) {
            int ext = arg >> 16;
            code.write(o.EXTENDED_ARG);
            code.write(ext & 0xff);
            code.write((ext >> 8) & 0xff);
            arg &= 0xffff;
        }
        code.write(in.op);
        if (in.hasArg) {
            code.write(arg & 0xff);
            code.write((arg >> 8) & 0xff);
        }
    }

    /** 2.7's assemble_lnotab (a negative line step is written as its low byte, as C does). */
    private static void lnotabEntry(int lineno, int offset, ByteArrayOutputStream lnotab, int[] st) {
        int dBytecode = offset - st[1];
        int dLineno = lineno - st[0];
        if (dBytecode == 0 && dLineno == 0) {
            return;
        }
        if (dBytecode > 255) {
            int ncodes = dBytecode / 255;
            for (int j = 0; j < ncodes; j++) {
                lnotab.write(255);
                lnotab.write(0);
            }
            dBytecode -= ncodes * 255;
        }
        if (dLineno > 255) {
            int ncodes = dLineno / 255;
            lnotab.write(dBytecode);
            lnotab.write(255);
            dBytecode = 0;
            for (int j = 1; j < ncodes; j++) {
                lnotab.write(0);
                lnotab.write(255);
            }
            dLineno -= ncodes * 255;
        }
        lnotab.write(dBytecode & 0xff);
        lnotab.write(dLineno & 0xff);
        st[0] = lineno;
        st[1] = offset;
    }

    /** 2.7's stackdepth: the recursive walk with its pruning, on an explicit stack. */
    private int stackDepth(List<Block2> blocks) {
        if (blocks.isEmpty()) {
            return 0;
        }
        for (Block2 b : blocks) {
            b.seen = false;
            b.startDepth = Integer.MIN_VALUE;
        }
        return new DepthWalk().run(blocks.get(0));
    }

    private final class DepthWalk {
        private final class Frame {
            final Block2 b;
            int depth;
            int i;
            boolean afterNext;

            Frame(Block2 b, int depth) {
                this.b = b;
                this.depth = depth;
            }
        }

        int maxdepth;

        int run(Block2 entry) {
            List<Frame> stack = new ArrayList<>();
            enter(stack, entry, 0);
            while (!stack.isEmpty()) {
                Frame f = stack.get(stack.size() - 1);
                if (f.afterNext) {
                    f.b.seen = false;
                    stack.remove(stack.size() - 1);
                    continue;
                }
                boolean descended = false;
                while (f.i < f.b.instrs.size()) {
                    Block2.Instr in = f.b.instrs.get(f.i++);
                    f.depth += o.stackEffect(in.op, in.arg);
                    if (f.depth > maxdepth) {
                        maxdepth = f.depth;
                    }
                    if (in.isJump()) {
                        int target = f.depth;
                        if (o.py26) {
                            // 2.6 enters every jump target with the depth after the jump
                        } else if (in.op == o.FOR_ITER) {
                            target = f.depth - 2;
                        } else if (in.op == o.SETUP_FINALLY || in.op == o.SETUP_EXCEPT) {
                            target = f.depth + 3;
                            if (target > maxdepth) {
                                maxdepth = target;
                            }
                        } else if (in.op == o.JUMP_IF_TRUE_OR_POP || in.op == o.JUMP_IF_FALSE_OR_POP) {
                            f.depth = f.depth - 1;
                        }
                        boolean dead = in.op == o.JUMP_ABSOLUTE || in.op == o.JUMP_FORWARD;
                        if (dead) {
                            // remaining code is dead: after the target, this block is done
                            f.i = f.b.instrs.size();
                            f.afterNext = true;
                        }
                        if (enter(stack, in.target, target)) {
                            descended = true;
                            break;
                        }
                        if (dead) {
                            break;
                        }
                    }
                }
                if (descended || f.afterNext) {
                    continue;
                }
                // end of the block: fall through to next, then leave
                f.afterNext = true;
                if (f.b.next != null) {
                    enter(stack, f.b.next, f.depth);
                }
            }
            return maxdepth;
        }

        /** Pushes a frame for b if the walk visits it; false when pruned. */
        private boolean enter(List<Frame> stack, Block2 b, int depth) {
            if (b.seen || b.startDepth >= depth) {
                return false;
            }
            b.seen = true;
            b.startDepth = depth;
            stack.add(new Frame(b, depth));
            return true;
        }
    }
}
