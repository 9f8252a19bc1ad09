package io.github.pycompile.assemble;

import io.github.pycompile.flowgraph.BasicBlock;
import io.github.pycompile.flowgraph.Instruction;
import io.github.pycompile.flowgraph.Location;
import io.github.pycompile.target.opcodes.Opcode;
import io.github.pycompile.target.opcodes.OpcodeTable;
import java.util.List;

/**
 * The byte-level end of 3.11's {@code assemble()}: jump arguments and EXTENDED_ARG sizes by fixed
 * point ({@code assemble_jump_offsets}), {@code co_code} with inline CACHE units, the PEP 657
 * location table ({@code assemble_emit_location}) and the exception table
 * ({@code assemble_exception_table}). Input: blocks in final layout order holding only real opcodes,
 * each instruction's {@link Instruction#except} handler set, handlers' {@link BasicBlock#startDepth}
 * and {@link BasicBlock#preserveLasti} known.
 */
public final class Encoder311 {
    /** The three byte strings of a code object the encoder produces. */
    public record Encoded(byte[] code, byte[] lineTable, byte[] exceptionTable) {}

    private final OpcodeTable table;

    public Encoder311(OpcodeTable table) {
        this.table = table;
    }

    /** Code units taken by {@code in}: EXTENDED_ARG prefixes, itself, its caches. */
    int size(Instruction in) {
        return extendedArgs(arg(in)) + 1 + table.cacheEntries(in.opcode);
    }

    /** The argument as encoded: 0 for opcodes below HAVE_ARGUMENT, whatever the field holds. */
    private int arg(Instruction in) {
        return table.hasArgument(in.opcode) ? in.oparg : 0;
    }

    private static int extendedArgs(int oparg) {
        if (oparg > 0xFFFFFF) {
            return 3;
        } else if (oparg > 0xFFFF) {
            return 2;
        } else if (oparg > 0xFF) {
            return 1;
        }
        return 0;
    }

    /**
     * Sets block offsets and jump arguments: block sizes from the current arguments, then every
     * jump's argument from the offsets, repeated until no instruction changed size. Jump arguments
     * start from their current value (0 from code generation), so sizes only grow, as in CPython.
     */
    public void resolveJumps(List<BasicBlock> blocks) {
        boolean again;
        do {
            int total = 0;
            for (BasicBlock b : blocks) {
                b.offset = total;
                for (Instruction in : b.instrs) {
                    total += size(in);
                }
            }
            again = false;
            for (BasicBlock b : blocks) {
                int pos = b.offset;
                for (Instruction in : b.instrs) {
                    int before = size(in);
                    pos += before;
                    if (in.target != null && table.isJump(in.opcode)) {
                        int dest = in.target.offset;
                        if (Opcodes311.isBackwardJump(in.opcode)) {
                            in.oparg = pos - dest;
                        } else {
                            in.oparg = dest - pos;
                        }
                        if (in.oparg < 0) {
                            throw new IllegalStateException("internal error: jump in the wrong direction: " + in);
                        }
                        if (size(in) != before) {
                            again = true;
                        }
                    }
                }
            }
        } while (again);
    }

    /** Encodes blocks whose jumps are resolved ({@link #resolveJumps}). */
    public Encoded encode(List<BasicBlock> blocks, int firstLineno) {
        return new Encoded(code(blocks), lineTable(blocks, firstLineno), exceptionTable(blocks));
    }

    byte[] code(List<BasicBlock> blocks) {
        ByteSink out = new ByteSink();
        int ext = table.number(Opcode.EXTENDED_ARG);
        for (BasicBlock b : blocks) {
            for (Instruction in : b.instrs) {
                int arg = arg(in);
                int n = extendedArgs(arg);
                for (int k = n; k > 0; k--) {
                    out.put(ext);
                    out.put((arg >>> (8 * k)) & 0xFF);
                }
                out.put(table.number(in.opcode));
                out.put(arg & 0xFF);
                for (int c = table.cacheEntries(in.opcode); c > 0; c--) {
                    out.put(0);
                    out.put(0);
                }
            }
        }
        return out.toArray();
    }

