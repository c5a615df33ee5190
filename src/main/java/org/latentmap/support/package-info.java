/**
 * Sectors and support sets (paper Sect. 5): the sectors of the most informative variables, their readings and
 * scans, the support set of one image per inhabited sector and the strategies that pick other sets, and the
 * pairwise error that compares them.
 */
package org.latentmap.support;
