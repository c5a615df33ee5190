package org.latentmap.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Jupyter's own kernel conformance suite ({@code jupyter_kernel_test}, Debian's python3-jupyter-kernel-test,
 * installed by environment/setup.sh) against the registered {@code java} kernel:
 * src/test/conformance/java_kernel_conformance.py holds the samples and says which two tests it leaves to the
 * suite's skip (pager, clear-output) and why.
 */
class KernelConformanceIT {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path SUITE = ROOT.resolve("src/test/conformance/java_kernel_conformance.py");

    @Test
    void theJavaKernelPassesJupytersConformanceSuite() throws Exception {
        Path spec = ROOT.resolve("build/jupyter/kernels/java/kernel.json");
        if (!Files.isRegularFile(spec)) {
            throw new IllegalStateException("no Java kernelspec at " + spec + ": run environment/setup.sh first");
        }
        if (!Files.isDirectory(Path.of("/usr/lib/python3/dist-packages/jupyter_kernel_test"))) {
            throw new IllegalStateException("Jupyter's conformance suite is missing: environment/setup.sh installs it"
                    + " (apt-get install python3-jupyter-kernel-test)");
        }
        ProcessBuilder builder = new ProcessBuilder(
                        List.of("/usr/bin/python3", "-m", "unittest", "-v", SUITE.toString()))
                .directory(ROOT.toFile())
                .redirectErrorStream(true);
        builder.environment().put("PATH", "/usr/bin:" + System.getenv("PATH"));
        builder.environment().put("JUPYTER_PATH", ROOT.resolve("build/jupyter").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the conformance suite did not end");
        System.out.println(output);
        assertEquals(0, process.exitValue(), "the conformance suite failed:\n" + output);
        assertTrue(output.contains("OK (skipped=2)"), "only the pager and clear-output tests are skipped:\n" + output);
    }
}