    // ---- location table (PEP 657; reference §4.3) ----

    byte[] lineTable(List<BasicBlock> blocks, int firstLineno) {
        LocationWriter w = new LocationWriter(firstLineno);
        for (BasicBlock b : blocks) {
            for (Instruction in : b.instrs) {
                int n = size(in);
                while (n > 8) {
                    w.entry(in.loc, 8);
                    n -= 8;
                }
                w.entry(in.loc, n);
            }
        }
        return w.out.toArray();
    }

    /** Writes location entries, one per instruction (3.11 does not merge equal neighbours). */
    static final class LocationWriter {
        final ByteSink out = new ByteSink();
        private int line;

        LocationWriter(int firstLineno) {
            line = firstLineno;
        }

        private void header(int code, int length) {
            out.put(0x80 | (code << 3) | (length - 1));
        }

        void entry(Location loc, int length) {
            if (loc.lineno() < 0) {
                header(15, length);
                return;
            }
            int delta = loc.lineno() - line;
            int col = loc.col();
            int endCol = loc.endCol();
            if (col < 0 || endCol < 0) {
                if (loc.endLineno() == loc.lineno() || loc.endLineno() == -1) {
                    header(13, length);
                    svarint(delta);
                    line = loc.lineno();
                    return;
                }
            } else if (loc.endLineno() == loc.lineno()) {
                if (delta == 0 && col < 80 && endCol - col < 16 && endCol >= col) {
                    header(col / 8, length);
                    out.put(((col % 8) << 4) | (endCol - col));
                    return;
                }
                if (delta >= 0 && delta < 3 && col < 128 && endCol < 128) {
                    header(10 + delta, length);
                    out.put(col);
                    out.put(endCol);
                    line = loc.lineno();
                    return;
                }
            }
            header(14, length);
            svarint(delta);
            varint(loc.endLineno() - loc.lineno());
            varint(col + 1);
            varint(endCol + 1);
            line = loc.lineno();
        }

        private void varint(int v) {
            while (Integer.compareUnsigned(v, 0x3F) > 0) {
                out.put(0x40 | (v & 0x3F));
                v >>>= 6;
            }
            out.put(v);
        }

        private void svarint(int v) {
            varint(v < 0 ? ((-v) << 1) | 1 : v << 1);
        }
    }

    // ---- exception table (reference §4.4) ----

    byte[] exceptionTable(List<BasicBlock> blocks) {
        ByteSink out = new ByteSink();
        BasicBlock handler = null;
        int start = -1;
        int pos = 0;
        for (BasicBlock b : blocks) {
            pos = b.offset;
            for (Instruction in : b.instrs) {
                if (in.except != handler) {
                    if (handler != null) {
                        exceptionEntry(out, start, pos, handler);
                    }
                    start = pos;
                    handler = in.except;
                }
                pos += size(in);
            }
        }
        if (handler != null) {
            exceptionEntry(out, start, pos, handler);
        }
        return out.toArray();
    }

    private static void exceptionEntry(ByteSink out, int start, int end, BasicBlock handler) {
        int depth = handler.startDepth - 1 - (handler.preserveLasti ? 1 : 0);
        int depthLasti = (depth << 1) | (handler.preserveLasti ? 1 : 0);
        item(out, start, 0x80);
        item(out, end - start, 0);
        item(out, handler.offset, 0);
        item(out, depthLasti, 0);
    }

    /** A value in 6-bit groups, most significant first, 0x40 on all but the last; {@code mark} on the first. */
    private static void item(ByteSink out, int value, int mark) {
        int shift = 0;
        while ((value >>> (shift + 6)) != 0) {
            shift += 6;
        }
        for (; shift > 0; shift -= 6) {
            out.put(((value >>> shift) & 0x3F) | 0x40 | mark);
            mark = 0;
        }
        out.put((value & 0x3F) | mark);
    }
}
