package io.github.pycompile.assemble;

import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.marshal.PyObject.Singleton;
import java.util.Arrays;
import java.util.List;

/**
 * CPython 2.7's peephole optimiser ({@code PyCode_Optimize} of {@code Python/peephole.c}), run on the
 * finished byte string exactly as 2.7 runs it: within basic blocks it folds constant tuples and
 * binary and unary operations on constants (appending the result to {@code co_consts} and leaving
 * the operands there), turns {@code not} + jump and {@code not} + {@code is}/{@code in} around,
 * replaces {@code LOAD_GLOBAL None}, drops always-true tests, threads jumps to jumps, removes code
 * after {@code RETURN_VALUE}; then it deletes the NOPs, retargets jumps and fixes the line table.
 * It leaves code unchanged when the line table has a 255 byte (a long gap), the code is longer than
 * 32,700 bytes, does not end with RETURN_VALUE, or reaches an EXTENDED_ARG.
 */
final class Peephole27 {
    private final Opcodes2 o;

    Peephole27(Opcodes2 ops) {
        this.o = ops;
    }

    /** The optimised code; {@code consts} may grow, {@code lnotab} is fixed in place. */
    byte[] optimize(byte[] code, List<PyObject> consts, List<String> names, byte[] lnotab) {
        for (byte b : lnotab) {
            if ((b & 0xff) == 255) {
                return code;
            }
        }
        int codelen = code.length;
        if (codelen > 32700) {
            return code;
        }
        int[] c = new int[codelen];
        for (int i = 0; i < codelen; i++) {
            c[i] = code[i] & 0xff;
        }
        if (c[codelen - 1] != o.RETURN_VALUE) {
            return code;
        }
        int[] addrmap = new int[codelen];
        int[] blocks = markblocks(c, codelen);
        int cumlc = 0;
        int lastlc;
        int i = 0;
        while (i < codelen) {
            boolean reoptimize;
            do {
                reoptimize = false;
                int opcode = c[i];
                lastlc = cumlc;
                cumlc = 0;
                if (o.py26 && opcode == o.UNARY_NOT) {
                    // 2.6: UNARY_NOT JUMP_IF_FALSE POP_TOP (popping at the target too) -> JUMP_IF_TRUE POP_TOP
                    if (c[i + 1] != o.JUMP_IF_FALSE || c[i + 4] != o.POP_TOP || !isBasicBlock(blocks, i, 5)
                            || c[jumpTarget(c, i + 1)] != o.POP_TOP) {
                        break;
                    }
                    int j = getArg(c, i + 1) + 1;
                    c[i] = o.JUMP_IF_TRUE;
                    setArg(c, i, j);
                    c[i + 3] = o.POP_TOP;
                    c[i + 4] = o.NOP;
                } else if (o.py26 && opcode == o.LOAD_CONST) {
                    // 2.6: a true constant tested by JUMP_IF_FALSE POP_TOP goes away
                    cumlc = lastlc + 1;
                    int j = getArg(c, i);
                    if (c[i + 3] != o.JUMP_IF_FALSE || c[i + 6] != o.POP_TOP || !isBasicBlock(blocks, i, 7)
                            || !Py2Values.isTrue(consts.get(j))) {
                        break;
                    }
                    Arrays.fill(c, i, i + 7, o.NOP);
                    cumlc = 0;
                } else if (o.py26 && (opcode == o.JUMP_IF_FALSE || opcode == o.JUMP_IF_TRUE)) {
                    // 2.6: a test jumping to a test of the same value: to its target when the same
                    // sense, past it when the opposite
                    int tgt = jumpTarget(c, i);
                    int j = c[tgt];
                    if (j == o.JUMP_IF_FALSE || j == o.JUMP_IF_TRUE) {
                        if (j == opcode) {
                            setArg(c, i, jumpTarget(c, tgt) - i - 3);
                        } else {
                            setArg(c, i, tgt - i);
                        }
                    } else {
                        threadJump(c, i, opcode);
                    }
                } else if (opcode == o.UNARY_NOT) {
                    if (c[i + 1] != o.POP_JUMP_IF_FALSE || !isBasicBlock(blocks, i, 4)) {
                        break;
                    }
                    int j = getArg(c, i + 1);
                    c[i] = o.POP_JUMP_IF_TRUE;
                    setArg(c, i, j);
                    c[i + 3] = o.NOP;
                    reoptimize = true;
                } else if (opcode == o.COMPARE_OP) {
                    int j = getArg(c, i);
                    if (j < 6 || j > 9 || c[i + 3] != o.UNARY_NOT || !isBasicBlock(blocks, i, 4)) {
                        break;
                    }
                    setArg(c, i, j ^ 1);
                    c[i + 3] = o.NOP;
                } else if (opcode == o.LOAD_NAME || opcode == o.LOAD_GLOBAL) {
                    int j = getArg(c, i);
                    if (!names.get(j).equals("None")) {
                        break;
                    }
                    for (j = 0; j < consts.size(); j++) {
                        if (consts.get(j) == Singleton.NONE) {
                            break;
                        }
                    }
                    if (j == consts.size()) {
                        consts.add(Singleton.NONE);
                    }
                    c[i] = o.LOAD_CONST;
                    setArg(c, i, j);
                    cumlc = lastlc + 1;
                } else if (opcode == o.LOAD_CONST) {
                    cumlc = lastlc + 1;
                    int j = getArg(c, i);
                    if (c[i + 3] != o.POP_JUMP_IF_FALSE || !isBasicBlock(blocks, i, 6)
                            || !Py2Values.isTrue(consts.get(j))) {
                        break;
                    }
                    Arrays.fill(c, i, i + 6, o.NOP);
                    cumlc = 0;
                } else if (opcode == o.BUILD_TUPLE || opcode == o.BUILD_LIST) {
                    int j = getArg(c, i);
                    int h = i - 3 * j;
                    if (h >= 0 && j <= lastlc
                            && ((opcode == o.BUILD_TUPLE && isBasicBlock(blocks, h, 3 * (j + 1)))
                                    || (opcode == o.BUILD_LIST && c[i + 3] == o.COMPARE_OP
                                            && isBasicBlock(blocks, h, 3 * (j + 2))
                                            && (getArg(c, i + 3) == 6 || getArg(c, i + 3) == 7)))
                            && tupleOfConstants(c, h, j, consts)) {
                        cumlc = 1;
                        break;
                    }
                    if (c[i + 3] != o.UNPACK_SEQUENCE || !isBasicBlock(blocks, i, 6) || j != getArg(c, i + 3)) {
                        break;
                    }
                    if (j == 1) {
                        Arrays.fill(c, i, i + 6, o.NOP);
                    } else if (j == 2) {
                        c[i] = o.ROT_TWO;
                        Arrays.fill(c, i + 1, i + 6, o.NOP);
                    } else if (j == 3) {
                        c[i] = o.ROT_THREE;
                        c[i + 1] = o.ROT_TWO;
                        Arrays.fill(c, i + 2, i + 6, o.NOP);
                    }
                } else if (binaryName(opcode) != null) {
                    if (lastlc >= 2 && isBasicBlock(blocks, i - 6, 7) && foldBinary(c, i - 6, consts)) {
                        i -= 2;
                        cumlc = 1;
                    }
                } else if (opcode == o.UNARY_NEGATIVE || opcode == o.UNARY_CONVERT || opcode == o.UNARY_INVERT) {
                    if (lastlc >= 1 && isBasicBlock(blocks, i - 3, 4) && foldUnary(c, i - 3, consts)) {
                        i -= 2;
                        cumlc = 1;
                    }
                } else if (opcode == o.JUMP_IF_FALSE_OR_POP || opcode == o.JUMP_IF_TRUE_OR_POP) {
                    int tgt = jumpTarget(c, i);
                    int j = c[tgt];
                    if (conditionalJump(j)) {
                        if (jumpsOnTrue(j) == jumpsOnTrue(opcode)) {
                            int tgttgt = jumpTarget(c, tgt);
                            c[i] = j;
                            setArg(c, i, tgttgt);
                        } else {
                            c[i] = jumpsOnTrue(opcode) ? o.POP_JUMP_IF_TRUE : o.POP_JUMP_IF_FALSE;
                            setArg(c, i, tgt + 3);
                        }
                        reoptimize = true;
                    } else {
                        threadJump(c, i, opcode);
                    }
                } else if (opcode == o.POP_JUMP_IF_FALSE || opcode == o.POP_JUMP_IF_TRUE || opcode == o.FOR_ITER
                        || opcode == o.JUMP_FORWARD || opcode == o.JUMP_ABSOLUTE || opcode == o.CONTINUE_LOOP
                        || opcode == o.SETUP_LOOP || opcode == o.SETUP_EXCEPT || opcode == o.SETUP_FINALLY
                        || opcode == o.SETUP_WITH) {
                    threadJump(c, i, opcode);
                } else if (opcode == o.EXTENDED_ARG) {
                    return code;
                } else if (opcode == o.RETURN_VALUE) {
                    if (i + 4 >= codelen) {
                        break;
                    }
                    if (c[i + 4] == o.RETURN_VALUE && isBasicBlock(blocks, i, 5)) {
                        Arrays.fill(c, i + 1, i + 5, o.NOP);
                    } else if (unconditionalJump(c[i + 1]) && isBasicBlock(blocks, i, 4)) {
                        Arrays.fill(c, i + 1, i + 4, o.NOP);
                    }
                }
            } while (reoptimize);
            i += codeSize(c[i]);
        }

        // line table: map each address increment through the NOP removal
        int nops = 0;
        for (i = 0; i < codelen; i += codeSize(c[i])) {
            addrmap[i] = i - nops;
            if (c[i] == o.NOP) {
                nops++;
            }
        }
        int cumOrigLine = 0;
        int lastLine = 0;
        for (i = 0; i < lnotab.length; i += 2) {
            cumOrigLine += lnotab[i] & 0xff;
            int newLine = addrmap[cumOrigLine];
            lnotab[i] = (byte) (newLine - lastLine);
            lastLine = newLine;
        }

        byte[] out = new byte[codelen];
        int h = 0;
        i = 0;
        while (i < codelen) {
            int opcode = c[i];
            if (opcode == o.NOP) {
                i++;
                continue;
            }
            if (opcode == o.JUMP_ABSOLUTE || opcode == o.CONTINUE_LOOP || opcode == o.POP_JUMP_IF_FALSE
                    || opcode == o.POP_JUMP_IF_TRUE || opcode == o.JUMP_IF_FALSE_OR_POP
                    || opcode == o.JUMP_IF_TRUE_OR_POP) {
                setArg(c, i, addrmap[getArg(c, i)]);
            } else if (opcode == o.FOR_ITER || opcode == o.JUMP_FORWARD || opcode == o.SETUP_LOOP
                    || opcode == o.JUMP_IF_FALSE || opcode == o.JUMP_IF_TRUE
                    || opcode == o.SETUP_EXCEPT || opcode == o.SETUP_FINALLY || opcode == o.SETUP_WITH) {
                setArg(c, i, addrmap[getArg(c, i) + i + 3] - addrmap[i] - 3);
            }
            int adj = codeSize(opcode);
            while (adj-- > 0) {
                out[h++] = (byte) c[i++];
            }
        }
        return Arrays.copyOf(out, h);
    }

