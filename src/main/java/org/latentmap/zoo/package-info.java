/**
 * The model zoo: each family (paper Sect. 4) and how to train it, the trained models cached by family, seed,
 * profile and data set, the numbers stored beside them ({@link org.latentmap.zoo.ZooStore}: codes, reconstruction
 * errors, which the health check reads too), every model's check (health, the reproducibility record), the zoo
 * command, and the data a walkthrough runs on.
 */
package org.latentmap.zoo;
