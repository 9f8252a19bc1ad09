package io.github.pycompile.assemble;

import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.target.opcodes.Opcode;
import io.github.pycompile.target.opcodes.OpcodeTable;

/**
 * The opcode numbers of a CPython 2.x target, read from its generated {@link OpcodeTable}, and
 * 2.7's stack effects ({@code opcode_stack_effect} of {@code compile.c}). Code generation, the
 * assembler and the peephole optimiser use these numbers, so another 2.x table (2.6) is a new
 * instance, not a copy of the code.
 */
public final class Opcodes2 {
    public final int haveArgument;
    public final int POP_TOP, ROT_TWO, ROT_THREE, DUP_TOP, ROT_FOUR, NOP;
    public final int UNARY_POSITIVE, UNARY_NEGATIVE, UNARY_NOT, UNARY_CONVERT, UNARY_INVERT;
    public final int LIST_APPEND, SET_ADD, MAP_ADD;
    public final int BINARY_POWER, BINARY_MULTIPLY, BINARY_DIVIDE, BINARY_MODULO, BINARY_ADD, BINARY_SUBTRACT,
            BINARY_SUBSCR, BINARY_FLOOR_DIVIDE, BINARY_TRUE_DIVIDE, BINARY_LSHIFT, BINARY_RSHIFT, BINARY_AND,
            BINARY_XOR, BINARY_OR;
    public final int INPLACE_FLOOR_DIVIDE, INPLACE_TRUE_DIVIDE, INPLACE_ADD, INPLACE_SUBTRACT, INPLACE_MULTIPLY,
            INPLACE_DIVIDE, INPLACE_MODULO, INPLACE_POWER, INPLACE_LSHIFT, INPLACE_RSHIFT, INPLACE_AND,
            INPLACE_XOR, INPLACE_OR;
    public final int SLICE, STORE_SLICE, DELETE_SLICE;
    public final int STORE_SUBSCR, DELETE_SUBSCR, STORE_MAP, GET_ITER, PRINT_EXPR, PRINT_ITEM, PRINT_NEWLINE,
            PRINT_ITEM_TO, PRINT_NEWLINE_TO, BREAK_LOOP, SETUP_WITH, WITH_CLEANUP, LOAD_LOCALS, RETURN_VALUE,
            IMPORT_STAR, EXEC_STMT, YIELD_VALUE, POP_BLOCK, END_FINALLY, BUILD_CLASS;
    public final int STORE_NAME, DELETE_NAME, UNPACK_SEQUENCE, FOR_ITER, STORE_ATTR, DELETE_ATTR, STORE_GLOBAL,
            DELETE_GLOBAL, DUP_TOPX, LOAD_CONST, LOAD_NAME, BUILD_TUPLE, BUILD_LIST, BUILD_SET, BUILD_MAP,
            LOAD_ATTR, COMPARE_OP, IMPORT_NAME, IMPORT_FROM, JUMP_FORWARD, JUMP_IF_FALSE_OR_POP,
            JUMP_IF_TRUE_OR_POP, JUMP_ABSOLUTE, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, LOAD_GLOBAL, CONTINUE_LOOP,
            SETUP_LOOP, SETUP_EXCEPT, SETUP_FINALLY, LOAD_FAST, STORE_FAST, DELETE_FAST, RAISE_VARARGS,
            CALL_FUNCTION, MAKE_FUNCTION, BUILD_SLICE, MAKE_CLOSURE, LOAD_CLOSURE, LOAD_DEREF, STORE_DEREF,
            CALL_FUNCTION_VAR, CALL_FUNCTION_KW, CALL_FUNCTION_VAR_KW, EXTENDED_ARG;
    /** 2.6's conditional jumps that leave the tested value on the stack (-1 on 2.7). */
    public final int JUMP_IF_FALSE, JUMP_IF_TRUE;
    /** True for 2.6: the numbers and lowerings of 2.6 (see {@link #of}). */
    public final boolean py26;

    private final int[] effectKind = new int[256];

