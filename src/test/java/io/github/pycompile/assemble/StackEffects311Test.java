package io.github.pycompile.assemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.target.opcodes.Opcode;
import io.github.pycompile.target.opcodes.OpcodeTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link StackEffects311} against {@code dis.stack_effect} of CPython 3.11 as recorded in the
 * generated opcode table (opargs 0..3, jump and no jump), for every real 3.11 opcode.
 */
class StackEffects311Test {
    @Test
    void matchesDisStackEffect() {
        OpcodeTable t = OpcodeTable.of(PythonVersion.V3_11);
        List<String> bad = new ArrayList<>();
        int checked = 0;
        for (Opcode op : Opcode.values()) {
            if (!t.isReal(op)) {
                continue;
            }
            for (int arg = 0; arg < 4; arg++) {
                for (boolean jump : new boolean[] {false, true}) {
                    Optional<Integer> want = t.recordedStackEffect(op, arg, jump);
                    if (want.isEmpty()) {
                        continue;
                    }
                    checked++;
                    int got = StackEffects311.effect(op, arg, jump);
                    if (got != want.get()) {
                        bad.add(op + "(" + arg + ", jump=" + jump + "): " + got + " != " + want.get());
                    }
                }
            }
        }
        assertTrue(checked > 300, "recorded effects: " + checked);
        assertEquals(List.of(), bad);
    }
}
