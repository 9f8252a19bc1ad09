package io.github.pycompile.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.Interpreters;
import io.github.pycompile.testsupport.Python;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Coding declarations, BOM, null bytes and newlines against {@code compile()} of each installed
 * CPython: for an accepted source, the characters of the string literal {@code x}; for a rejected
 * one, the exception type, message, line and offset.
 */
class SourceDecoderTest {
    private static final HexFormat HEX = HexFormat.of();

    static List<byte[]> cases() {
        List<String> texts = List.of(
                "x = \"plain\"\n",
                "# -*- coding: latin-1 -*-\nx = \"caf\u00e9\"\n",
                "#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-15 :\nx = \"\u00a4\"\n",
                "# coding=latin_1\nx = \"\u00ff\"\n",
                "# coding: cp1252\nx = \"\u0080\"\n",
                "\n# coding: latin-1\nx = \"\u00e9\"\n",
                "y = 1\n# coding: latin-1\nx = \"ok\"\n",
                "\n\n# coding: foo\nx = \"third line is not read\"\n",
                "# -*- coding: foo -*-\nx = 1\n",
                "# vim:fileencoding=bogus-enc\nx = 1\n",
                "\t#\fcoding: nope\nx = 1\n",
                "#coding:ascii\nx = \"\u00e9\"\n",
                "x = \"crlf\"\r\ny = 2\r\n",
                "x = \"cr\"\ry = 3\r",
                "x = \"no newline at end\"",
                "x = 'nul\u0000'\n");
        List<byte[]> out = new ArrayList<>();
        for (String t : texts) {
            out.add(t.getBytes(StandardCharsets.ISO_8859_1));
        }
        out.add(bytes("\ufeffx = \"bom\"\n"));
        out.add(bytes("\ufeff# coding: utf-8\nx = \"bom+utf8 \u20ac\"\n"));
        out.add(bytes("\ufeff# coding: latin-1\nx = 1\n"));
        out.add(bytes("\ufeff# coding: utf8\nx = 1\n"));
        out.add(bytes("# coding: utf-8-sig\nx = \"\u4e2d\"\n"));
        out.add(bytes("x = \"\u4e2d\u6587 \ud83d\ude00\"\n"));
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** What we make of a case, in the form the interpreter script prints. */
    static String ours(byte[] src, PythonVersion v) {
        try {
            SourceDecoder.DecodedSource d = SourceDecoder.decode(src, v, "f.py");
            String text = d.text();
            if (d.recodedToUtf8()) {
                // 2.x: what its parser makes of a plain string literal: the bytes back in the declared codec
                String back = new String(text.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
                text = new String(back.getBytes(SourceDecoder.javaCharset(SourceDecoder.pythonCodec(d.encoding()))), StandardCharsets.ISO_8859_1);
            }
            int at = text.indexOf("x = ");
            if (at < 0 || (text.charAt(at + 4) != '"' && text.charAt(at + 4) != '\'')) {
                return "OK";
            }
            char q = text.charAt(at + 4);
            String lit = text.substring(at + 5, text.indexOf(q, at + 5));
            return "OK " + lit.codePoints().mapToObj(Integer::toString).collect(Collectors.joining(","));
        } catch (PythonError e) {
            return "ERR|" + e.typeName() + "|" + e.pyMessage() + "|" + e.lineno() + "|" + e.offset();
        } catch (UnsupportedFeatureException e) {
            return "UNSUPPORTED";
        }
    }

    @ParameterizedTest
    @EnumSource(value = PythonVersion.class, names = {"V2_7", "V3_6", "V3_7", "V3_8", "V3_9", "V3_10", "V3_11", "V3_12", "V3_13"})
    void agreesWithCompile(PythonVersion v) {
        var python = Interpreters.require(v);
        List<byte[]> cases = cases();
        StringBuilder stdin = new StringBuilder();
        for (byte[] c : cases) {
            stdin.append(HEX.formatHex(c)).append('\n');
        }
        var r = Python.run(python, null, stdin.toString(), String.join("\n",
                "import sys, binascii",
                "for line in sys.stdin.read().splitlines():",
                "    src = binascii.unhexlify(line)",
                "    try:",
                "        ns = {}",
                "        exec(compile(src, 'f.py', 'exec'), ns)",
                "        x = ns.get('x')",
                "        if isinstance(x, int): print('OK')",
                "        else: print('OK ' + ','.join(str(c if isinstance(c, int) else ord(c)) for c in x))",
                "    except Exception as e:",
                "        a = getattr(e, 'lineno', None), getattr(e, 'offset', None)",
                "        m = getattr(e, 'msg', None) or e.args[0]",
                "        print('ERR|%s|%s|%s|%s' % (type(e).__name__, m, -1 if a[0] is None else a[0], -1 if a[1] is None else a[1]))",
                ""));
        assertEquals(0, r.status(), r.err());
        String[] expected = r.out().split("\n");
        assertEquals(cases.size(), expected.length, r.out());
        int agreed = 0;
        List<String> unsupported = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            String ours = ours(cases.get(i), v);
            if (ours.equals("UNSUPPORTED")) {
                unsupported.add(expected[i]);
                continue;
            }
            assertEquals(expected[i], ours, v + " case " + i + ": " + new String(cases.get(i), StandardCharsets.ISO_8859_1));
            agreed++;
        }
        System.out.println("source decoding " + v + ": " + agreed + "/" + cases.size() + " agree, refused: " + unsupported);
    }

    @Test
    void cookieRules() {
        assertEquals("utf-8", SourceDecoder.normalName("UTF_8"));
        assertEquals("utf-8", SourceDecoder.normalName("utf-8-sig"));
        assertEquals("iso-8859-1", SourceDecoder.normalName("Latin-1"));
        assertEquals("utf8", SourceDecoder.normalName("utf8"));
        assertEquals("latin-1", SourceDecoder.findCookie("# -*- coding: latin-1 -*-\n".getBytes(StandardCharsets.US_ASCII), 0));
        assertEquals(null, SourceDecoder.findCookie("x = 1 # coding: latin-1\n".getBytes(StandardCharsets.US_ASCII), 0));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }
}
