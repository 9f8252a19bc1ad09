package io.github.pycompile.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Compiles the configured Python sources into CPython cache files. (Being built: issue 2.) */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.PROCESS_RESOURCES, threadSafe = true)
public class CompileMojo extends AbstractMojo {
    @Override
    public void execute() {
        getLog().info("py-compile: nothing configured");
    }
}
