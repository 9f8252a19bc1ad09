package io.github.pycompile.assemble;

import io.github.pycompile.flowgraph.BasicBlock;
import io.github.pycompile.flowgraph.CodeBuilder;
import io.github.pycompile.flowgraph.Instruction;
import io.github.pycompile.flowgraph.Location;
import io.github.pycompile.target.opcodes.Opcode;
import io.github.pycompile.target.opcodes.OpcodeTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a 3.11 code object's {@code co_code}, {@code co_linetable} and {@code co_exceptiontable}
 * back into basic blocks of real instructions with jump targets, locations and exception handlers,
 * as the assembler holds them just before encoding. Used to check the encoder against CPython's own
 * output and to list code objects.
 */
public final class CodeDecoder311 {
    /** One decoded exception-table entry, offsets in code units. */
    public record ExceptionEntry(int start, int end, int target, int depth, boolean lasti) {}

    /** The decoded code: blocks in layout order and the handler blocks. */
    public record Decoded(List<BasicBlock> blocks, List<BasicBlock> handlers) {}

    private final OpcodeTable table;

    public CodeDecoder311(OpcodeTable table) {
        this.table = table;
    }

    /** Positions per code unit, as {@code co_positions()} gives them (-1 for None). */
    public static Location[] positions(byte[] lineTable, int firstLineno, int units) {
        Location[] out = new Location[units];
        int line = firstLineno;
        int pos = 0;
        int unit = 0;
        int[] cursor = {0};
        while (pos < lineTable.length) {
            int first = lineTable[pos++] & 0xFF;
            int code = (first >> 3) & 15;
            int length = (first & 7) + 1;
            cursor[0] = pos;
            Location loc;
            if (code == 15) {
                loc = Location.NONE;
            } else if (code == 14) {
                line += readSvarint(lineTable, cursor);
                int endLine = line + readVarint(lineTable, cursor);
                int col = readVarint(lineTable, cursor) - 1;
                int endCol = readVarint(lineTable, cursor) - 1;
                loc = new Location(line, endLine, col, endCol);
            } else if (code == 13) {
                line += readSvarint(lineTable, cursor);
                loc = new Location(line, line, -1, -1);
            } else if (code >= 10) {
                line += code - 10;
                int col = lineTable[cursor[0]++] & 0xFF;
                int endCol = lineTable[cursor[0]++] & 0xFF;
                loc = new Location(line, line, col, endCol);
            } else {
                int b = lineTable[cursor[0]++] & 0xFF;
                int col = code * 8 + ((b >> 4) & 7);
                loc = new Location(line, line, col, col + (b & 15));
            }
            pos = cursor[0];
            for (int k = 0; k < length && unit < units; k++) {
                out[unit++] = loc;
            }
        }
        for (; unit < units; unit++) {
            out[unit] = Location.NONE;
        }
        return out;
    }

    private static int readVarint(byte[] b, int[] cursor) {
        int v = b[cursor[0]] & 0x3F;
        int shift = 0;
        while ((b[cursor[0]++] & 0x40) != 0) {
            shift += 6;
            v |= (b[cursor[0]] & 0x3F) << shift;
        }
        return v;
    }

    private static int readSvarint(byte[] b, int[] cursor) {
        int u = readVarint(b, cursor);
        return (u & 1) != 0 ? -(u >>> 1) : (u >>> 1);
    }

    /** The entries of a 3.11+ exception table. */
    public static List<ExceptionEntry> exceptionEntries(byte[] t) {
        List<ExceptionEntry> out = new ArrayList<>();
        int[] cursor = {0};
        while (cursor[0] < t.length) {
            int start = readItem(t, cursor);
            int size = readItem(t, cursor);
            int target = readItem(t, cursor);
            int dl = readItem(t, cursor);
            out.add(new ExceptionEntry(start, start + size, target, dl >> 1, (dl & 1) != 0));
        }
        return out;
    }

    private static int readItem(byte[] t, int[] cursor) {
        int b = t[cursor[0]++] & 0xFF;
        int v = b & 0x3F;
        while ((b & 0x40) != 0) {
            b = t[cursor[0]++] & 0xFF;
            v = (v << 6) | (b & 0x3F);
        }
        return v;
    }

    /** Decodes a code object's three byte strings into blocks. */
    public Decoded decode(byte[] code, byte[] lineTable, byte[] exceptionTable, int firstLineno) {
        int units = code.length / 2;
        Location[] locs = positions(lineTable, firstLineno, units);
        List<ExceptionEntry> entries = exceptionEntries(exceptionTable);
        int ext = table.number(Opcode.EXTENDED_ARG);
        // Pass 1: instructions with their start/end offsets and jump destinations.
        record Raw(int start, int end, Opcode op, int arg, int dest) {}
        List<Raw> raws = new ArrayList<>();
        TreeSet<Integer> leaders = new TreeSet<>();
        leaders.add(0);
        for (ExceptionEntry e : entries) {
            leaders.add(e.target());
        }
        int u = 0;
        while (u < units) {
            int start = u;
            int arg = 0;
            int opnum;
            while (true) {
                opnum = code[2 * u] & 0xFF;
                arg = (arg << 8) | (code[2 * u + 1] & 0xFF);
                u++;
                if (opnum != ext) {
                    break;
                }
            }
            int num = opnum;
            Opcode op = table.byNumber(opnum).orElseThrow(
                    () -> new IllegalArgumentException("unknown 3.11 opcode " + num + " at unit " + start));
            u += table.cacheEntries(op);
            int dest = -1;
            if (table.isJump(op)) {
                dest = Opcodes311.isBackwardJump(op) ? u - arg : u + arg;
                leaders.add(dest);
            }
            if (dest >= 0 || Opcodes311.isUnconditionalTransfer(op)) {
                leaders.add(u);
            }
            raws.add(new Raw(start, u, op, arg, dest));
        }
        // Pass 2: blocks.
        CodeBuilder builder = new CodeBuilder();
        Map<Integer, BasicBlock> blockAt = new LinkedHashMap<>();
        List<BasicBlock> blocks = new ArrayList<>();
        for (int leader : leaders) {
            if (leader < units) {
                BasicBlock b = blocks.isEmpty() ? builder.entry() : builder.newDetachedBlock();
                if (!blocks.isEmpty()) {
                    blocks.get(blocks.size() - 1).next = b;
                }
                blocks.add(b);
                blockAt.put(leader, b);
            }
        }
        Map<Integer, BasicBlock> handlers = new HashMap<>();
        for (ExceptionEntry e : entries) {
            BasicBlock h = blockAt.get(e.target());
            h.startDepth = e.depth() + 1 + (e.lasti() ? 1 : 0);
            h.preserveLasti = e.lasti();
            h.exceptHandler = true;
            handlers.put(e.target(), h);
        }
        BasicBlock current = null;
        int entryIndex = 0;
        for (Raw r : raws) {
            BasicBlock b = blockAt.get(r.start());
            if (b != null) {
                current = b;
            }
            Instruction in = new Instruction(r.op(), r.arg(), r.dest() >= 0 ? blockAt.get(r.dest()) : null,
                    locs[r.start()]);
            while (entryIndex < entries.size() && entries.get(entryIndex).end() <= r.start()) {
                entryIndex++;
            }
            if (entryIndex < entries.size() && entries.get(entryIndex).start() <= r.start()) {
                in.except = handlers.get(entries.get(entryIndex).target());
            }
            current.instrs.add(in);
        }
        return new Decoded(blocks, new ArrayList<>(handlers.values()));
    }
}
