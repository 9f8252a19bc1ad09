package io.github.pycompile;

import io.github.pycompile.target.PythonVersion;

/**
 * {@code traceback.format_exception_only} for a SyntaxError, as each target prints it. Two shapes:
 * 3.10+ (the stripped line, then carets from {@code offset} to {@code end_offset}) 3.9 (one caret, no clamping) and
 * the older one of 2.x and 3.6–3.8 (one caret under the clamped {@code offset}).
 */
final class SyntaxErrorFormat {
    private SyntaxErrorFormat() {}

    static String formatExceptionOnly(PythonError e, PythonVersion target) {
        StringBuilder out = new StringBuilder();
        String suffix = "";
        if (e.lineno() > 0) {
            out.append("  File \"").append(e.filename() == null ? "<string>" : e.filename())
                    .append("\", line ").append(e.lineno()).append('\n');
        } else if (e.filename() != null && target.atLeast(PythonVersion.V3_8)) {
            suffix = " (" + e.filename() + ")";
        }
        String text = e.text();
        if (text != null) {
            if (target.atLeast(PythonVersion.V3_10)) {
                modernCaret(out, e, text);
            } else if (target == PythonVersion.V3_9) {
                caret39(out, e, text);
            } else {
                legacyCaret(out, e, text);
            }
        }
        String msg = e.pyMessage() == null || e.pyMessage().isEmpty() ? "<no detail available>" : e.pyMessage();
        out.append(e.typeName()).append(": ").append(msg).append(suffix).append('\n');
        return out.toString();
    }

    /** Appends the line without its trailing newlines and leading blanks; returns how many blanks went. */
    private static int appendStrippedLine(StringBuilder out, String text) {
        String rtext = stripTrailing(text, "\n");
        int lead = 0;
        while (lead < rtext.length() && " \n\f".indexOf(rtext.charAt(lead)) >= 0) {
            lead++;
        }
        out.append("    ").append(rtext, lead, rtext.length()).append('\n');
        return lead;
    }

    /** Blanks under {@code text[0:col]}, keeping tabs and other whitespace so the caret lines up. */
    private static void appendCaretSpace(StringBuilder out, String text, int col) {
        out.append("    ");
        for (int i = 0; i < col && i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(Character.isWhitespace(c) ? c : ' ');
        }
    }

    /** 3.10+: strip the line, underline offset..end_offset (one caret when they coincide). */
    private static void modernCaret(StringBuilder out, PythonError e, String text) {
        int lead = appendStrippedLine(out, text);
        String ltext = stripTrailing(text, "\n").substring(lead);
        if (e.offset() != -1) {
            int offset = e.offset();
            int end = e.endOffset() == 0 || e.endOffset() == -1 && e.endLineno() == -1 ? offset : e.endOffset();
            if (offset == end || end == -1) {
                end = offset + 1;
            }
            int col = offset - 1 - lead;
            int endCol = end - 1 - lead;
            if (col >= 0) {
                appendCaretSpace(out, ltext, col);
                out.append("^".repeat(Math.max(0, endCol - col))).append('\n');
            }
        }
    }

    /** 3.9: the line stripped as 3.10 does, one caret at offset (no clamping). */
    private static void caret39(StringBuilder out, PythonError e, String text) {
        int lead = appendStrippedLine(out, text);
        String ltext = stripTrailing(text, "\n").substring(lead);
        int caret = (e.offset() == -1 ? 0 : e.offset()) - 1 - lead;
        if (caret >= 0) {
            appendCaretSpace(out, ltext, caret);
            out.append("^\n");
        }
    }

    /** 2.x and 3.6–3.8: the stripped line and one caret at the (clamped) offset. */
    private static void legacyCaret(StringBuilder out, PythonError e, String text) {
        out.append("    ").append(text.strip()).append('\n');
        if (e.offset() != -1) {
            String caretspace = stripTrailing(text, "\n");
            int offset = Math.min(caretspace.length(), e.offset()) - 1;
            // a Python slice [:offset]: a negative offset counts from the end
            int cut = offset >= 0 ? Math.min(offset, caretspace.length()) : Math.max(0, caretspace.length() + offset);
            caretspace = caretspace.substring(0, cut).stripLeading();
            appendCaretSpace(out, caretspace, caretspace.length());
            out.append("^\n");
        }
    }

    private static String stripTrailing(String s, String chars) {
        int end = s.length();
        while (end > 0 && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }
}
