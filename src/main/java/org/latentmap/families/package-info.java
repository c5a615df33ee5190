/**
 * Model families beyond the paper's, registered through the zoo's extension point: {@link
 * org.latentmap.families.TodaysFamilies}.
 */
package org.latentmap.families;
