package org.hapmatrix.store;

/** Receives the load's progress; the CLI shows it on a terminal. */
public interface LoadProgress {
    LoadProgress NONE = sites -> { };

    void sitesParsed(long sites);
}
