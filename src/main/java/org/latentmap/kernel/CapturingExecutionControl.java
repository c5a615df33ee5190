package org.latentmap.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs JShell snippets in the kernel's own JVM and keeps each snippet's result object, so that the
 * kernel can render the object itself (an image, a chart, a table) rather than JShell's string of it.
 *
 * <p>JShell hands back a string per snippet; this control returns a unique key instead and parks the
 * object under it until {@link #take(String)} claims it. Each snippet runs on its own thread whose
 * context class loader is the snippets' loader, so libraries that look up services through that loader
 * (DJL finds its engine this way) see the jars added with {@code %jars}.
 */
final class CapturingExecutionControl extends LocalExecutionControl {

    static final String KEY_PREFIX = "\u0000latentmap-result-";

    private static final Map<String, Object> PARKED = new ConcurrentHashMap<>();
    private static final AtomicLong COUNTER = new AtomicLong();

    private volatile Thread running;

    /** The object behind a key this control returned, removed from the store; null for any other string. */
    static Object take(String key) {
        return key != null && key.startsWith(KEY_PREFIX) ? PARKED.remove(key) : null;
    }

    static boolean isKey(String value) {
        return value != null && value.startsWith(KEY_PREFIX);
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(
                () -> {
                    try {
                        result.set(doit.invoke(null));
                    } catch (InvocationTargetException e) {
                        failure.set(e);
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                },
                "cell");
        worker.setContextClassLoader(doit.getDeclaringClass().getClassLoader());
        running = worker;
        worker.start();
        try {
            worker.join();
        } finally {
            running = null;
        }
        Throwable thrown = failure.get();
        if (thrown instanceof InvocationTargetException ite && ite.getCause() instanceof ThreadDeath) {
            throw new ExecutionControl.StoppedException();
        }
        if (thrown instanceof Exception e) {
            throw e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
        String key = KEY_PREFIX + COUNTER.incrementAndGet();
        Object value = result.get();
        if (value != null) {
            PARKED.put(key, value);
        }
        return key;
    }

    @Override
    @SuppressWarnings({"deprecation", "removal"})
    public void stop() {
        Thread worker = running;
        if (worker == null) {
            return;
        }
        worker.interrupt();
        try {
            worker.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        // A cell that ignores the interrupt is stopped by force where the JDK still allows it (before Java 20).
        if (worker.isAlive() && Runtime.version().feature() < 20) {
            worker.stop();
        }
    }

    /** The provider JShell asks for an execution engine; registered by instance, not by name lookup. */
    static final class Provider implements ExecutionControlProvider {
        @Override
        public String name() {
            return "latentmap-capturing";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return new CapturingExecutionControl();
        }
    }
}
