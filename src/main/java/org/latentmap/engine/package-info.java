/**
 * The deep-learning engine as latentmap uses it: tensors and constants that survive autograd
 * ({@link org.latentmap.engine.Tensors}), gradient mode, and the numerical settings pinned in every process
 * ({@link org.latentmap.engine.Numerics}: threads, oneDNN) on which a training's bytes depend.
 */
package org.latentmap.engine;
