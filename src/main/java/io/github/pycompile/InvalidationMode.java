package io.github.pycompile;

/** How a 3.7+ cache records that it is up to date (PEP 552), as {@code py_compile.PycInvalidationMode}. */
public enum InvalidationMode {
    /** Header holds the source's mtime and size. The only mode of 2.x and 3.6. */
    TIMESTAMP,
    /** Header holds the source hash; the importer checks it against the source. */
    CHECKED_HASH,
    /** Header holds the source hash; the importer does not check it. */
    UNCHECKED_HASH;

    /** The command-line spelling, e.g. {@code checked-hash}. */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
