/**
 * What every part of latentmap uses: the run's {@link org.latentmap.Profile} and data set
 * ({@link org.latentmap.DataChoice}), where the project and its result files are ({@link org.latentmap.ProjectFolder},
 * {@link org.latentmap.Results}), and files written whole or not at all ({@link org.latentmap.AtomicFile}).
 */
package org.latentmap;
