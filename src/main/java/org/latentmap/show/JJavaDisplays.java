package org.latentmap.show;

import java.util.Map;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/**
 * latentmap's displays in JJava (DFLib's successor of IJava): JJava has its own {@code DisplayDataRenderable},
 * in another package than IJava's, which {@link Rich} cannot implement beside IJava's (both declare
 * {@code getSupportedRenderTypes()} with different return types). So JJava is taught instead: this extension,
 * listed in {@code META-INF/services/org.dflib.jjava.jupyter.Extension}, is installed by JJava when
 * {@code %classpath} adds latentmap's jar, and registers a render function that sends every {@link Rich}'s bundle
 * as it is, the same MIME types IJava and the Kotlin kernel receive.
 *
 * <p>Only JJava loads this class; JJava's base library is a compile-time ({@code provided}) dependency.
 */
public final class JJavaDisplays implements Extension {

    @Override
    public void install(BaseKernel kernel) {
        register(kernel.getRenderer());
    }

    /** Teaches a JJava renderer to render every {@link Rich} by its bundle. */
    public static void register(Renderer renderer) {
        renderer.createRegistration(Rich.class).register((rich, context) -> {
            for (Map.Entry<String, String> entry : rich.bundle().entrySet()) {
                context.renderIfRequested(MIMEType.parse(entry.getKey()), entry::getValue);
            }
        });
    }
}