    private void threadJump(int[] c, int i, int opcode) {
        int tgt = jumpTarget(c, i);
        if (unconditionalJump(opcode) && c[tgt] == o.RETURN_VALUE) {
            c[i] = o.RETURN_VALUE;
            c[i + 1] = o.NOP;
            c[i + 2] = o.NOP;
            return;
        }
        if (!unconditionalJump(c[tgt])) {
            return;
        }
        int tgttgt = jumpTarget(c, tgt);
        if (opcode == o.JUMP_FORWARD) {
            opcode = o.JUMP_ABSOLUTE;
        }
        if (!absoluteJump(opcode)) {
            tgttgt -= i + 3;
        }
        if (tgttgt < 0) {
            return;
        }
        c[i] = opcode;
        setArg(c, i, tgttgt);
    }

    private String binaryName(int op) {
        if (op == o.BINARY_POWER) {
            return "POWER";
        }
        if (op == o.BINARY_MULTIPLY) {
            return "MULTIPLY";
        }
        if (op == o.BINARY_TRUE_DIVIDE) {
            return "TRUE_DIVIDE";
        }
        if (op == o.BINARY_FLOOR_DIVIDE) {
            return "FLOOR_DIVIDE";
        }
        if (op == o.BINARY_MODULO) {
            return "MODULO";
        }
        if (op == o.BINARY_ADD) {
            return "ADD";
        }
        if (op == o.BINARY_SUBTRACT) {
            return "SUBTRACT";
        }
        if (op == o.BINARY_SUBSCR) {
            return "SUBSCR";
        }
        if (op == o.BINARY_LSHIFT) {
            return "LSHIFT";
        }
        if (op == o.BINARY_RSHIFT) {
            return "RSHIFT";
        }
        if (op == o.BINARY_AND) {
            return "AND";
        }
        if (op == o.BINARY_XOR) {
            return "XOR";
        }
        if (op == o.BINARY_OR) {
            return "OR";
        }
        return null;
    }

