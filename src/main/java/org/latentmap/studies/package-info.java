/**
 * Tables across many relocations: Table 2 of the paper, support-set sizes and strategies, map families, each a
 * small study a notebook calls in one line.
 */
package org.latentmap.studies;
