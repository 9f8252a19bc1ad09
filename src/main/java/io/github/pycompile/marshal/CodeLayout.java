package io.github.pycompile.marshal;

import io.github.pycompile.target.PythonVersion;

/** The field order of a marshalled code object, by target (reference §3). */
enum CodeLayout {
    /** 2.x. */
    A,
    /** 3.0–3.7: adds kwonlyargcount. */
    B,
    /** 3.8–3.10: adds posonlyargcount. */
    C,
    /** 3.11+: no nlocals; localsplus names/kinds, qualname, exception table. */
    D;

    static CodeLayout of(PythonVersion v) {
        if (v.isPython2()) {
            return A;
        }
        if (!v.atLeast(PythonVersion.V3_8)) {
            return B;
        }
        return v.atLeast(PythonVersion.V3_11) ? D : C;
    }
}
