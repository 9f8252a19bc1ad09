package io.github.pycompile.flowgraph;

/**
 * A jump target handed out by {@link CodeBuilder#newLabel()}. It names the basic block that starts
 * where the label is later placed with {@link CodeBuilder#useLabel(Label)}; in 3.11 each label is
 * exactly one block ({@code compiler_new_block} / {@code compiler_use_next_block}). Compared by identity.
 */
public final class Label {
    final BasicBlock block;

    Label(BasicBlock block) {
        this.block = block;
    }

    /** The block this label starts. */
    public BasicBlock block() {
        return block;
    }

    @Override
    public String toString() {
        return "L" + block.id;
    }
}