    public static Opcodes2 of(PythonVersion v) {
        if (v != PythonVersion.V2_7 && v != PythonVersion.V2_6) {
            throw new IllegalArgumentException("no 2.x opcode set for " + v);
        }
        return new Opcodes2(OpcodeTable.of(PythonVersion.V2_7), v == PythonVersion.V2_6);
    }

    /**
     * 2.6's numbering is 2.7's except where 2.7 inserted or renumbered opcodes: 2.6 has LIST_APPEND
     * without argument (18), no BUILD_SET (so BUILD_MAP..IMPORT_FROM are one lower), JUMP_IF_FALSE/TRUE
     * at 111/112 instead of the *_OR_POP pair, no POP_JUMP_IF_*, SETUP_WITH, SET_ADD, MAP_ADD, and
     * EXTENDED_ARG at 143. Absent opcodes are -1.
     */
    private Opcodes2(OpcodeTable t, boolean py26) {
        this.py26 = py26;
        haveArgument = t.haveArgument();
        POP_TOP = t.number(Opcode.POP_TOP);
        ROT_TWO = t.number(Opcode.ROT_TWO);
        ROT_THREE = t.number(Opcode.ROT_THREE);
        DUP_TOP = t.number(Opcode.DUP_TOP);
        ROT_FOUR = t.number(Opcode.ROT_FOUR);
        NOP = t.number(Opcode.NOP);
        UNARY_POSITIVE = t.number(Opcode.UNARY_POSITIVE);
        UNARY_NEGATIVE = t.number(Opcode.UNARY_NEGATIVE);
        UNARY_NOT = t.number(Opcode.UNARY_NOT);
        UNARY_CONVERT = t.number(Opcode.UNARY_CONVERT);
        UNARY_INVERT = t.number(Opcode.UNARY_INVERT);
        LIST_APPEND = py26 ? 18 : t.number(Opcode.LIST_APPEND);
        SET_ADD = py26 ? -1 : t.number(Opcode.SET_ADD);
        MAP_ADD = py26 ? -1 : t.number(Opcode.MAP_ADD);
        BINARY_POWER = t.number(Opcode.BINARY_POWER);
        BINARY_MULTIPLY = t.number(Opcode.BINARY_MULTIPLY);
        BINARY_DIVIDE = t.number(Opcode.BINARY_DIVIDE);
        BINARY_MODULO = t.number(Opcode.BINARY_MODULO);
        BINARY_ADD = t.number(Opcode.BINARY_ADD);
        BINARY_SUBTRACT = t.number(Opcode.BINARY_SUBTRACT);
        BINARY_SUBSCR = t.number(Opcode.BINARY_SUBSCR);
        BINARY_FLOOR_DIVIDE = t.number(Opcode.BINARY_FLOOR_DIVIDE);
        BINARY_TRUE_DIVIDE = t.number(Opcode.BINARY_TRUE_DIVIDE);
        BINARY_LSHIFT = t.number(Opcode.BINARY_LSHIFT);
        BINARY_RSHIFT = t.number(Opcode.BINARY_RSHIFT);
        BINARY_AND = t.number(Opcode.BINARY_AND);
        BINARY_XOR = t.number(Opcode.BINARY_XOR);
        BINARY_OR = t.number(Opcode.BINARY_OR);
        INPLACE_FLOOR_DIVIDE = t.number(Opcode.INPLACE_FLOOR_DIVIDE);
        INPLACE_TRUE_DIVIDE = t.number(Opcode.INPLACE_TRUE_DIVIDE);
        INPLACE_ADD = t.number(Opcode.INPLACE_ADD);
        INPLACE_SUBTRACT = t.number(Opcode.INPLACE_SUBTRACT);
        INPLACE_MULTIPLY = t.number(Opcode.INPLACE_MULTIPLY);
        INPLACE_DIVIDE = t.number(Opcode.INPLACE_DIVIDE);
        INPLACE_MODULO = t.number(Opcode.INPLACE_MODULO);
        INPLACE_POWER = t.number(Opcode.INPLACE_POWER);
        INPLACE_LSHIFT = t.number(Opcode.INPLACE_LSHIFT);
        INPLACE_RSHIFT = t.number(Opcode.INPLACE_RSHIFT);
        INPLACE_AND = t.number(Opcode.INPLACE_AND);
        INPLACE_XOR = t.number(Opcode.INPLACE_XOR);
        INPLACE_OR = t.number(Opcode.INPLACE_OR);
        SLICE = t.number(Opcode.SLICE_0);
        STORE_SLICE = t.number(Opcode.STORE_SLICE_0);
        DELETE_SLICE = t.number(Opcode.DELETE_SLICE_0);
        STORE_SUBSCR = t.number(Opcode.STORE_SUBSCR);
        DELETE_SUBSCR = t.number(Opcode.DELETE_SUBSCR);
        STORE_MAP = t.number(Opcode.STORE_MAP);
        GET_ITER = t.number(Opcode.GET_ITER);
        PRINT_EXPR = t.number(Opcode.PRINT_EXPR);
        PRINT_ITEM = t.number(Opcode.PRINT_ITEM);
        PRINT_NEWLINE = t.number(Opcode.PRINT_NEWLINE);
        PRINT_ITEM_TO = t.number(Opcode.PRINT_ITEM_TO);
        PRINT_NEWLINE_TO = t.number(Opcode.PRINT_NEWLINE_TO);
        BREAK_LOOP = t.number(Opcode.BREAK_LOOP);
        SETUP_WITH = py26 ? -1 : t.number(Opcode.SETUP_WITH);
        WITH_CLEANUP = t.number(Opcode.WITH_CLEANUP);
        LOAD_LOCALS = t.number(Opcode.LOAD_LOCALS);
        RETURN_VALUE = t.number(Opcode.RETURN_VALUE);
        IMPORT_STAR = t.number(Opcode.IMPORT_STAR);
        EXEC_STMT = t.number(Opcode.EXEC_STMT);
        YIELD_VALUE = t.number(Opcode.YIELD_VALUE);
        POP_BLOCK = t.number(Opcode.POP_BLOCK);
        END_FINALLY = t.number(Opcode.END_FINALLY);
        BUILD_CLASS = t.number(Opcode.BUILD_CLASS);
        STORE_NAME = t.number(Opcode.STORE_NAME);
        DELETE_NAME = t.number(Opcode.DELETE_NAME);
        UNPACK_SEQUENCE = t.number(Opcode.UNPACK_SEQUENCE);
        FOR_ITER = t.number(Opcode.FOR_ITER);
        STORE_ATTR = t.number(Opcode.STORE_ATTR);
        DELETE_ATTR = t.number(Opcode.DELETE_ATTR);
        STORE_GLOBAL = t.number(Opcode.STORE_GLOBAL);
        DELETE_GLOBAL = t.number(Opcode.DELETE_GLOBAL);
        DUP_TOPX = t.number(Opcode.DUP_TOPX);
        LOAD_CONST = t.number(Opcode.LOAD_CONST);
        LOAD_NAME = t.number(Opcode.LOAD_NAME);
        BUILD_TUPLE = t.number(Opcode.BUILD_TUPLE);
        BUILD_LIST = t.number(Opcode.BUILD_LIST);
        BUILD_SET = py26 ? -1 : t.number(Opcode.BUILD_SET);
        BUILD_MAP = py26 ? 104 : t.number(Opcode.BUILD_MAP);
        LOAD_ATTR = py26 ? 105 : t.number(Opcode.LOAD_ATTR);
        COMPARE_OP = py26 ? 106 : t.number(Opcode.COMPARE_OP);
        IMPORT_NAME = py26 ? 107 : t.number(Opcode.IMPORT_NAME);
        IMPORT_FROM = py26 ? 108 : t.number(Opcode.IMPORT_FROM);
        JUMP_FORWARD = t.number(Opcode.JUMP_FORWARD);
        JUMP_IF_FALSE_OR_POP = py26 ? -1 : t.number(Opcode.JUMP_IF_FALSE_OR_POP);
        JUMP_IF_TRUE_OR_POP = py26 ? -1 : t.number(Opcode.JUMP_IF_TRUE_OR_POP);
        JUMP_ABSOLUTE = t.number(Opcode.JUMP_ABSOLUTE);
        POP_JUMP_IF_FALSE = py26 ? -1 : t.number(Opcode.POP_JUMP_IF_FALSE);
        POP_JUMP_IF_TRUE = py26 ? -1 : t.number(Opcode.POP_JUMP_IF_TRUE);
        LOAD_GLOBAL = t.number(Opcode.LOAD_GLOBAL);
        CONTINUE_LOOP = t.number(Opcode.CONTINUE_LOOP);
        SETUP_LOOP = t.number(Opcode.SETUP_LOOP);
        SETUP_EXCEPT = t.number(Opcode.SETUP_EXCEPT);
        SETUP_FINALLY = t.number(Opcode.SETUP_FINALLY);
        LOAD_FAST = t.number(Opcode.LOAD_FAST);
        STORE_FAST = t.number(Opcode.STORE_FAST);
        DELETE_FAST = t.number(Opcode.DELETE_FAST);
        RAISE_VARARGS = t.number(Opcode.RAISE_VARARGS);
        CALL_FUNCTION = t.number(Opcode.CALL_FUNCTION);
        MAKE_FUNCTION = t.number(Opcode.MAKE_FUNCTION);
        BUILD_SLICE = t.number(Opcode.BUILD_SLICE);
        MAKE_CLOSURE = t.number(Opcode.MAKE_CLOSURE);
        LOAD_CLOSURE = t.number(Opcode.LOAD_CLOSURE);
        LOAD_DEREF = t.number(Opcode.LOAD_DEREF);
        STORE_DEREF = t.number(Opcode.STORE_DEREF);
        CALL_FUNCTION_VAR = t.number(Opcode.CALL_FUNCTION_VAR);
        CALL_FUNCTION_KW = t.number(Opcode.CALL_FUNCTION_KW);
        CALL_FUNCTION_VAR_KW = t.number(Opcode.CALL_FUNCTION_VAR_KW);
        EXTENDED_ARG = py26 ? 143 : t.number(Opcode.EXTENDED_ARG);
        JUMP_IF_FALSE = py26 ? 111 : -1;
        JUMP_IF_TRUE = py26 ? 112 : -1;
    }

