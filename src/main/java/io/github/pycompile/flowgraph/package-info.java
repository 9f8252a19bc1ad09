/**
 * The control-flow graph code generation emits into and the assembler optimises: {@link
 * io.github.pycompile.flowgraph.CodeUnit} (one code object's metadata: names, constants through the
 * module's {@link io.github.pycompile.flowgraph.ConstCache}, variables, argument counts, flags) and its
 * {@link io.github.pycompile.flowgraph.CodeBuilder} of {@link io.github.pycompile.flowgraph.BasicBlock}s
 * holding {@link io.github.pycompile.flowgraph.Instruction}s with a
 * {@link io.github.pycompile.flowgraph.Location} each. Opcodes are the version-neutral
 * {@link io.github.pycompile.target.opcodes.Opcode}s, pseudo-instructions included, as CPython 3.11's
 * {@code compile.c} emits them.
 */
package io.github.pycompile.flowgraph;
