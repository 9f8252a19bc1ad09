package io.github.pycompile.assemble;

import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.marshal.PyObject.Bytes;
import io.github.pycompile.marshal.PyObject.Code;
import io.github.pycompile.marshal.PyObject.Tuple;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.target.opcodes.OpcodeTable;

/** A {@code dis}-like listing of a 3.11 code object and its nested code objects, for test failures. */
public final class OpcodeListing {
    private OpcodeListing() {}

    public static String of(Code c) {
        StringBuilder sb = new StringBuilder();
        append(sb, c);
        return sb.toString();
    }

    static void append(StringBuilder sb, Code c) {
        CodeDecoder311.Decoded d = new CodeDecoder311(OpcodeTable.of(PythonVersion.V3_11)).decode(
                ((Bytes) c.code()).value(), ((Bytes) c.lineTable()).value(), ((Bytes) c.exceptionTable()).value(),
                c.firstLineNo());
        new Encoder311(OpcodeTable.of(PythonVersion.V3_11)).resolveJumps(d.blocks());
        sb.append("code ").append(c.qualname()).append(" stacksize=").append(c.stackSize()).append('\n');
        sb.append(Listing.of(d.blocks()));
        for (PyObject k : ((Tuple) c.consts()).items()) {
            if (k instanceof Code inner) {
                append(sb, inner);
            }
        }
    }
}
