package io.github.pycompile.assemble;

import io.github.pycompile.target.opcodes.Opcode;

/**
 * The stack effect of an instruction as CPython 3.11's {@code compile.c} {@code stack_effect}
 * computes it (the function behind 3.11's {@code dis.stack_effect}), pseudo-instructions included.
 * {@code jump} selects the effect on the branch taken (for jumps) or on entry to the handler (for
 * the SETUP_* pseudo-instructions).
 */
final class StackEffects311 {
    private StackEffects311() {}

    /** The effect; an internal error for an opcode 3.11 does not know. */
    static int effect(Opcode op, int oparg, boolean jump) {
        switch (op) {
            case NOP, EXTENDED_ARG, RESUME, CACHE, SWAP, UNARY_POSITIVE, UNARY_NEGATIVE, UNARY_NOT,
                    UNARY_INVERT, GET_ITER, GET_AITER, GET_AWAITABLE, GET_YIELD_FROM_ITER,
                    SETUP_ANNOTATIONS, ASYNC_GEN_WRAP, YIELD_VALUE, POP_BLOCK, DELETE_NAME,
                    DELETE_GLOBAL, LOAD_ATTR, CHECK_EXC_MATCH, CHECK_EG_MATCH, JUMP_FORWARD,
                    JUMP_BACKWARD, JUMP, JUMP_BACKWARD_NO_INTERRUPT, JUMP_NO_INTERRUPT, DELETE_FAST,
                    RETURN_GENERATOR, KW_NAMES, MAKE_CELL, DELETE_DEREF, COPY_FREE_VARS, LIST_TO_TUPLE:
                return 0;
            case POP_TOP, BINARY_OP, BINARY_SUBSCR, LIST_APPEND, SET_ADD, PRINT_EXPR, RETURN_VALUE,
                    IMPORT_STAR, POP_EXCEPT, STORE_NAME, DELETE_ATTR, STORE_GLOBAL, COMPARE_OP, IS_OP,
                    CONTAINS_OP, IMPORT_NAME, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, POP_JUMP_IF_NONE,
                    POP_JUMP_IF_NOT_NONE, POP_JUMP_FORWARD_IF_FALSE, POP_JUMP_FORWARD_IF_TRUE,
                    POP_JUMP_FORWARD_IF_NONE, POP_JUMP_FORWARD_IF_NOT_NONE, POP_JUMP_BACKWARD_IF_FALSE,
                    POP_JUMP_BACKWARD_IF_TRUE, POP_JUMP_BACKWARD_IF_NONE, POP_JUMP_BACKWARD_IF_NOT_NONE,
                    PREP_RERAISE_STAR, RERAISE, STORE_FAST, CALL, STORE_DEREF, LIST_EXTEND,
                    SET_UPDATE, DICT_MERGE, DICT_UPDATE:
                return -1;
            case PUSH_NULL, COPY, GET_ANEXT, BEFORE_ASYNC_WITH, BEFORE_WITH, LOAD_CONST, LOAD_NAME,
                    IMPORT_FROM, PUSH_EXC_INFO, WITH_EXCEPT_START, LOAD_FAST, LOAD_CLOSURE, LOAD_DEREF,
                    LOAD_CLASSDEREF, LOAD_METHOD, LOAD_ASSERTION_ERROR, GET_LEN, MATCH_MAPPING,
                    MATCH_SEQUENCE, MATCH_KEYS, LOAD_BUILD_CLASS:
                return 1;
            case MAP_ADD, DELETE_SUBSCR, STORE_ATTR, END_ASYNC_FOR, MATCH_CLASS:
                return -2;
            case STORE_SUBSCR:
                return -3;
            case UNPACK_SEQUENCE:
                return oparg - 1;
            case UNPACK_EX:
                return (oparg & 0xFF) + (oparg >> 8);
            case FOR_ITER:
                return jump ? -1 : 1;
            case SEND:
                return jump ? -1 : 0;
            case BUILD_TUPLE, BUILD_LIST, BUILD_SET, BUILD_STRING:
                return 1 - oparg;
            case BUILD_MAP:
                return 1 - 2 * oparg;
            case BUILD_CONST_KEY_MAP:
                return -oparg;
            case JUMP_IF_TRUE_OR_POP, JUMP_IF_FALSE_OR_POP:
                return jump ? 0 : -1;
            case LOAD_GLOBAL:
                return (oparg & 1) + 1;
            case SETUP_FINALLY, SETUP_WITH:
                return jump ? 1 : 0;
            case SETUP_CLEANUP:
                return jump ? 2 : 0;
            case RAISE_VARARGS, PRECALL:
                return -oparg;
            case CALL_FUNCTION_EX:
                return -2 - (oparg & 1);
            case MAKE_FUNCTION:
                return -Integer.bitCount(oparg & 0x0F);
            case BUILD_SLICE:
                return oparg == 3 ? -2 : -1;
            case FORMAT_VALUE:
                return (oparg & 0x04) == 0x04 ? -1 : 0;
            default:
                throw new IllegalStateException("internal error: no 3.11 stack effect for " + op);
        }
    }
}
