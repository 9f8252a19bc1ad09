package io.github.pycompile.pyc;

import io.github.pycompile.target.PythonVersion;

/** Where {@code py_compile} writes a source's cache file when no {@code cfile} is given. */
public final class CacheFiles {
    private CacheFiles() {}

    /**
     * 2.x: {@code path + 'c'}, or {@code 'o'} when optimizing. 3.x: as
     * {@code importlib.util.cache_from_source(path, optimization='' if optimize == 0 else optimize)}:
     * {@code head/__pycache__/<base>.<tag>[.opt-N].pyc}, splitting on the last '/' and the last '.'
     * of the tail exactly as CPython does (a tail without a dot keeps its whole name, then the tag).
     */
    public static String cacheFromSource(String path, PythonVersion target, int optimize) {
        if (target.isPython2()) {
            return path + (optimize == 0 ? "c" : "o");
        }
        int slash = path.lastIndexOf('/');
        String head = slash < 0 ? "" : path.substring(0, slash);
        String tail = slash < 0 ? path : path.substring(slash + 1);
        int dot = tail.lastIndexOf('.');
        String base = dot < 0 ? "" : tail.substring(0, dot);
        String sep = dot < 0 ? "" : ".";
        String rest = dot < 0 ? tail : tail.substring(dot + 1);
        StringBuilder name = new StringBuilder();
        name.append(base.isEmpty() ? rest : base).append(sep).append(target.cacheTag().orElseThrow());
        if (optimize != 0) {
            name.append(".opt-").append(optimize);
        }
        name.append(".pyc");
        return joinPath(head, "__pycache__", name.toString());
    }

    /** {@code _path_join}: drop empty parts, strip trailing separators from each, join with '/'. */
    private static String joinPath(String... parts) {
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (String p : parts) {
            if (p.isEmpty()) {
                continue;
            }
            int end = p.length();
            while (end > 0 && p.charAt(end - 1) == '/') {
                end--;
            }
            if (!first) {
                sb.append('/');
            }
            sb.append(p, 0, end);
            first = false;
        }
        return sb.toString();
    }
}