    private boolean tupleOfConstants(int[] c, int start, int n, List<PyObject> consts) {
        PyObject[] items = new PyObject[n];
        for (int k = 0; k < n; k++) {
            items[k] = consts.get(getArg(c, start + 3 * k));
        }
        int len = consts.size();
        consts.add(new PyObject.Tuple(List.of(items)));
        Arrays.fill(c, start, start + 3 * n, o.NOP);
        c[start + 3 * n] = o.LOAD_CONST;
        setArg(c, start + 3 * n, len);
        return true;
    }

    private boolean foldBinary(int[] c, int at, List<PyObject> consts) {
        PyObject v = consts.get(getArg(c, at));
        PyObject w = consts.get(getArg(c, at + 3));
        int opcode = c[at + 6];
        PyObject r;
        if (opcode == o.BINARY_SUBSCR && v instanceof PyObject.Str s) {
            if (!o.py26 || !(w instanceof PyObject.Int idx)) {
                return false; // 2.7 never folds unicode indexing
            }
            // 2.6 does, on the code units of its narrow build
            int n = s.value().length();
            long i = idx.value().bitLength() > 62 ? Long.MAX_VALUE : idx.value().longValue();
            if (i < 0) {
                i += n;
            }
            if (i < 0 || i >= n) {
                return false;
            }
            r = new PyObject.Str(String.valueOf(s.value().charAt((int) i)), false);
        } else {
            r = Py2Values.binary(binaryName(opcode), v, w);
        }
        if (r == null) {
            return false;
        }
        int size = o.py26 && r instanceof PyObject.Str s ? s.value().length() : Py2Values.size(r);
        if (size > 20) {
            return false;
        }
        int len = consts.size();
        consts.add(r);
        Arrays.fill(c, at, at + 4, o.NOP);
        c[at + 4] = o.LOAD_CONST;
        setArg(c, at + 4, len);
        return true;
    }

