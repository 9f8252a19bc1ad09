package io.github.pycompile.assemble;

import static io.github.pycompile.target.opcodes.Opcode.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.pycompile.flowgraph.CodeBuilder;
import io.github.pycompile.flowgraph.CodeUnit;
import io.github.pycompile.flowgraph.ConstCache;
import io.github.pycompile.flowgraph.Label;
import io.github.pycompile.flowgraph.Location;
import io.github.pycompile.marshal.MarshalReader;
import io.github.pycompile.marshal.MarshalWriter;
import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.marshal.PyObject.Code;
import io.github.pycompile.target.PythonVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The whole 3.11 assembler on instruction streams written as 3.11's code generation emits them
 * (pseudo-instructions, implicit blocks, unoptimised forms such as PUSH_NULL before LOAD_GLOBAL),
 * against {@code marshal.dumps(compile(...))} of CPython 3.11 for the same source
 * ({@code golden/assemble/3.11}, made by {@code scripts/golden/assemble_311.py}).
 */
class Assembler311Test {
    private static final PythonVersion V = PythonVersion.V3_11;

    private static Location loc(int l, int el, int c, int ec) {
        return new Location(l, el, c, ec);
    }

    @Test
    void assignment() throws IOException {
        CodeObjects311 objects = new CodeObjects311(new ConstCache(), "assign.py");
        CodeUnit m = new CodeUnit("<module>", null, 1, objects.cache());
        CodeBuilder b = m.code;
        b.emit(RESUME, 0, loc(0, 1, 0, 0));
        b.emit(LOAD_CONST, m.addConst(PyObject.Int.of(1)), loc(1, 1, 4, 5));
        b.emit(STORE_NAME, m.addName("x"), loc(1, 1, 0, 1));
        check("assign", objects, new Assembler311(objects).assemble(m, true));
    }

    @Test
    void ifReturn() throws IOException {
        CodeObjects311 objects = new CodeObjects311(new ConstCache(), "ifreturn.py");
        Assembler311 asm = new Assembler311(objects);
        CodeUnit f = new CodeUnit("f", "f", 1, objects.cache());
        f.argCount = 1;
        f.flags = 0x3;
        f.addVarname("a");
        CodeBuilder b = f.code;
        b.emit(RESUME, 0, loc(1, 1, 0, 0));
        f.addConst(PyObject.Singleton.NONE);
        Label end = b.newLabel();
        b.emit(LOAD_FAST, 0, loc(2, 2, 7, 8));
        b.emitJump(POP_JUMP_IF_FALSE, end, loc(2, 3, 4, 16));
        b.emit(LOAD_CONST, f.addConst(PyObject.Int.of(1)), loc(3, 3, 15, 16));
        b.emit(RETURN_VALUE, loc(3, 3, 15, 16));
        b.useLabel(end);
        b.emit(LOAD_CONST, f.addConst(PyObject.Int.of(2)), loc(4, 4, 11, 12));
        b.emit(RETURN_VALUE, loc(4, 4, 11, 12));
        Code fc = asm.assemble(f, true);
        check("ifreturn", objects, asm.assemble(module(objects, fc, loc(1, 4, 0, 12)), true));
    }

    @Test
    void tryExcept() throws IOException {
        CodeObjects311 objects = new CodeObjects311(new ConstCache(), "tryexcept.py");
        Assembler311 asm = new Assembler311(objects);
        CodeUnit f = new CodeUnit("f", "f", 1, objects.cache());
        f.flags = 0x3;
        CodeBuilder b = f.code;
        b.emit(RESUME, 0, loc(1, 1, 0, 0));
        f.addConst(PyObject.Singleton.NONE);
        Location tryLoc = loc(2, 5, 4, 11);
        Label body = b.newLabel();
        Label except = b.newLabel();
        Label end = b.newLabel();
        Label cleanup = b.newLabel();
        b.emitJump(SETUP_FINALLY, except, tryLoc);
        b.useLabel(body);
        call(b, f, "a", 3, 8);
        b.emit(POP_BLOCK, Location.NOLINE);
        b.emitJump(JUMP, end, Location.NOLINE);
        b.useLabel(except);
        b.emitJump(SETUP_CLEANUP, cleanup, Location.NONE);
        b.emit(PUSH_EXC_INFO, Location.NONE);
        Location handler = loc(4, 5, 4, 11);
        Label next = b.newLabel();
        b.emit(LOAD_GLOBAL, f.addName("E") << 1, loc(4, 4, 11, 12));
        b.emit(CHECK_EXC_MATCH, handler);
        b.emitJump(POP_JUMP_IF_FALSE, next, handler);
        Label cleanupBody = b.newLabel();
        b.emit(POP_TOP, handler);
        b.useLabel(cleanupBody);
        call(b, f, "b", 5, 8);
        b.emit(POP_BLOCK, Location.NONE);
        b.emit(POP_EXCEPT, Location.NONE);
        b.emitJump(JUMP, end, Location.NONE);
        b.useLabel(next);
        b.emit(RERAISE, 0, Location.NONE);
        b.useLabel(cleanup);
        b.emit(COPY, 3, Location.NONE);
        b.emit(POP_EXCEPT, Location.NONE);
        b.emit(RERAISE, 1, Location.NONE);
        b.useLabel(end);
        call(b, f, "c", 6, 4);
        Code fc = asm.assemble(f, true);
        check("tryexcept", objects, asm.assemble(module(objects, fc, loc(1, 6, 0, 7)), true));
    }

    /** {@code name()} as an expression statement at {@code line}, column {@code col}. */
    private static void call(CodeBuilder b, CodeUnit u, String name, int line, int col) {
        Location call = loc(line, line, col, col + 3);
        b.emit(PUSH_NULL, call);
        b.emit(LOAD_GLOBAL, u.addName(name) << 1, loc(line, line, col, col + 1));
        b.emit(PRECALL, 0, call);
        b.emit(CALL, 0, call);
        b.emit(POP_TOP, call);
    }

    /** A module whose only statement is {@code def f...} spanning {@code def}. */
    private static CodeUnit module(CodeObjects311 objects, Code f, Location def) {
        CodeUnit m = new CodeUnit("<module>", null, 1, objects.cache());
        CodeBuilder b = m.code;
        b.emit(RESUME, 0, loc(0, 1, 0, 0));
        b.emit(LOAD_CONST, m.addConst(f), def);
        b.emit(MAKE_FUNCTION, 0, def);
        b.emit(STORE_NAME, m.addName("f"), def);
        return m;
    }

    private static void check(String name, CodeObjects311 objects, Code top) throws IOException {
        objects.topLevel(top);
        byte[] ours = MarshalWriter.dumps(top, V, objects.flagPolicy(top));
        byte[] theirs;
        try (InputStream in = Assembler311Test.class.getResourceAsStream("/golden/assemble/3.11/" + name + ".hex")) {
            theirs = HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
        }
        if (!java.util.Arrays.equals(ours, theirs)) {
            Code expected = (Code) new MarshalReader(theirs, 0, V).read();
            assertEquals(describe(expected), describe(top), name);
        }
        assertEquals(HexFormat.of().formatHex(theirs), HexFormat.of().formatHex(ours), name);
    }

    private static String describe(Code c) {
        StringBuilder sb = new StringBuilder();
        sb.append(c.name()).append(" stack=").append(c.stackSize()).append(" flags=").append(c.flags())
                .append(" consts=").append(c.consts()).append(" names=").append(c.names()).append('\n');
        OpcodeListing.append(sb, c);
        return sb.toString();
    }
}
