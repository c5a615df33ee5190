package org.latentmap.data;

/** The part of a data set to read: the paper trains on {@code TRAIN} and measures on {@code TEST}. */
public enum Split {
    TRAIN,
    VALIDATION,
    TEST
}