    private boolean foldUnary(int[] c, int at, List<PyObject> consts) {
        PyObject v = consts.get(getArg(c, at));
        int opcode = c[at + 3];
        PyObject r = null;
        if (opcode == o.UNARY_NEGATIVE) {
            if (Py2Values.isTrue(v)) {
                r = Py2Values.unary("NEGATIVE", v);
            }
        } else if (opcode == o.UNARY_CONVERT) {
            r = Py2Values.unary("CONVERT", v);
        } else {
            r = Py2Values.unary("INVERT", v);
        }
        if (r == null) {
            return false;
        }
        int len = consts.size();
        consts.add(r);
        c[at] = o.NOP;
        c[at + 1] = o.LOAD_CONST;
        setArg(c, at + 1, len);
        return true;
    }

    private int[] markblocks(int[] code, int len) {
        int[] blocks = new int[len];
        for (int i = 0; i < len; i += codeSize(code[i])) {
            int op = code[i];
            if (op == o.FOR_ITER || op == o.JUMP_FORWARD || op == o.JUMP_IF_FALSE_OR_POP
                    || op == o.JUMP_IF_FALSE || op == o.JUMP_IF_TRUE
                    || op == o.JUMP_IF_TRUE_OR_POP || op == o.POP_JUMP_IF_FALSE || op == o.POP_JUMP_IF_TRUE
                    || op == o.JUMP_ABSOLUTE || op == o.CONTINUE_LOOP || op == o.SETUP_LOOP || op == o.SETUP_EXCEPT
                    || op == o.SETUP_FINALLY || op == o.SETUP_WITH) {
                blocks[jumpTarget(code, i)] = 1;
            }
        }
        int cnt = 0;
        for (int i = 0; i < len; i++) {
            cnt += blocks[i];
            blocks[i] = cnt;
        }
        return blocks;
    }

    private static boolean isBasicBlock(int[] blocks, int start, int bytes) {
        return blocks[start] == blocks[start + bytes - 1];
    }

    private int codeSize(int op) {
        return op >= o.haveArgument ? 3 : 1;
    }

    private static int getArg(int[] c, int i) {
        return (c[i + 2] << 8) + c[i + 1];
    }

    /** 2.7's SETARG: the argument is stored truncated to a byte pair. */
    private static void setArg(int[] c, int i, int val) {
        c[i + 2] = (val >> 8) & 0xff;
        c[i + 1] = val & 255;
    }

    private boolean unconditionalJump(int op) {
        return op == o.JUMP_ABSOLUTE || op == o.JUMP_FORWARD;
    }

    private boolean conditionalJump(int op) {
        return op == o.POP_JUMP_IF_FALSE || op == o.POP_JUMP_IF_TRUE || op == o.JUMP_IF_FALSE_OR_POP
                || op == o.JUMP_IF_TRUE_OR_POP;
    }

    private boolean absoluteJump(int op) {
        return op == o.JUMP_ABSOLUTE || op == o.CONTINUE_LOOP || conditionalJump(op);
    }

    private boolean jumpsOnTrue(int op) {
        return op == o.POP_JUMP_IF_TRUE || op == o.JUMP_IF_TRUE_OR_POP;
    }

    private int jumpTarget(int[] c, int i) {
        return getArg(c, i) + (absoluteJump(c[i]) ? 0 : i + 3);
    }
}
