/**
 * The walkthrough's work cut into units that run apart (issue 31): one model's training, one model's stored
 * encodings, one type of Table 2's stored relocations; listed and run by {@link org.latentmap.units.UnitCommand}, one process per unit, on one machine or as
 * a cluster's jobs on a shared zoo.
 */
package org.latentmap.units;
