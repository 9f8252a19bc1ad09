package io.github.pycompile.assemble;

import io.github.pycompile.flowgraph.BasicBlock;
import io.github.pycompile.flowgraph.CodeBuilder;
import io.github.pycompile.flowgraph.CodeUnit;
import io.github.pycompile.flowgraph.Instruction;
import io.github.pycompile.flowgraph.Location;
import io.github.pycompile.flowgraph.Optimizer311;
import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.marshal.PyObject.Code;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.target.opcodes.Opcode;
import io.github.pycompile.target.opcodes.OpcodeTable;
import java.util.ArrayList;
import java.util.List;

/**
 * CPython 3.11's {@code assemble()}: from a {@link CodeUnit} filled by code generation to the code
 * object {@code py_compile} marshals. Steps, in 3.11's order: the implicit {@code return None},
 * block normalisation and exit-block extension, cell offsets and the prefix instructions
 * ({@code COPY_FREE_VARS}, {@code MAKE_CELL}, {@code RETURN_GENERATOR}/{@code POP_TOP}), the flow-graph
 * optimisation ({@link Optimizer311}), stack depth, exception targets, jump normalisation, then the
 * encoders ({@link Encoder311}) and the code object with 3.11's object sharing ({@link CodeObjects311}).
 *
 * <p>One instance per module: create it with the module's {@link CodeObjects311} and assemble the
 * units innermost first (as CPython creates nested code objects before their parents).
 */
public final class Assembler311 {
    static final int CO_GENERATOR = 0x20;
    static final int CO_COROUTINE = 0x80;
    static final int CO_ASYNC_GENERATOR = 0x200;
    private static final int CO_FAST_LOCAL = 0x20;
    private static final int CO_FAST_CELL = 0x40;
    private static final int CO_FAST_FREE = 0x80;

    private final CodeObjects311 objects;
    private final OpcodeTable table = OpcodeTable.of(PythonVersion.V3_11);

    public Assembler311(CodeObjects311 objects) {
        this.objects = objects;
    }

    /**
     * Assembles {@code unit}. {@code addNone}: the implicit return loads None first (false only for
     * {@code eval}-mode expressions, whose code already ends in a return).
     */
    public Code assemble(CodeUnit unit, boolean addNone) {
        CodeBuilder cfg = unit.code;
        if (!cfg.current().returns) {
            if (addNone) {
                cfg.emit(Opcode.LOAD_CONST, unit.addConst(PyObject.Singleton.NONE), Location.NONE);
            }
            cfg.emit(Opcode.RETURN_VALUE, Location.NONE);
        }
        List<PyObject> consts = new ArrayList<>(unit.consts());
        Optimizer311 opt = new Optimizer311(cfg, consts, unit.constCache());
        opt.normalizeBlocks();
        opt.extendBlocks();

        int nlocals = unit.varnames.size();
        int ncells = unit.cellvars.size();
        int nfrees = unit.freevars.size();
        int[] fixed = cellFixedOffsets(unit);
        int firstLineno = unit.firstLineno;
        if (firstLineno == 0) {
            List<Instruction> first = cfg.entry().instrs;
            firstLineno = !first.isEmpty() && first.get(0).lineno() != 0 ? first.get(0).lineno() : 1;
        }
        insertPrefix(cfg.entry(), unit, fixed, firstLineno);
        int dropped = fixCellOffsets(cfg, nlocals, ncells + nfrees, fixed);
        int nlocalsplus = nlocals + ncells + nfrees - dropped;

        opt.optimizeCfg();
        opt.duplicateExitsWithoutLineno();
        opt.trimUnusedConsts();
        opt.propagateLineNumbers();
        opt.guaranteeLinenoForExits(firstLineno);
        List<BasicBlock> layout = opt.layout();
        boolean generator = (unit.flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) != 0;
        int maxDepth = StackDepth.compute(layout, List.of(), generator ? 1 : 0);
        opt.labelExceptionTargets();
        opt.convertExceptionHandlersToNops();
        opt.normalizeJumps();
        layout = opt.layout();
        Encoder311 enc = new Encoder311(table);
        enc.resolveJumps(layout);
        Encoder311.Encoded e = enc.encode(layout, firstLineno);
        return makeCode(unit, consts, e, maxDepth, nlocalsplus, firstLineno);
    }

