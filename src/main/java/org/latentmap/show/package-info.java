/**
 * What the notebooks display: charts, image grids, tables and the explorer, behind the one-line facade
 * {@link org.latentmap.show.Show}; rendered in any Java or Kotlin kernel through Jupyter's display data.
 */
package org.latentmap.show;
