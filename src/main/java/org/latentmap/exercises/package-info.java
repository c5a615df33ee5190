/**
 * The classroom exercises' checks: each tells a student, in one line, whether an answer is right and what to look
 * at when it is not.
 */
package org.latentmap.exercises;