    /** Where each cell/free index lands among the localsplus slots ({@code build_cellfixedoffsets}). */
    private static int[] cellFixedOffsets(CodeUnit unit) {
        int nlocals = unit.varnames.size();
        int n = unit.cellvars.size() + unit.freevars.size();
        int[] fixed = new int[n];
        for (int i = 0; i < n; i++) {
            fixed[i] = nlocals + i;
        }
        for (int i = 0; i < unit.cellvars.size(); i++) {
            int v = unit.varnames.indexOf(unit.cellvars.get(i));
            if (v >= 0) {
                fixed[i] = v;
            }
        }
        return fixed;
    }

    /** {@code insert_prefix_instructions}: generator start, MAKE_CELLs in slot order, COPY_FREE_VARS. */
    private static void insertPrefix(BasicBlock entry, CodeUnit unit, int[] fixed, int firstLineno) {
        if ((unit.flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) != 0) {
            entry.instrs.add(0, new Instruction(Opcode.RETURN_GENERATOR, 0, null,
                    new Location(firstLineno, firstLineno, -1, -1)));
            entry.instrs.add(1, new Instruction(Opcode.POP_TOP, 0, null, Location.NONE));
        }
        int ncells = unit.cellvars.size();
        if (ncells > 0) {
            int[] sorted = new int[ncells + unit.varnames.size()];
            for (int i = 0; i < ncells; i++) {
                sorted[fixed[i]] = i + 1;
            }
            int used = 0;
            for (int i = 0; used < ncells; i++) {
                int old = sorted[i] - 1;
                if (old == -1) {
                    continue;
                }
                entry.instrs.add(used, new Instruction(Opcode.MAKE_CELL, old, null, Location.NONE));
                used++;
            }
        }
        if (!unit.freevars.isEmpty()) {
            entry.instrs.add(0, new Instruction(Opcode.COPY_FREE_VARS, unit.freevars.size(), null, Location.NONE));
        }
    }

    /** Maps cell/free arguments to localsplus slots; returns how many cells were arguments ({@code fix_cell_offsets}). */
    private static int fixCellOffsets(CodeBuilder cfg, int nlocals, int noffsets, int[] fixed) {
        int dropped = 0;
        for (int i = 0; i < noffsets; i++) {
            if (fixed[i] == i + nlocals) {
                fixed[i] -= dropped;
            } else {
                dropped++;
            }
        }
        for (BasicBlock b : cfg.blocks()) {
            for (Instruction in : b.instrs) {
                switch (in.opcode) {
                    case MAKE_CELL, LOAD_CLOSURE, LOAD_DEREF, STORE_DEREF, DELETE_DEREF, LOAD_CLASSDEREF ->
                            in.oparg = fixed[in.oparg];
                    default -> {}
                }
            }
        }
        return dropped;
    }

    private Code makeCode(CodeUnit unit, List<PyObject> consts, Encoder311.Encoded e, int maxDepth,
            int nlocalsplus, int firstLineno) {
        // localsplus: varnames, then cells that are not arguments, then free variables.
        String[] lpNames = new String[nlocalsplus];
        byte[] kinds = new byte[nlocalsplus];
        int nlocals = unit.varnames.size();
        for (int i = 0; i < nlocals; i++) {
            String n = unit.varnames.get(i);
            lpNames[i] = n;
            kinds[i] = (byte) (CO_FAST_LOCAL | (unit.cellvars.contains(n) ? CO_FAST_CELL : 0));
        }
        int dropped = 0;
        for (int i = 0; i < unit.cellvars.size(); i++) {
            String n = unit.cellvars.get(i);
            if (unit.varnames.contains(n)) {
                dropped++;
                continue;
            }
            lpNames[i + nlocals - dropped] = n;
            kinds[i + nlocals - dropped] = (byte) CO_FAST_CELL;
        }
        for (int i = 0; i < unit.freevars.size(); i++) {
            int off = unit.cellvars.size() + i + nlocals - dropped;
            lpNames[off] = unit.freevars.get(i);
            kinds[off] = (byte) CO_FAST_FREE;
        }
        return objects.build(new CodeObjects311.CodeSpec(unit.posOnlyArgCount + unit.argCount,
                unit.posOnlyArgCount, unit.kwOnlyArgCount, maxDepth, unit.flags, e.code(), consts, unit.names(),
                List.of(lpNames), kinds, unit.name, unit.qualnameObject(), firstLineno, e.lineTable(),
                e.exceptionTable()));
    }
}