    public boolean hasArg(int op) {
        return op >= haveArgument;
    }

    /** 2.7's opcode_stack_effect. */
    public int stackEffect(int op, int arg) {
        if (py26) {
            // 2.6's table where it differs from 2.7's
            if (op >= SLICE && op <= SLICE + 3) {
                return new int[] {1, 0, 0, -1}[op - SLICE];
            }
            if (op == SETUP_EXCEPT || op == SETUP_FINALLY) {
                return 3;
            }
            if (op == END_FINALLY) {
                return -1;
            }
            if (op == IMPORT_NAME) {
                return 0;
            }
            if (op == MAKE_CLOSURE) {
                return -arg;
            }
        }
        if (op == POP_TOP) {
            return -1;
        }
        if (op == ROT_TWO || op == ROT_THREE || op == ROT_FOUR) {
            return 0;
        }
        if (op == DUP_TOP) {
            return 1;
        }
        if (op == UNARY_POSITIVE || op == UNARY_NEGATIVE || op == UNARY_NOT || op == UNARY_CONVERT
                || op == UNARY_INVERT) {
            return 0;
        }
        if (py26 && op == LIST_APPEND) {
            return -2;
        }
        if (op == JUMP_IF_FALSE || op == JUMP_IF_TRUE) {
            return 0;
        }
        if (op == SET_ADD || op == LIST_APPEND) {
            return -1;
        }
        if (op == MAP_ADD) {
            return -2;
        }
        if (op == BINARY_POWER || op == BINARY_MULTIPLY || op == BINARY_DIVIDE || op == BINARY_MODULO
                || op == BINARY_ADD || op == BINARY_SUBTRACT || op == BINARY_SUBSCR || op == BINARY_FLOOR_DIVIDE
                || op == BINARY_TRUE_DIVIDE || op == INPLACE_FLOOR_DIVIDE || op == INPLACE_TRUE_DIVIDE
                || op == INPLACE_ADD || op == INPLACE_SUBTRACT || op == INPLACE_MULTIPLY || op == INPLACE_DIVIDE
                || op == INPLACE_MODULO || op == BINARY_LSHIFT || op == BINARY_RSHIFT || op == BINARY_AND
                || op == BINARY_XOR || op == BINARY_OR || op == INPLACE_POWER || op == INPLACE_LSHIFT
                || op == INPLACE_RSHIFT || op == INPLACE_AND || op == INPLACE_XOR || op == INPLACE_OR) {
            return -1;
        }
        if (op >= SLICE && op <= SLICE + 3) {
            return new int[] {0, -1, -1, -2}[op - SLICE];
        }
        if (op >= STORE_SLICE && op <= STORE_SLICE + 3) {
            return new int[] {-2, -3, -3, -4}[op - STORE_SLICE];
        }
        if (op >= DELETE_SLICE && op <= DELETE_SLICE + 3) {
            return new int[] {-1, -2, -2, -3}[op - DELETE_SLICE];
        }
        if (op == STORE_SUBSCR) {
            return -3;
        }
        if (op == STORE_MAP || op == DELETE_SUBSCR) {
            return -2;
        }
        if (op == GET_ITER || op == PRINT_NEWLINE || op == BREAK_LOOP || op == YIELD_VALUE || op == POP_BLOCK
                || op == DELETE_NAME || op == DELETE_GLOBAL || op == LOAD_ATTR || op == JUMP_FORWARD
                || op == JUMP_IF_TRUE_OR_POP || op == JUMP_IF_FALSE_OR_POP || op == JUMP_ABSOLUTE
                || op == CONTINUE_LOOP || op == SETUP_LOOP || op == SETUP_EXCEPT || op == SETUP_FINALLY
                || op == DELETE_FAST) {
            return 0;
        }
        if (op == PRINT_EXPR || op == PRINT_ITEM || op == PRINT_NEWLINE_TO || op == WITH_CLEANUP
                || op == RETURN_VALUE || op == IMPORT_STAR || op == STORE_NAME || op == DELETE_ATTR
                || op == STORE_GLOBAL || op == COMPARE_OP || op == IMPORT_NAME || op == POP_JUMP_IF_FALSE
                || op == POP_JUMP_IF_TRUE || op == STORE_FAST || op == STORE_DEREF) {
            return -1;
        }
        if (op == PRINT_ITEM_TO || op == BUILD_CLASS || op == STORE_ATTR) {
            return -2;
        }
        if (op == SETUP_WITH) {
            return 4;
        }
        if (op == LOAD_LOCALS || op == LOAD_CONST || op == LOAD_NAME || op == BUILD_MAP || op == IMPORT_FROM
                || op == LOAD_GLOBAL || op == LOAD_FAST || op == LOAD_CLOSURE || op == LOAD_DEREF) {
            return 1;
        }
        if (op == EXEC_STMT || op == END_FINALLY) {
            return -3;
        }
        if (op == UNPACK_SEQUENCE) {
            return arg - 1;
        }
        if (op == FOR_ITER) {
            return 1;
        }
        if (op == DUP_TOPX) {
            return arg;
        }
        if (op == BUILD_TUPLE || op == BUILD_LIST || op == BUILD_SET) {
            return 1 - arg;
        }
        if (op == RAISE_VARARGS) {
            return -arg;
        }
        int nargs = (arg % 256) + 2 * (arg / 256);
        if (op == CALL_FUNCTION) {
            return -nargs;
        }
        if (op == CALL_FUNCTION_VAR || op == CALL_FUNCTION_KW) {
            return -nargs - 1;
        }
        if (op == CALL_FUNCTION_VAR_KW) {
            return -nargs - 2;
        }
        if (op == MAKE_FUNCTION) {
            return -arg;
        }
        if (op == BUILD_SLICE) {
            return arg == 3 ? -2 : -1;
        }
        if (op == MAKE_CLOSURE) {
            return -arg - 1;
        }
        throw new IllegalStateException("this is a bug: no stack effect for opcode " + op);
    }
}
