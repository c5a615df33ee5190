/**
 * latentmap's own Jupyter kernel for Java (IJava-compatible magics, completion, display data): kept apart from
 * the research code, which it never uses and which never uses it.
 */
package org.latentmap.kernel;
