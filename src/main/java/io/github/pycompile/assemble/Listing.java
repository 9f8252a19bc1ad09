package io.github.pycompile.assemble;

import io.github.pycompile.flowgraph.BasicBlock;
import io.github.pycompile.flowgraph.Instruction;
import java.util.List;

/**
 * A {@code dis}-like text of blocks, for readable test failures: one line per instruction with its
 * block, offset (code units, once assembled), opcode, argument or target, exception handler and
 * location.
 */
public final class Listing {
    private Listing() {}

    public static String of(List<BasicBlock> blocks) {
        StringBuilder sb = new StringBuilder();
        for (BasicBlock b : blocks) {
            sb.append(b).append(" @").append(b.offset);
            if (b.exceptHandler) {
                sb.append(" handler depth=").append(b.startDepth).append(b.preserveLasti ? " lasti" : "");
            }
            sb.append('\n');
            for (Instruction in : b.instrs) {
                sb.append(String.format("    %-28s", in.opcode.cpythonName()));
                if (in.target != null) {
                    sb.append(String.format(" %-8s", "-> " + in.target));
                } else {
                    sb.append(String.format(" %-8d", in.oparg));
                }
                sb.append(String.format(" %-6s", in.except == null ? "" : "!" + in.except));
                sb.append(' ').append(in.loc).append('\n');
            }
        }
        return sb.toString();
    }
}
