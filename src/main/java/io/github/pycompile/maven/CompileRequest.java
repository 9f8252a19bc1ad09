package io.github.pycompile.maven;

import io.github.pycompile.InvalidationMode;
import io.github.pycompile.target.PythonVersion;
import java.nio.file.Path;
import java.util.List;

/**
 * The checked parameters of one execution of the {@code compile} goal. {@code stateFile} holds what
 * earlier runs wrote (see {@link BuildState}); null compiles every file.
 */
record CompileRequest(Path sourceDirectory, List<String> files, Path outputDirectory, PythonVersion target,
        int optimize, String dfilePrefix, boolean doraise, InvalidationMode invalidationMode, Path stateFile) {}
