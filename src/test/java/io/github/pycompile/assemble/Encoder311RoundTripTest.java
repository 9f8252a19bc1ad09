package io.github.pycompile.assemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pycompile.flowgraph.BasicBlock;
import io.github.pycompile.flowgraph.Instruction;
import io.github.pycompile.marshal.MarshalReader;
import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.marshal.PyObject.Bytes;
import io.github.pycompile.marshal.PyObject.Code;
import io.github.pycompile.marshal.PyObject.Str;
import io.github.pycompile.marshal.PyObject.Tuple;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.target.opcodes.OpcodeTable;
import io.github.pycompile.testsupport.Interpreters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The encoding half of the 3.11 assembler against CPython 3.11's own code objects: each code object
 * of a real cache file is read back into blocks ({@link CodeDecoder311}), its jump arguments reset to
 * what code generation leaves (0), and re-assembled: {@code co_code}, {@code co_linetable},
 * {@code co_exceptiontable} and {@code co_stacksize} must be byte-identical. The flow-graph passes are
 * not involved (CPython already applied them). Committed caches always; a sample of the installed
 * 3.11 standard library when present (every file with {@code -Dpycompile.corpus=full}).
 */
class Encoder311RoundTripTest {
    private static final PythonVersion V = PythonVersion.V3_11;
    private static final int SAMPLE = 150;
    private static final OpcodeTable TABLE = OpcodeTable.of(V);

    @Test
    void committedCaches() throws Exception {
        var url = getClass().getResource("/golden/marshal/pyc/3.11");
        assertTrue(url != null, "no committed 3.11 caches");
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(url.toURI()))) {
            files = s.sorted().collect(Collectors.toList());
        }
        Tally t = new Tally();
        for (Path f : files) {
            check(f, t);
        }
        System.out.println("3.11 encoder, committed caches: " + t);
        assertEquals(List.of(), t.failures);
    }

    @Test
    void stdlib() throws Exception {
        Interpreters.require(V);
        List<Path> files = Interpreters.sampled(Interpreters.stdlibCaches(V), SAMPLE);
        Tally t = new Tally();
        for (Path f : files) {
            check(f, t);
        }
        System.out.println("3.11 encoder, stdlib (" + files.size() + " files): " + t);
        assertEquals(List.of(), t.failures.subList(0, Math.min(3, t.failures.size())));
    }

    static final class Tally {
        int total;
        int identical;
        final List<String> failures = new ArrayList<>();

        @Override
        public String toString() {
            return identical + "/" + total + " code objects identical";
        }
    }

    private static void check(Path f, Tally t) throws Exception {
        byte[] data = Files.readAllBytes(f);
        PyObject top = new MarshalReader(data, V.headerSize(), V).read();
        List<Code> codes = new ArrayList<>();
        collect(top, codes);
        for (Code c : codes) {
            t.total++;
            String diff = roundTrip(c);
            if (diff == null) {
                t.identical++;
            } else {
                t.failures.add(f.getFileName() + " " + ((Str) c.qualname()).value() + ": " + diff);
            }
        }
    }

    private static void collect(PyObject o, List<Code> out) {
        if (o instanceof Code c) {
            out.add(c);
            collect(c.consts(), out);
        } else if (o instanceof Tuple t) {
            for (PyObject x : t.items()) {
                collect(x, out);
            }
        }
    }

    /** Null when identical, else a description with listings. */
    static String roundTrip(Code c) {
        byte[] code = ((Bytes) c.code()).value();
        byte[] lines = ((Bytes) c.lineTable()).value();
        byte[] exc = ((Bytes) c.exceptionTable()).value();
        CodeDecoder311.Decoded d = new CodeDecoder311(TABLE).decode(code, lines, exc, c.firstLineNo());
        for (BasicBlock b : d.blocks()) {
            for (Instruction in : b.instrs) {
                if (in.target != null) {
                    in.oparg = 0;
                }
            }
        }
        boolean generator = (c.flags() & 0x2a0) != 0;
        int depth = StackDepth.compute(d.blocks(), d.handlers(), generator ? 1 : 0);
        Encoder311 enc = new Encoder311(TABLE);
        enc.resolveJumps(d.blocks());
        Encoder311.Encoded e = enc.encode(d.blocks(), c.firstLineNo());
        List<String> bad = new ArrayList<>();
        if (!Arrays.equals(code, e.code())) {
            bad.add("co_code differs at byte " + Arrays.mismatch(code, e.code()));
        }
        if (!Arrays.equals(lines, e.lineTable())) {
            bad.add("co_linetable differs at byte " + Arrays.mismatch(lines, e.lineTable()));
        }
        if (!Arrays.equals(exc, e.exceptionTable())) {
            bad.add("co_exceptiontable differs: " + CodeDecoder311.exceptionEntries(exc) + " vs "
                    + CodeDecoder311.exceptionEntries(e.exceptionTable()));
        }
        if (depth != c.stackSize()) {
            bad.add("co_stacksize " + c.stackSize() + " vs " + depth);
        }
        return bad.isEmpty() ? null : String.join("; ", bad) + "\n" + Listing.of(d.blocks());
    }
}
